"""SK401-SK403 hear a question to the customer about their problem ("Is it the app or the website?", "is it the
layout or the speed?") as what happens next: theirs to answer, with or without "you" in it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from scriptkit.cli import main


def review(tmp_path: Path, body: str) -> set[str]:
    """The codes ``scriptkit review`` reports on a reply file holding ``body``."""
    reply = tmp_path / "reply.txt"
    reply.write_text(body + "\n", encoding="utf-8")
    run = CliRunner().invoke(main, ["review", str(reply), "--grammar", "off", "--format", "json"],
                             env={"NO_COLOR": "1"})
    assert run.exit_code in (0, 1), run.output
    return {d["code"] for d in json.loads(run.stdout)["diagnostics"]}




@pytest.mark.parametrize("body", [
    "Sorry to hear that, is it the layout or the speed?",
    "Hey Sara, sorry to hear of the issues you are having, can I ask if it's the lay out or just the speed of the "
    "website responding? TY - Chris",
])
def test_a_question_about_the_problem_is_what_happens_next(tmp_path: Path, body: str) -> None:
    assert "SK401" not in review(tmp_path, body)


def test_a_question_put_in_the_solution_is_the_customers_step(tmp_path: Path) -> None:
    codes = review(tmp_path, "I'm sorry that happened. Is it the app or the website?")
    assert not codes & {"SK402", "SK403"}
    # (their answer is the next step: no time frame is owed, session 34)
    assert "SK404" not in codes


@pytest.mark.parametrize("body", [
    "I'm sorry that happened. Is there anything else I can help you with?",
    "I'm sorry that happened. What more can I say?",
])
def test_a_question_that_asks_nothing_of_the_problem_is_still_no_step(tmp_path: Path, body: str) -> None:
    codes = review(tmp_path, body)
    assert codes & {"SK401", "SK402"}
