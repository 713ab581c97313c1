"""Warm lines read as a support lead reads them: "you're (very) welcome to <verb>" gives the customer leave, it
answers no thanks; "we'll keep an eye out for it" watches over the problem as "I'll keep an eye on it" does."""

from __future__ import annotations

import pytest

from scriptkit.inference import cues, infer_slots
from scriptkit.linting import lint_text


def codes(text: str) -> list[str]:
    return [d.code for d in lint_text(text).diagnostics]


@pytest.mark.parametrize("sentence", [
    "You're very welcome to return the item.", "You're welcome to return the item within 30 days.",
    "You are welcome to contact us again.", "You’re most welcome to reply here."])
def test_welcome_to_and_a_verb_gives_leave_and_is_not_an_answer_to_thanks(sentence: str) -> None:
    assert not cues(sentence.lower()).praise


@pytest.mark.parametrize("sentence", [
    "You're very welcome!", "You're most welcome.", "You're welcome, Sam!", "You are welcome.",
    "You’re welcome :)", "You're welcome to the team!"])
def test_an_answer_to_thanks_is_still_warm(sentence: str) -> None:
    assert cues(sentence.lower()).praise


def test_leave_to_return_is_not_a_warm_line_nor_a_reply_to_praise() -> None:
    # read as an answer to thanks, the reply was taken for one that only answers praise: every finding stood down
    text = "Our team found the fault. You're very welcome to return the item."
    assert {"SK207", "SK402"} <= set(codes(text))
    assert "SK207" in codes("I've checked your order and the jacket is still within its return window. You're "
                            "very welcome to return the item for a full refund by 30 June.")
    assert "SK207" not in codes("Thanks so much for the kind words about the jacket! You're very welcome.")


@pytest.mark.parametrize("watch", ["We'll keep an eye out for it", "I'll keep an eye out for your parcel",
                                   "We will keep an eye out for it"])
def test_keeping_an_eye_out_is_reassurance_as_keeping_an_eye_on_it_is(watch: str) -> None:
    text = f"We couldn't find the parcel at the depot. {watch} and write to you by Friday."
    assert "SK207" not in codes(text)
    on = text.replace("an eye out for", "an eye on")
    assert "SK207" not in codes(on)
    # ... and it stays the owned next step, in the solution slot
    slots = {text[a:b]: slot for a, b, slot, _ in infer_slots(text)}
    assert slots[f"{watch} and write to you by Friday."] == "solution", slots


def test_asking_the_customer_to_keep_an_eye_out_is_not_reassurance() -> None:
    assert "SK207" in codes("I've sent the fix to our engineers. Please keep an eye out for their note.")
