"""Session 36: scriptkit reads one settings file, the nearest (as ruff does), but said nothing of the others: a
`packs/scriptkit.toml` hid the root pyproject.toml's `[tool.scriptkit]` (its `ignore` and `severity` silently not
applied), and a scriptkit.toml beside pyproject.toml hid its table. The file read is still the nearest one; each
settings file it hides gets a note (SK800, a suggestion: it does not fail a run) located at that file's table."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import run_cli

REPLY = ('id: late\ntitle: Late\nacknowledgment: "I can see your parcel is late."\n'
         'solution: "I have sent it again today."\n')
PYPROJECT = '[project]\nname = "replies"\nversion = "0"\n\n[tool.scriptkit]\nignore = ["SK406"]\n'


@pytest.fixture()
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pyproject.toml").write_text(PYPROJECT, encoding="utf-8")
    (tmp_path / "packs" / "pack" / "scripts").mkdir(parents=True)
    (tmp_path / "packs" / "pack" / "pack.yaml").write_text("name: Replies\n", encoding="utf-8")
    (tmp_path / "packs" / "pack" / "scripts" / "late.yaml").write_text(REPLY, encoding="utf-8")
    return tmp_path


def _notes(output: str) -> list[str]:
    return [line for line in output.splitlines() if "not read" in line]


@pytest.mark.parametrize("nearer", ["packs/scriptkit.toml", "scriptkit.toml"])
def test_a_hidden_settings_table_is_said_at_its_place(project: Path, nearer: str) -> None:
    (project / nearer).write_text('fail-on = "error"\n', encoding="utf-8")
    result = run_cli("check", "packs/pack", "--grammar", "off", "--format", "concise")
    assert result.exit_code == 0, result.output  # (fail-on = "error" of the nearer file holds; a note fails nothing)
    notes = _notes(result.output)
    assert len(notes) == 1, result.output
    assert notes[0].startswith("pyproject.toml:5:1: suggestion SK800"), notes
    assert nearer in notes[0]


def test_no_note_where_one_file_holds_the_settings(project: Path) -> None:
    result = run_cli("check", "packs/pack", "--grammar", "off", "--format", "concise")
    assert not _notes(result.output), result.output
    assert "SK406" not in result.output  # (the pyproject's ignore is read)
