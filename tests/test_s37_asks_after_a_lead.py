"""A question for the customer's answer after a lead ("Happy to look into it, which card did you pay with?") or put
with the thing asked about as its subject ("Which number is calling you?") is shown as asking, as "Which browser are
you using?" is; review showed it as a solution of the writer's."""

from __future__ import annotations

import pytest

from scriptkit.inference import ASKS, practice_shown


@pytest.mark.parametrize("sentence", [
    "Which number is calling you?",
    "We'd love to sort this out, which card is showing the charge?",
    "Happy to look into it, what error message do you see?",
])
def test_a_question_for_the_customer_is_shown_as_asking(sentence: str) -> None:
    assert practice_shown("solution", sentence) == ASKS


@pytest.mark.parametrize("sentence", [
    "Could you send us a photo of the label?",
    "We can refund it today, which suits you?",
    "I'll check it now, is that okay?",
])
def test_a_request_or_an_offer_is_not(sentence: str) -> None:
    assert practice_shown("solution", sentence) == "solution"
