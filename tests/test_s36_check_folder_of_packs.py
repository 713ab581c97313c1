"""`scriptkit check packs`, a folder of packs, was told to create packs/pack.yaml; it is told which packs it
holds and how to check each (and several pack folders on the command line, the loop)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from scriptkit.cli import main

COLD = ("id: cold\ntitle: Cold\nacknowledgment: We have received your request.\n"
        "solution: Please be advised that links expire after one hour. Kindly request a new link.\n")


def _run(*args: str) -> Result:
    result = CliRunner().invoke(main, list(args), env={"NO_COLOR": "1"})
    assert "Traceback" not in result.output, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


def _pack(where: Path, name: str = "P", script: str = COLD) -> Path:
    (where / "scripts").mkdir(parents=True)
    (where / "pack.yaml").write_text(f"name: {name}\n", encoding="utf-8")
    (where / "scripts" / "cold.yaml").write_text(script, encoding="utf-8")
    return where


@pytest.fixture
def monorepo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A git work tree with three packs under packs/ (two of them with the same name), as the working folder."""
    for variable in ("GITHUB_WORKSPACE", "CI_PROJECT_DIR"):
        monkeypatch.delenv(variable, raising=False)
    root = tmp_path / "repo"
    (root / ".git").mkdir(parents=True)
    for folder, name in (("a", "Support"), ("b", "Support"), ("c", "Billing")):
        _pack(root / "packs" / folder, name)
    (root / "packs" / "notes").mkdir()  # (a folder of the repository that is no pack)
    monkeypatch.chdir(root)
    return root


@pytest.mark.parametrize("fmt", ["text", "sarif"])
def test_a_folder_of_packs_is_told_which_packs_it_holds(monorepo: Path, fmt: str) -> None:
    result = _run("check", "packs", "--grammar", "off", "--format", fmt)
    assert result.exit_code == 2
    said = result.output
    assert "Create packs/pack.yaml" not in said and "(name: packs)" not in said
    assert "packs holds 3 packs (packs/a, packs/b, packs/c)" in said, said
    assert "scriptkit check packs/a" in said
    assert "for f in packs/*/pack.yaml; do" in said  # (the loop, over the folders that are packs only)
    if fmt == "sarif":  # (a CI step's report still says it, at the folder's place)
        results = json.loads(result.stdout)["runs"][0]["results"]
        assert [r["ruleId"] for r in results] == ["SK000"]
        assert "holds 3 packs" in results[0]["message"]["text"]


def test_a_folder_of_packs_two_levels_down_names_both_patterns(monorepo: Path) -> None:
    _pack(monorepo / "packs" / "regions" / "eu")
    result = _run("check", ".", "--grammar", "off")
    assert result.exit_code == 2
    assert ". holds 4 packs (packs/a, packs/b, packs/c, ...)" in result.output, result.output
    assert "for f in packs/*/pack.yaml packs/regions/*/pack.yaml; do" in result.output


def test_a_folder_with_no_pack_below_keeps_the_create_advice(monorepo: Path) -> None:
    result = _run("check", "packs/notes", "--grammar", "off")
    assert result.exit_code == 2
    assert "Create packs/notes/pack.yaml" in result.output or "scriptkit init" in result.output, result.output


def test_several_pack_folders_are_told_the_loop(monorepo: Path) -> None:
    result = _run("check", "packs/a", "packs/b", "--grammar", "off")
    assert result.exit_code == 2
    assert "check reads one pack folder" in result.output
    assert "for d in packs/a packs/b; do code=0; scriptkit check \"$d\" || code=$?" in result.output, result.output


