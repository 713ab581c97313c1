"""Outlook writes a rule of underscores over the From: / Sent: block of the message it replies to. The thread
was cut from the From: line only: the rule was an unfilled blank (SK407) and made the sign-off above it reply
text. The rule line (underscores or dashes, over a From: / Sent: block or an "On ... wrote:" line) is the
thread's first line."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

import scriptkit
from scriptkit.cli import main
from scriptkit.transcript import quoted_thread

REPLY = ("Hello Mr. Okafor,\n\nI'm sorry about the late fee, that's frustrating. I've removed it, and the updated "
         "invoice will reach you by end of day tomorrow.\n\nSincerely,\nGrace Liu\nBilling Specialist\n\n")
HEADERS = ("From: Emeka Okafor <emeka@example.com>\nSent: Wednesday, November 25, 2026 4:12 PM\n"
           "To: Billing <billing@acme.example>\nSubject: Late fee??\n\nWhy was I charged a late fee?\n")


@pytest.mark.parametrize("rule", ["_" * 32, "_" * 32 + "  ", "-" * 40, "_" * 32 + "\n"])
def test_the_rule_over_an_outlook_header_block_starts_the_thread(rule: str) -> None:
    text = REPLY + rule + "\n" + HEADERS
    assert quoted_thread(text) == len(REPLY)
    result = scriptkit.lint_text(text, channel="email", grammar="off")
    assert not [d for d in result.diagnostics if d.code == "SK407"], result.diagnostics
    frames = {s.text: s.slot for s in result.sentences}
    assert frames.get("Sincerely,\nGrace Liu\nBilling Specialist") == "signoff", frames


def test_the_rule_over_an_on_wrote_line_starts_the_thread() -> None:
    text = REPLY + "_" * 32 + "\nOn Wed, 25 Nov 2026, Emeka <emeka@example.com> wrote:\n> Why the fee?\n"
    assert quoted_thread(text) == len(REPLY)


def test_a_rule_with_no_header_under_it_is_still_the_reply() -> None:
    text = REPLY + "_" * 32 + "\n\nSee you soon.\n"
    assert quoted_thread(text) is None


def test_review_reports_the_thread_from_the_rule(tmp_path: Path) -> None:
    mail = tmp_path / "outlook.txt"
    mail.write_text(REPLY + "_" * 32 + "\n" + HEADERS, encoding="utf-8")
    run = CliRunner().invoke(main, ["review", str(mail), "--grammar", "off"])
    assert "the quoted thread from line 9 on is not judged" in run.output, run.output
    assert "SK407" not in run.output and "sign-off     Sincerely, Grace Liu Billing Specialist" in run.output


@pytest.mark.timeout(60)
def test_many_rules_read_fast() -> None:
    text = ("_" * 60 + "\n\n") * 2_000 + "-" * 50_000 + "\nFrom x\n"
    assert quoted_thread(text) is None
