"""pack.yaml's description names the format as the import and the audit do: a Quick Text export read through the
JSON or CSV reader is 'salesforce', not '(json)' or '(csv)'."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from scriptkit import import_library
from scriptkit.cli import main

_TEXT = "I'm sorry the refund is late. I have sent it again today and it arrives by Friday."


@pytest.mark.timeout(60)
@pytest.mark.parametrize("suffix", ["json", "csv"])
def test_a_quick_text_export_is_described_as_salesforce(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"quicktext.{suffix}"
    if suffix == "json":
        path.write_text(json.dumps({"records": [{"attributes": {"type": "QuickText"}, "Name": "Refund",
                                                 "Message": _TEXT, "Channel": "Email"}]}))
    else:
        path.write_text(f'Name,Message,Channel,IsInsertable\nRefund,"{_TEXT}",Email,true\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["import", str(path), "-o", str(tmp_path / "pack")], env={"NO_COLOR": "1"})
    assert result.exit_code == 0, result.output
    pack = (tmp_path / "pack" / "pack.yaml").read_text(encoding="utf-8")
    assert f"description: 1 macro(s) imported from quicktext.{suffix} (salesforce)." in pack


def test_a_custom_fields_sample_has_no_suffix(tmp_path: Path) -> None:
    """pack.yaml's sample for {!Case.Order_Number__c} read 'Order Number  c'."""
    path = tmp_path / "quicktext.json"
    path.write_text(json.dumps({"totalSize": 1, "done": True, "records": [
        {"attributes": {"type": "QuickText"}, "Id": "0QT000000000001", "Name": "Order",
         "Message": "Thanks for waiting. I've checked order {!Case.Order_Number__c} today and it ships Friday."}]}),
        encoding="utf-8")
    import_library(path, "salesforce").write(tmp_path / "pack")
    assert "sample: Order Number\n" in (tmp_path / "pack" / "pack.yaml").read_text(encoding="utf-8")
