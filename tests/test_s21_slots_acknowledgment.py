"""Acknowledgments said in shapes the lexicon had not read (SK301 fired on them): what should not have happened
to the customer, owning that we got it wrong, appreciating how it has been, the hassle in other words, the welcome
they deserved, their patience told back."""

from __future__ import annotations

import textwrap
from typing import Any

import pytest
from click.testing import CliRunner

from scriptkit.cli import main
from scriptkit.inference import acknowledges_feelings
from scriptkit.linting import lint_text

FIX = " I've raised it with the courier's manager today."


@pytest.mark.parametrize("ack", [
    "You shouldn't have been spoken to like that, and I'm sorry it happened on your doorstep.",
    "You should never have had to chase us for this.",
    "Nobody should be spoken to like that at their own front door, and I'm sorry it happened to you.",
    "No one should have to wait three weeks for a reply.",
    "We didn't get this right, and you've been more patient than we could reasonably expect.",
    "We didn't get this right.",
    "We got this one wrong.",
    "I really let you down here.",
    "We dropped the ball on your order.",
    "I appreciate it's been a long wait for your refund.",
    "I appreciate this has been a long wait for your refund.",
    "We appreciate this hasn't been easy.",
    "Sorry it was such a faff!",
    "What an ordeal, I'm sorry.",
    "Oh no, that's not the welcome you deserved!",
    "That's not the start you were hoping for.",
    "You've been far more patient than we deserve.",
])
def test_the_shape_acknowledges(ack: str) -> None:
    assert acknowledges_feelings(ack)
    codes = {d.code for d in lint_text(ack + FIX).diagnostics}
    assert "SK301" not in codes, codes


@pytest.mark.parametrize("text", [
    "You shouldn't be charged again.",  # (a promise)
    "No one should be able to see your card details.",  # (reassurance)
    "I appreciate it.",  # (a thank-you)
    "We appreciate your business.",
    "You should have received the code by now.",
    "Our team got it right in the end.",
])
def test_what_only_looks_like_it_does_not(text: str) -> None:
    assert not acknowledges_feelings(text)


def test_the_writers_driver_script_is_acknowledged(make_pack: Any) -> None:
    script = textwrap.dedent("""\
        id: driver-rude
        title: Driver was rude
        channels: [email]
        acknowledgment: >-
          Nobody should be spoken to like that at their own front door, and I'm sorry it happened to you.
        warm_language: Thanks for telling us.
        flexibility: check
        solution: I've raised it with the courier's manager today.
        """)
    run = CliRunner().invoke(main, ["check", str(make_pack({"a.yaml": script})), "--select", "SK301"],
                             env={"NO_COLOR": "1"})
    assert run.exit_code == 0, run.output
