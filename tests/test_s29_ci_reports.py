"""CI reports: ``-o`` into a new folder, paths from the repository's root, options that cannot go
together, no stale text report, and the JSON report's documented shape."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from scriptkit.cli import main

COLD = ("id: cold\ntitle: Cold\nacknowledgment: We have received your request.\n"
        "solution: Please be advised that links expire after one hour. Kindly request a new link.\n")
REPLY = "We have received your request. Please be advised that links expire after one hour.\n"


def _run(*args: str) -> Result:
    result = CliRunner().invoke(main, list(args), env={"NO_COLOR": "1"})
    assert "Traceback" not in result.output, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


def _pack(where: Path, scripts: dict[str, str] | None = None) -> Path:
    (where / "scripts").mkdir(parents=True)
    (where / "pack.yaml").write_text("name: P\n", encoding="utf-8")
    for name, text in (scripts or {"cold.yaml": COLD}).items():
        (where / "scripts" / name).write_text(text, encoding="utf-8")
    return where


# ---------------------------------------------------------------- 1. -o into a folder not made yet

@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "github", "junit"])
def test_check_makes_the_reports_folder(tmp_path: Path, fmt: str) -> None:
    root = _pack(tmp_path / "pack")
    target = tmp_path / "reports" / "ci" / f"scriptkit.{fmt}"
    result = _run("check", str(root), "--format", fmt, "-o", str(target))
    assert result.exit_code == 1, result.output
    assert "SK" in target.read_text(encoding="utf-8")


def test_review_makes_the_reports_folder(tmp_path: Path) -> None:
    reply = tmp_path / "reply.txt"
    reply.write_text(REPLY, encoding="utf-8")
    target = tmp_path / "reports" / "review.json"
    result = _run("review", str(reply), "--format", "json", "-o", str(target))
    assert result.exit_code == 1, result.output
    assert json.loads(target.read_text(encoding="utf-8"))["diagnostics"]


def test_a_pack_that_cannot_be_read_is_still_reported_into_a_new_folder(tmp_path: Path) -> None:
    root = _pack(tmp_path / "pack", {"bad.yaml": "id: bad\ntitle: [\n"})
    target = tmp_path / "reports" / "scriptkit.sarif"
    result = _run("check", str(root), "--format", "sarif", "-o", str(target))
    assert result.exit_code == 2
    assert json.loads(target.read_text(encoding="utf-8"))["runs"][0]["results"][0]["ruleId"] == "SK000"


def test_a_file_where_the_folder_should_be_is_a_located_error(tmp_path: Path) -> None:
    root = _pack(tmp_path / "pack")
    (tmp_path / "reports").write_text("a file\n", encoding="utf-8")
    target = tmp_path / "reports" / "sub" / "r.json"
    result = _run("check", str(root), "--format", "json", "-o", str(target))
    assert result.exit_code == 2
    assert f"{target}:1:1: error: cannot write the report to {target}: {tmp_path / 'reports'} is a file, " \
           "not a folder" in result.output


@pytest.mark.skipif(os.name == "nt" or (hasattr(os, "geteuid") and os.geteuid() == 0),
                    reason="needs POSIX permissions, not root")
def test_a_folder_that_may_not_be_written_is_a_located_error(tmp_path: Path) -> None:
    root = _pack(tmp_path / "pack")
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        target = locked / "reports" / "r.json"
        result = _run("check", str(root), "--format", "json", "-o", str(target))
    finally:
        locked.chmod(0o700)
    assert result.exit_code == 2
    assert f"{target}:1:1: error: cannot write the report to {target}: Permission denied" in result.output
