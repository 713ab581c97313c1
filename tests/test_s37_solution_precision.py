"""SK401-SK404 precision mends read on real support replies (session 37): a block lifted or a fault resolved
told as news is a step done."""
from __future__ import annotations

import pytest

from scriptkit.linting import lint_text

SOLUTION_CODES = {"SK401", "SK402", "SK403", "SK404"}


def _codes(text: str, channel: str | None = "email") -> set[str]:
    return {d.code for d in lint_text(text, channel=channel).diagnostics} & SOLUTION_CODES


# ---------------------------------------------------------------- 1. a restriction lifted, a fault resolved: done

@pytest.mark.parametrize("text", [
    "Good news: the hold has been lifted from your card.\n\nYou can keep paying with it as you did before.",
    "We are pleased to let you know that the ban on your profile has been lifted.",
    "I can confirm the fault you reported has been resolved by our engineers.",
    "The outage has now been resolved, so you can log in again.",
])
def test_a_step_done_told_as_news_needs_no_owner_nor_time(text: str) -> None:
    assert _codes(text) == set()


@pytest.mark.parametrize(("text", "code"), [
    ("The hold will be lifted once the check is done.", "SK404"),  # (still to happen)
    ("Once the fault is resolved we will email you.", "SK404"),
    ("Your hold will be lifted today.", "SK403"),
])
def test_a_step_still_to_happen_is_still_reported(text: str, code: str) -> None:
    assert code in _codes(text)
