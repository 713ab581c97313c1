"""Good news with no "Great news!" before it hears the customer: SK301 and SK105's advice leave it alone."""
import pytest

from scriptkit.linting import lint_text


def codes(text: str) -> set[str]:
    return {d.code for d in lint_text(text, grammar="off").diagnostics}


# a request granted, told first: the news is what the customer waited for, and it hears them
@pytest.mark.parametrize("text", [
    "All set! Your credit of $15 is on the way and should reach your account within 2 days.",
    "Your deposit refund has been approved and will be back on your card within 4 days.",
    "I can confirm your overdraft has now been increased to 800 pounds.",
    "I've gone ahead and refunded the delivery fee on your last order.",
])
def test_good_news_without_an_upbeat_opener_needs_no_acknowledgment(text: str) -> None:
    assert not codes(text) & {"SK301", "SK105"}


@pytest.mark.parametrize("text", [
    "Your request has been received.",  # (a receipt helps nobody)
    "We have processed it.",  # (nothing of theirs in it)
    "Your order has been reshipped and will arrive on Friday.",  # (a fix of what went wrong still owes hearing it)
    "Your refund has not been approved yet.",
    "Sorry, your refund has been approved and will reach you in 5 days.",
])
def test_cold_or_unwelcome_openings_still_get_sk301(text: str) -> None:
    assert "SK301" in codes(text)
