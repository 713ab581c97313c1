"""A support lead's review of auditing Freshdesk and Help Scout libraries: where a helpdesk's macros cannot hold
agent notes, flexibility is not scored (no column, no SK406 among the problems, the report says why); a reply whose
answer is only a blank for the agent is no complete reply; Help Scout's chat text is judged, as the chat reply."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import scriptkit

_COMPLETE = ("<p>Hi {%customer.firstName,fallback=there%},</p><p>I'm so sorry your parcel arrived damaged. I've sent "
             "a new one today and it will reach you by Friday.</p><p>Thanks,<br>Mo</p>")
_BLANK_ANSWER = ("<p>Hi {%customer.firstName,fallback=there%},<br>Thanks so much for asking, I can see why you'd "
                 "want this cleared up.</p><p>Here is what happened:<br><strong>{reason}</strong></p><p>If "
                 "anything still feels unclear, just let me know and I'll walk you through it.</p>")


def _helpscout(tmp_path: Path, replies: list[dict[str, object]]) -> Path:
    path = tmp_path / "saved_replies.json"
    path.write_text(json.dumps({"_embedded": {"saved-replies": replies}}), encoding="utf-8")
    return path


@pytest.mark.timeout(120)
def test_flexibility_is_not_scored_for_a_helpdesk_without_agent_notes(tmp_path: Path) -> None:
    path = _helpscout(tmp_path, [{"id": 1, "name": "Damaged", "text": _COMPLETE},
                                 {"id": 2, "name": "Blank answer", "text": _BLANK_ANSWER}])
    report = scriptkit.audit_library(path, grammar="off")
    complete = next(m for m in report.macros if m.export_id == "1")
    assert complete.scores["flexibility"] is None
    assert "agent notes" in complete.not_judged_because["flexibility"]
    assert complete.overall is not None and complete.overall > 80  # (no longer held at 80 by a flexibility 0)
    assert "flexibility" not in report.judged and report.averages["flexibility"] is None
    assert not any(d.name == "no-flexibility" for m in report.macros for d in m.diagnostics)
    assert all(c.name != "no-flexibility" for c in report.common)
    note = report.no_room_note
    assert note is not None and "Flexibility is not scored" in note
    data = report.to_dict()
    assert data["scoring"]["flexibility"] == note and "flexibility" not in data["scoring"]["judged"]


@pytest.mark.timeout(120)
def test_a_reply_whose_answer_is_only_a_blank_is_no_complete_reply(tmp_path: Path) -> None:
    path = _helpscout(tmp_path, [{"id": 1, "name": "Damaged", "text": _COMPLETE},
                                 {"id": 2, "name": "Blank answer", "text": _BLANK_ANSWER}])
    report = scriptkit.audit_library(path, grammar="off")
    blank = next(m for m in report.macros if m.export_id == "2")
    complete = next(m for m in report.macros if m.export_id == "1")
    assert blank.scores["solution"] == 0
    assert blank.held_because is not None and "{reason}" in blank.held_because
    assert blank.overall is not None and blank.overall <= 50 < complete.overall  # type: ignore[operator]


@pytest.mark.timeout(120)
def test_help_scout_chat_text_is_judged_as_the_chat_reply(tmp_path: Path) -> None:
    chat = "Cancelled. Per our policy, no refunds are given for partial months."
    path = _helpscout(tmp_path, [{"id": 7, "name": "Cancellation", "text": _COMPLETE, "chatText": chat}])
    report = scriptkit.audit_library(path, grammar="off")
    macro = report.macros[0]
    # (the chat text is what chat customers get: its refusal is found, and it is no alternative, no room)
    assert any("per our policy" in (d.text or "").lower() for d in macro.diagnostics)
    assert macro.scores["flexibility"] is None


@pytest.mark.timeout(120)
def test_an_internal_note_is_not_said_to_be_scored_on_flexibility_where_it_is_not_scored(tmp_path: Path) -> None:
    note = ("<p>The customer says their parcel never came. Check the tracking page first, and if it shows as "
            "delivered, pass the case to the tier 2 team with the order number.</p>")
    path = _helpscout(tmp_path, [{"id": 1, "name": "Damaged", "text": _COMPLETE},
                                 {"id": 4, "name": "Lost parcel (agents)", "text": note}])
    report = scriptkit.audit_library(path, grammar="off")
    assert report.internal_notes == 1
    said = " ".join(report.set_aside())
    assert "internal note" in said and "flexibility only" not in said
