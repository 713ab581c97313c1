"""``scriptkit review`` on text as support leads paste it: old line endings, HTML, odd files."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from click.testing import CliRunner

from scriptkit.cli import main

CHAT = ["Customer: I was charged twice for my order.",
        "Agent: I'm so sorry about the double charge. I've refunded it and you'll see it within 3 days.",
        "Customer: ok thanks, this was really annoying",
        "Agent: Please be advised that refunds take time."]


def review(path: Path | str, *args: str, input: bytes | None = None) -> Any:
    return CliRunner().invoke(main, ["review", str(path), "--grammar", "off", "--format", "json", *args],
                              input=input, env={"NO_COLOR": "1"})


def test_lines_ended_by_a_bare_carriage_return_are_lines(tmp_path: Path) -> None:
    for ending in ("\r", "\r\n"):
        chat = tmp_path / "chat.txt"  # (old Mac files and some web exports end lines with "\r" alone)
        chat.write_bytes(ending.join(CHAT).encode() + ending.encode())
        run = review(chat)
        assert run.exit_code == 1, run.output
        report = json.loads(run.stdout)
        assert [(t["speaker"], t["line"], t["col"]) for t in report["turns"]] == [("Agent", 2, 8), ("Agent", 4, 8)]
        assert not any("annoying" in s["text"] for s in report["sentences"])
        formal = [d for d in report["diagnostics"] if d["code"] == "SK201"]  # "Please be advised"
        assert [(d["line"], d["col"]) for d in formal] == [(4, 8)]


def test_lines_ended_three_ways_in_one_file(tmp_path: Path) -> None:
    chat = tmp_path / "chat.txt"  # (pasted together from several places)
    chat.write_bytes(f"{CHAT[0]}\r\n{CHAT[1]}\n{CHAT[2]}\r{CHAT[3]}\u2028".encode())
    report = json.loads(review(chat).stdout)
    assert [(t["speaker"], t["line"]) for t in report["turns"]] == [("Agent", 2), ("Agent", 4)]


def test_an_email_with_bare_carriage_returns_keeps_its_quoted_thread_out(tmp_path: Path) -> None:
    reply = tmp_path / "reply.txt"
    reply.write_bytes(b"Hi Dana,\r\rI'm sorry the refund is late. I'll send it today.\r\rBest,\rMaya\r\r"
                      b"On Tue, Nov 24, 2026 at 9:12 AM Dana <dana@example.com> wrote:\r> This is useless.\r")
    report = json.loads(review(reply).stdout)
    assert report["sentences"] and not any("useless" in s["text"] for s in report["sentences"])
    assert [s["line"] for s in report["sentences"]][:2] == [1, 3]
