"""``scriptkit audit`` on a large library: the reporter the chosen output needs is imported before the long part
(one that could not be imported threw the whole audit away at the end), and the HTML report shows the worst macros
in full and the rest a row each (a 20,000-macro page was 73 MB, which a browser did not open in minutes)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

import scriptkit.audit
from scriptkit.cli import main


def _library(path: Path, count: int) -> Path:
    """A JSONL export of ``count`` replies, each worse than the one before it (fewer of the practices)."""
    bodies = ["I'm sorry your parcel is late, I know you were counting on it. I've asked the courier to deliver "
              "it tomorrow and I'll email you by noon. Thanks for your patience!",
              "Sorry for the wait. Your parcel leaves the warehouse tomorrow.",
              "Your parcel leaves the warehouse tomorrow.",
              "Please be advised that your request has been noted.",
              "Per our policy this decision is final."]
    rows = [{"id": f"r{i}", "title": f"Parcel reply {i}", "body": bodies[i % len(bodies)] + f" Ref {i}."}
            for i in range(count)]
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    return path


@pytest.mark.parametrize(("options", "module"), [(["--format", "json"], "scriptkit.reporters.json"),
                                                 (["--html", "report.html"], "scriptkit.reporters.html")])
def test_a_reporter_that_cannot_be_imported_fails_before_the_audit_runs(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, options: list[str], module: str) -> None:
    """The JSON reporter was imported only to print the report: a run whose reporter could not be imported (a file
    being edited) scored the whole library first, then ended with an ImportError 17 minutes in."""
    library = _library(tmp_path / "macros.jsonl", 3)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setitem(sys.modules, module, None)  # (importing it now raises ImportError)
    audited: list[object] = []
    real = scriptkit.audit.audit
    monkeypatch.setattr(scriptkit.audit, "audit", lambda *a, **k: audited.append(a) or real(*a, **k))
    result = CliRunner().invoke(main, ["audit", str(library), "--grammar", "off", *options])
    assert result.exit_code != 0 and f"import of {module} halted" in result.output, result.output
    assert audited == []  # (refused before any macro was read or scored)
