"""scriptkit's own JSON export read back: a placeholder in a script's guidance, which the imported script's
guidance holds as text, is said where the script stands in the export, not turned into braces unsaid."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import run_cli as _run

SCRIPT = """\
id: refund
title: Refund
flexibility:
  guidance: "Sign the note as {{ agent.first_name }} and check the order date."
acknowledgment: "I'm sorry the order didn't work out for you."
solution: "I've refunded it today; it reaches you within a week."
"""


@pytest.mark.timeout(60)
def test_a_placeholder_in_the_guidance_is_said_where_the_script_stands(tmp_path: Path) -> None:
    pack = tmp_path / "pack"
    (pack / "scripts").mkdir(parents=True)
    (pack / "pack.yaml").write_text('name: Trip\nversion: "1.0"\n', encoding="utf-8")
    (pack / "scripts" / "refund.yaml").write_text(SCRIPT, encoding="utf-8")
    exported = _run("export", str(pack), "--to", "json", "-o", str(tmp_path / "out"))
    assert exported.exit_code in (0, 1), exported.output
    export = tmp_path / "out" / "json" / "pack.json"
    result = _run("import", str(export), "-o", str(tmp_path / "back"))
    assert result.exit_code == 0, result.output
    said = "its guidance's placeholder(s) {{ agent.first_name }} come back as text"
    assert re.search(r"pack\.json:\d+:\d+: " + re.escape(said), result.output), result.output
    script = (tmp_path / "back" / "scripts" / "refund.yaml").read_text(encoding="utf-8")
    assert said in script.split("\nid:")[0]
    assert _run("check", str(tmp_path / "back")).exit_code in (0, 1)
