"""A script that mixes line endings (CRLF lines saved on Windows, then LF lines added elsewhere) had CRLF
written into its LF lines by `check --fix`: a line break a fix makes now takes the ending of its own line."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from scriptkit.cli import main

WINDOWS = b"id: a\r\ntitle: A\r\nchannels: [email]\r\nacknowledgment: I can see how frustrating it is to wait.\r\n"
ADDED = b"warm_language: Thanks for bearing with me.\nflexibility:\n  guidance: Offer the Saturday slot first.\n"
# SK007: a typed '\n' in a block becomes a real line break
TYPED = b"solution: |\n  I have chased it today.\\nIt will reach you by Friday.\n"
BROKEN = b"solution: |\n  I have chased it today.\n  It will reach you by Friday.\n"


def fixed(tmp_path: Path, raw: bytes) -> bytes:
    root = tmp_path / "pack"
    (root / "scripts").mkdir(parents=True)
    (root / "pack.yaml").write_bytes(b"name: T\n")
    script = root / "scripts" / "a.yaml"
    script.write_bytes(raw)
    result = CliRunner().invoke(main, ["check", str(root), "--grammar", "off", "--fix"])
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return script.read_bytes()


def test_a_line_break_made_in_lf_lines_after_crlf_ones_is_lf(tmp_path: Path) -> None:
    assert fixed(tmp_path, WINDOWS + ADDED + TYPED) == WINDOWS + ADDED + BROKEN


def test_a_line_break_made_in_crlf_lines_after_lf_ones_is_crlf(tmp_path: Path) -> None:
    head = ADDED + WINDOWS
    assert fixed(tmp_path, head + TYPED.replace(b"\n", b"\r\n")) == head + BROKEN.replace(b"\n", b"\r\n")


@pytest.mark.parametrize("newline", [b"\r\n", b"\n"])
def test_a_last_line_with_no_ending_takes_the_one_before_it(tmp_path: Path, newline: bytes) -> None:
    typed, broken = TYPED.replace(b"\n", newline)[:-len(newline)], BROKEN.replace(b"\n", newline)[:-len(newline)]
    assert fixed(tmp_path, WINDOWS + ADDED + typed) == WINDOWS + ADDED + broken
