"""``--format concise``: one line per finding, ``path:line:col: severity CODE [name] message``, as ruff, flake8 and
gcc write them: `check PACK | grep SK305` kept the file only in a group header, and an editor could not open it."""

from __future__ import annotations

import re
from pathlib import Path

from tests.conftest import run_cli

_SCRIPT = """id: late
title: Late parcel
channels: [email]
acknowledgment: "I'm sorry your parcel is late."
warm_language: "Thanks for bearing with us."
solution: "Calm down. We will look into it."
"""

_LINE = re.compile(r"(?P<file>[^:]+):(?P<line>\d+):(?P<col>\d+): (?P<severity>error|warning|suggestion) "
                   r"(?P<code>SK\d{3}) \[(?P<name>[a-z0-9-]+)\] (?P<message>.+)")


def test_check_concise_names_the_file_on_every_finding(make_pack, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                       monkeypatch) -> None:  # type: ignore[no-untyped-def]
    pack = make_pack({"late.yaml": _SCRIPT})
    monkeypatch.chdir(tmp_path)
    result = run_cli("check", "pack", "--format", "concise", "--grammar", "off")
    assert result.exit_code == 1, result.output
    lines = result.stdout.splitlines()
    *findings, summary = lines
    assert findings and all(_LINE.fullmatch(line) for line in findings), lines
    calm = next(m for m in map(_LINE.fullmatch, findings) if m and m["code"] == "SK305")
    assert (calm["file"], calm["line"], calm["col"]) == ("pack/scripts/late.yaml", "6", "12")
    assert "Calm down" in calm["message"]
    assert summary.startswith(f"Found {len(findings)} problem"), summary
    assert "\x1b[" not in result.stdout
    assert (pack / "scripts" / "late.yaml").is_file()


def test_review_concise_too(tmp_path: Path) -> None:
    reply = tmp_path / "reply.txt"
    reply.write_text("Calm down. We will look into it.\n", encoding="utf-8")
    result = run_cli("review", str(reply), "--format", "concise")
    assert result.exit_code == 1
    *findings, summary = result.stdout.splitlines()
    assert any((m := _LINE.fullmatch(line)) and m["file"].endswith("reply.txt") and m["code"] == "SK305"
               for line in findings), findings
    assert summary.startswith("Found ")


def test_a_clean_check_in_concise_is_one_line(make_pack) -> None:  # type: ignore[no-untyped-def]
    pack = make_pack({"late.yaml": _SCRIPT})
    result = run_cli("check", str(pack), "--format", "concise", "--select", "SK002")
    assert result.exit_code == 0
    assert result.stdout.startswith("All clear") and len(result.stdout.splitlines()) == 1
