"""The audit of a helpdesk's export suggests placeholders in that helpdesk's own syntax: a Help Scout lead is told
to write {%customer.firstName,fallback=there%}, not scriptkit's {{ customer.first_name | fallback('there') }}."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import scriptkit
from scriptkit.audit import in_helpdesk_syntax

_REPLY = ("<p>Hi {%customer.firstName%},</p><p>I'm sorry your refund is slow. I've chased it today and you'll see it "
          "within 5 business days.</p><p>Thanks,<br>Mo</p>")


@pytest.mark.timeout(120)
def test_help_scout_fallback_advice_is_in_help_scout_syntax(tmp_path: Path) -> None:
    path = tmp_path / "saved_replies.json"
    path.write_text(json.dumps({"_embedded": {"saved-replies": [{"id": 3, "name": "Refund slow", "text": _REPLY}]}}),
                    encoding="utf-8")
    report = scriptkit.audit_library(path, grammar="off")
    advice = [d.suggestion or "" for d in report.macros[0].diagnostics if d.code == "SK001"]
    assert advice and "{%customer.firstName,fallback=there%}" in advice[0]
    assert "fallback('" not in json.dumps(report.to_dict())


def test_liquid_helpdesks_are_told_what_works_there() -> None:
    said = in_helpdesk_syntax("Add one: {{ customer.first_name | fallback('there') }}.", "freshdesk")
    assert "fallback(" not in said
    assert "{% if ticket.requester.firstname" in said and "no fallback filter" in said
    # (a placeholder the helpdesk has no field for, and a pack, are left as scriptkit writes them)
    assert in_helpdesk_syntax("{{ order.number | fallback('x') }}", "helpscout") == \
        "{{ order.number | fallback('x') }}"
