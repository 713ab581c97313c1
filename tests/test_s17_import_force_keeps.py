"""`import --force` replaces a pack an import wrote, never the other files in its folder."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from scriptkit.cli import main

LIBRARY = "# Late parcel\n\nI'm so sorry your parcel is late. I've chased the courier today.\n"


def _import(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["import", *args])
    return result.exit_code, result.output


def test_force_refuses_a_pack_folder_holding_other_files_and_names_them(tmp_path: Path) -> None:
    team = tmp_path / "team"
    assert _import(str(_library(tmp_path)), "--out", str(team))[0] == 0
    (team / "library.md").write_text(LIBRARY, encoding="utf-8")  # the library kept beside its pack
    (team / "NOTES.md").write_text("our tone notes\n", encoding="utf-8")
    (team / ".git").mkdir()
    code, output = _import(str(team / "library.md"), "--out", str(team), "--force")
    assert code == 2 and "Traceback" not in output
    assert ".git/" in output and "NOTES.md" in output and "library.md" in output and ":1:1: error:" in output
    assert (team / "library.md").read_text(encoding="utf-8") == LIBRARY and (team / ".git").is_dir()
    assert (team / "NOTES.md").is_file()


def test_force_still_replaces_a_pack_an_import_wrote(tmp_path: Path) -> None:
    team = tmp_path / "team"
    assert _import(str(_library(tmp_path)), "--out", str(team))[0] == 0
    (team / ".DS_Store").write_bytes(b"\0")  # (a file browser's, no one's work)
    code, output = _import(str(_library(tmp_path)), "--out", str(team), "--force")
    assert code == 0, output
    assert (team / "pack.yaml").is_file() and list((team / "scripts").glob("*.yaml"))


def _library(tmp_path: Path) -> Path:
    source = tmp_path / "library.md"
    source.write_text(LIBRARY, encoding="utf-8")
    return source
