"""Control characters and over-long numbers: refused where a pack writes them, shown as pictures
(never run as terminal commands) where a reviewed text holds them."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from scriptkit.cli import main

SCRIPT = """id: s
title: {title}
acknowledgment: {ack}
solution: I've refunded you today, and it will reach your card by Friday.
"""


def _pack(tmp_path: Path, title: str = "Refund", ack: str = "I'm so sorry the parcel is late.") -> Path:
    root = tmp_path / "pack"
    (root / "scripts").mkdir(parents=True)
    (root / "pack.yaml").write_text("name: P\n", encoding="utf-8")
    (root / "scripts" / "s.yaml").write_text(SCRIPT.format(title=title, ack=ack), encoding="utf-8")
    return root


@pytest.mark.parametrize(("title", "ack", "code"), [
    ('"Refund\\x1b]0;pwned\\x07"', "I'm so sorry.", "U+001B"),
    ("Refund", '"I\'m so sorry the parcel is late.\\0"', "U+0000"),
    ("Refund", '"I\'m so sorry\\a the parcel is late."', "U+0007"),
    ("Refund", '"I\'m so sorry\\u009b the parcel is late."', "U+009B"),
])
def test_an_escaped_control_character_is_a_located_error(tmp_path: Path, title: str, ack: str, code: str) -> None:
    root = _pack(tmp_path, title, ack)
    line, col = (2, 8 + title.index("\\")) if "\\" in title else (3, 17 + ack.index("\\"))  # (at the escape)
    for command in (["check", str(root)], ["export", str(root), "--to", "csv", "--out", str(tmp_path / "o")]):
        result = CliRunner().invoke(main, command)
        assert result.exit_code == 2, result.output
        assert f"s.yaml:{line}:{col}: error: an escape in this text writes an invisible control character, {code}" \
            in result.output
        assert "Traceback" not in result.output
    assert not (tmp_path / "o").exists()


def test_tabs_and_line_breaks_written_as_escapes_are_still_text(tmp_path: Path) -> None:
    root = _pack(tmp_path, ack='"I\'m so sorry the parcel is late.\\nThat\\tmust be frustrating."')
    result = CliRunner().invoke(main, ["check", str(root), "--grammar", "off"])
    assert result.exit_code in (0, 1) and "control character" not in result.output


def test_a_number_too_long_to_read_is_located_with_the_fix(tmp_path: Path) -> None:
    root = _pack(tmp_path, title="9" * 5000)
    result = CliRunner().invoke(main, ["check", str(root)])
    assert result.exit_code == 2
    assert "s.yaml:2:8: error: a number of 5000 digits is here" in result.output
    assert "double quotes" in result.output and "set_int_max_str_digits" not in result.output


def test_review_shows_a_terminal_command_as_pictures(tmp_path: Path) -> None:
    reply = tmp_path / "reply.txt"
    reply.write_text("I'm sorry \x1b]52;c;ZWNobw==\x07about the delay. I've refunded you today.\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["review", str(reply)])
    assert "\x1b" not in result.output and "\x07" not in result.output
    assert "\u241b]52;c;ZWNobw==" in result.output  # ␛, where the escape was
