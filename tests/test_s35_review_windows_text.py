"""`review` of Windows-1252 text (a file, or piped in) says it is likely Windows-1252 and how to save or convert
it, as `check` does for a script: it said only 'Save it as UTF-8.'"""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from scriptkit.cli import main
from tests.test_cli_check import run

REPLY = "I'm so sorry your parcel arrived damaged \u2013 that's really frustrating. A replacement is on its way.\n"


def test_a_windows_1252_file_is_named_as_one(tmp_path: Path) -> None:
    reply = tmp_path / "reply.txt"
    reply.write_bytes(REPLY.encode("cp1252"))
    result = run("review", str(reply))
    assert result.exit_code == 2
    assert f"{reply}:1:42: error: the text is not valid UTF-8" in result.output, result.output
    assert "likely Windows-1252. Save it as UTF-8 (Notepad: Save As, Encoding 'UTF-8')" in result.output
    assert f"iconv -f WINDOWS-1252 -t UTF-8 {reply} > {tmp_path / 'reply-utf8.txt'}" in result.output
    assert "Traceback" not in result.output


def test_windows_1252_piped_in_is_converted_as_it_is_piped(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["review", "-"], input=REPLY.encode("cp1252"), env={"NO_COLOR": "1"})
    assert result.exit_code == 2
    assert "<stdin>:1:42: error: the text is not valid UTF-8" in result.output, result.output
    assert "The text is likely Windows-1252. Save it as UTF-8 (Notepad: Save As, Encoding 'UTF-8'), or convert " \
           "it as you pipe it: iconv -f WINDOWS-1252 -t UTF-8 reply.txt | scriptkit review -" in result.output
    assert "<stdin>-utf8" not in result.output


def test_text_that_mixes_encodings_is_told_to_retype_the_character(tmp_path: Path) -> None:
    reply = tmp_path / "reply.txt"
    reply.write_bytes("Caf\u00e9 note: ".encode() + REPLY.encode("cp1252"))
    result = run("review", str(reply))
    assert result.exit_code == 2
    assert "mixes encodings" in result.output and "iconv" not in result.output, result.output
