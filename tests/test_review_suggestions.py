"""`review` judges a reply already written: its suggestions speak in words, not in a pack's placeholders."""

from __future__ import annotations

from typing import Any

from scriptkit.linting import lint_pack, lint_text
from scriptkit.loading import load_pack

REPLY = "Dear Sir/Madam,\n\nI'm sorry the order is late. I'll refund it today.\n\nThe Customer Support Team\n"


def _suggestions(diagnostics: list[Any], code: str) -> list[str | None]:
    return [d.suggestion for d in diagnostics if d.code == code]


def test_review_says_placeholders_in_words() -> None:
    found = lint_text(REPLY).diagnostics
    assert _suggestions(found, "SK205") == ['"Hi <their first name>"']
    assert _suggestions(found, "SK206") == ['"<your first name>"']
    assert not any("{{" in (d.suggestion or "") for d in found)


def test_a_pack_keeps_the_placeholder_to_paste(make_pack: Any) -> None:
    script = ('id: late\ntitle: Late\nchannels: [email]\nacknowledgment: "Dear valued customer, I am sorry."\n'
              'solution: "I will refund you today."\n')
    found = lint_pack(load_pack(make_pack({"a.yaml": script}))).diagnostics
    assert any("{{ customer.first_name" in (s or "") for s in _suggestions(found, "SK201")), \
        [d.format() for d in found]


def test_a_customer_support_team_is_not_talking_about_the_customer() -> None:
    assert _suggestions(lint_text(REPLY).diagnostics, "SK201") == []
    assert _suggestions(lint_text("Please call the customer service line today.").diagnostics, "SK201") == []
    # (a reply that speaks to "you" and tells them of "the customer": since c51a57c a text about the customer that
    # says "you" to no one reads as a note for colleagues, which the reply rules do not judge)
    told = lint_text("I'm sorry you were charged twice. The customer will get a refund today.").diagnostics
    assert _suggestions(told, "SK201") == ['"You"']
