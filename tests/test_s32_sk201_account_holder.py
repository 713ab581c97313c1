"""SK201 no longer offers "you" for "the account holder": to a relative writing in, "we can only talk to the
account holder" names someone else, and "you" there turns a refusal into the opposite."""

from __future__ import annotations

from scriptkit.config import LintConfig
from scriptkit.linting import lint_text


def _sk201(reply: str) -> list[str]:
    result = lint_text(reply, file="reply.txt", config=LintConfig().override(grammar="off"))
    return [f"{d.message} -> {d.suggestion}" for d in result.diagnostics if d.code == "SK201"]


def test_the_account_holder_is_not_rewritten_as_you() -> None:
    reply = ("I know it's frustrating to be turned away when you're only trying to help your dad. "
             "I can only discuss the loan with the account holder, so I've emailed him a consent form today.")
    assert _sk201(reply) == []


def test_talking_about_the_customer_is_still_reported() -> None:
    assert _sk201("I can see why the wait annoyed you. The customer will receive a refund by Friday.")
