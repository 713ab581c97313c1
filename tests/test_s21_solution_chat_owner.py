"""A chat written without apostrophes still has its owner: "ive cancelled the duplicate order" and "im sending the
refund today" are "I've" and "I'm" (SK403 said the solution "does not say who will act", and SK404 asked when of a
step done)."""

from __future__ import annotations

import pytest

from scriptkit.config import LintConfig
from scriptkit.linting import lint_text

CONFIG = LintConfig().override(grammar="off")


def _codes(reply: str) -> set[str]:
    return {d.code for d in lint_text(reply, channel="chat", config=CONFIG).diagnostics}


@pytest.mark.timeout(60)
@pytest.mark.parametrize("reply", [
    "Sorry about the double charge! ive cancelled the duplicate order so you'll only be charged once.",
    "Sorry about the double charge! Ive cancelled the duplicate order and im sending the refund today.",
    "Sorry about the double charge! weve refunded the second payment today.",
    "Sorry about the double charge! im refunding the second payment now.",
])
def test_chat_spelling_without_apostrophes_keeps_the_owner(reply: str) -> None:
    codes = _codes(reply)
    assert "SK403" not in codes
    assert "SK404" not in codes


@pytest.mark.timeout(60)
@pytest.mark.parametrize("reply", [
    "Sorry about the double charge! The duplicate order will be cancelled today.",
    "Sorry about the double charge! Send us an IM and the refund will be sorted today.",
])
def test_a_step_with_nobody_in_it_still_has_no_owner(reply: str) -> None:
    assert "SK403" in _codes(reply)
