"""A baseline after the team edits an accepted script: fixing one phrase does not make the slot's other
accepted findings new because their quoted text or numbers moved with the edit."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

from scriptkit.baseline import apply_baseline, key_of
from scriptkit.cli import main
from scriptkit.diagnostics import Diagnostic, Location, Severity

SCRIPT = """id: billing
title: Billing
acknowledgment: "Thanks for getting in touch about the charge."
solution: "Please be advised that I am looking into your invoice with the billing team."
"""


@pytest.fixture
def pack(make_pack) -> Path:  # type: ignore[no-untyped-def]
    return make_pack({"billing.yaml": SCRIPT})


def _check(*args: str) -> tuple[int, list[dict[str, str]], str]:
    result = CliRunner().invoke(main, ["check", *args, "--format", "json"], env={"NO_COLOR": "1"})
    return result.exit_code, json.loads(result.stdout)["diagnostics"], result.stderr


def _record(pack: Path, baseline: Path) -> list[str]:
    """Write the baseline of ``pack``; the codes it recorded."""
    result = CliRunner().invoke(main, ["check", str(pack), "--write-baseline", str(baseline)])
    assert result.exit_code == 0, result.output
    return [row["code"] for row in json.loads(baseline.read_text(encoding="utf-8"))["findings"]]


def test_fixing_a_phrase_leaves_the_slots_other_accepted_findings_hidden(pack: Path, tmp_path: Path) -> None:
    """Cutting 'Please be advised that' changed the solution that SK402 and SK404 quote and the word
    count SK105 gives ('email is 23 words'): they came back as new, and the gate failed after a fix."""
    baseline = tmp_path / "baseline.json"
    assert {"SK201", "SK402", "SK404"} <= set(_record(pack, baseline))  # (SK105 reports no short email by default)
    script = pack / "scripts" / "billing.yaml"
    script.write_text(SCRIPT.replace("Please be advised that ", ""), encoding="utf-8")
    code, after, err = _check(str(pack), "--baseline", str(baseline))
    assert [d["code"] for d in after] == [], after
    assert code == 0 and "1 of its finding(s) are gone" in err


def test_a_new_phrase_in_an_edited_slot_is_still_new(pack: Path, tmp_path: Path) -> None:
    baseline = tmp_path / "baseline.json"
    _record(pack, baseline)
    script = pack / "scripts" / "billing.yaml"
    script.write_text(SCRIPT.replace("Please be advised that", "Kindly note that"), encoding="utf-8")
    code, after, _ = _check(str(pack), "--baseline", str(baseline))
    new = [(d["code"], d["text"]) for d in after]
    assert code == 1 and ("SK201", "Kindly note that") in new
    assert not {"SK402", "SK404", "SK105"} & {code for code, _ in new}


def _finding(message: str, text: str, slot: str = "solution") -> Diagnostic:
    return Diagnostic("SK105", "email-length", message, Severity.SUGGESTION, Location("/p/scripts/a.yaml", 4, 1),
                      slot=slot, text=text, script_id="a")


def test_an_edited_finding_takes_the_place_of_one_accepted_finding_only() -> None:
    accepted = _finding("email is 26 words; 50-125 usually reads best", "old text")
    counts = Counter({key_of(accepted, Path("/p")): 1})
    edited = [_finding("email is 31 words; 50-125 usually reads best", "new text"),
              _finding("email is 31 words; 50-125 usually reads best", "new text, twice")]
    kept, applied = apply_baseline(edited, counts, Path("/p"))
    assert kept == [edited[1]] and (applied.hidden, applied.fixed) == (1, 0)
    elsewhere = [_finding("email is 31 words; 50-125 usually reads best", "new text", slot="acknowledgment")]
    kept, applied = apply_baseline(elsewhere, counts, Path("/p"))
    assert kept == elsewhere and applied.fixed == 1
