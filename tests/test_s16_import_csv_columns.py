"""A CSV's columns that the import does not read are named once for the file, not dropped unsaid."""

from __future__ import annotations

from pathlib import Path

from scriptkit.importers import import_library


def test_unread_columns_are_named_once(tmp_path: Path) -> None:
    sheet = tmp_path / "lib.csv"
    sheet.write_text("title,body,shortcut,owner,language,tags\n"
                     'Hi,"Hi there, your code is 1234.",hi1,ann,en,promo\n'
                     'Bye,"Bye now, thanks for writing.",by,bob,en,\n', encoding="utf-8")
    library = import_library(sheet)  # (on the library, for pack.yaml's header: no macro's note, s17)
    (note,) = [n for n in library.notes if "not read" in n]
    assert "'shortcut', 'owner', 'language'" in note and "'tags'" not in note
    assert not any("not read" in n for m in library.macros for n in m.notes)


def test_a_sheet_whose_columns_are_all_read_has_no_such_note(tmp_path: Path) -> None:
    sheet = tmp_path / "lib.csv"
    sheet.write_text('title,body,tags,guidance,id,channel\nHi,"Hi there, your code is 1234.",promo,VIP only,7,sms\n',
                     encoding="utf-8")
    (macro,) = import_library(sheet).macros
    assert not any("not read" in n for n in macro.notes)
