"""Mends from a review of the session's own changes."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from scriptkit import import_library, lint_text
from scriptkit.cli import main

ACK = "acknowledgment: I can see how frustrating the wait has been.\n"


def check(root: Path, *args: str) -> Any:
    return CliRunner().invoke(main, ["check", str(root), "--grammar", "off", *args], env={"NO_COLOR": "1"})


def test_a_teams_swap_of_the_apostrophe_itself_is_written_as_the_team_wrote_it(make_pack: Any) -> None:
    root = make_pack({"a.yaml": "id: a\ntitle: A\n" + ACK + "solution: \"I’ve refunded it today, so don’t worry.\"\n"},
                     "name: T\nrules:\n  custom:\n    - name: straight\n      kind: substitution\n"
                     "      swap: {\"don’t\": \"don't\"}\n")
    check(root, "--select", "SK801", "--fix")
    assert "so don't worry" in (root / "scripts" / "a.yaml").read_text(encoding="utf-8")


def test_a_word_the_team_writes_is_still_judged_by_rules_that_rewrite_nothing(make_pack: Any) -> None:
    root = make_pack({"a.yaml": "id: a\ntitle: A\n" + ACK + "solution: I've asked the courier to deliver it as soon "
                                "as possible.\n"},
                     "name: T\nrules:\n  custom:\n    - name: no-asap\n      kind: substitution\n"
                     "      swap: {asap: as soon as possible}\n")
    codes = [d["code"] for d in json.loads(check(root, "--format", "json").output)["diagnostics"]]
    assert "SK404" in codes  # ('as soon as possible' is no time frame, whoever wrote it)


def test_a_report_review_cannot_write_is_said_once(tmp_path: Path) -> None:
    reply = tmp_path / "t.txt"
    reply.write_text("I'm sorry, I've sent it today.\n", encoding="utf-8")
    (tmp_path / "no").write_text("", encoding="utf-8")  # (a file where the report's folder should be)
    result = CliRunner().invoke(main, ["review", str(reply), "--format", "json", "-o", str(tmp_path / "no" / "r.json")])
    assert result.exit_code == 2 and result.output.count("cannot write the report") == 1, result.output


def test_quotes_around_a_whole_slot_are_no_quotation(make_pack: Any) -> None:
    root = make_pack({"a.yaml": "id: a\ntitle: A\nacknowledgment: '\"We apologize for any inconvenience caused.\"'\n"
                                "solution: I've refunded the order today.\n"})
    codes = {d["code"] for d in json.loads(check(root, "--format", "json").output)["diagnostics"]}
    assert {"SK007", "SK204"} <= codes


@pytest.mark.parametrize(("text", "undone"), [
    ("I'm so sorry about the delay, but I'll need to check with the courier first, and I'll email you by 5pm.", False),
    ("I'm so sorry about the delay, but I have to ask: did you get a tracking email?", False),
    ("I'm sorry, but I'll have to close the ticket.", True),
])
def test_a_next_step_or_a_question_after_but_does_not_undo_the_apology(text: str, undone: bool) -> None:
    assert ("SK306" in {d.code for d in lint_text(text, grammar="off").diagnostics}) is undone


def test_weighing_it_with_a_word_between_is_not_dismissive() -> None:
    found = lint_text("I'm sorry. If there's really nothing we can do, I'll tell you today.", grammar="off")
    assert "SK305" not in {d.code for d in found.diagnostics}


def test_a_list_start_in_superscript_digits_is_read_not_a_crash(tmp_path: Path) -> None:
    source = tmp_path / "macros.json"
    source.write_text(json.dumps({"macros": [{"id": 1, "title": "Steps", "actions": [{
        "field": "comment_value_html",
        "value": "<p>I'm sorry it's stuck. I've reset it today.</p><ol><li>Open settings</li></ol>"
                 "<ol start=\"²\"><li>Reset</li></ol>"}]}]}), encoding="utf-8")
    (macro,) = import_library(source, "zendesk").macros
    assert "Reset" in macro.raw.body
