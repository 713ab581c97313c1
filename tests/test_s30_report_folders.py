"""`audit --html reports/x.html` and `check --write-baseline baselines/b.json` create the folders, as
`check -o` does (a fresh CI checkout has none: the run was an exit 2 after the whole audit, or the
baseline was not recorded). A file where a folder would go is still refused, before the work."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from click.testing import CliRunner

from scriptkit.cli import main

WARM = """id: late
title: Late parcel
channels: [email]
acknowledgment: "I can see how worrying it is that your parcel is late."
warm_language: "Thanks so much for your patience with this."
flexibility:
  guidance: Check the tracking page first.
solution: "I've asked the courier to trace it, and I'll email you by Friday."
"""


def run(*args: str) -> Any:
    return CliRunner().invoke(main, list(args), env={"NO_COLOR": "1"})


def test_audit_html_creates_its_folders(make_pack: Any, tmp_path: Path) -> None:
    root = make_pack({"late.yaml": WARM})
    html = tmp_path / "reports" / "2026" / "audit.html"
    result = run("audit", str(root), "--grammar", "off", "--html", str(html))
    assert result.exit_code == 0, result.output
    assert html.is_file() and "<html" in html.read_text(encoding="utf-8").lower()


def test_audit_html_with_a_file_in_the_way_is_refused_first(make_pack: Any, tmp_path: Path) -> None:
    root = make_pack({"late.yaml": WARM})
    (tmp_path / "reports").write_text("not a folder", encoding="utf-8")
    result = run("audit", str(root), "--grammar", "off", "--html", str(tmp_path / "reports" / "audit.html"))
    assert result.exit_code == 2
    assert "reports is a file, not a folder" in result.output and "Traceback" not in result.output


def test_write_baseline_creates_its_folders(make_pack: Any, tmp_path: Path) -> None:
    root = make_pack({"late.yaml": WARM.replace("Thanks so much", "Please be advised. Thanks so much")})
    baseline = tmp_path / "baselines" / "scriptkit.json"
    result = run("check", str(root), "--grammar", "off", "--write-baseline", str(baseline))
    assert result.exit_code == 0, result.output
    assert json.loads(baseline.read_text(encoding="utf-8"))
    again = run("check", str(root), "--grammar", "off", "--baseline", str(baseline))
    assert again.exit_code == 0, again.output
