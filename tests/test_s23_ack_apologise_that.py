""""I apologise that your order arrived damaged" is the apology "I'm sorry your order arrived damaged" is, and
acknowledges what happened as it does (it was read as no acknowledgment at all: SK301). "My apologies that...",
"Apologies that..." and "I apologize that..." the same."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from scriptkit.cli import main


def _codes(tmp_path: Path, body: str) -> str:
    reply = tmp_path / "reply.txt"
    reply.write_text(f"Hi Sam,\n\n{body} I've sent a replacement today and it'll arrive by Friday.\n\nBest,\nJo\n",
                     encoding="utf-8")
    result = CliRunner().invoke(main, ["review", str(reply)])
    assert result.exit_code in (0, 1), result.output
    return result.output


@pytest.mark.parametrize("body", [
    "I apologise that your order arrived damaged.",
    "I apologize that your order arrived damaged.",
    "My apologies that your order arrived damaged.",
    "Apologies that the engineer didn't come this morning.",
    "I apologise that it took so long to reach you.",
])
def test_an_apology_that_names_what_happened_acknowledges(tmp_path: Path, body: str) -> None:
    output = _codes(tmp_path, body)
    assert "SK301" not in output and "SK303" not in output
    assert "acknowledges" in output


def test_an_apology_for_any_inconvenience_still_acknowledges_nothing(tmp_path: Path) -> None:
    assert "SK301" in _codes(tmp_path, "We apologise for any inconvenience caused.")
