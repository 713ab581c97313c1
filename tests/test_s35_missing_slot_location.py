"""A script with no ``warm_language:`` key at all (as an import writes one) gets SK207 at its ``id:`` line,
as SK406 points a missing ``flexibility:`` there, not at line 1 (the import's comment above the script)."""

from __future__ import annotations

from pathlib import Path

from scriptkit.config import LintConfig
from scriptkit.linting import lint_pack
from scriptkit.loading import load_pack

PACK = "name: Bakery\nchannels:\n  email:\n    greeting: \"Hi there,\"\n    signoff: \"Best,\"\n"


def _sk207_line(tmp_path: Path, script: str) -> int:
    (tmp_path / "scripts").mkdir()
    (tmp_path / "pack.yaml").write_text(PACK, encoding="utf-8")
    (tmp_path / "scripts" / "cake.yaml").write_text(script, encoding="utf-8")
    result = lint_pack(load_pack(tmp_path), LintConfig().override(grammar="off"), jobs=1)
    (d,) = [d for d in result.diagnostics if d.code == "SK207"]
    assert str(d.location.file).endswith("cake.yaml")
    return d.location.line


SLOTS = ("acknowledgment: I can see why the squashed cake upset you.\n"
         "solution: A new cake goes out with tomorrow's first van.\n")


def test_an_absent_warm_language_key_is_reported_at_the_id_line(tmp_path: Path) -> None:
    script = ("# Imported by `scriptkit import` from cakes.json\n# Read the text below.\n"
              "id: squashed-cake\ntitle: Squashed cake\n" + SLOTS)
    assert _sk207_line(tmp_path, script) == 3


def test_an_empty_warm_language_key_is_still_reported_at_its_key(tmp_path: Path) -> None:
    script = "id: squashed-cake\ntitle: Squashed cake\nwarm_language: ''\n" + SLOTS
    assert _sk207_line(tmp_path, script) == 3
