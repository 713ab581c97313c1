"""SK203's safe fix end to end: ``check --fix`` writes only contractions a careful writer would
type, and ``review`` suggests the same ones."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner

from scriptkit.cli import main

ONE_FORM_IS_ENOUGH = "name: Test pack\nrules:\n  options:\n    no-contractions:\n      min_forms: 1\n"

# (a solution without contractions, the same text after `check --fix`)
CASES = [
    # the complement moved to the front or left out: the auxiliary keeps its full form
    ("I know how frustrating it is that the parcel is late.", None),
    ("I know how annoying it is when the app logs you out.", None),
    ("I can see how hard it is for you.", None),
    ("I know how busy you are right now.", None),
    ("I am not sure what that is yet.", "I'm not sure what that is yet."),
    ("That is what it is, and we will fix it.", "That's what it is, and we'll fix it."),
    ("I know where it is and I will send it today.", "I know where it is and I'll send it today."),
    ("I know who you are and we will help.", "I know who you are and we'll help."),
    ("It is faster than it is today.", "It's faster than it is today."),
    ("Yes, it is, and we will fix it today.", "Yes, it is, and we'll fix it today."),
    ("We are and always will be here for you.", None),
    ("What is it you need?", None),
    ("How hard it is not to know.", None),
    # the complement follows: contracted
    ("I know what it is like to wait.", "I know what it's like to wait."),
    ("I know where it is going.", "I know where it's going."),
    ("We do more than we are asked.", "We do more than we're asked."),
    ("It is that simple, and we are here to help.", "It's that simple, and we're here to help."),
    ("When we are ready we will call you.", "When we're ready we'll call you."),
    ("What is the order number?", "What's the order number?"),
    # negatives contract as speakers do
    ("We will not charge you again. It is not your fault.", "We won't charge you again. It's not your fault."),
    ("I will not close it. We would not ask twice.", "I won't close it. We wouldn't ask twice."),
    ("You do not need to do anything.", "You don't need to do anything."),
    ("I have not received it. We have sent a new one.", "I haven't received it. We've sent a new one."),
]


def run(*args: str, stdin: str | None = None) -> Any:
    return CliRunner().invoke(main, list(args), input=stdin)


def script(solution: str) -> str:
    return ("id: late\ntitle: Late\nacknowledgment: 'I understand the delay matters to you.'\n"
            f"solution: '{solution}'\n")


@pytest.mark.parametrize(("text", "fixed"), CASES)
def test_check_fix_writes_only_contractions_a_writer_would(make_pack: Any, text: str, fixed: str | None) -> None:
    root = make_pack({"late.yaml": script(text)}, pack_yaml=ONE_FORM_IS_ENOUGH)
    result = run("check", str(root), "--select", "SK203", "--fix")
    assert result.exit_code == 0, result.output
    after = yaml.safe_load((root / "scripts" / "late.yaml").read_text(encoding="utf-8"))["solution"]
    assert after == (fixed or text)


def test_review_suggests_the_same_contractions(tmp_path: Path) -> None:
    reply = tmp_path / "reply.txt"
    reply.write_text("Hi Sam,\n\nI know how frustrating it is that the parcel is late, and I know where it is now. "
                     "We will not charge you again and it is on its way.\n\nYes, it is\nThanks\n", encoding="utf-8")
    result = run("review", str(reply), "--select", "SK203", "--format", "json")
    assert [d["suggestion"] for d in json.loads(result.output)["diagnostics"]] == ['"We won\'t"', '"it\'s"']
