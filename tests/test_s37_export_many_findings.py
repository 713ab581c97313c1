"""A successful export of a big pack printed every warning (300 scripts: 18,000 lines before "Wrote ..."): from
as many findings as make check point at --statistics, it counts them by rule, as ``check --statistics`` does,
and says how to list each one (--all-findings)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from scriptkit.cli import check as check_command
from scriptkit.cli import main
from scriptkit.exporting import export, said_once_across_targets
from tests.test_s36_export_flood import _pack

COLD = """id: {id}
title: 'Orders::Item {n}'
channels: [email]
acknowledgment: Per our policy, we apologize for any inconvenience caused.
solution: Please be advised that your request has been processed and will be reviewed.
"""


def _cold_pack(root: Path, count: int) -> Path:
    (root / "scripts").mkdir(parents=True)
    (root / "pack.yaml").write_text("name: Cold\nversion: 1.0.0\n", encoding="utf-8")
    for n in range(count):
        (root / "scripts" / f"s{n:03d}.yaml").write_text(COLD.format(id=f"s{n:03d}", n=n), encoding="utf-8")
    return root


def _export(pack: Path, out: Path, *more: str) -> str:
    result = CliRunner().invoke(main, ["export", str(pack), "--to", "freshdesk", "-o", str(out), *more])
    assert result.exit_code == 0, result.output
    return result.output


def test_many_findings_are_counted_by_rule(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "200")
    monkeypatch.setattr(check_command, "STATISTICS_HINT_FROM", 20)
    pack = _cold_pack(tmp_path / "pack", 12)
    told = said_once_across_targets(export(pack, ["freshdesk"], tmp_path / "api").diagnostics)
    assert len(told) >= 20
    out = _export(pack, tmp_path / "out")
    assert " warning " not in out, out  # (none listed one by one)
    for code in {d.code for d in told}:
        n = sum(d.code == code for d in told)
        name = next(d.name for d in told if d.code == code)
        # (the very lines check --statistics prints)
        assert re.search(rf"^ +{n:,}  {code}  {name}\b", out, re.MULTILINE), (code, out)
    assert f"Found {len(told)} problems" in out
    assert "--all-findings" in out and f"scriptkit check {pack}" in out
    assert len(out.splitlines()) < 40, out
    # asked for, every one is listed
    every = _export(pack, tmp_path / "out2", "--all-findings")
    assert every.count(" warning ") == sum(d.severity.value == "warning" for d in told), every


def test_a_few_findings_are_still_listed_one_by_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    pack = _pack(tmp_path / "pack", ["Billing::Refund"])
    out = _export(pack, tmp_path / "out")
    assert " warning " in out and "--all-findings" not in out, out
