"""Slot inference on two kinds of reply that imported with no solution: a step the customer "may" take, and a
shy answer to a compliment (which needs none, so SK401 stands down)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from scriptkit import lint_text
from scriptkit.config import LintConfig, Selector
from scriptkit.importers import import_library
from scriptkit.inference import infer_slots


def slot_of(sentence: str) -> str:
    [(_, _, slot, _)] = infer_slots(sentence)
    return slot


@pytest.mark.parametrize("sentence", [
    "You may cancel the subscription from the Billing page at any time.",
    "You may also request a paper copy by replying to this email.",
    "You may simply opt out using the link at the bottom of the message.",
])
def test_a_step_the_customer_may_take_is_a_solution(sentence: str) -> None:
    assert slot_of(sentence) == "solution"


@pytest.mark.parametrize("sentence", [
    "You may have been charged twice for the same order.",  # (what may have happened, not a step)
    "You may notice a short delay before the page loads.",
    "You may be asked for your postcode.",
])
def test_what_may_happen_is_not_a_step(sentence: str) -> None:
    assert slot_of(sentence) != "solution"


def test_an_imported_macro_keeps_its_may_step_in_the_solution(tmp_path: Path) -> None:
    # (a step read with no cue only weighs too little against the thanks after it: the importer put every
    # paragraph in warm language and the macro had no solution, an error that refused its export)
    body = ("Hello,\n\nThanks for getting in touch with the team.\n\n"
            "You may unsubscribe from the offers by clicking the link at the foot of any of them.\n\n"
            "Thank you for your patience.")
    source = tmp_path / "macros.jsonl"
    source.write_text(json.dumps({"id": "m1", "title": "Offers", "body": body}) + "\n", encoding="utf-8")
    [macro] = import_library(source, "jsonl", mapping={"id": "id", "title": "title", "body": "body"}).macros
    assert "You may unsubscribe" in "".join(getattr(p, "text", "") for p in macro.slots["solution"])


def sk401(reply: str) -> bool:
    return any(d.code == "SK401" for d in lint_text(reply, config=LintConfig(select=(Selector("SK401"),))).diagnostics)


@pytest.mark.parametrize("reply", [
    "Oh stop, you're too kind! Thanks so much 🙂",
    "Your note made the whole team smile this morning, thank you!",
    "That made us smile. Thanks for taking the time to write!",
])
def test_a_shy_answer_to_praise_needs_no_solution(reply: str) -> None:
    assert not sk401(reply)


def test_praise_with_a_problem_in_it_still_needs_a_solution() -> None:
    assert sk401("You're too kind, and I'm so sorry the second parcel went missing.")
