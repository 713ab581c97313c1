"""A Quick Text that Salesforce leaves out of its channels (IsInsertable false): the import note says what the
export really does, which writes no IsInsertable: updated by its Id it stays left out; created new it is in."""

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
    assert "updates that Quick Text by its Id and leaves it so" in note and "switch it off" not in note


@pytest.mark.timeout(60)
def test_no_id_is_created_included(tmp_path: Path) -> None:
    sheet = tmp_path / "quicktext.csv"
    sheet.write_text(f'Name,Message,Channel,IsInsertable\nRefund,"{_TEXT}",Email,false\n', encoding="utf-8")
    [macro] = import_library(sheet, "salesforce").macros
    [note] = [n for n in macro.notes if "IsInsertable false" in n]
    assert "a new Quick Text (no Id to update)" in note and "switch it off again" in note
