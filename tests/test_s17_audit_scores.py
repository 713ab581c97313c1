"""The audit's scores mean what a support lead reads into them: a practice the reply lacks scores 0 (not a
flaw's 70), a reply that refuses with policy language has no solution to praise, and a placeholder that did not
map ("[Client Name]" in a CSV) is a defect the customer would see, not room for the agent: the macro's overall is
held at 50, below the same reply without it. ``--fail-under`` and ``--near`` refuse what is not a number in range."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from scriptkit.audit import CAP, audit, score
from scriptkit.cli import main
from scriptkit.diagnostics import Diagnostic, Location, Severity

REPLY = ("I can see how annoying it is to find the same order charged to your card twice, and I'm so sorry. I've "
         "reversed the second charge this morning, so it will be back on your card within 3 working days. If it "
         "hasn't shown up by Thursday, reply here and I'll follow it up with the bank for you.")
BROKEN = "Hello [Client Name], " + REPLY
PLAIN = "Hello there, " + REPLY
FILL_IN = ("Hello there, I can see how annoying the wait has been, and I'm so sorry. The parcel was held up because "
           "[reason for the hold-up]; I've booked a new delivery for tomorrow, and I'll email you the tracking link "
           "today.")
BARE = "Noted."
REFUSAL = ("Dear customer, we regret to inform you that your claim has been declined. As per our policy, no "
           "compensation is available. This decision is final and we will not be responding to any further "
           "messages about it.")


def _library(tmp_path: Path, rows: list[tuple[str, str]]) -> Path:
    path = tmp_path / "macros.csv"
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["title", "body"])
        writer.writerows(rows)
    return path


@pytest.fixture
def library(tmp_path: Path) -> Path:
    return _library(tmp_path, [("Broken", BROKEN), ("Plain", PLAIN), ("Fill-in", FILL_IN), ("Bare", BARE),
                               ("Refusal", REFUSAL)])


def test_a_placeholder_that_did_not_map_is_a_defect_not_room(library: Path) -> None:
    report = audit(library)
    by = {m.title: m for m in report.macros}
    broken, plain = by["Broken"], by["Plain"]
    assert broken.overall < plain.overall
    assert broken.overall == CAP and broken.capped and broken.mean > CAP
    assert broken.scores["flexibility"] == 0.0  # (its blank is no room for the agent)
    assert broken.flexibility_note and "[Client Name]" in broken.flexibility_note
    assert [(u.text, u.placeholder) for u in broken.unmapped] == [("[Client Name]", "customer.first_name")]
    assert report.unmapped == [("broken", broken.unmapped[0])]
    # a fill-in for what only the agent knows is room: flexibility, no cap
    fill_in = by["Fill-in"]
    assert not fill_in.unmapped and not fill_in.capped and (fill_in.scores["flexibility"] or 0) > 0
    data = report.to_dict()
    entry = next(m for m in data["macros"] if m["title"] == "Broken")
    [said] = entry["unmapped_placeholders"]
    assert entry["capped"] is True and {k: said[k] for k in ("text", "blank", "placeholder", "sent")} == {
        "text": "[Client Name]", "blank": "client_name", "placeholder": "customer.first_name", "sent": "as written"}
    assert said["placeholder_as_written"] is None  # (a sheet has no helpdesk's spelling of it)
    assert data["summary"]["unmapped_placeholders"] == 1 and data["scoring"]["cap"] == CAP


def test_an_empty_or_cold_reply_scores_below_a_good_one(library: Path) -> None:
    by = {m.title: m for m in audit(library).macros}
    bare, refusal, plain = by["Bare"], by["Refusal"], by["Plain"]
    # "Noted." has no acknowledgment, warm line, room or solution: each of them is 0, not 70 or 50 (a finished
    # sentence, however short, is a reply, not a fragment: it may be all the customer gets)
    assert [bare.scores[p] for p in ("acknowledgment", "warm_language", "flexibility", "solution")] == [0.0] * 4
    assert bare.fragment is None and bare.overall < 30
    # a refusal behind policy has no solution to praise, whatever its words of action
    assert (refusal.scores["solution"] or 0) < 70, refusal.scores
    assert refusal.overall < 40
    assert plain.overall >= 80 > max(bare.overall, refusal.overall, by["Broken"].overall)


def test_a_reply_with_no_solution_is_held_at_the_cap(tmp_path: Path) -> None:
    # an apology alone, however warm, and with a fill-in for the agent: sympathy, not a reply
    sorry = "I'm really sorry to hear that your {gadget} stopped working, that must be so frustrating."
    [macro] = audit(_library(tmp_path, [("Sorry only", sorry)])).macros
    assert "missing-solution" in {d.name for d in macro.diagnostics}
    assert macro.mean > CAP and macro.overall == CAP and macro.capped
    assert macro.held_because == "it has no solution: nothing says what happens next (missing-solution)"


def test_the_imported_pack_scores_as_the_export_does(library: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    imported = runner.invoke(main, ["import", str(library), "-o", str(tmp_path / "pack")])
    assert imported.exit_code == 0, imported.output
    direct = {m.title: (m.overall, m.scores, [u.text for u in m.unmapped]) for m in audit(library).macros}
    pack = {m.title: (m.overall, m.scores, [u.text for u in m.unmapped]) for m in audit(tmp_path / "pack").macros}
    assert pack == direct


def test_the_text_report_says_why_a_macro_is_held_at_the_cap(library: Path) -> None:
    result = CliRunner().invoke(main, ["audit", str(library)], env={"NO_COLOR": "1", "COLUMNS": "250"})
    assert result.exit_code == 0, result.output
    assert "overall capped at 50 (it would score 80) because it would send '[Client Name]' as written" in result.output
    assert "Placeholders that did not map: 1" in result.output
    assert "Broken: [Client Name]: use {{ customer.first_name }} (the helpdesk fills it)" in result.output


def test_a_missing_practice_scores_zero() -> None:
    def diag(name: str, severity: Severity = Severity.WARNING) -> Diagnostic:
        return Diagnostic("SK301", name, "m", severity, Location("f", 1, 1))

    assert score([diag("missing-acknowledgment")]) == 0.0
    assert score([diag("vague-acknowledgment")]) == 70.0  # (a flaw still costs its share)
    assert score([diag("missing-acknowledgment", Severity.SUGGESTION)]) == 0.0


@pytest.mark.parametrize("bad", ["nan", "NaN", "inf", "-inf", "-1", "101", "1e309", "abc", ""])
def test_fail_under_refuses_what_is_not_a_score(library: Path, bad: str) -> None:
    result = CliRunner().invoke(main, ["audit", str(library), "--fail-under", bad])
    assert result.exit_code == 2, result.output
    assert "Invalid value for '--fail-under'" in result.output and "from 0 to 100" in result.output
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_near_refuses_nan_and_an_in_range_bar_still_gates(library: Path) -> None:
    result = CliRunner().invoke(main, ["audit", str(library), "--near", "nan"])
    assert result.exit_code == 2 and "Invalid value for '--near'" in result.output
    overall = json.loads(CliRunner().invoke(main, ["audit", str(library), "--format", "json"]).stdout)["summary"][
        "overall"]
    assert CliRunner().invoke(main, ["audit", str(library), "--fail-under", "0"]).exit_code == 0
    assert CliRunner().invoke(main, ["audit", str(library), "--fail-under", f"{overall + 1}"]).exit_code == 1
