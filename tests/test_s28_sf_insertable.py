"""A Quick Text Salesforce keeps out of its channels (IsInsertable false) is imported with the setting
``insertable: false``: the Salesforce export writes it back so (updated or created, it stays out), and another
helpdesk's export, which has no such setting, says the macro becomes one every agent can insert (SK510), as it
does for a Zendesk macro switched off (active: false); Zendesk's export writes it switched off."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from scriptkit import import_library
from scriptkit.cli import main

_TEXT = "I'm sorry the refund is late. I have sent it again today and it arrives by Friday."


def _import(tmp_path: Path, ident: str | None = "0QT000000000005") -> Path:
    record = {"attributes": {"type": "QuickText"}, "Name": "Inactive macro", "Message": _TEXT,
              "Category": "Billing", "Channel": "Email", "IsInsertable": False, **({"Id": ident} if ident else {})}
    path = tmp_path / "quicktext.json"
    path.write_text(json.dumps({"records": [record]}, indent=1))
    result = CliRunner().invoke(main, ["import", str(path), "-o", str(tmp_path / "pack")], env={"NO_COLOR": "1"})
    assert result.exit_code == 0, result.output
    return tmp_path / "pack"


def _export(pack: Path, target: str, out: Path) -> str:
    result = CliRunner().invoke(main, ["export", str(pack), "--to", target, "--out", str(out)],
                                env={"NO_COLOR": "1"})
    assert result.exit_code == 0, result.output
    return result.output


@pytest.mark.timeout(60)
def test_the_import_keeps_it_as_a_setting(tmp_path: Path) -> None:
    script = next((_import(tmp_path) / "scripts").glob("*.yaml")).read_text(encoding="utf-8")
    assert "insertable: false" in script


@pytest.mark.timeout(60)
@pytest.mark.parametrize("ident", ["0QT000000000005", None])
def test_the_salesforce_export_writes_it_back_left_out(tmp_path: Path, ident: str | None) -> None:
    # (created new, it was in the agents' channels again: Salesforce's default for an API-created Quick Text)
    output = _export(_import(tmp_path, ident), "salesforce", tmp_path / "out")
    assert "SK510" not in output
    [record] = [json.loads(p.read_text()) for p in (tmp_path / "out" / "salesforce" / "quick_text").glob("*.json")]
    assert record["IsInsertable"] is False


@pytest.mark.timeout(60)
def test_the_note_says_it_stays_left_out(tmp_path: Path) -> None:
    sheet = tmp_path / "quicktext.csv"
    sheet.write_text(f'Name,Message,Channel,IsInsertable\nRefund,"{_TEXT}",Email,false\n', encoding="utf-8")
    [macro] = import_library(sheet, "salesforce").macros
    [note] = [n for n in macro.notes if "IsInsertable false" in n]
    assert "insertable: false" in note and "switch it off" not in note


@pytest.mark.timeout(60)
def test_a_setting_that_is_not_true_or_false_is_refused(tmp_path: Path) -> None:
    pack = _import(tmp_path)
    script = next((pack / "scripts").glob("*.yaml"))
    script.write_text(script.read_text(encoding="utf-8").replace("insertable: false", "insertable: 'no'"),
                      encoding="utf-8")
    result = CliRunner().invoke(main, ["export", str(pack), "--to", "salesforce", "--out", str(tmp_path / "o")],
                                env={"NO_COLOR": "1"})
    assert result.exit_code != 0 and "salesforce setting 'insertable' must be true or false" in result.output


@pytest.mark.timeout(60)
def test_another_helpdesk_s_export_says_it_is_in_use_there(tmp_path: Path) -> None:
    output = _export(_import(tmp_path), "gorgias", tmp_path / "out")
    assert "SK510" in output and "in salesforce this is left out of its channels (insertable: false)" in output
    # (Zendesk has a switch of its own: the macro is exported switched off, nothing to warn of)
    (tmp_path / "z").mkdir()
    output = _export(_import(tmp_path / "z"), "zendesk", tmp_path / "z" / "out")
    assert "SK510" not in output
