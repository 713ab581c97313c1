"""SK403 precision on real replies (session 38): a solution that names no step anyone could own (it only informs,
refuses in the writer's voice, or is a form, a link or an opener alone) is not told to say who will act."""
from __future__ import annotations

import pytest

from scriptkit.linting import lint_text


def _codes(text: str) -> set[str]:
    return {d.code for d in lint_text(text, channel="email").diagnostics}


@pytest.mark.parametrize("text", [
    # information only: nothing is left for anyone to do
    "Most parcels to Norway arrive within four working days, and tracking updates every evening.",
    "Gift cards are valid for two years and can be spent on any item in our shop.",
    "Transfers are sent within minutes.",  # (how things work: nobody's, and nothing left to own)
    "Your refund is processed within 5 days.",
    # a link, a form's fields, a list of what is accepted
    "https://help.example.org/articles/returns-policy",
    "Order number -\n\nPostcode -",
    # a refusal in the writer's voice
    "As a marketplace, we are not able to reverse a payment that a seller has already accepted.",
])
def test_a_solution_with_no_step_to_own_is_not_told_to_name_an_owner(text: str) -> None:
    assert "SK403" not in _codes(text)


@pytest.mark.parametrize("text", [
    "A replacement will be sent today.",
    "Your case has been escalated to the billing team.",
    "Your request is under review.",
    "The claim was passed to our warehouse this morning.",
    "Your refund is pending.",
])
def test_a_step_with_nobody_in_it_still_needs_an_owner(text: str) -> None:
    assert "SK403" in _codes(text)
