"""A UTF-8 file with a byte order mark and then a byte that is not UTF-8 names that byte, its offset in the file
and its column, as the same file without the mark does."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from scriptkit import import_library
from scriptkit.errors import ImportFormatError

_CSV = b"title,body\nRefund,Caf\xe9 voucher sent today\n"


def _refusal(path: Path) -> ImportFormatError:
    with pytest.raises(ImportFormatError) as info:
        import_library(path)
    return info.value


@pytest.mark.timeout(60)
@pytest.mark.parametrize("mark", [b"", codecs.BOM_UTF8])
def test_the_bad_byte_is_named_where_it_is(tmp_path: Path, mark: bytes) -> None:
    path = tmp_path / "macros.csv"
    path.write_bytes(mark + _CSV)
    error = _refusal(path)
    offset = len(mark) + _CSV.index(b"\xe9")
    assert f"(byte 0xe9 at offset {offset})" in str(error)
    assert error.location is not None and (error.location.line, error.location.col) == (2, 11)
    assert path.read_bytes()[offset] == 0xE9


@pytest.mark.timeout(60)
def test_utf8_letters_after_the_mark_still_tell_a_mixed_file(tmp_path: Path) -> None:
    path = tmp_path / "macros.csv"
    path.write_bytes(codecs.BOM_UTF8 + "title,body\nA,Café ok\n".encode() + b"B,Caf\xe9 x\n")
    error = _refusal(path)
    assert error.location is not None and (error.location.line, error.location.col) == (3, 6)
    assert "mixes encodings" in (error.hint or "")
