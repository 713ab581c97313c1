"""review's summary names a greeting (or sign-off) repeated through a long text once, with how many: a text of
several replies each opening "Dear Customer," said "The greeting, outside that count, is marked ! too" once per
greeting."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from scriptkit.cli import main

GREETED_THREE_TIMES = ("Dear Customer,\n\nThanks for waiting. I have refunded the order today.\n\n"
                       "Dear Customer,\n\nI will email you by Friday.\n\n"
                       "Dear Customer,\n\nI am sorry about the delay.\n")


def test_a_greeting_repeated_is_named_once_with_a_count(tmp_path: Path) -> None:
    reply = tmp_path / "reply.txt"
    reply.write_text(GREETED_THREE_TIMES, encoding="utf-8")
    run = CliRunner().invoke(main, ["review", str(reply), "--grammar", "off"], env={"NO_COLOR": "1"})
    said = " ".join(run.output.split())
    assert said.count("outside that count") == 1, run.output
    assert "The 3 greetings, outside that count, are marked ! too: SK201 [corporate-phrase]." in said, run.output


def test_a_greeting_and_sign_off_only_repeated_are_named_once_with_a_count(tmp_path: Path) -> None:
    reply = tmp_path / "reply.txt"
    reply.write_text("Dear Customer,\n\nDear Customer,\n", encoding="utf-8")
    run = CliRunner().invoke(main, ["review", str(reply), "--grammar", "off"], env={"NO_COLOR": "1"})
    said = " ".join(run.output.split())
    assert said.count("greetings") == 1, run.output
    assert "The 2 greetings are marked !: SK201 [corporate-phrase]." in said, run.output
