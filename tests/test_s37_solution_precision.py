"""SK401-SK404 precision mends read on real support replies (session 37): a block lifted or a fault resolved
told as news is a step done."""
from __future__ import annotations

import pytest

from scriptkit.linting import lint_text

SOLUTION_CODES = {"SK401", "SK402", "SK403", "SK404"}


def _codes(text: str, channel: str | None = "email") -> set[str]:
    return {d.code for d in lint_text(text, channel=channel).diagnostics} & SOLUTION_CODES


# ---------------------------------------------------------------- 1. a restriction lifted, a fault resolved: done

@pytest.mark.parametrize("text", [
    "Good news: the hold has been lifted from your card.\n\nYou can keep paying with it as you did before.",
    "We are pleased to let you know that the ban on your profile has been lifted.",
    "I can confirm the fault you reported has been resolved by our engineers.",
    "The outage has now been resolved, so you can log in again.",
])
def test_a_step_done_told_as_news_needs_no_owner_nor_time(text: str) -> None:
    assert _codes(text) == set()


@pytest.mark.parametrize(("text", "code"), [
    ("The hold will be lifted once the check is done.", "SK404"),  # (still to happen)
    ("Once the fault is resolved we will email you.", "SK404"),
    ("Your hold will be lifted today.", "SK403"),
])
def test_a_step_still_to_happen_is_still_reported(text: str, code: str) -> None:
    assert code in _codes(text)


# ---------------------------------------------------------------- 2. care, then the request, in one sentence

@pytest.mark.parametrize("text", [
    "I understand this is annoying, please send us a DM with your order number so I can look into this for you.",
    "Sorry to hear the app keeps crashing, please reply with your phone model so we can take a look.",
])
def test_a_request_after_care_in_one_sentence_waits_on_their_answer(text: str) -> None:
    assert "SK404" not in _codes(text)


def test_a_step_of_ours_after_care_and_a_request_still_owes_a_when() -> None:
    text = "I understand this is annoying, please send us a DM with your order number and I'll send a new one."
    assert "SK404" in _codes(text)


# ---------------------------------------------------------------- 3. a refusal said as what the writer lacks

@pytest.mark.parametrize("text", [
    "As a ticket reseller, we lack the ability to refund cancelled shows because we never hold the money.",
    "We don't have the capability to undo a card payment made in a shop.",
    "I'm afraid we have no means to recover a deleted chat history.",
])
def test_an_inability_is_a_refusal_not_a_step(text: str) -> None:
    # (no step offered: the reply has no solution, rather than one nobody owns or times)
    assert _codes(text) == {"SK401"}


def test_a_step_beside_an_inability_is_still_judged() -> None:
    text = "We lack the ability to refund the fee, but I'll send you a voucher for the same amount."
    assert _codes(text) == {"SK404"}
