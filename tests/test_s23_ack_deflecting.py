"""Deflecting and talking-down lines SK305 missed: "Your issue is with the courier, not us.", "We can't help with
that, so you'll have to ask them directly.", "Unfortunately that's not something we can help with, as it's a problem
with your internet provider." (marked a clean solution), "As explained, we won't be refunding this order." (where
"As stated before" was caught) and "That's not how the app works: ...". A "can't" that goes on to what the writer
does about it offers help, and is left alone."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from scriptkit.cli import main


def _review(tmp_path: Path, line: str) -> str:
    reply = tmp_path / "reply.txt"
    reply.write_text(f"Hi Sarah,\n\nI can see how annoying this has been.\n\n{line}\n\nBest,\nJo\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["review", str(reply)])
    assert result.exit_code in (0, 1), result.output
    return result.output


@pytest.mark.parametrize(("line", "found"), [
    ("Your issue is with the courier, not us.", 'deflecting language "Your issue is with the courier, not us"'),
    ("We can't help with that, so you'll have to ask them directly.", 'deflecting language "We can\'t help with that"'),
    ("Unfortunately that's not something we can help with, as it's a problem with your internet provider.",
     'deflecting language "that\'s not something we can help with"'),
    ("As explained, we won't be refunding this order.", 'condescending language "As explained"'),
    ("That's not how the app works: subscriptions renew automatically unless you cancel them.",
     'condescending language "That\'s not how the app works"'),
])
def test_a_deflecting_or_talking_down_line_is_reported(tmp_path: Path, line: str, found: str) -> None:
    output = _review(tmp_path, line)
    assert "SK305" in output and found in output


@pytest.mark.parametrize("line", [
    "We can't help with that ourselves, but I've asked the courier to call you today.",
    "We can't help with the refund until the courier confirms, and I'll chase them today.",
    "As explained below, the refund takes three working days.",
    "That's not how it should work, and I've reset your plan today.",
    "The issue is with the courier's depot, so I've asked them to redeliver tomorrow.",
])
def test_help_offered_or_a_fault_owned_is_not_dismissive(tmp_path: Path, line: str) -> None:
    assert "SK305" not in _review(tmp_path, line)
