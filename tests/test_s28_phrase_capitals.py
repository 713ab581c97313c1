"""SK201's built-in rewrites keep a phrase's capitals where the text shouts ("ADDITIONAL items" -> "EXTRA items"),
as a team's substitutions do ("MEAL KIT" -> "BOX")."""

from __future__ import annotations

import pytest

from scriptkit import lint_text


def _fixes(sentence: str) -> list[str]:
    return [e.replacement for d in lint_text(sentence).diagnostics if d.code == "SK201" and d.fix is not None
            for e in d.fix.edits]


@pytest.mark.parametrize(("sentence", "fixed"), [
    ("ADDITIONAL items ship free this week.", ["EXTRA"]),
    ("Good news: ADDITIONAL items ship free this week.", ["EXTRA"]),
    ("WE ARE UNABLE TO refund it, sorry.", ["WE CAN'T"]),
    ("Please read this: I WILL EXPEDITE IT today.", ["SPEED IT UP"]),
    ("I've added AN ADDITIONAL item.", ["EXTRA"]),
    # a capital only at the sentence's start is no shouting
    ("Additional items ship free this week.", ["Extra"]),
    ("I've added an additional item.", ["extra"]),
])
def test_a_rewrite_keeps_the_capitals_of_the_words_it_replaces(sentence: str, fixed: list[str]) -> None:
    assert _fixes(sentence) == fixed
