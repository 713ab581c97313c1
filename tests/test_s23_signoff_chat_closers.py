"""A chat's offers of help and its in-the-moment looks are no unfinished step: "Anything else I can help with
today?" closing a reply that only thanks or confirms is its closer, not a solution with no step (SK402); "Let me
take a look." answered in the next message, and "How can I help?", do not make a self-serve instruction ("You can
update it under Billing > Payment method.") owe a time frame (SK404)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from scriptkit.cli import main


def _codes(tmp_path: Path, text: str) -> list[str]:
    reply = tmp_path / "reply.txt"
    reply.write_text(text, encoding="utf-8")
    run = CliRunner().invoke(main, ["review", str(reply), "--grammar", "off", "--format", "json"],
                             env={"NO_COLOR": "1"})
    assert run.exit_code in (0, 1), run.output
    return [d["code"] for d in json.loads(run.output)["diagnostics"]]


SETTLED = ("Agent: Hi Dev, thanks for waiting!\nCustomer: no worries. the new password worked, thanks so much\n"
           "Agent: That's brilliant, glad it's sorted! 🎉\nAgent: {offer}\nCustomer: nope all good\n"
           "Agent: Have a great weekend!\n")


@pytest.mark.parametrize("offer", ["Anything else I can help with today?",
                                   "Is there anything else I can help you with?",
                                   "Is there anything else we can do for you today?"])
def test_a_closing_offer_in_a_settled_chat_is_no_failed_solution(tmp_path: Path, offer: str) -> None:
    assert "SK402" not in _codes(tmp_path, SETTLED.format(offer=offer))


def test_the_offer_after_an_apology_still_owes_a_step(tmp_path: Path) -> None:
    """A reply that apologises for a problem and then only offers more help has not solved it."""
    text = ("Agent: Hi Dev, I'm so sorry the reset link didn't work.\nCustomer: yeah it's annoying\n"
            "Agent: Anything else I can help with today?\n")
    assert "SK401" in _codes(tmp_path, text)  # (the offer is no solution: review's "other")


CHAT = ("Agent: Hi! Thanks for waiting. How can I help?\nCustomer: my card got declined\n"
        "Agent: Oh no, sorry about that! {look}\n"
        "Agent: Found it - your card expired last month. You can update it under Billing > Payment method.\n"
        "Customer: ok thanks\nAgent: You're welcome! Have a lovely day :)\n")


@pytest.mark.parametrize("look", ["Let me take a look.", "Let me just check that for you.",
                                  "Let me have a quick look."])
def test_a_self_serve_step_in_chat_needs_no_time_frame(tmp_path: Path, look: str) -> None:
    assert "SK404" not in _codes(tmp_path, CHAT.format(look=look))


def test_a_step_that_takes_its_own_time_still_owes_a_when(tmp_path: Path) -> None:
    text = ("Agent: Hi! Sorry your parcel hasn't arrived.\nCustomer: it's been ages\n"
            "Agent: Let me check with the warehouse and get back to you.\n")
    assert "SK404" in _codes(tmp_path, text)


def test_an_email_look_still_owes_a_when(tmp_path: Path) -> None:
    """In an email the look is not taken while the customer waits: "Let me take a look." is a step to time."""
    text = ("Hi Sam,\n\nI'm sorry your card was declined. Let me take a look.\n\nBest,\nPriya\n")
    assert "SK404" in _codes(tmp_path, text)


def test_a_question_about_the_problem_owes_no_time_frame(tmp_path: Path) -> None:
    """A question the customer must answer about their problem makes their answer the next step: nothing of ours
    waits on a time frame yet (SK404's reading since session 34; it used to call it handing the problem back)."""
    text = ("Agent: Hi! Sorry your card was declined.\nAgent: You can update it under Billing > Payment method. "
            "Which card are you using?\n")
    assert "SK404" not in _codes(tmp_path, text)
