"""An audit of a helpdesk's export judges as that helpdesk: a Salesforce Quick Text file read through the JSON reader
is Salesforce's (flexibility not scored)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from scriptkit.audit import audit
from scriptkit.cli import main


def _run(*args: str) -> Result:
    result = CliRunner().invoke(main, list(args), env={"NO_COLOR": "1", "COLUMNS": "400"})
    assert "Traceback" not in result.output, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


@pytest.fixture(scope="module")
def starter_exports(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("starter")
    assert _run("init", str(root / "starter"), "--from", "starter").exit_code == 0
    exported = _run("export", str(root / "starter"), "-o", str(root / "out"), "--to", "all", "--force")
    assert exported.exit_code in (0, 1), exported.output
    return root / "out"


def test_a_salesforce_quick_text_file_is_audited_as_salesforce(starter_exports: Path) -> None:
    report = audit(starter_exports / "salesforce" / "quick_text.json")
    assert report.format == "salesforce"
    assert "flexibility" not in report.judged
    assert all(m.scores["flexibility"] is None for m in report.macros)
    assert not [d for m in report.macros for d in m.diagnostics if d.name == "no-flexibility"]
    said = _run("audit", str(starter_exports / "salesforce" / "quick_text.json")).output
    assert "Flexibility is not scored: Salesforce" in said, said
    assert "SK406 no-flexibility in" not in said and "SK406 no-flexibility (" not in said  # (ranked, counted)
