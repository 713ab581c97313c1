"""A chat of one role label and one name ("Customer: ... / Sam: ...") is a transcript; prose with a colon is not."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from scriptkit.cli import main
from scriptkit.transcript import agent_turns, turns

COMPLAINT = "my parcel is late and I am annoyed"
ANSWER = "I can see how annoying that is. I have reshipped it today."


@pytest.mark.parametrize(("customer", "agent"), [
    ("Customer: ", "Sam: "),
    ("Dana: ", "Agent: "),
    ("Dana: ", "Support: "),
    ("Dana (10:42): ", "Agent (10:43): "),
    ("26/11/2026, 10:42 - Dana: ", "26/11/2026, 10:43 - Agent: "),
    ("Client: ", "Maya Lee: "),
])
def test_one_role_label_and_one_name_make_a_two_line_chat(customer: str, agent: str) -> None:
    text = f"{customer}{COMPLAINT}\n{agent}{ANSWER}\n"
    assert [text[t.start:t.end] for t in agent_turns(text) or []] == [ANSWER]


def test_review_judges_only_the_agents_line_of_a_two_line_chat() -> None:
    chat = f"Customer: {COMPLAINT}\nSam: {ANSWER}\n"
    result = CliRunner().invoke(main, ["review", "-", "--grammar", "off"], input=chat)
    assert "Customer:" not in result.output and "annoyed" not in result.output, result.output
    assert "I can see how annoying that is." in result.output


@pytest.mark.parametrize("text", [
    "Note: I'll refund the order today.\nUpdate: it has shipped and you'll have it by Friday.\n",
    "Step 1: open the app and tap Orders.\nStep 2: I'll check the refund went through.\n",
    "Customer: Dana Whitfield\nProduct: Lightweight rain jacket with hood\n",  # an order's fields
    "Customer: Dana Whitfield\nSam: I'll call you back today about the refund.\n",  # the role's line says nothing
    "Refunds: I'll send it today, as we agreed.\nCustomer service: we're here 9-5 on weekdays.\n",
    "Hi Dana,\nCustomer: my parcel is late\nSam: I have reshipped it today.\n",  # starts as a reply
    "Bot: Hi, how can I help you today?\nDana: my parcel is late and I am annoyed\n",  # a bot says not who Dana is
])
def test_prose_with_a_colon_is_still_no_transcript(text: str) -> None:
    assert turns(text) is None and agent_turns(text) is None
