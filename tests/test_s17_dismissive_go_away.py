"""SK305 hears a customer told to stop writing; ordinary "refrain from" advice is left alone."""

from __future__ import annotations

import pytest

import scriptkit


def _sk305(text: str) -> list[str]:
    return [d.text for d in scriptkit.lint_text(text).diagnostics if d.code == "SK305"]


@pytest.mark.parametrize("text", [
    "I hear you. Kindly refrain from contacting us again about this matter.",
    "Please desist from emailing us on this subject.",
    "Please stop contacting us about the voucher.",
])
def test_telling_the_customer_to_go_away_is_dismissive(text: str) -> None:
    assert _sk305(text)


@pytest.mark.parametrize("text", [
    "Please refrain from sharing your password with anyone, even with us.",
    "You can stop emailing me the receipts now: I've got all three.",
    "Once it arrives, we'll stop calling you about it.",
])
def test_other_refrains_and_stops_are_not(text: str) -> None:
    assert not _sk305(text)


@pytest.mark.timeout(60)
def test_a_long_run_of_near_misses_reads_in_time() -> None:
    codes = {d.code for d in scriptkit.lint_text("please refrain from " * 2500 + "and stop " * 2500).diagnostics}
    assert "SK305" not in codes  # (no one is told to go away: "refrain from" and "stop" are never followed through)
    assert {"SK301", "SK207"} <= codes, codes  # the rest of the reply is judged as ever


@pytest.mark.parametrize("text", [
    "Our system shows your refund went through today.",  # good news from the records, not a wall
    "Your card is not currently working as intended, and I've fixed it.",
    "This is the policy that covers your phone, and it pays for the repair.",
    "Please don't stop contacting us whenever something looks wrong.",
])
def test_helpful_uses_of_the_same_words_are_not_dismissive(text: str) -> None:
    assert not _sk305(text)


@pytest.mark.parametrize("text", [
    "Our records show the parcel was delivered on Monday.",
    "The system shows that the code was already redeemed.",
    "It is working as intended.",
    "That is our policy.",
])
def test_the_records_and_the_policy_set_against_the_customer_still_are(text: str) -> None:
    assert _sk305(text)


def test_a_fact_before_but_is_no_undone_acknowledgment() -> None:
    codes = [d.code for d in scriptkit.lint_text("I can see it shipped, but the courier lost it. "
                                                 "I've sent a new one today.").diagnostics]
    assert "SK306" not in codes
    codes = [d.code for d in scriptkit.lint_text("I understand your concern, but the refund takes 5 days.").diagnostics]
    assert "SK306" in codes
