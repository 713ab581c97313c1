"""SK405 on real replies: a long solution after a thank-you, with no acknowledgment or apology before it, is SK301's
missing acknowledgment, not an imbalance of care and solution; after a token apology it still is one."""

from __future__ import annotations

from scriptkit import lint_text

# steps after a thank-you, and nothing that hears the customer: 60-odd words of solution after 4 of thanks
STEPS_AFTER_THANKS = (
    "Thanks for your message.\n\nTo move your plan to the new address, open Settings and choose Account. Pick "
    "Address, type the new street, town and postcode, and press Save. Then open Billing and check that the card "
    "on file still has the same billing address, since the bank compares the two before it lets the next "
    "payment through. You'll get an email once the change is saved.")


def _codes(text: str) -> dict[str, str]:
    return {d.code: d.message for d in lint_text(text, channel="email").diagnostics}


def test_steps_after_only_a_thank_you_are_not_called_out_of_balance() -> None:
    found = _codes(STEPS_AFTER_THANKS)
    assert "SK405" not in found, found["SK405"]
    assert "SK301" in found


def test_steps_after_a_token_apology_are_still_out_of_balance() -> None:
    text = STEPS_AFTER_THANKS.replace("Thanks for your message.", "Sorry to hear that!")
    assert "acknowledgment" in _codes(text).get("SK405", "")
