"""The tutorial said every problem of a pack is listed in one run, but YAML stops at a file's first syntax
error: it says so now, and this holds it to what `scriptkit check` does."""

from __future__ import annotations

import re
from pathlib import Path

from tests.conftest import run_cli

TUTORIAL = Path(__file__).resolve().parent.parent / "docs" / "tutorial" / "index.md"


def test_a_yaml_slip_shows_only_its_files_first_problem_as_the_tutorial_says(tmp_path: Path) -> None:
    (tmp_path / "scripts").mkdir()
    (tmp_path / "pack.yaml").write_text("name: Shop\nversion: 0.1.0\nlocale: en-US\n", encoding="utf-8")
    # two slips in one file (a key in the column of the '- ', then a ': ' unquoted), and one in another
    (tmp_path / "scripts" / "a.yaml").write_text(
        "id: a\ntitle: Late\nacknowledgment: I know it's late.\nsolution: I'll send it by {{ blank.day }}.\n"
        "flexibility:\n  blanks:\n    - name: day\n    prompt: The day\nscenario: Late: very\n", encoding="utf-8")
    (tmp_path / "scripts" / "b.yaml").write_text(
        "id: b\ntitle: Lost\nacknowledgment: I know it's lost.\nsolution: \"I'll write by {{ nope }}.\"\n",
        encoding="utf-8")
    output = run_cli("check", str(tmp_path), "--grammar", "off").output
    assert len(re.findall(r"a\.yaml:\d+:\d+: error", output)) == 1 and "b.yaml:4:" in output
    said = " ".join(TUTORIAL.read_text(encoding="utf-8").split())
    assert ("Every problem of the pack is listed in one run, so you can fix them all before running the command "
            "again, with one exception: YAML cannot read on past a slip in indentation or quoting") in said
    assert "so a file with one shows only that first problem; the other files are still checked" in said
