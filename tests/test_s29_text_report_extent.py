"""The text report of a finding over several lines (the whole reply's grade or length) says how far it runs and
that it is not its first slot's alone: shown by the acknowledgment's line alone, a writer edited the
acknowledgment of a reply whose 70-word solution made it too long for an SMS."""

from __future__ import annotations

import re

from click.testing import CliRunner

from scriptkit.cli import main

SCRIPT = """id: late
title: Late parcel
channels: [sms]
flexibility: {guidance: Offer a refund if they ask.}
acknowledgment: "I'm sorry your parcel is late."
solution: >
  I've asked the courier to bring it again tomorrow between eight and ten, and I've added a note
  so the driver rings the bell and waits, and if you're out they'll leave it with your neighbour
  at number twelve, and I'll text you the tracking link the moment the courier updates it tonight.
"""


def test_a_finding_over_the_whole_reply_says_how_far_it_runs(make_pack) -> None:  # type: ignore[no-untyped-def]
    pack = make_pack({"late.yaml": SCRIPT})
    out = CliRunner().invoke(main, ["check", str(pack), "--grammar", "off"], env={"NO_COLOR": "1"}).output
    block = re.split(r"\n  \d+:\d+ ", out[out.index("SK104"):], maxsplit=1)[0]
    assert "through line 9" in block and "from acknowledgment on · sms" in block, block
    # a finding within one line says neither
    one_line = CliRunner().invoke(main, ["check", str(pack), "--grammar", "off", "--select", "SK103"],
                                  env={"NO_COLOR": "1"}).output
    assert "SK103" in one_line and "from solution on" not in one_line
