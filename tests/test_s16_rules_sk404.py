"""SK404 asks a solution when its next step happens: a solution that only explains what something is ("A bank
statement is a document issued by a bank that ...") has no step to time, and is left alone. A definition with a
step in it, anyone's, still owes its when."""

from __future__ import annotations

import pytest

from scriptkit.linting import lint_text


def sk404(text: str) -> list[str]:
    return [d.message for d in lint_text(text).diagnostics if d.code == "SK404"]


@pytest.mark.parametrize("text", [
    # (a real reply to "what is a bank statement?", in a fintech's help desk)
    "A bank statement is a document issued by a bank that summarizes an account's transactions over a specific "
    "period, including deposits, withdrawals, transfers, and the account balance. It helps account holders track "
    "their finances and verify transactions.",
    "A chargeback is a request to reverse a card payment. The bank decides on it.",
    "3D Secure (Three-Domain Secure) is an online payment security protocol for card transactions.",
])
def test_a_definition_owes_no_time_frame(text: str) -> None:
    assert sk404(text) == []


@pytest.mark.parametrize("text", [
    # a step of the company's, named or not, still owes a when
    "A bank statement is a document that lists every payment. We'll send you one.",
    "A bank statement is a document that lists every payment. The statement will be sent.",
    # vague is still not a time frame
    "A bank statement is a document that lists every payment. Yours will be ready soon.",
    # not a definition: the reply's own matter
    "This is a known issue with the app, and our team is looking into it.",
])
def test_a_definition_with_a_step_in_it_still_owes_one(text: str) -> None:
    assert sk404(text), text
