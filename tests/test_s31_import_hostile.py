"""Hostile export files. A script id read from a file names the script's file: one that climbs out of the pack
('../../.github/workflows/ci') is refused, located, and nothing is written anywhere; settings that send the
scripts' text to a server are said."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from scriptkit.models import is_script_id
from tests.conftest import run_cli


@pytest.fixture
def export_file(tmp_path: Path) -> Path:
    assert run_cli("init", str(tmp_path / "pack")).exit_code == 0
    done = run_cli("export", str(tmp_path / "pack"), "--to", "json", "-o", str(tmp_path / "out"), "--grammar", "off")
    assert done.exit_code == 0, done.output
    return next((tmp_path / "out").rglob("*.json"))


@pytest.mark.parametrize("forged", ["../../../.github/workflows/ci", "/etc/cron.d/x", "a/../../b", "..", "Refund"])
def test_a_forged_script_id_is_refused_and_nothing_is_written(export_file: Path, tmp_path: Path, forged: str) -> None:
    data = json.loads(export_file.read_text(encoding="utf-8"))
    data["messages"][0]["script_id"] = forged
    evil = tmp_path / "work" / "evil.json"
    evil.parent.mkdir()
    evil.write_text(json.dumps(data, indent=2), encoding="utf-8")
    before = {p for p in tmp_path.rglob("*")}
    result = run_cli("import", str(evil), "-o", str(tmp_path / "work" / "packs" / "support"))
    assert result.exit_code == 2, result.output
    line = 1 + evil.read_text(encoding="utf-8")[:evil.read_text(encoding="utf-8").index(json.dumps(forged))].count("\n")
    assert f"evil.json:{line}:" in result.output and "is not a script id" in result.output
    assert {p for p in tmp_path.rglob("*")} == before  # (no pack, and nothing outside it)


def test_only_ids_that_stay_in_their_folder_are_script_ids() -> None:
    assert is_script_id("refund-delay") and is_script_id("a.b_c-2")
    assert not any(is_script_id(bad) for bad in ("", "..", "../x", "a/b", "a\\b", "-x", ".x", "Refund", "a b"))


@pytest.mark.parametrize("url", ["http://127.0.0.1:9/", " \thttp://127.0.0.1:9/"])
def test_settings_that_send_text_elsewhere_are_said_on_import(tmp_path: Path, url: str) -> None:
    # (kept, as the pack had them, but a file from elsewhere no longer sets where checks send the text silently;
    # read as the settings are read: a space before the URL hid it from the note, not from the check)
    assert run_cli("init", str(tmp_path / "pack")).exit_code == 0
    done = run_cli("export", str(tmp_path / "pack"), "--to", "json", "-o", str(tmp_path / "out"), "--grammar", "off")
    assert done.exit_code == 0, done.output
    export = next((tmp_path / "out").rglob("*.json"))
    data = json.loads(export.read_text(encoding="utf-8"))
    data["pack"]["rules"] = {"grammar": url}
    export.write_text(json.dumps(data), encoding="utf-8")
    result = run_cli("import", str(export), "-o", str(tmp_path / "back"))
    assert result.exit_code == 0, result.output
    said = "its settings send grammar checks to http://127.0.0.1:9/"
    assert said in result.output
    assert said in (tmp_path / "back" / "pack.yaml").read_text(encoding="utf-8").split("\nname:")[0]


def test_an_item_with_a_huge_title_is_named_by_its_start(tmp_path: Path) -> None:
    wide = tmp_path / "wide.json"
    wide.write_text(json.dumps([{"title": "A" * 1_000_000, "body": "Sorry about that."}]), encoding="utf-8")
    result = run_cli("import", str(wide), "-o", str(tmp_path / "out"))
    assert result.exit_code == 2
    assert "... (1,000,009 characters)" in result.output and len(result.output) < 2_000, len(result.output)


def test_a_title_that_windows_keeps_for_a_device_is_no_file_name(tmp_path: Path) -> None:
    # ('CON' made scripts/con.yaml: a file Windows cannot write, nor a team check out there)
    library = tmp_path / "devices.csv"
    library.write_text("title,body\nCON,Sorry about that.\nAux,Sorry again.\nCOM1,And again.\nConsole,Fine.\n",
                       encoding="utf-8")
    result = run_cli("import", str(library), "-o", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    names = sorted(p.stem for p in (tmp_path / "out" / "scripts").glob("*.yaml"))
    assert names == ["aux-reply", "com1-reply", "con-reply", "console"]
