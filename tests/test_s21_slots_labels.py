"""Slot labels: an acknowledgment with a "refund" in it, one of solidarity in a chat's words, wishing the news
were better, owning a mistake after an apology, and the customer's patience told back are acknowledgments."""

from __future__ import annotations

import pytest

from scriptkit.inference import infer_slots


def _slots(text: str) -> list[tuple[str, str]]:
    return [(text[a:b], slot) for a, b, slot, _ in infer_slots(text)]


@pytest.mark.parametrize(("text", "ack"), [
    ("Totally get it, waiting on a refund is the worst. It went through this morning.",
     "Totally get it, waiting on a refund is the worst."),
    ("Waiting on a refund is the worst. Your refund went through this morning.", "Waiting on a refund is the worst."),
    ("You've been waiting on the blue version since March, and I wish I had better news. I've refunded it today.",
     "You've been waiting on the blue version since March, and I wish I had better news."),
    ("I'm really sorry, I gave you the wrong code yesterday. Here's the right one: SPRING20.",
     "I'm really sorry, I gave you the wrong code yesterday."),
    ("You've been more than patient with us. I've added a $20 credit to your account today.",
     "You've been more than patient with us."),
])
def test_the_acknowledgment_is_labelled_so(text: str, ack: str) -> None:
    slots = _slots(text)
    assert slots[0] == (ack, "acknowledgment"), slots
    assert slots[-1][1] == "solution", slots


@pytest.mark.parametrize(("text", "slot"), [
    # a thank-you for waiting stays gratitude, and what only reads as a feeling of the writer's stays theirs
    ("Thanks so much for your patience. I've refunded it today.", "warm_language"),
    ("We really appreciate your patience. I've refunded it today.", "warm_language"),
    ("I was stressed about the refund too. I've refunded it today.", "solution"),
])
def test_what_is_not_an_acknowledgment_is_not_labelled_one(text: str, slot: str) -> None:
    assert _slots(text)[0][1] == slot, _slots(text)


@pytest.mark.parametrize("text", [
    "We checked and found nothing wrong with the order.",
    "I sent the right code this morning.",
])
def test_a_step_with_wrong_nearby_is_no_mistake_owned(text: str) -> None:
    assert "acknowledgment" not in {slot for _, slot in _slots(text)}
