"""Helpdesk import/export edges (session 29): a lone Front template read once; a Salesforce standard and custom
field kept apart; a Freshdesk folder named when the Salesforce export drops it; nested lists in HTML exports."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import scriptkit.importers.common as common
from scriptkit import import_library


def test_a_lone_front_template_is_parsed_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """front.read parsed a file of one template twice: once as a list export (which failed), then again."""
    parses: list[str] = []
    real = common.loads_once

    def counted(text: str) -> Any:
        parses.append(text)
        return real(text)

    monkeypatch.setattr(common, "loads_once", counted)
    path = tmp_path / "refund.json"
    path.write_text(json.dumps({"id": "rsp_7", "name": "Refund sent",
                                "body": "<p>Thanks for your patience. I've sent the refund today.</p>"}))
    [macro] = import_library(path, "front").macros
    assert macro.raw.settings.get("id") == "rsp_7"
    assert len(parses) == 1


def _quick_texts(tmp_path: Path, *messages: str) -> Path:
    path = tmp_path / "quicktext.json"
    path.write_text(json.dumps({"records": [
        {"attributes": {"type": "QuickText"}, "Name": f"Reason {n}", "Message": text, "Channel": "Email"}
        for n, text in enumerate(messages, 1)]}))
    return path


def _run(*args: str) -> str:
    from click.testing import CliRunner

    from scriptkit.cli import main

    result = CliRunner().invoke(main, list(args), env={"NO_COLOR": "1"})
    assert result.exit_code == 0, result.output
    return result.output


@pytest.mark.timeout(60)
def test_a_standard_and_a_custom_salesforce_field_stay_apart(tmp_path: Path) -> None:
    """{!Case.Reason} and {!Case.Reason__c} were both salesforce.Case_Reason, so the export wrote one for both."""
    standard = "Thanks for waiting. The case reason is {!Case.Reason} and I will update you by Friday."
    custom = "Thanks for waiting. Your own reason is {!Case.Reason__c} and I will update you by Friday."
    path = _quick_texts(tmp_path, standard, custom)
    first, second = import_library(path).macros
    assert first.own_fields()["salesforce.Case_Reason"].field == "Case.Reason"
    assert second.own_fields()["salesforce.Case_Reason__c"].field == "Case.Reason__c"
    _run("import", str(path), "-o", str(tmp_path / "pack"))
    _run("export", str(tmp_path / "pack"), "--to", "salesforce", "--out", str(tmp_path / "out"))
    sent = json.loads((tmp_path / "out/salesforce/quick_text.json").read_text(encoding="utf-8"))
    assert sorted(r["Message"] for r in sent["records"]) == sorted([standard, custom])
    # another helpdesk's fill-in marker still reads as words, without the '__c'
    _run("export", str(tmp_path / "pack"), "--to", "gorgias", "--out", str(tmp_path / "g"))
    written = "\n".join(p.read_text(encoding="utf-8") for p in (tmp_path / "g").rglob("*.json"))
    assert "[[salesforce Case Reason]]" in written and "  c]]" not in written and "__c" not in written


@pytest.mark.timeout(60)
def test_a_freshdesk_folder_the_salesforce_export_drops_is_named(tmp_path: Path) -> None:
    """A Freshdesk response in folder 12 became a Quick Text with no Category, and the export said nothing."""
    path = tmp_path / "canned.json"
    path.write_text(json.dumps([
        {"id": 5, "title": "Refund late", "folder_id": 12, "visibility": 0,
         "content_html": "<p>I'm sorry the refund is late. I've chased it today and it lands by Friday.</p>"},
        {"id": 6, "title": "Billing::Card declined", "folder_id": 12, "visibility": 0,
         "content_html": "<p>Thanks for telling us. I've unblocked the card today, so please try again.</p>"}]))
    _run("import", str(path), "-o", str(tmp_path / "pack"))
    said = _run("export", str(tmp_path / "pack"), "--to", "salesforce", "--out", str(tmp_path / "out"))
    assert said.count("SK506") == 1, said  # (the titled one has its Category, Billing)
    assert "its Freshdesk folder (folder_id 12) is not carried over" in said
    assert "export: {salesforce: {category:" in said


_STEPS = "Here is what to try:\n\n- Open Settings\n  - Billing\n  - Cards\n- Press Retry"


@pytest.mark.timeout(120)
@pytest.mark.parametrize(("target", "bundle"), [
    ("helpscout", "saved_replies.json"), ("front", "message_templates.json"), ("intercom", "macros.json"),
    ("zendesk", "macros.json")])
def test_a_nested_list_is_exported_nested_and_read_back(tmp_path: Path, target: str, bundle: str) -> None:
    """An indented list under an item was written '<li>Open Settings<br>- Billing<br>- Cards</li>', and an
    imported <ul> inside an <li> came back as items beside its parent."""
    pack = tmp_path / "pack"
    (pack / "scripts").mkdir(parents=True)
    (pack / "pack.yaml").write_text("name: Steps\nversion: 0.1.0\nlocale: en\n", encoding="utf-8")
    (pack / "scripts" / "retry.yaml").write_text(
        "id: retry\ntitle: Card retry\nchannels: [email]\n"
        "acknowledgment: I'm sorry the payment did not go through.\n"
        "solution: |-\n" + "".join(f"  {line}\n" if line else "\n" for line in _STEPS.split("\n")),
        encoding="utf-8")
    _run("export", str(pack), "--to", target, "--out", str(tmp_path / "out"))
    written = (tmp_path / "out").rglob(bundle)
    html = json.dumps(json.loads(next(written).read_text(encoding="utf-8")))
    assert "<li>Open Settings<ul><li>Billing</li><li>Cards</li></ul></li><li>Press Retry</li>" in html, html
    _run("import", str(next((tmp_path / "out").rglob(bundle))), "-o", str(tmp_path / "back"))
    # (its one script: 'retry', kept from the export's file names, where the export writes a file per script)
    script = next((tmp_path / "back" / "scripts").glob("*.yaml")).read_text(encoding="utf-8")
    assert "- Open Settings\n    - Billing\n    - Cards\n  - Press Retry" in script, script
