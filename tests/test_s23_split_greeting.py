"""The greeting is no word of the first sentence (SK103), on its line ("Hi Sam, so sorry...") or the line above
with no blank line between ("Hi Sam,\nI\'m so sorry...")."""

from __future__ import annotations

from scriptkit.linting import lint_text
from scriptkit.rules.readability import word_count


def codes(text: str) -> list[str]:
    return sorted(d.code for d in lint_text(text, channel="email", grammar="off", file="reply.txt").diagnostics)


LONG_24 = ("I'm so sorry about the muddle with your order, and I've just sent the right size today so it'll be with "
           "you by Friday.")


def test_a_greeting_on_the_line_above_is_no_word_of_the_first_sentence() -> None:
    assert word_count(LONG_24) == 24
    assert "SK103" not in codes(f"Hi Sam,\n{LONG_24}\n\nBest,\nJo\n")
    assert "SK103" not in codes(f"Hi Sam, {LONG_24[0].lower()}{LONG_24[1:]}\n")
    assert "SK103" not in codes(f"Hi Sam,\n\n{LONG_24}\n\nBest,\nJo\n")
    # a long sentence after a greeting is still long, and named as the sentence's own
    longer = LONG_24.replace("today", "today by our fastest courier")
    result = lint_text(f"Hi Sam,\n{longer}\n\nBest,\nJo\n", channel="email", grammar="off", file="reply.txt")
    [found] = [d for d in result.diagnostics if d.code == "SK103"]
    assert "28 words" in found.message and found.location.line == 2 and found.location.col == 1
