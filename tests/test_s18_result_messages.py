"""LintResult.messages are the replies as written (a link as '[text](address)'); each one's as_read is
what the rules judged."""

from __future__ import annotations

from scriptkit import lint_text


def test_messages_keep_their_links_and_as_read_is_what_was_judged() -> None:
    text = "I can see how frustrating this is. Please [track it here](https://example.com/t) today."
    message = lint_text(text, config=None).messages[0]
    assert "[track it here](https://example.com/t)" in message.text
    assert "Please track it here today." in message.as_read.text
