"""A negated apology or thanks is no warmth ("I'm not sorry", "thanks for nothing"), and a refusal
("we will not refund you") is no owned next step; a benefit said with a "not" ("we won't charge
you", "you don't need to send it back") and an apology for what could not be done still count."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from scriptkit import lint_text
from scriptkit.audit import audit
from scriptkit.inference import classify, cues, infer_slots
from scriptkit.rules.warmth import has_warm_language


def _slots(text: str) -> list[str]:
    return [slot for _, _, slot, _ in infer_slots(text, frames=True)]


def test_a_negated_apology_and_a_refusal_are_neither_warm_nor_a_solution() -> None:
    assert _slots("Hi Dana,\n\nI am not sorry about this. We will not refund you today.") == \
        ["greeting", "other", "other"]
    codes = {d.code for d in lint_text("Hi Dana,\n\nI am not sorry about this. We will not refund you today.")
             .diagnostics}
    assert "SK207" in codes and "SK401" in codes  # no warm line, and nothing says what happens next


def test_an_acknowledged_refusal_is_told_it_has_no_next_step() -> None:
    codes = {d.code for d in lint_text("I can see why you're upset. Unfortunately we will not refund this order "
                                       "today.").diagnostics}
    assert "SK207" in codes and codes & {"SK401", "SK402"}


@pytest.mark.parametrize("said", [
    "I'm not sorry, and I won't apologise.", "Thanks for nothing.", "I am not going to apologise for this.",
    "Not sorry.", "I'm not at all sorry.", "We will never apologize for that.", "Thank you for nothing!",
])
def test_a_negated_apology_or_thanks_is_no_warm_language(said: str) -> None:
    assert not has_warm_language(said)
    assert classify(cues(said))[0] != "warm_language"


@pytest.mark.parametrize("said", [
    "I'm so sorry about the delay.", "I can't apologise enough for this.", "I cannot thank you enough!",
    "I'm sorry we couldn't deliver on time.", "Thanks for your patience.", "Don't worry, it happens.",
])
def test_an_apology_or_thanks_with_a_not_elsewhere_still_is(said: str) -> None:
    assert has_warm_language(said)


@pytest.mark.parametrize("said", [
    "We will not refund you today.", "We won't refund you.", "We cannot refund this order.",
    "We can't refund you.", "I will not be refunding you.", "We are unable to replace it.",
    "We do not offer refunds on sale items.",
])
def test_a_refusal_is_no_solution(said: str) -> None:
    assert classify(cues(said))[0] == "other"


@pytest.mark.parametrize(("said", "slot"), [
    ("I won't let this happen again.", "other"),
    ("We won't charge you for the replacement.", "solution"),
    ("We will not charge you for the return.", "solution"),
    ("You don't need to send it back.", "solution"),
    ("I'm sorry we couldn't deliver on time.", "acknowledgment"),
    ("I'm sorry we couldn't refund you sooner.", "acknowledgment"),
    ("We can't refund the fee, but I've sent you a voucher today.", "solution"),
])
def test_what_a_not_leaves_as_it_was(said: str, slot: str) -> None:
    assert classify(cues(said))[0] == slot


def test_a_solution_slot_that_only_refuses_has_no_next_step() -> None:
    from scriptkit.message import Message, Text
    from scriptkit.rules.base import RuleContext
    from scriptkit.rules.solution import MissingSolution, NoNextStep

    def sk402(solution: str) -> list[str]:
        message = Message("s", "S", "email", 0, (Text("I can see how frustrating this is. ", "acknowledgment"),
                                                       Text(solution, "solution")))
        return [f.message for f in NoNextStep().check(message, RuleContext(None, {}))]

    # (a solution that only refuses is no solution at all: SK401 reports it, with or without an apology)
    assert sk402("We will not refund you today or ever.") == []
    message = Message("s", "S", "email", 0, (Text("I can see how frustrating this is. ", "acknowledgment"),
                                             Text("We will not refund you today or ever.", "solution")))
    assert [f.message for f in MissingSolution().check(message, RuleContext(None, {}))] == \
        ["the reply refuses and offers no way forward: nothing says what happens next"]
    assert sk402("We won't charge you for the return, and I'll send a label today.") == []


def test_the_audit_scores_a_refusal_without_warmth_below_full(tmp_path: Path) -> None:
    library = tmp_path / "library.jsonl"
    library.write_text(json.dumps({"title": "No", "body": "I can see why you wrote in. I'm not sorry about the "
                                   "delay, and we will not refund you today or ever."}) + "\n", encoding="utf-8")
    (macro,) = audit(library).macros
    assert (macro.scores["warm_language"] or 0) < 100 and (macro.scores["solution"] or 0) < 100, macro.scores


@pytest.mark.timeout(60)
def test_a_pasted_run_of_negated_apologies_is_read_once() -> None:
    # (each apology's "not" was looked for from the sentence's start: 64 KB took 21 s, 256 KB four minutes)
    found = lint_text("I am not sorry, " * 16_000 + "we will not refund you today.")
    assert found.diagnostics


@pytest.mark.timeout(60)
def test_a_pasted_run_of_refusals_is_read_once() -> None:
    # (each refused step was checked against every refusal: 16,000 took 15 s)
    found = lint_text("We will not refund you, " * 16_000)
    assert "SK401" in {d.code for d in found.diagnostics}
