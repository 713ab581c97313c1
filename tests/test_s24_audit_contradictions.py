"""A placeholder in a sentence is one opaque word when a number's topic is found: a long field name put the
refund out of reach of '14 days', and a field's own words are no keyword."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from scriptkit.sprawl import find_contradictions, quantities
from tests.conftest import run_cli

SENTENCE = "I've refunded {} today; you'll see it on your card within 14 days."


@pytest.mark.parametrize("placeholder", ["{{ zendesk.ticket_ticket_field_360099 }}", "{{ zendesk.amount }}",
                                         "{{ zendesk.order_notes }}", "[[amount_refunded_to_the_customer]]",
                                         "the charge"])
def test_the_topic_is_found_across_a_placeholder(placeholder: str) -> None:
    [q] = quantities("m", SENTENCE.format(placeholder))
    assert (q.topic, q.value, q.sentence) == ("refund", "14", SENTENCE.format(placeholder))


def test_a_placeholders_words_are_no_topic() -> None:
    [q] = quantities("m", "Your {{ ticket.refund_notes }} form is ready; please fill it in within 5 days.")
    assert q.topic is None


def test_the_context_of_copies_quotes_the_placeholder() -> None:
    one = "Hi {{ customer.first_name }}, please allow {{ zendesk.wait }} 14 days for the money, thanks so much."
    [found] = find_contradictions([("a", one), ("b", one.replace("14", "30"))])
    assert found.copies and found.topic == "“please allow {{ zendesk.wait }} … for the money” (near-duplicate copies)"


def test_audit_lists_the_contradiction_of_a_macro_with_a_field(tmp_path: Path) -> None:
    def macro(ident: int, body: str) -> dict[str, object]:
        return {"id": ident, "title": f"Refund {ident}", "active": True,
                "actions": [{"field": "comment_value", "value": body}]}

    export = tmp_path / "zc.json"
    export.write_text(json.dumps({"macros": [
        macro(1, "Hi {{ticket.requester.first_name}},\n\nI'm so sorry the charge caught you off guard. "
                 + SENTENCE.format("{{ticket.ticket_field_360099}}")),
        macro(2, "Hello,\n\nRefunds take 30 days to appear on your card. I know that's a long wait.")]}),
        encoding="utf-8")
    result = run_cli("audit", str(export), "--format", "json")
    assert result.exit_code == 0, result.output
    [found] = json.loads(result.stdout)["contradictions"]
    assert found["topic"] == "refund" and sorted(found["values"]) == ["14", "30"]
