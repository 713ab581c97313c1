"""scriptkit's own JSON export read back: a placeholder in a script's guidance is a placeholder again, not
its braces as text."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

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
def test_a_placeholder_in_the_guidance_comes_back_as_a_placeholder(tmp_path: Path) -> None:
    pack = tmp_path / "pack"
    (pack / "scripts").mkdir(parents=True)
    (pack / "pack.yaml").write_text('name: Trip\nversion: "1.0"\n', encoding="utf-8")
    (pack / "scripts" / "refund.yaml").write_text(SCRIPT, encoding="utf-8")
    exported = _run("export", str(pack), "--to", "json", "-o", str(tmp_path / "out"))
    assert exported.exit_code in (0, 1), exported.output
    result = _run("import", str(tmp_path / "out" / "json" / "pack.json"), "-o", str(tmp_path / "back"))
    assert result.exit_code == 0, result.output
    script = yaml.safe_load((tmp_path / "back" / "scripts" / "refund.yaml").read_text(encoding="utf-8"))
    assert script["flexibility"]["guidance"] == "Sign the note as {{ agent.first_name }} and check the order date."
    pages = []
    for folder in (pack, tmp_path / "back"):
        played = _run("export", str(folder), "--to", "playbook", "-o", str(tmp_path / f"play-{folder.name}"))
        assert played.exit_code in (0, 1), played.output
        page = (tmp_path / f"play-{folder.name}" / "playbook" / "playbook.md").read_text(encoding="utf-8")
        pages.append([line for line in page.splitlines() if "Sign the note" in line])
    assert pages[0] == pages[1] and "{replying agent's first name}" in pages[0][0], pages
