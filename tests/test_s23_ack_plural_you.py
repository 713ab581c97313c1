""""You" said to two or more reads as "you" said to one: "You've both been so patient with us" tells their patience
back as "You've been so patient" does (it was read as no acknowledgment: SK301), and "I'm sorry you both had such a
bad trip" names their situation as "I'm sorry you had..." does (it was SK303, naming nothing)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from scriptkit.cli import main

STEP = "I've sent the replacement today and it'll arrive by Friday."


def _review(tmp_path: Path, body: str) -> tuple[set[str], list[dict[str, object]]]:
    reply = tmp_path / "reply.txt"
    reply.write_text(f"Hi both,\n\n{body} {STEP}\n\nBest,\nJo\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["review", str(reply), "--format", "json"])
    assert result.exit_code in (0, 1), result.output
    report = json.loads(result.output)
    return {d["code"] for d in report["diagnostics"]}, report["sentences"]


@pytest.mark.parametrize("body", [
    "You've both been so patient with us.",
    "You've all been so patient with us.",
    "You all have been so patient with us.",
    "You guys have been so patient with us.",
    "Y'all have been so patient with us.",
    "Both of you have been so patient with us.",
])
def test_their_patience_told_to_two_or_more_acknowledges(tmp_path: Path, body: str) -> None:
    codes, sentences = _review(tmp_path, body)
    assert "SK301" not in codes
    assert sentences[1]["slot"] == "acknowledgment"


@pytest.mark.parametrize("body", ["Thank you both for your patience.", "Thank you all for bearing with us."])
def test_thanks_to_two_or_more_for_waiting_counts_as_thanks_for_waiting_does(tmp_path: Path, body: str) -> None:
    codes, _ = _review(tmp_path, body)
    assert "SK301" not in codes


@pytest.mark.parametrize("body", [
    "I am sorry you both had such a bad trip.",
    "I'm sorry you all had such a bad trip.",
    "I'm so sorry you guys were kept waiting.",
])
def test_what_happened_to_two_or_more_names_their_situation(tmp_path: Path, body: str) -> None:
    codes, _ = _review(tmp_path, body)
    assert not {"SK301", "SK303"} & codes


def test_a_plain_thank_you_to_all_is_still_no_acknowledgment(tmp_path: Path) -> None:
    codes, _ = _review(tmp_path, "Thank you all for the photos.")
    assert "SK301" in codes
