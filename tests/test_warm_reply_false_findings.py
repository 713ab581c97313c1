"""Ordinary warm replies that SK301, SK402 and SK404 misread (each sentence written for these tests)."""

from __future__ import annotations

import pytest

from scriptkit import lint_text


def codes(reply: str, channel: str = "email") -> set[str]:
    return {d.code for d in lint_text(reply, channel=channel, grammar="off", file="r.txt").diagnostics}


SORRY = "I'm really sorry about the mix-up with your booking. "


@pytest.mark.parametrize("fix", [
    "You're right, the voucher should have worked. I've credited the £10 to your account.",
    "The late fee shouldn't have been charged. I've refunded it to your card.",
    "The promo should've come off at checkout, so I've taken the 15% off your invoice.",
])
def test_what_should_have_happened_beside_a_step_done_is_not_a_step_still_to_come(fix: str) -> None:
    assert "SK404" not in codes(SORRY + fix)


def test_a_step_still_to_come_beside_should_have_still_owes_a_when() -> None:
    assert "SK404" in codes(SORRY + "The voucher should have worked, so I'll credit the £10 to your account.")

