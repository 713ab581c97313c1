"""SK301 with no sentence of the acknowledgment slot is about the whole reply: a review lists it apart, and marks
no innocent first sentence ("Thank you for your response") as what could improve."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from scriptkit.cli import main
from scriptkit.config import LintConfig
from scriptkit.linting import lint_text
from scriptkit.reporters import whole_reply

REPLY = ("Thank you for your response.\n\nYour second account is now closed, so every transfer goes through the one "
         "you kept.\n\nBest,\nKai")


def test_missing_acknowledgment_is_listed_under_the_whole_reply(tmp_path: Path) -> None:
    result = lint_text(REPLY, channel="email", config=LintConfig(grammar="off"))
    [sk301] = [d for d in result.diagnostics if d.code == "SK301"]
    assert id(sk301) in whole_reply(result)
    assert (sk301.location.line, sk301.location.col) == (1, 1)  # (still located where the reply starts)
    reply = tmp_path / "reply.txt"
    reply.write_text(REPLY, encoding="utf-8")
    out = CliRunner().invoke(main, ["review", str(reply), "--grammar", "off"]).output
    assert out.index("the whole reply:") < out.index("SK301")
    assert "! 1:1" not in out
