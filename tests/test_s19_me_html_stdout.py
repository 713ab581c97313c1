"""audit --html /dev/stdout in a pipeline writes the page into the pipe (it resolved the path itself
and failed 'No such file or directory'), and a long one-line reply's findings are located and fixed
without copying the reply for each (hang guard only)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import scriptkit


@pytest.mark.skipif(not Path("/dev/stdout").exists(), reason="no /dev/stdout on this system")
def test_audit_html_to_dev_stdout_in_a_pipeline(tmp_path: Path) -> None:
    cli = [str(Path(sys.executable).with_name("scriptkit"))]
    subprocess.run([*cli, "init", str(tmp_path / "pk")], check=True, capture_output=True)
    done = subprocess.run(f"{' '.join(cli)} audit {tmp_path / 'pk'} --html /dev/stdout | cat",
                          shell=True, capture_output=True, text=True, encoding="utf-8")
    assert done.returncode == 0, done.stderr
    assert "<html" in done.stdout and "No such file" not in done.stderr


@pytest.mark.timeout(60)
def test_a_long_one_line_reply_is_judged() -> None:
    result = scriptkit.lint_text("Kindly note we apologize for the inconvenience. " * 3000)
    assert sum(d.code == "SK201" for d in result.diagnostics) >= 3000
