"""Steps the session's 'a look is no step' and 'contact' readings must leave alone (code review)."""

from __future__ import annotations

import pytest

from scriptkit.config import LintConfig
from scriptkit.linting import lint_text

CONFIG = LintConfig().override(grammar="off")


def _codes(text: str) -> set[str]:
    return {d.code for d in lint_text(text, config=CONFIG).diagnostics}


@pytest.mark.parametrize("text", [
    "I'm so sorry for the trouble with your booking. I've checked you in for your flight tomorrow.",
    "I'm sorry it took so long. I've looked after the refund for you and it is done."])
def test_checking_in_and_looking_after_are_steps(text: str) -> None:
    assert "SK402" not in _codes(text)


def test_contact_details_are_no_step() -> None:
    assert "SK402" in _codes("I'm sorry about the delay. Your contact details were out of date.")
