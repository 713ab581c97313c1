"""A script file linked to a .yaml outside the pack and its repository was read by check (only --fix refused it), so
a pull request's link (scripts/x.yaml -> a CI runner's config.yml) had check quote that file's values in the CI log.
check now refuses it as --fix does, with a located error naming the link and nothing of the file; what the pack's
repository holds (a script shared by two packs) is still read, and so is a pack folder that is itself a link."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest

from tests.conftest import run_cli

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="symbolic links")

OWN = ("id: lost\ntitle: Lost\nacknowledgment: I am sorry the parcel is lost.\n"
       "solution: I have sent a new one today, and it arrives by Friday.\n")
PRIVATE = ("id: stolen\ntitle: Stolen\nacknowledgment: I am sorry.\nsolution: I have sent it today.\n"
           "deploy_key: kiwi-orchard-42\n")


@pytest.fixture()
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "runner").mkdir()
    (tmp_path / "runner" / "config.yml").write_text(PRIVATE, encoding="utf-8")
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    (repo / "pack" / "scripts").mkdir(parents=True)
    (repo / "pack" / "pack.yaml").write_text("name: Parcels\n", encoding="utf-8")
    (repo / "pack" / "scripts" / "lost.yaml").write_text(OWN, encoding="utf-8")
    monkeypatch.chdir(repo)
    return repo


def test_a_script_linked_out_of_the_repository_is_not_read(repo: Path) -> None:
    (repo / "pack" / "scripts" / "stolen.yaml").symlink_to(repo.parent / "runner" / "config.yml")
    for args in ([], ["--format", "json"], ["--format", "sarif"]):
        result = run_cli("check", "pack", "--grammar", "off", *args)
        assert result.exit_code == 2, result.output
        assert "kiwi-orchard" not in result.output and "deploy_key" not in result.output, result.output
    text = " ".join(run_cli("check", "pack", "--grammar", "off").output.split())
    assert f"pack{os.sep}scripts{os.sep}stolen.yaml:1:1" in text or "pack/scripts/stolen.yaml:1:1" in text, text
    assert "this script is a link to" in text and "outside the pack and its repository" in text, text
    assert "it is not read" in text, text
    # (the pack's own scripts are still judged in a report: the link is one more file that cannot be read)
    data = json.loads(run_cli("check", "pack", "--grammar", "off", "--format", "json").stdout)
    assert any(d["file"].endswith("lost.yaml") for d in data["diagnostics"]), data
    assert [d["code"] for d in data["diagnostics"] if d["file"].endswith("stolen.yaml")] == ["SK000"]
    # (checked alone, the file is refused the same way)
    alone = run_cli("check", "pack/scripts/stolen.yaml", "--grammar", "off")
    assert alone.exit_code == 2 and "kiwi-orchard" not in alone.output and "outside the pack" in alone.output


def test_a_scripts_folder_linked_out_is_not_read(repo: Path) -> None:
    (repo / "pack" / "scripts" / "lost.yaml").unlink()
    (repo / "pack" / "scripts").rmdir()
    (repo / "pack" / "scripts").symlink_to(repo.parent / "runner")
    result = run_cli("check", "pack", "--grammar", "off")
    assert result.exit_code == 2 and "kiwi-orchard" not in result.output, result.output
    assert "holding this script is a link to" in " ".join(result.output.split()), result.output


def test_what_the_repository_holds_is_read(repo: Path) -> None:
    (repo / "shared").mkdir()
    (repo / "shared" / "stolen.yaml").write_text(PRIVATE.replace("deploy_key: kiwi-orchard-42\n", ""),
                                                 encoding="utf-8")
    (repo / "pack" / "scripts" / "stolen.yaml").symlink_to(Path("..") / ".." / "shared" / "stolen.yaml")
    result = run_cli("check", "pack", "--grammar", "off", "--format", "json")
    assert result.exit_code in (0, 1), result.output
    assert "outside the pack" not in result.output
    assert {"lost", "stolen"} <= {d["script"] for d in json.loads(result.stdout)["diagnostics"]}


def test_a_pack_folder_that_is_a_link_is_read(repo: Path, tmp_path: Path) -> None:
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "pack").symlink_to(repo / "pack")
    result = run_cli("check", str(tmp_path / "elsewhere" / "pack"), "--grammar", "off", "--format", "json")
    assert result.exit_code in (0, 1), result.output
    assert "outside" not in result.output
