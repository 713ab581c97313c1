"""SK505 quotes the words around the braces from their own line, whole, on one line: it quoted 'y.' (the end of
the paragraph before) and a blank line, then the start of the braces' own line."""

from __future__ import annotations

from scriptkit.message import Message, Text
from scriptkit.targets import get
from scriptkit.targets.base import unsafe_literal_problems


def test_the_excerpt_keeps_to_its_line_and_whole_words() -> None:
    text = "Please reset it manually.\n\nLiteral braces: {{order_code}} is your code for the return."
    message = Message(script_id="a", title="A", channel="email", variant=0,
                      segments=(Text(text, "solution", None),), file="a.yaml")
    target = get("front")
    [found] = unsafe_literal_problems(message, target.dialect, "front")
    assert found.code == "SK505"
    assert "'{{' in \"Literal braces: {{order_code}} is your\"" in found.message
