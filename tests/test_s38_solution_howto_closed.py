"""SK402/SK404 on real-reply shapes (session 38): a how-to answer closed with an offer of more help is the customer's
step alone; "unsubscribe" and "relink" name a step; "within minutes" is a time frame."""

from __future__ import annotations

from pathlib import Path

import pytest

from scriptkit.rules.solution import NoNextStep, NoTimeFrame
from tests.test_rules_solution import flagged, write

_CLOSER = " If you need anything else, please don't hesitate to contact us. We'll be more than happy to help you."


@pytest.mark.parametrize("solution", [
    "To change your plan, open Settings.\n\n- Tap Billing;\n- Tap Change plan;\n- Choose the new plan." + _CLOSER,
    "You can download the invoice under My Orders." + _CLOSER,
    "Please restart the app and sign in again. We're always here to help.",
])
def test_a_how_to_closed_with_an_offer_asks_no_when(tmp_path: Path, solution: str) -> None:
    root = write(tmp_path / "p", {"s": {"acknowledgment": "I can see how annoying that is.", "solution": solution}})
    assert flagged(NoTimeFrame, root) == set()


@pytest.mark.parametrize("solution", [
    "Please restart the app. We'll also reset your account." + _CLOSER,  # (a step of ours beside theirs)
    "You can download the invoice under My Orders. Our team will refund the fee." + _CLOSER,
])
def test_a_step_of_ours_beside_the_offer_still_owes_a_when(tmp_path: Path, solution: str) -> None:
    root = write(tmp_path / "p", {"s": {"acknowledgment": "I can see how annoying that is.", "solution": solution}})
    assert flagged(NoTimeFrame, root) == {"s"}


@pytest.mark.parametrize("solution", [
    "You can unsubscribe from the newsletter at the foot of any of our letters.",
    "The team will relink the card to your new profile by Friday.",
])
def test_unsubscribe_and_relink_name_a_step(tmp_path: Path, solution: str) -> None:
    root = write(tmp_path / "p", {"s": {"acknowledgment": "I can see how annoying that is.", "solution": solution}})
    assert flagged(NoNextStep, root) == set()


@pytest.mark.parametrize(("solution", "timed"), [
    ("Card payments usually reach the wallet within minutes, and we'll email you once it lands.", True),
    ("The refund will be with you within a few hours.", True),
    ("We'll send the refund in a matter of hours.", True),
    ("You can call the shop in hours and we'll ring you back.", False),  # (a British "in office hours")
])
def test_minutes_and_hours_without_a_number(tmp_path: Path, solution: str, timed: bool) -> None:
    root = write(tmp_path / "p", {"s": {"acknowledgment": "I can see how annoying that is.", "solution": solution}})
    assert (flagged(NoTimeFrame, root) == set()) is timed
