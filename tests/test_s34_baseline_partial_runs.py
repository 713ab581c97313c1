"""A baseline used by a run that checks part of the pack (one script, some rules, some channels): the entries
outside the run were "gone", and rewriting it as advised dropped them, so the next full run failed on them."""

from __future__ import annotations

import json
import re
from pathlib import Path

from click.testing import CliRunner

from scriptkit.cli import main

COLD = """id: {id}
title: Cold {id}
channels: [email, chat]
acknowledgment: "We have received your request."
solution: "Please be advised that we cannot refund it. Kindly wait, and do not contact us again."
"""
EMAIL_ONLY = """id: mail
title: Mail only
acknowledgment: "We have received your request."
solution: "Please be advised that we cannot refund it. Kindly wait."
"""


def _run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["check", *args, "--grammar", "off"], env={"NO_COLOR": "1"})
    return result.exit_code, result.stdout, result.stderr


def _entries(baseline: Path) -> int:
    return sum(row.get("count", 1) for row in json.loads(baseline.read_text(encoding="utf-8"))["findings"])


def _pack(make_pack) -> Path:  # type: ignore[no-untyped-def]
    return make_pack({"a.yaml": COLD.format(id="a"), "b.yaml": COLD.format(id="b"), "mail.yaml": EMAIL_ONLY})


def test_a_partial_run_says_the_rest_was_not_checked(make_pack, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    pack, baseline = _pack(make_pack), tmp_path / "baseline.json"
    assert _run(str(pack), "--write-baseline", str(baseline))[0] == 0
    for partial in ([str(pack / "scripts" / "a.yaml")], [str(pack), "--select", "SK203"],
                    [str(pack), "--channel", "chat"]):
        code, _, err = _run(*partial, "--baseline", str(baseline))
        assert code == 0, err
        assert "gone" not in err and "not checked" in err, (partial, err)


def test_a_fixed_finding_in_the_checked_part_is_still_gone(make_pack, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    pack, baseline = _pack(make_pack), tmp_path / "baseline.json"
    _run(str(pack), "--write-baseline", str(baseline))
    script = pack / "scripts" / "a.yaml"
    script.write_text(script.read_text(encoding="utf-8").replace("Kindly wait", "Please wait"), encoding="utf-8")
    others = sum(row.get("count", 1) for row in json.loads(baseline.read_text(encoding="utf-8"))["findings"]
                 if row["script"] != "a")
    _, _, err = _run(str(script), "--baseline", str(baseline))
    assert re.search(r"; [1-9]\d* of its finding\(s\) are gone", err), err
    assert f"; {others} of its finding(s) were not checked" in err, err


def test_rewriting_from_a_partial_run_keeps_what_it_did_not_check(make_pack, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    pack, baseline = _pack(make_pack), tmp_path / "baseline.json"
    _run(str(pack), "--write-baseline", str(baseline))
    whole = _entries(baseline)
    for partial in ([str(pack / "scripts" / "a.yaml")], [str(pack), "--select", "SK203"],
                    [str(pack), "--channel", "chat"]):
        code, _, err = _run(*partial, "--write-baseline", str(baseline))
        assert code == 0 and "kept" in err, (partial, err)
        assert _entries(baseline) == whole, partial
        code, out, err = _run(str(pack), "--baseline", str(baseline))
        assert code == 0 and "gone" not in err, (partial, out, err)
