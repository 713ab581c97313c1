"""SK302 in a transcript measures an acknowledgment that takes up what the customer just wrote ("...my meeting
starts in 20 minutes", then "That sounds so stressful with the meeting so close.") from the agent's turn that
answers it: it could not have come sooner. One that takes up nothing of it is placed as before."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from scriptkit.cli import main


def messages(tmp_path: Path, text: str, code: str) -> list[str]:
    """The message of each ``code`` finding of ``scriptkit review`` on a file holding ``text``."""
    reply = tmp_path / "chat.txt"
    reply.write_text(text, encoding="utf-8")
    run = CliRunner().invoke(main, ["review", str(reply), "--grammar", "off", "--select", code,
                                    "--format", "json"], env={"NO_COLOR": "1"})
    assert run.exit_code in (0, 1), run.output
    return [d["message"] for d in json.loads(run.stdout)["diagnostics"]]


def test_an_acknowledgment_of_what_the_customer_just_added_is_not_late(tmp_path: Path) -> None:
    text = ("Customer: my order page shows an error when I pay\n"
            "Agent: Hi Lee! Leave it with me, I'll find out what's going on.\n"
            "Customer: I've tried six times and the sale ends at midnight tonight\n"
            "Agent: That's so worrying with the sale ending at midnight. I've fixed the payment page, so you can "
            "pay now.\n")
    assert messages(tmp_path, text, "SK302") == []


def test_an_acknowledgment_after_a_customer_line_it_does_not_take_up_is_still_late(tmp_path: Path) -> None:
    text = ("Customer: my order page shows an error when I pay\n"
            "Agent: Payments are handled by our provider.\n"
            "Customer: so what now?\n"
            "Agent: I understand how annoying that is. I've fixed the payment page.\n")
    assert messages(tmp_path, text, "SK302") == [
        "the acknowledgment comes second in the agent's turns after the customer's first message, after "
        '"Payments are handled by our provider."']
