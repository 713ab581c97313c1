"""SK306: an apology undone by "but" followed by an excuse in the perfect tense ("but we've been swamped", "but I've
been told I can't", "but we've had a high volume") is reported, as "but we have had" was; a "but" that goes on to
what the writer has done or will do for the customer ("but I've already sent a new one", "but I'll refund it today",
"but we have refunded it") still passes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from scriptkit.cli import main


def undone(tmp_path: Path, body: str) -> list[str]:
    """The text of each SK306 finding of ``scriptkit review`` on a reply file holding ``body``."""
    reply = tmp_path / "reply.txt"
    reply.write_text(f"Hi Dana,\n\n{body}\n\nTake care,\nMia\n", encoding="utf-8")
    run = CliRunner().invoke(main, ["review", str(reply), "--grammar", "off", "--select", "SK306",
                                    "--format", "json"], env={"NO_COLOR": "1"})
    assert run.exit_code in (0, 1), run.output
    return [d["text"] for d in json.loads(run.stdout)["diagnostics"] if d["code"] == "SK306"]


@pytest.mark.parametrize("body", [
    "Sorry for the delay, but we've been swamped this week.",
    "I'm sorry, but I've been told I can't refund this.",
    "Sorry for the delay, but we've had a high volume of requests.",
    "Sorry for the delay, but we have had a high volume of requests.",
    "I'm sorry, but I have to charge the fee.",
    "I'm sorry, but we’ve not been able to find it.",
    "I'm sorry, but I'll have to close the ticket.",
    "I'm sorry, but we will need to charge the fee.",
])
def test_an_excuse_after_but_undoes_the_apology(tmp_path: Path, body: str) -> None:
    assert undone(tmp_path, body) == ["but"]


@pytest.mark.parametrize("body", [
    "Sorry for the delay, but I've already sent a new one.",
    "I'm sorry, but I'll refund it today.",
    "Sorry for the delay, but we've refunded the shipping.",
    "Sorry for the delay, but we have already sent a new one.",
    "Sorry for the delay, but we will send a new one today.",
    "Sorry for the delay, but I've been able to get you a refund.",
])
def test_what_the_writer_does_for_the_customer_after_but_passes(tmp_path: Path, body: str) -> None:
    assert undone(tmp_path, body) == []
