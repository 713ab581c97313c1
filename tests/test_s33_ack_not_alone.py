"""Telling the customer they are not alone with a problem ("you're not alone", "you aren't the only one who ...",
"other customers have seen this too") acknowledges them: ``acknowledges_feelings`` counts it, as SK301 does, and slot
inference reads it as an acknowledgment. Being told they are the only one does not."""

from __future__ import annotations

import pytest

from scriptkit.inference import acknowledges_feelings, cues


@pytest.mark.parametrize("shared", [
    "You're not alone: the card reader at the Elm Street branch has been down since Monday.",
    "You are definitely not alone with this one.",
    "You aren't the only one who lost their saved playlists after the update.",
    "You’re not the only one seeing the blank screen on login.",
    "Other customers have seen this too, and our engineers are looking at it.",
    "A few other members have reported the same problem with the locker app.",
    "Others have also run into this after switching to the yearly plan.",
])
def test_being_told_you_are_not_alone_acknowledges(shared: str) -> None:
    assert acknowledges_feelings(shared)
    assert cues(shared).acknowledges


@pytest.mark.parametrize("alone", [
    "You're the only one who has reported this.",
    "You are the only one on the account, so only you can cancel it.",
    "Other customers have seen the new menu and liked it.",
    "Others have reported that the fix works.",
    "Your locker code is 4471.",
])
def test_other_people_or_being_the_only_one_is_no_acknowledgment(alone: str) -> None:
    assert not acknowledges_feelings(alone)
