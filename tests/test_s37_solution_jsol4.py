"""SK404 precision mends read on real support replies (session 37, jsol4)."""
from __future__ import annotations

import pytest

from scriptkit.linting import lint_text
from scriptkit.rules.solution import finished

SOLUTION_CODES = {"SK401", "SK402", "SK403", "SK404"}


def _codes(text: str, channel: str | None = "email") -> set[str]:
    return {d.code for d in lint_text(text, channel=channel).diagnostics} & SOLUTION_CODES


# ---------------------------------------------------------------- 1. the customer's check asked in capitals

@pytest.mark.parametrize("text", [
    "Your refund has been issued. We would kindly ask you to CONFIRM it arrived.",
    "WE WOULD LIKE TO INFORM YOU THAT your refund has been issued.",
    "Your refund has been issued. We would ask you to Verify it arrived.",
])
def test_a_check_asked_in_capitals_after_a_step_done_is_still_read(text: str) -> None:
    # (the same sentences in lower case are read as a step done: the capitals must not change that)
    assert finished(text.lower())
    assert finished(text)
