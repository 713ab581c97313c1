"""A pack file saved in Windows-1252 (Notepad's "ANSI", a smart quote as byte 0x92) was told only 'not valid
UTF-8' and 'Save the file as UTF-8': the writer learns which encoding it is and how to convert it in place."""

from __future__ import annotations

import shlex
from pathlib import Path
from typing import Any

from click.testing import CliRunner

from scriptkit.cli import main

SCRIPT = ("id: parcel-late\ntitle: \"Orders::Parcel late\"\nchannels: [email]\n"
          "acknowledgment: \"I can see it\u2019s frustrating that your parcel is late.\"\n"
          "warm_language: \"Thanks for waiting with us.\"\n"
          "solution: \"I'll call the courier today and email you by 5pm.\"\n")


def check(root: Path) -> Any:
    result = CliRunner().invoke(main, ["check", str(root)], env={"NO_COLOR": "1", "COLUMNS": "300"})
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output
    return result


def test_a_windows_1252_script_is_named_and_the_conversion_given(make_pack: Any) -> None:
    root = make_pack({})
    script = root / "scripts" / "parcel late.yaml"
    script.write_bytes(SCRIPT.replace("\n", "\r\n").encode("cp1252"))
    result = check(root)
    assert result.exit_code == 2, result.output
    assert f"{script}:4:30: error: file is not valid UTF-8" in result.output
    assert "likely Windows-1252" in result.output
    assert "Notepad: Save As, Encoding 'UTF-8'" in result.output
    # converted in place: a copy beside it in scripts/ would be read as a second script with the same id
    converted = shlex.quote(str(script.with_name("parcel late-utf8.yaml")))
    assert (f"iconv -f WINDOWS-1252 -t UTF-8 {shlex.quote(str(script))} > {converted} "
            f"&& mv {converted} {shlex.quote(str(script))}") in result.output
    assert result.output.count(": error: ") == 1


def test_pack_yaml_in_windows_1252_is_told_the_same(make_pack: Any) -> None:
    root = make_pack({"a.yaml": SCRIPT})
    (root / "pack.yaml").write_bytes("name: Caf\u00e9 support\n".encode("cp1252"))
    result = check(root)
    assert result.exit_code == 2, result.output
    assert f"{root / 'pack.yaml'}:1:10: error: file is not valid UTF-8" in result.output
    assert f"iconv -f WINDOWS-1252 -t UTF-8 {root / 'pack.yaml'} >" in result.output


def test_one_stray_byte_in_a_utf8_script_is_told_to_be_retyped(make_pack: Any) -> None:
    # the rest of the file is UTF-8 ('\u2014' before it): converting all of it would garble what was right
    root = make_pack({})
    script = root / "scripts" / "a.yaml"
    script.write_bytes(SCRIPT.replace("late.\"", "late \u2014 sorry.\"").encode().replace(b"\xe2\x80\x99", b"\x92"))
    result = check(root)
    assert result.exit_code == 2, result.output
    assert "The file mixes encodings: the text after this point is UTF-8" in result.output
    assert "Retype it here" in result.output and "iconv" not in result.output
