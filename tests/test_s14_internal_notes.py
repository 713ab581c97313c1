"""A Zendesk internal note (``export: zendesk: public: false``: written for the agents, never sent to
the customer) is judged by ``check`` as ``audit`` judges it: on the script's hygiene only (template, export and
custom rules), never by the rules that read a reply to a customer, its flexibility (SK406, SK407) included."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from scriptkit import parallel
from scriptkit.audit import audit
from scriptkit.cli import main
from scriptkit.linting import lint_pack
from scriptkit.loading import load_pack

# a typed "\n" (SK007, a template rule) made an error, so a hygiene error fails the check at fail-on error
PACK = ('name: Notes\nversion: 0.1.0\nchannels: {email: {greeting: "", signoff: ""}}\n'
        "rules:\n  severity: {SK007: error}\n  fail_on: error\n")
# cold and corporate: as a reply to a customer it draws warmth, empathy and solution findings
NOTE = """id: courier-escalation
title: Courier escalation
channels: [email]
acknowledgment: "Dear Customer, please be advised that your request has been forwarded to the relevant department."
solution: 'Ask for the tracking number.\\nLog it in the courier portal.'
export:
  zendesk: {public: PUBLIC}
"""
REPLY = """id: parcel-late
title: Parcel late
channels: [email]
acknowledgment: "Dear Customer, we regret any inconvenience caused by the delay."
solution: "Your parcel will be dispatched in due course."
"""


def _pack(root: Path, public: str, pack_yaml: str = PACK) -> Path:
    (root / "scripts").mkdir(parents=True)
    (root / "pack.yaml").write_text(pack_yaml, encoding="utf-8")
    (root / "scripts" / "note.yaml").write_text(NOTE.replace("PUBLIC", public), encoding="utf-8")
    return root


def _codes(root: Path, script_id: str = "courier-escalation") -> set[str]:
    return {d.code for d in lint_pack(load_pack(root), jobs=1).diagnostics if d.script_id == script_id}


def test_a_cold_internal_note_gets_its_hygiene_findings_and_none_of_a_replys(tmp_path: Path) -> None:
    note, reply = _codes(_pack(tmp_path / "note", "false")), _codes(_pack(tmp_path / "reply", "true"))
    # the same text as a public reply: warmth (SK201 corporate phrase), empathy (SK301) and solution findings
    assert {"SK201", "SK301", "SK404"} <= reply and "SK007" in reply
    # as an internal note: the template rule's finding stays, nothing else (SK406 'no room to adapt it' is a
    # reply's: it was the top problem of a library of escalation notes)
    assert "SK406" in reply and note == {"SK007"}
    assert note < reply


def test_check_says_once_why_a_note_is_quiet_and_still_fails_on_its_hygiene_error(tmp_path: Path) -> None:
    runner = CliRunner()
    note = runner.invoke(main, ["check", str(_pack(tmp_path / "note", "false"))])
    assert note.exit_code == 1, note.output  # the SK007 error of the note fails the check
    assert "SK007" in note.output and "SK201" not in note.output and "SK301" not in note.output
    assert note.output.count("internal note") == 1
    assert ("Not judged as replies to a customer, so checked by the template, export and custom rules only: "
            "1 internal note(s) (for the agents, never sent)") in note.output
    reply = runner.invoke(main, ["check", str(_pack(tmp_path / "reply", "true"))])
    assert reply.exit_code == 1 and "SK201" in reply.output and "internal note" not in reply.output
    # json keeps its shape: the same keys, the note's findings only, and the count of notes in the summary
    data = json.loads(runner.invoke(main, ["check", str(tmp_path / "note"), "--format", "json"]).output)
    assert set(data) == {"version", "summary", "diagnostics"} and data["summary"]["internal_notes"] == 1
    assert {d["code"] for d in data["diagnostics"]} == {"SK007"}
    public = json.loads(runner.invoke(main, ["check", str(tmp_path / "reply"), "--format", "json"]).output)
    assert "internal_notes" not in public["summary"]


def test_the_packs_setting_makes_every_script_a_note_unless_the_script_says_public(tmp_path: Path) -> None:
    root = _pack(tmp_path / "p", "true", PACK + "export:\n  zendesk: {public: false}\n")
    (root / "scripts" / "late.yaml").write_text(REPLY, encoding="utf-8")
    result = lint_pack(load_pack(root), jobs=1)
    assert result.internal_notes == ["parcel-late"]  # the script's own public: true keeps the other a reply
    # (a reply's findings, SK201 'we regret any inconvenience' and SK406 among them, are left out: it has none else)
    assert not [d.code for d in result.diagnostics if d.script_id == "parcel-late"]
    assert "SK201" in {d.code for d in result.diagnostics if d.script_id == "courier-escalation"}


def test_check_and_audit_judge_a_note_alike(tmp_path: Path) -> None:
    root = _pack(tmp_path / "note", "false")
    (root / "scripts" / "late.yaml").write_text(REPLY, encoding="utf-8")
    report = audit(root)
    checked = lint_pack(load_pack(root), jobs=1).diagnostics
    for macro in report.macros:
        assert sorted(d.code for d in macro.diagnostics) == sorted(d.code for d in checked
                                                                   if d.script_id == macro.id), macro.id
    note = report.macro("courier-escalation")
    assert note.internal and not report.macro("parcel-late").internal and report.internal_notes == 1
    assert [p for p, v in note.scores.items() if v is not None] == []


def test_a_finding_in_the_packs_shared_signoff_stays_when_a_note_comes_first(tmp_path: Path,
                                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel, "MIN_SCRIPTS", 4)  # (jobs=2 on six scripts: the worker path, for real)
    # the sign-off is pack.yaml's, shared by both scripts: its finding is merged into one, which used to
    # keep the first script's id (the note's) and was then left out, though the public reply sends it
    root = tmp_path / "shared"
    (root / "scripts").mkdir(parents=True)
    (root / "pack.yaml").write_text(
        'name: Shared\nchannels:\n  email:\n    greeting: "Hi {{ customer.first_name | fallback(\'there\') }},"\n'
        '    signoff: "Please do not hesitate to contact us with any questions."\n', encoding="utf-8")
    body = ('acknowledgment: "I can see how worrying a missing parcel is."\n'
            'solution: "I\'ve asked the courier to trace it today, and I\'ll email you by Friday."\n')
    (root / "scripts" / "a-note.yaml").write_text(
        "id: a-note\ntitle: A note\nchannels: [email]\n" + body + "export:\n  zendesk: {public: false}\n",
        encoding="utf-8")
    for reply in "bcdef":
        (root / "scripts" / f"{reply}-reply.yaml").write_text(
            f"id: {reply}-reply\ntitle: Reply {reply}\nchannels: [email]\n" + body, encoding="utf-8")
    assert parallel.jobs_for(load_pack(root), 2) == 2
    for jobs in (1, 2):
        result = lint_pack(load_pack(root), jobs=jobs)
        signoff = [d for d in result.diagnostics if d.code == "SK201" and d.location.file.endswith("pack.yaml")]
        assert len(signoff) == 1 and signoff[0].script_id == "b-reply", (jobs, result.diagnostics)
        assert result.internal_notes == ["a-note"]
    run = CliRunner().invoke(main, ["check", str(root), "--grammar", "off", "--select", "SK201"],
                             env={"NO_COLOR": "1"})
    assert run.exit_code == 1 and "do not hesitate to contact us" in run.output, run.output


def test_statistics_say_how_many_scripts_were_notes(tmp_path: Path) -> None:
    runner = CliRunner()
    note = runner.invoke(main, ["check", str(_pack(tmp_path / "note", "false")), "--statistics"])
    assert ("1 of them internal note(s), for the agents and never sent: checked by the template, export and "
            "custom rules only.") \
        in note.output, note.output
    reply = runner.invoke(main, ["check", str(_pack(tmp_path / "reply", "true")), "--statistics"])
    assert "internal note" not in reply.output


def test_a_notes_fill_in_marker_is_left_to_the_agent_as_audit_leaves_it(tmp_path: Path) -> None:
    # a note macro is a form the agent completes before posting it for colleagues: '[ORDER NUMBER]' is no reply's
    # unfilled blank (SK407 'would be sent as is'), and audit leaves a note's blanks to the agents too
    body = ("id: to-billing\ntitle: To billing\nchannels: [email]\n"
            "acknowledgment: 'Card charged twice.'\n"
            "solution: 'Double charge on order [ORDER NUMBER]: please refund the second one.'\n"
            "export:\n  zendesk: {public: PUBLIC}\n")
    codes = {}
    for public in ("false", "true"):
        root = tmp_path / public
        (root / "scripts").mkdir(parents=True)
        (root / "pack.yaml").write_text(PACK, encoding="utf-8")
        (root / "scripts" / "to-billing.yaml").write_text(body.replace("PUBLIC", public), encoding="utf-8")
        codes[public] = _codes(root, "to-billing")
        assert not [d for m in audit(root).macros if m.internal for d in m.diagnostics if d.code == "SK407"]
    assert "SK407" in codes["true"] and "SK407" not in codes["false"]
