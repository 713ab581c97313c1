"""SK302 leaves alone an acknowledgment that reacts to the unwelcome news told just before it ("We can't extend the
warranty. I know that isn't the news you wanted."): it can only follow the news. Content before the news still makes
it late."""

from __future__ import annotations

import pytest

from scriptkit.linting import lint_text


def late(text: str) -> list[str]:
    return [d.message for d in lint_text(text, grammar="off").diagnostics if d.code == "SK302"]


@pytest.mark.parametrize("text", [
    "Hi Jo,\n\nI've looked into it, and we can't extend the warranty past two years.\nI know that isn't the news you "
    "wanted, so here is what I can do: a free repair quote by Friday.\n",
    "Hi Jo,\n\nThe voucher can't be used on sale items. I'm sorry, that's not the answer you were hoping for. I've "
    "added a 10% code to your account instead.\n",
])
def test_an_acknowledgment_of_the_news_just_told_is_not_late(text: str) -> None:
    assert late(text) == []


def test_content_before_the_news_still_makes_it_late() -> None:
    text = ("Hi Jo,\n\nWarranty claims are checked by our partner in Leeds. We can't extend yours past two years. "
            "I know that isn't the news you wanted.\n")
    assert len(late(text)) == 1
