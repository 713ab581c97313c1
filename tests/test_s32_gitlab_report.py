"""``--format gitlab``: a GitLab Code Quality report (a JSON array of issues) for merge-request findings, with
fingerprints that stay when lines move, and a report of SK000 issues for a pack that cannot be read."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from scriptkit.cli import main
from scriptkit.diagnostics import Diagnostic, Location, Severity
from scriptkit.linting import LintResult
from scriptkit.reporters import gitlab

COLD = ("id: {id}\ntitle: Cold\nacknowledgment: We have received your request.\n"
        "solution: Please be advised that links expire after one hour. Kindly request a new link.\n")
GITLAB_SEVERITIES = {"info", "minor", "major", "critical", "blocker"}


def _run(*args: str, stdin: str | None = None) -> Result:
    result = CliRunner().invoke(main, list(args), env={"NO_COLOR": "1"}, input=stdin)
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
def _project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("GITHUB_WORKSPACE", raising=False)
    monkeypatch.setenv("CI_PROJECT_DIR", str(tmp_path))  # (GitLab's checkout: paths are read from it)
    monkeypatch.chdir(tmp_path)


def _issues(out: str) -> list[dict[str, Any]]:
    issues = json.loads(out)
    assert isinstance(issues, list)
    for issue in issues:  # (the fields GitLab's Code Quality report requires, of the types it reads)
        assert isinstance(issue["description"], str) and issue["description"]
        assert isinstance(issue["check_name"], str) and issue["check_name"]
        assert isinstance(issue["fingerprint"], str) and issue["fingerprint"]
        assert issue["severity"] in GITLAB_SEVERITIES
        assert isinstance(issue["location"]["path"], str)
        assert isinstance(issue["location"]["lines"]["begin"], int) and issue["location"]["lines"]["begin"] >= 1
    assert len({i["fingerprint"] for i in issues}) == len(issues)  # (GitLab shows one issue of a fingerprint)
    return issues


def test_check_writes_a_code_quality_report_with_paths_from_the_project_root(tmp_path: Path) -> None:
    root = _pack(tmp_path / "support" / "pack", ["cold"])
    result = _run("check", str(root), "--format", "gitlab", "--grammar", "off")
    assert result.exit_code == 1
    issues = _issues(result.stdout)
    assert issues
    assert {i["location"]["path"] for i in issues} == {"support/pack/scripts/cold.yaml"}
    assert all((tmp_path / i["location"]["path"]).is_file() for i in issues)
    advised = next(i for i in issues if i["check_name"] == "SK201" and "Please be advised" in i["description"])
    assert advised["location"]["lines"]["begin"] == 4 and advised["severity"] == "minor"


def test_severities_map_to_gitlabs_scale() -> None:
    found = [Diagnostic("SK101", "a", "m", Severity.SUGGESTION, Location("a.yaml", 1, 1)),
             Diagnostic("SK102", "b", "m", Severity.WARNING, Location("a.yaml", 2, 1)),
             Diagnostic("SK103", "c", "m", Severity.ERROR, Location("a.yaml", 3, 1))]
    out = io.StringIO()
    gitlab.report(LintResult(found), out)
    assert [i["severity"] for i in _issues(out.getvalue())] == ["info", "minor", "major"]


def test_fingerprints_stay_when_a_comment_is_added_above(tmp_path: Path) -> None:
    root = _pack(tmp_path / "pack", ["cold", "late"])

    def fingerprints() -> dict[str, tuple[str, int]]:
        issues = _issues(_run("check", str(root), "--format", "gitlab", "--grammar", "off").stdout)
        return {i["fingerprint"]: (i["check_name"], i["location"]["lines"]["begin"]) for i in issues}

    before = fingerprints()
    for script in (root / "scripts").glob("*.yaml"):
        script.write_text("# a note for the team\n\n" + script.read_text(encoding="utf-8"), encoding="utf-8")
    after = fingerprints()
    assert before and set(after) == set(before)
    moved = [f for f in before if before[f][1] > 1]  # (a finding on a whole script stays at its first line)
    assert moved and all(after[f][1] == before[f][1] + 2 for f in moved)  # (the lines moved, the fingerprints not)


def test_the_same_finding_twice_in_a_file_has_two_fingerprints() -> None:
    twice = [Diagnostic("SK201", "corporate-phrase", "stiff", Severity.WARNING, Location("a.yaml", line, 1),
                        text="Kindly note") for line in (3, 9)]
    out = io.StringIO()
    gitlab.report(LintResult(twice), out)
    assert len(_issues(out.getvalue())) == 2


def test_a_pack_that_cannot_be_read_is_a_report_of_sk000_issues(tmp_path: Path) -> None:
    root = _pack(tmp_path / "pack", ["cold"])
    (root / "scripts" / "cold.yaml").write_text("id: cold\ntitle: [unclosed\n", encoding="utf-8")
    result = _run("check", str(root), "--format", "gitlab", "-o", "gl-code-quality.json")
    assert result.exit_code == 2
    issues = _issues((tmp_path / "gl-code-quality.json").read_text(encoding="utf-8"))
    load = [i for i in issues if i["check_name"] == "SK000"]
    assert load and load[0]["location"]["path"] == "pack/scripts/cold.yaml"
    assert load[0]["severity"] == "blocker" and load[0]["location"]["lines"]["begin"] >= 2


def test_review_writes_a_code_quality_report(tmp_path: Path) -> None:
    (tmp_path / "reply.txt").write_text("Please be advised that links expire. Kindly request a new link.\n",
                                        encoding="utf-8")
    result = _run("review", "reply.txt", "--format", "gitlab")
    assert result.exit_code == 1
    issues = _issues(result.stdout)
    assert issues and {i["location"]["path"] for i in issues} == {"reply.txt"}


def test_review_of_text_it_cannot_read_is_a_report_too(tmp_path: Path) -> None:
    (tmp_path / "reply.txt").write_bytes(b"caf\xe9 is closed\n")
    result = _run("review", "reply.txt", "--format", "gitlab")
    assert result.exit_code == 2
    assert [i["check_name"] for i in _issues(result.stdout)] == ["SK000"]
