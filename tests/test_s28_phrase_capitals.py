"""SK201's built-in rewrite of a phrase in capitals is in lower case ("ADDITIONAL items" -> "Extra items"): kept in
capitals, it kept the shouting SK208 reports, which has no fix of its own."""

from __future__ import annotations

import pytest

from scriptkit import lint_text


def _fixes(sentence: str) -> list[str]:
    return [e.replacement for d in lint_text(sentence).diagnostics if d.code == "SK201" and d.fix is not None
            for e in d.fix.edits]


@pytest.mark.parametrize(("sentence", "fixed"), [
    ("ADDITIONAL items ship free this week.", ["Extra"]),
    ("Good news: ADDITIONAL items ship free this week.", ["Extra"]),
    ("WE ARE UNABLE TO refund it, sorry.", ["We can't"]),
    ("Please read this: I WILL EXPEDITE IT today.", ["speed it up"]),
    ("I've added AN ADDITIONAL item.", ["an extra"]),
    # a capital only at the sentence's start is no shouting
    ("Additional items ship free this week.", ["Extra"]),
    ("I've added an additional item.", ["extra"]),
])
def test_a_rewrite_of_words_in_capitals_is_in_lower_case(sentence: str, fixed: list[str]) -> None:
    assert _fixes(sentence) == fixed
