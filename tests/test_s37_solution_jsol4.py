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


# ---------------------------------------------------------------- 2. the customer's step alone, beside words of ours
# that own no step: reports we have had, "as far as we can tell", "not a request we can act on"

@pytest.mark.parametrize("text", [
    "We've had several reports like this one. As far as we can tell it is a fault in some printer drivers.\n\n"
    "All we can suggest is to try updating your printer driver. Failing that, you can print from the web page.",
    "If the sync fails again you need to describe exactly which step fails.\n\n"
    "As it stands this is not a request we can act on.",
    "As far as I can see the setting is off. Please turn it on under Settings > Sync.",
])
def test_the_customers_step_beside_words_that_own_nothing_needs_no_when(text: str) -> None:
    assert "SK404" not in _codes(text)


@pytest.mark.parametrize("text", [
    "We've had several reports like this one. We will look into it.",  # (a step of ours after the reports)
    "As far as we can tell it is a driver fault, so we can send you a new driver.",
    "This is not a request we can act on, but we will pass it to the team.",
])
def test_a_step_of_ours_beside_them_still_owes_a_when(text: str) -> None:
    assert "SK404" in _codes(text)


# ---------------------------------------------------------------- 3. a step left to the person the customer sends to

@pytest.mark.parametrize("text", [
    "Thanks for your message. Your recipient can spend the gift card in any of our shops. They can also add it "
    "to a phone wallet. Please note that the card cannot be exchanged for cash.",
    "Thanks for checking with us. The recipient can collect the parcel from the locker with the code in the text "
    "message. The locker keeps it for a week.",
])
def test_a_step_left_to_the_recipient_needs_no_when(text: str) -> None:
    assert "SK404" not in _codes(text)


@pytest.mark.parametrize("text", [
    "Thanks for checking with us. Your recipient can collect the parcel once we have released it.",  # (ours to come)
    "Thanks for checking with us. The recipient can spend the card, and we will activate it for them.",
])
def test_a_recipients_step_after_one_of_ours_still_owes_a_when(text: str) -> None:
    assert "SK404" in _codes(text)
