"""Sentence and word splitting (scriptkit.text)."""

from __future__ import annotations

import random
import re
from collections.abc import Iterator

from hypothesis import given
from hypothesis import strategies as st

from scriptkit.text import _ABBREVIATIONS, sentence_spans, sentences, words

# the definition: a sentence ends after . ! ? (and closing quotes or brackets) where white space
# follows, or at a blank line, but not after an abbreviation
_LOOKBEHIND = re.compile(r"(?<=[.!?])[\"'”’)\]]*\s+|\n\s*\n")


def _by_definition(text: str) -> Iterator[tuple[int, int]]:
    start = 0
    for m in _LOOKBEHIND.finditer(text):
        if text[start:m.start()].rstrip().endswith(_ABBREVIATIONS):
            continue
        a, b = start, m.start()
        a += len(text[a:b]) - len(text[a:b].lstrip())
        b -= len(text[a:b]) - len(text[a:b].rstrip())
        if a < b:
            yield a, b
        start = m.end()
    a, b = start, len(text)
    a += len(text[a:b]) - len(text[a:b].lstrip())
    b -= len(text[a:b]) - len(text[a:b].rstrip())
    if a < b:
        yield a, b


def test_sentences_end_at_marks_and_blank_lines_not_abbreviations() -> None:
    text = 'Hi Sam,\n\nI\'m sorry! Is it late? It is, e.g. by a day. "Done." Thanks (really.) Bye'
    # (a closing quote or bracket after the mark is left between the sentences)
    assert sentences(text) == ["Hi Sam,", "I'm sorry!", "Is it late?", "It is, e.g. by a day.", '"Done.',
                               "Thanks (really.", "Bye"]


def test_sentence_spans_follow_the_definition_on_random_text() -> None:
    rnd = random.Random(7)
    alphabet = [*"ab .!?\"'”’)]\n\t", "e.g.", "Mr.", " "]
    for _ in range(20_000):
        text = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 16)))
        assert list(sentence_spans(text)) == list(_by_definition(text)), repr(text)


def test_words_keep_contractions_together() -> None:
    assert words("I'm sure it’s fine, Sam-3.") == ["I'm", "sure", "it’s", "fine", "Sam", "3"]


_PIECES = [*"ab .!?\"'”’)]\n\t\r\u00a0\u2029,", "e.g.", "Mr.", "No.", "\n\n", "St."]


@given(st.lists(st.sampled_from(_PIECES), max_size=20).map("".join))
def test_sentence_spans_follow_the_definition_on_any_whitespace(text: str) -> None:
    assert list(sentence_spans(text)) == list(_by_definition(text))
