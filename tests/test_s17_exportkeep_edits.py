"""An export after the writer edited one of its files (a sheet re-saved, line ends rewritten): refused by
default, naming it; --overwrite-edits (overwrite=True) replaces it and names it. --force is not that."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from export_fixtures import LATE, PACK_YAML, write_pack

from scriptkit.cli import main
from scriptkit.errors import ConfigError
from scriptkit.exporting import export


def run(*args: str) -> Any:
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def exported(tmp_path: Path) -> tuple[Path, Path]:
    pack = write_pack(tmp_path / "p", {"late.yaml": LATE}, PACK_YAML)
    out = tmp_path / "export"
    export(pack, ["csv"], out, lint=False)
    return pack, out


@pytest.mark.timeout(60)
def test_an_edited_export_file_is_replaced_only_with_overwrite_edits(tmp_path: Path) -> None:
    pack, out = exported(tmp_path)
    sheet = out / "csv" / "scripts.csv"
    fresh = sheet.read_bytes()
    sheet.write_bytes(fresh.replace(b"\n", b"\r\n"))  # (what git or a sheet program does on saving)
    for extra in ([], ["--force"]):  # --force is about the pack's errors, not about edits
        refused = run("export", str(pack), "--to", "csv", "--out", str(out), *extra)
        assert refused.exit_code == 2, refused.output
        assert "csv/scripts.csv" in refused.stderr and "--overwrite-edits" in refused.stderr
        assert "Traceback" not in refused.output
        assert sheet.read_bytes() == fresh.replace(b"\n", b"\r\n")
    (out / "notes.txt").write_text("Checked by Ana.\n", encoding="utf-8")
    done = run("export", str(pack), "--to", "csv", "--out", str(out), "--overwrite-edits")
    assert done.exit_code == 0, done.output
    assert "Overwrote your edits (--overwrite-edits) to 1 file: csv/scripts.csv" in done.stderr
    assert sheet.read_bytes() == fresh
    assert (out / "notes.txt").read_text(encoding="utf-8") == "Checked by Ana.\n"
    again = run("export", str(pack), "--to", "csv", "--out", str(out))  # (and the next export goes through)
    assert again.exit_code == 0, again.output


def test_python_overwrite_keyword(tmp_path: Path) -> None:
    pack, out = exported(tmp_path)
    readme = out / "csv" / "README.md"
    readme.write_text("mine\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="overwrite=True"):
        export(pack, ["csv"], out, lint=False, force=True)
    result = export(pack, ["csv"], out, lint=False, overwrite=True)
    assert result.overwritten == ["csv/README.md"] and readme.read_text(encoding="utf-8") != "mine\n"
    with pytest.raises(ConfigError, match="overwrite"):
        export(pack, ["csv"], out, lint=False, overwrite="yes")  # type: ignore[arg-type]


def test_a_file_of_the_writers_where_the_export_writes_is_refused_and_kept(tmp_path: Path) -> None:
    pack, out = exported(tmp_path)
    (out / "zendesk").mkdir()
    (out / "zendesk" / "macros.json").write_text("[]\n", encoding="utf-8")  # (made by hand)
    (out / "ideas.txt").write_text("More macros.\n", encoding="utf-8")
    for extra in ([], ["--overwrite-edits", "--force"]):
        refused = run("export", str(pack), "--to", "zendesk", "--out", str(out), *extra)
        assert refused.exit_code == 2, refused.output
        assert "that no export wrote, where this export writes: zendesk/macros.json" in refused.stderr
        assert f"{out / 'zendesk' / 'macros.json'}:1:1" in refused.stderr
        assert (out / "zendesk" / "macros.json").read_text(encoding="utf-8") == "[]\n"
    (out / "zendesk" / "macros.json").rename(out / "zendesk" / "my-macros.json")
    done = run("export", str(pack), "--to", "zendesk", "--out", str(out))
    assert done.exit_code == 0, done.output
    assert (out / "zendesk" / "my-macros.json").read_text(encoding="utf-8") == "[]\n"
    assert (out / "ideas.txt").is_file() and (out / "zendesk" / "macros.json").is_file()
    assert not (out / "csv").exists()


def test_help_says_what_each_flag_does() -> None:
    shown = run("export", "--help").output
    assert "--overwrite-edits" in shown and "does not overwrite your" in " ".join(shown.split())


def test_a_pipe_in_the_folder_is_named_not_copied(tmp_path: Path) -> None:
    pack, out = exported(tmp_path)
    os.mkfifo(out / "pipe")
    with pytest.raises(ConfigError, match=r"1 item that is neither a file, a folder nor a link.*: pipe"):
        export(pack, ["csv"], out, lint=False)
    assert (out / "pipe").exists()
