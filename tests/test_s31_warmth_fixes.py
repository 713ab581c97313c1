"""check --fix on a reply without contractions: SK203 leaves a stock phrase SK201 reports alone ("please do not
hesitate" is to go, not to become "please don't hesitate")."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.conftest import run_cli

STOCK = """\
id: late
title: Late parcel
channels: [email]
acknowledgment: I can see how annoying it is when a parcel is late.
warm_language: I am really sorry about the wait.
solution: I have sent a new one today. Should you have any further questions, please do not hesitate to contact us.
"""

def _fixed(make_pack: Any, script: str, *args: str) -> str:
    root: Path = make_pack({"a.yaml": script})
    result = run_cli("check", "--fix", *args, str(root))
    assert result.exit_code in (0, 1), result.output
    return (root / "scripts" / "a.yaml").read_text(encoding="utf-8")


def test_no_contraction_is_offered_inside_a_stock_phrase(make_pack: Any) -> None:
    root: Path = make_pack({"a.yaml": STOCK})
    result = run_cli("check", "--select", "SK203", str(root))
    assert '"I am"' in result.output and '"I have"' in result.output
    assert '"do not"' not in result.output
    after = _fixed(make_pack, STOCK)
    assert "I'm really sorry" in after and "I've sent" in after
    assert "don't hesitate" not in after
