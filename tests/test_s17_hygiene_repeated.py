"""A paragraph pasted twice into one script, or one sentence pasted 400 times, passed `check` (the second with
two suggestions about length only). SK011 repeated-text reports a run of sentences that repeats, word for
word, sentences earlier in the same reply: one finding per run, at the repeat."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from scriptkit.cli import main

PARAGRAPH = ("I've asked the warehouse to pack a new one this afternoon, and it will go out by express. "
             "You'll have the tracking link by email before six.")
SCRIPT = """id: late-parcel
title: Orders::Late
channels: [email]
acknowledgment: I can see how frustrating it is to wait this long for your parcel.
warm_language: Thanks for bearing with me while I looked into it.
flexibility:
  guidance: check
solution: |
{body}
"""


def sk011(root: Path, *extra: str) -> list[dict[str, Any]]:
    out = CliRunner().invoke(main, ["check", str(root), "--grammar", "off", "--format", "json", *extra])
    assert "Traceback" not in out.output
    found: list[dict[str, Any]] = json.loads(out.output)["diagnostics"]
    return [d for d in found if d["code"] == "SK011"]


def block(*lines: str) -> str:
    return "\n".join("  " + line for line in lines)


def test_a_paragraph_pasted_twice_is_reported_once_at_the_copy(make_pack: Any) -> None:
    root = make_pack({"a.yaml": SCRIPT.format(body=block(PARAGRAPH, PARAGRAPH))})
    (found,) = sk011(root)
    assert (found["line"], found["col"], found["severity"]) == (10, 3, "warning")
    assert found["message"] == "these 2 sentences repeat ones earlier in the reply, word for word"
    assert found["suggestion"] == "Delete the copy: say it once."


def test_a_sentence_said_again_in_another_slot(make_pack: Any) -> None:
    root = make_pack({"a.yaml": SCRIPT.format(
        body=block("I've chased the courier today. Thanks for bearing with me while I looked into it."))})
    (found,) = sk011(root)
    assert (found["line"], found["col"]) == (9, 34)
    assert found["message"] == "this sentence repeats one earlier in the reply, word for word"


@pytest.mark.timeout(60)
def test_a_sentence_pasted_400_times_is_one_finding(make_pack: Any) -> None:
    line = "I've checked the tracking again today, and the parcel is at the local depot."
    root = make_pack({"a.yaml": SCRIPT.format(body=block(*[line] * 400))})
    (found,) = sk011(root)
    assert (found["line"], found["col"]) == (10, 3)
    assert found["message"] == "this sentence is said 400 times in the reply"
    assert found["suggestion"] == "Delete the copies: say it once."


@pytest.mark.timeout(60)
def test_50_kb_of_different_sentences_is_read_once(make_pack: Any) -> None:
    lines = [f"Parcel {i} left the depot at {i % 24} o'clock on its way to you." for i in range(900)]
    root = make_pack({"a.yaml": SCRIPT.format(body=block(*lines))})
    assert len(SCRIPT.format(body=block(*lines))) > 50_000
    assert not sk011(root)
    root = make_pack({"a.yaml": SCRIPT.format(body=block(*lines, lines[0]))})  # (and the first said again at the end)
    (found,) = sk011(root)
    assert found["line"] == 9 + len(lines)


def test_short_sentences_and_the_option(make_pack: Any) -> None:
    root = make_pack({"a.yaml": SCRIPT.format(body=block(
        "I'm so sorry. I've chased the courier, and it will be with you by Friday. I'm so sorry."))})
    assert not sk011(root)  # ("I'm so sorry." is 3 words: said twice on purpose, it reads fine)
    (root / "pack.yaml").write_text("name: T\nrules:\n  options:\n    repeated-text:\n      min_words: 3\n",
                                    encoding="utf-8")
    assert len(sk011(root)) == 1
