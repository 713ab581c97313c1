"""A reply to thanks or praise that ends with an offer of more help has nothing to acknowledge or fix:
the offer ('If there's anything else we can help with, just give us a shout.') acts on nothing."""

from __future__ import annotations

import pytest

from scriptkit.config import LintConfig
from scriptkit.linting import lint_text

CONFIG = LintConfig().override(grammar="off")


def codes(text: str) -> set[str]:
    return {d.code for d in lint_text(text, config=CONFIG).diagnostics}


@pytest.mark.parametrize("offer", [
    "If there's anything else we can help with, just give us a shout.",
    "If you have any other questions, please don't hesitate to reach out.",
    "If anything else comes up, just drop me a line.",
])
def test_thanks_for_praise_and_an_offer_of_help_is_not_asked_for_care_or_a_step(offer: str) -> None:
    found = codes(f"Hi Dana,\n\nThank you for the lovely review of our repair team! {offer}\n\nBest,\nOwen\n")
    assert not found & {"SK301", "SK401", "SK402"}, found


def test_a_real_step_after_the_condition_is_still_a_step() -> None:
    # (it acts, so the reply is no mere answer to praise: the missing acknowledgment stays)
    found = codes("Hi Dana,\n\nThank you for the lovely review of our repair team! "
                  "If you need anything else, I've refunded the callout fee today.\n\nBest,\nOwen\n")
    assert "SK301" in found


def test_praise_with_a_complaint_is_still_judged() -> None:
    found = codes("Hi Dana,\n\nThanks for the kind words. Sorry the parcel was late. "
                  "If you have any questions, just let me know.\n\nBest,\nOwen\n")
    assert found & {"SK402", "SK304", "SK401"}, found



def test_only_a_short_sentence_is_read_as_an_offer_of_help() -> None:
    # (an offer is one short sentence; a pasted 60,000-character one is not read, so the offer's pattern
    # never scans it: it was quadratic there, a minute of review)
    long_offer = "If you need help with " + "this and that, " * 2000 + "just let me know."
    found = codes(f"Hi Dana,\n\nThank you for the lovely review of our repair team! {long_offer}\n\nBest,\nOwen\n")
    assert "SK301" in found


@pytest.mark.parametrize("after", [
    "If you have any questions, let me know; I've refunded the callout fee today.",
    "If you have any questions, just reply, and I've refunded the callout fee today.",
    "If anything else comes up, please contact us and we will refund your order today.",
])
def test_an_action_after_the_offer_of_help_is_still_an_action(after: str) -> None:
    found = codes(f"Hi Dana,\n\nThank you for the lovely review of our repair team! {after}\n\nBest,\nOwen\n")
    assert "SK301" in found, found


def test_a_pasted_run_of_clauses_is_read_whole_not_clause_by_clause() -> None:
    # (each clause break of a 28 KB run of "sorry, " was tried, copying the sentence's cues: 4.4 GB)
    from scriptkit.inference import infer_slots

    care_then_fix = "I can see how worrying this is, and I've refunded you today."
    assert len(infer_slots(care_then_fix)) == 2  # a sentence a person wrote: its care, then its solution
    long = "I can see how worrying this is, " + "and sorry again, " * 80 + "and I've refunded you today."
    assert len(long) > 1_000 and len(infer_slots(long)) == 1
