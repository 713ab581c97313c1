"""'at your convenience' after an appointment we keep at a time the customer picks ("We'll call you back at your
convenience", "Our technician will visit you ...") keeps its "whenever suits you" fix: the customer's
convenience sets the time. Our own deliverables ("We'll refund you", "send", "get back to you") stay ours."""

from __future__ import annotations

import pytest

from scriptkit import lint_text


def _convenience(line: str) -> tuple[bool, str, str]:
    result = lint_text("I can see how frustrating this is. I've credited your account today. " + line, config=None)
    found = [d for d in result.diagnostics if d.code == "SK201" and "convenience" in d.text]
    assert len(found) == 1, (line, found)
    d = found[0]
    return d.fix is not None and d.fix.safe, d.suggestion or "", d.message


@pytest.mark.parametrize("line", [
    "We'll call you back at your convenience.",
    "I can schedule a call with you at your convenience.",
    "Our technician will visit you at your convenience.",
    "I'd be glad to walk you through it at your convenience.",
    "We can deliver to you at your convenience.",
    "Our courier will collect the parcel at your convenience.",
    "We'll ring you at your earliest convenience.",
    "I'll call you back at your earliest convenience.",
    "Our team will contact you at your convenience.",
    "A visit can be booked at your convenience.",
])
def test_an_appointment_keeps_the_customers_time(line: str) -> None:
    fixed, suggestion, message = _convenience(line)
    assert fixed, (line, suggestion)
    assert "not by them" not in message, message


@pytest.mark.parametrize("line", [
    "We'll refund you at your convenience.",
    "We will send you a replacement at your convenience.",
    "We'll get back to you at your earliest convenience.",
    "I'll let you know at your earliest convenience.",
    "Your refund will be processed at your earliest convenience.",
])
def test_our_deliverable_is_still_ours(line: str) -> None:
    fixed, suggestion, _ = _convenience(line)
    assert not fixed, line
    assert suggestion.startswith("say when it will happen"), suggestion
