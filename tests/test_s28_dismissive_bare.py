"""SK305: "nothing we can do" said bare closes the door as "there's nothing we can do" does."""

from __future__ import annotations

import pytest

from scriptkit import lint_text


def dismissive(text: str) -> list[str]:
    return [d.text for d in lint_text(text, grammar="off").diagnostics if d.code == "SK305"]


@pytest.mark.parametrize(("text", "words"), [
    ("Nothing we can do on our end, contact your bank.", "Nothing we can do"),
    ("nothing we can do on our end, contact ur bank", "nothing we can do"),
    ("There is really nothing I can do about the fee.", "nothing I can do"),
])
def test_the_door_closed_bare_is_flagged(text: str, words: str) -> None:
    assert dismissive(text) == [words]


@pytest.mark.parametrize("text", ["There's nothing we can do about the fee.", "There is nothing we can do."])
def test_the_written_out_phrase_is_flagged_once(text: str) -> None:
    assert len(dismissive(text)) == 1


def test_a_question_that_offers_help_is_not() -> None:
    assert dismissive("Is there nothing I can do to help?") == []
