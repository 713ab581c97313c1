"""A key written in the column of the '- ' above it was "expected <block end>, but found '?'" (there is no '?'
in the file): it is said to be outside that item, and how far to move it."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import run_cli

PACK = "name: Shop\nversion: 0.1.0\nlocale: en-US\nconstants:\n  support_hours: 9 to 5\n"
TOP = "id: late\ntitle: Late parcel\n"


def _check(tmp_path: Path, script: str) -> tuple[int, str]:
    (tmp_path / "scripts").mkdir()
    (tmp_path / "pack.yaml").write_text(PACK, encoding="utf-8")
    (tmp_path / "scripts" / "late.yaml").write_text(TOP + script, encoding="utf-8")
    result = run_cli("check", str(tmp_path), "--grammar", "off")
    return result.exit_code, result.output


@pytest.mark.parametrize(("script", "line", "key", "above", "under"), [
    ("acknowledgment: I know a late box is a worry.\nsolution: I'll send it by {{ blank.day }}.\n"
     "flexibility:\n  blanks:\n    - name: day\n    prompt: The day their box arrives\n", 8, "prompt", 7, "name"),
    ("acknowledgment: I know a late box is a worry.\nsolution: I'll send it today.\nflexibility:\n"
     "  alternatives:\n    - label: A refund\n    text: I'll refund you in full today.\n", 8, "text", 7, "label"),
    # (the item above runs on several lines: the '- ' is found above them)
    ("acknowledgment: I know a late box is a worry.\nsolution: I'll send it by {{ blank.day }}.\n"
     "flexibility:\n  blanks:\n    - name: day\n      prompt: The day their box arrives\n    example: Friday\n",
     9, "example", 7, "name"),
])
def test_a_key_in_the_column_of_the_dash_above_is_told_to_move_two_spaces(tmp_path: Path, script: str, line: int,
                                                                          key: str, above: int, under: str) -> None:
    code, output = _check(tmp_path, script)
    where = f"{tmp_path / 'scripts' / 'late.yaml'}:{line}:5: error: "
    assert code == 2
    assert where + (f"YAML syntax error: '{key}' is in the column of the '- ' on line {above}, so it is not "
                    f"part of that item. Indent it two more spaces, in line with '{under}' above it.") in output
    assert "'?'" not in output


def test_a_key_under_a_list_of_texts_keeps_the_general_message(tmp_path: Path) -> None:
    # (the item above is a text, not a mapping: two more spaces would not fix it)
    code, output = _check(tmp_path, "acknowledgment:\n  - I know a late box is a worry.\n  solution: I'll send it.\n")
    assert code == 2 and "two more spaces" not in output and ":5:3: error: YAML syntax error" in output
