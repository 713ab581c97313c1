"""Slot inference on a bare apology followed by the fix in the same sentence ("Sorry, it ships today."): the
apology outweighed the fix, the reply read as warm language alone and imported with no solution."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from scriptkit.importers import import_library
from scriptkit.inference import infer_slots


def slots(text: str) -> list[tuple[str, str]]:
    return [(text[a:b], slot) for a, b, slot, _ in infer_slots(text)]


@pytest.mark.parametrize("text, fix", [
    ("Sorry, the order leaves the warehouse tomorrow.", "the order leaves the warehouse tomorrow."),
    ("Apologies for the muddle, your parcel went out this morning.", "your parcel went out this morning."),
    ("So sorry about that - the team has fixed it.", "the team has fixed it."),
])
def test_an_apology_then_the_fix_is_two_clauses(text: str, fix: str) -> None:
    assert slots(text)[-1] == (fix, "solution")
    assert slots(text)[0][1] == "warm_language"


@pytest.mark.parametrize("text", [
    "Sorry, and how are things with you this week?",  # (a question, not news)
    "I'm sorry you feel this way, and I hope tomorrow is kinder.",  # (a reflection of feelings)
    "Sorry, I'm away from my desk until Monday.",  # (no break after the apology's cue leaves a fix)
])
def test_an_apology_with_no_fix_after_it_stays_whole(text: str) -> None:
    assert len(slots(text)) == 1
    assert slots(text)[0][1] != "solution"


def test_the_imported_macro_has_its_fix_in_the_solution(tmp_path: Path) -> None:
    source = tmp_path / "macros.jsonl"
    source.write_text(json.dumps({"id": "m1", "title": "Late", "body": "Sorry, the order leaves the warehouse "
                                                                         "tomorrow."}) + "\n", encoding="utf-8")
    [macro] = import_library(source, "jsonl", mapping={"id": "id", "title": "title", "body": "body"}).macros
    assert "leaves the warehouse" in "".join(getattr(p, "text", "") for p in macro.slots["solution"])
