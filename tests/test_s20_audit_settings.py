"""An export's audit is judged by the settings beside it (found from its folder upward), or by those given
(``config=``, ``--config``), never by the working folder's: `audit ../export.json` from a folder whose
scriptkit.toml ignored every rule scored 100, and a broken one there failed audit_library."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

import scriptkit
from scriptkit.cli import main
from scriptkit.errors import ConfigError

COLD = ("Dear Customer, We apologize for any inconvenience caused. Your request has been forwarded to the "
        "relevant department. Please be advised that it will be processed in due course. Regards, Support")
IGNORE_ALL = 'ignore = ["SK0", "SK1", "SK2", "SK3", "SK4"]\n'
ENV = {"NO_COLOR": "1", "COLUMNS": "200"}


@pytest.fixture
def export(tmp_path: Path) -> Path:
    folder = tmp_path / "exports"
    folder.mkdir()
    path = folder / "macros.jsonl"
    path.write_text(json.dumps({"title": "Cold reply", "body": COLD}) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def elsewhere(tmp_path: Path) -> Path:
    folder = tmp_path / "elsewhere"
    folder.mkdir()
    return folder


@pytest.mark.timeout(60)
def test_the_working_folders_settings_do_not_judge_an_export(export: Path, elsewhere: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    plain = scriptkit.audit_library(export, "jsonl", grammar="off").overall
    assert plain is not None and plain < 100
    (elsewhere / "scriptkit.toml").write_text(IGNORE_ALL, encoding="utf-8")
    monkeypatch.chdir(elsewhere)
    assert scriptkit.audit_library(export, "jsonl", grammar="off").overall == plain
    ran = CliRunner().invoke(main, ["audit", str(export), "--from", "jsonl", "--grammar", "off"], env=ENV)
    assert ran.exit_code == 0, ran.output
    assert f"overall score {plain:g}/100" in ran.output  # (as exact as --fail-under compares it)


@pytest.mark.timeout(60)
def test_a_broken_settings_file_in_the_working_folder_is_not_read(export: Path, elsewhere: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    (elsewhere / "scriptkit.toml").write_text("select = 5\n[[[\n", encoding="utf-8")
    monkeypatch.chdir(elsewhere)
    report = scriptkit.audit_library(export, "jsonl", grammar="off")
    assert report.macros and report.overall is not None and report.overall < 100


@pytest.mark.timeout(60)
def test_settings_beside_the_export_or_given_judge_it(export: Path, elsewhere: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    (elsewhere / "scriptkit.toml").write_text(IGNORE_ALL, encoding="utf-8")
    given = scriptkit.audit_library(export, "jsonl", grammar="off",
                                    config=scriptkit.load_config(None, elsewhere))
    assert given.overall == 100 and not any(m.diagnostics for m in given.macros)
    monkeypatch.chdir(elsewhere)
    ran = CliRunner().invoke(main, ["audit", str(export), "--from", "jsonl", "--grammar", "off", "--config", "."],
                             env=ENV)
    assert ran.exit_code == 0 and "0 problem(s), overall score 100/100" in ran.output, ran.output
    ran = CliRunner().invoke(main, ["audit", str(export), "--from", "jsonl", "--config", str(export)], env=ENV)
    assert ran.exit_code == 2 and "is not a settings file" in ran.output and "Traceback" not in ran.output
    (export.parent / "scriptkit.toml").write_text(IGNORE_ALL, encoding="utf-8")
    monkeypatch.chdir(export.parent.parent)
    assert scriptkit.audit_library(export, "jsonl", grammar="off").overall == 100
    with pytest.raises(ConfigError, match="config"):
        scriptkit.audit_library(export, "jsonl", config="scriptkit.toml")  # type: ignore[arg-type]


@pytest.mark.timeout(60)
def test_export_files_under_different_settings_are_refused(export: Path, elsewhere: Path) -> None:
    other = elsewhere / "more.jsonl"
    other.write_text(export.read_text(encoding="utf-8"), encoding="utf-8")
    (elsewhere / "scriptkit.toml").write_text(IGNORE_ALL, encoding="utf-8")
    with pytest.raises(ConfigError, match="different settings") as raised:
        scriptkit.audit_library([export, other], "jsonl", grammar="off")
    assert raised.value.location is not None and raised.value.location.file == str(other)
