"""SK304 hears help where a support lead would: a question to the customer about their problem ("Is it the app or
the website?"), whether or not it says "you"."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from scriptkit import lint_text
from scriptkit.cli import main
from scriptkit.inference import body_sentences
from scriptkit.rules.empathy import asks_about_it


def review(tmp_path: Path, body: str) -> set[str]:
    """The codes ``scriptkit review`` reports on a reply file holding ``body``."""
    reply = tmp_path / "reply.txt"
    reply.write_text(body + "\n", encoding="utf-8")
    run = CliRunner().invoke(main, ["review", str(reply), "--grammar", "off", "--format", "json"],
                             env={"NO_COLOR": "1"})
    assert run.exit_code in (0, 1), run.output
    return {d["code"] for d in json.loads(run.stdout)["diagnostics"]}


# ---------------------------------------------------------------- SK304: a question about the problem

@pytest.mark.parametrize("body", [
    "I'm sorry that happened. Is it the app or the website?",
    "Sorry to hear that, is it the layout or the speed?",
    "I'm sorry the page keeps freezing. Which browser is it happening in?",
    "I'm so sorry about that. When did it start?",
    "Hey Sara, sorry to hear of the issues you are having, can I ask if it's the lay out or just the speed of the "
    "website responding? TY - Chris",
])
def test_sorry_with_a_question_about_the_problem_is_help(tmp_path: Path, body: str) -> None:
    assert "SK304" not in review(tmp_path, body)


@pytest.mark.parametrize("body", [
    "I'm sorry that happened.",
    "I'm sorry that happened. Is there anything else I can help with?",
    "I'm sorry that happened. What more can I say?",
    "I'm sorry that happened, but what did you expect?",
    "I'm sorry about that, okay?",
])
def test_sorry_with_no_question_or_an_empty_one_is_still_sympathy_alone(tmp_path: Path, body: str) -> None:
    assert "SK304" in review(tmp_path, body)


def _sentences(text: str) -> list[str]:
    return [s.text for m in lint_text(text).messages for s in body_sentences(m) if asks_about_it(s)]


def test_asks_about_it_is_public_for_the_other_rules() -> None:
    assert _sentences("Sorry to hear that. Is it the app or the website? Anything else?") == [
        "Is it the app or the website?"]
