"""A Salesforce Quick Text's Category is one picklist value, so it is one tag ('Order Issues'), not one a word
([Order, Issues]): other helpdesks' exports then carried broken tags (Gorgias 'Subscriptions, and, renewals')."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from scriptkit import import_library
from scriptkit.cli import main

_REPLY = "I'm sorry the refund is slow. I'll chase it today and write back by Friday."


@pytest.mark.timeout(60)
def test_a_data_loader_category_is_one_tag(tmp_path: Path) -> None:
    sheet = tmp_path / "dl.csv"
    sheet.write_text("Id,Name,Message,Category,Channel,IsInsertable\n"
                     f'0QT000000000101,Refund delay,"{_REPLY}",Order Issues,Email,true\n'
                     f'0QT000000000102,Short,"{_REPLY}",Returns & Exchanges,Email,true\n', encoding="utf-8")
    tags = [m.raw.tags for m in import_library(sheet).macros]
    assert tags == [["Order Issues"], ["Returns & Exchanges"]]


@pytest.mark.timeout(60)
def test_a_query_category_reaches_gorgias_as_one_tag(tmp_path: Path) -> None:
    path = tmp_path / "quicktext.json"
    path.write_text(json.dumps({"records": [{"attributes": {"type": "QuickText"}, "Id": "0QT000000000010",
                                             "Name": "Cancel", "Message": _REPLY, "Channel": "Email",
                                             "Category": "Subscriptions and renewals management"}]}))
    runner = CliRunner()
    result = runner.invoke(main, ["import", str(path), "-o", str(tmp_path / "pack")], env={"NO_COLOR": "1"})
    assert result.exit_code == 0, result.output
    script = next((tmp_path / "pack" / "scripts").glob("*.yaml")).read_text(encoding="utf-8")
    assert "tags: [Subscriptions and renewals management]" in script
    result = runner.invoke(main, ["export", str(tmp_path / "pack"), "--to", "gorgias", "--out", str(tmp_path / "g")],
                           env={"NO_COLOR": "1"})
    assert result.exit_code == 0, result.output
    written = "\n".join(p.read_text(encoding="utf-8") for p in (tmp_path / "g").rglob("*.json"))
    assert '"tags": "Subscriptions and renewals management"' in written


@pytest.mark.timeout(60)
def test_a_generic_sheet_s_tags_still_split(tmp_path: Path) -> None:
    # (not a Quick Text: a 'tags' column spelled as Zendesk writes them, space-delimited, is still several)
    sheet = tmp_path / "macros.csv"
    sheet.write_text(f'title,body,tags\nRefund,"{_REPLY}",billing refunds\n', encoding="utf-8")
    [macro] = import_library(sheet).macros
    assert macro.raw.tags == ["billing", "refunds"]
