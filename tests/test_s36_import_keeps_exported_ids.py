"""Exported and imported again, every script was renamed from its title ('late-parcel' came back as
'orders-late-parcel-arrived'), unsaid. scriptkit's own export names each script's file by its id and lists the
files in its folder's marker: read from that folder, a script keeps its id; read from elsewhere, the summary says
the ids were made from the titles."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import run_cli

_SCRIPT = """id: {id}
title: {title}
channels: [email]
acknowledgment: I am sorry your parcel has not arrived yet.
solution: I have sent a new one today by express post.
"""


@pytest.fixture
def exported(tmp_path: Path) -> Path:
    assert run_cli("init", str(tmp_path / "pack")).exit_code == 0
    scripts = tmp_path / "pack" / "scripts"
    shutil.rmtree(scripts)
    scripts.mkdir()
    (scripts / "late-parcel.yaml").write_text(_SCRIPT.format(id="late-parcel", title="Orders / Late parcel arrived"),
                                              encoding="utf-8")
    (scripts / "lost-box.yaml").write_text(_SCRIPT.format(id="lost-box", title="Orders / Box went missing"),
                                           encoding="utf-8")
    done = run_cli("export", str(tmp_path / "pack"), "--to", "zendesk,freshdesk,helpscout,salesforce", "-o",
                   str(tmp_path / "out"), "--grammar", "off")
    assert done.exit_code == 0, done.output
    return tmp_path / "out"


@pytest.mark.parametrize("library", ["zendesk/macros.json", "freshdesk/canned_responses.json",
                                     "helpscout/saved_replies.json", "salesforce/quick_text.json",
                                     "zendesk/macros/late-parcel.json"])
def test_a_library_read_from_its_export_folder_keeps_its_script_ids(exported: Path, tmp_path: Path,
                                                                    library: str) -> None:
    result = run_cli("import", str(exported / library), "-o", str(tmp_path / "back"))
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in (tmp_path / "back" / "scripts").rglob("*.yaml"))
    assert names == (["late-parcel.yaml"] if library.endswith("late-parcel.json") else
                     ["late-parcel.yaml", "lost-box.yaml"])
    assert "made from their titles" not in result.output


def test_a_library_read_from_elsewhere_says_its_ids_are_made_from_titles(exported: Path, tmp_path: Path) -> None:
    moved = tmp_path / "macros.json"
    shutil.copy(exported / "zendesk" / "macros.json", moved)
    result = run_cli("import", str(moved), "-o", str(tmp_path / "back"))
    assert result.exit_code == 0, result.output
    assert "The ids of 2 script(s) were made from their titles, as the export holds no script id" in result.output
