"""SK304 hears help where a support lead would: a question to the customer about their problem ("Is it the app or
the website?"), whether or not it says "you", and the corrected item handed over ("Here's the right one: SPRING20.");
SK301 hears an apology that owns the writer's own mistake ("Sorry about the wrong link!") as acknowledging what
happened, as "that's on me" does."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from scriptkit import lint_text
from scriptkit.cli import main
from scriptkit.inference import body_sentences
from scriptkit.rules.empathy import asks_about_it, hands_over


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


# ---------------------------------------------------------------- SK304: the corrected item handed over

@pytest.mark.parametrize("body", [
    "I'm really sorry, I gave you the wrong code yesterday - that's on me. Here's the right one: SPRING20. It's "
    "valid until midnight on Sunday.",
    "Hi Chris, I'm really sorry, I gave you the wrong code yesterday - that's on me. Here's the right one: "
    "SPRING20. It's valid until midnight on Sunday.",
    "Sorry about the wrong link! Here's the correct one: example.com/reset. It works for 24 hours.",
    "Apologies for the mix-up, here is the invoice you asked for: INV-2231.",
    "So sorry about that. Here you go: example.com/track/4471.",
])
def test_the_corrected_item_handed_over_is_help(tmp_path: Path, body: str) -> None:
    assert "SK304" not in review(tmp_path, body)


@pytest.mark.parametrize(("text", "gives"), [
    ("Here's the right one: SPRING20.", True),
    ("Here is your new code: SPRING20.", True),
    ("Sorry about that, here are the steps again: open Settings, then Account.", True),
    ("Here you go: example.com/reset.", True),
    ("Please find the corrected invoice attached.", True),
    ("Here's hoping it arrives soon.", False),
    ("Here's what happened: the courier lost it.", False),
    ("Here's the thing: we can't refund it.", False),
    ("Here's to many more years!", False),
    ("We're here to help.", False),
    ("The office is here in Leeds.", False),
])
def test_hands_over_reads_the_item_given_not_other_heres(text: str, gives: bool) -> None:
    assert hands_over(text) is gives


def test_sorry_with_only_an_explanation_is_still_sympathy_alone(tmp_path: Path) -> None:
    assert "SK304" in review(tmp_path, "I'm sorry the parcel is late. Here's what happened: the van broke down.")


# ---------------------------------------------------------------- SK301: an apology owning the writer's mistake

@pytest.mark.parametrize("body", [
    "Sorry about the wrong link! Here's the correct one: example.com/reset. It works for 24 hours.",
    "Apologies for sending the wrong size. I've sent the right one today; it arrives on Friday.",
    "Sorry for my mistake with the address. I've corrected it and the parcel goes out today.",
])
def test_an_apology_owning_the_writers_mistake_acknowledges_what_happened(tmp_path: Path, body: str) -> None:
    assert "SK301" not in review(tmp_path, body)


@pytest.mark.parametrize("body", [
    "I'm sorry about the wait. Your order will ship on Friday.",
    "Sorry for any inconvenience. Your order will ship on Friday.",
    "Sorry, you entered the wrong address. I've corrected it and the parcel goes out today.",
])
def test_an_apology_for_no_mistake_of_ours_still_needs_an_acknowledgment(tmp_path: Path, body: str) -> None:
    assert "SK301" in review(tmp_path, body)
