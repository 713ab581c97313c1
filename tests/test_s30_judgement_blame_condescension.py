"""SK305: condescension that corrects the customer ("As you can see from the statement, the amount is correct"),
counts their contacts, or restates with "Again," is found; "I hear what you're saying, but" is a stock dismissal."""

from __future__ import annotations

import pytest

from scriptkit import lint_text


def found(text: str, code: str = "SK305") -> list[str]:
    return [d.text for d in lint_text(text, grammar="off").diagnostics if d.code == code]


# condescension that corrects the customer

@pytest.mark.parametrize("text", [
    "As you can see from the statement, the amount is correct.",
    "The total was right, as you can see on the receipt.",
    "If you read the booking email, you'll see the time was correct.",
    "If you check the order page, you will see that the address was right.",
    "This is the fourth time you've emailed us about the refund.",
    "That is the second time you have asked about this.",
    "Again, the delivery fee applies to every order.",
    "Once again, the warranty doesn't cover water damage.",
])
def test_condescension_that_corrects_them_is_found(text: str) -> None:
    assert found(text) != []


@pytest.mark.parametrize("text", [
    "As you can see in the photo I attached, the switch is on the left.",
    "If you check your inbox, you'll see the new code.",
    "I'm so sorry, this is the third time you've had to write to us about this.",
    "Again, I'm so sorry for the mix-up.",
    "Again, thanks for your patience while we sorted it.",
    "Again, please let me know if the code doesn't arrive.",
    "I tried again, and the page loads now.",
])
def test_pointing_and_warm_repetition_are_not(text: str) -> None:
    assert found(text) == []


def test_i_hear_what_youre_saying_but_is_a_stock_dismissal() -> None:
    text = "I hear what you're saying, but the fee is correct."
    assert found(text) == ["I hear what you're saying, but"]
    assert found(text, "SK306") == []  # (one finding for the one fault)


def test_i_hear_what_youre_saying_and_acting_is_not() -> None:
    assert found("I hear what you're saying, and I've refunded the fee today.") == []
