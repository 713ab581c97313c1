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

