"""A refusal said by nobody takes back the step of its own clause only: not the next sentence's, not a
step whose object a relative clause describes ("the payment that was declined")."""

from __future__ import annotations

import pytest

from scriptkit import lint_text


def steps_missing(line: str) -> set[str]:
    text = "Hi Sam,\n\nI can see how frustrating this is.\n\n" + line + "\n\nBest,\nAlex"
    return {d.code for d in lint_text(text, config=None).diagnostics} & {"SK401", "SK402", "SK403"}


@pytest.mark.parametrize("line", [
    "Your card was declined. I have sent a new payment link today.",
    "Refunds are not possible after 14 days but I will send a replacement today.",
    "I've refunded the payment that was declined, and it reaches you by Friday.",
    "I've re-sent the parcel that was rejected, and it reaches you by Friday.",
    "I've approved the refund you were denied last week, and it reaches you by Friday.",
    "I've refunded the order it wasn't possible to ship, and the money reaches you by Friday.",
])
def test_a_step_beside_a_refusal_still_counts(line: str) -> None:
    assert steps_missing(line) == set()


@pytest.mark.parametrize("line", [
    "Unfortunately refunds are not possible after 14 days as the item has been used.",
    "The refund was declined by our team.",
])
def test_a_refusal_alone_is_no_step(line: str) -> None:
    assert steps_missing(line) & {"SK401", "SK402"}
