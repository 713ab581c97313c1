"""Import files saved as UTF-16 without a byte order mark (Notepad's "Unicode" saved so), or as UTF-32, are read
as the text they hold, as a UTF-16 file with its mark is; UTF-32 is not taken for UTF-16."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from scriptkit import import_library
from scriptkit.errors import ImportFormatError
from scriptkit.text import wide_encoding

_REPLY = "I'm sorry the parcel is late. I have sent a new one today and it arrives by Friday."
_CSV = f'Name,Text\nLate parcel,"{_REPLY}"\n'
_JSON = json.dumps({"macros": [{"id": 3, "title": "Late parcel",
                                "actions": [{"field": "comment_value", "value": _REPLY}]}]})


@pytest.mark.timeout(60)
@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be"])
@pytest.mark.parametrize(("name", "text"), [("macros.csv", _CSV), ("macros.json", _JSON)])
def test_a_wide_encoding_is_read(tmp_path: Path, encoding: str, name: str, text: str) -> None:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    [macro] = import_library(path).macros
    assert macro.title == "Late parcel" and "arrives by Friday" in macro.text


@pytest.mark.timeout(60)
def test_each_is_told_apart() -> None:
    text = "Name,Text\nLate,I'm sorry.\n"
    assert {e: wide_encoding(text.encode(e)) for e in ("utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be",
                                                        "utf-32", "utf-32-le", "utf-32-be")} == {
        "utf-8": None, "utf-8-sig": None, "utf-16": "utf-16", "utf-16-le": "utf-16-le", "utf-16-be": "utf-16-be",
        "utf-32": "utf-32", "utf-32-le": "utf-32-le", "utf-32-be": "utf-32-be"}
    assert wide_encoding(bytes(range(256))) is None


@pytest.mark.timeout(60)
def test_a_cut_utf16_file_says_so(tmp_path: Path) -> None:
    path = tmp_path / "macros.csv"
    path.write_bytes(_CSV.encode("utf-16-le")[:-1])
    with pytest.raises(ImportFormatError, match="starts as UTF-16 but is cut or damaged"):
        import_library(path)
