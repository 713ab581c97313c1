"""SK301 hears a wry "not the kind of ... anyone wants"; its suggestion fits what the reply already has (a bare
"Sorry for the wait!" stays a courtesy, as tests/test_rules_empathy.py holds, and is told to name what happened)."""

from __future__ import annotations

import pytest

from scriptkit.config import LintConfig
from scriptkit.diagnostics import Diagnostic
from scriptkit.inference import acknowledges_feelings
from scriptkit.linting import lint_text

FIX = "I've sent a replacement today and it will arrive by Thursday."


def _sk301(reply: str) -> list[Diagnostic]:
    result = lint_text(reply, file="reply.txt", config=LintConfig().override(grammar="off"))
    return [d for d in result.diagnostics if d.code == "SK301"]


@pytest.mark.parametrize("opening", [
    "Well, a cracked screen is not the kind of welcome anybody wants from a new phone!",
    "That isn't exactly the sort of birthday present anyone hopes for.",
    "Apologies again for the slow reply, that's on me.",
])
def test_the_opening_acknowledges(opening: str) -> None:
    assert _sk301(f"{opening} {FIX}") == []


@pytest.mark.parametrize("opening", [
    "We apologize for the delay.",        # the formal kind, SK204's: no one owns the wait
    "Sorry for any delay.",               # a stock formula
    "It is not the kind of plan anyone on a budget should choose.",
    "Your order number is 5521.",
])
def test_these_still_do_not(opening: str) -> None:
    assert len(_sk301(f"{opening} {FIX}")) == 1


def test_the_suggestion_fits_an_apology_already_there() -> None:
    (d,) = _sk301(f"Sorry for the wait! {FIX}")
    assert "what happened" in (d.suggestion or "") and "I'm sorry" in (d.suggestion or ""), d.suggestion
    (plain,) = _sk301(f"Your order number is 5521. {FIX}")
    assert plain.suggestion != d.suggestion
    (thanks,) = _sk301(f"Thanks for getting in touch. {FIX}")
    assert thanks.suggestion not in (d.suggestion, plain.suggestion), thanks.suggestion
    # (each example offered acknowledges by the rule's own reading)
    for suggestion in (d.suggestion, thanks.suggestion):
        quoted = (suggestion or "").split('"')[1::2]
        assert quoted and all(acknowledges_feelings(q) for q in quoted), quoted
