"""Wording edges of the linter: a suggestion types its apostrophes as its fix writes them; the API's and the CLI's
messages each name their own way out."""

from __future__ import annotations

import json
from typing import Any

import pytest

from scriptkit import lint_text
from tests.conftest import run_cli


def _said_and_written(text: str, code: str) -> list[tuple[str | None, list[str]]]:
    return [(d.suggestion, [e.replacement for e in d.fix.edits] if d.fix else [])
            for d in lint_text(text, grammar="off").diagnostics if d.code == code]


def test_a_contractions_suggestion_is_typed_as_its_fix_writes_it() -> None:
    found = _said_and_written("The courier’s van is late, so we will send it today and you do not need the "
                              "parcel’s label.", "SK203")
    assert found == [('"we’ll"', ["we’ll"]), ('"don’t"', ["don’t"])]


def test_straight_apostrophes_stay_straight_in_suggestion_and_fix() -> None:
    found = _said_and_written("The courier's van is late, so we will send it today and you do not need the "
                              "parcel's label.", "SK203")
    assert found == [('"we\'ll"', ["we'll"]), ('"don\'t"', ["don't"])]


def test_a_teams_swap_is_said_as_it_is_written(make_pack: Any) -> None:
    root = make_pack({"a.yaml": "id: a\ntitle: A\nacknowledgment: \"I can see how frustrating the wait’s been.\"\n"
                                "solution: \"I’ve checked it, and you do not need the courier’s label today.\"\n"},
                     "name: T\nrules:\n  custom:\n    - name: say-dont\n      kind: substitution\n"
                     "      swap: {do not: \"don't\"}\n")
    # (selected by name: a team rule's code is given by order, and --select SK801 now gets a note saying so)
    result = run_cli("check", str(root), "--grammar", "off", "--select", "say-dont", "--format", "json")
    found = json.loads(result.output)["diagnostics"]
    assert [(d["suggestion"], d["fix"]["edits"][0]["replacement"]) for d in found] == [("'don’t'", "don’t")]


# the rewrite's sentence has no apostrophe of its own; its slot types them straight, the other slot curly (three
# to one): the slot decides, for the suggestion and the fix alike
SLOTS = ("id: a\ntitle: A\nacknowledgment: \"I’m sorry: I can see it’s been a long wait and you’ve had no word.\"\n"
         "solution: \"I've looked into it. Sadly we are unable to refund the fee, so I will add a coupon.\"\n")


@pytest.mark.timeout(60)
def test_a_rewrite_is_typed_as_its_slot_in_suggestion_and_fix(make_pack: Any) -> None:
    root = make_pack({"a.yaml": SLOTS})
    result = run_cli("check", str(root), "--grammar", "off", "--select", "SK201", "--format", "json")
    found = [(d["suggestion"], d["fix"]["edits"][0]["replacement"] if d["fix"] else None)
             for d in json.loads(result.output)["diagnostics"]]
    assert found == [('"we can\'t"', "we can't")]


def _refusing_port() -> str:
    """A local address nothing listens on (its port was free a moment ago)."""
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{s.getsockname()[1]}"


@pytest.mark.timeout(60)
def test_a_python_caller_is_told_the_keyword_not_the_flag() -> None:
    from scriptkit import EngineUnavailable

    with pytest.raises(EngineUnavailable) as info:
        lint_text("I'm sorry the parcel is late; I've sent a new one today.", grammar=_refusing_port())
    hint = info.value.hint or ""
    assert 'grammar="off"' in hint and "--grammar" not in hint, hint


@pytest.mark.timeout(60)
def test_the_command_line_is_told_the_flag(tmp_path: Any) -> None:
    reply = tmp_path / "reply.txt"
    reply.write_text("I'm sorry the parcel is late; I've sent a new one today.\n", encoding="utf-8")
    result = run_cli("review", str(reply), "--grammar", _refusing_port())
    assert result.exit_code == 2 and "--grammar off" in result.output and 'grammar="off"' not in result.output


@pytest.mark.parametrize("reply", ["It is what it is, but I will refund the fee today.",
                                   "It's what it is, but I'll refund the fee today.",
                                   "It’s what it is, but I’ll refund the fee today."])
def test_the_shrug_is_dismissive_contracted_or_not(reply: str) -> None:
    """SK203's fix of "It is what it is" ("It's what it is") left the shrug, and SK305 no longer said so."""
    assert [d.text[:4] for d in lint_text(reply, grammar="off").diagnostics if d.code == "SK305"] == [reply[:4]]
