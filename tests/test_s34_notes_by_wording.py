"""A text that reads as a note for colleagues (the customer told of in the third person, "Client asked for a
callback", and no "you" anywhere) is an internal note by its wording: like one set so (``public: false``) it
is judged on its hygiene only (template, export and custom rules), and every report says how it was told. A
reply that speaks to the customer ("Dear Customer, ... you", "the customer's order" in a sentence to "you") is
still judged whole."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from scriptkit.audit import audit
from scriptkit.cli import main
from scriptkit.inference import reads_as_note
from scriptkit.linting import lint_pack, lint_text
from scriptkit.loading import load_pack
from scriptkit.rules.base import practice_of

REPLY_PRACTICES = {"warm_language", "acknowledgment", "solution", "readability"}

# notes for colleagues, in words of our own: a short hand-over, a field-by-field summary
NOTES = [
    "Client asked us to move the installation to next month. Can someone from scheduling look at it?",
    "**Problem:** Caller locked out after three wrong PINs.\n**Done so far:** Identity checked, reset link sent.\n"
    "**To do:** Confirm the account is reachable again.",
    "The customer disputes the late fee on invoice [INVOICE NUMBER]. Escalating to billing, thanks.",
]
# replies to the customer that name "customer" (a greeting, a possessive inside a sentence to "you") or say nothing
# warm: they must keep every finding of a reply
REPLIES = [
    "Dear Customer,\n\nThe item was dispatched on 3 May. Tracking is not available for this service.",
    "We checked the customer's order history and your second payment was never taken.",
    "Customers are asked to keep their receipt. The item cannot be returned without it.",
    "Your ticket has been received.",
    "Customer service has closed the case.",
    # (an apology is said to someone: a note tells colleagues what happened)
    "I'm so sorry about this. The customer will get a full refund today.",
]


def _judged_practices(text: str) -> set[str]:
    return {p for d in lint_text(text, grammar="off").diagnostics if (p := practice_of(d.code, d.name))}


@pytest.mark.parametrize("text", NOTES)
def test_a_note_by_its_wording_gets_no_reply_findings_and_is_named(text: str) -> None:
    result = lint_text(text, grammar="off")
    assert not _judged_practices(text) & REPLY_PRACTICES, [d.format() for d in result.diagnostics]
    assert len(result.internal_notes) == 1 and result.notes_by_wording == result.internal_notes


def test_a_notes_blank_is_left_to_the_agent() -> None:
    codes = {d.code for d in lint_text(NOTES[2], grammar="off").diagnostics}
    assert "SK407" not in codes  # (a flexibility rule, a reply's: a note's blank is the agent's, as one set so)
    # (the same marker in a reply to the customer is still one that would be sent as is)
    assert "SK407" in {d.code for d in lint_text("Your invoice [INVOICE NUMBER] is paid.", grammar="off").diagnostics}


@pytest.mark.parametrize("text", REPLIES)
def test_a_reply_that_names_the_customer_is_still_judged_as_a_reply(text: str) -> None:
    result = lint_text(text, grammar="off")
    assert not reads_as_note(result.messages[0])
    assert result.internal_notes == [] and result.notes_by_wording == []
    assert _judged_practices(text) & REPLY_PRACTICES


def test_review_says_the_text_was_read_as_a_note_by_its_wording(tmp_path: Path) -> None:
    note = tmp_path / "note.txt"
    note.write_text(NOTES[0], encoding="utf-8")
    runner = CliRunner()
    text = runner.invoke(main, ["review", str(note), "--grammar", "off"], env={"NO_COLOR": "1"})
    assert "1 internal note(s)" in text.output and "by its wording" in text.output, text.output
    data = json.loads(runner.invoke(main, ["review", str(note), "--grammar", "off", "--format", "json"]).output)
    assert data["summary"]["internal_notes"] == 1 and data["summary"]["internal_notes_by_wording"] == 1


PACK = 'name: Notes\nversion: 0.1.0\nchannels: {email: {greeting: "", signoff: ""}}\n'
HANDOVER = """id: handover
title: Hand-over
channels: [email]
acknowledgment: "Client asked us to move the installation to next month."
solution: "Can someone from scheduling look at it?"
"""
SET_NOTE = """id: set-note
title: Set note
channels: [email]
acknowledgment: "Please be advised the request has been forwarded."
solution: "The relevant department will revert."
export:
  zendesk: {public: false}
"""
REPLY = """id: late
title: Late parcel
channels: [email]
acknowledgment: "Dear Customer, your parcel is delayed."
solution: "It will be dispatched in due course."
"""


def _pack(root: Path) -> Path:
    (root / "scripts").mkdir(parents=True)
    (root / "pack.yaml").write_text(PACK, encoding="utf-8")
    for name, body in (("handover", HANDOVER), ("set-note", SET_NOTE), ("late", REPLY)):
        (root / "scripts" / f"{name}.yaml").write_text(body, encoding="utf-8")
    return root


def test_check_tells_a_note_by_setting_from_one_by_wording(tmp_path: Path) -> None:
    root = _pack(tmp_path / "p")
    result = lint_pack(load_pack(root), jobs=1)
    assert sorted(result.internal_notes) == ["handover", "set-note"] and result.notes_by_wording == ["handover"]
    assert all(practice_of(d.code, d.name) is None for d in result.diagnostics if d.script_id == "handover")
    assert {"SK301", "SK403"} <= {d.code for d in result.diagnostics if d.script_id == "late"}
    runner = CliRunner()
    text = runner.invoke(main, ["check", str(root), "--grammar", "off"], env={"NO_COLOR": "1"}).output
    assert "2 internal note(s) (for the agents, never sent): 1 by its setting (public: false), 1 by its wording" \
        in " ".join(text.split()), text
    stats = runner.invoke(main, ["check", str(root), "--grammar", "off", "--statistics"]).output
    assert "2 of them internal note(s)" in stats and "1 by its wording" in stats, stats
    data = json.loads(runner.invoke(main, ["check", str(root), "--grammar", "off", "--format", "json"]).output)
    assert data["summary"]["internal_notes"] == 2 and data["summary"]["internal_notes_by_wording"] == 1


def test_audit_counts_notes_by_how_they_were_told(tmp_path: Path) -> None:
    report = audit(_pack(tmp_path / "p"))
    assert report.macro("handover").internal and not report.macro("late").internal
    assert report.internal_notes == 2 and report.internal_notes_by_wording == 1
    assert any("2 internal note(s) (for the agents, never sent): 1 by its setting (public: false), 1 by its "
               "wording" in line for line in report.set_aside()), report.set_aside()
