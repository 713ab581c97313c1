"""Ordinary warm replies that SK301 misread (each sentence written for these tests)."""

from __future__ import annotations

import pytest

from scriptkit import lint_text


def codes(reply: str, channel: str = "email") -> set[str]:
    return {d.code for d in lint_text(reply, channel=channel, grammar="off", file="r.txt").diagnostics}


@pytest.mark.parametrize("admission", [
    "You were right, the voucher should have worked.",
    "You were quite right about the double charge.",
    "You're absolutely right that the parcel went to the wrong address.",
])
def test_telling_the_customer_they_were_right_acknowledges_them(admission: str) -> None:
    assert "SK301" not in codes(f"Thanks for getting in touch. {admission} I've refunded the £10 to your card today.")


def test_a_reply_that_says_nobody_was_right_still_acknowledges_nothing() -> None:
    reply = "Thanks for getting in touch. The right size is a 9. I've refunded the £10 to your card today."
    assert "SK301" in codes(reply)
