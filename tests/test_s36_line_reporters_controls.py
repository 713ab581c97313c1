"""Session 36: `--format concise` wrote a finding's file path raw, and `--format github` wrote ESC raw in
`file=`: a script file named with a line break split its finding into a second line that read as a forged
`::error` workflow command, and an ESC in a name reached the terminal or the Actions log as a command. Both
show control characters as the text report does (as pictures), and a line break escaped."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

_NAME = "x\n::error file=forged.yaml::pwned\x1b]0;title\x07.yaml"


def _pack(root: Path) -> Path:
    (root / "pack" / "scripts").mkdir(parents=True)
    (root / "pack" / "pack.yaml").write_text("name: Replies\n", encoding="utf-8")
    (root / "pack" / "scripts" / _NAME).write_text(
        'id: late\ntitle: Late\nacknowledgment: "I can see the refund is late."\n'
        'solution: "I have sent it again today."\n', encoding="utf-8")
    return root / "pack"


@pytest.mark.timeout(120)
@pytest.mark.skipif(sys.platform == "win32", reason="a line break in a file name")
@pytest.mark.parametrize("fmt", ["concise", "github"])
def test_a_file_name_cannot_forge_a_line_or_reach_the_terminal(tmp_path: Path, fmt: str) -> None:
    pack = _pack(tmp_path)
    run = subprocess.run([sys.executable, "-m", "scriptkit", "check", "--grammar", "off", "--format", fmt,
                          str(pack)], capture_output=True, text=True, cwd=tmp_path)
    assert run.returncode == 2, run.stderr  # (a file name Windows refuses is a load error)
    assert "\x1b" not in run.stdout and "\x07" not in run.stdout
    lines = run.stdout.splitlines()
    assert not any(line.startswith("::error file=forged") for line in lines), lines
    finding = [line for line in lines if "SK000" in line or "load-error" in line]
    assert len(finding) == 1, lines
    assert "\u241b]0;title\u2407" in finding[0]  # (shown as pictures, one character for one)
