"""`check --format sarif|json|junit|github` on a pack it cannot read (exit 2): the report still
carries each error, as an SK000 load-error result at its file:line:col, so a CI job uploading the
report shows it on the pull request (it found no file, or an empty one). Stderr says it as before."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from scriptkit.cli import main

BROKEN = "id: late\ntitle: [unclosed\n"
MESSAGE = "YAML syntax error: this '[' list has no closing ']' before the end of the file"


def run(*args: str) -> Any:
    return CliRunner().invoke(main, list(args), env={"NO_COLOR": "1"})


@pytest.fixture
def broken(make_pack: Any) -> Path:
    root: Path = make_pack({"late.yaml": BROKEN})
    return root


def test_sarif_carries_the_load_error_where_it_is(broken: Path) -> None:
    result = run("check", str(broken), "--format", "sarif")
    assert result.exit_code == 2
    assert f"{broken}/scripts/late.yaml:2:8: error: {MESSAGE}" in result.stderr  # (stderr as before)
    run_ = json.loads(result.stdout)["runs"][0]
    (rule,) = run_["tool"]["driver"]["rules"]
    assert rule["id"] == "SK000" and rule["name"] == "load-error" and rule["defaultConfiguration"]["level"] == "error"
    (found,) = run_["results"]
    assert found["ruleId"] == "SK000" and found["ruleIndex"] == 0 and found["level"] == "error"
    assert found["message"]["text"].startswith(MESSAGE + ". Suggestion: Add the ']' where the list ends")
    where = found["locations"][0]["physicalLocation"]
    assert where["artifactLocation"]["uri"].endswith("pack/scripts/late.yaml")
    assert where["region"] == {"startLine": 2, "startColumn": 8}


def test_json_and_junit_carry_it_too(broken: Path) -> None:
    result = run("check", str(broken), "--format", "json")
    assert result.exit_code == 2
    data = json.loads(result.stdout)
    assert data["summary"]["error"] == 1 and data["summary"]["failed"] is True
    (diag,) = data["diagnostics"]
    assert (diag["code"], diag["name"], diag["severity"]) == ("SK000", "load-error", "error")
    assert (diag["message"], diag["line"], diag["col"]) == (MESSAGE, 2, 8)
    assert diag["file"].endswith("pack/scripts/late.yaml") and diag["suggestion"].startswith("Add the ']'")

    result = run("check", str(broken), "--format", "junit")
    assert result.exit_code == 2
    root = ET.fromstring(result.stdout)
    assert root.get("failures") == "1"
    failure = root.find("./testsuite/testcase/failure")
    assert failure is not None and failure.get("message") == MESSAGE
    assert "2:8 SK000 [load-error]" in (failure.text or "")


@pytest.mark.parametrize("fmt", ["sarif", "json", "junit", "github"])
def test_to_a_file_with_every_error(make_pack: Any, tmp_path: Path, fmt: str) -> None:
    root = make_pack({"late.yaml": BROKEN, "other.yaml": "id: other\ntitle: Other\nchannels: [Chat]\n"})
    out = tmp_path / f"report.{fmt}"
    result = run("check", str(root), "--format", fmt, "--output", str(out))
    assert result.exit_code == 2 and result.stdout == ""
    assert "4 problems found." in result.stderr  # (other.yaml has no acknowledgment or solution either)
    text = out.read_text(encoding="utf-8")
    assert "'Chat' is not a channel" in text and MESSAGE in text and "missing required key 'solution'" in text
    assert text.count("SK000" if fmt != "github" else "::error file=") >= 4


@pytest.mark.parametrize("target", ["late.yaml", "good.yaml"])
def test_a_report_never_replaces_a_script_of_the_pack(make_pack: Any, target: str) -> None:
    root = make_pack({"late.yaml": BROKEN, "good.yaml": "id: good\ntitle: Good\n"})
    before = {p.name: p.read_text(encoding="utf-8") for p in (root / "scripts").iterdir()}
    result = run("check", str(root), "--format", "sarif", "-o", str(root / "scripts" / target))
    assert result.exit_code == 2
    assert {p.name: p.read_text(encoding="utf-8") for p in (root / "scripts").iterdir()} == before
    assert MESSAGE in result.stderr and "is a file this run reads" in result.stderr


def test_a_report_that_cannot_be_written_is_said_with_the_errors(broken: Path, tmp_path: Path) -> None:
    (tmp_path / "no").write_text("", encoding="utf-8")  # (a file where the report's folder should be)
    result = run("check", str(broken), "--format", "json", "-o", str(tmp_path / "no" / "report.json"))
    assert result.exit_code == 2
    assert MESSAGE in result.stderr and "cannot write the report" in result.stderr


def test_an_error_with_no_place_is_reported_at_the_packs_settings(make_pack: Any) -> None:
    root = make_pack({"a.yaml": "id: a\ntitle: A\nacknowledgment: I see.\nsolution: It is sent.\n"})
    result = run("check", str(root), "--format", "json", "--select", "warmthh")
    assert result.exit_code == 2 and "Did you mean 'warmth'?" in result.stderr
    (diag,) = json.loads(result.stdout)["diagnostics"]
    assert diag["code"] == "SK000" and diag["file"].endswith("pack/pack.yaml") and (diag["line"], diag["col"]) == (1, 1)


def test_text_is_unchanged(broken: Path) -> None:
    result = run("check", str(broken))
    assert result.exit_code == 2 and result.stdout == "" and MESSAGE in result.stderr
