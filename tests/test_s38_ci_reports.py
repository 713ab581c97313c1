"""CI reports and adoption, as a support team's pipeline uses them (session 38): every JUnit suite and case has a
``time`` (dorny/test-reporter showed each suite's duration as "NaNms" without one); a script file moved or renamed
with its id kept keeps its baseline entries."""

from __future__ import annotations

import json
import math
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner

from scriptkit.cli import main

COLD = ("id: {id}\ntitle: Cold\nacknowledgment: We have received your request.\n"
        "solution: Please be advised that links expire after one hour. Kindly request a new link.\n")


def _pack(root: Path, scripts: dict[str, str]) -> Path:
    (root / "scripts").mkdir(parents=True)
    (root / "pack.yaml").write_text("name: P\n", encoding="utf-8")
    for name, text in scripts.items():
        path = root / "scripts" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def _check(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["check", *args], env={"NO_COLOR": "1"})
    return result.exit_code, result.stdout, result.stderr


def _times(report: ET.Element) -> list[str | None]:
    return [e.get("time") for e in (report, *report.iter("testsuite"), *report.iter("testcase"))]


@pytest.mark.parametrize("several", [False, True])
def test_junit_every_suite_and_case_has_a_time(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                               several: bool) -> None:
    monkeypatch.chdir(tmp_path)
    _pack(tmp_path / "packs" / "a", {"cold.yaml": COLD.format(id="cold")})
    if several:
        _pack(tmp_path / "packs" / "b", {"cold.yaml": COLD.format(id="cold")})
    code, out, _ = _check("packs" if several else "packs/a", "--format", "junit")
    assert code == 1
    report = ET.fromstring(out)
    assert len(list(report.iter("testcase"))) > 2
    times = _times(report)
    assert all(t is not None and math.isfinite(float(t)) for t in times), times


def test_junit_of_a_pack_that_cannot_be_read_has_times_too(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    _pack(tmp_path / "pack", {"cold.yaml": COLD.format(id="cold"), "broken.yaml": 'id: broken\ntitle: "x\n'})
    code, out, _ = _check("pack", "--format", "junit")
    assert code == 2
    report = ET.fromstring(out)
    assert any(f.get("type") == "error" for f in report.iter("failure"))
    assert all(t is not None and math.isfinite(float(t)) for t in _times(report))


def test_a_script_moved_or_renamed_with_its_id_keeps_its_baseline_entries(tmp_path: Path,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    pack = _pack(tmp_path / "pack", {"cold.yaml": COLD.format(id="cold"), "other.yaml": COLD.format(id="other")})
    code, _, _ = _check("pack", "--write-baseline", "baseline.json")
    assert code == 0
    (pack / "scripts" / "billing").mkdir()
    (pack / "scripts" / "cold.yaml").rename(pack / "scripts" / "billing" / "refund-cold.yaml")
    code, out, err = _check("pack", "--baseline", "baseline.json", "--format", "json")
    assert code == 0, out
    assert json.loads(out)["diagnostics"] == []
    assert "gone" not in err, err
    # a new stock phrase in the moved script is new, and said at its new file
    moved = pack / "scripts" / "billing" / "refund-cold.yaml"
    moved.write_text(moved.read_text(encoding="utf-8").replace("request.", "request. Please do not hesitate to "
                                                                         "contact us."), encoding="utf-8")
    code, out, _ = _check("pack", "--baseline", "baseline.json", "--format", "json")
    new = json.loads(out)["diagnostics"]
    assert code == 1 and "Please do not hesitate to contact us" in [d["text"] for d in new], new
    assert all(d["file"].endswith("billing/refund-cold.yaml") for d in new), new
    assert "Kindly" not in [d["text"] for d in new]


def test_a_script_given_a_new_id_in_a_new_file_is_new(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """What tells a moved script is its id: a script whose id changed with its file is another script."""
    monkeypatch.chdir(tmp_path)
    pack = _pack(tmp_path / "pack", {"cold.yaml": COLD.format(id="cold")})
    assert _check("pack", "--write-baseline", "baseline.json")[0] == 0
    (pack / "scripts" / "cold.yaml").unlink()
    (pack / "scripts" / "chilly.yaml").write_text(COLD.format(id="chilly"), encoding="utf-8")
    code, out, err = _check("pack", "--baseline", "baseline.json", "--format", "json")
    assert code == 1 and json.loads(out)["diagnostics"], out
    assert "gone" in err
