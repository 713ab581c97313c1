"""Session 36: `check --fix` wrote through a script that is a link out of the pack (scripts/ext.yaml ->
../../outside/ext.yaml), changing a file outside the pack and its repository: a pull request's link could have
--fix edit any file it may write. Such a file is not written: --fix says which and why (exit 2, as for a file it
may not write), writes the pack's own files, and --diff still shows the change. A script shared by the packs of
one repository (a link to ../shared/x.yaml) is still fixed where it is."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from tests.conftest import run_cli

SHARED = ('id: late\ntitle: Late\nacknowledgment: "I can see your parcel is late."\n'
          'solution: "I have sent it again today."\n')
OWN = ('id: lost\ntitle: Lost\nacknowledgment: "I am sorry the parcel is lost."\n'
       'solution: "I have sent a new one today."\n')
SETTINGS = "name: Replies\nrules:\n  custom:\n    - {name: say-package, kind: substitution, swap: {parcel: package}}\n"


@pytest.fixture()
def linked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside" / "ext.yaml").write_text(SHARED, encoding="utf-8")
    (tmp_path / "repo" / ".git").mkdir(parents=True)
    (tmp_path / "repo" / "pack" / "scripts").mkdir(parents=True)
    (tmp_path / "repo" / "pack" / "pack.yaml").write_text(SETTINGS, encoding="utf-8")
    (tmp_path / "repo" / "pack" / "scripts" / "own.yaml").write_text(OWN, encoding="utf-8")
    scripts = tmp_path / "repo" / "pack" / "scripts"
    os.symlink(os.path.join("..", "..", "..", "outside", "ext.yaml"), scripts / "ext.yaml")
    monkeypatch.chdir(tmp_path / "repo")
    return tmp_path


@pytest.mark.skipif(sys.platform == "win32", reason="symbolic links")
def test_fix_does_not_write_through_a_link_out_of_the_pack(linked: Path) -> None:
    # (since session 38 such a script is not read at all, by check as by --fix: the pack does not load whole, so
    # --fix and --diff change nothing and say which file and why, exit 2, as for any script that cannot be read)
    result = run_cli("check", "pack", "--grammar", "off", "--fix")
    assert (linked / "outside" / "ext.yaml").read_text(encoding="utf-8") == SHARED
    assert (linked / "repo" / "pack" / "scripts" / "own.yaml").read_text(encoding="utf-8") == OWN
    assert result.exit_code == 2, result.output
    said = [line for line in result.output.splitlines() if "ext.yaml" in line and "outside the pack" in line]
    assert said, result.output

    diff = run_cli("check", "pack", "--grammar", "off", "--diff")
    assert diff.exit_code == 2 and "package" not in diff.output
    assert (linked / "outside" / "ext.yaml").read_text(encoding="utf-8") == SHARED


@pytest.mark.skipif(sys.platform == "win32", reason="symbolic links")
@pytest.mark.parametrize("in_a_repository", [True, False])
def test_a_script_shared_by_packs(linked: Path, in_a_repository: bool) -> None:
    repo = linked / "repo"
    if not in_a_repository:  # (then the pack's own folder is the bound)
        (repo / ".git").rmdir()
    (repo / "shared").mkdir()
    (repo / "shared" / "ext.yaml").write_text(SHARED, encoding="utf-8")
    (repo / "pack" / "scripts" / "ext.yaml").unlink()
    os.symlink(os.path.join("..", "..", "shared", "ext.yaml"), repo / "pack" / "scripts" / "ext.yaml")
    result = run_cli("check", "pack", "--grammar", "off", "--fix")
    assert result.exit_code == (1 if in_a_repository else 2), result.output
    assert ("package" in (repo / "shared" / "ext.yaml").read_text(encoding="utf-8")) is in_a_repository
    assert (repo / "pack" / "scripts" / "ext.yaml").is_symlink()
