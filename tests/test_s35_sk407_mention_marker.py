"""SK407 reads a mention whose handle is a word in angle brackets ('@<maintainer>', '@<username>') as a fill-in
marker: no handle is written so, and the reply would ping no one. An address or tag without the '@' before its
bracket is not one ('<support@example.com>', 'a <b> tag')."""

from __future__ import annotations

import pytest

from scriptkit import lint_text


def _markers(reply: str) -> list[str]:
    return [d.message.split("'")[1] for d in lint_text(reply).diagnostics if d.code == "SK407"]


@pytest.mark.parametrize("handle", ["<maintainer>", "<username>", "<issue-author>", "<Contributor>"])
def test_a_mention_of_a_bracketed_word_is_a_marker(handle: str) -> None:
    reply = f"Thanks for opening this, @{handle}! I've added the bug label and we'll look at it this week."
    assert _markers(reply) == [handle]


@pytest.mark.parametrize("reply", [
    "Thanks for writing in. You can reach our billing team at Billing <billing@example.com> today.",
    "Thanks for the report, @dana-k! I've added the bug label and we'll look at it this week.",
])
def test_an_address_or_a_real_handle_is_no_marker(reply: str) -> None:
    assert _markers(reply) == []
