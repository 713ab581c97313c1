"""SK305: "you should have" blames the customer for what they did, not when it names what they were owed."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from scriptkit import lint_text
from scriptkit.cli import main


def _blame(text: str) -> list[str]:
    return [d.text for d in lint_text(text).diagnostics if d.code == "SK305"]


@pytest.mark.parametrize("sentence", [
    "You should have had your money back last week, and I get why you're cross.",
    "You should have been told about the hold-up the day it happened.",
    "That isn't the service you should have had from us.",
    "I know you should have had the replacement by now.",
    "You should've been able to sign in first time.",
    "You should have been kept in the loop the whole way.",
    "You should have heard from the courier on Monday.",
])
def test_what_the_customer_was_owed_is_not_blame(sentence: str) -> None:
    assert _blame(sentence) == []


@pytest.mark.parametrize("sentence", [
    "You should have read the returns page.",
    "You should have checked the size chart.",
    "You should have contacted us within the week.",
    "You should have updated the app before trying.",
    "You should have been more careful with the code.",
])
def test_the_customers_failure_is_still_blame(sentence: str) -> None:
    assert _blame(sentence)


def test_review_of_a_reply_on_the_customers_side(tmp_path: Path) -> None:
    reply = tmp_path / "reply.txt"
    reply.write_text("Hi Jo,\n\nYou should have had your money back days ago, and I can see why you're upset. "
                     "You should have been told about the hold-up straight away, and that's on us.\n\n"
                     "I've sent it myself this morning, so it'll be on your card by Monday.\n\nBest,\nAmir\n",
                     encoding="utf-8")
    result = CliRunner().invoke(main, ["review", str(reply), "--format", "json"], env={"NO_COLOR": "1"})
    assert result.exit_code in (0, 1), result.output
    assert "SK305" not in result.output
