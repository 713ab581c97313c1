"""``review - --format gitlab``: GitLab requires every issue's ``location.path``, and standard input has no file in
the repository. The path stays ``<stdin>`` (what the reader sees beside the issue: where the text came from), and
as GitLab cannot open it at the line, the description says the line and column (as the github and sarif formats
do for standard input); a file reviewed keeps its path, its description unchanged."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from scriptkit.cli import main

REPLY = "Thanks for writing in.\nPlease be advised that the link expires soon. Kindly request another one.\n"


def _run(*args: str, stdin: str | None = None) -> Result:
    result = CliRunner().invoke(main, list(args), env={"NO_COLOR": "1"}, input=stdin)
    assert "Traceback" not in result.output, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


@pytest.fixture(autouse=True)
def _workspace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CI_PROJECT_DIR", str(tmp_path))
    monkeypatch.chdir(tmp_path)


def test_a_gitlab_issue_of_stdin_says_its_line_and_column_in_the_description() -> None:
    result = _run("review", "-", "--format", "gitlab", stdin=REPLY)
    assert result.exit_code == 1, result.output
    issues = json.loads(result.stdout)
    assert issues
    for issue in issues:
        line = issue["location"]["lines"]["begin"]
        assert issue["location"]["path"] == "<stdin>"
        assert issue["description"].startswith(f"{issue['check_name']} ["), issue
        assert f"] Line {line}, column " in issue["description"], issue
    assert any(issue["location"]["lines"]["begin"] == 2 for issue in issues), issues


def test_a_gitlab_issue_of_a_file_is_placed_by_its_path(tmp_path: Path) -> None:
    (tmp_path / "reply.txt").write_text(REPLY, encoding="utf-8")
    issues = json.loads(_run("review", "reply.txt", "--format", "gitlab").stdout)
    assert issues
    assert all(issue["location"]["path"] == "reply.txt" for issue in issues), issues
    assert not any("] Line " in issue["description"] for issue in issues), issues
