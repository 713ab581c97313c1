"""SK302 in review: a short self-introduction before the acknowledgment is courtesy, and an acknowledgment that
opens its answer under a quoted complaint is not late."""

from __future__ import annotations

from typing import Any

import pytest

from scriptkit.linting import lint_text


def _found(text: str, code: str) -> list[Any]:
    return [d for d in lint_text(text, grammar="off").diagnostics if d.code == code]


FIX = "I've cancelled the duplicate order and refunded it today; you'll see it within 4 days."


@pytest.mark.parametrize("introduction", [
    "I'm Priya from the orders team.",
    "My name is Priya and I'll be helping you today.",
    "I'm Priya, and I'll be looking after your case.",
    "Priya here from Orders.",
])
def test_a_short_introduction_before_the_acknowledgment_is_courtesy(introduction: str) -> None:
    text = (f"Hello Marco,\n\n{introduction} I'm so sorry the order went through twice, that's a real worry.\n\n"
            f"{FIX}\n\nKind regards,\nPriya\n")
    assert _found(text, "SK302") == []


def test_an_introduction_that_carries_content_is_content() -> None:
    text = ("Hello Marco,\n\nI'm Priya from the orders team and I've checked both orders against your card. "
            "I'm so sorry the order went through twice, that's a real worry.\n\n" + FIX + "\n")
    (found,) = _found(text, "SK302")
    assert "I'm Priya from the orders team" in found.message


def test_content_after_an_introduction_still_comes_before_the_acknowledgment() -> None:
    text = ("Hello Marco,\n\nI'm Priya from the orders team. Duplicate orders are refunded automatically. "
            "I'm so sorry the order went through twice, that's a real worry.\n\n" + FIX + "\n")
    (found,) = _found(text, "SK302")
    assert "Duplicate orders are refunded" in found.message


QUOTED = ("Hi Marco,\n\n> Which card will the refund go to?\n\nThe refund goes back to the card you paid with."
          "\n\n> I'm honestly fed up, this is the second double charge this month.\n\n{answer}\n\nBest,\nPriya\n")


def test_an_acknowledgment_opening_its_answer_under_a_quoted_complaint_is_not_late() -> None:
    answer = "I completely understand why you're fed up, two double charges is not okay. " + FIX
    assert _found(QUOTED.format(answer=answer), "SK302") == []


def test_an_acknowledgment_after_content_in_its_answer_block_is_still_late() -> None:
    answer = FIX + " I completely understand why you're fed up, two double charges is not okay."
    assert len(_found(QUOTED.format(answer=answer), "SK302")) == 1
