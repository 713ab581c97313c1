"""Sentence and word splitting (scriptkit.text)."""

from __future__ import annotations

import random
import re
from collections.abc import Iterator
from itertools import pairwise

from hypothesis import example, given
from hypothesis import strategies as st

from scriptkit.text import _ABBREVIATIONS, quoted_spans, sentence_spans, sentences, word_findall, words

# the definition: a sentence ends after . ! ? (and closing quotes or brackets) where white space
# follows, or at a blank line, but not after an abbreviation, nor after the number that opens a line's
# list item ("1. Open the app") where the line goes on, nor inside a quotation (nor at its end before a
# word in lower case: 'click "Forgot password?" and we'll email you')
_LOOKBEHIND = re.compile(r"(?<=[.!?])[\"'”’)\]]*\s+|\n\s*\n")


_ITEM_LINE = re.compile(r"[ \t]*(?:[-*+•·–]|\d{1,2}[.)])[ \t]+\S")
_GOES_ON_WORDS = {"a", "an", "the", "to", "of", "in", "on", "at", "by", "for", "with", "from", "into", "via", "per",
                  "and", "or", "but", "nor", "so", "as", "if", "than", "that", "our", "your", "my", "their", "his",
                  "her", "its", "this", "these", "those", "is", "are", "was", "were", "be", "will", "can", "i", "we"}


def _by_definition(text: str) -> Iterator[tuple[int, int]]:
    """The sentences, each then cut before each list item's line and after an item's last line (a line that
    starts with a capital after an item line that can end: not after a comma or "to", "the", ...)."""
    for a, b in _by_marks(text):
        cuts = [a]
        in_item = False
        line = text.rfind("\n", 0, a) + 1
        while line < b:
            nl = text.find("\n", line, b)
            end = b if nl < 0 else nl
            start = max(line, a)
            if _ITEM_LINE.match(text[line:end]) and not text[line:start].strip():
                cuts.append(start)
                in_item = True
            elif in_item and line > a and text[line:line + 1].isupper() and "A" <= text[line] <= "Z":
                before = text[text.rfind("\n", 0, line - 1) + 1:line - 1].rstrip(" \t\r")
                last = re.split(r"\W+", before)[-1].lower() if before else ""
                if not (before.endswith((",", "&", "/", "+", "–", "-")) or last in _GOES_ON_WORDS):
                    cuts.append(line)
                    in_item = False
            line = end + 1
        cuts.append(b)
        for x, y in pairwise(cuts):
            x += len(text[x:y]) - len(text[x:y].lstrip())
            y -= len(text[x:y]) - len(text[x:y].rstrip())
            if x < y:
                yield x, y


def _by_marks(text: str) -> Iterator[tuple[int, int]]:
    start = 0
    quotes = quoted_spans(text)
    for m in _LOOKBEHIND.finditer(text):
        if text[start:m.start()].rstrip().endswith(_ABBREVIATIONS):
            continue
        quote = next(((qa, qb) for qa, qb in quotes if qa < m.start() <= qb), None)
        # (a quotation's words go on after it in lower case: '"Done." thanks'; not across a blank line, which
        # always ends the sentence: '"a"\n\na')
        if quote is not None and not re.search(r"\n\s*\n", m.group()) \
                and (m.end() < quote[1] or text[m.end():m.end() + 1].islower()):
            continue
        line = text[text.rfind("\n", 0, m.start()) + 1:m.start()]
        if "\n" not in m.group() and re.fullmatch(r"[ \t]*\d{1,2}\.", line):
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
    alphabet = [*"ab .!?\"'”’)]\n\t17", "e.g.", "Mr.", " ", "\n2. ", "12."]
    for _ in range(20_000):
        text = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 16)))
        assert list(sentence_spans(text)) == list(_by_definition(text)), repr(text)


def test_a_numbered_list_item_keeps_its_number() -> None:
    text = "Here is what to do:\n1. Open the app.\n2. Tap Settings, then Reset.\n\nWe shipped 3. Then 4.\n\n5.\n\nBye"
    assert sentences(text) == ["Here is what to do:", "1. Open the app.", "2. Tap Settings, then Reset.",
                               "We shipped 3.", "Then 4.", "5.", "Bye"]


def test_words_keep_contractions_together() -> None:
    assert words("I'm sure it’s fine, Sam-3.") == ["I'm", "sure", "it’s", "fine", "Sam", "3"]


_PIECES = [*"ab .!?\"'”’)]\n\t\r\u00a0\u2029,3", "e.g.", "Mr.", "No.", "\n\n", "St.", "\n1. ", "10.", "\n 2.\t"]


@given(st.lists(st.sampled_from(_PIECES), max_size=20).map("".join))
@example('"a"\n\na')  # (a blank line after a quotation ends the sentence, in the definition too)
def test_sentence_spans_follow_the_definition_on_any_whitespace(text: str) -> None:
    assert list(sentence_spans(text)) == list(_by_definition(text))


# ---------------------------------------------------------------- word_findall

def _word_regexes() -> list[tuple[str, re.Pattern[str], bytes, bool]]:
    """Each regex read through ``word_findall``, its table, and whether it reads lower-cased text."""
    from scriptkit.rules import lexicon, readability, warmth

    return [("lexicon tokens", lexicon._TOKEN, lexicon._TOKEN_TABLE, False),
            ("readability words", readability.WORD, readability.WORD_TABLE, False),
            ("formality words", warmth._ASCII_WORD, warmth._ASCII_WORD_TABLE, True)]


# letters, digits, apostrophes of both kinds, word joiners, separators of every kind (ASCII and
# not, whitespace and not), letters outside ASCII, a surrogate
_WORD_PIECES = [*"aZ9_'’-.,!{}[]\t\n\x1c\x1f \u00a0\u0085\u2029\u3000éÀɏɐİ日\u0300–…\ud800",
                "don't", "it's9", "a''b", "'tis", "rock'n'roll", "we’ll", "x'", "  "]


@given(st.one_of(st.lists(st.sampled_from(_WORD_PIECES), max_size=30).map("".join), st.text(max_size=40)))
def test_word_findall_finds_what_the_regex_finds(text: str) -> None:
    for name, rx, table, lowered in _word_regexes():
        subject = text.lower() if lowered else text
        assert word_findall(rx, subject, table) == rx.findall(subject), name
