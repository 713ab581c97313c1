"""An export's errors name what its caller gave: export() its arguments (targets, out_dir, overwrite=True),
``scriptkit export`` its flags (--to, --out, --overwrite-edits); neither names the other's."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from export_fixtures import LATE, PACK_YAML, write_pack

from scriptkit.cli import main
from scriptkit.errors import ConfigError
from scriptkit.exporting import export

FLAGS = ("--to", "--out", "--overwrite-edits")
ARGUMENTS = ("out_dir", "overwrite=True", "targets=")


def run(*args: str) -> Any:
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def _api_error(*args: Any, **kwargs: Any) -> str:
    with pytest.raises(ConfigError) as caught:
        export(*args, **kwargs)
    return str(caught.value)


def _cli_error(*args: str) -> str:
    result = run("export", *args)
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    return " ".join(result.stderr.split())


def _pack_and_export(tmp_path: Path) -> tuple[Path, Path]:
    pack = write_pack(tmp_path / "p", {"late.yaml": LATE}, PACK_YAML)
    out = tmp_path / "export"
    export(pack, ["csv"], out, lint=False)
    return pack, out


@pytest.mark.timeout(60)
def test_no_target_names_the_argument_in_python_and_the_flag_on_the_command_line(tmp_path: Path) -> None:
    pack = write_pack(tmp_path / "p", {"late.yaml": LATE}, PACK_YAML)
    said = _api_error(pack, [], tmp_path / "out", lint=False)
    assert "no export target given" in said and "Pass targets:" in said
    assert not any(flag in said for flag in FLAGS), said
    said = _cli_error(str(pack), "--out", str(tmp_path / "out"))
    assert "Use --to TARGET" in said and not any(word in said for word in ARGUMENTS), said
    assert not (tmp_path / "out").exists()


@pytest.mark.timeout(60)
def test_a_folder_not_written_by_scriptkit_names_out_dir_or_out(tmp_path: Path) -> None:
    pack = write_pack(tmp_path / "p", {"late.yaml": LATE}, PACK_YAML)
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "plans.txt").write_text("Ideas for next week.\n", encoding="utf-8")
    said = _api_error(pack, ["csv"], folder, lint=False)
    assert said.startswith(f"{folder}:1:1: out_dir {folder} is a non-empty folder"), said  # (located: the folder)
    assert not any(flag in said for flag in FLAGS), said
    said = _cli_error(str(pack), "--to", "csv", "--out", str(folder))
    assert f"--out {folder} is a non-empty folder" in said and "out_dir" not in said, said
    assert (folder / "plans.txt").read_text(encoding="utf-8") == "Ideas for next week.\n"


@pytest.mark.timeout(60)
def test_an_edited_file_names_overwrite_true_or_overwrite_edits(tmp_path: Path) -> None:
    pack, out = _pack_and_export(tmp_path)
    sheet = out / "csv" / "scripts.csv"
    sheet.write_bytes(sheet.read_bytes() + b"my own line\n")
    said = _api_error(pack, ["csv"], out, lint=False)
    assert f"out_dir {out} holds 1 file" in said and "export again with overwrite=True" in said, said
    assert not any(flag in said for flag in FLAGS), said
    said = _cli_error(str(pack), "--to", "csv", "--out", str(out))
    assert f"--out {out} holds 1 file" in said and "export again with --overwrite-edits" in said, said
    assert not any(word in said for word in ARGUMENTS), said
    assert sheet.read_bytes().endswith(b"my own line\n")


@pytest.mark.timeout(60)
def test_a_file_in_the_exports_way_names_out_dir_or_out(tmp_path: Path) -> None:
    pack, out = _pack_and_export(tmp_path)
    (out / "zendesk").mkdir()
    (out / "zendesk" / "macros.json").write_text("[]\n", encoding="utf-8")  # (made by hand)
    said = _api_error(pack, ["zendesk"], out, lint=False)
    assert "export to another out_dir" in said and not any(flag in said for flag in FLAGS), said
    said = _cli_error(str(pack), "--to", "zendesk", "--out", str(out))
    assert "export to another --out" in said and "out_dir" not in said, said
    assert (out / "zendesk" / "macros.json").read_text(encoding="utf-8") == "[]\n"


def test_a_file_given_as_the_folder_is_located_there(tmp_path: Path) -> None:
    pack = write_pack(tmp_path / "p", {"late.yaml": LATE}, PACK_YAML)
    file = tmp_path / "notes.txt"
    file.write_text("mine\n", encoding="utf-8")
    said = _api_error(pack, ["csv"], file, lint=False)
    assert said.startswith(f"{file}:1:1: out_dir {file} is a file, not a folder"), said
    assert file.read_text(encoding="utf-8") == "mine\n"
