"""Block scalars with an indentation indicator ('|2', '>-2'): findings point at their words, and
``--fix`` edits them."""

from __future__ import annotations

import json
from typing import Any

import yaml
from click.testing import CliRunner

from scriptkit.cli import main
from scriptkit.sourcetext import scalar_offsets

SCRIPT = """id: a
title: A
channels: [email, sms]
acknowledgment: I can see how frustrating the wait has been.
warm_language: |2
    Kindly know I'm here to help.
solution: >-2
    We are unable to ship today, so I'll send it tomorrow by express.
by_channel:
  sms:
    solution: |+1
       Sorry, we are unable to
      ship today. Kindly reply.

"""


def run(*args: str) -> Any:
    return CliRunner().invoke(main, list(args))


def test_findings_point_at_the_words(make_pack: Any) -> None:
    root = make_pack({"a.yaml": SCRIPT})
    report = json.loads(run("check", str(root), "--select", "SK201", "--format", "json").stdout)
    lines = SCRIPT.splitlines()
    found = sorted((d["line"], d["col"], d["text"]) for d in report["diagnostics"])
    assert found == [(6, 5, "Kindly"), (8, 5, "We are unable to"), (12, 15, "we are unable to"), (13, 19, "Kindly")]
    for line, col, text in found:
        assert lines[line - 1][col - 1:col - 1 + len(text)] == text


def test_fix_edits_them_and_keeps_the_values(make_pack: Any) -> None:
    root = make_pack({"a.yaml": SCRIPT})
    assert run("check", str(root), "--select", "SK201", "--fix").exit_code == 0
    data = yaml.safe_load((root / "scripts" / "a.yaml").read_text(encoding="utf-8"))
    assert data["warm_language"] == "  Please know I'm here to help.\n"
    assert data["solution"] == "  We can't ship today, so I'll send it tomorrow by express."
    assert data["by_channel"]["sms"]["solution"] == "  Sorry, we can't\n ship today. Please reply.\n\n"


def test_scalar_offsets_of_an_indented_first_line() -> None:
    text = "k: |2\n    ab\n   c\n"
    value = yaml.safe_load(text)["k"]
    assert value == "  ab\n c\n"
    assert [text[i] for i in scalar_offsets(text, 3, value)] == list(value)
    assert list(scalar_offsets(text, 3, value))[:4] == [8, 9, 10, 11]
