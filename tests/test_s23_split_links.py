"""A link, an email address or a reference code is one word for the length rules (SK103, SK104, SK105), as it is
for the reading formulas: a customer clicks or copies it."""

from __future__ import annotations

from scriptkit.config import LintConfig
from scriptkit.linting import lint_text
from scriptkit.rules.readability import word_count


def codes(text: str) -> list[str]:
    return sorted(d.code for d in lint_text(text, channel="email", grammar="off", file="reply.txt").diagnostics)


URL = "https://cal.example.com/team/jess-smith/15-minute-call/setup/help"


def test_a_link_is_one_word_for_sentence_and_reply_length() -> None:
    sentence = f"Book a call with me here and I will walk you through it today: {URL}"
    assert word_count(sentence) == 15
    reply = f"Hi Omar,\n\nThanks for writing in, and sorry the guide was confusing.\n\n{sentence}\n\nBest,\nJess\n"
    assert "SK103" not in codes(reply)
    over_10 = LintConfig(options={"email-length": {"min_words": 0, "max_words": 10}})  # (where SK105 counts it)
    found = lint_text(reply, channel="email", grammar="off", config=over_10).diagnostics
    [length] = [d for d in found if d.code == "SK105"]
    assert "email is 29 words" in length.message  # (2 of the greeting, 10, 15 and 2 of the sign-off)
    assert word_count("Write to billing+eu@shop.example.co.uk today") == 4
    long = " ".join(["word"] * 25) + " " + URL
    assert "SK103" in codes(f"Hi Omar,\n\n{long}.\n")  # (26 words: the link is one of them)


def test_a_chat_reply_with_a_long_link_is_not_over_its_word_limit() -> None:
    reply = " ".join(["Thanks"] * 85) + " " + " ".join([URL] * 4)
    result = lint_text(reply, channel="chat", grammar="off", file="reply.txt")
    assert "SK104" not in [d.code for d in result.diagnostics]  # 89 words, not 85 + 4 x 11
