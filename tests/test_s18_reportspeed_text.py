"""The text report of a run with a great many findings is written in one go, not a rich print per
line: 200,000 findings took over a minute (a rich call and a few Text copies a line), now seconds."""

from __future__ import annotations

from pathlib import Path

import pytest

from scriptkit.diagnostics import Diagnostic, Location, Severity
from scriptkit.linting import LintResult
from scriptkit.reporters import get_reporter

LINE = "solution: we will look into it soon, unfortunately\n"


def _result(tmp_path: Path, count: int) -> LintResult:
    files = []
    for i in range(200):
        path = tmp_path / f"script-{i:03}.yaml"
        path.write_text(LINE * 3, encoding="utf-8")
        files.append(str(path))
    severities = list(Severity)
    channels = {"channels": "email,chat"}
    return LintResult([Diagnostic("SK404", "no-time-frame", "'soon' is not a time frame", severities[i % 3],
                                  Location(files[i % len(files)], i % 3 + 1, 29), suggestion="Say when it happens.",
                                  text="soon", extra=channels)
                       for i in range(count)])


@pytest.mark.timeout(60)
def test_two_hundred_thousand_findings_are_reported_in_text(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    report = tmp_path / "report.txt"
    with report.open("w", encoding="utf-8") as out:
        get_reporter("text")(_result(tmp_path, 200_000), out)
    with report.open(encoding="utf-8") as written:
        lines = [line.rstrip("\n") for line in written]
    assert lines[:6] == [
        "script-000.yaml",
        "  1:29    error      SK404 [no-time-frame] 'soon' is not a time frame",
        "     1 │ solution: we will look into it soon, unfortunately",
        "       │                             ^^^^",
        "         suggestion: Say when it happens.",
        "         email, chat",
    ]
    assert sum(line.endswith("SK404 [no-time-frame] 'soon' is not a time frame") for line in lines) == 200_000
    assert sum(line == "     2 │ solution: we will look into it soon, unfortunately" for line in lines) == 66_667
    assert lines[-1] == "Found 200000 problems (66667 errors, 66667 warnings, 66666 suggestions)."
    assert len(lines) == 200 * 2 + 200_000 * 5 + 1  # (each file's name and blank line, five lines a finding)
    assert "\x1b" not in report.read_text(encoding="utf-8")  # (no colour into a file)
