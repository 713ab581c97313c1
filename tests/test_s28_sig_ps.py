"""A postscript's "P.S." ended a sentence of its own ("P.S." listed apart and counted as a sentence of the
reply): "P.S. I've added a discount code" is one sentence."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

import scriptkit
from scriptkit.cli import main
from scriptkit.text import sentences

REPLY = ("Hi Jordan,\n\nI'm so sorry your order arrived with a missing part, that's really frustrating. I've sent "
         "the missing bracket today by first-class post, so it'll be with you by Wednesday.\n\nThanks,\nPriya\n\n"
         "{ps} I've added a 10% discount code to your account for the trouble: SORRY10.\n")


@pytest.mark.parametrize("ps", ["P.S.", "P.P.S.", "p.s.", "PS.", "P.S"])
def test_a_postscript_is_one_sentence(ps: str) -> None:
    said = sentences(REPLY.format(ps=ps))
    assert f"{ps} I've added a 10% discount code to your account for the trouble: SORRY10." in said, said
    assert ps not in said


def test_review_counts_the_postscript_once(tmp_path: Path) -> None:
    reply = tmp_path / "ps.txt"
    reply.write_text(REPLY.format(ps="P.S."), encoding="utf-8")
    run = CliRunner().invoke(main, ["review", str(reply), "--grammar", "off"])
    assert "solution     P.S. I've added a 10% discount code" in run.output, run.output
    assert "of 3 sentence(s)" in run.output, run.output
    result = scriptkit.lint_text(REPLY.format(ps="P.S."), grammar="off")
    assert "P.S." not in [s.text for s in result.sentences]


def test_a_sentence_may_still_end_after_ps() -> None:
    assert sentences("See the note below. PS. Thanks again!") == ["See the note below.", "PS. Thanks again!"]
