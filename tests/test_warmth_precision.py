"""SK207 and SK202 on replies teams really write: good news told cheerfully, the writer watching over the problem, a
feeling sided with through "can be", and a reply whose lines end without a full stop."""

from __future__ import annotations

import pytest

from scriptkit.config import LintConfig
from scriptkit.linting import lint_text


def _codes(reply: str) -> list[str]:
    result = lint_text(reply, file="reply.txt", config=LintConfig().override(grammar="off"))
    return [d.code for d in result.diagnostics]


@pytest.mark.parametrize("reply", [
    "Your refund has been approved! It will reach your card by Friday.",
    "Your new plan has been activated and your limit has been raised to 500 🎉\nYou can use it straight away.",
    "Your replacement lamp has shipped! It should be with you on Thursday.",
    "Your parcel is on its way! The courier will text you a delivery slot.",
    "The login bug is fixed! You can sign in again with your usual password.",
])
def test_good_news_told_cheerfully_is_a_warm_line(reply: str) -> None:
    assert "SK207" not in _codes(reply)


@pytest.mark.parametrize("reply", [
    # the same news told flatly: a form letter's sentence
    "Your refund has been approved. It will reach your card by Friday.",
    "Your replacement lamp has shipped. It should be with you on Thursday.",
    # news that is not good, or not news yet, however it is exclaimed
    "Your refund has not been approved! Please send the receipt again.",
    "Your account has been suspended! Please send us your ID.",
    "Has your parcel shipped yet? Please send us the order number!",
    "Once your refund has been approved! it will reach your card by Friday.",
])
def test_flat_not_good_or_unsure_news_is_still_no_warm_line(reply: str) -> None:
    assert "SK207" in _codes(reply)


@pytest.mark.parametrize("reply", [
    "I've passed your case to the billing team. I'll monitor the ticket and tell you what they decide.",
    "The courier has the new address now, and we'll be monitoring your delivery until it arrives.",
])
def test_the_writer_monitoring_the_problem_is_reassurance(reply: str) -> None:
    assert "SK207" not in _codes(reply)


def test_monitoring_that_is_not_the_writers_own_is_no_warm_line() -> None:
    assert "SK207" in _codes("Please monitor your inbox for the code. It expires after ten minutes.")


@pytest.mark.parametrize(("reply", "warm"), [
    ("I know this can be confusing, so here's the short version: the fee is charged once a year.", True),
    ("It can be really frustrating when a code expires. Here's a new one: 4471.", True),
    ("This can be changed in your settings under Billing.", False),
])
def test_a_feeling_sided_with_through_can_be_is_validation(reply: str, warm: bool) -> None:
    assert ("SK207" not in _codes(reply)) is warm


def test_lines_without_a_full_stop_are_sentences_to_the_formality_score() -> None:
    # each line is chatty, and the score used to read the four as one 40-word sentence
    reply = ("Hi Jo,\n"
             "Thanks so much for the quick reply — I completely get why you want this sorted today.\n"
             "Here's where things are:\n"
             "**the replacement charger went out this morning**\n"
             "If anything still looks off, just tell me and I'll go through it with you 💛")
    assert "SK202" not in _codes(reply)
    # the same words as one sentence still read long and formal
    assert "SK202" in _codes(
        "We acknowledge receipt of your correspondence regarding the replacement charger, which was dispatched "
        "this morning in accordance with the applicable procedures, and further assistance is available upon request.")


def test_a_formal_sentence_among_lines_without_a_full_stop_is_still_reported() -> None:
    reply = ("Thank you for your message\n"
             "We kindly request that you provide us with the aforementioned documentation in order to facilitate "
             "the verification of your account\n"
             "Kind regards")
    assert "SK202" in _codes(reply)
