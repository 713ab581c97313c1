"""SK203's contractions are typed as the whole reply types its apostrophes: a reply that writes "parcel’s" gets
"wasn’t" and "I’ll" from check --fix, though the slot fixed has no apostrophe of its own."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.conftest import run_cli

CURLY = """\
id: late
title: Late parcel
channels: [email]
acknowledgment: I can see how annoying it is when your parcel’s late and the courier’s note made no sense.
warm_language: I am so sorry.
solution: The parcel was not scanned at the depot. I will send a new one today, and it will arrive on Friday.
"""


def _fixed(make_pack: Any, script: str) -> tuple[str, str]:
    root: Path = make_pack({"a.yaml": script})
    diff = run_cli("check", "--diff", "--select", "SK203", str(root)).output
    result = run_cli("check", "--fix", "--select", "SK203", str(root))
    assert result.exit_code in (0, 1), result.output
    return diff, (root / "scripts" / "a.yaml").read_text(encoding="utf-8")


def test_contractions_are_typed_as_the_rest_of_the_reply(make_pack: Any) -> None:
    diff, after = _fixed(make_pack, CURLY)
    assert "+warm_language: I\u2019m so sorry." in diff
    assert "wasn\u2019t scanned" in after and "I\u2019ll send" in after
    assert "'" not in after.split("acknowledgment:")[1]


def test_a_straight_reply_keeps_straight_apostrophes(make_pack: Any) -> None:
    _, after = _fixed(make_pack, CURLY.replace("\u2019", "'"))
    assert "wasn't scanned" in after and "I'll send" in after and "\u2019" not in after
