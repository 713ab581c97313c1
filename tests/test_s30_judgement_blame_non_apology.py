"""SK305: a non-apology, for their feeling or on a condition of it ("We apologise if you were put out"), is found."""

from __future__ import annotations

import pytest

from scriptkit import lint_text


def found(text: str, code: str = "SK305") -> list[str]:
    return [d.text for d in lint_text(text, grammar="off").diagnostics if d.code == code]


# non-apologies: the apology is for their feeling, or conditional on it

@pytest.mark.parametrize("text", [
    "We apologise if you were put out by the wait.",
    "I apologize if you were inconvenienced by the change.",
    "We apologize if you feel misled by the advert.",
    "I'm sorry you're unhappy with our decision on the claim.",
    "We're sorry that you are disappointed with the outcome of the review.",
    "I am sorry you're upset with our response.",
])
def test_non_apologies_are_found(text: str) -> None:
    assert found(text) != []


@pytest.mark.parametrize("text", [
    "I'm so sorry you're going through all this with the boiler.",
    "I'm sorry you were billed two times for one plan.",
    "I apologise if my last email was confusing: the refund went out today.",
    "I'm sorry you're unhappy with the blender; I've sent a new one today.",
])
def test_real_apologies_are_not(text: str) -> None:
    assert found(text) == []
