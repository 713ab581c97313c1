"""A command line click refuses (a bad value, an unknown option, a missing argument) replaces the report an earlier
run left at -o / --html with one that says so: a CI job published last run's report as this run's."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import Result

from tests.conftest import run_cli

STALE = "last run's report: all clear"
REPLY = "id: late\ntitle: Late\nsolution: I've asked the courier to trace your parcel today.\n"


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)


@pytest.fixture
def pack(make_pack) -> Path:  # type: ignore[no-untyped-def]
    return make_pack({"late.yaml": REPLY})  # type: ignore[no-any-return]


def _stale(tmp_path: Path, name: str) -> Path:
    report = tmp_path / name
    report.write_text(STALE, encoding="utf-8")
    return report


def _refused(result: Result, said: str) -> None:
    assert result.exit_code == 2, result.output
    assert "Error: " in result.stderr and said in result.stderr, result.stderr  # click's own message


def _sarif_messages(report: Path) -> list[tuple[str, str]]:
    results = json.loads(report.read_text(encoding="utf-8"))["runs"][0]["results"]
    return [(r["ruleId"], r["message"]["text"]) for r in results]


def test_a_bad_choice_replaces_the_sarif_report(pack: Path, tmp_path: Path) -> None:
    report = _stale(tmp_path, "report.sarif")
    result = run_cli("check", str(pack), "--fail-on", "bogus", "-o", str(report), "--format", "sarif")
    _refused(result, "'bogus' is not one of")
    [(code, message)] = _sarif_messages(report)
    assert code == "SK000" and "command line was refused" in message and "--fail-on" in message


def test_an_unknown_option_replaces_the_json_report(pack: Path, tmp_path: Path) -> None:
    report = _stale(tmp_path, "report.json")
    result = run_cli("check", str(pack), "--format=json", "--fial-on", "error", f"--output={report}")
    _refused(result, "No such option")
    [diagnostic] = json.loads(report.read_text(encoding="utf-8"))["diagnostics"]
    assert diagnostic["code"] == "SK000" and "--fial-on" in diagnostic["message"]
    assert diagnostic["file"].endswith("pack.yaml")  # (at the pack's settings, as a bad --select is)


def test_a_missing_pack_replaces_the_junit_report(tmp_path: Path) -> None:
    report = _stale(tmp_path, "report.xml")
    result = run_cli("check", "--format", "junit", "-o", str(report))
    _refused(result, "give the pack's folder")
    root = ET.fromstring(report.read_text(encoding="utf-8"))
    assert "command line was refused" in ET.tostring(root, encoding="unicode")


def test_text_report_into_a_file_is_replaced_too(pack: Path, tmp_path: Path) -> None:
    report = _stale(tmp_path, "report.txt")
    result = run_cli("check", str(pack), "-j", "0", f"-o{report}")
    _refused(result, "-j")
    written = report.read_text(encoding="utf-8")
    assert STALE not in written and "command line was refused" in written


def test_review_missing_its_file_replaces_the_report(tmp_path: Path) -> None:
    report = _stale(tmp_path, "review.sarif")
    result = run_cli("review", "--format", "sarif", "-o", str(report))
    _refused(result, "Missing argument 'FILE'")
    [(code, message)] = _sarif_messages(report)
    assert code == "SK000" and "command line was refused" in message


def test_audit_replaces_a_stale_html_page(pack: Path, tmp_path: Path) -> None:
    page = _stale(tmp_path, "audit.html")
    result = run_cli("audit", str(pack), "--near", "2", "--html", str(page))
    _refused(result, "--near")
    written = page.read_text(encoding="utf-8")
    assert written.startswith("<!DOCTYPE html>") and STALE not in written
    assert "command line was refused" in written and "--near" in written


def test_a_bad_format_is_read_from_the_extension(pack: Path, tmp_path: Path) -> None:
    report = _stale(tmp_path, "report.sarif")
    result = run_cli("check", str(pack), "--format", "sarfi", "-o", str(report))
    _refused(result, "'sarfi' is not one of")
    [(code, _)] = _sarif_messages(report)
    assert code == "SK000"


def test_a_bad_format_and_an_extension_of_no_one_format_removes_the_report(pack: Path, tmp_path: Path) -> None:
    report = _stale(tmp_path, "report.json")  # (json's or gitlab's: which one is not known)
    result = run_cli("check", str(pack), "--format", "gitlba", "-o", str(report))
    _refused(result, "'gitlba' is not one of")
    assert not report.exists()
    assert f"removed {report}" in result.stderr, result.stderr


def test_nothing_is_written_when_o_has_no_value(pack: Path, tmp_path: Path) -> None:
    report = _stale(tmp_path, "report.sarif")
    before = sorted(p.name for p in tmp_path.iterdir())
    result = run_cli("check", str(pack), "--format", "sarif", "-o", str(report), "--fail-on", "bogus", "-o")
    _refused(result, "requires an argument")
    assert report.read_text(encoding="utf-8") == STALE
    assert sorted(p.name for p in tmp_path.iterdir()) == before


def test_after_double_dash_o_is_no_option(pack: Path, tmp_path: Path) -> None:
    report = _stale(tmp_path, "report.sarif")
    result = run_cli("check", "--fail-on", "bogus", "--", str(pack), "-o", str(report))
    assert result.exit_code == 2
    assert report.read_text(encoding="utf-8") == STALE


def test_a_file_the_run_reads_is_never_replaced(pack: Path) -> None:
    script = pack / "scripts" / "late.yaml"
    result = run_cli("check", str(script), "--fail-on", "bogus", "-o", str(script))
    _refused(result, "'bogus' is not one of")
    assert script.read_text(encoding="utf-8") == REPLY
    settings = pack / "pack.yaml"  # (read by the run, though not named on the command line)
    run_cli("check", str(pack), "--fail-on", "bogus", "-o", str(settings))
    assert settings.read_text(encoding="utf-8") == "name: Test pack\n"


def test_a_folder_as_o_is_left_alone(pack: Path, tmp_path: Path) -> None:
    (tmp_path / "out").mkdir()
    result = run_cli("check", str(pack), "--fail-on", "bogus", "-o", str(tmp_path / "out"))
    assert result.exit_code == 2
    assert list((tmp_path / "out").iterdir()) == []


@pytest.mark.parametrize("args", [
    ["check", "PACK", "--format", "sarif", "-o", "REPORT", "--help"],
    ["check", "PACK", "--fail-on", "bogus", "-o", "REPORT", "--help"],
    ["--version", "check", "PACK", "-o", "REPORT", "--fail-on", "bogus"],
    ["review", "-o", "REPORT", "-h"],
])
def test_help_and_version_leave_the_report_alone(pack: Path, tmp_path: Path, args: list[str]) -> None:
    report = _stale(tmp_path, "report.sarif")
    filled = [str(pack) if a == "PACK" else str(report) if a == "REPORT" else a for a in args]
    result = run_cli(*filled)
    assert result.exit_code == 0, result.output
    assert report.read_text(encoding="utf-8") == STALE


def test_a_baseline_named_as_o_too_is_left_alone(pack: Path, tmp_path: Path) -> None:
    baseline = _stale(tmp_path, "baseline.json")
    result = run_cli("check", str(pack), "--baseline", str(baseline), "--fail-on", "bogus", "--format", "json",
                     "-o", str(baseline))
    _refused(result, "'bogus' is not one of")
    assert baseline.read_text(encoding="utf-8") == STALE
    assert "left as it is" in result.stderr


def test_no_report_is_made_where_there_was_none(pack: Path, tmp_path: Path) -> None:
    result = run_cli("check", str(pack), "--fail-on", "bogus", "--format", "sarif", "-o", str(tmp_path / "new.sarif"))
    _refused(result, "'bogus' is not one of")
    assert not (tmp_path / "new.sarif").exists()


def test_a_report_refused_by_the_command_itself_is_replaced(pack: Path, tmp_path: Path) -> None:
    report = _stale(tmp_path, "report.sarif")
    result = run_cli("check", str(pack), "--statistics", "--format", "sarif", "-o", str(report))
    _refused(result, "--statistics prints a table of counts")
    [(code, message)] = _sarif_messages(report)
    assert code == "SK000" and "--statistics" in message
