"""`check --fix` and `--diff` make their rounds in one loop, and stop before a round that would bring back a text an
earlier round had: two rules whose fixes undo each other flipped a word back and forth (--fix said "Fixed 10
problems" and left the file as it was; --diff showed another result than --fix wrote)."""

from __future__ import annotations

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
      swap: {before that: prior to that}
"""
# (team swaps that undo each other are refused as they load, a pack's and its project's together; a team swap
# that undoes a built-in rule's fix (SK201 says "Before that" for "Prior to that") is found as --fix runs)


def _swaps(make_pack: Any, script: str) -> Path:
    root: Path = make_pack({"a.yaml": script}, SWAPS)
    return root

SCRIPT = """\
id: a
title: "Orders::Flip"
channels: [email]
acknowledgment: I understand the wait is frustrating, and I'm sorry it's taken so long.
solution: Please reply with the photos. Before that, I'll send a new parcel within 2 days.
"""


def _cycle_line(output: str, path: str, column: int = 41) -> str:
    (line,) = [line for line in output.splitlines() if "fix not applied: it would undo" in line]
    assert line.startswith(f"{path}:5:{column}: fix not applied: "), line
    return line


def test_fix_stops_before_a_round_that_undoes_an_earlier_one(make_pack: Any) -> None:
    root = _swaps(make_pack, SCRIPT)
    result = run_cli("check", str(root), "--fix")
    script = root / "scripts" / "a.yaml"
    assert script.read_text() == SCRIPT.replace("Before that", "Prior to that")  # (one round made, not its undoing)
    assert "Fixed 1 problem in 1 file(s)." in result.output
    line = _cycle_line(result.output, str(script))
    assert "SK201 (corporate-phrase) and SK801 (house-style)" in line and "--ignore" in line
    assert "by hand" not in line  # (typing the fix in is what the undoing rule would do: no way out)
    # (the team rule named where it is written, and left out by its name: its code is only its place in the list)
    assert f"house-style is written at {root / 'pack.yaml'}:4:" in line and "pack.yaml, rules: custom" not in line


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
    # (located in the file on disk: the swapped words lie where the original's did)
    line = _cycle_line(diff.output, str(root / "scripts" / "a.yaml"))
    assert "SK201 (corporate-phrase) and SK801 (house-style)" in line


def test_an_undo_among_other_fixes_is_caught_before_it_is_made(make_pack: Any) -> None:
    # (the first round also makes another fix, so no round brings the whole file's text back: the edit putting
    # back the words an earlier round replaced is refused itself, and the other fix stays made)
    root = _swaps(make_pack, SCRIPT.replace("so long.", "so long!!!"))
    result = run_cli("check", str(root), "--fix")
    text = (root / "scripts" / "a.yaml").read_text()
    assert "so long!\n" in text and "photos. Before that, I'll send" in text
    line = _cycle_line(result.output, str(root / "scripts" / "a.yaml"))
    assert "SK201 (corporate-phrase) and SK801 (house-style)" in line and line.endswith("--ignore house-style")


def test_fix_counts_the_fixes_the_file_keeps(make_pack: Any) -> None:
    # (the team's swap writes 'Prior to that'; SK201's fix of 'Prior to' in it, another span, puts 'Before that'
    # back: three edits made, one kept, '!!!' made '!'; 'Fixed 3' told of fixes the file does not hold)
    root = _swaps(make_pack, SCRIPT.replace("so long.", "so long!!!"))
    result = run_cli("check", str(root), "--fix")
    assert (root / "scripts" / "a.yaml").read_text() == SCRIPT.replace("so long.", "so long!")
    assert "Fixed 1 problem in 1 file(s)." in result.output, result.output
