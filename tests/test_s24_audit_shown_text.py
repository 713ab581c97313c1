"""An audited export's macro is shown in its helpdesk's own words ('Dear [Customer Name],'), not the pack's notation
('Dear [[customer_name]],'): its text, its findings' quotes and their highlights."""

from __future__ import annotations

import json
from pathlib import Path

from scriptkit.audit import audit
from tests.conftest import run_cli

BODY = ("Dear [Customer Name],\n\nPer our policy, returns are accepted within 30 days of delivery. "
        "This decision is final.\n\nRegards,\nSupport Team")
GREETED = ("Hi {{ticket.requester.first_name}},\n\nThank you for contacting us. We apologize for any inconvenience. "
           "Your order left our warehouse today and will arrive by Friday.\n\n{{current_user.first_name}}")


def _export(tmp_path: Path) -> Path:
    export = tmp_path / "zendesk.json"
    export.write_text(json.dumps({"macros": [
        {"id": i, "title": title, "active": True, "actions": [{"field": "comment_value", "value": body}]}
        for i, title, body in ((1, "Returns::Policy", BODY), (2, "Where is my order", GREETED))]}), encoding="utf-8")
    return export


def test_the_text_and_its_quotes_are_the_helpdesks(tmp_path: Path) -> None:
    report = audit(_export(tmp_path))
    policy, order = report.macro("returns-policy"), report.macro("where-is-my-order")
    assert (policy.text, order.text) == (BODY, GREETED)
    for macro in (policy, order):
        assert macro.highlights
        quotes = {(d.code, d.text) for d in macro.diagnostics}
        for h in macro.highlights:  # each highlight marks its finding's quote in the text shown
            assert (h.code, macro.text[h.start:h.end]) in quotes
        assert not any("[[" in d.text or "{{ " in d.text for d in macro.diagnostics)
    assert any(h.code == "SK305" and policy.text[h.start:h.end] == "Per our policy" for h in policy.highlights)


def test_json_and_html_quote_the_export(tmp_path: Path) -> None:
    export = _export(tmp_path)
    result = run_cli("audit", str(export), "--format", "json", "--html", str(tmp_path / "r.html"))
    assert result.exit_code == 0, result.output
    texts = {m["export_id"]: m["text"] for m in json.loads(result.stdout)["macros"]}
    assert texts == {"1": BODY, "2": GREETED}
    page = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert "Dear [Customer Name]," in page and "[[customer_name]]" not in page


def test_copies_that_differ_in_the_helpdesks_spelling_are_still_duplicates(tmp_path: Path) -> None:
    export = tmp_path / "zendesk.json"
    export.write_text(json.dumps({"macros": [
        {"id": i, "title": f"Policy {i}", "active": True, "actions": [{"field": "comment_value", "value": body}]}
        for i, body in ((1, BODY), (2, BODY.replace("[Customer Name]", "{{ticket.requester.first_name}}")))]}),
        encoding="utf-8")
    report = audit(export)
    assert [(g.kind, g.members) for g in report.duplicates] == [("exact", ["policy-1", "policy-2"])]
