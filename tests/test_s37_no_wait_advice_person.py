"""Session 37: SK201's advice for "Thank you for your understanding" in a reply that tells of no wait said "Thank you
for bearing with me" in a reply written as "we"."""

from __future__ import annotations

from scriptkit.linting import lint_text


def _sk201_suggestion(text: str) -> str:
    [found] = [d for d in lint_text(text, grammar="off").diagnostics if d.code == "SK201"]
    return found.suggestion or ""


def test_no_wait_advice_follows_the_reply_written_as_we() -> None:
    we = ("We allow one membership per household. Please use the membership you already have.\n\n"
          "Thank you for your understanding.")
    assert "bearing with us" in _sk201_suggestion(we)
    i_wrote = ("I checked, and each household can hold one membership. Please use the one you have.\n\n"
               "Thank you for your understanding.")
    assert "bearing with me" in _sk201_suggestion(i_wrote)
