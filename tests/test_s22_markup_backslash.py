"""Text printed through rich markup keeps a backslash before a bracket that opens no tag: rich read '\\[' as an
escaped '[' and dropped the backslash, so a hint's '\\[0-9]', a note's '\\[' or a Windows path lost it."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from scriptkit.cli import main
from scriptkit.cli.output import console, escape_markup


@pytest.mark.parametrize("text", [r"write \[0-9] or \d", r"C:\packs\[draft]", r"two \\[b]", "[bold]x[/bold]",
                                  "a [b] c", "end\\", r"\[urgent]", "[/VIP] Refund"])
def test_escaped_text_prints_as_written(text: str) -> None:
    con = console()
    with con.capture() as captured:
        con.print(f"[dim]{escape_markup(text)}[/dim]", end="")  # (as the CLI prints it: inside a style)
    assert captured.get() == text


def test_a_note_with_a_backslash_bracket_renders_as_written(tmp_path: Path) -> None:
    pack = tmp_path / "pack"
    (pack / "scripts").mkdir(parents=True)
    (pack / "pack.yaml").write_text("name: Notes\nchannels: {email: {greeting: '', signoff: ''}}\n", encoding="utf-8")
    (pack / "scripts" / "late.yaml").write_text(
        "id: late\ntitle: Late parcel\nchannels: [email]\nacknowledgment: I'm sorry the parcel is late.\n"
        "flexibility:\n  guidance: 'Type the code as \\[0-9]{6} in the search box'\n"
        "solution: I've sent a new one today.\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["render", str(pack)], env={"NO_COLOR": "1", "COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert r"\[0-9]{6}" in result.output
