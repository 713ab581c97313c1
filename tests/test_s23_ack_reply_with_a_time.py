"""A reply promised with a time the customer can hold us to is a next step: "I'll answer your message first thing
that morning" in a holiday-closure notice, "I'll reply to you first thing on Monday", "I'll get back to you by noon
tomorrow" were SK402 "no concrete next step" (the owned-step reading leaves out respond/reply/answer/write/get back,
for the bare "I'll get back to you" and "we will respond to you in ticket 123" that name no step). Those, with no
time or only a vague one, stay no step."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from scriptkit.cli import main
from scriptkit.rules.lexicon import pattern

SCRIPT = """\
id: holiday-closure
title: "Notices::Holiday closure"
channels: [email]
acknowledgment: I know it's annoying to wait for an answer over the holidays.
warm_language: Thank you for your patience while our roasters take a short break.
flexibility:
  guidance: Use only in December.
solution: "{solution}"
"""


def _check(tmp_path: Path, solution: str) -> str:
    (tmp_path / "scripts").mkdir()
    (tmp_path / "pack.yaml").write_text("name: Notices\n", encoding="utf-8")
    (tmp_path / "scripts" / "b.yaml").write_text(SCRIPT.format(solution=solution), encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(tmp_path)])
    assert result.exit_code in (0, 1), result.output
    return result.output


@pytest.mark.parametrize("solution", [
    "We're closed until Monday 5 January, and I'll answer your message first thing that morning.",
    "I'll reply to you first thing on Monday.",
    "I'll get back to you by noon tomorrow with an answer.",
    "I'll respond to your email within 24 hours.",
    "We'll be in touch on Friday with the new dates.",
])
def test_a_reply_promised_with_a_time_is_a_next_step(tmp_path: Path, solution: str) -> None:
    assert "SK402" not in _check(tmp_path, solution)


@pytest.mark.parametrize("solution", [
    "I'll get back to you.",
    "We'll be in touch soon.",
    "We will respond to you in ticket 123.",
    "I'll get back to you as soon as I can.",
])
def test_a_reply_promised_with_no_time_is_still_no_step(tmp_path: Path, solution: str) -> None:
    assert "SK402" in _check(tmp_path, solution)


def test_a_long_run_of_promises_with_no_time_names_no_step() -> None:
    text = "I'll get back to you with the the the " * 1500 + "."
    assert pattern("owned_steps").spans(text) == []
