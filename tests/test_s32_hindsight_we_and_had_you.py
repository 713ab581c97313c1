"""SK305 heard hindsight aimed at the customer only when its consequence was theirs ("if you had rung us sooner, you
wouldn't have ..."): with "we" after it ("if you had told us sooner, we would have been able to stop it") or turned
round ("had you rung us sooner, you wouldn't have ...") it said nothing. Our own hindsight, an offer and a plain
condition are left alone."""

from __future__ import annotations

import pytest

from scriptkit.config import LintConfig
from scriptkit.linting import lint_text

FIX = "I've cancelled the renewal and the refund is on its way."


def _blame(reply: str) -> list[str]:
    result = lint_text(reply, file="reply.txt", config=LintConfig().override(grammar="off"))
    return [d.message for d in result.diagnostics if d.code == "SK305" and "blam" in d.message.lower()]


@pytest.mark.parametrize("hindsight", [
    "If you had mentioned the move sooner, we would have been able to redirect the parcel.",
    "If you'd phoned us that morning, we could have cancelled the booking.",
    "Had you rung us sooner, you wouldn't have been charged twice.",
    "Had you only checked the size chart, you would have picked the larger coat.",
    "Had you told us about the new card, we'd have taken the payment from it.",
])
def test_hindsight_with_our_consequence_or_turned_round_is_reported(hindsight: str) -> None:
    assert _blame(f"I know this has been a hassle. {hindsight} {FIX}")


@pytest.mark.parametrize("neutral", [
    "If you'd like, we can move the delivery to Friday.",
    "Had we known about the strike, we would have warned you sooner.",
    "If you had a delivery note with the order, please send us a photo of it.",
    "Had you received our reminder, you would have seen the new date; I'm sorry it never arrived.",
    "If you had been charged twice, we would have refunded it straight away.",
    "If you'd prefer a call, we would have an agent ring you today.",
])
def test_our_own_hindsight_an_offer_or_a_condition_is_left_alone(neutral: str) -> None:
    assert not _blame(f"I know this has been a hassle. {neutral} {FIX}")
