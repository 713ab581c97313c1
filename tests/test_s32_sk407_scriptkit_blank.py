"""SK407 in review calls a pasted {{ blank.x }} scriptkit's own blank, not a helpdesk's placeholder."""

from __future__ import annotations

from scriptkit import lint_text


def test_a_pasted_scriptkit_blank_is_called_scriptkits_not_a_helpdesks() -> None:
    reply = "I'm sorry about the wait. I'll refund {{ blank.amount }} to your card today."
    advice = [d.suggestion or "" for d in lint_text(reply).diagnostics if d.code == "SK407"]
    assert advice and "helpdesk's placeholder" not in advice[0]
    assert "scriptkit blank" in advice[0] and "the amount" in advice[0], advice


def test_a_pasted_scriptkit_placeholder_is_called_scriptkits_and_a_helpdesks_keeps_its_name() -> None:
    reply = "I'm sorry about the wait, {{customer.first_name}}. I'll refund {{ticket.requester.first_name}} today."
    advice = {d.message.split("'")[1]: d.suggestion or "" for d in lint_text(reply).diagnostics if d.code == "SK407"}
    assert advice["{{customer.first_name}}"].startswith("It is a scriptkit placeholder"), advice
    assert advice["{{ticket.requester.first_name}}"].startswith("It is a Zendesk placeholder"), advice
