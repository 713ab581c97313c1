"""A sentence that offers no step (a refusal with nothing offered, a receipt notice, an order to calm down, a bare
"anything else?") is no solution: a reply of such sentences is told it has none (SK401). Before, review labelled
each of them `solution`, so such a reply was told its solution "does not say who will act" (SK403) instead."""

from __future__ import annotations

import pytest

from scriptkit.config import LintConfig
from scriptkit.inference import infer_slots
from scriptkit.linting import lint_text


@pytest.mark.parametrize("sentence", [
    "Sadly there is nothing more we can do about it.",
    "Your enquiry has been received.",
    "Please calm down.",
    "Calm down, please.",
    "anything else?",
    "Is there anything else?",
])
def test_a_sentence_that_offers_no_step_is_no_solution(sentence: str) -> None:
    text = f"Hello Kim,\n\nThanks for your message. {sentence}\n\nRegards,\nJo\n"
    slots = {text[a:b]: slot for a, b, slot, _ in infer_slots(text, frames=True)}
    assert slots[sentence] != "solution", slots


def test_a_reply_of_a_receipt_and_a_refusal_is_told_it_has_no_solution() -> None:
    reply = ("Hello Kim,\n\nYour enquiry has been received. Sadly there is nothing more we can do about it. "
             "Anything else?\n\nRegards,\nJo\n")
    codes = {d.code for d in lint_text(reply, config=LintConfig(grammar="off")).diagnostics}
    assert "SK401" in codes and "SK403" not in codes, codes


@pytest.mark.parametrize("sentence", [
    "I've refunded the order today.",
    "We can't refund it, but I'll send a replacement tomorrow.",
    "Please restart the router and try again.",
    "We've received your return and I'll refund it today.",
])
def test_a_sentence_that_offers_a_step_is_still_a_solution(sentence: str) -> None:
    text = f"Hello Kim,\n\n{sentence}\n\nRegards,\nJo\n"
    slots = {text[a:b]: slot for a, b, slot, _ in infer_slots(text, frames=True)}
    assert "solution" in slots.values(), slots
