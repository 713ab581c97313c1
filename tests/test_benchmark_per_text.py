"""The throughput benchmark's per-text comparison: what it measures and how it reports it."""

from __future__ import annotations

import re
import time

import pytest

import scriptkit.linting
from benchmarks import throughput

REPLIES = [
    ("Thanks for waiting. I have sent the new charger today.", "email"),
    ("I'm sorry the parcel is late. I've asked the courier to call you tomorrow.", "email"),
    ("We regret any inconvenience. Your account is now unlocked.", "chat"),
    ("I can see how annoying that is! I'll refund the fee by Friday.", "email"),
    ("Sorry for the mix-up. The right size is on its way and should arrive Monday.", "chat"),
]


def test_per_text_figures_are_not_taken_in_this_process(monkeypatch: pytest.MonkeyPatch,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    # Whatever this process read before (lint_pack's sentences) must not reach the figure: a lint_text
    # called here would fail.
    def not_here(*args: object, **kwargs: object) -> None:
        raise AssertionError("lint_text timed in the process that ran lint_pack")

    monkeypatch.setattr(scriptkit.linting, "lint_text", not_here)
    throughput._compare("test replies", REPLIES)
    out = capsys.readouterr().out
    assert "4 replies" in out and "CPU time in a fresh interpreter" in out
    ours = re.search(r"scriptkit \(all rules, lint_text\)\s+([\d.]+) ms/text  \(median ([\d.]+)\)", out)
    theirs = re.search(r"proselint \(default checks\)\s+([\d.]+) ms/text  \(median ([\d.]+)\)", out)
    assert ours and theirs, out
    speedup = re.search(r"speed-up\s+([\d.]+)x \(median ([\d.]+)x\)\s+target >= 10x  (PASS|MISS)", out)
    assert speedup, out
    # the ratio is the printed means' (to their rounding) and its verdict is what it says
    ratio = float(theirs[1]) / float(ours[1])
    assert abs(float(speedup[1]) - ratio) <= 0.05 + ratio * 0.01
    assert speedup[3] == ("PASS" if float(speedup[1]) >= 10 else "MISS")


def test_the_two_tools_take_turns_and_are_timed_in_cpu_seconds() -> None:
    calls: list[str] = []

    def ours(text: str, channel: str) -> None:
        calls.append("ours")

    def theirs(text: str, channel: str) -> None:
        calls.append("theirs")
        time.sleep(0.05)  # waiting is not CPU: a busy machine's stalls must not count

    mine, other = throughput._interleaved(REPLIES[:4], ours, theirs)
    assert calls == ["ours", "theirs", "theirs", "ours", "ours", "theirs", "theirs", "ours"]
    assert other is not None and len(mine) == len(other) == 4
    assert max(other) < 0.03


def test_without_proselint_only_scriptkit_is_timed() -> None:
    calls: list[str] = []
    mine, other = throughput._interleaved(REPLIES[:3], lambda text, channel: calls.append(text), None)
    assert other is None and len(mine) == 3 and calls == [t for t, _ in REPLIES[:3]]
