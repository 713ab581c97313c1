"""SK402-SK404 hear the corrected item handed over ("Here's the right one: SPRING20.") as a step the writer took and
finished."""

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
    "I'm really sorry, I gave you the wrong code yesterday - that's on me. Here's the right one: SPRING20. "
    "It's valid until midnight on Sunday.",
    "Hi Chris, I'm really sorry, I gave you the wrong code yesterday - that's on me. Here's the right one: "
    "SPRING20. It's valid until midnight on Sunday.",
    "Sorry about the wrong link! Here's the correct one: example.com/reset. It works for 24 hours.",
    "Sorry about the wrong link! Here you go: example.com/reset.",
])
def test_handing_over_the_corrected_item_is_a_finished_step_of_the_writers(tmp_path: Path, body: str) -> None:
    assert not review(tmp_path, body) & {"SK402", "SK403", "SK404"}


@pytest.mark.parametrize("body", [
    "I'm sorry the order was late. Here's what happened: the van broke down.",
    "I'm sorry the order was late. Here's hoping the next one is quicker.",
])
def test_an_explanation_or_a_wish_hands_nothing_over(tmp_path: Path, body: str) -> None:
    assert "SK402" in review(tmp_path, body)


def test_a_hand_over_with_a_step_still_to_happen_still_owes_its_when(tmp_path: Path) -> None:
    codes = review(tmp_path, "Sorry about the wrong link! Here's the correct one: example.com/reset. "
                             "A refund will be sent too.")
    assert {"SK403", "SK404"} <= codes


@pytest.mark.parametrize("body", [
    "Thanks for your message. After reviewing your account, here's what I found: the fee was charged twice.",
    "No worries at all. Here's the simple version: the fee covers the courier.",
])
def test_an_explanation_introduced_by_here_is_hands_nothing_over(tmp_path: Path, body: str) -> None:
    assert "SK402" in review(tmp_path, body)
