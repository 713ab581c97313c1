"""A Quick Text that Salesforce leaves out of its channels (IsInsertable false): the import note says what the
export really does. (Session 28: the import keeps it as the setting insertable: false, which the export writes back
as IsInsertable false, so updated or created new it stays left out; these asserted the notes of an export that
wrote no IsInsertable, where a new one was in its channels again.)"""

from __future__ import annotations

from pathlib import Path

import pytest

from scriptkit import import_library

_TEXT = "I'm sorry the refund is late. I have sent it again today and it arrives by Friday."


@pytest.mark.timeout(60)
def test_kept_id_stays_left_out(tmp_path: Path) -> None:
    sheet = tmp_path / "quicktext.csv"
    sheet.write_text(f'Id,Name,Message,Channel,IsInsertable\n0BQ5g000000abcdGAA,Refund,"{_TEXT}",Email,false\n',
                     encoding="utf-8")
    [macro] = import_library(sheet, "salesforce").macros
    [note] = [n for n in macro.notes if "IsInsertable false" in n]
    assert "kept as insertable: false, which the Salesforce export writes back" in note
    assert macro.raw.settings["insertable"] is False


@pytest.mark.timeout(60)
def test_no_id_is_created_left_out(tmp_path: Path) -> None:
    sheet = tmp_path / "quicktext.csv"
    sheet.write_text(f'Name,Message,Channel,IsInsertable\nRefund,"{_TEXT}",Email,false\n', encoding="utf-8")
    [macro] = import_library(sheet, "salesforce").macros
    [note] = [n for n in macro.notes if "IsInsertable false" in n]
    assert "kept as insertable: false, which the Salesforce export writes back" in note and "switch it off" not in note
