"""CI integration: GitHub's annotation limit, a bad --baseline still reported, scripts that could not be read
kept out of a baseline's "gone", and a one-line summary with -o."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from scriptkit.cli import main
from scriptkit.diagnostics import Diagnostic, Location, Severity
from scriptkit.linting import LintResult
from scriptkit.reporters import github

COLD = ("id: {id}\ntitle: Cold\nacknowledgment: We have received your request.\n"
        "solution: Please be advised that links expire after one hour. Kindly request a new link.\n")


def _run(*args: str) -> Result:
    result = CliRunner().invoke(main, list(args), env={"NO_COLOR": "1"})
    assert "Traceback" not in result.output, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


def _pack(where: Path, names: list[str]) -> Path:
    (where / "scripts").mkdir(parents=True)
    (where / "pack.yaml").write_text("name: P\n", encoding="utf-8")
    for name in names:
        (where / "scripts" / f"{name}.yaml").write_text(COLD.format(id=name), encoding="utf-8")
    return where


@pytest.fixture(autouse=True)
def _workspace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GITHUB_WORKSPACE", str(tmp_path))
    monkeypatch.chdir(tmp_path)


# ---------------------------------------------------------------- 1. GitHub shows 10 annotations of each kind

def _finding(i: int, severity: Severity) -> Diagnostic:
    return Diagnostic(f"SK{100 + i}", "some-rule", f"finding {i}", severity, Location("pack/scripts/a.yaml", i, 1))


def test_github_annotates_ten_of_each_kind_errors_first_and_says_how_many_more() -> None:
    kinds = [Severity.SUGGESTION, Severity.WARNING, Severity.ERROR]
    found = [_finding(i, kinds[i % 3]) for i in range(1, 37)]  # 12 of each, interleaved
    out = io.StringIO()
    github.report(LintResult(found), out)
    # (the plain lines are logged between ::stop-commands::TOKEN and ::TOKEN::, so the runner runs none of them)
    all_lines = out.getvalue().splitlines()
    stop = next(i for i, line in enumerate(all_lines) if line.startswith("::stop-commands::"))
    assert all_lines[stop + 7] == f"::{all_lines[stop].rsplit('::', 1)[1]}::"
    lines = all_lines[:stop] + all_lines[stop + 1:stop + 7] + all_lines[stop + 8:]
    annotations = [line for line in lines if line.startswith("::")]
    assert [a.split(" ")[0] for a in annotations] == ["::error"] * 10 + ["::warning"] * 10 + ["::notice"] * 10
    rest = [line for line in lines if not line.startswith("::")]
    assert len(rest) == 7, lines  # six findings as plain lines, in the log with their place, and the summary
    # the two of each kind past ten (the last of their kind in the report's order) are lines with their place
    assert sorted(rest[:-1]) == sorted(f"pack/scripts/a.yaml:{i}:1: {kinds[i % 3].value} SK{100 + i} [some-rule] "
                                       f"finding {i}" for i in range(31, 37))
    assert "6 finding(s)" in rest[-1] and "sarif" in rest[-1].lower()
    # every finding is in the log once
    assert sorted(int(line.rsplit(" ", 1)[1]) for line in lines[:-1]) == list(range(1, 37))


def test_github_within_the_limit_is_annotations_only() -> None:
    out = io.StringIO()
    github.report(LintResult([_finding(1, Severity.WARNING), _finding(2, Severity.ERROR)]), out)
    lines = out.getvalue().splitlines()
    assert [line.split(" ")[0] for line in lines] == ["::error", "::warning"]


def test_check_of_a_large_pack_prints_at_most_ten_warnings(tmp_path: Path) -> None:
    root = _pack(tmp_path / "pack", [f"s{i}" for i in range(6)])
    result = _run("check", str(root), "--format", "github")
    assert result.exit_code == 1
    assert result.stdout.count("::warning ") == 10
    assert "not shown as annotations" in result.stdout.splitlines()[-1]


# ---------------------------------------------------------------- 2. a bad --baseline gets its report

def test_a_truncated_baseline_replaces_the_old_report(tmp_path: Path) -> None:
    root = _pack(tmp_path / "pack", ["cold"])
    baseline = tmp_path / "baseline.json"
    baseline.write_text('{"scriptkit_baseline": 1, "findings": [\n  {"code": "SK2', encoding="utf-8")
    report = tmp_path / "scriptkit.sarif"
    report.write_text("last run's report", encoding="utf-8")
    result = _run("check", str(root), "--baseline", str(baseline), "--format", "sarif", "-o", str(report))
    assert result.exit_code == 2
    results = json.loads(report.read_text(encoding="utf-8"))["runs"][0]["results"]
    assert [r["ruleId"] for r in results] == ["SK000"]
    assert results[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "baseline.json"
    assert f"{baseline}:2:" in result.stderr, result.stderr


# ---------------------------------------------------------------- 3. unreadable scripts' findings are not "gone"

def test_findings_of_a_script_that_cannot_be_read_are_not_gone(tmp_path: Path) -> None:
    root = _pack(tmp_path / "pack", ["cold", "chilly"])
    baseline = tmp_path / "baseline.json"
    assert _run("check", str(root), "--write-baseline", str(baseline)).exit_code == 0
    (root / "scripts" / "chilly.yaml").write_text("id: chilly\ntitle: [\n", encoding="utf-8")
    result = _run("check", str(root), "--baseline", str(baseline), "--format", "json", "-o", str(tmp_path / "r.json"))
    assert result.exit_code == 2
    assert "gone" not in result.stderr, result.stderr
    assert "not checked" in result.stderr and "could not be read" in result.stderr, result.stderr


def test_findings_of_a_script_fixed_are_still_gone(tmp_path: Path) -> None:
    root = _pack(tmp_path / "pack", ["cold", "chilly"])
    baseline = tmp_path / "baseline.json"
    assert _run("check", str(root), "--write-baseline", str(baseline)).exit_code == 0
    (root / "scripts" / "chilly.yaml").unlink()
    result = _run("check", str(root), "--baseline", str(baseline), "--format", "json", "-o", str(tmp_path / "r.json"))
    assert "are gone" in result.stderr and "not checked" not in result.stderr, result.stderr


# ---------------------------------------------------------------- 5. load errors titled alike; -o says why it failed

def test_github_load_errors_are_titled_the_same_whole_or_partial(tmp_path: Path) -> None:
    whole = _pack(tmp_path / "whole", ["cold"])
    (whole / "pack.yaml").write_text("name: [\n", encoding="utf-8")
    partial = _pack(tmp_path / "partial", ["cold"])
    (partial / "scripts" / "bad.yaml").write_text("id: bad\ntitle: [\n", encoding="utf-8")
    for root in (whole, partial):
        out = _run("check", str(root), "--format", "github").stdout
        errors = [line for line in out.splitlines() if line.startswith("::error")]
        assert errors and all(",title=SK000 [load-error]::" in line for line in errors), out


def test_a_report_into_a_file_says_on_stderr_why_the_run_failed(tmp_path: Path) -> None:
    root = _pack(tmp_path / "pack", ["cold"])
    report = tmp_path / "out" / "scriptkit.xml"
    result = _run("check", str(root), "--format", "junit", "-o", str(report))
    assert result.exit_code == 1
    last = result.stderr.strip().splitlines()[-1]
    assert "warning" in last and str(report) in last, result.stderr
