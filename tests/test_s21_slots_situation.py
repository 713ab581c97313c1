"""SK303: an acknowledgment that names what went wrong with a thing ("arrived scuffed", "the page is slow") names
the customer's situation."""

from __future__ import annotations

import pytest

from scriptkit.linting import lint_text

FIX = " I've sent a new pair this morning by next-day delivery."


@pytest.mark.parametrize("ack", [
    "I'd feel exactly the same if my wedding shoes arrived scuffed.",
    "I'm sorry the page is slow.",
    "Sorry to hear the website is so slow for you.",
    "I'm sorry the lid was cracked.",
    "Sorry to see the app is still so laggy.",
])
def test_an_acknowledgment_naming_what_is_wrong_is_not_vague(ack: str) -> None:
    codes = {d.code for d in lint_text(ack + FIX).diagnostics}
    assert not codes & {"SK301", "SK303"}, codes


@pytest.mark.parametrize("ack", ["I understand your concern.", "I hear you.", "I'm sorry about that."])
def test_an_acknowledgment_naming_nothing_still_is(ack: str) -> None:
    codes = {d.code for d in lint_text(ack + FIX).diagnostics}
    assert codes & {"SK301", "SK303"}, codes
