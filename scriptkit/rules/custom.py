"""Custom rules (SK8xx): a team's brand voice as YAML data, no Python.

In pack.yaml (``rules: custom: [...]``), a rules file (``rules: files: [voice.yaml]``) or
``scriptkit.toml``. Four kinds, after Vale::

    - name: no-unfortunately        # kebab-case, unique
      kind: existence               # these words must not appear
      terms: [unfortunately, regrettably]
      patterns: ['\\bper (our|the) policy\\b']   # regular expressions, optional
      message: Leave out '{match}'; say what you can do instead.
      severity: warning             # error | warning | suggestion (default warning)
      code: SK810                   # optional; SK801, SK802... in order otherwise
      slots: [acknowledgment]       # optional: only text from these slots
      channels: [sms]               # optional: only these channels
    - name: say-refund
      kind: substitution            # swap X for Y; --fix applies it
      swap: {store credit: refund, reimbursement: refund}
    - name: thank-the-customer
      kind: occurrence              # a phrase must appear between min and max times
      terms: [thank you, thanks]
      min: 1
    - name: short-sms
      kind: metric                  # words | characters | sentences | sentence-words | exclamations
      metric: words
      max: 30
"""

from __future__ import annotations

import contextlib
import difflib
import errno
import functools
import importlib
import itertools
import operator
import os
import re
import string
import unicodedata
import warnings
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar

from scriptkit.diagnostics import PART, Location, Severity
from scriptkit.errors import ConfigError, ErrorCollector, path_error
from scriptkit.message import Message, Placeholder, Text
from scriptkit.rules.base import Finding, Rule, RuleContext
from scriptkit.rules.lexicon import address_spans
from scriptkit.sourcetext import expression_end
from scriptkit.text import SPACELESS, in_quotation, opens_sentence, sentence_spans, word_spans

Locator = Callable[[tuple[str | int, ...], bool], Location]

KINDS = ("existence", "substitution", "occurrence", "metric")
METRICS = ("words", "characters", "sentences", "sentence-words", "exclamations")
COMMON_KEYS = ("name", "kind", "code", "message", "severity", "description", "ignore-case", "slots",
               "channels", "suggestion")
KIND_KEYS: dict[str, tuple[str, ...]] = {
    "existence": ("terms", "patterns"),
    "substitution": ("swap", "fix"),
    "occurrence": ("terms", "patterns", "min", "max"),
    "metric": ("metric", "min", "max"),
}
DEFAULT_MESSAGES = {
    "existence": "Avoid '{match}'.",
    "substitution": "Say '{replacement}' instead of '{match}'.",
    "occurrence": "Use {terms} {expected} (found {count}).",
    "metric": "{metric} is {value}; the limit is {expected}.",
}
# the fields a kind's message may name: each plain, as {match} (checked at load, see _message_problem)
MESSAGE_FIELDS = {
    "existence": ("match",),
    "substitution": ("match", "replacement"),
    "occurrence": ("terms", "count", "expected"),
    "metric": ("metric", "value", "expected"),
}
MAX_PATTERN = 500
_BODY = ("acknowledgment", "warm_language", "solution", "other")
METRIC_LABELS = {"words": "Word count", "characters": "Length in characters", "sentences": "Sentence count",
                 "sentence-words": "Sentence length in words", "exclamations": "Exclamation marks"}
_NAME = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")
# a match of words alone (not "bit.ly/" or "@"), which inside a web or email address is no word of the reply
_WORDS_ONLY = re.compile(r"[\w'\u2019\s-]*")
_CODE = re.compile(r"^SK8\d\d$")


@dataclass(frozen=True)
class CustomSpec:
    name: str
    kind: str
    message: str
    pattern: re.Pattern[str] | None = None
    swaps: Mapping[str, str] = field(default_factory=dict)
    minimum: float | None = None
    maximum: float | None = None
    metric: str = ""
    slots: tuple[str, ...] = ()
    channels: tuple[str, ...] = ()
    suggestion: str | None = None
    terms: tuple[str, ...] = ()
    origin: str = ""

    @functools.cached_property
    def swap_table(self) -> Mapping[str, tuple[str, str]]:
        """Each swap, term and replacement, by its term as a match is compared with it: NFC, in lower case
        (read per message by the substitution rule and the fallbacks' check: made once)."""
        return {_nfc(k).lower(): (k, v) for k, v in self.swaps.items()}


# Letters of scripts written without spaces (scriptkit.text.SPACELESS) run on into the next word, so they mark no
# word's edge
_SPACELESS_CHAR = re.compile(f"[{SPACELESS}]")
# (a word's edge: no letter, digit or hyphen of a spaced script next to it)
_NOT_AFTER_WORD = rf"(?<![^\W{SPACELESS}])(?<!-)"
_NOT_BEFORE_WORD = rf"(?![^\W{SPACELESS}]|-)"


def _term_regex(terms: Sequence[str], patterns: Sequence[str]) -> str:
    """Terms match as whole words with any whitespace between their words; longest first. A term's side in a
    script written without spaces ("ご迷惑" in "遅れてご迷惑をおかけし") asks for no word's edge there: the
    letters next to it are another word's."""
    parts = []
    for term in sorted(terms, key=len, reverse=True):
        words = r"\s+".join(re.escape(w) for w in term.split())
        before = "" if _SPACELESS_CHAR.match(term.strip()[:1]) else _NOT_AFTER_WORD
        after = "" if _SPACELESS_CHAR.match(term.strip()[-1:]) else _NOT_BEFORE_WORD
        parts.append(f"{before}{words}{after}")
    return "|".join([f"(?:{p})" for p in parts] + [f"(?:{p})" for p in patterns])


# a word that opens a noun phrase: one before the term ("our customer service team") and one opening the
# replacement ("the Kitchen Crew") would be two ("our the Kitchen Crew team"); the text's own is kept
_DETERMINERS = frozenset({"a", "an", "the", "our", "your", "my", "their", "its", "this", "these", "those"})
_WORD_BEFORE = re.compile(r"(?<![\w'\u2019-])[\w'\u2019-]+\s+$")
# "it's" is "it is", not a possessive
_NOT_POSSESSIVE = frozenset({"it's", "that's", "there's", "here's", "what's", "who's", "he's", "she's", "where's",
                             "how's", "let's"})
# words a name in capitals leaves small ("the Bank of England")
_SMALL_WORDS = _DETERMINERS | {"and", "or", "of", "to", "in", "on", "for", "at", "by", "with", "from"}


def _cased(found: str, term: str, value: str, opens: bool) -> str:
    """``value`` (a swap's replacement as the rule writes it) cased as the text cases ``found`` where the rule's
    own ``term`` does not: in capitals where the text shouts ("MEAL KIT": "BOX"), each word capitalised where a
    capital mid-sentence makes it a name ("our Customer Service team": "our Kitchen Crew team"), the first letter
    at a sentence's start. Capitals the term has too ("ASAP", "Zendesk") tell nothing of the text. A replacement
    with capitals of its own ("iPhone", "ACME", "the Kitchen Crew") is a spelling the team chose: written as given,
    save a first word in small letters at a sentence's start ("The Kitchen Crew"; "iPhone" stays)."""
    if _OWN_CAPITALS.search(value):  # (not the pronoun's: "I'm" for "I AM" is "I'M" where the text shouts)
        first = value.split(" ")[0]
        return value[:1].upper() + value[1:] if opens and found[:1].isupper() and first == first.lower() else value
    if sum(c.isalpha() for c in found) > 1 and found.isupper() and not term.isupper():
        return value.upper()
    if found[:1].isupper() and not term[:1].isupper() and not opens:
        return " ".join(w[:1].upper() + w[1:] if w[:1].islower() and w.lower() not in _SMALL_WORDS else w
                        for w in value.split(" "))
    if opens and found[:1].isupper():
        return value[:1].upper() + value[1:]
    return value


_OWN_CAPITALS = re.compile(r"[A-Z](?<!\bI(?=\b|['\u2019]))")  # (a capital other than the word "I")


def _begun(text: str, lo: int, start: int) -> bool:
    """Whether the word before ``start`` opens the noun phrase the term is in, where a replacement's own determiner
    would be a second one: a determiner ("our customer service"), a possessive ("Paysend's customer service"), or
    a name that a capitalised term goes on ("Paysend Customer Support"). (An adjective, "our friendly customer
    service", is not told from a verb, "it reached customer service".)"""
    m = _WORD_BEFORE.search(text, max(lo, start - 40), start)
    if m is None:
        return False
    word = m.group(0).split()[0].replace("\u2019", "'")
    low = word.lower()
    if low in _DETERMINERS or (low.endswith(("'s", "s'")) and low not in _NOT_POSSESSIVE):
        return True
    return (text[start:start + 1].isupper() and word[:1].isupper() and word != "I"
            and not opens_sentence(text, m.start()))


# The words before a verb, not a noun: a subject ("we plan", "they'll plan"), a modal or "do" ("can plan", "don't
# plan"); "you" only before "to" ("you plan to"), as it is an object too ("I'll send you plan details").
_SUBJECTS = frozenset({"i", "we", "they", "he", "she", "let's"})
_MODALS = frozenset({"will", "would", "can", "could", "should", "must", "may", "might", "shall", "do", "does", "did",
                     "don't", "doesn't", "didn't", "won't", "wouldn't", "can't", "cannot", "couldn't", "shouldn't"})
_WORD_AFTER = re.compile(r"[ \t]+([\w'\u2019]+)")
# a word that is only ever a noun: a verb's place ("we subscription") reads wrong with it
_NOUN_ENDINGS = ("tion", "sion", "ment", "ness", "ity", "ship", "ance", "ence", "ancy", "ency", "ism", "hood", "dom")
# a label after a capitalised word makes a name: "Plan B", "Tier 2" (not "I", the pronoun: "the Plan I chose")
_LABEL = re.compile(r"[ \t]+(?:[A-HJ-Z]|\d+)(?![\w'\u2019-])")


def _reads_wrong(text: str, lo: int, start: int, end: int, value: str) -> str | None:
    """Why swapping ``text[start:end]`` for ``value`` would not read as the sentence means it, or None: a name
    the word is part of ("Plan B" is no "Subscription B"), or a verb's place taken by a word that is only a noun
    ("We plan to ship" is no "We subscription to ship"). (No tagger: only the signs that tell it plainly.)"""
    found = text[start:end]
    label = _LABEL.match(text, end) if found[:1].isupper() else None
    if label is not None:
        return f'"{found}{label.group(0)}" reads as a name'
    if " " in value.strip() or not value.lower().endswith(_NOUN_ENDINGS):
        return None  # (a word that may be a verb too, "use", "help": the swap may read right)
    m = _WORD_BEFORE.search(text, max(lo, start - 40), start)
    before = m.group(0).split()[0].replace("\u2019", "'").lower() if m else ""
    after = _WORD_AFTER.match(text, end)
    to = after is not None and after.group(1).lower() == "to"
    if (before in _SUBJECTS or before in _MODALS or before.endswith(("'ll", "'d"))
            or (to and (before == "you" or opens_sentence(text, start)))):
        said = (text[m.start():end] if m else found) + (" to" if to else "")
        return f'"{found}" is a verb here ("{said}"), which "{value}" is not'
    return None


def _swap(text: str, lo: int, start: int, end: int, term: str, value: str) -> tuple[int, str | None, str]:
    """The rewrite of ``text[start:end]`` (``term`` found there; ``lo``: where the text the rule reads begins) as
    ``value``: where it starts, at an "a" or "an" before it that the new word changes ("an account": "a profile");
    that article as it is rewritten, with a space ("" when it stays; None when the spelling does not tell it,
    "a SMS code" or "an SMS code", so the swap is left to the writer); and the words put in place of the term."""
    from scriptkit.rules.warmth import _article_before, _indefinite_article, match_case

    found = text[start:end]
    words = value.split(None, 1)
    if len(words) == 2 and words[0].lower() in _DETERMINERS and _begun(text, lo, start):
        value = words[1]  # "our customer service team" -> "our Kitchen Crew team", not "our the Kitchen Crew team"
    rewrite = _cased(found, term, value, opens_sentence(text, start))
    article = _article_before(text, start)
    if article is None or article < lo:
        return start, "", rewrite
    wanted = _indefinite_article(value)  # (of the words as the rule writes them: "BOX" would read as an abbreviation)
    said = text[article:start].split()[0]
    if wanted is None:
        return start, None, rewrite
    if wanted == said.lower():
        return start, "", rewrite
    shouts = rewrite.isupper() and rewrite != value  # ("A MEAL KIT": "AN E-GIFT CARD")
    return article, (wanted.upper() if shouts else match_case(wanted, said)) + " ", rewrite


def _filled_in(message: Message, start: int) -> str | None:
    """Why the words at ``start`` cannot be fixed where the script writes them, or None: the template fills them in
    (a pack constant's text, "{{ help_line }}"), so they are changed where they are written, for every script."""
    held = next(message.spans_over(start, start + 1), None)  # (the segment holding ``start``, found by bisection)
    source = held[2].source if held is not None and isinstance(held[2], Text) else None
    if source is not None and not source.literal:
        return ("the words are filled in by the template (a pack constant, or a {{ }} expression): change "
                "them where they are written, which changes them in every script that uses them")
    return None


@dataclass(frozen=True)
class _Hit:
    """A term or pattern found: ``start`` and ``end`` in the reply as written, ``found`` the words there."""

    start: int
    end: int
    found: str


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _composed(text: str) -> tuple[str, list[int], list[int], list[int]] | None:
    """``text`` composed (NFC), where its accents are stored apart ("a" and a combining diaeresis, as some macOS apps
    paste "ä"), else None: with, for each offset of the composed text, where it starts and ends in ``text`` (its
    run's start, and the end of the run before it), and for each offset of ``text``, the composed one. A run is a
    character and the marks that compose with it; terms are matched on the composed text, findings placed on
    ``text``, so file:line:col and --fix point at the characters as written."""
    if unicodedata.is_normalized("NFC", text):
        return None
    runs: list[tuple[int, int]] = []
    start = 0
    for i in range(1, len(text)):
        if not unicodedata.combining(text[i]):  # (a mark never starts a run; a letter may still compose: asked)
            run, ch = text[start:i], text[i]
            if _nfc(run + ch) == _nfc(run) + _nfc(ch):
                runs.append((start, i))
                start = i
    runs.append((start, len(text)))
    pieces: list[str] = []
    starts: list[int] = []
    ends: list[int] = [0]
    back = [0] * (len(text) + 1)
    size = 0
    for a, b in runs:
        piece = _nfc(text[a:b])
        pieces.append(piece)
        starts.extend([a] * len(piece))
        ends.extend([b] * len(piece))
        back[a:b] = [size] * (b - a)
        size += len(piece)
    starts.append(len(text))
    back[len(text)] = size
    return "".join(pieces), starts, ends, back


class CustomRule(Rule):
    """Base of the rules a pack declares in YAML."""

    spec: ClassVar[CustomSpec]
    #: its code was handed out in order (no ``code:`` in its rule): another pack, or one more rule, numbers it otherwise
    numbered: ClassVar[bool] = False
    #: where the rule is written (its name), for a note that a selector should name it or its rule pin a code
    written_at: ClassVar[Location | None] = None
    #: where each of its swaps is written (a substitution), and which load built it: a swap loop across two
    #: sources of settings (scriptkit.toml and pack.yaml) is found after both are read
    swap_at: ClassVar[Mapping[str, Location]] = {}
    batch: ClassVar[int] = 0

    def _scoped(self, message: Message, text_only: bool = False) -> list[tuple[int, int]]:
        """The ``[start, end)`` ranges of ``message.text`` this rule reads (``text_only``: no placeholders)."""
        if self.spec.channels and message.channel not in self.spec.channels:
            return []
        if not self.spec.slots and not text_only:
            return [(0, len(message.text))]
        ranges: list[tuple[int, int]] = []
        for s, e, seg in message.spans():
            if (not self.spec.slots or seg.slot in self.spec.slots) and (isinstance(seg, Text) or not text_only):
                if ranges and ranges[-1][1] == s:
                    ranges[-1] = (ranges[-1][0], e)
                else:
                    ranges.append((s, e))
        return ranges

    def _hits(self, message: Message) -> Iterator[_Hit]:
        return (m for m, _ in self._hits_in(message))

    def _hits_in(self, message: Message) -> Iterator[tuple[_Hit, int]]:
        """Each match, with where the run of the reply's own words it is found in begins."""
        if self.spec.pattern is None:
            return
        text = message.text
        # (the terms are composed when the rule is read: so is the text they are looked for in, see _composed)
        composed = _composed(text)
        searched, starts, ends, back = composed if composed else (text, None, None, None)
        # terms inside a placeholder ({{order.number}}) or a blank are not words of the reply
        allowed = self._scoped(message, text_only=True)
        addresses: list[tuple[int, int]] | None = None  # (read once, and only when a term is found)
        for a, b in self._scoped(message):
            for m in bounded_finditer(self.spec.pattern, searched, back[a] if back else a, back[b] if back else b):
                start, end = (starts[m.start()], ends[m.end()]) if starts and ends else m.span()
                lo = next((s for s, e in allowed if s <= start and end <= e), None)
                if lo is None:
                    continue
                if _WORDS_ONLY.fullmatch(m.group(0)):
                    # nor are words inside a web or email address ("example.com/plan/faq", "plan@example.com"):
                    # clicked, not read (a pattern of the address's own, "bit\.ly/", still finds it)
                    if addresses is None:
                        addresses = address_spans(text)
                    if any(x <= start and end <= y for x, y in addresses):
                        continue
                yield _Hit(start, end, text[start:end]), lo

    def _fallback_hits(self, message: Message,
                       ctx: RuleContext) -> Iterator[tuple[int, int, Placeholder, str, Location | None]]:
        """Each match in a placeholder's fallback (``| fallback('valued customer')``), which the customer reads
        where the helpdesk has no value for it: the placeholder's span, the fallback, the words found, and where
        they are written (None when the file does not show them as the fallback reads)."""
        if self.spec.pattern is None or "{{" not in message.text:
            return
        scoped: list[tuple[int, int]] | None = None  # (asked only of a message with a fallback)
        for a, b, seg in message.spans():
            if not isinstance(seg, Placeholder) or not seg.fallback:
                continue
            if scoped is None:
                scoped = self._scoped(message)
            if not any(x <= a and b <= y for x, y in scoped):
                continue
            words = _nfc(seg.fallback)
            for m in self.spec.pattern.finditer(words):
                if _WORDS_ONLY.fullmatch(m.group(0)) and any(x <= m.start() and m.end() <= y
                                                              for x, y in address_spans(words)):
                    continue
                yield a, b, seg, m.group(0), _fallback_location(seg, m.start(), ctx, message)

    def check(self, message: Message, ctx: RuleContext) -> Iterable[Finding]:
        spec = self.spec
        if spec.kind in ("existence", "substitution"):  # (a fallback's words are sent when the field is empty)
            yield from self._in_fallbacks(message, ctx)
        if spec.kind == "existence":
            for m in self._hits(message):
                yield Finding(m.start, m.end, _fill(spec.message, match=m.found), spec.suggestion)
        elif spec.kind == "substitution":
            from scriptkit.rules.warmth import _quotations  # (warmth reads this module: imported when used)

            text = message.text
            quoted: list[tuple[int, int]] | None = None  # (read once, and only when a term is found)
            for m, lo in self._hits_in(message):
                if quoted is None:
                    quoted = _quotations(message)
                if in_quotation(quoted, m.start, m.end):
                    continue  # a screen's label or the customer's words, quoted ('in "My account"'): kept as written
                found = m.found
                term, value = spec.swap_table.get(" ".join(_nfc(found).lower().split()), ("", ""))
                start, article, repl = _swap(text, lo, m.start, m.end, term, value)
                if found == repl:  # (already as the rule writes it: "iPhone" for the term "iphone")
                    continue
                said = _fill(spec.message, match=found, replacement=repl)
                wrong = _reads_wrong(text, lo, m.start, m.end, value) or _filled_in(message, m.start)
                if wrong is not None:  # (the finding stands; the words around it are the writer's to mend)
                    yield Finding(m.start, m.end, said,
                                  (spec.suggestion or f"'{repl}'") + f", by hand: no automatic fix, as {wrong}")
                elif article is None:  # (the swap said, to be made by hand with the article it takes)
                    yield Finding(m.start, m.end, said,
                                  spec.suggestion or f"'{repl}', with 'a' or 'an' before it as it is said")
                else:
                    yield Finding(start, m.end, said, spec.suggestion or f"'{article}{repl}'",
                                  replacement=article + repl)
        elif spec.kind == "occurrence":
            if spec.channels and message.channel not in spec.channels:
                return
            ranges = self._scoped(message)  # empty when the script lacks the slots: count is 0
            hits = list(self._hits(message))
            count = len(hits)
            terms = " or ".join(f"'{t}'" for t in spec.terms) or "the required phrase"
            if spec.minimum is not None and count < spec.minimum:
                # the text searched, where the phrase is missing (an empty span marked no text): the script's own
                # slots when it is the whole reply, not the pack-wide greeting before them (as a metric's)
                from scriptkit.rules.readability import body_span

                whole = ranges == [(0, len(message.text))] or not ranges
                start, end = body_span(message) if whole else (ranges[0][0], ranges[-1][1])
                if start < end:  # (an empty reply has no text to point at: the rules on empty replies say so)
                    yield Finding(start, end, _fill(spec.message, terms=terms, count=count,
                                                    expected=f"at least {spec.minimum:g} time(s)"),
                                  spec.suggestion, extra=None if whole else {PART: "slot"})
            if spec.maximum is not None and count > spec.maximum:
                extra = hits[int(spec.maximum)]
                yield Finding(extra.start, extra.end,
                              _fill(spec.message, terms=terms, count=count,
                                    expected=f"at most {spec.maximum:g} time(s)"),
                              spec.suggestion, extra={PART: "phrase"})
        else:
            yield from self._metric(message, ctx)

    def _in_fallbacks(self, message: Message, ctx: RuleContext) -> Iterator[Finding]:
        spec = self.spec
        for a, b, seg, found, at in self._fallback_hits(message, ctx):
            where = f"In {seg.name}'s fallback '{seg.fallback}', which the customer reads when it is empty: "
            # (the words themselves marked, as a finding in the text is, where the file shows them)
            extra = {"end_line": str(at.line), "end_col": str(at.col + len(found))} if at is not None else None
            if spec.kind == "existence":
                yield Finding(a, b, where + _fill(spec.message, match=found), spec.suggestion, location=at,
                              extra=extra, text=found)
                continue
            value = spec.swap_table.get(" ".join(found.lower().split()), ("", ""))[1]
            if not value or found == value:  # (already as the rule writes it)
                continue
            yield Finding(a, b, where + _fill(spec.message, match=found, replacement=value),
                          (spec.suggestion or f"'{value}'") + ", by hand: a fallback is not fixed automatically",
                          location=at, extra=extra, text=found)

    def _metric(self, message: Message, ctx: RuleContext) -> Iterator[Finding]:
        from scriptkit.rules.readability import sample_between

        spec = self.spec
        text = message.text
        for a, b in self._scoped(message):
            # (measured as the customer reads it: a placeholder is its sample value, not the {{ ... }} it is
            # written as, which counted 13 words in "Hi Maya! Sorry it broke. I've sent a new one today.")
            chunk = sample_between(message, ctx, a, b)
            part: Mapping[str, str] | None = {PART: "slot"}
            if spec.metric == "sentence-words":
                units = [(a + s, a + e, float(len(list(word_spans(sample_between(message, ctx, a + s, a + e))))))
                         for s, e in sentence_spans(text[a:b])]
                part = {PART: "sentence"}
            elif (a, b) == (0, len(text)):  # the whole reply, measured whole but placed on the script's own
                # slots: at the shared greeting in pack.yaml it named no script (as SK105 is placed)
                from scriptkit.rules.readability import body_span

                units, part = [(*body_span(message), float(_measure(spec.metric, chunk)))], None
            else:
                units = [(a, b, float(_measure(spec.metric, chunk)))]
            for s, e, amount in units:
                for bound, bad, word in ((spec.maximum, amount > (spec.maximum or 0), "at most"),
                                         (spec.minimum, amount < (spec.minimum or 0), "at least")):
                    if bound is not None and bad:
                        yield Finding(s, e, _fill(spec.message, metric=METRIC_LABELS[spec.metric],
                                                  value=f"{amount:g}", expected=f"{word} {bound:g}"), spec.suggestion,
                                      extra=part)


# A long text (a 2 MB reply given to review) is searched a window at a time: a loop that passes
# the slow-pattern check ("\w+!", ".*policy") still tries every start against the text after it,
# the square of the text's length in all (40,000 letters: seconds), and the check cannot see
# every shape. In windows the work grows with the text's length. A match is taken from a window
# with at least _REACH characters of text after it in view (or the text's end); a match longer
# than _WINDOW - _REACH characters is cut there. Texts up to _LONG characters (every script and
# ordinary reply) are searched whole, as before.
_LONG = 5000
_WINDOW = 1000
_REACH = 250


def _fallback_location(seg: Placeholder, index: int, ctx: RuleContext, message: Message) -> Location | None:
    """Where character ``index`` of ``seg``'s fallback is written: in the ``{{ ... }}`` its placeholder starts
    with, in the script's file or pack.yaml. None (the placeholder's own place) where the file does not hold the
    fallback as the reply reads it (a constant's, or one a YAML escape spells otherwise)."""
    if seg.source is None or ctx.pack is None or seg.fallback is None:
        return None
    start = seg.source.start
    origins = [ctx.pack.origin]
    with contextlib.suppress(KeyError):  # (a message of no script of the pack: the pack's own text only)
        origins.insert(0, ctx.pack.script(message.script_id).origin)
    source = next((o.source for o in origins if o is not None and o.source.path == start.file), None)
    if source is None or start.offset < 0:
        return None
    end = expression_end(source.text, start.offset)
    at = source.text.find(seg.fallback, start.offset, end) if end is not None else -1
    return source.location(at + index) if at >= 0 else None


def bounded_finditer(pattern: re.Pattern[str], text: str, a: int, b: int) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text, a, b)``, in windows when ``b - a`` is long (see above)."""
    if b - a <= _LONG:
        yield from pattern.finditer(text, a, b)
        return
    pos = a
    while pos <= b:
        hi = min(b, pos + _WINDOW)
        m = pattern.search(text, pos, hi)
        if m is None:
            if hi == b:
                return
            pos = hi - _REACH  # (starts before it were tried with _REACH characters after them)
            continue
        if hi < b and m.end() > hi - _REACH and m.start() > pos:
            pos = m.start()  # try it again with the text after it in view
            continue
        yield m
        pos = m.end() + (m.end() == m.start())


def _measure(metric: str, chunk: str) -> int:
    if metric == "words":
        return len(list(word_spans(chunk)))
    if metric == "characters":
        return len(chunk)
    if metric == "sentences":
        return len(list(sentence_spans(chunk)))
    return chunk.count("!")


def _docs(spec: CustomSpec, description: str) -> str:
    what = {
        "existence": f"Flags {_describe(spec)}.",
        "substitution": "Swaps " + ", ".join(f"'{k}' for '{v}'" for k, v in spec.swaps.items()) + ".",
        "occurrence": f"Requires {_describe(spec)}"
                      + (f" at least {spec.minimum:g} time(s)" if spec.minimum is not None else "")
                      + (f" at most {spec.maximum:g} time(s)" if spec.maximum is not None else "") + ".",
        "metric": f"Keeps {spec.metric}"
                  + (f" at least {spec.minimum:g}" if spec.minimum is not None else "")
                  + (f" at most {spec.maximum:g}" if spec.maximum is not None else "") + ".",
    }[spec.kind]
    scope = " Placeholders' fallbacks are read too." if spec.kind in ("existence", "substitution") else ""
    if spec.slots:
        scope += f" Only in slots: {', '.join(spec.slots)}."
    if spec.channels:
        scope += f" Only on channels: {', '.join(spec.channels)}."
    fix = ("Safe: `--fix` swaps the term where it is literal text in the YAML, with 'a' or 'an' before it as the "
           "new words are said, one determiner (the text's), and the text's capitals; where the spelling does not "
           "tell the article (an abbreviation), where the term is part of a name ('Plan B'), or where it is a verb "
           "('we plan to') and the new word only a noun, the swap is left to you. Words in quotation marks (a "
           "screen's label, 'in \"My account\"') are not reported. A term in a "
           "placeholder's fallback (\"fallback('your ticket')\") is reported and swapped by hand."
           if spec.kind == "substitution"
           else "No automatic fix.")
    summary = description or f"Team rule ({spec.kind}): {what}"
    example, instead = _example(spec)
    return (f"{summary}\n\n## What it does\n{what}{scope}\n\n## Why it matters\n"
            f"{_a(spec.kind).capitalize()} rule of this team's brand voice, "
            f"declared in {spec.origin or 'the pack'}.\n\n"
            f"## Example\n{example}\n\n## Use instead\n{instead}\n\n"
            f"## Options\nNone: edit the rule's YAML.\n\n## Fix safety\n{fix}")


def _example(spec: CustomSpec) -> tuple[str, str]:
    """The rule's Example and Use instead: what it reports on a reply, with the message filled in
    as a finding shows it (the message as written, ``{match}`` and all, told a writer nothing)."""
    terms = " or ".join(f"'{t}'" for t in spec.terms) or "the required phrase"
    if spec.kind == "substitution":
        term, replacement = next(iter(spec.swaps.items()))
        said = _fill(spec.message, match=term, replacement=replacement)
        return f"A reply that says '{term}' is reported: {said}", spec.suggestion or f"'{replacement}'"
    if spec.kind == "existence":
        term = spec.terms[0] if spec.terms else ""
        said = _fill(spec.message, match=term or "...")
        where = f"says '{term}'" if term else "matches the rule's patterns"
        return f"A reply that {where} is reported: {said}", spec.suggestion or "The reply without it."
    if spec.kind == "occurrence":
        if spec.minimum:
            said = _fill(spec.message, terms=terms, count=0, expected=f"at least {spec.minimum:g} time(s)")
            return (f"A reply without {terms} is reported: {said}",
                    spec.suggestion or f"A reply that uses {terms} at least {spec.minimum:g} time(s).")
        most = spec.maximum or 0
        said = _fill(spec.message, terms=terms, count=int(most) + 1, expected=f"at most {most:g} time(s)")
        return (f"A reply that uses {terms} {int(most) + 1} time(s) is reported: {said}",
                spec.suggestion or f"A reply that uses {terms} at most {most:g} time(s).")
    label = METRIC_LABELS[spec.metric]
    if spec.maximum is not None:
        value, expected = spec.maximum + 1, f"at most {spec.maximum:g}"
    else:
        value, expected = max((spec.minimum or 0) - 1, 0), f"at least {spec.minimum or 0:g}"
    bounds = [f"at least {spec.minimum:g}" if spec.minimum is not None else "",
              f"at most {spec.maximum:g}" if spec.maximum is not None else ""]
    said = _fill(spec.message, metric=label, value=f"{value:g}", expected=expected)
    return (f"A reply with a {label.lower()} of {value:g} is reported: {said}",
            spec.suggestion or f"A reply with a {label.lower()} of {' and '.join(b for b in bounds if b)}.")


def _describe(spec: CustomSpec) -> str:
    return ", ".join(f"'{t}'" for t in spec.terms) or "the rule's patterns"


# ---------------------------------------------------------------- slow regular expressions

# Python's re backtracks and has no timeout, and a pack is untrusted input: a pattern that can
# match the same text along two different routes through a loop ("(a|aa)+", "(a+)+",
# "(\w+\s?)+") takes exponential time on a short text that fails at its end, and loops that
# can share their text in a row ("(.*a){5}") take a high power of its length. The pattern is
# read into a position automaton (one state per character it matches) whose edges are counted
# once per route through the pattern, and two walks over the same text are compared: the
# classic test for exponential ambiguity (Weber and Seidl), with character classes judged on a
# sample of characters. (re's own parser reads the pattern, so the check sees what re runs.)
_sre: Any = importlib.import_module("re._parser")
_UNROLL = 5  # copies of a counted repeat before it is read as unbounded: "x{2,100}" as "xx+"
_MAX_STATES = 400  # positions of a pattern the check reads; a longer one is refused as too complex
_MAX_LOOP_STATES = 80  # positions of one loop the pairwise comparison reads (its cost grows as the fourth power)
_SAMPLE = "".join(map(chr, range(128))) + "\u00a0\u00e9\u00c9\u00df\u00f1\u2019\u201c\u2014\u0663\u3000\u20ac\u4e00"
SLOW_HINT = ("Give each stretch of text one way to match: write (a+)+ as a+, (a|aa)+ and (a|a)+ as a+, "
             "(a|)+ and (a?)* as a*, (a?){30} as a{0,30}, (a{1,4}){1,4} as a{1,16}, "
             "(\\w+\\s?)+ as \\w+(\\s\\w+)*, \\w*\\w*! as \\w*!, or list plain words under terms:.")
_CATEGORIES = {"CATEGORY_DIGIT": r"\d", "CATEGORY_NOT_DIGIT": r"\D", "CATEGORY_SPACE": r"\s",
               "CATEGORY_NOT_SPACE": r"\S", "CATEGORY_WORD": r"\w", "CATEGORY_NOT_WORD": r"\W"}


class _TooComplex(Exception):
    pass


class _SharedCopies(Exception):
    """A counted repeat of more than _UNROLL copies of a part that can match nothing or something."""


_Read = tuple[int, dict[int, int], dict[int, int]]  # ways to match nothing, first and last positions (with routes)


def _ways(n: int) -> int:
    return min(n, 2)  # (one route or more than one: all the check needs to know)


def _add(into: Mapping[int, int], more: Mapping[int, int], times: int = 1) -> dict[int, int]:
    out = dict(into)
    if times:
        for p, n in more.items():
            out[p] = _ways(out.get(p, 0) + n * times)
    return out


class _Automaton:
    """Positions of a parsed pattern, each with what it matches, and counted edges between them."""

    def __init__(self) -> None:
        self.items: list[tuple[Any, Any]] = []  # the (op, argument) each position matches
        self.edges: dict[int, dict[int, int]] = {}  # position -> next position -> routes
        self.groups: dict[int, Any] = {}  # group number -> its parsed pattern (a back-reference reads it again)
        self.checks: list[int] = []  # where a zero-width test ($, \b, a lookahead) stands: before this position
        self.empty_loop = False  # a repeat without end of a part that can match nothing ("(a|)+", "(a?)*")

    def _link(self, sources: Mapping[int, int], targets: Mapping[int, int]) -> None:
        for a, ways_a in sources.items():
            row = self.edges.setdefault(a, {})
            for b, ways_b in targets.items():
                row[b] = _ways(row.get(b, 0) + ways_a * ways_b)

    def read(self, pattern: Any) -> _Read:
        """Reads a parsed (sub)pattern: in how many ways it can match nothing (0: it cannot), and its
        first and last positions, each with the number of routes that reach it (or leave from it)."""
        return self._sequence(self._item(op, arg) for op, arg in pattern)

    def _sequence(self, parts: Iterable[_Read]) -> _Read:
        empty, first, last = 1, dict[int, int](), dict[int, int]()
        for e, f, la in parts:
            self._link(last, f)
            first = _add(first, f, empty)
            last = _add(la, last, e)
            empty = _ways(empty * e)
        return empty, first, last

    def _item(self, op: Any, arg: Any) -> _Read:
        if op in (_sre.LITERAL, _sre.NOT_LITERAL, _sre.ANY, _sre.IN):
            if len(self.items) >= _MAX_STATES:
                raise _TooComplex
            self.items.append((op, arg))
            return 0, {len(self.items) - 1: 1}, {len(self.items) - 1: 1}
        if op is _sre.SUBPATTERN:
            inner = self.read(arg[-1])
            if arg[0] is not None:  # (after reading it: "(a\1)" refers to itself)
                self.groups[arg[0]] = arg[-1]
            return inner
        if op is _sre.BRANCH:
            # every option is a route: "(?:a|a)" is read as "a(?:|)", which leaves the a in two ways
            read = [self.read(option) for option in arg[1]]
            return (_ways(sum(r[0] for r in read)), functools.reduce(_add, (r[1] for r in read), {}),
                    functools.reduce(_add, (r[2] for r in read), {}))
        if op is _sre.GROUPREF_EXISTS:  # (one option or the other, as the group matched)
            yes, no = self.read(arg[1]), self.read(arg[2] or [])
            return (max(yes[0], no[0]), {p: max(yes[1].get(p, 0), no[1].get(p, 0)) for p in yes[1] | no[1]},
                    {p: max(yes[2].get(p, 0), no[2].get(p, 0)) for p in yes[2] | no[2]})
        if op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT) or op is getattr(_sre, "POSSESSIVE_REPEAT", None):
            return self._repeat(*arg)
        if op is getattr(_sre, "ATOMIC_GROUP", None):
            return self.read(arg)
        if op is _sre.GROUPREF:
            # "(.*)\1x": the back-reference reads text as its group did, as long as it, and costs as much to
            # try: read as a copy of the group, "(.*)(.*)x" (one it cannot see yet, "\1(a)", as anything)
            self.checks.append(len(self.items))
            group = self.groups.get(arg)
            return self.read(group) if group is not None else self._repeat(0, _sre.MAXREPEAT, [(_sre.ANY, None)])
        self.checks.append(len(self.items))  # (it can fail, as a character can)
        if op in (_sre.ASSERT, _sre.ASSERT_NOT):
            self.read(arg[1])  # backtracks like the rest, but consumes nothing here
        return 1, {}, {}  # anchors (^, \b)

    def _repeat(self, low: int, high: int, body: Any) -> _Read:
        # re ends a repeat at an iteration that matched nothing, once it has its minimum: below it, each
        # copy of a part that can match nothing may or may not read the text ("(a?){30}": the a's of a
        # text can be shared among the 30 copies in 2**30 ways); past it, a copy that matches nothing
        # is one more way to stop ("(a?)*" stops in two ways)
        unbounded = high == _sre.MAXREPEAT or high > _UNROLL
        parts: list[_Read] = []
        for _ in range(min(low, _UNROLL)):
            parts.append(self.read(body))
        if low > _UNROLL and parts and parts[0][0] and parts[0][1]:
            raise _SharedCopies
        for _ in range((0 if unbounded else high) - min(low, _UNROLL)):
            e, f, la = self.read(body)
            parts.append((_ways(1 + e), f, la))
        if unbounded:
            e, f, la = self.read(body)
            # each copy may read a character or nothing, and re tries both at every character of every start:
            # "(a|)+x" takes eight times as long as "a+x", the same text, and "(a|){2,}x" twenty times ("(a?){0,30}"
            # tries at most 30 copies: no slower than "a{0,30}")
            self.empty_loop = self.empty_loop or (e > 0 and high == _sre.MAXREPEAT)
            self._link(la, f)  # the loop
            parts.append((_ways(1 + e), f, _add({}, la, 1 + e)))
        return self._sequence(parts)

    def masks(self) -> list[int]:
        """What each position matches, as a bit mask over a sample of characters (the ASCII
        range, a few others, and every character the pattern names), in either case (a
        pattern may turn case folding on for a part of itself)."""
        named: set[str] = set()
        for op, arg in self.items:
            for sub_op, sub_arg in (arg if op is _sre.IN else [(op, arg)]):
                if sub_op in (_sre.LITERAL, _sre.NOT_LITERAL):
                    named.add(chr(sub_arg))
                elif sub_op is _sre.RANGE:
                    named.update(map(chr, sub_arg))
        sample = sorted(set(_SAMPLE) | named | {c.swapcase() for c in named})
        known: dict[str, int] = {}  # (the same literal or class recurs: each is measured once)
        for op, arg in self.items:
            key = f"{op}:{arg!r}"
            if key not in known:
                known[key] = sum(1 << i for i, ch in enumerate(sample) if _matches(ch, op, arg))
        return [known[f"{op}:{arg!r}"] for op, arg in self.items]


def _matches(ch: str, op: Any, arg: Any) -> bool:
    # ('ß'.upper() is 'SS'; 'ſ' folds to 's' and the Kelvin sign to 'k', as re's IGNORECASE folds them)
    forms = {form for form in (ch, ch.lower(), ch.upper(), ch.upper().lower(), ch.lower().upper()) if len(form) == 1}
    if op is _sre.ANY:
        return True
    if op is _sre.LITERAL:
        return chr(arg) in forms
    if op is _sre.NOT_LITERAL:
        return chr(arg) not in forms
    negate = bool(arg) and arg[0][0] is _sre.NEGATE
    hit = False
    for sub_op, sub_arg in arg:
        if sub_op is _sre.LITERAL:
            hit = hit or chr(sub_arg) in forms
        elif sub_op is _sre.RANGE:
            hit = hit or any(sub_arg[0] <= ord(c) <= sub_arg[1] for c in forms)
        elif sub_op is _sre.CATEGORY:
            hit = hit or re.fullmatch(_CATEGORIES.get(str(sub_arg), r"(?s:.)"), ch) is not None
        elif sub_op is not _sre.NEGATE:
            hit = True  # anything else: assume it matches (the check only grows more careful)
    return hit != negate


def _components(nodes: Iterable[Any], successors: Callable[[Any], Iterable[Any]]) -> dict[Any, int]:
    """Strongly connected components (Tarjan, without recursion): node -> component number."""
    index: dict[Any, int] = {}
    low: dict[Any, int] = {}
    component: dict[Any, int] = {}
    stack: list[Any] = []
    on_stack: set[Any] = set()
    for root in nodes:
        if root in index:
            continue
        work = [(root, iter(successors(root)))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            for child in children:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(successors(child))))
                    break
                if child in on_stack:
                    low[node] = min(low[node], index[child])
            else:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    number = len(component)  # (unique: the smallest node index it will hold)
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component[member] = number
                        if member == node:
                            break
    return component


# Counted repeats are unrolled above, and a loop-free pattern has no loop to compare: yet copies in a row
# can split one stretch of text among them in very many ways, and re tries each before it gives up
# ("(?:a{1,4}){1,4}" six times then "!x": 30 a's in about 10**11 ways, hours). So the ways each part of the
# pattern can read a run of one character are counted, as re walks them (one way per count of a repeat), for
# runs up to _RUN long and each kind of character the pattern tells apart.
_RUN = 32
_MAX_WAYS = 10_000  # ways of one part of a pattern on one run: a few milliseconds for each place a search starts


class _ManyWays(Exception):
    pass


def _convolve(x: list[int], y: list[int]) -> list[int]:
    """The ways to read a run as one part then another, by the run's length."""
    out = [0] * (_RUN + 1)
    for i, a in enumerate(x):
        if a:
            for j in range(_RUN + 1 - i):
                if y[j]:
                    out[i + j] += a * y[j]
    return out


class _RunWays:
    """The ways a parsed pattern reads a run of ``ch`` (by its length), raising _ManyWays past _MAX_WAYS."""

    def __init__(self, ch: str) -> None:
        self.ch = ch

    def _seen(self, ways: list[int]) -> list[int]:
        if sum(ways) > _MAX_WAYS:
            raise _ManyWays
        return ways

    def read(self, pattern: Any) -> list[int]:
        whole = [1] + [0] * _RUN
        from_any = [0] * (_RUN + 1)  # (a part in the middle is tried on the run too, after the text before it)
        for op, arg in pattern:
            ways = self._item(op, arg)
            whole = _convolve(whole, ways)
            from_any = self._seen([a + b for a, b in zip(_convolve(from_any, ways), ways, strict=True)])
        return whole

    def _item(self, op: Any, arg: Any) -> list[int]:
        if op in (_sre.LITERAL, _sre.NOT_LITERAL, _sre.ANY, _sre.IN):
            return [0, int(_matches(self.ch, op, arg))] + [0] * (_RUN - 1)
        if op is _sre.SUBPATTERN:
            return self.read(arg[-1])
        if op is _sre.ATOMIC_GROUP:
            return [min(n, 1) for n in self.read(arg)]  # (it keeps its first match)
        if op in (_sre.BRANCH, _sre.GROUPREF_EXISTS):
            options = arg[1] if op is _sre.BRANCH else [arg[1], arg[2] or []]
            return self._seen([sum(n) for n in zip(*(self.read(o) for o in options), strict=True)])
        if op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT):
            low, high, body = arg
            once = self.read(body)
            ways = [1] + [0] * _RUN
            for _ in range(min(low, _RUN + 1)):
                ways = self._seen(_convolve(ways, once))
            # past its minimum re ends a repeat at a copy that reads nothing: each more copy reads something
            more, total = [0, *once[1:]], ways
            for _ in range(min(high - low, _RUN)):
                ways = _convolve(ways, more)
                if not any(ways):
                    break
                total = self._seen([a + b for a, b in zip(total, ways, strict=True)])
            return [min(n, 1) for n in total] if op is _sre.POSSESSIVE_REPEAT else total
        if op in (_sre.ASSERT, _sre.ASSERT_NOT):
            self.read(arg[1])  # (tried at each place: its own ways count, but it reads no text)
        return [1] + [0] * _RUN  # anchors, back-references (one way, as long as their group's match)


def _many_ways(parsed: Any, masks: Iterable[tuple[Any, Any]]) -> bool:
    """Whether some part of the pattern reads a run of one character in more than _MAX_WAYS ways."""
    items = list(masks)
    kinds: dict[tuple[bool, ...], str] = {}  # one character of each kind: the same answer for every item
    for ch in sorted(set(_SAMPLE) | {chr(arg) for op, arg in items if op is _sre.LITERAL}):
        kinds.setdefault(tuple(_matches(ch, op, arg) for op, arg in items), ch)
    try:
        for ch in kinds.values():
            _RunWays(ch).read(parsed)
    except _ManyWays:
        return True
    return False


def slow_pattern(pattern: str, flags: int = 0) -> str | None:
    """Why ``pattern`` (a valid one) could backtrack for a very long time, or None when it cannot."""
    too_complex = "regular expression is too complex to check for slow matching; split it into several patterns"
    automaton = _Automaton()
    # a search tries the pattern at every place in the text, as if it began with ".*": position 0 reads
    # the text before a match, and a loop the pattern starts with is a second loop in a row
    automaton.items.append((_sre.ANY, None))
    automaton.edges[0] = {0: 1}
    try:
        parsed = _sre.parse(pattern, flags)
        _, first, _ = automaton.read(parsed)
    except (_TooComplex, RecursionError):
        return too_complex
    except _SharedCopies:
        return (f"regular expression could take exponential time (a part repeated more than {_UNROLL} times "
                "that can also match nothing, as in (a?){30}, can share the same text among its copies "
                "in very many ways)")
    automaton.edges[0].update(dict.fromkeys(first, 1))
    edges = automaton.edges
    positions = range(len(automaton.items))
    component = _components(positions, lambda p: edges.get(p, {}))
    loops: dict[int, list[int]] = {}
    for p in positions:
        if any(component[q] == component[p] for q in edges.get(p, {})):
            loops.setdefault(component[p], []).append(p)
    shared = ("regular expression could take exponential time (repeats in a row can split the same text among "
              f"their copies in very many ways: more than {_MAX_WAYS:,} for a run of {_RUN} letters)")
    if not loops:  # (nothing repeats: nothing to compare, and the masks, most of the cost, are not needed)
        return shared if _many_ways(parsed, automaton.items[1:]) else None
    masks = automaton.masks()
    for members in loops.values():
        if len(members) > _MAX_LOOP_STATES:
            return too_complex
        if _two_routes(members, edges, masks):
            return ("regular expression could take exponential time "
                    "(a repeated part can match the same text in two ways)")
    if _chain_of_loops(loops, component, edges, masks, automaton.checks) >= 2:
        return ("regular expression could take too long on a long reply "
                "(repeats in a row can read the same text, and a search tries them at every place in it)")
    if _many_ways(parsed, automaton.items[1:]):
        return shared
    if automaton.empty_loop:
        return ("regular expression could take too long on a long reply (a repeated part that can match nothing, "
                "as in (a|)+ or (a?)*, is tried both ways at every character, from every place a search starts)")
    return None


def _two_routes(members: list[int], edges: dict[int, dict[int, int]], masks: list[int]) -> bool:
    """Whether two walks around this loop can read the same text: in the product of the loop
    with itself, a pair of different positions, or a doubly counted edge, on a cycle through
    a pair of equal ones."""
    inside = set(members)
    within = {p: [x for x in edges.get(p, {}) if x in inside] for p in members}
    overlaps = {x: {y for y in members if masks[x] & masks[y]} for x in members}

    def successors(pair: tuple[int, int]) -> list[tuple[int, int]]:
        return [(x, y) for x in within[pair[0]] for y in within[pair[1]] if y in overlaps[x]]

    pairs = [(a, b) for a in members for b in members]
    component = _components(pairs, successors)
    same = {component[(p, p)] for p in members}
    for a, b in pairs:
        if component[(a, b)] in same:
            if a != b:
                return True
            if any(n > 1 and component.get((x, x)) == component[(a, a)] for x, n in edges.get(a, {}).items()):
                return True
    return False


def _chain_of_loops(loops: dict[int, list[int]], component: dict[int, int], edges: dict[int, dict[int, int]],
                    masks: list[int], checks: list[int]) -> int:
    """The longest run of loops each of which can pass text it reads on to the next, the last
    followed by something that can fail: a power of the text's length in the time a search
    takes. (Judged by characters: the text between two loops must be readable by both. A last
    loop that ends the pattern, as in ".*policy.*", never gives back what it read.)"""
    reads = {c: functools.reduce(operator.or_, (masks[p] for p in members), 0) for c, members in loops.items()}

    def feeds(a: int, b: int) -> bool:
        shared = reads[a] & reads[b]
        if not shared:
            return False
        seen, todo = set(loops[a]), list(loops[a])
        while todo:
            for nxt in edges.get(todo.pop(), {}):
                if nxt not in seen and masks[nxt] & shared:
                    if component[nxt] == b:
                        return True
                    seen.add(nxt)
                    todo.append(nxt)
        return False

    def can_fail_after(a: int) -> bool:
        inside = set(loops[a])
        return (any(nxt not in inside for p in loops[a] for nxt in edges.get(p, {}))
                or any(check > max(inside) for check in checks))

    longest: dict[int, int] = {}
    never = -len(loops) - 1  # (a run with nothing that can fail after it costs nothing)

    def chain(a: int) -> int:  # (the loops form a DAG: two in one component are one loop)
        if a not in longest:
            longest[a] = max([0 if can_fail_after(a) else never,
                              *(1 + chain(b) for b in loops if b != a and feeds(a, b))])
        return longest[a]

    return max((chain(a) for a in loops), default=0)


# ---------------------------------------------------------------- building from YAML

def read_rule_file(path: Path, location: Location, errors: ErrorCollector,
                   relative_to: str | None = None) -> list[tuple[Any, Locator, str]]:
    """The rule specs of a rules file (a list, or a mapping with ``rules:``), located. ``relative_to``: what a
    relative path was read from, when no file lists it (settings given as data)."""
    from scriptkit.loading import read_yaml

    try:
        path.stat()  # (is_dir/is_file would raise for a file in a folder that may not be opened, or too long a name)
    except OSError as exc:
        if exc.errno in (errno.EACCES, errno.EPERM, errno.ENAMETOOLONG):
            error = path_error(exc, path, ConfigError)
            errors.add(error.message, location, error.hint, ConfigError)
            return []
    if path.is_dir():
        errors.add(f"{path} is a folder, not a rules file", location,
                   f"Name the YAML files in it, e.g. files: [{path.name}/rules.yaml].", ConfigError)
        return []
    if not path.is_file():
        if path.exists():  # (a device, a pipe or a socket, or a link to one: there, but no file to read rules from)
            from scriptkit.sourcetext import link_note

            errors.add(f"{path} is a device, a pipe or a socket, not a rules file{link_note(path)}", location,
                       "Name a YAML file of rules.", ConfigError)
        elif path.is_symlink():
            errors.add(f"{path} is a link to {os.readlink(path)}, which is not there", location,
                       "Point the link at a YAML file of rules, or take it out of files:.", ConfigError)
        else:
            errors.add(f"rules file not found: {path}", location,
                       f"Paths are relative to {relative_to or 'the file that lists them'}.",
                       ConfigError)
        return []
    before = len(errors.errors)
    parsed = read_yaml(path, errors)
    for err in errors.errors[before:]:
        err.__class__ = ConfigError  # a bad rules file is a settings problem
    if parsed is None:
        return []
    data, origin = parsed
    if data is None:  # (nothing but comments, or nothing at all)
        errors.add("the rules file is empty", origin.source.location(0),
                   "Write its rules as a list, each starting '- name: ...', or take it out of files:.", ConfigError)
        return []
    prefix: tuple[str | int, ...] = ()
    if isinstance(data, Mapping) and set(data) <= {"rules", "custom"} and data:
        key = "rules" if "rules" in data else "custom"
        data, prefix = data[key], (key,)
    if not isinstance(data, list):
        errors.add("a rules file holds a list of rules (or 'rules:' with a list)", origin.location(prefix),
                   "Start each rule with '- name: ...'.", ConfigError)
        return []

    def locator(i: int) -> Locator:
        return lambda p, key: origin.location((*prefix, i, *p), key=key)

    # (named as a page shows it, "shared/voice.yaml", not "p1/../shared/voice.yaml"; read as written)
    return [(item, locator(i), os.path.normpath(path)) for i, item in enumerate(data)]


def build_custom_rules(specs: Iterable[tuple[Any, Locator, str]], taken: Sequence[type[Rule]],
                       errors: ErrorCollector) -> list[type[Rule]]:
    """One Rule class per valid spec; every problem is recorded, located, as a ConfigError."""
    from scriptkit.rules import all_rules

    built: list[type[Rule]] = []
    builtin_names = {r.name for r in all_rules()}
    used_codes = {r.code for r in taken}
    used_names = {r.name for r in taken} | builtin_names
    pending: list[tuple[dict[str, Any], Locator, str]] = []
    for raw, locate, origin in specs:
        spec = _parse(raw, locate, origin, errors)
        if spec is None:
            continue
        if spec["name"] in used_names:
            errors.add(f"rule name '{spec['name']}' is already used", locate(("name",), False),
                       "Give every rule a unique kebab-case name.", ConfigError)
            continue
        used_names.add(spec["name"])
        if spec.get("code"):
            if spec["code"] in used_codes:
                errors.add(f"rule code '{spec['code']}' is already used", locate(("code",), False),
                           "Leave 'code' out to number custom rules automatically.", ConfigError)
                continue
            used_codes.add(spec["code"])
        pending.append((spec, locate, origin))
    _refuse_swap_loops(pending, errors)
    batch = next(_BATCHES)
    number = 801  # SK800 is the unknown-selector warning
    for spec, locate, _ in pending:
        spec["written_at"] = locate(("name",), False)
        spec["batch"] = batch
        spec["swap_at"] = {term: locate(("swap", term), True) for term in spec.get("swaps", {})}
        if not spec.get("code"):
            while f"SK{number}" in used_codes:
                number += 1
            if number > 899:  # (at the first rule without a code left)
                errors.add("too many custom rules (SK801-SK899)", locate(("name",), False),
                           "Merge rules of one kind: a rule takes many terms or patterns.", ConfigError)
                break
            spec["code"], spec["numbered"] = f"SK{number}", True
            used_codes.add(spec["code"])
        built.append(_make(spec))
    return built


_BATCHES = itertools.count(1)  # (each build_custom_rules call: one source of settings)


@dataclass(frozen=True)
class _Swap:
    rule: str
    pattern: re.Pattern[str]
    swaps: Mapping[str, str]
    term: str
    value: str
    at: Location
    batch: int


def _refuse_swap_loops(specs: Sequence[tuple[dict[str, Any], Locator, str]], errors: ErrorCollector) -> None:
    """A located error for swaps that undo each other ({ticket: request} and {request: ticket}, in one rule or
    two): each would flag the other's words after --fix, for ever. One that swaps a word into its own spelling
    ({iphone: iPhone}) or on along a chain ({parcel: package}, {package: box}) settles, and stands."""
    _say_swap_loops([_Swap(spec["name"], spec["pattern"], spec["swaps"], term, value,
                           locate(("swap", term), True), 0)
                     for spec, locate, _ in specs if spec["kind"] == "substitution"
                     for term, value in spec["swaps"].items()], errors)


def refuse_swap_loops_across(rules: Iterable[type[Rule]], errors: ErrorCollector) -> None:
    """:func:`_refuse_swap_loops` over the team rules of every source of settings that run: a loop whose swaps
    all come from one source was said as it loaded; one that runs through scriptkit.toml (or its rules file)
    and pack.yaml (or its) is said here."""
    _say_swap_loops([_Swap(rule.name, rule.spec.pattern, rule.spec.swaps, term, value, rule.swap_at[term],
                           rule.batch)
                     for rule in rules if issubclass(rule, CustomRule) and rule.spec.kind == "substitution"
                     and rule.spec.pattern is not None for term, value in rule.spec.swaps.items()
                     if term in rule.swap_at], errors, across=True)


def _say_swap_loops(entries: Sequence[_Swap], errors: ErrorCollector, across: bool = False) -> None:
    lowered = [{_nfc(k).lower(): v for k, v in e.swaps.items()} for e in entries]

    def flags(i: int) -> list[int]:  # the entries that would flag entry i's replacement
        value = _nfc(entries[i].value)
        out = []
        for j, other in enumerate(entries):
            for m in other.pattern.finditer(value):
                found = " ".join(m.group(0).lower().split())
                if j != i and found == _nfc(other.term).lower() and lowered[j].get(found) != m.group(0):
                    out.append(j)
        return out

    edges = {i: flags(i) for i in range(len(entries))}
    said: set[frozenset[int]] = set()
    for i in range(len(entries)):
        for j in edges[i]:
            parent: dict[int, int | None] = {j: None}  # (does j's swap lead back to i's? by the shortest way)
            todo = [j]
            while todo and i not in parent:
                here = todo.pop(0)
                for k in edges[here]:
                    if k not in parent:
                        parent[k] = here
                        todo.append(k)
            if i not in parent:
                continue
            chain: list[int] = []  # (j and on, to the one before i)
            step = parent[i]
            while step is not None:
                chain.insert(0, step)
                step = parent[step]
            chain.insert(0, i)
            if frozenset(chain) in said or (across and len({entries[k].batch for k in chain}) < 2):
                continue  # (said already: for another of its swaps, or as its one source loaded)
            said.add(frozenset(chain))
            drop = ("Keep the one your team says and drop the other, or leave one rule out: ignore: [its name] "
                    "under rules: in pack.yaml." if across else "Keep the one your team says and drop the other.")
            first = entries[i]
            if len(chain) == 2:
                other = entries[j]
                rule = "" if other.rule == first.rule and other.batch == first.batch else f"rule '{other.rule}', "
                errors.add(f"swap '{first.term}: {first.value}' and swap '{other.term}: {other.value}' ({rule}"
                           f"{other.at}) undo each other: after --fix each flags the words the other wrote",
                           first.at, drop, ConfigError)
            else:
                steps = " -> ".join(f"'{entries[k].term}: {entries[k].value}' (rule '{entries[k].rule}', "
                                    f"{entries[k].at})" for k in chain[1:])
                errors.add(f"swap '{first.term}: {first.value}' (rule '{first.rule}') -> {steps} lead back to the "
                           "first: after --fix each flags the words the one before it wrote, for ever", first.at,
                           "Drop one swap of the chain" + (", or leave one rule out: ignore: [its name] under rules: "
                                                           "in pack.yaml." if across else "."), ConfigError)


def _parse(raw: Any, locate: Locator, origin: str, errors: ErrorCollector) -> dict[str, Any] | None:
    def bad(msg: str, path: tuple[str | int, ...] = (), hint: str | None = None, key: bool = False) -> None:
        errors.add(msg, locate(path, key), hint, ConfigError)

    if not isinstance(raw, Mapping):
        bad("a custom rule must be a mapping with 'name' and 'kind'",
            hint="Write it as one, e.g. - {name: no-jargon, kind: existence, terms: [synergy]}")
        return None
    data = {str(k).replace("_", "-"): v for k, v in raw.items()}
    keys_written = {str(k).replace("_", "-"): str(k) for k in raw}
    kind = data.get("kind")
    name = data.get("name")
    ok = True
    if not isinstance(name, str) or not _NAME.match(name):
        bad("custom rule needs a kebab-case 'name'" if name is None else f"'{name}' is not a kebab-case name",
            ("name",) if name is not None else (), "For example: name: no-jargon")
        ok = False
    if kind not in KINDS:
        close = difflib.get_close_matches(str(kind), KINDS, n=1)
        bad("custom rule needs 'kind'" if kind is None else f"unknown kind '{kind}'",
            ("kind",) if kind is not None else (),
            f"Did you mean '{close[0]}'?" if close else f"Use one of: {', '.join(KINDS)}.")
        return None
    allowed = COMMON_KEYS + KIND_KEYS[kind]
    for key in data:
        if key not in allowed:
            close = difflib.get_close_matches(key, allowed, n=1)
            bad(f"unknown key '{keys_written[key]}' in {_a(kind)} rule", (keys_written[key],),
                f"Did you mean '{close[0]}'?" if close else f"Known keys: {', '.join(allowed)}.", key=True)
            ok = False
    out: dict[str, Any] = {"name": name, "kind": kind, "origin": origin}
    code = data.get("code")
    if code is not None:
        if not isinstance(code, str) or not _CODE.match(code.upper()) or code.upper() == "SK800":
            bad(f"'{code}' is not a custom rule code", (keys_written["code"],), "Use SK801 to SK899.")
            ok = False
        else:
            out["code"] = code.upper()
    try:
        out["severity"] = Severity.parse(str(data.get("severity", "warning")))
    except ValueError:
        bad(f"'{data.get('severity')}' is not a severity", ("severity",), "Use error, warning or suggestion.")
        ok = False
    for key in ("message", "description", "suggestion"):
        if key in data and not isinstance(data[key], str):
            bad(f"'{key}' must be text", (keys_written[key],))
            ok = False
    for key in ("slots", "channels"):
        value = data.get(key, [])
        value = [value] if isinstance(value, str) else value
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            bad(f"'{key}' must be a list of names", (keys_written[key],))
            ok = False
        else:
            out[key] = tuple(value)
    from scriptkit.message import BODY_SLOTS
    from scriptkit.models import CHANNELS

    # (flexibility: the alternatives and conditions an agent may send, which existence and substitution rules read)
    counts = kind in ("occurrence", "metric")
    for key, known in (("slots", BODY_SLOTS if counts else (*BODY_SLOTS, "flexibility")), ("channels", CHANNELS)):
        for i, value in enumerate(out.get(key, ())):
            if key == "slots" and value == "flexibility" and counts:
                bad(f"{_a(kind)} rule reads the reply the customer gets, not the flexibility's alternatives and "
                    "conditions", (keys_written[key], i),
                    f"Take 'flexibility' out of slots; {_a(kind)} rule counts and measures the reply itself.")
                ok = False
            elif value not in known:
                close = difflib.get_close_matches(value, known, n=1)
                bad(f"unknown {key[:-1]} '{value}'", (keys_written[key], i),
                    f"Did you mean '{close[0]}'?" if close else f"Use: {', '.join(known)}.")
                ok = False
    for key in ("ignore-case", "fix"):  # (YAML reads 'no' and 'off' as text, which is not false)
        if key in data and not isinstance(data[key], bool):
            bad(f"'{key}' must be true or false, not {data[key]!r}", (keys_written[key],),
                f"Write {keys_written[key]}: false (or true).")
            ok = False
    flags = 0 if data.get("ignore-case", True) is False else re.IGNORECASE
    terms: list[str] = []
    patterns: list[str] = []
    if kind == "substitution":
        swap = data.get("swap")
        if not isinstance(swap, Mapping) or not swap or not all(
                isinstance(k, str) and isinstance(v, (str, type(None))) for k, v in swap.items()):
            bad("a substitution rule needs 'swap': a mapping of term to replacement",
                ("swap",) if "swap" in data else (), "For example: swap: {store credit: refund}")
            ok = False
        else:
            for term, value in swap.items():
                # a blank term matched between every two characters; a blank replacement deleted the word and left
                # its spaces and commas around a hole ("Please  reply, and , we ..."), not a rewrite
                if not term.strip():
                    bad("a swap's term is blank", ("swap", term), "Write the word or phrase to replace.", key=True)
                    ok = False
                elif value is None or not value.strip():  # ("kindly:" with nothing after it is null)
                    bad(f"'{term}' is swapped for nothing", ("swap", term),
                        f"Give the words to say instead; to flag '{term}' for the writer to leave out, list it in an "
                        f"existence rule: kind: existence, terms: [{term}].", key=value is None)
                    ok = False
            out["swaps"] = {" ".join(str(k).split()): " ".join(str(v).split()) for k, v in swap.items()}
            out["fix"] = data.get("fix", True) is not False
            terms = list(out["swaps"])
    elif kind in ("existence", "occurrence"):
        for key, into in (("terms", terms), ("patterns", patterns)):
            value = data.get(key, [])
            value = [value] if isinstance(value, str) else value
            if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
                bad(f"'{key}' must be a list of non-empty text", (key,))
                ok = False
                continue
            into.extend(value)
            if key == "patterns":
                for i, pat in enumerate(value):
                    try:
                        with warnings.catch_warnings(record=True) as caught:
                            warnings.simplefilter("always")
                            re.compile(pat)
                            re.compile(f"(?:{pat})")  # as _term_regex joins it with the others
                            _sre.parse(pat, flags)  # (re.compile's cache warns only the first time)
                    except (re.error, OverflowError) as exc:
                        if isinstance(exc, OverflowError):  # ("a{4294967296}": a count re cannot hold)
                            bad(f"invalid regular expression: {exc}", (key, i),
                                "Write a smaller count between the braces, or leave the top open: a{2,} is two a's "
                                "or more.")
                        elif "global flags" in exc.msg:  # (Python's words name a place: "(?i)" written first is
                            # not first once the patterns are joined, and the writer never sees the join)
                            bad("a flag for the whole pattern such as (?i) is not allowed here, as a rule's patterns "
                                "are joined into one regular expression", (key, i),
                                "Leave it out: case is already ignored, unless the rule says ignore-case: false. "
                                "For a part of the pattern, write the flag around that part: (?-i:ASAP) matches "
                                "ASAP in capitals alone, (?i:asap) any case.")
                        else:
                            bad(f"invalid regular expression: {exc.msg}", (key, i),
                                "Escape special characters such as '(' or '+' with a backslash.")
                        ok = False
                        continue
                    warned = next((str(w.message) for w in caught
                                   if issubclass(w.category, (FutureWarning, DeprecationWarning))), None)
                    nested = _nested_set(pat) if warned is None else None
                    if nested is not None:  # (Python warns of one first in the set alone: "[[a]", not "[a[b]")
                        warned = f"Possible nested set at position {nested}"
                    if warned is not None or _POSIX.search(pat):  # (said at the pattern, not printed to the terminal;
                        # "[^[:space:]]" draws no warning, and never matches what it names either)
                        said, hint = _warned_pattern(pat, warned or "")
                        bad(said, (key, i), hint)
                        ok = False
                        continue
                    slow = f"regular expression is longer than {MAX_PATTERN}" if len(pat) > MAX_PATTERN \
                        else slow_pattern(pat, flags)
                    if slow:
                        bad(slow, (key, i), SLOW_HINT)
                        ok = False
        if not terms and not patterns and ok:
            bad(f"{_a(kind)} rule needs 'terms' or 'patterns'", (), "For example: terms: [unfortunately]")
            ok = False
    if kind == "metric":
        metric = data.get("metric")
        if metric not in METRICS:
            close = difflib.get_close_matches(str(metric), METRICS, n=1)
            bad(f"unknown metric '{metric}'" if metric is not None else "a metric rule needs 'metric'",
                ("metric",), f"Did you mean '{close[0]}'?" if close else f"Use one of: {', '.join(METRICS)}.")
            ok = False
        out["metric"] = metric
    if kind in ("occurrence", "metric"):
        for key in ("min", "max"):
            value = data.get(key)
            if value is not None and (isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0):
                bad(f"'{key}' must be a number of 0 or more", (key,))
                ok = False
            out[key] = value
        if out.get("min") is None and out.get("max") is None and ok:
            bad(f"{_a(kind)} rule needs 'min' or 'max'", ())
            ok = False
        elif ok and out.get("min") is not None and out.get("max") is not None and out["min"] > out["max"]:
            bad(f"'min' ({out['min']:g}) is more than 'max' ({out['max']:g}), so no reply could pass",
                (keys_written["min"],), "Swap the two numbers.")
            ok = False
    if not ok:
        return None
    if terms or patterns:
        # (composed, as the text they are looked for in is: see _composed)
        out["pattern"] = re.compile(_term_regex([_nfc(t) for t in terms], [_nfc(p) for p in patterns]), flags)
    out["terms"] = tuple(terms)
    out["message"] = data.get("message") or DEFAULT_MESSAGES[kind]
    out["suggestion"] = data.get("suggestion")
    out["description"] = " ".join(data.get("description", "").split())  # (the summary: one line in a listing)
    problem = _message_problem(out["message"], kind)
    if problem:  # (it would fail, or fill in more than a word, on every reply the rule reads: refused now)
        bad(problem, (keys_written.get("message", "message"),),
            f"{_a(kind).capitalize()} rule's message may name " + ", ".join(f"{{{f}}}" for f in MESSAGE_FIELDS[kind])
            + "; write {{ and }} for a brace itself.")
        return None
    return out


def _message_problem(message: str, kind: str) -> str | None:
    """Why ``message`` cannot be a message of a ``kind`` rule, or None. Only plain fields the kind fills in: a
    format spec ("{match:>999999999}") would build a string of gigabytes, and an attribute or an index
    ("{match.__class__}") reads into Python's objects; a field the kind does not fill in failed on every reply."""
    try:
        fields = [(name, spec, conversion) for _, name, spec, conversion in string.Formatter().parse(message)
                  if name is not None]
    except ValueError:  # "Single '}' encountered in format string"
        return "message has a '{' or '}' that opens or closes no field"
    for name, spec, conversion in fields:
        written = "{" + name + (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else "") + "}"
        if name not in MESSAGE_FIELDS[kind]:
            plain = name.split(".")[0].split("[")[0]  # ("{match.__class__}", "{match[0]}")
            if plain != name and plain in MESSAGE_FIELDS[kind]:
                return f"message field '{written}' reads into the value; a field is a plain name, as {{{plain}}}"
            return f"message has an unknown field '{name}'" if name else "message has a field with no name ('{}')"
        if spec or conversion:
            return f"message field '{written}' has a format; a field is a plain name, as {{{name}}}"
    return None


def _fill(message: str, **fields: object) -> str:
    """``message`` with its fields filled in: checked at load (``_message_problem``) to name plain fields only."""
    return message.format_map(fields)


# a POSIX class ("[[:digit:]]"), which Python's re reads as a set of the characters "[:digt" and never as digits
_POSIX_CLASSES = {"digit": "\\d (or [0-9])", "space": "\\s", "alpha": "[a-zA-Z]", "alnum": "[a-zA-Z0-9]",
                  "upper": "[A-Z]", "lower": "[a-z]", "word": "\\w", "xdigit": "[0-9a-fA-F]", "blank": "[ \\t]",
                  "punct": "the marks themselves, as in [.,!?],", "print": "\\S or .", "graph": "\\S",
                  "cntrl": "[\\x00-\\x1f]"}
_POSIX = re.compile(rf"\[:({'|'.join(_POSIX_CLASSES)}):\]")


def _warned_pattern(pattern: str, warning: str) -> tuple[str, str]:
    """The error and hint for a pattern Python warns about as it compiles it: a POSIX class, which never matches
    what it names, or a '[' or a '--' inside a [...] that a later Python will read as a set operation."""
    posix = _POSIX.search(pattern)
    if posix:
        name = posix.group(1)
        instead, short = _POSIX_CLASSES[name], _POSIX_CLASSES[name].split()[0]
        example = f": [[:{name}:]]+ as {short}+." if short[0] in "\\[" else "."
        return (f"regular expression uses the POSIX class '{posix.group(0)}', which Python's regular expressions do "
                "not know: it would never match what it names", f"Write {instead} instead{example}")
    return (f"regular expression reads differently in later Python versions ({warning.lower()})",
            "Write a backslash before a '[' inside [...], and before a doubled '-', '&', '~' or '|' there.")


def _nested_set(pattern: str) -> int | None:
    """Where a '[' stands inside a [...] of ``pattern`` without a backslash before it, or None. Python reads it as
    the character and warns only of one that opens the set ("[[a]"): "[a[b]" matched every "a" unwarned."""
    i, in_set, n = 0, False, len(pattern)
    while i < n:
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if in_set:
            if c == "]":
                in_set = False
            elif c == "[":
                return i
        elif c == "[":
            in_set = True
            i += 1 + (pattern.startswith("^", i + 1))
            if pattern.startswith("]", i):  # (a ']' first in the set is the character)
                i += 1
            continue
        elif pattern.startswith("(?#", i):  # (a comment: a '[' there is no set's)
            end = pattern.find(")", i)
            i = n if end < 0 else end + 1
            continue
        i += 1
    return None


def _a(kind: str) -> str:
    return ("an " if kind[0] in "aeiou" else "a ") + kind


def _make(data: dict[str, Any]) -> type[Rule]:
    """A Rule class for one parsed spec; its docs carry the DOC_SECTIONS like any built-in rule."""
    spec = CustomSpec(
        name=data["name"], kind=data["kind"], message=data["message"], pattern=data.get("pattern"),
        swaps=data.get("swaps", {}), minimum=data.get("min"), maximum=data.get("max"),
        metric=data.get("metric") or "", slots=data.get("slots", ()), channels=data.get("channels", ()),
        suggestion=data.get("suggestion"), terms=data.get("terms", ()), origin=data["origin"],
    )
    attrs = {
        "code": data["code"], "name": spec.name, "severity": data["severity"], "spec": spec,
        "fix_safe": bool(data.get("fix")), "__doc__": _docs(spec, data.get("description") or ""),
        "numbered": bool(data.get("numbered")), "written_at": data.get("written_at"),
        "swap_at": data.get("swap_at", {}), "batch": data.get("batch", 0),
        # a banned or preferred term is one in the alternatives too; a count or a measure is of the reply
        "reads_alternatives": spec.kind in ("existence", "substitution"),
        # (a phrase the reply lacks, or its measure: about the reply, save the findings marked as of a part)
        "whole_reply": spec.kind in ("occurrence", "metric"),
    }
    return type(f"Custom_{data['code']}", (CustomRule,), attrs)
