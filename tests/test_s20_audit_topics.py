"""A contradiction's topic is the word that governs the number in its clause, not the first topic in a list:
"return it within 30 days for a full refund" was filed as a refund time and compared with "your refund takes
5 days", while "returns are accepted within 60 days" was never compared with it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import scriptkit
from scriptkit.sprawl import Contradiction, find_contradictions, quantities

GOVERNED = [
    ("You can return it within 30 days for a full refund.", "return"),
    ("You'll get a full refund if you return the jacket within 30 days.", "return"),
    ("You have 30 days to send it back for a refund.", "return"),
    ("Within 30 days you can return it for your money back.", "return"),
    ("Returns are accepted within 60 days.", "return"),
    ("Your refund takes 5 days to reach your card.", "refund"),
    ("Your refund arrives in 5 days.", "refund"),
    ("It takes 5 days for your refund to arrive.", "refund"),
    ("Once your parcel is back with us we refund you within 5 days.", "refund"),
    ("Enjoy our 30-day return window.", "return"),
    ("Shipping costs a flat $4.99 fee.", "fee"),
]


def test_the_governing_word_names_the_topic() -> None:
    # (the refund and fee cases held before; they are the reason for the order where several words govern)
    read = {sentence: [q.topic for q in quantities("m", sentence)] for sentence, _ in GOVERNED}
    assert read == {sentence: [topic] for sentence, topic in GOVERNED}


REPLIES = [
    ("r1", "Sorry it didn't fit! You can return it within 30 days for a full refund; the label is attached."),
    ("r2", "Sorry it didn't fit! You can return it within 14 days for a full refund; the label is attached."),
    ("r3", "Sorry it didn't fit! Returns are accepted within 60 days; the label is attached."),
    ("r4", "Sorry for the wait. Your refund takes 5 days to reach your card, and I sent it this morning."),
    ("r5", "Sorry for the wait. Your refund takes 10 days to reach your card, and I sent it this morning."),
]


def _topics(found: list[Contradiction]) -> dict[str, set[str]]:
    return {c.topic: {q.macro for qs in c.values.values() for q in qs} for c in found}


def test_return_windows_and_refund_times_are_compared_apart() -> None:
    assert _topics(find_contradictions(REPLIES)) == {"return": {"r1", "r2", "r3"}, "refund": {"r4", "r5"}}


@pytest.mark.timeout(60)
def test_the_audit_lists_them_apart(tmp_path: Path) -> None:
    path = tmp_path / "replies.jsonl"
    path.write_text("".join(json.dumps({"id": i, "title": i.upper(), "body": b}) + "\n" for i, b in REPLIES),
                    encoding="utf-8")
    report = scriptkit.audit_library(path, grammar="off")
    values = {c.topic: sorted(c.values) for c in report.contradictions}
    assert values == {"return": ["14", "30", "60"], "refund": ["10", "5"]}
