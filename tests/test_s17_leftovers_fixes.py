"""Python API: ``lint_pack(...).fixes`` lists what ``check --fix`` applies, not a fix it refuses for a reused anchor."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from click.testing import CliRunner

from scriptkit import lint_pack, load_pack
from scriptkit.cli import main

ALIASED = """id: late
title: Orders::Late
channels: [email, sms]
acknowledgment: I can see how much the late delivery has upset your plans.
solution: &ship We will reship the order today, and we are unable to refund before Monday.
by_channel:
  sms:
    solution: *ship
"""
MERGED = """id: moved
title: Orders::Moved
channels: [email, chat]
acknowledgment: I can see how much the move has upset your plans.
solution: I'll change the address today.
by_channel:
  email: &mail
    solution: We will change the address today, and we are unable to refund the fee.
  chat:
    <<: *mail
"""
PLAIN = """id: plain
title: Orders::Plain
channels: [email]
acknowledgment: I can see how much the wait has upset your plans.
solution: We will reship the order today, and it is no trouble at all.
"""


def _check_json(root: Path) -> dict[str, Any]:
    run = CliRunner().invoke(main, ["check", str(root), "--format", "json"])
    assert run.exit_code in (0, 1), run.output
    data: dict[str, Any] = json.loads(run.stdout)
    return data


def test_fixes_leave_out_an_anchor_an_alias_or_a_merge_key_reuses(make_pack: Any) -> None:
    root = make_pack({"late.yaml": ALIASED, "moved.yaml": MERGED, "plain.yaml": PLAIN})
    result = lint_pack(load_pack(root))
    files = {e.file for f in result.fixes for e in f.edits}
    assert result.fixes and files == {str(root / "scripts" / "plain.yaml")}  # (its fixes --fix makes)
    refused = [d.fix for d in result.diagnostics
               if d.fix is not None and Path(d.location.file).name in ("late.yaml", "moved.yaml")]
    assert refused and not any(f.safe for f in refused)  # (still shown, to make by hand)
    assert {"(&ship)" in f.description or "(&mail)" in f.description for f in refused} == {True}
    assert len(result.fixes) == _check_json(root)["summary"]["fixable"]  # (the CLI's count)


def test_fixes_are_what_fix_applies(make_pack: Any) -> None:
    root = make_pack({"late.yaml": ALIASED, "moved.yaml": MERGED, "plain.yaml": PLAIN})
    before = {p.name: p.read_text(encoding="utf-8") for p in (root / "scripts").glob("*.yaml")}
    offered = {(e.start, e.end, e.replacement) for f in lint_pack(load_pack(root)).fixes for e in f.edits}
    run = CliRunner().invoke(main, ["check", str(root), "--fix"])
    assert "anchor (&ship) that another place reuses (*ship)" in run.stderr  # (--fix still says why)
    assert "anchor (&mail) that another place reuses (*mail)" in run.stderr
    after = {p.name: p.read_text(encoding="utf-8") for p in (root / "scripts").glob("*.yaml")}
    assert after["late.yaml"] == before["late.yaml"] and after["moved.yaml"] == before["moved.yaml"]
    assert after["plain.yaml"] != before["plain.yaml"]
    assert f"Fixed {len(offered)} problem" in run.stderr


def test_diff_names_the_refused_anchor_too(make_pack: Any) -> None:
    root = make_pack({"late.yaml": ALIASED})
    run = CliRunner().invoke(main, ["check", str(root), "--diff"])
    assert "fix not applied: the text has an anchor (&ship) that another place reuses (*ship)" in run.stderr
    assert not lint_pack(load_pack(root)).fixes
