"""JUnit: a test case's class name has no extension and no dot but its folders' (Jenkins splits a class name at
its last dot: every script was the class "yaml"), and the case names its file (GitLab shows it)."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner

from scriptkit.cli import main

COLD = ("id: cold\ntitle: Cold\nacknowledgment: We have received your request.\n"
        "solution: Please be advised that links expire after one hour. Kindly request a new link.\n")


def test_junit_classname_has_no_extension_and_testcase_names_its_file(tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GITHUB_WORKSPACE", str(tmp_path))
    root = tmp_path / "support" / "pack.v2"
    (root / "scripts").mkdir(parents=True)
    (root / "pack.yaml").write_text("name: P\n", encoding="utf-8")
    (root / "scripts" / "cold.yaml").write_text(COLD, encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(root), "--format", "junit"], env={"NO_COLOR": "1"})
    assert result.exit_code == 1, result.output
    report = ET.fromstring(result.stdout)
    cases = list(report.iter("testcase"))
    assert cases
    by_file = {c.get("file"): c.get("classname") for c in cases}
    assert by_file == {"support/pack.v2/scripts/cold.yaml": "support.pack_v2.scripts.cold"}, by_file
    suite = next(s for s in report.iter("testsuite") if s.get("name") == "support/pack.v2/scripts/cold.yaml")
    assert int(suite.get("tests", "0")) == len(suite.findall("testcase"))
