"""A NUL in a UTF-8 file (session 30's bad input) is pointed at, not taken for UTF-16."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from test_s15_hostile import BASE_PACK, BASE_SCRIPT, SCRIPT_NAME, assert_contract, invoke

from scriptkit.text import wide_encoding


@pytest.fixture
def pack(make_pack: Any) -> Path:
    root: Path = make_pack({SCRIPT_NAME: BASE_SCRIPT}, pack_yaml=BASE_PACK)
    return root


def errors_of(*args: str) -> str:
    result = invoke(*args)
    assert_contract(result, args[0])
    assert result.exit_code == 2, result.output
    return result.stderr


def test_a_nul_in_a_utf8_script_is_pointed_at_not_called_utf16(pack: Path) -> None:
    (pack / "scripts" / "x.yaml").write_bytes(b"id: a\ntitle: T\x00x\nsolution: x\n")
    stderr = errors_of("check", str(pack), "--grammar", "off", "-j", "1")
    assert stderr.startswith(f"{pack}/scripts/x.yaml:2:9: error: an invisible control character, U+0000"), stderr
    assert "UTF-16" not in stderr


def test_a_nul_in_a_utf8_reply_is_pointed_at_by_review(tmp_path: Path) -> None:
    reply = tmp_path / "reply.txt"
    reply.write_bytes(b"id: a\ntitle: T\x00x\nsolution: x\n")  # (was 'starts as UTF-16 but is cut or damaged')
    assert errors_of("review", str(reply)).startswith(f"{reply}:2:9: error: the text has a NUL character")


@pytest.mark.parametrize("raw", [b"id: a\ntitle: T\x00x\nsolution: x\n", b"a\x00b\nc\x00d\n"])
def test_stray_nuls_in_utf8_are_not_utf16(raw: bytes) -> None:
    assert wide_encoding(raw) is None


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("text", ["id: a\n", "имя: Посылка\n", "名前,本文\n遅延,申し訳\n"])
def test_short_utf16_is_still_told(text: str, encoding: str) -> None:
    assert wide_encoding(text.encode(encoding)) == encoding
