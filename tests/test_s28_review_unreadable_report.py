"""review, like check, writes its report in the chosen format when the text cannot be read (exit 2): a CI step that
uploads the SARIF or JUnit file found none."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from scriptkit.cli import main


@pytest.mark.parametrize("make", [lambda p: p.write_bytes(b"\x00\x01binary"), lambda p: p.write_text("  \n"),
                                  lambda p: None], ids=["binary", "empty", "missing"])
def test_an_unreadable_text_is_a_load_error_in_the_report(tmp_path: Path, make: object) -> None:
    source = tmp_path / "reply.txt"
    make(source)  # type: ignore[operator]
    out = tmp_path / "report.json"
    result = CliRunner().invoke(main, ["review", str(source), "--format", "json", "-o", str(out)])
    assert result.exit_code == 2
    [found] = json.loads(out.read_text(encoding="utf-8"))["diagnostics"]
    assert found["code"] == "SK000" and found["severity"] == "error"
