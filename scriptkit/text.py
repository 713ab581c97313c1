"""Small text helpers shared by rules, inference and importers: sentences and words."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

# A sentence ends at . ! ? (plus closing quotes/brackets) followed by space, or at a blank line.
# (the mark or line break is matched first, as one character set, and told apart by looking
# behind: a pattern that starts with a character set lets the regex engine skip ahead to the
# next candidate, twice as fast as an alternation of the two; group 1 starts where the sentence ends)
_SENTENCE_END = re.compile(r"[.!?\n](?:(?<=[.!?])([\"'”’)\]]*\s+)|(?<=\n)\s*\n)")
_ABBREVIATIONS = ("e.g.", "i.e.", "etc.", "Mr.", "Mrs.", "Ms.", "Dr.", "vs.", "approx.", "No.", "St.")
_WORD = re.compile(r"[A-Za-z0-9\u00C0-\u024F]+(?:['’][A-Za-z]+)*")


def sentence_spans(text: str) -> Iterator[tuple[int, int]]:
    """``[start, end)`` of each sentence in ``text``, without surrounding whitespace."""
    return iter(_sentence_spans(text))


@lru_cache(maxsize=1024)  # slot inference and several rules split the same reply
def _sentence_spans(text: str) -> tuple[tuple[int, int], ...]:
    return tuple(_split_sentences(text))


def _split_sentences(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _SENTENCE_END.finditer(text):
        end = m.start(1)
        if end < 0:  # a blank line
            end = m.start()
            if text[start:end].rstrip().endswith(_ABBREVIATIONS):
                continue
        elif text.endswith(_ABBREVIATIONS, start, end):  # (the sentence ends with its mark)
            continue
        a, b = _trimmed(text, start, end)
        if a < b:
            spans.append((a, b))
        start = m.end()
    a, b = _trimmed(text, start, len(text))
    if a < b:
        spans.append((a, b))
    return spans


def _trimmed(text: str, a: int, b: int) -> tuple[int, int]:
    """``[a, b)`` without the whitespace at either end (empty when it is all whitespace)."""
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


def sentences(text: str) -> list[str]:
    return [text[a:b] for a, b in sentence_spans(text)]


def word_spans(text: str) -> Iterator[tuple[int, int]]:
    for m in _WORD.finditer(text):
        yield m.start(), m.end()


def words(text: str) -> list[str]:
    return _WORD.findall(text)
