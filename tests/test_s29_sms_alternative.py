"""SK104 reads a script's alternatives and conditions too: each is sent as written, in the reply's place or
beside it, so one longer than an SMS is too long however short the reply is. Before, it passed unreported."""

from __future__ import annotations

from pathlib import Path

from scriptkit.linting import lint_pack
from scriptkit.loading import load_pack

SCRIPT = """id: late
title: Late parcel
channels: [sms]
acknowledgment: "Sorry your parcel is late, Sam."
flexibility:
  alternatives:
    - label: They want a refund
      text: {alternative}
solution: "I've asked the courier to bring it tomorrow before noon."
"""
LONG = ("\"If you'd rather have your money back, I'll refund the full amount to your card today, and your bank "
        "should show it within five working days. Reply YES and it's done.\"")
SHORT = "\"Rather have a refund? Reply YES and I'll refund you today.\""


def _sk104(make_pack, alternative: str) -> list[tuple[str, str | None, int]]:  # type: ignore[no-untyped-def]
    pack: Path = make_pack({"late.yaml": SCRIPT.format(alternative=alternative)})
    found = lint_pack(load_pack(pack), grammar="off").diagnostics
    return [(d.message, d.suggestion, d.location.line) for d in found if d.code == "SK104"]


def test_an_alternative_longer_than_an_sms_is_reported_at_its_line(make_pack) -> None:  # type: ignore[no-untyped-def]
    [(message, suggestion, line)] = _sk104(make_pack, LONG)
    assert message.startswith("sms alternative is 16") and "(limit 160)" in message
    assert line == 8 and suggestion is not None and "by_channel" not in suggestion  # (it holds no alternatives)


def test_a_short_alternative_passes(make_pack) -> None:  # type: ignore[no-untyped-def]
    assert _sk104(make_pack, SHORT) == []
