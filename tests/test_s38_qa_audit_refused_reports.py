"""``audit`` gained ``-o`` (e4383125), and the refusal of a bad command line then looked at -o alone: the stale
``--html`` page of an earlier run was left for CI to publish as this run's, and a stale ``-o`` report was judged by
``--from`` (the library's format) as if it were check's ``--format``, so ``--from json`` replaced it with a check
report. Both are now handled: the page says the command line was refused, and the -o report, whose audit shape
this run cannot write, is removed and said so. (QA of session 38)"""

from __future__ import annotations

from pathlib import Path

from tests.conftest import run_cli

STALE = "last run's report: all clear"
PACK = "name: P\n"
SCRIPT = "id: a\ntitle: A\nacknowledgment: I'm sorry the parcel is late.\nsolution: I'll send a new one today.\n"


def _pack(tmp_path: Path) -> Path:
    (tmp_path / "pack" / "scripts").mkdir(parents=True)
    (tmp_path / "pack" / "pack.yaml").write_text(PACK, encoding="utf-8")
    (tmp_path / "pack" / "scripts" / "a.yaml").write_text(SCRIPT, encoding="utf-8")
    return tmp_path / "pack"


def test_a_refused_audit_replaces_its_page_and_removes_its_report_given_both(tmp_path: Path) -> None:
    pack = _pack(tmp_path)
    page, report = tmp_path / "audit.html", tmp_path / "audit.json"
    for stale in (page, report):
        stale.write_text(STALE, encoding="utf-8")
    result = run_cli("audit", str(pack), "--near", "2", "--format", "json", "-o", str(report), "--html", str(page))
    assert result.exit_code == 2
    written = page.read_text(encoding="utf-8")
    assert written.startswith("<!DOCTYPE html>") and "command line was refused" in written
    assert not report.exists()
    assert f"removed {report}" in result.stderr


def test_a_refused_audit_with_from_json_does_not_write_a_check_report(tmp_path: Path) -> None:
    pack = _pack(tmp_path)
    report = tmp_path / "audit.txt"
    report.write_text(STALE, encoding="utf-8")
    result = run_cli("audit", str(pack), "--from", "json", "--near", "2", "-o", str(report))
    assert result.exit_code == 2
    assert not report.exists(), report.read_text(encoding="utf-8")
