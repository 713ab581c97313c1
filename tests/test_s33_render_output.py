"""``render -o FILE``: the replies as UTF-8 in a file, whatever the console's encoding (a Windows console's
cp1252 wrote an emoji as '\\ud83d\\ude42' through `render > replies.txt`)."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import run_cli

_SCRIPT = """id: late
title: Late parcel 📦
channels: [email]
acknowledgment: "I'm sorry your parcel is late 🙂."
warm_language: "Thanks for bearing with us."
solution: "I've sent a new one today; it arrives by Friday."
"""


def test_render_writes_the_replies_to_a_file_in_utf8(make_pack, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    pack = make_pack({"late.yaml": _SCRIPT})
    shown = run_cli("render", str(pack))
    target = tmp_path / "out" / "replies.txt"  # (its folder made, as check's -o makes one)
    result = run_cli("render", str(pack), "-o", str(target))
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    written = target.read_bytes().decode("utf-8")
    assert "I'm sorry your parcel is late 🙂." in written and "Late parcel 📦" in written
    assert written == shown.stdout


def test_render_json_writes_to_a_file_too(make_pack, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    pack = make_pack({"late.yaml": _SCRIPT})
    target = tmp_path / "replies.json"
    assert run_cli("render", str(pack), "--format", "json", "--output", str(target)).exit_code == 0
    assert json.loads(target.read_text(encoding="utf-8"))[0]["title"] == "Late parcel 📦"


def test_render_refuses_to_write_over_a_script(make_pack) -> None:  # type: ignore[no-untyped-def]
    pack = make_pack({"late.yaml": _SCRIPT})
    result = run_cli("render", str(pack), "-o", str(pack / "scripts" / "late.yaml"))
    assert result.exit_code == 2
    assert "is a file this run reads" in result.stderr
    assert (pack / "scripts" / "late.yaml").read_text(encoding="utf-8") == _SCRIPT
