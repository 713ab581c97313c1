"""Session 37: SK301 told a plain how-to answer, where the customer shows no trouble, to open with "I can see how
frustrating it is that ...", and reported one that already opens by taking up the question ("Great question!")."""

from __future__ import annotations

import pytest

from scriptkit.diagnostics import Diagnostic, Severity
from scriptkit.linting import lint_text


def _found(text: str, code: str) -> list[Diagnostic]:
    return [d for d in lint_text(text, grammar="off").diagnostics if d.code == code]


_HOW_TO = "Open Preferences > Backups and press Restore. The backup from last night will be listed first."


@pytest.mark.parametrize("opener", [
    "Great question!",
    "Good question, Amira.",
    "Thanks for asking about backups!",
    "Thank you for your question about backups.",
    "Happy to help with that!",
    "I'd be glad to help you with this.",
    "We're happy to help with your backups.",
])
def test_an_opening_that_takes_up_the_request_acknowledges_a_reply_with_no_trouble(opener: str) -> None:
    assert _found(_HOW_TO, "SK301")  # (without it, the reply is still reported)
    assert not _found(f"{opener} {_HOW_TO}", "SK301")


@pytest.mark.parametrize("trouble", [
    "Unfortunately the backup from Monday failed.",
    "Your card was declined twice this morning.",
    "We can't restore a backup older than 30 days.",
    "Apologies for the late reply.",
])
def test_the_same_opening_does_not_acknowledge_trouble(trouble: str) -> None:
    [found] = _found(f"Great question! {trouble} {_HOW_TO}", "SK301")
    assert found.severity is Severity.WARNING


def test_a_reply_with_no_trouble_is_told_to_acknowledge_the_request_not_a_frustration() -> None:
    [found] = _found(_HOW_TO, "SK301")
    assert found.suggestion is not None and "frustrat" not in found.suggestion
    assert "Thanks for asking about" in found.suggestion
    assert found.severity is Severity.SUGGESTION
    # (a question or an "if" put to them tells of no trouble they have: "Is the restore failing?")
    [asked] = _found(f"Is anything failing on your side? If you see an error, send us a screenshot. {_HOW_TO}",
                     "SK301")
    assert asked.severity is Severity.SUGGESTION


@pytest.mark.parametrize("trouble", [
    "The restore failed because the file was damaged.",
    "Your subscription has been cancelled.",
    "We're unable to move your account to another country.",
    "I know the wait has been long.\n\nWe've passed your case to the billing team.",
])
def test_a_reply_that_tells_of_trouble_is_still_told_to_acknowledge_it(trouble: str) -> None:
    [found] = _found(f"{trouble} {_HOW_TO}", "SK301")
    assert found.severity is Severity.WARNING
    assert found.suggestion is not None and "frustrat" in found.suggestion


def test_no_problem_opening_a_how_to_is_no_trouble_told() -> None:
    # ("No problem" takes up the request; it tells of no problem the customer has)
    assert not _found(f"No problem, here is how. {_HOW_TO}", "SK301")
    [found] = _found(f"Of course, here is how. Your last backup failed. {_HOW_TO}", "SK301")
    assert found.severity is Severity.WARNING


def test_a_receipt_alone_is_still_a_warning() -> None:
    [found] = _found("We acknowledge receipt of your email about the backups. Please see the help centre.", "SK301")
    assert found.severity is Severity.WARNING


@pytest.mark.parametrize("customer", ["the checkout keeps timing out on me", "it won't let me sign in",
                                      "I'm so fed up with this app"])
def test_a_transcripts_customer_telling_of_trouble_still_asks_for_an_acknowledgment(customer: str) -> None:
    # (the agent's "Happy to help with that" takes up a plain request, not trouble the customer wrote of)
    [found] = _found(f"Customer: {customer}\nAgent: Happy to help with that. {_HOW_TO}\n", "SK301")
    assert found.severity is Severity.WARNING


def test_a_transcripts_plain_question_is_taken_up_by_the_agents_opening() -> None:
    assert not _found(f"Customer: how do I export my invoices?\nAgent: Great question! {_HOW_TO}\n", "SK301")
