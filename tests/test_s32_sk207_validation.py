"""SK207 counts a feeling the writer sides with ("That's so annoying", "I know that's disappointing",
"What a rotten surprise") as validation, as it already counted "That sounds really stressful"; its
suggestion asks for the writer's own words, not a stock line."""

from __future__ import annotations

import pytest

from scriptkit.config import LintConfig
from scriptkit.diagnostics import Diagnostic
from scriptkit.linting import lint_text
from scriptkit.rules.warmth import has_warm_language

FIX = "I've reset the password for you today."


def _sk207(reply: str) -> list[Diagnostic]:
    result = lint_text(reply, file="reply.txt", config=LintConfig().override(grammar="off"))
    return [d for d in result.diagnostics if d.code == "SK207"]


@pytest.mark.parametrize("validation", [
    "I know that's disappointing.",
    "That's so annoying.",
    "Ugh, that's really frustrating.",
    "That is worrying, I agree.",
    "What a maddening way to start the week!",
    "What a pain!",
    "Totally get it, that's super annoying.",
    "It's infuriating when a login keeps failing.",
    "No wonder the locked account worried you.",
])
def test_a_feeling_the_writer_sides_with_is_warm(validation: str) -> None:
    assert _sk207(f"{validation} {FIX}") == []
    assert has_warm_language(validation)


@pytest.mark.parametrize("cold", [
    "That's the order number you gave us.",      # no feeling named
    "That's not annoying at all.",               # the feeling denied
    "The login form is on the left.",
    "That's the worrying part of our report, which we sent on Monday.",  # a feeling word, not beside "that's"
])
def test_no_feeling_validated_is_still_reported(cold: str) -> None:
    assert len(_sk207(f"{cold} {FIX}")) == 1


def test_the_suggestion_asks_for_the_writers_own_words() -> None:
    (d,) = _sk207(f"Your order number is 4411. {FIX}")
    suggestion = d.suggestion or ""
    assert "own words" in suggestion
    assert "Thanks for letting me know" not in suggestion and "here to help" not in suggestion
    # (its own examples are warm lines by the rule's reading)
    quoted = suggestion.split('"')[1::2]
    assert quoted and all(has_warm_language(q) for q in quoted), quoted
