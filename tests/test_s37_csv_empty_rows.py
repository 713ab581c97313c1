"""A sheet's fully empty rows (',,,' below its last macro, as Excel saves a sheet once formatted) are no macro:
passed over without a line each, while a row with a title and no reply still gets its line."""

from __future__ import annotations

from pathlib import Path

from scriptkit.importers import import_library


def test_empty_trailing_rows_are_skipped_without_a_line_each(tmp_path: Path) -> None:
    sheet = ("title,body,tags\r\nRefund sent,\"Thanks for waiting. I've refunded the charge today.\",refund\r\n"
             ",,\r\nOnly a title,,\r\n" + ",,\r\n" * 3)
    library = import_library(_sheet(tmp_path, sheet))
    assert len(library.macros) == 1
    assert [p.item for p in library.skipped] == ["row 3 'Only a title'"]


def _sheet(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "macros.csv"
    path.write_bytes(("\ufeff" + text).encode("utf-8"))
    return path
