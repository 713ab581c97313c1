"""A closing on the line right under the last words of a reply that end with no mark ("...if it doesn't\\nBest
wishes,\\nJo Bloggs") is the sign-off, as it is after a full stop: it was read into the last sentence."""

from __future__ import annotations

import pytest

from scriptkit.config import LintConfig
from scriptkit.linting import lint_text
from scriptkit.text import sentence_spans

REPLY = ("Hi Sam,\n\nI'm so sorry the parcel arrived damaged. I've sent a replacement today and it'll reach you by "
         "Friday, so let me know right away if it doesn't\nBest wishes,\nJo Bloggs\n")


def test_the_closing_and_name_are_the_sign_off() -> None:
    result = lint_text(REPLY, channel="email", config=LintConfig().override(grammar="off"))
    slots = {s.text: s.slot for s in result.sentences}
    assert slots.get("Best wishes,\nJo Bloggs") == "signoff", slots
    last = next(t for t in slots if t.startswith("I've sent"))
    assert last.endswith("if it doesn't"), last


def test_a_line_that_goes_on_is_no_closing() -> None:
    text = "I've sent it today, and\nyou'll have it by Friday,\nat the latest"
    assert len(list(sentence_spans(text))) == 1


@pytest.mark.timeout(60)  # (backtracking would take far longer; a hang fails here, not a timing)
def test_it_ends_on_hostile_text() -> None:
    assert list(sentence_spans("\nAb,\n" * 12_000 + "x" * 1000))
