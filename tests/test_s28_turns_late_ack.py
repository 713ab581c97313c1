"""SK302 in a transcript: where the acknowledgment falls is told from the agent's turns after the customer's first
message (which tells the problem), not from the greeting and "How may I assist you today?" sent before it, nor from a
turn that only asks the customer something ("could you send me your order number?") before the customer answers.
Content before it in those turns (policy, the fix) is still reported, as it is in a plain reply."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from scriptkit.cli import main

CHAT5 = "\n".join([
    "Agent: Thank you for contacting Acme Support, my name is Kevin. How may I assist you today?",
    "Customer: my card was charged twice for order 5521, I'm really annoyed",
    "Agent: I understand your frustration. Kindly provide the last four digits of the card.",
    "Customer: 4242",
    "Agent: Thank you. I have raised a refund request for the duplicate charge. It will be processed within 5-7 "
    "business days.",
    "Agent: Is there anything else I can assist you with today?",
    "Customer: no",
    "Agent: Thank you for chatting with Acme Support. Have a nice day!\n"])
CHAT3 = """\
Customer: my parcel is late again, second time this month
Agent: Hi there, could you send me your order number so I can take a look?
Customer: 88213
Agent: Thanks! I'm really sorry it's late again, I know how frustrating that is after last time.
Agent: I've upgraded it to next-day delivery, so it'll be with you tomorrow.
"""


def late(tmp_path: Path, text: str) -> list[str]:
    """The message of each SK302 finding of ``scriptkit review`` on a file holding ``text``."""
    reply = tmp_path / "chat.txt"
    reply.write_text(text, encoding="utf-8")
    run = CliRunner().invoke(main, ["review", str(reply), "--grammar", "off", "--select", "SK302",
                                    "--format", "json"], env={"NO_COLOR": "1"})
    assert run.exit_code in (0, 1), run.output
    return [d["message"] for d in json.loads(run.stdout)["diagnostics"]]


@pytest.mark.parametrize("text", [CHAT5, CHAT3])
def test_an_acknowledgment_first_after_the_customer_tells_the_problem_is_not_late(tmp_path: Path, text: str) -> None:
    assert late(tmp_path, text) == []


def test_policy_in_an_earlier_turn_after_the_problem_makes_it_late(tmp_path: Path) -> None:
    text = ("Agent: Hi, how can I help?\nCustomer: my card was charged twice and I'm furious\n"
            "Agent: Refunds take 5-7 days to process.\nCustomer: seriously?\n"
            "Agent: I understand how stressful the wait is. I've started yours today.\n")
    assert late(tmp_path, text) == ["the acknowledgment comes second in the agent's turns after the customer's first "
                                    'message, after "Refunds take 5-7 days to process."']


def test_policy_before_it_in_its_own_turn_makes_it_late(tmp_path: Path) -> None:
    text = ("Customer: my card was charged twice and I'm furious\n"
            "Agent: Could you send me the order number?\nCustomer: 5521\n"
            "Agent: Refunds take 5-7 days to process. I understand how stressful the wait is.\n")
    assert late(tmp_path, text) == ["the acknowledgment comes second in the agent's turns after the customer's first "
                                    'message, after "Refunds take 5-7 days to process."']


def test_a_plain_reply_is_judged_as_before(tmp_path: Path) -> None:
    text = "Hi Sam,\n\nRefunds take 5-7 days to process. I understand how stressful the wait is.\n\nBest,\nJo\n"
    assert late(tmp_path, text) == ['the acknowledgment comes second in the reply, after "Refunds take 5-7 days to '
                                    'process."']
