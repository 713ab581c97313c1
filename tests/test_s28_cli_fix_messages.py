"""`check --diff`'s "fix not applied" lines are located in the file as it is on disk (they pointed into the copy the
diff's fixes were made in, lines further down), and say the text to type plainly: a line break named, not a Python
repr ("replace '\\\\n' with '\\n'")."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from scriptkit import fixing
from scriptkit.diagnostics import Edit
from tests.conftest import run_cli

SCRIPT = """\
id: a
title: "Orders::Loc"
channels: [email]
acknowledgment: I understand the wait is frustrating, and I'm sorry.\\nReally.
warm_language: Thanks so much for bearing with us.\\n# 1 fan
solution: I'll send it today, so it reaches you within 2 days.
"""


def _refused(output: str) -> list[str]:
    return [line for line in output.splitlines() if "fix not applied" in line]


def test_diff_locates_a_refused_fix_in_the_file_on_disk(make_pack: Any) -> None:
    root = make_pack({"a.yaml": SCRIPT})
    script = root / "scripts" / "a.yaml"
    assert "5:51" in run_cli("check", str(root)).output  # (where check places the finding)
    result = run_cli("check", str(root), "--diff")
    assert "+  Really." in result.output  # (the first line's typed \n is made a line break, two lines longer)
    assert _refused(result.output) == [
        f"{script}:5:51: fix not applied: the replacement would change the YAML value differently (it needs quoting "
        "or escaping); to make it by hand, replace '\\n' with a line break"]


def test_fix_locates_it_in_the_file_as_written(make_pack: Any) -> None:
    root = make_pack({"a.yaml": SCRIPT})
    script = root / "scripts" / "a.yaml"
    result = run_cli("check", str(root), "--fix")
    (line,) = _refused(result.output)
    assert line.startswith(f"{script}:7:51: ")  # (the file now has the two lines the fix added above it)
    assert script.read_text().splitlines()[6].startswith("warm_language: Thanks so much for bearing with us.\\n")


def _message(before: str, start: int, end: int, replacement: str) -> str:
    edit = Edit("a.yaml", start, end, replacement)
    (line,) = fixing.refused_messages([fixing.FileFix("a.yaml", before, before, refused=[(edit, "why")])])
    return line


def test_the_text_to_type_is_quoted_plainly() -> None:
    assert _message("a: Kindly do\n", 3, 9, "Please").endswith("; to make it by hand, replace 'Kindly' with 'Please'")
    assert _message("a: we do not\n", 6, 12, "don't").endswith("replace 'do not' with \"don't\"")
    assert _message("a: x\\ny\n", 4, 6, "\n\n").endswith("replace '\\n' with two line breaks")
    assert _message("a: so  very\n", 5, 7, " ").endswith("replace two spaces with a space")
    assert _message("a: x,\ty\n", 5, 6, " ").endswith("replace a tab with a space")
    assert _message("a: x just y\n", 5, 10, "").endswith("delete 'just '")
    assert _message("a: x y\n", 4, 4, "\u00a0").endswith("insert a no-break space (U+00A0) there")


def test_diff_of_a_file_it_leaves_as_it_is_still_locates_on_disk(make_pack: Any, tmp_path: Path) -> None:
    # (no fix made in that file: its refused one is where check says)
    root = make_pack({"a.yaml": SCRIPT.replace("sorry.\\nReally.", "sorry.")})
    result = run_cli("check", str(root), "--diff")
    (line,) = _refused(result.output)
    assert line.startswith(f"{root / 'scripts' / 'a.yaml'}:5:51: fix not applied")
