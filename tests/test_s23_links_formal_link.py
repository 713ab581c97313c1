"""A web address written out is one word of the sentence, as a Markdown link reads as its text: the pieces of
"cal.example.com/team/jess-smith/15-minute-call/setup/help" counted as long words made a warm reply SK202."""

from __future__ import annotations

from pathlib import Path

import pytest

from scriptkit.rules.warmth import formality
from tests.conftest import run_cli

REPLY = ("Hi Omar,\n\nThanks for writing in, and sorry the guide was confusing.\n\n"
         "Book a call with me here and I will walk you through it today: {link}\n\nBest,\nJess\n")
ADDRESS = "https://cal.example.com/team/jess-smith/15-minute-call/setup/help"


@pytest.mark.parametrize("link", [ADDRESS, f"[my calendar]({ADDRESS})", "jess.smith@cal.example.com"])
def test_a_link_does_not_make_a_warm_reply_formal(tmp_path: Path, link: str) -> None:
    reply = tmp_path / "reply.txt"
    reply.write_text(REPLY.format(link=link), encoding="utf-8")
    assert "SK202" not in run_cli("review", str(reply)).output


def test_a_link_scores_as_one_plain_word() -> None:
    said = "Book a call with me here and I will walk you through it today: {}"
    assert formality(said.format(ADDRESS)) == formality(said.format("link"))
