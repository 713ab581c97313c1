"""Review's sentence labels: a holding line, an open offer of more help and a notice of policy are not solutions; a
question for the customer's answer is shown as asking; a team's sign-off in capitals is the sign-off."""

from __future__ import annotations

import io

import pytest

from scriptkit.inference import infer_slots
from scriptkit.linting import lint_text
from scriptkit.reporters import text as text_reporter


def _slot_of(text: str, sentence: str) -> str:
    found = {text[a:b]: slot for a, b, slot, _ in infer_slots(text, frames=True)}
    assert sentence in found, found
    return found[sentence]


@pytest.mark.parametrize(("text", "sentence"), [
    ("I'm sorry the courier lost it, that's a real pain. Just a moment, I'll take a look.",
     "Just a moment, I'll take a look."),
    ("So sorry your parcel is late! One moment while I check.", "One moment while I check."),
    ("Ugh, I'm sorry the app keeps logging you out. Bear with me while I look into it.",
     "Bear with me while I look into it."),
])
def test_a_holding_line_is_no_solution(text: str, sentence: str) -> None:
    assert _slot_of(text, sentence) == "other"


@pytest.mark.parametrize(("text", "sentence"), [
    ("I've refunded the delivery fee today. Let me know if you need anything else!",
     "Let me know if you need anything else!"),
    ("I've refunded the delivery fee today. Feel free to reach out if you have any other questions.",
     "Feel free to reach out if you have any other questions."),
    ("I've refunded the delivery fee today. Let us know if there is anything more we can do.",
     "Let us know if there is anything more we can do."),
])
def test_an_open_offer_of_more_help_is_no_solution(text: str, sentence: str) -> None:
    assert _slot_of(text, sentence) == "other"


@pytest.mark.parametrize(("text", "sentence"), [
    ("Sorry for the wait on your order. Please be advised that busy weeks run slower.",
     "Please be advised that busy weeks run slower."),
    ("Sorry for the wait on your order. Please be aware that stock levels change hourly.",
     "Please be aware that stock levels change hourly."),
])
def test_a_notice_of_policy_is_no_solution(text: str, sentence: str) -> None:
    assert _slot_of(text, sentence) == "other"


def test_a_notice_that_carries_a_step_stays_a_solution() -> None:
    text = "Sorry for the wait. Please be advised that I have refunded the fee today."
    assert _slot_of(text, "Please be advised that I have refunded the fee today.") == "solution"


@pytest.mark.parametrize(("text", "sentence"), [
    ("Sorry the upload keeps failing. Do you get an error code when it stops?",
     "Do you get an error code when it stops?"),
    ("Sorry the upload keeps failing. Which browser are you using?", "Which browser are you using?"),
])
def test_a_question_for_the_customer_is_shown_as_asking(text: str, sentence: str) -> None:
    # (the rules still read it as what happens next: they answer)
    shown = _review(text)
    line = next(line for line in shown.splitlines() if sentence in line)
    assert "asks" in line and "\u2713" not in line and "+" not in line.split(sentence)[0], shown
    assert "0 of 2 sentence(s)" not in shown and "1 of 2 sentence(s)" in shown, shown


def test_an_offer_put_as_a_question_stays_a_solution() -> None:
    text = "Sorry the upload keeps failing. Would you like me to reset your storage today?"
    assert _slot_of(text, "Would you like me to reset your storage today?") == "solution"


def test_a_team_sign_off_in_capitals_is_the_sign_off() -> None:
    text = "HELLO SAM,\n\nYOUR REFUND WENT THROUGH THIS MORNING.\n\nTHANKS!!!\nBILLING TEAM"
    assert _slot_of(text, "BILLING TEAM") == "signoff"


def _review(text: str) -> str:
    out = io.StringIO()
    text_reporter.report(lint_text(text, grammar="off"), out)
    return out.getvalue()
