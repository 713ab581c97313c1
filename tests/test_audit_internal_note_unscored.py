"""An internal note (Zendesk comment_mode_is_public false) is for the agents, never a reply: the audit
scored it 0 on flexibility and listed SK406 no-flexibility on it, a reply's finding."""

from __future__ import annotations

import json
from pathlib import Path

from scriptkit.audit import audit


def test_an_internal_note_gets_no_score_and_no_reply_finding(tmp_path: Path) -> None:
    export = tmp_path / "macros.json"
    export.write_text(json.dumps({"macros": [
        {"id": 501, "title": "Escalate::Billing tier 2", "active": True, "actions": [
            {"field": "comment_value", "value": "Passing this to tier 2 billing: the card was charged twice and "
                                                 "the second charge has not dropped off after five days."},
            {"field": "comment_mode_is_public", "value": "false"}]}]}), encoding="utf-8")
    report = audit(export)
    [note] = report.macros
    assert note.internal
    assert all(v is None for v in note.scores.values()), note.scores
    assert not [d for d in note.diagnostics if d.name == "no-flexibility"]
    assert not report.common
    assert any(line.startswith("Not judged as replies to a customer, so not scored: 1 internal note(s)")
               for line in report.set_aside())
