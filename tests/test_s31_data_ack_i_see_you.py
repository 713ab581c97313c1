""""I see you'd like to ..." acknowledges what the customer is after as "I understand you'd like to ..." does: the
reply that opened "Thanks for reaching out! I see you'd like to change ..." scored acknowledgment 0 beside 100 for
the same reply with "I understand". "I see" alone ("I see no record of it") stays no acknowledgment."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from scriptkit import audit_library
from scriptkit.inference import infer_slots
from scriptkit.linting import lint_text

_AFTER = " I've sent a link to the new address, and it works for 24 hours."


def _slot_of(text: str, sentence: str) -> str:
    return next(slot for a, b, slot, _ in infer_slots(text, frames=True) if text[a:b] == sentence)


@pytest.mark.parametrize("sentence", [
    "I see you'd like to move your plan to the new address.",
    "I see that you'd like to move your plan to the new address.",
    "I see you want to move your plan to the new address.",
    "I see you\u2019re trying to move your plan to the new address.",
    "I see you've been charged twice for the same plan.",
    "I see that you have been waiting on the parcel since Monday.",
])
def test_i_see_what_the_customer_is_after_acknowledges(sentence: str) -> None:
    text = "Thanks for reaching out! " + sentence + _AFTER
    assert _slot_of(text, sentence) == "acknowledgment"
    assert "SK301" not in {d.code for d in lint_text(text, grammar="off").diagnostics}


@pytest.mark.parametrize("sentence", [
    "I see no record of a second charge on your card.",
    "I see the parcel left the warehouse on Monday.",
    "I see your point about the fee.",
])
def test_i_see_alone_is_no_acknowledgment(sentence: str) -> None:
    text = "Thanks for reaching out! " + sentence + _AFTER
    assert _slot_of(text, sentence) != "acknowledgment"


def test_audit_scores_i_see_as_it_scores_i_understand(tmp_path: Path) -> None:
    def body(opener: str) -> str:
        return (f"Hi {{{{ticket.requester.first_name}}}},\n\nThanks for reaching out! {opener} you'd like to change "
                "the email on your account." + _AFTER + "\n\nBest,\nAlex")
    path = tmp_path / "macros.json"
    path.write_text(json.dumps({"macros": [
        {"id": i, "title": f"Email change {i}", "active": True,
         "actions": [{"field": "comment_value", "value": body(o)}]}
        for i, o in enumerate(("I understand", "I see"))]}), encoding="utf-8")
    understand, see = audit_library(path, "zendesk").macros
    assert see.scores["acknowledgment"] == understand.scores["acknowledgment"] == 100
