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


def test_a_folder_of_packs_checks_each_pack_below_it(monorepo: Path) -> None:
    # (s37: each pack is checked, in one run, where the folder was refused with a loop to run)
    _pack(monorepo / "packs" / "regions" / "eu")
    result = _run("check", ".", "--grammar", "off", "--format", "json")
    assert result.exit_code == 1
    packs = [p["pack"] for p in json.loads(result.stdout)["packs"]]
    assert packs == ["packs/a", "packs/b", "packs/c", "packs/regions/eu"]


def test_a_folder_with_no_pack_below_keeps_the_create_advice(monorepo: Path) -> None:
    result = _run("check", "packs/notes", "--grammar", "off")
    assert result.exit_code == 2
    assert "Create packs/notes/pack.yaml" in result.output or "scriptkit init" in result.output, result.output
