"""scriptkit audit on input it cannot read (exit 2): the JSON and HTML reports say so, as check's do."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from scriptkit.cli import main

GOOD = """\
id: late-parcel
title: Late parcel
acknowledgment: I can see how annoying it is that your parcel has still not turned up.
warm_language: I'm really sorry for the wait.
flexibility: If you would rather have your money back, just say so and I'll arrange it.
solution: I've asked the courier to trace it today, and I'll email you by Friday with news.
"""
# (a flow sequence left open: a YAML error on line 4, column 6)
BROKEN = "id: broken\ntitle: Broken\nbad: [one\n  two: : three\n"


def _audit(*args: str) -> Result:
    result = CliRunner().invoke(main, ["audit", *args])
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


@pytest.fixture
def broken_pack(make_pack) -> Path:  # type: ignore[no-untyped-def]
    return make_pack({"good.yaml": GOOD, "broken.yaml": BROKEN})  # type: ignore[no-any-return]


def test_bad_input_still_writes_a_json_report(broken_pack: Path) -> None:
    result = _audit(str(broken_pack), "--format", "json")
    assert result.exit_code == 2
    assert "broken.yaml:4:6" in result.stderr  # said where people read it too
    report = json.loads(result.stdout)
    assert report["version"] == 1
    assert report["summary"]["macros"] == 0 and report["summary"]["overall"] is None
    [error] = report["errors"]
    assert error["code"] == "SK000" and error["name"] == "load-error" and error["severity"] == "error"
    assert error["file"].endswith("scripts/broken.yaml") and (error["line"], error["col"]) == (4, 6)
    assert "YAML" in error["message"] and error["suggestion"]


def test_bad_input_of_a_missing_export_writes_a_json_report(tmp_path: Path) -> None:
    missing = tmp_path / "macros.json"
    result = _audit(str(missing), "--format", "json")
    assert result.exit_code == 2
    [error] = json.loads(result.stdout)["errors"]
    assert error["file"].endswith("macros.json") and error["line"] == 1


def test_bad_input_replaces_a_stale_html_report(broken_pack: Path, tmp_path: Path) -> None:
    page = tmp_path / "old.html"
    page.write_text("<p>last week's audit: 97/100</p>", encoding="utf-8")
    result = _audit(str(broken_pack), "--html", str(page))
    assert result.exit_code == 2
    written = page.read_text(encoding="utf-8")
    assert "97/100" not in written
    assert "could not be read" in written and "broken.yaml:4:6" in written
    assert written.startswith("<!DOCTYPE html>") and "exit code 2" in written


def test_bad_input_does_not_overwrite_the_audited_file_named_by_html(tmp_path: Path) -> None:
    export = tmp_path / "macros.html"
    export.write_text("<h1>not an export scriptkit reads</h1>", encoding="utf-8")
    result = _audit(str(export), "--html", str(export), "--format", "json")
    assert result.exit_code == 2
    assert export.read_text(encoding="utf-8") == "<h1>not an export scriptkit reads</h1>"
    assert json.loads(result.stdout)["errors"][0]["message"].startswith("--html")


def test_a_report_that_could_be_made_has_no_errors(make_pack) -> None:  # type: ignore[no-untyped-def]
    result = _audit(str(make_pack({"good.yaml": GOOD})), "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["errors"] == []


def test_html_naming_a_settings_file_that_cannot_be_read_is_left_as_it_is(tmp_path: Path) -> None:
    export = tmp_path / "macros.jsonl"
    export.write_text(json.dumps({"title": "Refund", "body": "I've refunded you today."}) + "\n", encoding="utf-8")
    settings = tmp_path / "odd.html"  # (a settings file by an odd name, named by --html too)
    settings.write_text("select = [\n", encoding="utf-8")
    result = _audit(str(export), "--config", str(settings), "--html", str(settings))
    assert result.exit_code == 2
    assert settings.read_text(encoding="utf-8") == "select = [\n"
