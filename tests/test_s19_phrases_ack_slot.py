"""SK302 respects the acknowledgment slot the writer put first; a vague one is SK303's, at that line."""

from __future__ import annotations

import textwrap
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from scriptkit.cli import main


def _script(ack: str) -> str:
    return textwrap.dedent(f"""\
        id: outage
        title: Outage
        channels: [email]
        acknowledgment: "{ack}"
        warm_language: I'm so sorry, and thanks for flagging it so fast.
        flexibility:
          guidance: Look at the status page first.
        solution: The team is on it now, and I'll email you once it's back, which we expect by 4pm today.
        """)


def _empathy(make_pack: Any, ack: str) -> str:
    root = make_pack({"a.yaml": _script(ack)})
    result = CliRunner().invoke(main, ["check", str(root), "--select", "SK301,SK302,SK303"], env={"NO_COLOR": "1"})
    return result.output


@pytest.mark.parametrize("ack", [
    "Losing access to your reports halfway through a busy shift is really disruptive.",
    "Having the site drop out on you mid-order is a real pain.",
    "Losing access to your reports halfway through a busy shift is a total write-off.",
])
def test_the_writers_acknowledgment_slot_is_first(make_pack: Any, ack: str) -> None:
    out = _empathy(make_pack, ack)
    assert "SK302" not in out, out


def test_a_vague_acknowledgment_slot_is_told_at_its_line(make_pack: Any) -> None:
    out = _empathy(make_pack, "You got in touch with us about this.")
    assert "SK302" not in out and "SK303" in out, out
    assert "4:" in out.split("SK303")[0].splitlines()[-1]  # (the acknowledgment's line)


@pytest.mark.parametrize("ack", ["Refunds take 5-7 days to go through.", "Nobody can see your card details."])
def test_content_in_the_acknowledgment_slot_still_comes_first(make_pack: Any, ack: str) -> None:
    assert "SK302" in _empathy(make_pack, ack)


def test_review_reads_disruptive_as_an_acknowledgment(tmp_path: Path) -> None:
    reply = tmp_path / "reply.txt"
    reply.write_text("Hi Sam,\n\nLosing access to your reports halfway through a busy shift is really disruptive. "
                     "I'm so sorry, and thanks for flagging it so fast.\n\nThe team is on it now, and I'll email "
                     "you once it's back, which we expect by 4pm today.\n\nBest,\nPriya\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["review", str(reply)], env={"NO_COLOR": "1"})
    assert "SK302" not in result.output and "SK301" not in result.output, result.output
