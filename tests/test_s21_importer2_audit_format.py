"""The audit names the format a library was read as: a Salesforce Quick Text sheet (Data Loader CSV) or query
(REST JSON), told by its records, is 'salesforce' in the JSON report's top-level 'format', the text report's
heading and the Python report, as its ids are keyed in 'export_ids'; it said 'csv' or 'json'. A generic sheet
stays its file's format."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from scriptkit.audit import audit_library

_REPLY = "I'm sorry your order is late. I've sent a new one today, and you'll have it by Friday."
QUICK_TEXT_CSV = f'Id,Name,Message,Category,FolderId,IsInsertable\n0QT1,Late,"{_REPLY}",Shipping,00l1,true\n'
QUICK_TEXT_JSON = json.dumps({"totalSize": 1, "done": True, "records": [
    {"attributes": {"type": "QuickText", "url": "/services/data/v59.0/sobjects/QuickText/0QT1"},
     "Id": "0QT1", "Name": "Late", "Message": _REPLY, "Category": "Shipping", "IsInsertable": True}]})


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(("name", "text"), [("quick-text.csv", QUICK_TEXT_CSV), ("quick-text.json", QUICK_TEXT_JSON)],
                         ids=["data-loader-csv", "rest-json"])
def test_a_quick_text_library_is_audited_as_salesforce(tmp_path: Path, name: str, text: str) -> None:
    from scriptkit.cli import main

    path = _write(tmp_path, name, text)
    ran = CliRunner().invoke(main, ["audit", str(path), "--grammar", "off", "--format", "json"])
    assert ran.exit_code in (0, 1), ran.output
    report = json.loads(ran.stdout)
    assert report["format"] == "salesforce"
    assert report["macros"][0]["export_ids"] == {"salesforce": "0QT1"}
    shown = CliRunner().invoke(main, ["audit", str(path), "--grammar", "off"])
    assert f"Audit of {path} (salesforce):" in shown.stdout, shown.output
    assert audit_library(path, grammar="off").format == "salesforce"


def test_a_generic_sheet_keeps_its_format(tmp_path: Path) -> None:
    path = _write(tmp_path, "replies.csv", f'id,title,body\n7,Late,"{_REPLY}"\n')
    report = audit_library(path, grammar="off")
    assert report.format == "csv" and report.macros[0].export_ids == {"csv": "7"}


def test_two_quick_text_sheets_are_salesforce_and_a_mixed_library_names_each(tmp_path: Path) -> None:
    first = _write(tmp_path, "a.csv", QUICK_TEXT_CSV)
    second = _write(tmp_path, "b.json", QUICK_TEXT_JSON.replace("0QT1", "0QT2").replace('"Late"', '"Late again"'))
    assert audit_library([first, second], grammar="off").format == "salesforce"
    generic = _write(tmp_path, "c.csv", f'title,body\nSorry,"{_REPLY}"\n')
    assert audit_library([first, generic], grammar="off").format == "csv+salesforce"
