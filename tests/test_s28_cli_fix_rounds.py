"""`check --fix` and `--diff` make their rounds in one loop, and stop before a round that would bring back a text an
earlier round had: two rules whose fixes undo each other flipped a word back and forth (--fix said "Fixed 10
problems" and left the file as it was; --diff showed another result than --fix wrote)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

from tests.conftest import run_cli

SWAPS = """\
name: Swaps
rules:
  custom:
    - name: house-style
      kind: substitution
      swap: {parcel: package}
"""
# (a pack's own swaps that undo each other are refused as it loads; settings beside it may still hold the other)
OLD_STYLE = '[[rules.custom]]\nname = "old-style"\nkind = "substitution"\nswap = {package = "parcel"}\n'


def _swaps(make_pack: Any, script: str) -> Path:
    root: Path = make_pack({"a.yaml": script}, SWAPS)
    (root / "scriptkit.toml").write_text(OLD_STYLE, encoding="utf-8")
    return root

SCRIPT = """\
id: a
title: "Orders::Flip"
channels: [email]
acknowledgment: I understand the wait is frustrating, and I'm sorry it's taken so long.
solution: Please reply with the photos, and I'll send a new parcel within 2 days.
"""


def _cycle_line(output: str, path: str, column: int = 61) -> str:
    (line,) = [line for line in output.splitlines() if "fix not applied: it would undo" in line]
    assert line.startswith(f"{path}:5:{column}: fix not applied: "), line
    return line


def test_fix_stops_before_a_round_that_undoes_an_earlier_one(make_pack: Any) -> None:
    root = _swaps(make_pack, SCRIPT)
    result = run_cli("check", str(root), "--fix")
    script = root / "scripts" / "a.yaml"
    assert script.read_text() == SCRIPT.replace("parcel", "package")  # (one round made, the one undoing it not)
    assert "Fixed 1 problem in 1 file(s)." in result.output
    line = _cycle_line(result.output, str(script))
    assert "SK801 (old-style)" in line and "SK802 (house-style)" in line and "--ignore" in line
    assert "by hand" not in line  # (typing the fix in is what the undoing rule would do: no way out)
    # (each team rule named where it is written, and left out by its name: its code is only its place in the list)
    assert f"house-style is written at {root / 'pack.yaml'}:4:" in line
    assert f"old-style is written at {root / 'scriptkit.toml'}:" in line and "pack.yaml, rules: custom" not in line


def test_diff_shows_what_fix_writes_and_says_the_same(make_pack: Any, tmp_path: Path) -> None:
    root = _swaps(make_pack, SCRIPT)
    other = tmp_path / "other"
    shutil.copytree(root, other)
    diff = run_cli("check", str(root), "--diff")
    assert diff.exit_code == 1
    assert (root / "scripts" / "a.yaml").read_text() == SCRIPT  # (--diff writes nothing)
    added = [line[1:] for line in diff.output.splitlines() if line.startswith("+") and not line.startswith("+++")]
    removed = [line[1:] for line in diff.output.splitlines() if line.startswith("-") and not line.startswith("---")]
    run_cli("check", str(other), "--fix")
    fixed = (other / "scripts" / "a.yaml").read_text()
    assert [line for line in SCRIPT.splitlines() if line not in removed] + added != SCRIPT.splitlines()
    assert fixed.splitlines() == [line for line in SCRIPT.splitlines() if line not in removed] + added
    # (located in the file on disk: the swapped word lies where the original's did)
    line = _cycle_line(diff.output, str(root / "scripts" / "a.yaml"))
    assert re.search(r"SK80[12] \((house|old)-style\) and SK80[12]", line)


def test_an_undo_among_other_fixes_is_caught_before_it_is_made(make_pack: Any) -> None:
    # (the first round also makes another fix, so no round brings the whole file's text back: the edit putting
    # back the word an earlier round replaced is refused itself, and the other fix stays made)
    root = _swaps(make_pack, SCRIPT.replace("photos, and", "photos. Prior to that,"))
    result = run_cli("check", str(root), "--fix")
    text = (root / "scripts" / "a.yaml").read_text()
    assert "Before that, I'll send a new package" in text
    assert "Fixed 2 problems" in result.output
    line = _cycle_line(result.output, str(root / "scripts" / "a.yaml"), 70)
    assert "SK801 (old-style) and SK802 (house-style)" in line and line.endswith("--ignore old-style")
