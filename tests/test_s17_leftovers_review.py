"""review of a plain reply: a line that opens with a time is the writer's words, a chat event left out is said so."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from scriptkit.cli import main
from scriptkit.config import LintConfig
from scriptkit.linting import lint_text
from scriptkit.transcript import agent_turns

OFF = LintConfig().override(grammar="off")

STAMPED = ("Hello Priya,\n\nThanks for your patience while the courier looked for the box.\n"
           "[14:05] I've issued the refund for the lost parcel, and it reaches your card by Friday.\n\n"
           "Warm wishes,\nTomas\n")


def test_a_line_that_opens_with_a_time_is_judged_without_the_time() -> None:
    assert agent_turns(STAMPED) is None  # (a plain reply: one line with a stamp and no speaker)
    result = lint_text(STAMPED, config=OFF, file="reply.txt")
    judged = [s.text for s in result.sentences]
    assert "I've issued the refund for the lost parcel, and it reaches your card by Friday." in judged
    assert not any("[14:05]" in s for s in judged)
    solution = next(s for s in result.sentences if s.text.startswith("I've issued"))
    assert (solution.location.line, solution.location.col) == (4, 9)  # (after the stamp, in the file as written)
    assert not any(d.code == "SK401" for d in result.diagnostics)  # (its solution was read: none missing)
    assert result.events == []


@pytest.mark.parametrize("stamp", ["[14:05]", "(2:05 PM)", "[Nov 26, 14:05]"])
def test_each_bracketed_time_opening_a_reply_line_is_cut_from_the_words(stamp: str) -> None:
    text = STAMPED.replace("[14:05]", stamp)
    judged = [s.text for s in lint_text(text, config=OFF).sentences]
    assert any(s.startswith("I've issued the refund") for s in judged)


@pytest.mark.timeout(60)
def test_an_event_line_in_a_plain_reply_is_left_out_and_the_cli_says_so(tmp_path: Path) -> None:
    text = STAMPED.replace("\n\nWarm", "\n*** Priya left the chat ***\n***Please note:*** keep the receipt.\n\nWarm")
    reply = tmp_path / "reply.txt"
    reply.write_text(text, encoding="utf-8")
    result = lint_text(text, config=OFF, file=str(reply))
    judged = " ".join(s.text for s in result.sentences)
    assert "left the chat" not in judged
    assert "keep the receipt" in judged  # (Markdown's bold italic is the writer's: no event)
    assert [text[lo:hi] for lo, hi in result.events] == ["*** Priya left the chat ***"]
    run = CliRunner().invoke(main, ["review", str(reply), "--format", "json"])
    assert run.exit_code in (0, 1), run.output
    assert f"{reply}:5:1: note: '*** Priya left the chat ***' read as a chat event" in run.stderr
    data = json.loads(run.stdout)
    assert any(s["text"].startswith("I've issued the refund") for s in data["sentences"])


def test_no_note_where_no_line_is_left_out(tmp_path: Path) -> None:
    reply = tmp_path / "reply.txt"
    reply.write_text(STAMPED, encoding="utf-8")
    run = CliRunner().invoke(main, ["review", str(reply)])
    assert "chat event" not in run.stderr
    assert "I've issued the refund" in run.stdout


def test_a_stamped_event_inside_a_transcript_is_still_no_ones_words() -> None:
    text = ("[14:01] Customer: my parcel never arrived\n"
            "[14:02] Agent: I'm sorry, Priya. I'll send a new one today.\n"
            "(14:03:30) Priya left the chat\n")
    mine = agent_turns(text)
    assert mine is not None
    assert [text[t.start:t.end] for t in mine] == ["I'm sorry, Priya. I'll send a new one today."]
