"""An audit of a helpdesk's export judges and advises as that helpdesk: a Salesforce Quick Text file read through the
JSON reader is Salesforce's (flexibility not scored), a placeholder the helpdesk has no field for is not advised; and
a report at 100 with template findings does not say that none needs work."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from scriptkit.audit import audit
from scriptkit.cli import main


def _run(*args: str) -> Result:
    result = CliRunner().invoke(main, list(args), env={"NO_COLOR": "1", "COLUMNS": "400"})
    assert "Traceback" not in result.output, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


@pytest.fixture(scope="module")
def starter_exports(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("starter")
    assert _run("init", str(root / "starter"), "--from", "starter").exit_code == 0
    exported = _run("export", str(root / "starter"), "-o", str(root / "out"), "--to", "all", "--force")
    assert exported.exit_code in (0, 1), exported.output
    return root / "out"


def test_a_salesforce_quick_text_file_is_audited_as_salesforce(starter_exports: Path) -> None:
    report = audit(starter_exports / "salesforce" / "quick_text.json")
    assert report.format == "salesforce"
    assert "flexibility" not in report.judged
    assert all(m.scores["flexibility"] is None for m in report.macros)
    assert not [d for m in report.macros for d in m.diagnostics if d.name == "no-flexibility"]
    said = _run("audit", str(starter_exports / "salesforce" / "quick_text.json")).output
    assert "Flexibility is not scored: Salesforce" in said, said
    assert "SK406 no-flexibility in" not in said and "SK406 no-flexibility (" not in said  # (ranked, counted)


@pytest.mark.parametrize("helpdesk, file", [("helpscout", "saved_replies.json"),
                                            ("freshdesk", "canned_responses.json"),
                                            ("front", "message_templates.json"), ("gorgias", "macros.json"),
                                            ("intercom", "saved_replies.json"), ("salesforce", "quick_text.json"),
                                            ("zendesk", "macros.json")])
def test_no_placeholder_is_advised_that_the_helpdesk_does_not_fill(starter_exports: Path, helpdesk: str,
                                                                  file: str) -> None:
    path = starter_exports / helpdesk / file
    if not path.is_file():
        [path] = [p for p in (starter_exports / helpdesk).iterdir() if p.suffix in (".json", ".csv")]
    said = _run("audit", str(path)).output
    assert "[[order number]]" in said, said
    assert "{{ order.number }}" not in said and "the helpdesk fills it" not in said, said
    assert re.search(r"\[\[order number\]\]: .*has no field for order\.number.*the agent fills", said), said


def test_a_placeholder_the_helpdesk_maps_is_advised_in_its_spelling(tmp_path: Path) -> None:
    path = tmp_path / "macros.json"
    path.write_text(json.dumps({"macros": [{"id": 7, "title": "Hello", "actions": [{"field": "comment_value_html",
        "value": "<p>Hi [Customer Name], I'm sorry the link failed. I've sent a new one just now.</p>"}]}]}),
        encoding="utf-8")
    said = _run("audit", str(path), "--from", "zendesk").output
    assert "[Customer Name]: use {{ticket.requester.first_name}} (the helpdesk fills it)" in said, said


def test_a_report_at_100_with_template_findings_does_not_say_none_needs_work(tmp_path: Path) -> None:
    path = tmp_path / "replies.json"
    path.write_text(json.dumps([
        {"id": 1, "name": "Late", "text": "<p>Hi {%customer.firstName%},</p><p>I'm sorry your parcel came late; I "
         "know how much that matters. I've refunded the shipping today and you'll see it within 3 days.</p>"},
        {"id": 2, "name": "Broken", "text": "<p>Hi {%customer.firstName,fallback=%},</p><p>I'm sorry the lamp "
         "arrived broken; I know how upsetting that is. I've sent a new one today and it arrives within 3 days.</p>"},
    ]), encoding="utf-8")
    said = _run("audit", str(path), "--from", "helpscout").output
    assert "SK001 placeholder-without-fallback in 2 macro(s)" in said, said
    assert "none needs work" not in said
    assert ("No macro scores below 100, but 2 macro(s) have findings no score counts (template and custom rules "
            "are listed, not scored)") in said, said
