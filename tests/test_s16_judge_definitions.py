"""What a thing is for ("designed to provide an extra layer of security") asks nothing of the customer, and a
solution that only defines something (as SK404 reads it) owes no owner either."""

from __future__ import annotations

import pytest

from scriptkit import lint_text

STATEMENT = ("A bank statement is a document issued by a bank that summarizes an account's transactions over a "
             "specific period, including deposits, withdrawals, transfers, and the account balance. It helps "
             "account holders track their finances and verify transactions.")


def _sk4(text: str) -> dict[str, str]:
    return {d.code: d.message for d in lint_text(text).diagnostics if d.code.startswith("SK4")}


def test_what_a_thing_is_designed_to_provide_is_no_request() -> None:
    found = _sk4("I know this is confusing. 3D Secure is designed to provide an extra layer of security. Please "
                 "approve the payment in your banking app when it asks.")
    assert "asks the customer for something" not in found.get("SK404", "")
    # (a request to provide is the customer's answer, the next step: no time frame is owed, session 34)
    assert "SK404" not in _sk4("I know this is confusing. Please provide a photo of the label.")


def test_a_definition_has_no_owner_to_name() -> None:
    assert "SK403" not in _sk4(STATEMENT)
    assert "SK403" not in _sk4("3D Secure (Three-Domain Secure) is an online payment security protocol designed to "
                               "provide an extra layer of security for online card transactions.")
    # a step with nobody in it still owes its owner, definition or not
    assert "SK403" in _sk4("A chargeback is a reversal of a card payment. The payment will be reversed by the bank.")
    assert "SK403" in _sk4("A replacement will be sent today.")


def test_an_answer_that_only_names_the_fix_is_no_definition() -> None:
    # ("X is the fastest fix": the reply's own answer, which still owes when; since session 38 SK403 asks for an
    # owner only where the solution names a step, and an outcome named is none)
    for solution in ("A replacement is the fastest fix here.", "A full refund is the usual outcome in cases like this.",
                     "A replacement is a good way to fix it.", "Customers are advised to consult the help centre."):
        found = _sk4(f"I'm so sorry your kettle arrived broken. {solution}")
        assert "SK404" in found and "SK403" not in found, solution


def test_a_plain_kind_is_a_definition_and_an_outcome_is_not() -> None:
    for definition in ("3D Secure (Three-Domain Secure) is an online payment security protocol.",
                       "A pending charge is a temporary authorisation hold."):
        assert "SK403" not in _sk4(definition), definition
    for answer in ("A partial refund is a common outcome for damaged parcels.",
                   "A store credit is a faster route to a new item.",
                   "A replacement is a standard part of the warranty."):
        found = _sk4(f"I'm so sorry your kettle arrived broken. {answer}")
        assert "SK404" in found and "SK403" not in found, answer  # (an outcome: no step, so no owner to name)


@pytest.mark.timeout(60)
def test_a_long_run_of_marks_before_the_words_is_read_once() -> None:
    # (20 KB of dashes before a sentence took 30 s: the marks were tried again as the start of a word)
    from scriptkit.rules.solution import _DEFINITION

    for marks in ("-", "(", "'"):
        assert _DEFINITION.match(marks * 50_000 + " x. A replacement will be sent.") is None
