"""``review -`` in CI reports: no ``file=<stdin>`` annotation GitHub cannot place, no SARIF URI ``%3Cstdin%3E``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from scriptkit.cli import main

REPLY = "Please be advised that links expire after one hour. Kindly request a new link.\n"


def _run(*args: str, stdin: str | None = None) -> Result:
    result = CliRunner().invoke(main, list(args), env={"NO_COLOR": "1"}, input=stdin)
    assert "Traceback" not in result.output, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


@pytest.fixture(autouse=True)
def _workspace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GITHUB_WORKSPACE", str(tmp_path))
    monkeypatch.chdir(tmp_path)


def test_github_annotations_of_stdin_name_no_file() -> None:
    result = _run("review", "-", "--format", "github", stdin=REPLY)
    assert result.exit_code == 1
    annotations = [line for line in result.stdout.splitlines() if line.startswith("::")]
    assert annotations
    assert not any("file=" in a or "line=" in a for a in annotations), annotations
    assert all("title=SK" in a for a in annotations)
    assert all("::Line 1, column " in a for a in annotations)  # (where in the reply, said in the message)


def test_github_annotations_of_a_file_still_name_it(tmp_path: Path) -> None:
    (tmp_path / "reply.txt").write_text(REPLY, encoding="utf-8")
    result = _run("review", "reply.txt", "--format", "github")
    assert result.exit_code == 1
    annotations = [line for line in result.stdout.splitlines() if line.startswith("::")]
    assert annotations, result.stdout
    assert all("file=reply.txt,line=1," in a for a in annotations), annotations


def test_sarif_of_stdin_has_no_stdin_uri() -> None:
    result = _run("review", "-", "--format", "sarif", stdin=REPLY)
    assert result.exit_code == 1
    assert "%3Cstdin%3E" not in result.stdout and "<stdin>" not in result.stdout
    results = json.loads(result.stdout)["runs"][0]["results"]
    assert results
    for r in results:  # (no file to point at: no physical location, as SARIF says of a result without one)
        assert "locations" not in r and "fixes" not in r
        assert r["message"]["text"].startswith("Line ")
