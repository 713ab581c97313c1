"""check --write-baseline / --baseline: accept today's findings, report (and fail on) new ones only."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from scriptkit.cli import main

COLD = """id: {id}
title: {title}
acknowledgment: "We regret any inconvenience caused."
solution: "Please be advised that your request is being processed."
"""
WARM = """id: warm
title: Warm
acknowledgment: "I can see how frustrating the late parcel is, and I'm sorry."
flexibility: "If they need it sooner, offer express delivery."
solution: "I've asked the courier to trace it today, and I'll email you by Friday."
"""


@pytest.fixture
def pack(make_pack) -> Path:  # type: ignore[no-untyped-def]
    return make_pack({"old-a.yaml": COLD.format(id="old-a", title="Old A"),
                      "old-b.yaml": COLD.format(id="old-b", title="Old B").replace("processed", "handled"),
                      "warm.yaml": WARM})


def _check(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["check", *args], env={"NO_COLOR": "1", "COLUMNS": "200"})
    return result.exit_code, result.stdout, result.stderr


def test_a_baseline_hides_what_it_recorded_and_reports_what_is_new(pack: Path, tmp_path: Path) -> None:
    baseline = tmp_path / "baseline.json"
    code, _, err = _check(str(pack), "--write-baseline", str(baseline))
    assert code == 0 and "Recorded" in err and "--baseline" in err
    recorded = json.loads(baseline.read_text(encoding="utf-8"))["findings"]
    assert {"scripts/old-a.yaml", "scripts/old-b.yaml"} <= {row["file"] for row in recorded}
    code, out, err = _check(str(pack), "--baseline", str(baseline))
    assert code == 0 and "All clear" in out
    assert f"{sum(row.get('count', 1) for row in recorded)} finding(s) in the baseline not shown." in err
    # a new corporate phrase in the warm script is new; the old ones stay hidden, even when an edit
    # above them moves their lines
    warm = pack / "scripts" / "warm.yaml"
    warm.write_text(WARM.replace("I've asked", "Please be advised that I've asked"), encoding="utf-8")
    old_a = pack / "scripts" / "old-a.yaml"
    old_a.write_text("# kept as it was for now\n\n" + old_a.read_text(encoding="utf-8"), encoding="utf-8")
    code, out, _ = _check(str(pack), "--baseline", str(baseline), "--format", "json")
    assert code == 1
    found = json.loads(out)["diagnostics"]
    assert ("SK201", "warm.yaml") in {(d["code"], Path(d["file"]).name) for d in found}
    assert {Path(d["file"]).name for d in found} == {"warm.yaml"}  # (its length finding counts words anew)


def test_a_second_copy_of_an_accepted_finding_is_new(pack: Path, tmp_path: Path) -> None:
    baseline = tmp_path / "baseline.json"
    _check(str(pack), "--write-baseline", str(baseline))
    old_b = pack / "scripts" / "old-b.yaml"
    old_b.write_text(old_b.read_text(encoding="utf-8").replace(
        '"We regret any inconvenience caused."', '"We regret any inconvenience caused. We regret any inconvenience '
        'caused."'), encoding="utf-8")
    code, out, err = _check(str(pack), "--baseline", str(baseline), "--format", "json")
    assert code == 1, err
    new = [d for d in json.loads(out)["diagnostics"] if d["code"] == "SK201"]
    assert len(new) == 1 and "regret" in new[0]["text"].lower()


def test_findings_gone_since_are_counted(pack: Path, tmp_path: Path) -> None:
    baseline = tmp_path / "baseline.json"
    _check(str(pack), "--write-baseline", str(baseline))
    (pack / "scripts" / "old-a.yaml").unlink()
    code, _, err = _check(str(pack), "--baseline", str(baseline))
    assert code == 0 and "are gone (rewrite it with --write-baseline to drop them)" in err


def test_the_baseline_holds_from_another_folder(pack: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    baseline = tmp_path / "baseline.json"
    _check(str(pack), "--write-baseline", str(baseline))
    monkeypatch.chdir(pack)
    code, out, _ = _check(".", "--baseline", str(baseline))
    assert code == 0 and "All clear" in out


@pytest.mark.parametrize(("content", "says", "line"), [
    ('{"scriptkit_baseline": 1, "findings": [\n  {"code": "SK201",\n}', "not valid JSON", 3),
    ('{"findings": []}', "not a scriptkit baseline", 1),
    ('{"scriptkit_baseline": 1, "findings": [{"code": 201}]}', "entry 1 is not a finding", 1),
    ('{"scriptkit_baseline": 1, "findings": [{"code": "SK201", "count": 0}]}', "entry 1 is not a finding", 1),
])
def test_a_broken_baseline_is_located_and_exits_2(pack: Path, tmp_path: Path, content: str, says: str,
                                                   line: int) -> None:
    baseline = tmp_path / "baseline.json"
    baseline.write_text(content, encoding="utf-8")
    code, _, err = _check(str(pack), "--baseline", str(baseline))
    assert code == 2 and says in err and f"baseline.json:{line}:" in err and "Traceback" not in err


def test_a_missing_baseline_says_how_to_make_one(pack: Path, tmp_path: Path) -> None:
    code, _, err = _check(str(pack), "--baseline", str(tmp_path / "nope.json"))
    assert code == 2 and "no such baseline file" in err and "--write-baseline" in err


def test_the_baseline_never_replaces_a_script(pack: Path) -> None:
    target = pack / "scripts" / "warm.yaml"
    before = target.read_text(encoding="utf-8")
    code, _, err = _check(str(pack), "--write-baseline", str(target))
    assert code == 2 and "is a file this run reads" in err
    assert target.read_text(encoding="utf-8") == before


def test_write_baseline_and_fix_do_not_mix(pack: Path, tmp_path: Path) -> None:
    code, _, err = _check(str(pack), "--fix", "--write-baseline", str(tmp_path / "b.json"))
    assert code == 2 and "run --fix first" in err
