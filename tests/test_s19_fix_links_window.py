"""``keeps_links`` reads the lines an edit is on, not the whole text: asked once per finding of a long reply, it
read all of it each time (quadratic: ``review`` of 2 MB of apologies took over a minute). Its answers are those
of reading the whole text, templates that span lines included."""

from __future__ import annotations

import pytest

from scriptkit.text import keeps_links


@pytest.mark.timeout(60)
def test_a_long_text_is_read_on_the_edited_line_only() -> None:
    line = "Please see [our status page](https://status.example/a) for news.\n"
    text = line * 20000  # (1.3 MB, 20,000 links: each whole reading a few hundredths of a second)
    at = len(line) * 10000
    words = at + line.index("news")
    address = at + line.index("status.example")
    bracket = at + line.index("[")
    for _ in range(3000):  # (a finding on each line of a long reply)
        assert keeps_links(text, words, words + 4, "updates")
        assert not keeps_links(text, address, address + 6, "state")
        assert not keeps_links(text, bracket, bracket + 4, "ou")
    plain = "I am so sorry. " * 100000
    for i in range(0, 100000, 10):  # (no link anywhere: answered without reading the text again)
        assert keeps_links(plain, i * 15, i * 15 + 2, "We")


@pytest.mark.parametrize(("text", "old", "new", "kept"), [
    # a template spanning lines, inside a link's text: its stand-in keeps the link one link
    ("Hi.\n[see {{ x\n }} here](https://a.example) now", "here", "there", True),
    ("Hi.\n[see {{ x\n }} here](https://a.example) now", "a.example", "b.example", False),
    # a replacement that would close a link on another line's brackets is read with the whole text
    ("[see\nmore](u) or [this", "this", "this](u)", False),
    ("One. \\- Sam\nTwo", "One", "One", True),
    ("First line\n\\[not a link] and [a link](https://x.example)", "not", "no", True),
    ("First line\n\\[not a link] and [a link](https://x.example)", "\\[", "[", False),
    ("{{ a }} [b](c)\nd", "d", "[e](f)", False),
])
def test_the_answer_is_that_of_the_whole_text(text: str, old: str, new: str, kept: bool) -> None:
    at = text.rindex(old) if old != "One" else 0
    assert keeps_links(text, at, at + len(old), new) is kept
