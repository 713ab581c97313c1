"""SARIF runs name their pack in ``automationDetails.id``, the category code scanning files them under: one
SARIF per pack under one category replaced one another, and several in one upload were refused."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
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


# SARIF 2.1.0's runAutomationDetails, as the OASIS schema has it (https://json.schemastore.org/sarif-2.1.0.json)
GUID = "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-5][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}$"
AUTOMATION_DETAILS = {
    "type": "object", "additionalProperties": False,
    "properties": {"description": {"type": "object"}, "id": {"type": "string"},
                   "guid": {"type": "string", "pattern": GUID}, "correlationGuid": {"type": "string", "pattern": GUID},
                   "properties": {"type": "object"}},
}


def _automation_id(*args: str) -> str:
    run = json.loads(_run("check", *args, "--grammar", "off", "--format", "sarif").stdout)["runs"][0]
    jsonschema.Draft7Validator(AUTOMATION_DETAILS).validate(run["automationDetails"])
    identity: str = run["automationDetails"]["id"]
    return identity


def test_each_pack_is_a_run_of_its_own_category(monorepo: Path) -> None:
    ids = [_automation_id(f"packs/{p}") for p in "abc"]
    # (by its folder from the repository's root: packs a and b have the same name; the id ends in '/', so the
    # whole of it is the category code scanning files the run under)
    assert ids == ["scriptkit/packs/a/", "scriptkit/packs/b/", "scriptkit/packs/c/"]


def test_the_category_is_the_same_from_any_folder_and_for_a_pack_that_cannot_be_read(
        monorepo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (monorepo / "packs" / "b" / "scripts" / "broken.yaml").write_text("id: broken\ntitle: [\n", encoding="utf-8")
    broken = _run("check", "packs/b", "--grammar", "off", "--format", "sarif")
    assert broken.exit_code == 2
    # (else the SK000 alert went under another category than the pack's, and the next run did not close it)
    assert json.loads(broken.stdout)["runs"][0]["automationDetails"] == {"id": "scriptkit/packs/b/"}
    (monorepo / "packs" / "b" / "pack.yaml").write_text("name: [\n", encoding="utf-8")
    assert json.loads(_run("check", "packs/b", "--format", "sarif").stdout)["runs"][0]["automationDetails"] \
        == {"id": "scriptkit/packs/b/"}
    monkeypatch.chdir(monorepo / "packs" / "a")
    assert _automation_id(".") == "scriptkit/packs/a/"
    assert _automation_id("scripts/cold.yaml") == "scriptkit/packs/a/"  # (one script of it: its pack's)


def test_a_pack_at_the_repository_root_is_the_category_scriptkit(tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    for variable in ("GITHUB_WORKSPACE", "CI_PROJECT_DIR"):
        monkeypatch.delenv(variable, raising=False)
    root = _pack(tmp_path / "repo")
    (root / ".git").mkdir()
    monkeypatch.chdir(root)
    assert _automation_id(".") == "scriptkit/"


def test_a_reply_in_no_pack_leaves_the_category_to_the_upload(monorepo: Path) -> None:
    (monorepo / "reply.txt").write_text("We have received your request. Kindly wait.\n", encoding="utf-8")
    run = json.loads(_run("review", "reply.txt", "--format", "sarif").stdout)["runs"][0]
    assert "automationDetails" not in run
