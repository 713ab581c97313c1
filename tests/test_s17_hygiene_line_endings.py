"""A script saved with old-Mac line endings (a "\\r" alone ends each line) is read line by line, as YAML
reads it: every finding and load error was placed on line 1, at a column past the end of what the report
showed, and safe fixes were lost because no span mapped back to the file. Windows "\\r\\n" files keep
working, and --fix writes the file's own line endings back."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from scriptkit.cli import main

LINES = ["id: a", "title: A", "channels: [email]", "acknowledgment: I can see how frustrating it is to wait.",
         "warm_language: Thanks for bearing with me.", "flexibility:", "  guidance: x"]
STIFF = "Should you have any further questions, just reply."
EASY = "If anything else comes up, just reply."


def write_pack(tmp_path: Path, lines: list[str], newline: str) -> Path:
    root = tmp_path / "pack"
    (root / "scripts").mkdir(parents=True)
    (root / "pack.yaml").write_bytes(b"name: T\n")
    (root / "scripts" / "a.yaml").write_bytes((newline.join(lines) + newline).encode())
    return root


def check_json(root: Path) -> list[dict[str, object]]:
    out = CliRunner().invoke(main, ["check", str(root), "--grammar", "off", "--format", "json"])
    assert "Traceback" not in out.output
    found: list[dict[str, object]] = json.loads(out.output)["diagnostics"]
    return found


def test_findings_are_placed_on_their_own_lines(tmp_path: Path) -> None:
    root = write_pack(tmp_path, [*LINES, f"solution: I have chased it today. {STIFF}"], "\r")
    # (a 10-word limit: the reply is short but has nothing to add, so SK105 reports it only as over a limit)
    (root / "pack.yaml").write_bytes(b"name: T\nrules:\n  options:\n    email-length: {min_words: 0, max_words: 10}\n")
    found = {d["code"]: d for d in check_json(root)}
    assert (found["SK105"]["line"], found["SK105"]["col"]) == (4, 17)
    assert (found["SK201"]["line"], found["SK201"]["col"]) == (8, 35)
    assert found["SK201"]["fix"] is not None


@pytest.mark.parametrize("newline", ["\r", "\r\n", "\n"])
def test_a_fix_inside_a_block_is_applied_with_the_files_line_endings(tmp_path: Path, newline: str) -> None:
    root = write_pack(tmp_path, [*LINES, "solution: |", "  I have chased it today.", f"  {STIFF}"], newline)
    sk201 = next(d for d in check_json(root) if d["code"] == "SK201")
    assert (sk201["line"], sk201["col"]) == (10, 3)
    fixed = CliRunner().invoke(main, ["check", str(root), "--grammar", "off", "--fix"])
    assert "Traceback" not in fixed.output
    written = (root / "scripts" / "a.yaml").read_bytes().decode()
    assert written == newline.join([*LINES, "solution: |", "  I have chased it today.", f"  {EASY}"]) + newline


def test_load_errors_are_placed_on_their_own_lines(tmp_path: Path) -> None:
    root = write_pack(tmp_path, ["id: a", "title: A", "channels: [email]",
                                 "acknowledgment: I can see how frustrating it is to wait.", "warm_langage: Thanks.",
                                 "solution: I have chased {{ order.numbr }} today."], "\r")
    out = CliRunner().invoke(main, ["check", str(root)])
    assert out.exit_code == 2
    assert "scripts/a.yaml:5:1: error: unknown key 'warm_langage'" in out.output
    assert "scripts/a.yaml:6:34: error: unknown placeholder 'order.numbr'" in out.output


def test_a_yaml_error_quotes_its_own_line_only(tmp_path: Path) -> None:
    root = write_pack(tmp_path, ["id: a", "title: A", "acknowledgment: I can see: how frustrating it is to wait.",
                                 "solution: ok"], "\r")
    out = CliRunner().invoke(main, ["check", str(root)])
    assert out.exit_code == 2 and "Traceback" not in out.output
    assert "scripts/a.yaml:3:26: error: YAML syntax error" in out.output
    assert '"I can see: how frustrating it is to wait."' in out.output
    assert "\r" not in out.output


@pytest.mark.parametrize("newline", ["\r", "\r\n", "\n"])
def test_a_fix_that_breaks_a_line_writes_the_files_own_line_ending(tmp_path: Path, newline: str) -> None:
    # SK007 turns a typed \n into a real line break: in an old-Mac file that break is a CR too
    root = write_pack(tmp_path, [*LINES, "solution: |", "  I have chased it today.\\nIt will reach you by Friday."],
                      newline)
    fixed = CliRunner().invoke(main, ["check", str(root), "--grammar", "off", "--fix"])
    assert "Traceback" not in fixed.output
    written = (root / "scripts" / "a.yaml").read_bytes().decode()
    assert written.count(newline) == len(LINES) + 3
    if newline == "\r":
        assert "\n" not in written
    assert "chased it today." + newline + "  It will reach you by Friday." in written


def test_the_diff_of_an_old_mac_file_reads_line_by_line(tmp_path: Path) -> None:
    root = write_pack(tmp_path, [*LINES, f"solution: I have chased it today. {STIFF}"], "\r")
    # (a 10-word limit: the reply is short but has nothing to add, so SK105 reports it only as over a limit)
    (root / "pack.yaml").write_bytes(b"name: T\nrules:\n  options:\n    email-length: {min_words: 0, max_words: 10}\n")
    out = CliRunner().invoke(main, ["check", str(root), "--grammar", "off", "--diff"])
    assert "\r" not in out.output  # (a terminal shown a lone CR writes the next line over this one)
    lines = out.output.splitlines()
    assert f"-solution: I have chased it today. {STIFF}" in lines
    assert f"+solution: I have chased it today. {EASY}" in lines


@pytest.mark.skipif(shutil.which("patch") is None, reason="needs the patch program")
def test_the_diff_of_a_windows_file_applies_with_patch(tmp_path: Path) -> None:
    root = write_pack(tmp_path, [*LINES, f"solution: I have chased it today. {STIFF}"], "\r\n")
    out = CliRunner().invoke(main, ["check", str(root), "--grammar", "off", "--diff"])
    assert b"\r\n" in out.stdout_bytes  # (the bytes written: Result.output turns CRLF into LF)
    patched = subprocess.run(["patch", "--dry-run", str(root / "scripts" / "a.yaml")], input=out.stdout_bytes,
                             capture_output=True, check=False)
    assert patched.returncode == 0, patched.stdout + patched.stderr
