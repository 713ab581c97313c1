"""A step already done stays done when the reply goes on to say what it means for the customer: "It went through
this morning, so you'll see it on your statement by Wednesday." and "I've cancelled the duplicate order, so you'll
only be charged once." got SK402, SK403 or SK404 for the consequence's "you'll", which "It went through this
morning." and "I've cancelled the duplicate order." did not. A step still to happen, or one a decision only
promises ("Your claim has been accepted. You'll receive the credit..."), is still open."""

from __future__ import annotations

import pytest

from scriptkit.config import LintConfig
from scriptkit.linting import lint_text

CONFIG = LintConfig().override(grammar="off")
SOLUTION_RULES = {"SK402", "SK403", "SK404"}


def _codes(reply: str) -> set[str]:
    return {d.code for d in lint_text(f"Hi Jo,\n\n{reply}\n\nPriya", config=CONFIG).diagnostics}


@pytest.mark.timeout(60)
@pytest.mark.parametrize("reply", [
    "I'm sorry the refund took so long. It went through this morning, so you'll see it on your statement by "
    "Wednesday.",
    "I'm sorry the refund took so long. It went through this morning, and it should show on your statement by "
    "Wednesday.",
    "I'm sorry the refund took so long. Your refund went through this morning, so you'll see it on your statement "
    "by Wednesday.",
    "I'm sorry the order went through twice. I've cancelled the duplicate order, so you'll only be charged once.",
    "I'm sorry the order went through twice. I've cancelled the duplicate, so you won't be charged for it.",
    "I'm sorry the order went through twice. I've cancelled the duplicate order, which means you won't be charged "
    "again.",
    "Sorry it was such a hassle! Your new card shipped today.",
    "Sorry it was such a hassle! Your new card shipped today, and it should arrive by Friday.",
    "Sorry it was such a hassle! Your replacement was posted this morning.",
    "Sorry the box came at a bad time. I've skipped next week's box for you today.",
    "Sorry the box came at a bad time. I've skipped next week for you, so there's nothing more to do.",
    "Sorry about the mix-up with the address. Your refund has been issued. It should reach your account within 3 "
    "days.",
    "Sorry about the mix-up with the address. Your refund has been issued, so you'll get the refund by Friday.",
    "Sorry you were locked out. I've reset your password, so you'll need to log in again.",
])
def test_a_step_done_stays_done_with_what_it_means_for_the_customer(reply: str) -> None:
    assert _codes(reply) & SOLUTION_RULES == set()


@pytest.mark.timeout(60)
@pytest.mark.parametrize(("reply", "code"), [
    # still to happen, with nobody doing it
    ("Sorry about the wait. Your refund went through, and it will be processed again on Friday.", "SK403"),
    ("Sorry about the wait. Your order was cancelled, and you will be refunded within 5 days.", "SK403"),
    ("Sorry about the wait. Your order was cancelled, so you'll get a refund by Friday.", "SK403"),
    # a decision only promises the step: the credit is still to be paid
    ("Sorry about the wait. Your claim has been accepted. You'll receive the credit on your card within 3 days.",
     "SK403"),
    # a wait for what was sent still owes the customer a when
    ("Sorry about the wait. I've refunded the fee, so you'll see it on your statement.", "SK404"),
    ("Sorry about the wait. I've refunded the fee, so you'll see it on your statement soon.", "SK404"),
    # a step of the writer's after the consequence is still the writer's to time
    ("Sorry about the wait. I've cancelled the order, so you'll only be charged once, and I'll send the refund.",
     "SK404"),
])
def test_a_step_still_to_happen_is_still_open(reply: str, code: str) -> None:
    assert code in _codes(reply)
