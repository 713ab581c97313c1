"""SK407 in review: a marker left in a reply is told to be filled in before sending, naming the helpdesk whose
placeholder it is (a macro pasted, not applied); a pack keeps the advice to declare a blank."""

from __future__ import annotations

from typing import Any

import pytest

from scriptkit.linting import lint_pack, lint_text
from scriptkit.loading import load_pack


def _found(text: str, code: str) -> list[Any]:
    return [d for d in lint_text(text, grammar="off").diagnostics if d.code == code]


FIX = "I've cancelled the duplicate order and refunded it today; you'll see it within 4 days."


@pytest.mark.parametrize(("marker", "helpdesk", "what"), [
    ("{{ticket.requester.first_name}}", "a Zendesk placeholder", "the customer's first name"),
    ("{{current_user.name}}", "a Zendesk or Gorgias placeholder", "the replying agent's full name"),
    ("{!Contact.FirstName}", "a Salesforce placeholder", "the customer's first name"),
    ("{%customer.firstName%}", "a Help Scout placeholder", "the customer's first name"),
    ("{{customer.first_name}}", "a scriptkit placeholder", "the customer's first name"),
])
def test_a_pasted_helpdesk_placeholder_is_named_in_review(marker: str, helpdesk: str, what: str) -> None:
    (found,) = _found(f"Hi {marker},\n\nSorry for the mix-up with your parcel, that's annoying. {FIX}\n", "SK407")
    advice = found.suggestion or ""
    assert helpdesk in advice and "not applied" in advice and what in advice
    assert "blank" not in advice and "flexibility" not in advice


@pytest.mark.parametrize("marker", ["[AMOUNT]", "{{contact.name}}", "{ customer.first_name }", "xxx"])
def test_review_advice_is_to_fill_it_in_not_to_write_a_macro(marker: str) -> None:
    (found,) = _found(f"Sorry for the mix-up with your parcel, that's annoying. I'll refund {marker} today.\n",
                      "SK407")
    advice = found.suggestion or ""
    assert "before sending" in advice
    assert "blank" not in advice and "flexibility" not in advice and "macro write" not in advice


SCRIPT = ('id: late\ntitle: Late\nchannels: [email]\nacknowledgment: "I can see how frustrating this is."\n'
          'solution: "I will refund you today, {marker}, and write to you by Friday."\n')


def test_a_pack_keeps_the_macro_advice(make_pack: Any) -> None:
    root = make_pack({"a.yaml": SCRIPT.replace("{marker}", "[[refund_code]]")})
    (found,) = [d for d in lint_pack(load_pack(root)).diagnostics if d.code == "SK407"]
    assert "{{ blank.refund_code }}" in (found.suggestion or "")
    assert "flexibility: blanks:" in (found.suggestion or "")
