"""SK407 finds the fill-in markers writers leave, as the importer reads them, and not links or footnotes."""

from __future__ import annotations

import textwrap
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from scriptkit import lint_text
from scriptkit.cli import main
from scriptkit.importers.dialects import BlankPiece, parse_body


def _markers(text: str) -> list[str]:
    return [d.text for d in lint_text(text).diagnostics if d.code == "SK407"]


@pytest.mark.parametrize(("sentence", "marker"), [
    ("Your refund of [amount] is on its way.", "[amount]"),
    ("Your refund of [Amount] is on its way.", "[Amount]"),
    ("We've sent [refund amount] back to your card.", "[refund amount]"),
    ("Ring us on [phone number] whenever you like.", "[phone number]"),
    ("Ring us on <phone number> whenever you like.", "<phone number>"),
    ("You'll see £XX back on your card.", "£XX"),
    ("You'll see $XX.XX back on your card.", "$XX.XX"),
    ("The engineer visits on DATE between 9 and 5.", "DATE"),
    ("Your ORDER NUMBER is on the way to the depot.", "ORDER NUMBER"),
    ("Pop in on __/__ and we'll swap it.", "__/__"),
    # (found before, and still)
    ("Your refund of [AMOUNT] is on its way.", "[AMOUNT]"),
    ("It arrives on [insert date].", "[insert date]"),
])
def test_a_left_marker_is_reported(sentence: str, marker: str) -> None:
    assert _markers(sentence) == [marker]


@pytest.mark.parametrize("sentence", [
    "The steps are in [our help page](https://example.com/help).",
    "This is covered in the guide [1].",
    r"Press \[Save] to keep your changes.",
    "Tick the [x] box and you're set.",
    "Your SIM and the SMS code work across the EEA.",
    "PLEASE NOTE THE DATE OF YOUR VISIT.",
    "Enter your date of birth as DD/MM/YYYY.",
    "It costs $10 and we'll send it by Friday.",
])
def test_no_marker_where_there_is_none(sentence: str) -> None:
    assert _markers(sentence) == []


def test_sk407_and_the_importer_agree_on_square_brackets() -> None:
    for text in ("Your refund of [amount] is on its way.", "Ring us on [phone number] any time."):
        blanks = [p.original for p in parse_body(text, "generic", "CSV") if isinstance(p, BlankPiece)]
        assert blanks == _markers(text)


@pytest.mark.timeout(60)
def test_check_and_review_flag_them(make_pack: Any, tmp_path: Path) -> None:
    script = textwrap.dedent("""\
        id: refund
        title: Refund
        channels: [email]
        acknowledgment: I can see how frustrating the wait has been.
        solution: >-
          I've refunded [refund amount] today, and it shows on DATE.
          Call <phone number>, or read [the guide](https://example.com) and note [1].
        """)
    root = make_pack({"a.yaml": script})
    out = CliRunner().invoke(main, ["check", str(root), "--select", "SK407"], env={"NO_COLOR": "1"}).output
    assert "'[refund amount]'" in out and "'DATE'" in out and "'<phone number>'" in out
    assert "'[the guide]'" not in out and "'[1]'" not in out and "3 problems" in out
    reply = tmp_path / "reply.txt"
    reply.write_text("Hi Sam,\n\nI've refunded [amount] and it lands on __/__. See [our guide](https://x.io).\n\n"
                     "Priya\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["review", str(reply), "--select", "SK407"], env={"NO_COLOR": "1"})
    assert result.exit_code == 1, result.output
    assert "'[amount]'" in result.output and "'__/__'" in result.output and "'[our guide]'" not in result.output


@pytest.mark.timeout(60)
def test_markers_are_found_in_linear_time_on_long_input() -> None:
    from scriptkit.rules.solution import fill_in_markers as found

    # (a quadratic pattern would take minutes here)
    assert found("_" * 50_000 + "/") == [(0, 50_000)]  # one line to fill in
    assert found("£" + "X" * 50_000 + "1") == [] and found("[a" * 25_000) == []
    assert len(found("a DATE b " * 5_000)) == 5_000


@pytest.mark.parametrize("sentence", ["I've sent the refund [see below] today.", "Add a note [optional] for the team.",
                                      "Send the photo [if needed] and I'll check it."])
def test_an_aside_in_brackets_is_no_marker(sentence: str) -> None:
    assert _markers(sentence) == []
