"""A tweet's reply opens with the handle it answers: "@12345 Hey Sara, so sorry..." was read as one sentence, the
greeting counted into the first sentence; the greeting is split off past the handles, as without them."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from scriptkit.cli import main


@pytest.mark.parametrize("opening", ["@12345 Hey Sara,", "@AcmeHelp @sara_k Hi Sara,"])
def test_a_greeting_after_handles_is_a_greeting(tmp_path: Path, opening: str) -> None:
    reply = tmp_path / "reply.txt"
    reply.write_text(f"{opening} so sorry your order is late. I've sent a new one today and it arrives by Friday.\n",
                     encoding="utf-8")
    result = CliRunner().invoke(main, ["review", str(reply), "--grammar", "off", "--channel", "social"],
                                env={"NO_COLOR": "1", "COLUMNS": "200"})
    assert f"greeting     {opening}\n" in result.output, result.output
    assert "acknowledges so sorry your order is late." in result.output


def test_a_handle_alone_is_no_greeting(tmp_path: Path) -> None:
    reply = tmp_path / "reply.txt"
    reply.write_text("@12345 Let's take a look. What is the order number?\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["review", str(reply), "--grammar", "off", "--channel", "social"],
                                env={"NO_COLOR": "1", "COLUMNS": "200"})
    assert "greeting" not in result.output and "@12345 Let's take a look." in result.output, result.output
