"""A Salesforce Quick Text's Id and an Intercom macro's id are kept on import, as every helpdesk's is
(``export: {<helpdesk>: {id}}``), wherever that helpdesk's export writes ids back (its target's ``macro_ids``):
the imported pack's audit gave export_id None, and a re-export made copies. Never written where the export keeps
no ids, which would refuse the setting. Auditing the export file names the id by the helpdesk the file was read
as ('salesforce', not the sheet's 'csv' or 'json'; each helpdesk's of a library of two)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from ruamel.yaml import YAML

import scriptkit
from scriptkit.cli import main
from scriptkit.targets.base import BaseTarget
from scriptkit.targets.intercom import IntercomTarget
from scriptkit.targets.salesforce import SalesforceTarget

_REPLY = "I'm so sorry for the trouble. I've issued your refund today, and it reaches you within 5 business days."


def _quick_text_csv(tmp_path: Path) -> Path:
    path = tmp_path / "quicktext.csv"
    path.write_text("Id,Name,Message,Category,Channel,FolderId,IsInsertable\n"
                    f'0QT000000000001,Refund issued,"Hi {{!Contact.FirstName}}, {_REPLY}",Billing,Email,'
                    "00l000000000AAA,true\n"
                    f'0QT000000000002,Chat hello,"{_REPLY}",,Chat,,true\n', encoding="utf-8")
    return path


def _quick_text_json(tmp_path: Path) -> Path:
    path = tmp_path / "qt.json"
    path.write_text(json.dumps({"totalSize": 1, "done": True, "records": [
        {"attributes": {"type": "QuickText", "url": "/services/data/v60.0/sobjects/QuickText/0QT000000000009"},
         "Id": "0QT000000000009", "Name": "Refund issued", "Message": _REPLY, "Category": "Billing",
         "Channel": "Email", "IsInsertable": True}]}, indent=1), encoding="utf-8")
    return path


def _intercom(tmp_path: Path) -> Path:
    path = tmp_path / "macros.json"
    path.write_text(json.dumps({"type": "list", "data": [
        {"type": "macro", "id": "123", "name": "Refund issued", "body": f"<p>{_REPLY}</p>", "body_text": _REPLY},
        {"type": "macro", "id": "m_2", "name": "Chat hello", "body": f"<p>Thanks! {_REPLY}</p>",
         "body_text": f"Thanks! {_REPLY}"}]}, indent=1), encoding="utf-8")
    return path


def _export_blocks(pack: Path) -> dict[str, object]:
    yaml = YAML(typ="safe")
    return {doc["id"]: doc.get("export") for doc in (yaml.load(f) for f in sorted((pack / "scripts").glob("*.yaml")))}


def test_salesforce_and_intercom_keep_text_ids() -> None:
    """The Salesforce and Intercom exports keep ids, as Zendesk's and Front's do (text ids, as theirs are)."""
    for target in (SalesforceTarget, IntercomTarget):
        assert target.macro_ids and target.id_kind == "text"


@pytest.mark.timeout(60)
@pytest.mark.parametrize(("make", "helpdesk", "ids"), [
    (_quick_text_csv, "salesforce", {"refund-issued": "0QT000000000001", "chat-hello": "0QT000000000002"}),
    (_quick_text_json, "salesforce", {"refund-issued": "0QT000000000009"}),
    (_intercom, "intercom", {"refund-issued": "123", "chat-hello": "m_2"}),
], ids=["salesforce-csv", "salesforce-json", "intercom"])
def test_the_import_keeps_the_helpdesks_id(tmp_path: Path, make: object, helpdesk: str,
                                           ids: dict[str, str]) -> None:
    assert callable(make)
    export = make(tmp_path)
    ran = CliRunner().invoke(main, ["import", str(export), "-o", str(tmp_path / "pack")])
    assert ran.exit_code == 0, ran.output
    blocks = _export_blocks(tmp_path / "pack")
    assert {script: block[helpdesk]["id"] for script, block in blocks.items()  # type: ignore[index]
            if isinstance(block, dict)} == ids
    if make is _quick_text_csv:  # (beside the record's other settings)
        assert blocks["refund-issued"] == {"salesforce": {"category": "Billing", "folder_id": "00l000000000AAA",
                                                          "id": "0QT000000000001"}}
    report = scriptkit.audit_library(tmp_path / "pack", grammar="off")
    assert {m.id: (m.export_id, m.export_ids) for m in report.macros} == {
        script: (ident, {helpdesk: ident}) for script, ident in ids.items()}
    direct = scriptkit.audit_library(export, grammar="off")
    assert {m.id: m.export_ids for m in direct.macros} == {m.id: m.export_ids for m in report.macros}


@pytest.mark.timeout(60)
@pytest.mark.parametrize("target", [SalesforceTarget, IntercomTarget])
def test_no_id_is_written_where_the_export_keeps_none(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                      target: type[BaseTarget]) -> None:
    # (a setting the export does not take stops check and export of every imported script: exit 2)
    monkeypatch.setattr(target, "macro_ids", False)
    export = (_quick_text_csv if target is SalesforceTarget else _intercom)(tmp_path)
    library = scriptkit.import_library(export)
    assert all("id" not in m.raw.settings for m in library.macros)
    assert {m.raw.export_id for m in library.macros} == (
        {"0QT000000000001", "0QT000000000002"} if target is SalesforceTarget else {"123", "m_2"})
    pack = library.write(tmp_path / "pack")
    ran = CliRunner().invoke(main, ["check", str(pack), "--grammar", "off"])
    assert ran.exit_code != 2 and "unknown" not in ran.output, ran.output


@pytest.mark.timeout(60)
@pytest.mark.parametrize("make", [_quick_text_csv, _quick_text_json], ids=["csv", "json"])
def test_auditing_a_quick_text_export_names_its_ids_salesforces(tmp_path: Path, make: object) -> None:
    assert callable(make)
    export = make(tmp_path)
    ran = CliRunner().invoke(main, ["audit", str(export), "--grammar", "off", "--format", "json"])
    assert ran.exit_code == 0, ran.output
    assert {next(iter(m["export_ids"])) for m in json.loads(ran.stdout)["macros"]} == {"salesforce"}


@pytest.mark.timeout(60)
def test_a_sheets_id_column_stays_the_sheets_and_two_helpdesks_ids_are_each_their_own(tmp_path: Path) -> None:
    sheet = tmp_path / "replies.csv"
    sheet.write_text(f'id,title,body\nr1,Refund issued,"{_REPLY}"\n', encoding="utf-8")
    assert [m.export_ids for m in scriptkit.audit_library(sheet, grammar="off").macros] == [{"csv": "r1"}]
    zendesk = tmp_path / "macros.json"
    zendesk.write_text(json.dumps({"macros": [{"id": 360001, "title": "Late", "actions": [
        {"field": "comment_value", "value": _REPLY}]}]}), encoding="utf-8")
    report = scriptkit.audit_library([zendesk, _quick_text_json(tmp_path)], grammar="off")
    assert {m.id: m.export_ids for m in report.macros} == {"late": {"zendesk": "360001"},
                                                           "refund-issued": {"salesforce": "0QT000000000009"}}
