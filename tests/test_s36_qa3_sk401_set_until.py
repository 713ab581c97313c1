"""SK401/SK402: a state the customer asked for set until a date ("on hold until 12 June", "frozen", "suspended at
your request") is the step done, as "paused until June" is; a suspension or lock until a date alone, or a hold until
further notice, is still no solution."""

from __future__ import annotations

import pytest

from scriptkit import lint_text
from scriptkit.config import LintConfig

_CONFIG = LintConfig().override(grammar="off")


def codes(body: str, code: str) -> list[str]:
    return [d.message for d in lint_text(body, channel="email", config=_CONFIG).diagnostics if d.code == code]


@pytest.mark.parametrize("body", [
    "Your gym membership is on hold until 12 June.",
    "Done! Your meal box deliveries are on hold until next Monday.",
    "Your membership is frozen until 12 June.",
    "Your membership has been suspended at your request until 12 June.",
    "Your subscription is paused until 12 June.",
])
def test_a_state_the_customer_asked_for_set_until_a_date_is_the_step_done(body: str) -> None:
    assert codes(body, "SK401") + codes(body, "SK402") + codes(body, "SK403") == []


@pytest.mark.parametrize("body", [
    "Your account is suspended until 12 June.",
    "Your account is locked until 12 June.",
    "Your subscription is on hold until further notice.",
    "Your order is on hold until we hear from the bank.",
])
def test_a_penalty_or_a_hold_waiting_on_something_is_still_no_solution(body: str) -> None:
    assert len(codes(body, "SK401")) == 1
