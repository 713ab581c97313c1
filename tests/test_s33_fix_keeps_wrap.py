"""check --fix keeps a wrapped line wrapped: a rewrite of words across a line break in a folded or plain YAML value
("please be⏎  aware that") puts the break at one of its own spaces ("just a⏎  heads-up that"), not joining the lines."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.conftest import run_cli

FOLDED = """id: late
title: Late
channels: [email]
acknowledgment: I'm sorry the order is late; I know how much you were counting on it.
solution: >-
  I'll ship a new one today with tracking, and please be
  aware that the courier will need a signature when it arrives.
warm_language: Thanks so much for waiting, I really appreciate it.
"""


def test_a_fix_across_a_folded_line_keeps_the_line_break(make_pack: Any) -> None:
    root: Path = make_pack({"a.yaml": FOLDED.replace("and please be", "please be").replace(
        "today with tracking, please be", "today with tracking. Please be")})
    result = run_cli("check", "--fix", "--grammar", "off", str(root))
    assert result.exit_code in (0, 1), result.output
    text = (root / "scripts" / "a.yaml").read_text(encoding="utf-8")
    assert "Just a\n  heads-up that the courier" in text, text
