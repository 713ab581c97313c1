"""``check``: a fix ``--fix`` will refuse is not counted as fixable, and its refusal says why."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from click.testing import CliRunner

from scriptkit.cli import main

ANCHORED = """id: a
title: Tests::A
channels: [email, sms]
acknowledgment: I can see how frustrating the wait has been.
solution: &sol I will ship it today, and we are unable to refund before Friday.
by_channel:
  sms:
    solution: *sol
"""
LIST_ANCHORED = """id: b
title: Tests::B
channels: [email, sms]
acknowledgment: &a1
  - I can see how frustrating the wait has been.
  - I know the wait is stressful, and I am sorry; kindly bear with me.
solution: I'll ship it today, and I'll call you by Friday.
by_channel:
  sms:
    acknowledgment: *a1
"""


def run(*args: str) -> Any:
    return CliRunner().invoke(main, list(args))


def test_anchored_text_reused_elsewhere_is_not_counted_fixable(make_pack: Any) -> None:
    root = make_pack({"a.yaml": ANCHORED})
    before = (root / "scripts" / "a.yaml").read_text(encoding="utf-8")
    for _ in range(2):  # (before and after a --fix, which refuses each of them)
        result = run("check", str(root))
        assert "fixable with --fix" not in result.stdout, result.stdout
        assert "fixable" not in result.stdout
        report = json.loads(run("check", str(root), "--format", "json").stdout)
        assert report["summary"]["fixable"] == 0
        fixes = [d["fix"] for d in report["diagnostics"] if d["fix"]]
        assert fixes and not any(f["safe"] for f in fixes)  # (shown, to make by hand, but not as --fix's)
        assert all("anchor (&sol)" in f["description"] for f in fixes)
        fixed = run("check", str(root), "--fix")
        assert "anchor (&sol) that another place reuses (*sol)" in fixed.stderr
        assert "Fixed" not in fixed.stderr
    assert (root / "scripts" / "a.yaml").read_text(encoding="utf-8") == before


def test_a_list_with_an_anchor_is_refused_for_its_anchor(make_pack: Any) -> None:
    root = make_pack({"b.yaml": LIST_ANCHORED})
    fixed = run("check", str(root), "--fix", "--select", "SK201")
    assert "fix not applied: the text has an anchor (&a1) that another place reuses (*a1)" in fixed.stderr
    assert "quoting or escaping" not in fixed.stderr
    report = json.loads(run("check", str(root), "--select", "SK201", "--format", "json").stdout)
    assert report["summary"]["fixable"] == 0


def test_a_fix_that_will_be_made_is_still_counted(make_pack: Any, tmp_path: Path) -> None:
    root = make_pack({"a.yaml": ANCHORED.replace("    solution: *sol\n", "    solution: Shipping today.\n")})
    report = json.loads(run("check", str(root), "--format", "json").stdout)
    # (SK203's "I will" and SK201's "we are unable to"; not SK203's "we are" inside that phrase, which SK201 rewrites)
    assert report["summary"]["fixable"] == 2
    assert "2 fixable with --fix" in run("check", str(root)).stdout


def test_sarif_offers_no_fix_that_fix_would_refuse(make_pack: Any) -> None:
    root = make_pack({"a.yaml": ANCHORED})
    sarif = json.loads(run("check", str(root), "--format", "sarif").stdout)
    results = sarif["runs"][0]["results"]
    assert any(r["ruleId"] == "SK201" for r in results)
    assert not any("fixes" in r for r in results)


MERGED = """id: c
title: Tests::C
channels: [email, chat]
acknowledgment: I can see how frustrating the wait has been.
solution: I'll ship it today.
by_channel:
  email: &em
    solution: I will ship it today, and we are unable to refund before Friday.
  chat:
    <<: *em
"""


def test_a_mapping_reused_through_a_merge_key_is_an_anchor_reused(make_pack: Any) -> None:
    # (it was counted fixable, then refused as needing quoting)
    root = make_pack({"c.yaml": MERGED})
    assert "fixable with --fix" not in run("check", str(root)).stdout
    fixed = run("check", str(root), "--fix")
    assert "the text has an anchor (&em) that another place reuses (*em)" in fixed.output, fixed.output
