"""A Quick Text's custom merge field ({!Case.Order_Number__c}) is kept as a placeholder named readably,
salesforce.Case_Order_Number__c (its suffix kept: a standard field of the same words is another field), whose
fill-in marker reads '[[salesforce Case Order Number]]': another helpdesk's export wrote it
'[[salesforce Case Order Number  c]]' (a double space, a stray 'c'); the Salesforce export still writes the field
as Salesforce spells it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from scriptkit import import_library
from scriptkit.cli import main

_TEXT = ("Hi {!Contact.FirstName}, your order {!Case.Order_Number__c} for {!Case.acme__Model__c} will ship "
         "tomorrow. I'm sorry for the wait.")


def _pack(tmp_path: Path) -> Path:
    path = tmp_path / "quicktext.json"
    path.write_text(json.dumps({"records": [{"attributes": {"type": "QuickText"}, "Id": "0QT000000000003",
                                             "Name": "Custom field", "Message": _TEXT, "Channel": "Email"}]}))
    result = CliRunner().invoke(main, ["import", str(path), "-o", str(tmp_path / "pack")], env={"NO_COLOR": "1"})
    assert result.exit_code == 0, result.output
    return tmp_path / "pack"


def _export(pack: Path, target: str, out: Path) -> str:
    result = CliRunner().invoke(main, ["export", str(pack), "--to", target, "--out", str(out)],
                                env={"NO_COLOR": "1"})
    assert result.exit_code == 0, result.output
    return "\n".join(p.read_text(encoding="utf-8") for p in out.rglob("*.json"))


@pytest.mark.timeout(60)
def test_a_custom_field_is_named_readably(tmp_path: Path) -> None:
    path = tmp_path / "quicktext.json"
    path.write_text(json.dumps({"records": [{"attributes": {"type": "QuickText"}, "Name": "Custom field",
                                             "Message": _TEXT, "Channel": "Email"}]}))
    [macro] = import_library(path).macros
    assert sorted(macro.own_fields()) == ["salesforce.Case_Order_Number__c", "salesforce.Case_acme_Model__c"]
    assert macro.own_fields()["salesforce.Case_Order_Number__c"].field == "Case.Order_Number__c"


@pytest.mark.timeout(60)
def test_another_helpdesk_s_marker_reads_well(tmp_path: Path) -> None:
    written = _export(_pack(tmp_path), "gorgias", tmp_path / "g")
    assert "[[salesforce Case Order Number]]" in written and "[[salesforce Case acme Model]]" in written
    assert "  c]]" not in written


@pytest.mark.timeout(60)
def test_the_salesforce_export_writes_the_field_as_salesforce_spells_it(tmp_path: Path) -> None:
    written = _export(_pack(tmp_path), "salesforce", tmp_path / "s")
    assert "{!Case.Order_Number__c}" in written and "{!Case.acme__Model__c}" in written
