"""Warmth and formality rules (SK2xx): does the reply sound like a person talking?

Phrase data lives in ``scriptkit/rules/data/`` (``corporate_phrases.yaml``, ``robotic.yaml``,
the ``impersonal_apologies`` list of ``lexicon.yaml``). The formality score is a plain
function here so the agreement benchmark measures the number SK202 reports. Warmth has no
score of its own: what users see of it is these rules' findings (the audit's warm-language
score is made from them), and the benchmark measures those.
"""

from __future__ import annotations

import math
import operator
import re
import string
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import replace
from functools import lru_cache
from itertools import pairwise
from typing import Any, ClassVar, NamedTuple

from scriptkit.diagnostics import Severity
from scriptkit.inference import Cues, Sentence, analyse_message, body_sentences, cues, refusal_before
from scriptkit.message import Message
from scriptkit.rules import options
from scriptkit.rules.base import Example, Finding, Rule, RuleContext, empty_slot_location, register
from scriptkit.rules.custom import _cased
from scriptkit.rules.empathy import GRANTED
from scriptkit.rules.lexicon import (
    CaselessRegex,
    Matcher,
    PhraseTable,
    address_spans,
    compile_phrases,
    fold,
    joins_words,
    memo_map,
    normalise,
    pattern,
    table,
    tokenise,
)
from scriptkit.text import (
    apostrophes_like,
    in_quotation,
    list_item_at,
    opens_sentence,
    quoted_spans,
    run_table,
    sentence_spans,
    sentence_window,
    word_findall,
    words_start,
)

# ---------------------------------------------------------------- scores

_WORD = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)?")
def _wordset(words: str) -> frozenset[str]:
    return frozenset(words.split())


_CONTRACTED_ENDINGS = ("n't", "'m", "'re", "'ve", "'ll", "'d")
_CONTRACTED_S = _wordset(
    "it's that's there's here's what's who's let's he's she's where's how's everything's nothing's someone's today's"
)
_SLANG_CONTRACTIONS = frozenset(["gonna", "wanna", "gotta", "y'all"])
_PRONOUNS = _wordset("i me my mine myself you your yours yourself we us our ours ourselves")
_THIRD = _wordset("he him his she her they them their it its")
_ARTICLES = _wordset("a an the")
_PREPOSITIONS = _wordset(
    "of in on at by for with from to into onto upon about above below under over between among through "
    "during before after within without against toward towards regarding concerning per via across "
    "beyond despite throughout"
)
_INTERJECTIONS = _wordset(
    "hi hey hello oh ah wow yeah yep yes no nope ok okay lol haha hmm um uh thanks cheers please oops "
    "gonna wanna gotta cool great awesome"
)
_LATINATE_ENDINGS = tuple(
    end + plural
    for end in _wordset("tion sion ment ance ence ancy ency ity ive ous ize ise ate ible able ial ual ory ary ism ist")
    for plural in ("", "s")
)
_SLANG = re.compile(r"(?:\b(?:lol|lmao|omg|btw|imo|imho|u|ur|ya|yeah|yep|nope|gonna|wanna|gotta|kinda|sorta|dunno)\b"
                    r"|[:;]-?[)(DPp]|!!|\?\?|\.\.\.|(\w)\1\1)", re.IGNORECASE)


def _words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(normalise(text))]


_SENTENCE_END = re.compile(r"(?<![.!?])[.!?]+(?:\s|$)")  # (from a run's first mark: a long "!!!!x" run is read once)
# a lower-case "i" as a word: "(?:^|\s)i(?:\s|['’])", written to start with its literal
# (the regex engine then skips to each "i" instead of trying every position)
_LOWER_I = re.compile(r"i(?<=(?<!\S)i)[\s'’]")
_CLOSED_UP = _ARTICLES | _PREPOSITIONS
_CLOSED_DOWN = _PRONOUNS | _INTERJECTIONS


class _Counts(NamedTuple):
    """The integer counts behind the formality features of one text.

    Counts add up over sentences joined by spaces (no word, slang mark or sentence end spans
    the space), so a reply's score comes from its sentences' cached counts: stock sentences
    recur across a pack and across replies.
    """

    words: int
    pronouns: int
    third: int
    latinate: int
    letters: int
    closed: int  # articles and prepositions minus pronouns and interjections
    contractions: int
    informal: int  # slang marks and "!"
    sentence_ends: int
    corporate: int
    lower_first: bool
    lower_i: bool  # a lower-case "i" as a word inside the text
    lower_i_last: bool  # ... or as its last word (a word once another text follows)


_CORPORATE = _Counts._fields.index("corporate")  # the counts before it add up over texts
_LOWER_I_FIELD, _LOWER_I_LAST = _Counts._fields.index("lower_i"), _Counts._fields.index("lower_i_last")
_JOINS_WORDS = re.compile(r"[\w'-]")  # a character for which ``joins_words`` is true

# An ASCII text's words are counted in one pass: each word's counts packed in one integer,
# a field of _FIELD per count (pronoun, third person, Latinate, letters, closed up, closed
# down, and whether a part of the word between apostrophes is a slang word, for the slang
# count's gate), summed at C speed. No count can exceed the text's length, so fields never overflow.
_FIELD = 1 << 24
_ASCII_WORD = re.compile(r"[a-z]+(?:'[a-z]+)?")  # _WORD on lower-cased ASCII text
_ASCII_WORD_TABLE = run_table(string.ascii_lowercase + "'")  # (its characters, see ``word_findall``)
_word_codes: dict[str, int] = {}


def _word_code(w: str) -> int:
    return (int(w in _PRONOUNS) + int(w in _THIRD) * _FIELD
            + int(len(w) >= 7 and w.endswith(_LATINATE_ENDINGS)) * _FIELD ** 2 + len(w) * _FIELD ** 3
            + int(w in _CLOSED_UP) * _FIELD ** 4 + int(w in _CLOSED_DOWN) * _FIELD ** 5
            + int(not _SLANG_WORDS.isdisjoint(w.split("'"))) * _FIELD ** 6)


def _packed_counts(words: list[str]) -> list[int]:
    """pronouns, third, latinate, letters, closed up, closed down of ``words``, and how many have a slang part."""
    total = sum(memo_map(_word_codes, words, _word_code, 200_000))
    fields = []
    for _ in range(7):
        total, field = divmod(total, _FIELD)
        fields.append(field)
    return fields


def _one_word_links(text: str) -> str:
    """``text`` with each web or email address as one plain word, as a Markdown link reads as its text: the
    pieces of "cal.example.com/team/jess-smith/15-minute-call" are no words of the sentence, and made it read
    long-worded and formal."""
    out: list[str] = []
    at = 0
    for a, b in address_spans(text):  # (none in nearly every text)
        out += (text[at:a], "link")
        at = b
    return "".join(out) + text[at:] if out else text


@lru_cache(maxsize=65_536)
def _counts(text: str) -> _Counts:
    text = _one_word_links(text)
    norm = text if text.isascii() else normalise(text)
    if norm.isascii() and len(text) < _FIELD:  # nearly always: typographic quotes are made ASCII
        low = norm.lower()
        words = word_findall(_ASCII_WORD, low, _ASCII_WORD_TABLE)
        pronouns, third, latinate, letters, up, down, slang_words = _packed_counts(words)
        informal = _ascii_slang_count(low, slang_words)
        folded = low  # (what ``fold`` makes of the text: lower case, ASCII quotes)
    else:
        words = _words(text)
        pronouns, third = sum(map(_PRONOUNS.__contains__, words)), sum(map(_THIRD.__contains__, words))
        latinate = sum(1 for w in words if len(w) >= 7 and w.endswith(_LATINATE_ENDINGS))
        letters = sum(map(len, words))
        up, down = sum(map(_CLOSED_UP.__contains__, words)), sum(map(_CLOSED_DOWN.__contains__, words))
        informal = _slang_count(text)
        folded = fold(text)
    return _Counts(  # (positional: in the order of the fields)
        len(words), pronouns, third, latinate, letters, up - down,
        _contractions_folded(folded),
        informal + text.count("!"),  # informal
        len(_SENTENCE_END.findall(text)),  # sentence_ends
        _corporate_by_locale(corporate_table()).everywhere.count(folded, folded=True),  # corporate
        bool(text[:1].islower()),  # lower_first
        bool(_LOWER_I.search(text)),  # lower_i
        text.endswith("i") and (len(text) == 1 or text[-2].isspace()),  # lower_i_last
    )


_SLANG_WORDS = _wordset("lol lmao omg btw imo imho u ur ya yeah yep nope gonna wanna gotta kinda sorta dunno")
_SLANG_MARKS = (":", ";", "!!", "??", "...")
_TRIPLE = re.compile(r"(\w)\1\1", re.IGNORECASE)
_WORD_RUN = re.compile(r"\w+")
# _SLANG and _TRIPLE for lower-cased ASCII text: the same matches without case folding
_ASCII_SLANG = re.compile(_SLANG.pattern.replace("DPp", "dp"))
_ASCII_TRIPLE = re.compile(r"(\w)\1\1")


def _slang_count(text: str) -> int:
    """``len(_SLANG.findall(text))``, skipped when none of its parts can match (most sentences)."""
    if (not any(mark in text for mark in _SLANG_MARKS) and not _TRIPLE.search(text)
            and _SLANG_WORDS.isdisjoint(_WORD_RUN.findall(text.casefold()))):
        return 0
    return len(_SLANG.findall(text))


def _ascii_slang_count(low: str, slang_words: int) -> int:
    """``_slang_count`` of an ASCII text, from its lower-case form and how many of its words
    (``_ASCII_WORD``) have a slang word between apostrophes (see ``_word_code``).

    A slang word matches as a whole run of letters, and every run of letters is a word or a
    part of one between apostrophes ("u'll"), so the words tell when none can match.
    """
    if not slang_words and not any(map(low.__contains__, _SLANG_MARKS)) and not _ASCII_TRIPLE.search(low):
        return 0
    return len(_ASCII_SLANG.findall(low))


def _features(c: _Counts, lower_i: bool, corporate: int) -> dict[str, float]:
    n = max(1, c.words)
    sentences = max(1, c.sentence_ends or 1)
    return {
        "contractions": c.contractions / n,
        "pronouns": c.pronouns / n,
        "third_person": c.third / n,
        "latinate": c.latinate / n,
        "word_length": min(8.0, c.letters / n) / 8.0,
        "sentence_length": min(1.0, math.log1p(c.words / sentences) / math.log1p(40)),
        # Heylighen & Dewaele's F-score counts nouns, adjectives, prepositions and articles up and
        # pronouns, verbs, adverbs and interjections down; without a tagger we keep the closed classes.
        "f_closed": c.closed / n,
        "informal_marks": min(1.0, c.informal / n * 5),
        "lowercase_start": float(c.lower_first or lower_i),
        "corporate": min(1.0, corporate / sentences),
    }


def formality_features(text: str, locale: str | None = None) -> dict[str, float]:
    """The features of the formality score, each a rate or a bounded number (see FORMALITY_WEIGHTS); ``locale``
    (a pack's, see ``_formal_locale``) adds the stock phrases formal only to its readers ("whilst" in en-US)."""
    c = _counts(text)
    return _features(c, c.lower_i, c.corporate + _local_corporate_count(text, locale))


def _score(feats: dict[str, float]) -> float:
    # (the same products in the same order as a generator over the items, at C speed)
    score: float = FORMALITY_BIAS + sum(map(operator.mul, map(FORMALITY_WEIGHTS.__getitem__, feats), feats.values()))
    return max(0.0, min(1.0, score))


def joined_formality(texts: list[str], locale: str | None = None) -> float:
    """``formality(" ".join(texts), locale)``, from each text's cached counts."""
    return _joined_formality(tuple(texts), locale)


@lru_cache(maxsize=4_096)  # the same reply linted again (review, watch mode) costs nothing
def _joined_formality(texts: tuple[str, ...], locale: str | None) -> float:
    if len(texts) == 1:
        return formality(texts[0], locale)
    parts = [_counts(t) for t in texts]
    sums = list(map(sum, zip(*parts, strict=True)))  # each count over the texts (the flags are set apart below)
    if not sums[0]:
        return 0.0
    # a corporate phrase cannot run across a sentence end, only where two texts meet word to word
    # (most texts end with a sentence end: one regex over their last characters rules that out)
    everywhere = _corporate_by_locale(corporate_table()).everywhere
    if everywhere.has_regexes or (
            _JOINS_WORDS.search("".join([t[-1:] for t in texts[:-1]]))
            and any(joins_words(a[-1:]) and joins_words(b[:1]) for a, b in pairwise(texts))):
        corporate = everywhere.count(" ".join(texts))
    else:
        corporate = sums[_CORPORATE]
    corporate += _local_corporate_count(" ".join(texts), locale)
    total = _Counts._make([*sums[:_CORPORATE], corporate, parts[0].lower_first, False, False])
    lower_i = sums[_LOWER_I_FIELD] > 0 or sums[_LOWER_I_LAST] - parts[-1].lower_i_last > 0
    return _score(_features(total, lower_i, corporate))


# Fitted by least squares on the DEV split of the Pavlick & Tetreault formality sentences
# (``python -m benchmarks.agreement --fit``), then rounded; score = clip(bias + w . features, 0, 1).
FORMALITY_BIAS = -0.023
FORMALITY_WEIGHTS: dict[str, float] = {
    "contractions": -0.439,
    "pronouns": 0.084,
    "third_person": 0.031,
    "latinate": 0.293,
    "word_length": 0.428,
    "sentence_length": 0.401,
    "f_closed": 0.196,
    "informal_marks": -0.169,
    "lowercase_start": -0.154,
    "corporate": 0.116,
}


@lru_cache(maxsize=32_768)
def formality(text: str, locale: str | None = None) -> float:
    """Formality of a text in [0, 1]: 0 chatty, 1 legal letter (see ``FORMALITY_WEIGHTS``); ``locale`` as for
    ``formality_features``."""
    if not _WORD.search(text):
        return 0.0
    return _score(formality_features(text, locale))


class _CorporateByLocale(NamedTuple):
    everywhere: Matcher  # the stock phrases formal to every reader
    only: dict[str, Matcher]  # a locale (lower case) -> the phrases formal only to its readers (``only_locale``)


@lru_cache(maxsize=2)
def _corporate_by_locale(tbl: PhraseTable) -> _CorporateByLocale:
    """``tbl``'s phrases split as SK201 reports them: "whilst" is everyday British English, a stock phrase only
    to a US reader, so the formality score counts it only where SK201 reports it (a pack set to en-US)."""
    by_locale: dict[str, list[str]] = {}
    for e in tbl.entries:
        if e.get("only_locale") is not None:
            by_locale.setdefault(str(e["only_locale"]).lower(), []).append(e["phrase"])
    everywhere = compile_phrases((e["phrase"] for e in tbl.entries if e.get("only_locale") is None), tbl.flags)
    return _CorporateByLocale(everywhere, {k: compile_phrases(v, tbl.flags) for k, v in by_locale.items()})


def _formal_locale(ctx: RuleContext) -> str | None:
    """The pack's locale where some stock phrases are formal only to its readers (en-US: "whilst"), else None."""
    return next((loc for loc in _corporate_by_locale(corporate_table()).only if written_for_locale(ctx, loc)), None)


def _local_corporate_count(text: str, locale: str | None) -> int:
    only = _corporate_by_locale(corporate_table()).only.get(locale) if locale else None
    return only.count(text) if only is not None else 0


# ---------------------------------------------------------------- shared helpers

def corporate_table() -> PhraseTable:
    return table("corporate_phrases.yaml")


def dismissive_table() -> PhraseTable:
    return table("dismissive.yaml")


def match_case(replacement: str, original: str) -> str:
    """``replacement`` capitalised like ``original`` (a drop-in at the start of a sentence)."""
    if replacement and original[:1].isupper() and replacement[:1].islower():
        return replacement[0].upper() + replacement[1:]
    if replacement and original[:1].islower() and replacement[:1].isupper() and not replacement.startswith("I"):
        return replacement[0].lower() + replacement[1:]
    return replacement


def _fmt(value: float) -> str:
    return f"{value:.2f}"


def _fmt_apart(value: float, limit: float) -> tuple[str, str]:
    """``value`` and ``limit`` with as many decimals (2 to 4) as it takes to tell them apart: never
    "0.58 is above the ceiling 0.58"."""
    for digits in (2, 3, 4):
        shown = f"{value:.{digits}f}", f"{limit:.{digits}f}"
        if shown[0] != shown[1]:
            break
    return shown


# ---------------------------------------------------------------- rules

@register
class CorporatePhrase(Rule):
    """Corporate phrase with a warmer rewrite.

    ## What it does
    Finds stock corporate phrases ("please be advised", "kindly", "at your earliest
    convenience", "valued customer", "we regret any inconvenience caused"...) from a list of
    over 250 entries and offers a conversational rewrite for each.

    ## Why it matters
    Formal, stock wording reads as if nobody wrote the reply. Warm, conversational language,
    the way you would talk to someone you know, makes the customer feel they are talking to
    a person.

    ## Example
    ```
    Please be advised that your refund will be processed at your earliest convenience.
    ```

    ## Use instead
    ```
    Just so you know, I'll process your refund as soon as you reply.
    ```

    ## Options
    - `extra` (list of `{phrase, replacement, note}`): more phrases for your brand voice.
    - `allow` (list of phrases): entries of the built-in list your team accepts.

    ## Fix safety
    Safe only for entries whose rewrite is a drop-in with the same grammar ("kindly" ->
    "please", "prior to" -> "before"); those are applied by `--fix` when the text is literal
    in the YAML. A phrasal verb takes a pronoun object inside it ("expedite it" -> "speed it
    up", "expedite them both" -> "speed them both up"), and replaces a word only where it is plainly the
    verb ("I'll expedite your order"): where it names a kind of thing ("the expedite fee", "an expedite
    request") it is a suggestion. A rewrite keeps the capitals of a phrase in capitals ("ADDITIONAL
    items" -> "EXTRA items"), and types its apostrophes as the text around does: "we can’t" where the
    sentence (or, with none there, the slot) has curly ones ("I’ve", "it’s"). "At your (earliest)
    convenience" -> "when you get a moment" is made only where the customer is asked to act
    ("Please reply ..."): after a passive or our own action ("your refund will be processed ...",
    "we'll refund you ...") it is reported with no fix, since the rewrite would say the customer
    does it; an appointment at their time ("we'll call you back ...") keeps it. After "a" or "an" the fix
    changes the article with the word ("an X" -> "a Y"), and
    a rewrite is a suggestion, not a fix, where the words around it need a person: "kindly" after
    a comma or "to" ("I'd ask you to kindly send ..."), "require us to ...", "keep this email for
    your records" (just drop the words). A fix settles its finding: where its words meet another listed
    phrase ("Could you kindly advise if" -> "Could you please advise if"), the fix is the rewrite of the
    whole ("Could you let me know if"), and a suggestion where that has no drop-in ("Could you kindly
    advise your bank") or the two share a word other than "please" ("assist with regard to"); a
    sentence opener after "you" ("Could you please be aware that") is a suggestion too. A rewrite ending in a
    contraction contracts only where a verb follows, as SK203's do: "Yes, I shall." -> "Yes, I will.". A
    "kindly" on a stock notice
    ("Kindly be informed that") is reported whole, with the notice's rewrite. A rewrite is a suggestion too where
    the words around change its sense: "in order to" after "is" or "get" ("Is everything in order to ship?"), "a
    number of" after "pick" or "enter" (a count asked for), "ascertain" before anything but "whether", "what",
    "how"..., "in relation to" or "pertaining to" after anything but what is said or asked ("I'm writing in
    relation to" -> "about"; "the fee in relation to" stays), "please be aware that" inside a sentence, "confirm
    receipt" before a deadline ("by Friday"), "unable to locate ... yet", "approximately" inside a noun's words
    ("an approximately 3-week wait") and "it is recommended that you" in security advice ("reset your
    password"). "As a goodwill gesture" is never rewritten: "to make up for this" would own a fault the reply
    may deny. In a reply written as "we" throughout, a rewrite speaks as "we" too ("We couldn't find your
    parcel, so we'll send another"), and one with no "we" form is a suggestion. Other rewrites are shown as
    suggestions for a person to make.

    Not reported: words in quotation marks (the customer's own, quoted: you asked us to "kindly
    refund ..."), a phrase capitalised inside a sentence, which names something ("our Roadside
    Assistance team"), "kindly" telling a kind act ("Sam kindly let us know", "Kindly, I've also
    ..."), "Kindly be patient" (SK305 reports asking for patience; "Please be patient" would be no
    warmer), "said" the verb ("You said order 1234 ..."), a thing's name ("an assistance animal"), a
    number asked for ("a number of at least six digits"), "whilst"/"amongst", everyday British
    English, unless the pack sets `locale: en-US`, and words inside a web or email address
    ("example.com/expedite", "kindly@example.com"): clicked, not read, and never rewritten.
    """

    code = "SK201"
    name = "corporate-phrase"
    severity = Severity.WARNING
    fix_safe = True
    reads_alternatives = True
    options: ClassVar[Mapping[str, Any]] = {"extra": [], "allow": []}
    bad_examples = (
        Example.of(acknowledgment="I can see how frustrating the wait has been.",
                   warm_language="Please be advised that we value your patience.",
                   solution="I'll refund the shipping cost today."),
        Example.of(acknowledgment="I can see why the missing parcel worried you.",
                   solution="Kindly send a photo of the label at your earliest convenience."),
    )
    good_examples = (
        Example.of(acknowledgment="I can see how frustrating the wait has been.",
                   warm_language="I'm really sorry, and thanks for bearing with me.",
                   solution="I'll refund the shipping cost today."),
    )

    def check(self, message: Message, ctx: RuleContext) -> Iterable[Finding]:
        rule = type(self)
        # options left empty (nearly always) need no reading: an empty value is valid as any empty list
        allow = options.phrases(rule, ctx, "allow") if ctx.option("allow", rule.options.get("allow")) else frozenset()
        tables = [corporate_table()]
        extra = options.entries(rule, ctx, "extra", ("phrase",), {"replacement": str, "note": str, "safe": bool}) \
            if ctx.option("extra", rule.options.get("extra")) else []
        if extra:
            tables.append(_extra_table(tuple((e["phrase"], e.get("replacement", ""), e.get("note", ""),
                                              e.get("safe", False)) for e in extra)))
        findings, wholes = [], []
        for found in self._found(message.text, message, ctx, tables, allow):
            if found.replacement and _still_corporate(message.text, found, tables):
                # "Could you kindly advise if" -> "Could you please advise if" meets "please advise": the rewrite of
                # the whole, when there is a clean one, else the suggestion stays, for a person to word
                whole = self._composed(message, ctx, tables, allow, found)
                found = replace(found, replacement=None) if whole is None else whole
                if whole is not None:
                    wholes.append(whole)
            findings.append(found)
        # (a phrase inside a whole rewrite is that rewrite's: "revert back" in "Could you kindly revert back" is no
        # second finding, with a fix of its own that the first one's leaves nothing to apply to)
        for f in findings:
            if not any(w is not f and w.start <= f.start and f.end <= w.end for w in wholes):
                yield f

    def _found(self, text: str, message: Message, ctx: RuleContext, tables: list[PhraseTable],
               allow: frozenset[str]) -> Iterator[Finding]:
        """The listed phrases found in ``text``, each with its own rewrite (``message`` gives the letter's opening)."""
        named: bool | None = None  # (read once, and only for a letter's closing)
        quoted: list[tuple[int, int]] | None = None  # (read once, and only when a phrase is found)
        refused_before: Callable[[int], bool] | None = None  # (read once, and only for a thanks a "no" may precede)
        as_we: bool | None = None  # (read once: per phrase, it read a whole transcript again each time)
        for tbl in tables:
            for start, end, entry in tbl.finditer(text):
                if " ".join(text[start:end].lower().split()) in allow:
                    continue
                if entry.get("named_letter"):
                    if named is None:
                        named = _opens_to_a_named_person(message)
                    if named:
                        continue  # "Dear Mrs Patel ... Yours sincerely": the letter's own convention
                if quoted is None:
                    quoted = _quotations(message)
                if in_quotation(quoted, start, end):
                    continue  # someone else's words, quoted ('you asked us to "kindly refund ..."'): not ours to change
                if _in_a_name(text, start, end):
                    continue  # "our Roadside Assistance team": a name, not a phrase
                locale = entry.get("only_locale")
                if locale is not None and not written_for_locale(ctx, str(locale)):
                    continue  # "whilst" is everyday British English: only a US pack hears it as stiff
                safe = bool(entry.get("safe"))
                if entry.get("opens"):
                    place = _request_place(text, start)
                    if place is None:
                        continue  # "Sam kindly let us know": a kind act told, not a request
                    safe = safe and place
                after = entry.get("unsafe_after")
                if after and _clause_before(text, start, str(after)):
                    # "Please keep this email for your records": no "keep ... to keep handy", just "keep this email"
                    safe, entry = False, {**entry, "replacement": ""}
                if entry.get("after_refusal"):
                    refused_before = refused_before or refusal_before(text)
                    if refused_before(start):
                        # "We can't refund it. Thank you for your understanding.": accept our "no", not be patient
                        safe, entry = False, {**entry, "replacement": "", "advice": _AFTER_A_NO}
                if entry.get("after_a_wait") and not entry.get("advice") and "patien" not in text[start:end].lower() \
                        and _WAIT_TOLD.search(f"{text[:start]} {text[end:]}") is None:
                    # "Each household can hold one membership. Thank you for your understanding.": nobody waited,
                    # so thanks for "bearing with me" thanks them for nothing that happened (thanks for "patience"
                    # says they waited: the rewrite keeps that; after a "no", what to write is said above)
                    safe, entry = False, {**entry, "advice": _ME_WORD.sub("us", _NO_WAIT) if (
                        as_we := _writes_as_we(message.text) if as_we is None else as_we) else _NO_WAIT}
                if safe and not _fits_around(text, start, end, entry):
                    safe = False  # ("Everything is in order to ship": no "Everything is to ship")
                rewrite = str(entry.get("replacement", ""))
                if _SINGULAR.search(rewrite) and (as_we := _writes_as_we(message.text) if as_we is None else as_we):
                    # ("We've fixed it. Thanks for bearing with us.", "We couldn't find it, so we'll send another":
                    # the reply's own person, not an "I" from nowhere; a person words one the entry has no "we" for)
                    we = entry.get("we") or (_ME_WORD.sub("us", rewrite) if entry.get("voice") or
                                             not _SINGULAR.search(_ME_WORD.sub("us", rewrite)) else None)
                    if we is None:
                        safe = False
                    else:
                        entry = {**entry, "replacement": we}
                if entry.get("advice"):
                    safe = False  # (advice in words: a person writes it)
                yield self._finding(start, end, text, entry, ctx, safe)

    def _composed(self, message: Message, ctx: RuleContext, tables: list[PhraseTable], allow: frozenset[str],
                  found: Finding) -> Finding | None:
        """``found`` with the rewrite of the whole, where its fix leaves words another listed phrase reports:
        each such phrase's own safe rewrite applied to the result, until none is left ("Could you kindly advise
        if" -> "Could you please advise if" -> "Could you let me know if"). None when a step has no safe rewrite
        (a person words it) or none settles within a few steps."""
        assert found.replacement is not None
        text = message.text
        lo, hi = sentence_window(text, found.start, found.end)
        window = text[lo:found.start] + found.replacement + text[found.end:hi]
        start, end = found.start, found.end  # the span of ``text`` rewritten
        a, b = found.start - lo, found.start - lo + len(found.replacement)  # its rewrite in ``window``
        for _ in range(4):
            meets = [f for f in self._found(window, message, ctx, tables, allow) if f.start < b and f.end > a]
            if not meets:
                # (the message quotes the whole stretch it rewrites: "Could you kindly advise", not "Could you kindly")
                said = found.message.replace(f'"{text[found.start:found.end]}"', f'"{text[start:end]}"', 1)
                return replace(found, start=start, end=end, replacement=window[a:b], message=said,
                               suggestion=f'"{_for_reader(window[a:b], ctx)}"')
            step = meets[0]
            if not step.replacement:
                return None  # (no drop-in for the words the rewrite meets)
            if (step.start > a or step.end < b) and _REQUEST_WORDS.fullmatch(
                    window[max(a, step.start):min(b, step.end)]) is None:
                # two phrases sharing a word the sentence needs: "assist with" -> "help with" meets "with regard to",
                # whose "about" would leave "help about"; only a shared "please" is safe to say once
                return None
            start, end = start - max(0, a - step.start), end + max(0, step.end - b)
            a, b = min(a, step.start), max(b, step.end) + len(step.replacement) - (step.end - step.start)
            window = window[:step.start] + step.replacement + window[step.end:]
        return None

    @staticmethod
    def _finding(start: int, end: int, text: str, entry: dict[str, Any], ctx: RuleContext, safe: bool) -> Finding:
        found = text[start:end]
        replacement = str(entry.get("replacement", ""))
        note = str(entry.get("note", "")).strip()
        message = f'corporate phrase "{found}"' + (f": {note}" if note else "")
        fix_end = end
        if safe and _phrasal(replacement) and " " not in found.strip() and not _reads_as_verb(text, start, end):
            safe = False  # ("the expedite fee", "upgraded you to expedite shipping": no "the speed up fee")
        split = _phrasal_object(replacement, text, end)
        if split is not None:  # "expedite it" -> "speed it up", not "speed up it"
            replacement, fix_end = split
        if safe and _customers_time(str(entry.get("phrase", ""))) and _not_the_customers_action(text, start):
            # "your refund will be processed at your earliest convenience": the customer does not process it,
            # so "when you get a moment" would change what the sentence says
            why = "Here it times what is done for the customer, not by them."
            return Finding(start, end, message + (" " if note else ": ") + why,
                           suggestion=f'say when it will happen, e.g. "by Friday" or "as soon as I can" '
                                      f'("{replacement}" fits only where the customer chooses the time)')
        # (a phrase in capitals is rewritten in lower case, "THANK YOU FOR YOUR COOPERATION." -> "Thanks so much for
        # your help.": a rewrite in capitals kept the shouting SK208 reports, which has no fix of its own; never a
        # placeholder's name)
        # (only where the phrase is its whole sentence: a phrase in a sentence that shouts on, or one stressed word,
        # keeps the writer's capitals, "YES, WE SHALL." -> "YES, WE WILL.", "Please DO NOT share" -> "DON'T")
        shouted = sum(c.isalpha() for c in found) > 1 and found.isupper() and _whole_sentence(text, start, end)
        if shouted:  # (and the object it keeps from the text: "EXPEDITE IT" -> "speed it up")
            replacement = _SHOUTED_OBJECT.sub(lambda m: m.group().lower(), replacement)
        rewrite = (replacement[:1].upper() + replacement[1:] if opens_sentence(text, start) else replacement) \
            if shouted and "{{" not in replacement else \
            match_case(_cased(found, "", _SHOUTED_OBJECT.sub(lambda m: m.group().lower(), replacement)
                              if found.isupper() else replacement, True)  # (its object's capitals are the text's)
                       if "{{" not in replacement else replacement, found)
        clause_fit = _fit_at_clause_end(text, start, end, rewrite)
        if clause_fit is None:
            safe = False  # ("we would." -> "we'd." is no English, and "'d" written out may be "had" or "would")
        else:
            rewrite = clause_fit  # ("Yes, I shall." -> "Yes, I will.", not "Yes, I'll.")
        advice = entry.get("advice")
        suggestion = str(advice) if advice else f'"{_for_reader(rewrite, ctx)}"' if rewrite else "delete it"
        fix_start = start
        if safe and rewrite.lower().startswith("just ") and _YOU_BEFORE.search(text, max(0, start - 8), start):
            safe = False  # ("Could you please be aware that": "Could you just a heads-up that" is no sentence)
        if safe and rewrite.lower().startswith("just a heads-up") and not opens_sentence(text, start):
            safe = False  # ("Once it ships, please be aware that": "Once it ships, just a heads-up that": no sentence)
        if safe and rewrite:
            article = _article_before(text, start)
            if article is not None:  # "an assistance dog" -> "a help dog", not "an help dog"
                wanted = _indefinite_article(replacement)  # (as the entry writes it: "EXTRA" reads as an abbreviation)
                if wanted is None:
                    safe = False  # (a sound not told from the spelling: left for a person)
                elif wanted != text[article:start].split()[0].lower() or shouted:
                    said = text[article:start].split()[0]  # (in capitals, "AN ADDITIONAL": "an extra", as its noun)
                    fix_start = article
                    rewrite = (wanted[:1].upper() + wanted[1:] if shouted and opens_sentence(text, article) else
                               wanted if shouted else match_case(wanted, said)) + " " + rewrite
                    suggestion = f'"{_for_reader(rewrite, ctx)}"'
        return Finding(fix_start, fix_end, message, suggestion=suggestion, replacement=rewrite if safe else None)


def _whole_sentence(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` holds every word of its sentence (nothing but punctuation around it)."""
    around = next(((a, b) for a, b in sentence_spans(text) if a <= start and end <= b), None)
    return around is not None and not any(c.isalnum() for c in text[around[0]:start] + text[end:around[1]])


_SHOUTED_OBJECT = re.compile(r"\b(?!I\b)[A-Z]{2,}\b|\bI\b(?=\s+up\b)")  # (words in capitals; "I" stays)
_AFTER_A_NO = ('after a "no" it asks them to accept it: end on what you can do instead, or on an offer ("If '
               'you\'d like, I can ...")')
_NO_WAIT = ('thank them for something they did ("Thanks for checking that"), or end on what you can do; "Thank '
            'you for bearing with me" fits only after a wait')
# a wait told in the reply, behind or ahead of the customer: "sorry for the delay", "while you waited", "within 3
# business days", "as soon as it ships", "in the meantime", or a fault put right, which they put up with till then
# ("We've fixed the bill")
_WAIT_TOLD = re.compile(
    r"\b(?:fixed|resolved|restored|repaired|working\s+again|back\s+(?:up|online)|wait\w*|delay\w*|patien\w*|bear(?:ing)?\s+with|meantime|meanwhile|as\s+soon\s+as|shortly|soon|"
    r"longer|took|taking|on\s+hold|queue\w*|backlog|pending|outage|still|minutes?|hours?|days?|weeks?|months?)\b",
    re.IGNORECASE)
_ME_WORD = re.compile(r"\bme\b")
_SINGULAR = re.compile(r"\b(?:i|me|my|mine|myself)\b|\bi['’](?:m|ve|ll|d)\b", re.IGNORECASE)
_PLURAL = re.compile(r"\b(?:we|us|our|ours|ourselves)\b", re.IGNORECASE)


def _fits_around(text: str, start: int, end: int, entry: dict[str, Any]) -> bool:
    """Whether an entry's rewrite fits the words around the phrase, as its ``fix_only_after``, ``suggest_after``
    and ``suggest_before`` say (else it is a suggestion, for a person to re-read)."""
    only = entry.get("fix_only_after")
    if only and not _clause_before(text, start, str(only)):
        return False  # ("The fee in relation to your plan": "about" only after "writing", "contact us", ...)
    after = entry.get("suggest_after")
    if after and _clause_before(text, start, str(after)):
        return False
    ahead = entry.get("suggest_before")
    cut = _SENTENCE_CUT.search(text, end)
    return not (ahead and re.search(str(ahead), text[end:cut.start() if cut else len(text)], re.IGNORECASE))


def _writes_as_we(text: str) -> bool:
    """Whether the reply speaks as "we" throughout: a "we", "us" or "our" and never an "I" or "me" (one "I"
    anywhere, "I've asked our team", and "me" is the writer's word)."""
    return _SINGULAR.search(text) is None and _PLURAL.search(text) is not None


_GREETINGS = _wordset("dear hi hello hey")
_CONTRACTED_END = re.compile(r"['\u2019](ll|re|ve|m|s|d)$", re.IGNORECASE)
_WRITTEN_OUT = {"ll": "will", "re": "are", "ve": "have", "m": "am"}  # ("'d" and "'s" are two words each)


def _fit_at_clause_end(text: str, start: int, end: int, rewrite: str) -> str | None:
    """``rewrite`` of ``text[start:end]`` as it may stand there: one ending in a contraction ("I'll") contracts only
    where SK203 would contract, with its verb after it; at a clause's end its last word is written out ("Yes, I
    shall." -> "Yes, I will."), and None where that word is not told from the contraction ("'d": had or would)."""
    m = _CONTRACTED_END.search(rewrite)
    if m is None or _contracts_cleanly(text, start, end, rewrite.lower().replace("\u2019", "'")):
        return rewrite
    full = _WRITTEN_OUT.get(m[1].lower())
    if full is None:
        return None
    return rewrite[:m.start()] + " " + (full.upper() if rewrite.isupper() else full)


def _slot_bounds(message: Message) -> Iterable[tuple[int, int]]:
    """Where each slot of a message lies, from its first segment's start to its last one's end."""
    bounds: dict[str | None, tuple[int, int]] = {}
    for s, e, seg in message.spans():
        bounds[seg.slot] = (bounds.get(seg.slot, (s, e))[0], e)
    return bounds.values()


def _quotations(message: Message) -> list[tuple[int, int]]:
    """``quoted_spans`` of the message's text but quotes around a whole slot: pasted with a template (SK007 reports
    them), they wrap the writer's own words, which the customer reads as the writer's."""
    text = message.text
    found = quoted_spans(text)
    if not found:
        return found
    wrapped = set()
    for a, b in _slot_bounds(message):
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        wrapped.add((a, b))
    return [span for span in found if span not in wrapped]


_YOU_BEFORE = re.compile(r"\byou\s+$", re.IGNORECASE)


def _still_corporate(text: str, found: Finding, tables: list[PhraseTable]) -> bool:
    """Whether ``found``'s fix makes words some table still reports: "Could you kindly advise if" fixed to
    "Could you please advise if" meets "please advise if". A fix must settle its finding, so such a rewrite is
    left as a suggestion (a person words the two at once)."""
    assert found.replacement is not None
    lo, hi = sentence_window(text, found.start, found.end)
    a, b = found.start - lo, found.start - lo + len(found.replacement)
    rewritten = text[lo:found.start] + found.replacement + text[found.end:hi]
    return any(s < b and e > a for tbl in tables for s, e, _ in tbl.finditer(rewritten))


_REQUEST_WORDS = re.compile(r"\s*(?:(?:please|kindly)\b\s*)+", re.IGNORECASE)


# a dash or a colon between words, after which a capital opens a new thought, not a name
_AFTER_A_BREAK = re.compile(r"(?:\s[-\u2013\u2014]|[:\u2013\u2014])\s*$")


def _in_a_name(text: str, start: int, end: int) -> bool:
    """Whether the phrase found at ``text[start:end]`` is part of a name: capitalised inside a sentence ("our
    Roadside Assistance team", "the Customer Assistance Centre"), where a rewrite would rename it. "I" is
    capitalised anywhere, a greeting's words are capitalised by custom ("Dear Valued Customer"), and a line in
    capitals shouts rather than names."""
    found = text[start:end]
    first = found.split(None, 1)[0] if found.strip() else ""
    if not first[:1].isupper() or first == "I" or first.startswith(("I'", "I\u2019")) or found.isupper():
        return False
    if opens_sentence(text, start) or _AFTER_A_BREAK.search(text, max(0, start - 4), start):
        return False  # (a capital after a dash or a colon starts what follows: "Thanks for waiting - Kindly send")
    window = text[max(0, start - 200):start]
    cuts = [m.end() for m in _CLAUSE_EDGE.finditer(window)]
    words = window[cuts[-1] if cuts else 0:].split()
    # ("Hi Valued Customer", "Hi Ben, Kindly send ...": a greeting's line is capitalised by custom)
    return not words or words[0].strip(",").lower() not in _GREETINGS


def written_for_locale(ctx: RuleContext, locale: str) -> bool:
    """Whether the replies' writer said they are written for ``locale`` (in any case): it reads ``ctx.locale``, the
    pack's pack.yaml ``locale:`` or the settings of free text (``review --locale``); a pack or reply that names no
    locale has not said where its readers are. Shared by the rules that speak a locale's words: here the formal
    phrases and the British spelling of advice, and solution.py's 'working days'."""
    said = ctx.locale
    return said is not None and said.lower() == locale.lower()


# locales that spell "apologise", "realise", "colour": advice written in US spelling is shown in theirs
_ISE_LOCALES = ("en-GB", "en-AU", "en-NZ", "en-IE", "en-IN", "en-ZA")
_US_WORDS = re.compile(r"\b(apologi|reali|recogni)z(e|es|ed|ing)\b|\b(colo)(rs?)\b", re.IGNORECASE)


def _spelt_for_pack(advice: str, ctx: RuleContext) -> str:
    """``advice`` (written in US spelling) as the pack's locale spells it: "apologise" in an en-GB pack."""
    if not any(written_for_locale(ctx, locale) for locale in _ISE_LOCALES):
        return advice
    return _US_WORDS.sub(lambda m: f"{m[1]}s{m[2]}" if m[1] else f"{m[3]}u{m[4]}", advice)


# words after which a request's "kindly" may stand inside a sentence ("I'd ask you to kindly send ...", "if you
# can, kindly reply"): a rewrite there is a suggestion; after any other word it tells what someone kindly did
_REQUEST_LEAD = _wordset("to then but or")
# a clause before a comma that leaves the main clause to a request: "If you can, kindly reply", "Once it arrives, ..."
_LEADS_INTO_A_REQUEST = _wordset("if when whenever once after before until while since because as unless")


def _request_place(text: str, start: int) -> bool | None:
    """Where a request word ("kindly") stands: True where it opens a sentence or clause ("Kindly send ...",
    "...; kindly reply", "If you can, kindly reply"), so it asks; False after another comma, a dash or a word that
    may lead into a request ("to", "then"), where it may; None after anything else ("Sam kindly let us know", "you
    kindly sent"), where it tells a kind act."""
    if opens_sentence(text, start):
        return True
    if _AFTER_A_BREAK.search(text, max(0, start - 4), start):
        return False  # ("Thanks for waiting - kindly send a photo" asks; "the courier - kindly - rang" tells)
    before = text[max(0, start - 40):start].rstrip()
    if before.endswith(","):
        # after a greeting ("Hi Sam, kindly send ...") or a clause that sets when or if ("After you request it,
        # kindly wait ..."), the request opens the main clause; after a name told ("Your neighbour, Sam, kindly
        # left it") it does not
        words = before[max(before.rfind(c) for c in ".!?:;\n") + 1:].split()
        first = words[0].strip(",").lower() if words else ""
        return (len(words) <= 3 and first in _GREETINGS) or first in _LEADS_INTO_A_REQUEST
    words = before.split()
    return False if words and words[-1].lower() in _REQUEST_LEAD else None


_CLAUSE_EDGE = re.compile(r"[.!?;:\n]")


def _clause_before(text: str, start: int, rx: str) -> bool:
    """Whether ``rx`` (case-insensitive) is found in the clause before ``start`` (from its last . ! ? ; : or
    line break)."""
    window = text[max(0, start - 200):start]
    cuts = [m.end() for m in _CLAUSE_EDGE.finditer(window)]
    return re.search(rx, window[cuts[-1] if cuts else 0:], re.IGNORECASE) is not None


_ARTICLE_BEFORE = re.compile(r"(?<![\w'\u2019])(an?)\s+$", re.IGNORECASE)


def _article_before(text: str, start: int) -> int | None:
    """Where an "a" or "an" right before ``start`` begins, if there is one."""
    m = _ARTICLE_BEFORE.search(text, max(0, start - 10), start)
    return m.start() if m is not None else None


# spellings whose sound the first letter does not tell: "a use", "a one-off", "a European"; "an hour", "an honest"
# (not every "uni": "an unidentified", "an uninstalled"; and "one" only as the word: "an onerous")
_CONSONANT_SOUND = ("unique", "unit", "univers", "unif", "union", "unicorn", "unilateral", "use", "usu", "uti", "ure",
                    "eu", "one ", "one-", "once ", "ubiq", "ufo", "ukr", "uk ")
_VOWEL_SOUND = ("hour", "honest", "honou", "heir")


def _indefinite_article(phrase: str) -> str | None:
    """"a" or "an" for the first word of ``phrase``, as spoken; None when the spelling does not tell (a number,
    an abbreviation, a template)."""
    word = phrase.lstrip().split(None, 1)[0] if phrase.strip() else ""
    low = word.lower()
    if not low[:1].isalpha() or (len(word) > 1 and word.isupper()):
        return None
    if low.startswith(_VOWEL_SOUND):
        return "an"
    if (low + " ").startswith(_CONSONANT_SOUND):
        return "a"
    return "an" if low[0] in "aeiou" else "a"


# the particle a phrasal verb ends with ("speed up", "find out"), and an object pronoun, which goes before it with
# the quantifier it carries ("speed them both up")
_PARTICLE = frozenset({"up", "out", "off", "down", "back", "over", "away"})
_OBJECT_PRONOUN = re.compile(r"\s+((?:it|them|him|me|us|you)(?:\s+(?:both|all))?)\b(?!['’\w])", re.IGNORECASE)


def _phrasal(replacement: str) -> bool:
    """Whether ``replacement`` is a phrasal verb ("speed up", "find out")."""
    words = replacement.split()
    return len(words) >= 2 and words[-1].lower() in _PARTICLE


def _phrasal_object(replacement: str, text: str, end: int) -> tuple[str, int] | None:
    """A phrasal verb rewrite ("speed up") whose object after the phrase is a pronoun ("expedite it"): the
    rewrite with the pronoun inside it ("speed it up") and the end of that pronoun; else None. (English puts
    a pronoun object before the particle: "speed up it" is no sentence.)"""
    if not _phrasal(replacement):
        return None
    m = _OBJECT_PRONOUN.match(text, end)
    if m is None:
        return None
    words = replacement.split()
    return " ".join([*words[:-1], m.group(1), words[-1]]), m.end()


# A one-word phrase rewritten as a phrasal verb is fixed only where it is plainly a verb: "expedite" is a noun's
# modifier too ("the expedite fee", "an expedite request", "upgraded you to expedite shipping"), where "speed up"
# garbles the sentence. Plainly a verb: after its subject, a modal or "please" ("I'll expedite", "could you
# expedite"), after "to" that a verb or adjective leads into ("try to", "able to"), or before its object's
# determiner or pronoun ("expedite your order", "to expedite it"). (No tagger: only the signs that tell it plainly.)
_VERB_LEADS = _wordset(
    "i we you they he she please will would can could should must may might shall do does did don't doesn't "
    "didn't won't wouldn't can't cannot couldn't shouldn't let's")
_TO_LEADS = _wordset(
    "like love want wants wanted try tries tried trying able unable happy glad going need needs needed have has had "
    "hope hoping plan planning aim managed chance way pleased")
_OBJECT_LEADS = _wordset(
    "the a an your my our their his her its this that these those it them him me us you every each any all both")
_DETERMINERS = _wordset("the a an your my our their his her its this that these those every each")
_WORD_BEHIND = re.compile(r"([\w'’]+)[ \t]+$")
_WORD_AHEAD = re.compile(r"[ \t]+([\w'’]+)")


def _reads_as_verb(text: str, start: int, end: int) -> bool:
    """Whether the word at ``text[start:end]`` is plainly a verb (see ``_VERB_LEADS``)."""
    before = _WORD_BEHIND.search(text, max(0, start - 40), start)
    word = before.group(1).lower().replace("’", "'") if before is not None else ""
    if word in _DETERMINERS:
        return False  # ("the expedite that you asked for")
    after = _WORD_AHEAD.match(text, end)
    if after is not None and after.group(1).lower() in _OBJECT_LEADS:
        return True
    if before is None:
        return False
    if word in _VERB_LEADS or word.endswith(("'ll", "'d")):
        return True
    if word != "to":
        return False
    lead = _WORD_BEHIND.search(text, max(0, before.start() - 40), before.start())
    return lead is not None and lead.group(1).lower() in _TO_LEADS


def _customers_time(phrase: str) -> bool:
    """Whether the phrase times something by the customer's convenience ("at your earliest convenience"),
    and its rewrite so says the customer acts ("when you get a moment")."""
    return "your" in phrase.lower().split() and "convenience" in phrase.lower()


# before the phrase, in its sentence: a passive ("will be processed") or our own action ("we will send it")
_PASSIVE = re.compile(r"\b(?:be|been|being|is|are|was|were)\s+(?:\w+ly\s+)?(?:\w+ed|\w+en|sent|done|made|paid|"
                      r"sold|held|kept|dealt|built|brought|bought|told|found|put|set|cut)\b", re.IGNORECASE)
# (our only where it opens the clause, "our team will call": not an object's, "please visit our help centre")
_SUBJECT = re.compile(r"\b(I|we)\b|(?:^\s*|[,;:]\s*|\b(?:and|but|so|then|because|since|once|when|if|as|while|until|"
                      r"after|before|that)\s+)(our)\b|\b(you|please|kindly)\b", re.IGNORECASE)
_SENTENCE_CUT = re.compile(r"[.!?\n]")
# the words after which "you" is who acts: a clause's start ("and you can"), a question's or a condition's
# verb ("could you", "should you"), a request ("we suggest you call", "we ask that you"), or what comes from the
# customer ("we look forward to hearing from you")
_YOU_ACTS_AFTER = frozenset((
    "and", "but", "or", "so", "then", "because", "since", "once", "when", "whenever", "if", "as", "while",
    "until", "after", "before", "that", "where", "unless", "please", "kindly", "from",
    "can", "could", "will", "would", "should", "do", "does", "did", "may", "might", "shall", "must", "are",
    "were", "have", "has", "had",
    "ask", "asked", "need", "needs", "want", "wants", "suggest", "recommend", "request", "require", "invite",
    "encourage", "urge", "expect", "prefer"))
# ... or before which: its verb ("you're", "you can", "we need you to")
_YOU_ACT = re.compile(r"['’](?:re|ll|d|ve)\b|\s+(?:to|can|could|will|would|should|may|might|must|need|needs|want|"
                      r"wish|are|were|have|had|do|did|don['’]t|can['’]t|won['’]t)\b", re.IGNORECASE)


def _you_acts(before: str, m: re.Match[str]) -> bool:
    """Whether the "you" that ``m`` found in ``before`` is who acts there ("could you send it", "you can
    visit"), not the object of what we do ("we'll refund you", "I'll call you back", "we'll get back to you")."""
    if _YOU_ACT.match(before, m.end()):
        return True
    head = before[:m.start()].rstrip()
    if not head or head[-1] in ",;:(":
        return True
    word = head.rsplit(None, 1)[-1].strip("\"'“”‘’(").lower()
    return word in _YOU_ACTS_AFTER or word.endswith(("n't", "n’t"))  # ("can't you", "won't you")


def _not_the_customers_action(text: str, start: int) -> bool:
    """Whether what is timed "at your convenience" is done by us or by nobody named (a passive), not asked
    of the customer: the last of I/we/our and you/please/kindly before it in its sentence is ours, or there is
    none and the verb is passive. "Please reply at your earliest convenience" and "could you send it at your
    convenience" are the customer's; a "you" that is what we act on ("we'll refund you", "we'll get back to you")
    names no one acting, so "We'll refund you at your convenience" is ours. An appointment we keep ("we'll call
    you back", "our technician will visit you") is at the customer's time, so not "ours" here."""
    cut = max((m.end() for m in _SENTENCE_CUT.finditer(text, max(0, start - 300), start)), default=max(0, start - 300))
    before = text[cut:start]
    last = None
    for m in _SUBJECT.finditer(before):
        if m.group(3) is not None and m.group(3).lower() == "you" and not _you_acts(before, m):
            continue
        last = m
    ours = last.group(3) is None if last is not None else _PASSIVE.search(before) is not None
    # an appointment we keep at a time the customer picks ("we'll call you back", "our technician will visit
    # you", "a call can be scheduled"): their convenience sets the time, so "whenever suits you" says it right
    return ours and _APPOINTMENT.search(before, last.end() if last is not None else 0) is None


# what we do at a time the customer chooses, not a deliverable of ours ("refund", "send", "get back to you")
_APPOINTMENT = re.compile(
    r"\b(?:call(?:s|ed|ing)?|ring(?:s|ing)?|phone(?:s|d)?|phoning|schedul(?:e|es|ed|ing)|book(?:s|ed|ing)?|"
    r"visit(?:s|ed|ing)?|meet(?:s|ing)?|met|deliver(?:s|ed|ing)?|collect(?:s|ed|ing)?|contact(?:s|ed|ing)?|"
    r"reach(?:es|ed|ing)?|walk(?:s|ed|ing)?\s+(?:\w+\s+){0,3}?through|pick(?:s|ed|ing)?\s+(?:\w+\s+){0,3}?up)\b",
    re.IGNORECASE)


_PLACEHOLDER_IN_REWRITE = re.compile(r"\{\{\s*([a-z_]+)\.([a-z_]+)[^}]*\}\}")
_WHOSE = {"agent": "your", "customer": "their"}


def _for_reader(rewrite: str, ctx: RuleContext) -> str:
    """A rewrite as the reader can use it: in ``review`` (no pack) a reply is already written and
    no helpdesk fills in '{{ agent.first_name }}', so a placeholder is said in words there."""
    if ctx.pack is not None or "{{" not in rewrite:
        return rewrite
    return _PLACEHOLDER_IN_REWRITE.sub(
        lambda m: f"<{_WHOSE.get(m[1], 'the ' + m[1])} {m[2].replace('_', ' ')}>", rewrite)


# "Dear Mrs Patel", "Dear {{customer.first_name}}": a letter to a named person, not to a role or to nobody
_DEAR_SOMEONE = re.compile(
    r"\s*dear\s+(?!(?:sir|sirs|madam|customer|customers|valued|team|all|friend|friends|client|user|member|colleague|"
    r"colleagues|support|there|account|policyholder|patient|guest|everyone|applicant|subscriber)\b)[^\s,!.:]",
    re.IGNORECASE)


def _opens_to_a_named_person(message: Message) -> bool:
    """Whether the reply's greeting is "Dear" and a name (read only when an entry that allows it is found)."""
    for s in analyse_message(message):
        lead = words_start(s.text)
        if lead == len(s.text):
            continue  # (an emoji alone, "👋", greets with no words: the greeting's words follow it)
        if s.cues.greeting or s.slot == "greeting":
            return _DEAR_SOMEONE.match(s.text, lead) is not None
        if not s.is_frame:
            return False  # the body started with no greeting
    return False


_extra_tables: dict[tuple[tuple[str, str, str, bool], ...], PhraseTable] = {}


def _extra_table(entries: tuple[tuple[str, str, str, bool], ...]) -> PhraseTable:
    found = _extra_tables.get(entries)
    if found is None:
        found = _extra_tables[entries] = PhraseTable(
            {"phrase": p, "replacement": r, "note": n, "safe": s} for p, r, n, s in entries if p.strip())
    return found


@register
class FormalTone(Rule):
    """Reply reads more formal than the ceiling.

    ## What it does
    Scores the formality of the whole reply from 0 (chatty) to 1 (legal letter) and reports
    when it is above the ceiling, pointing at the most formal sentence and naming the one or
    two things in it that push the score up most: a stock phrase ("please be advised that"),
    forms written out that could be contracted ("we will not"), long words, or its length. A reply
    whose every sentence is under the ceiling alone is not reported for lines it ends without a
    full stop ("Here's where things are:", "I'll walk you through it 💛"): each is a sentence of
    its own, not one long one. Nor is a reply over the ceiling for the length of its sentences
    alone: one that would be under it were they of an everyday 15 words, and whose most formal
    sentence has no long word or stock phrase to change ("Thanks for the report but the plugin is
    not one of ours, so please report the bug to the person who wrote it"). Its words read as plain
    talk, and a sentence too long to follow is SK103's to report. Nor is one over it for the stock
    phrases SK201 reports alone, all in its most formal sentence, under it with SK201's rewrites in
    their place ("We kindly ask you to provide us with a photo"): SK201 names each phrase there,
    and one phrase gets one finding.

    What the score means to a writer: about 0.3 reads like a friendly chat ("Thanks for your
    message! I'll refund it today."), about 0.45 like a polite email without contractions
    ("Thank you for your message. I will refund the payment today."), and the default
    ceiling of 0.58 is where it turns into a notice ("Please be advised that the refund will be
    processed within five business days."); "We acknowledge receipt of your correspondence"
    scores about 0.8. Contractions, "I" and "you", short sentences and everyday words bring it
    down; long Latinate words, long sentences and stock corporate phrases push it up.

    For the curious, the score is `clip(b + sum(w_i * x_i), 0, 1)` over features of the text: contractions per
    word (down), first/second-person pronouns per word (down), Latinate words of 7+ letters
    per word (up), mean word length and log mean sentence length (up), a closed-class
    Heylighen-Dewaele F-score (articles and prepositions minus pronouns and interjections, up),
    informal marks such as "!", emoticons and slang (down), and corporate phrases per sentence
    (up). A web or email address written out counts as one plain word, as a Markdown link reads
    as its text: its pieces ("cal.example.com/team/15-minute-call") are no words of the sentence.
    The weights were fitted on the development split of human formality ratings and
    are listed in `scriptkit.rules.warmth.FORMALITY_WEIGHTS`.

    ## Why it matters
    Overly formal words make a reply sound like a corporate notice, not a person who cares.
    Everyday words and a personal voice keep the reply human.

    ## Example
    ```
    We acknowledge receipt of your correspondence.
    The aforementioned transaction will be reimbursed subsequent to verification.
    ```

    ## Use instead
    ```
    Thanks for your message. I'll refund the payment as soon as I've checked it, today.
    ```

    ## Options
    - `ceiling` (number, default 0.58): the highest formality allowed.

    ## Fix safety
    No automatic fix: lowering formality means rewriting sentences.
    """

    code = "SK202"
    name = "formal-tone"
    severity = Severity.WARNING
    options: ClassVar[Mapping[str, Any]] = {"ceiling": 0.58}
    bad_examples = (
        Example.of(acknowledgment="We acknowledge receipt of your correspondence regarding the transaction.",
                   solution="The aforementioned transaction will be reimbursed subsequent to verification, "
                            "in accordance with the applicable regulations and procedures."),
    )
    good_examples = (
        Example.of(acknowledgment="I can see how worrying it is to spot a payment you don't recognise.",
                   warm_language="I'm really sorry you've had to deal with this.",
                   solution="I've refunded it today, and you'll see the money back within three days."),
    )

    def check(self, message: Message, ctx: RuleContext) -> Iterable[Finding]:
        ceiling = options.number(type(self), ctx, "ceiling", 0.0, 1.0)
        body = body_sentences(message)
        if not body:
            return
        # sentences as written: "Hi Sam, thank you..." leaves "thank you..." once the greeting is split off
        texts = [t if t[:1] == t[:1].upper() else t[:1].upper() + t[1:] for t in [s.text for s in body]]
        # a list's lead-in and items are sentences, full stop or not ("Here's what I've done:\n- Sent a label"); its
        # short items make the prose around it no less formal ("We kindly ask you to provide:\n- your full name")
        listed = [list_item_at(message.text, s.start) for s in body]
        ended = [t + "." if any(listed[i:i + 2]) and t[-1:] not in ".!?" else t for i, t in enumerate(texts)]
        prose = [t for t, item in zip(ended, listed, strict=True) if not item]
        locale = _formal_locale(ctx)
        scored = max([ended, prose] if prose else [ended], key=lambda texts: joined_formality(texts, locale))
        score = joined_formality(scored, locale)
        if score <= ceiling:
            return
        # (a sentence of a word or two, such as a fill-in alone on its line, "**{explanation}**", has no tone to change)
        worded = [i for i in range(len(body)) if len(texts[i].split(None, 2)) >= 3] or range(len(body))
        worst = max(worded, key=lambda i: formality(texts[i], locale))
        most = formality(texts[worst], locale)
        # no sentence formal alone, and lines without a full stop ("Here's where things are:", "I'll walk you through
        # it 💛"): the reply is formal only where those chatty lines are read as one long sentence; each line is
        # a sentence of its own to its reader. (A formal sentence keeps the reading as written: its reply is formal
        # however its short lines are counted.)
        if most <= ceiling and joined_formality([t if _SENTENCE_END.search(t) else t + "." for t in ended],
                                                locale) <= ceiling:
            return
        # formal for long sentences alone, its most formal one with no formal word or stock phrase to change ("Thanks
        # for the report but the plugin is not one of ours, so please report the bug to the person who wrote it"):
        # plain talk, whose length is SK103's to report
        if score - _length_alone(scored, locale) <= ceiling and not any(
                d.wording for d in _formal_drivers(texts[worst], locale)):
            return
        # formal for the stock phrases SK201 reports alone, all of them in the sentence this finding would point at
        # ("We kindly ask you to provide us with a photo"): the reply is under the ceiling without their count, and
        # SK201's findings already name each phrase there and what to write; SK202 would point at the same words a
        # second time. (Formal words beside them, or stock phrases through the reply, are a tone SK202 names.)
        if score - _STOCK_WEIGHT * _stock_rate(scored, locale) <= ceiling \
                and len(_stock_sentences(scored, locale)) == 1 and _stock_sentences([texts[worst]], locale):
            return
        shown, limit = _fmt_apart(score, ceiling)
        # (the numbers stay, after the words: they are what a team tunes the ceiling by)
        reads = f"the reply reads more formal than the ceiling allows (formality {shown}, ceiling {limit})"
        yield Finding(body[worst].start, body[worst].end,
                      f"{reads}; this sentence is the most formal ({_fmt_apart(most, ceiling)[0]})" if most > ceiling
                      else f"{reads}; no sentence is above it alone, and the most formal sentence is this one "
                           f"({_fmt(most)})",
                      suggestion=_what_makes_it_formal(texts[worst], locale))


_STOCK_WEIGHT = FORMALITY_WEIGHTS["corporate"]


def _stock_rate(texts: list[str], locale: str | None) -> float:
    """The score's stock-phrase feature of ``texts`` read as one (``formality_features``)."""
    return formality_features(" ".join(texts), locale)["corporate"]


def _stock_sentences(texts: list[str], locale: str | None) -> list[str]:
    """Those of ``texts`` with a stock phrase SK201 reports for ``locale``'s readers."""
    return [t for t in texts if formality_features(t, locale)["corporate"] > 0]


# an everyday sentence, from which SK202's hint reads what a formal one has too much of: words of 4.5 letters on
# average, 15 words to a sentence
_PLAIN_WORD_LENGTH = 4.5 / 8.0
_PLAIN_SENTENCE_LENGTH = math.log1p(15) / math.log1p(40)


def _length_alone(texts: list[str], locale: str | None) -> float:
    """What the formality of ``texts`` (a reply's sentences) owes to sentences longer than an everyday one: a reply
    formal by that alone reads as plain talk ("Thanks for the report but the plugin is not one of ours, so please
    report the bug to the person who wrote it"), where long words or stock phrases make a notice."""
    length = formality_features(" ".join(texts), locale)["sentence_length"]
    return FORMALITY_WEIGHTS["sentence_length"] * max(0.0, length - _PLAIN_SENTENCE_LENGTH)


class _Driver(NamedTuple):
    lost: float  # what the score would lose without it
    cause: str  # what is formal, in the sentence's own words
    remedy: str
    wording: bool  # a stock phrase or long words (not the sentence's length, nor a form written out)


def _formal_drivers(text: str, locale: str | None = None) -> list[_Driver]:
    """The one or two things in ``text`` (the most formal sentence) that push its score up most, each weighed by
    what the score would lose without it (``FORMALITY_WEIGHTS``), named with the sentence's own words."""
    weight, feats = FORMALITY_WEIGHTS, formality_features(text, locale)
    words = _words(_one_word_links(text))
    n = max(1, len(words))
    drivers: list[_Driver] = []
    folded = fold(text)
    split = _corporate_by_locale(corporate_table())
    only = split.only.get(locale) if locale else None
    spans = sorted([*split.everywhere.spans(folded, folded=True), *(only.spans(folded, folded=True) if only else ())])
    stock = list(dict.fromkeys(folded[a:b] for a, b in spans))
    if stock:
        drivers.append(_Driver(weight["corporate"] * feats["corporate"], f"the stock phrase '{stock[0]}'",
                               "say it in your own words", True))
    full = [(form, short) for _, _, form, short in _contractible(normalise(text))]  # ("we will not" -> "we won't")
    if full:
        shown = list(dict.fromkeys(full))[:2]
        drivers.append(_Driver(-weight["contractions"] * len(full) / n,
                               " and ".join(f"'{form}'" for form, _ in shown) + " written out",
                               "write " + " and ".join(f"'{short}'" for _, short in shown), False))
    long_words = list(dict.fromkeys(w for w in words if len(w) >= 7 and w.endswith(_LATINATE_ENDINGS))) \
        or list(dict.fromkeys(w for w in words if len(w) >= 9))
    lost = weight["latinate"] * feats["latinate"] + weight["word_length"] * (feats["word_length"] - _PLAIN_WORD_LENGTH)
    if long_words:
        drivers.append(_Driver(lost, "long words like " + ", ".join(f"'{w}'" for w in long_words[:3]),
                               "use everyday words", True))
    lost = weight["sentence_length"] * (feats["sentence_length"] - _PLAIN_SENTENCE_LENGTH)
    drivers.append(_Driver(lost, f"{len(words)} words in one sentence", "split it", False))
    return sorted((d for d in drivers if d.lost > 0.01), key=lambda d: -d.lost)[:2]


def _what_makes_it_formal(text: str, locale: str | None = None) -> str:
    """SK202's hint: what ``_formal_drivers`` names in ``text``, the most formal sentence."""
    top = _formal_drivers(text, locale)
    if not top:  # (its closed words, "of the", "in the", weigh most: no one thing to name)
        return "use contractions, shorter sentences and everyday words"
    return "what makes it formal: " + ", and ".join(f"{d.cause} ({d.remedy})" for d in top)


# Uncontracted forms and their contractions. Only contracted when another word follows
# ("yes, it is." stays), and "let us" is left alone ("let us know" is not "let's know").
_CONTRACTIONS: dict[str, str] = {
    "i am": "I'm", "you are": "you're", "we are": "we're", "they are": "they're",
    "it is": "it's", "that is": "that's", "there is": "there's", "here is": "here's",
    "what is": "what's", "i will": "I'll", "you will": "you'll", "we will": "we'll", "they will": "they'll",
    "i would": "I'd", "we would": "we'd", "you would": "you'd",
    "do not": "don't", "does not": "doesn't", "did not": "didn't", "is not": "isn't", "are not": "aren't",
    "was not": "wasn't", "were not": "weren't", "cannot": "can't", "can not": "can't", "will not": "won't",
    "would not": "wouldn't", "could not": "couldn't", "should not": "shouldn't", "has not": "hasn't",
    "have not": "haven't", "had not": "hadn't",
    "i have": "I've", "we have": "we've", "you have": "you've",
    # "will"/"would" before "not" contract with it: "we won't", not "we'll not"
    "i will not": "I won't", "you will not": "you won't", "we will not": "we won't", "they will not": "they won't",
    "i would not": "I wouldn't", "we would not": "we wouldn't", "you would not": "you wouldn't",
}
_PARTICIPLE = (r"(?:\w+ed|been|already|just|sent|made|taken|given|done|gone|seen|put|set|got|found|spoken|"
               r"written|heard|paid|kept|left|built|told|shown|chosen)\b")
_HAVE_FORMS = [f"{w}\\s+have(?=\\s+{_PARTICIPLE})" for w in ("i", "we", "you")]
_OTHER_FORMS = [re.escape(k).replace(r"\ ", r"\s+") for k in sorted(_CONTRACTIONS, key=len, reverse=True)
                if not k.endswith(" have")]
_UNCONTRACTED = re.compile(
    r"\b(?:(?P<have>(?:i|we|you)\s+have)(?=\s+" + _PARTICIPLE + r")|(?P<form>" + "|".join(_OTHER_FORMS)
    + r")(?=\s+[A-Za-z]))\b",
    re.IGNORECASE,
)
# An auxiliary contracts onto its subject only when its complement follows it. Where the complement
# has moved to the front ("how frustrating it is that...", "I know where it is now", "more than we
# are today") or is left out ("yes, it is", "we are and always will be"), English keeps the full form.
_FRONTING = _wordset("how what where who whom which whatever wherever however whoever than as")
# a word that starts a new clause, so a fronting word before it is not this auxiliary's
_CLAUSE_STARTS = _wordset("and but or nor so because")
_COORDINATORS = _wordset("and but or nor")  # "we are and always will be"
# words that cannot start the complement of "will"/"would": after a fronting word they mark the gap
_AFTER_A_GAP = _wordset(
    "that if whether when whenever while because since and but or nor so as than until unless though although "
    "to for with in on at of from by into after before during without right now today tonight tomorrow "
    "yesterday here there again anyway too either yet still i you we they he she"
)
# what may follow "is"/"are"/"am" when a fronting word took its complement: the rest of a verb phrase
# ("what it is like", "where it is going", "than we are able to")
_BE_CONTINUES = re.compile(r"\w+(?:ing|ed)|like|about|worth|able|supposed|meant|stuck|been|sent|made|taken|given|"
                           r"done|gone|seen|put|set|got|found|spoken|written|heard|paid|kept|left|built|told|shown")
_CLAUSE_BREAK = re.compile(r"[.,;:!?()\[\]\"\n\u2013\u2014]")
_FOLLOWING_WORDS = re.compile(r"(\s+)([A-Za-z]+)(?:[ \t]+([A-Za-z]+))?")


def _contracts_cleanly(text: str, start: int, end: int, rewrite: str) -> bool:
    """Whether ``text[start:end]``, an uncontracted form, may become ``rewrite`` in its place."""
    following = _FOLLOWING_WORDS.match(text, end)
    if following is None or "\n" in following[1]:  # a line break ends the clause ("yes, it is" / "Thanks")
        return False
    if rewrite.endswith("n't"):  # a negative contraction is English wherever the full form is
        return True
    word = following[2].lower()
    if word == "not" and rewrite.endswith(("'ll", "'d")):
        # ("will not" and "would not" contract with the "not", and are a form of their own when a
        # word follows: here none does, "I'm sorry we will not.", and "we'll not" is no English)
        return False
    if word == "not":  # "how hard it is not to know": the gap is after "not"
        word = (following[3] or "").lower()
    if word in _COORDINATORS or (rewrite.lower() == "what's" and word == "it"):  # "what's it?"
        return False
    if _verb_left_unsaid(text, end, word, rewrite):
        return False
    if not _fronted(text, start):
        return True
    if rewrite.endswith(("'s", "'re", "'m")):
        return _BE_CONTINUES.fullmatch(word) is not None
    return word not in _AFTER_A_GAP


# An auxiliary whose verb is left unsaid keeps its full form: "We would if we could", "I would too", "I will
# again." ("We'd if we could", "I'd too" are no English). After "will"/"would"/"have" a clause's start says so...
_STARTS_A_CLAUSE = _wordset("if unless whether when whenever because since though although once until till than "
                            "while where as")
# ... and so does an adverb with nothing after it in its clause ("I will again.", "I would as well, but ...")
_BARE_ADVERBS = _wordset("too again also either already still anyway anyhow though now yet indeed so")
_MODAL_ADVERBS = _wordset("today tonight tomorrow soon later always never sometimes often gladly happily")
_ADVERB_THEN = re.compile(r"\s+(?:as\s+well|[A-Za-z]+)(?=(\s*(?:[\n.,;:!?)\]\"\u201d\u2013\u2014]|$))|\s+([A-Za-z]+))")


def _verb_left_unsaid(text: str, end: int, word: str, rewrite: str) -> bool:
    """Whether the auxiliary ending at ``end`` (its next word ``word``, lower-cased) has no verb after it: a clause
    starts there ("we would if we could", for "will", "would" and "have": "it's because ..." is English), or
    an adverb ends its clause ("I would too.", "I will again, if ...", "it is now.")."""
    modal = rewrite.endswith(("'ll", "'d", "'ve"))
    if modal and word in _STARTS_A_CLAUSE:
        return True
    m = _ADVERB_THEN.match(text, end)
    if m is None:
        return False
    adverb = " ".join(text[end:m.end()].lower().split())
    if not (adverb in _BARE_ADVERBS or adverb == "as well"
            or (modal and (adverb in _MODAL_ADVERBS or (adverb.endswith("ly") and len(adverb) > 4)))):
        return False
    after = (m[2] or "").lower()
    return m[1] is not None or after in _STARTS_A_CLAUSE or after in _COORDINATORS


def _contractible(norm: str) -> Iterator[tuple[int, int, str, str]]:
    """Each uncontracted form of ``norm`` (``normalise``d text) that may contract where it stands, with its
    contraction in its case: (start, end, "we will not", "we won't"). SK203 contracts them; SK202 names them."""
    for start, end in _UNCONTRACTED_CASELESS.spans(norm):
        original = norm[start:end]
        rewrite = match_case(_CONTRACTIONS[" ".join(original.lower().split())], original)
        if _contracts_cleanly(norm, start, end, rewrite):
            yield start, end, original, rewrite


def _stressed(form: str) -> bool:
    """Whether an uncontracted ``form`` has a word in capitals for stress ("do NOT", "we ARE") where the rest is
    not ("I am", and "DO NOT" in capitals throughout, contract): a contraction would drop the stress."""
    return not form.isupper() and any(len(word) > 1 and word.isupper() for word in form.split())


def _fronted(text: str, start: int) -> bool:
    """Whether a fronting word ("how", "what", "than") comes shortly before ``start`` in its clause."""
    before = text[max(0, start - 60):start]
    breaks = [m.end() for m in _CLAUSE_BREAK.finditer(before)]
    words = before[breaks[-1] if breaks else 0:].lower().split()[-5:]
    for word in reversed(words):
        if word in _FRONTING:
            return True
        if word in _CLAUSE_STARTS:
            return False
    return False


def _by_first_letter(alternatives: list[str]) -> str:
    """``\\b(?:a1|a2|...)`` for alternatives that each start with a lower-case letter, written to
    start with those letters: the alternatives of each letter in a group of their own, in their
    order, the word start looked behind for after the letter. A regex starting with ``\\b`` is
    tried at every position; one whose alternatives start with literals skips to those letters.
    (At a position only the alternatives of its letter can match, in the same order: the same
    matches.)"""
    groups: dict[str, list[str]] = {}
    for alternative in alternatives:
        groups.setdefault(alternative[0], []).append(alternative[1:])
    return "(?:" + "|".join(f"{c}(?<!\\w{c})(?:{'|'.join(rest)})" for c, rest in groups.items()) + ")"


# _UNCONTRACTED on lower-cased text (see CaselessRegex): about twice as fast on a real reply
_UNCONTRACTED_FOLDED = re.compile(
    _by_first_letter([*_HAVE_FORMS, *(f + r"(?=\s+[A-Za-z])" for f in _OTHER_FORMS)]) + r"\b")
_UNCONTRACTED_CASELESS = CaselessRegex(_UNCONTRACTED, _UNCONTRACTED_FOLDED)


def contractions_in(text: str) -> int:
    """How many contractions ("I'm", "don't", "let's", "gonna") the text has."""
    return _contractions_folded(fold(text))


def _contractions_folded(s: str) -> int:
    if "onna" in s or "anna" in s or "otta" in s:  # "gonna", "wanna", "gotta": every word is read
        return sum(1 for w in tokenise(s) if _is_contraction(w))
    if "'" not in s:
        return 0
    # only the words with an apostrophe can be contractions: a word never runs across whitespace
    return sum(1 for chunk in s.split() if "'" in chunk for w in tokenise(chunk) if _is_contraction(w))


def has_contraction(text: str) -> bool:
    """``contractions_in(text) > 0``, reading only up to the first contraction."""
    s = fold(text)
    if "onna" in s or "anna" in s or "otta" in s:
        return any(map(_is_contraction, tokenise(s)))
    size = len(s)
    i = s.find("'")
    while i != -1:
        # the whitespace-separated chunk around the apostrophe (words never run across whitespace)
        start = max(s.rfind(" ", 0, i), s.rfind("\n", 0, i)) + 1
        ends = [e for e in (s.find(" ", i), s.find("\n", i)) if e != -1]
        end = min(ends) if ends else size
        if any(map(_is_contraction, tokenise(s[start:end]))):
            return True
        i = s.find("'", end)
    return False


def _is_contraction(w: str) -> bool:
    return ("'" in w and (w.endswith(_CONTRACTED_ENDINGS) or w in _CONTRACTED_S)) or w in _SLANG_CONTRACTIONS


@register
class NoContractions(Rule):
    """Reply never uses contractions.

    ## What it does
    Reports a reply that writes "I am", "do not", "we will"... at least `min_forms` times
    and never once uses a contraction ("I'm", "don't", "we'll").

    ## Why it matters
    People talking to a friend contract. A reply without a single contraction reads stiff
    and scripted, however kind its words.

    ## Example
    ```
    I am sorry for the delay. We will send the parcel today and you do not need to do anything.
    ```

    ## Use instead
    ```
    I'm sorry for the delay. We'll send the parcel today and you don't need to do anything.
    ```

    Each form is a finding of its own, where it stands, with its own rewrite (so `--fix` and an
    editor's quick fix mend each one); `scriptkit review` says why at the first and, at the
    others, only where and the rewrite.

    ## Options
    - `min_forms` (integer, default 2): how many uncontracted forms make a finding.

    ## Fix safety
    Safe: a form is only reported where English contracts it. An auxiliary whose complement
    is missing or has moved to the front keeps its full form and is left alone: "yes, it is.",
    "I know where it is now", "how frustrating it is that...", "more than we are today". "Will
    not" and "would not" contract with the "not" ("we won't"), and "let us" is never touched.
    An auxiliary whose verb is left unsaid keeps its full form too: "We would if we could", "I
    would too", "I will again." ("We'd if we could" is no English). A form in capitals contracts
    in capitals ("DO NOT" -> "DON'T"); one with a word in capitals for stress ("you do NOT need
    to pay") is left as written, and where every form is, the reply is reported with no fix.
    Words in quotation marks are left as written (a "do not reply" notice, a button's label),
    and so is a stock phrase SK201 reports ("please do not hesitate to contact us" is to be
    rewritten, not polished into "please don't hesitate"). A contraction's apostrophe is typed
    as the rest of the reply types them ("I’ll" in a reply that writes "parcel’s").
    """

    code = "SK203"
    name = "no-contractions"
    severity = Severity.SUGGESTION
    fix_safe = True
    options: ClassVar[Mapping[str, Any]] = {"min_forms": 2}
    bad_examples = (
        Example.of(acknowledgment="I can see that the delay has been frustrating.",
                   warm_language="I am truly sorry.",
                   solution="We will send the parcel today and you do not need to do anything."),
    )
    good_examples = (
        Example.of(acknowledgment="I can see that the delay has been frustrating.",
                   warm_language="I'm truly sorry.",
                   solution="We'll send the parcel today and you don't need to do anything."),
    )

    def check(self, message: Message, ctx: RuleContext) -> Iterable[Finding]:
        min_forms = options.integer(type(self), ctx, "min_forms", 1)
        text = message.text
        if has_contraction(text):
            return
        norm = normalise(text)
        found, stressed = [], []
        quoted: list[tuple[int, int]] | None = None  # (read once, and only when a form is found)
        stock: list[tuple[int, int]] | None = None
        in_stock: list[tuple[int, int, str]] = []
        for start, end, original, rewrite in _contractible(norm):
            if quoted is None:
                quoted = _quotations(message)
            if in_quotation(quoted, start, end):
                continue  # a thing's name or someone's words, quoted ('a "do not reply" notice'): not ours to change
            if stock is None:  # (SK201's phrases with its default options: the team's are not this rule's to read)
                stock = [(f.start, f.end) for f in CorporatePhrase().check(message, RuleContext(ctx.pack, {}))]
            if any(a < end and start < b for a, b in stock):
                # "please do not hesitate to contact us" is a line SK201 says to rewrite: "please don't hesitate"
                # would polish it, and --fix would then leave it half fixed
                in_stock.append((start, end, original))
                continue
            if _stressed(original):
                stressed.append((start, end, original))
            else:  # (in capitals where the form is: "I AM SO SORRY" -> "I'M SO SORRY", as SK201 keeps them)
                found.append((start, end, original, rewrite.upper() if sum(c.isalpha() for c in original) > 1
                              and original.isupper() else rewrite))
        if len(found) + len(stressed) + len(in_stock) < min_forms:
            return
        for start, end, original, rewrite in found:
            # (typed as the whole reply types its apostrophes: "I’m" beside a fixed "I'll" reads as a pasted patch,
            # and a slot with no apostrophe of its own says nothing about the writer's keyboard)
            rewrite = apostrophes_like(rewrite, text, start, end, (0, len(text)))
            yield Finding(start, end, f'"{original}" without a single contraction in the reply sounds stiff',
                          suggestion=f'"{rewrite}"', replacement=rewrite)
        if not found:
            # the writer stresses each form ("you do NOT need to pay"): "don't" would drop the stress, so the reply is
            # reported with no fix, for a person to contract some other words
            for start, end, original in stressed:
                yield Finding(start, end, f'"{original}" without a single contraction in the reply sounds stiff',
                              suggestion=f'keep the stress on "{original}" and contract some other words in the reply')
        if not found and not stressed:
            # every form is in a stock phrase: the reply still never contracts, said once, with no fix to polish it
            start, end, original = in_stock[0]
            yield Finding(start, end, f'"{original}" without a single contraction in the reply sounds stiff',
                          suggestion="it is part of a stock phrase (SK201): say that in your own words, with "
                                     "contractions")


@register
class ImpersonalApology(Rule):
    """Apology with nobody in it.

    ## What it does
    Finds apologies that no person makes: passive ("mistakes were made"), by the company in
    the third person ("the company apologizes", "Acme regrets"), for "any inconvenience"
    ("apologies for any inconvenience", "we apologize for any inconvenience"), or asking the
    customer to "accept our apologies". Someone sorry "for any inconvenience" ("we're sorry for
    the inconvenience") is reported as sorry for no one thing, unless the sentence names it right
    after ("... the late delivery has caused", "... caused by the outage").

    ## Why it matters
    An apology without a person in it sounds like legal cover. Customers forgive a mistake
    someone owns; they do not forgive a shrug.

    ## Example
    ```
    Apologies for any inconvenience. Mistakes were made in processing your order.
    ```

    ## Use instead
    ```
    I'm really sorry. We got your order wrong, and I'm fixing it now.
    ```

    ## Options
    None.

    ## Fix safety
    No automatic fix: a personal apology needs the writer's own words.
    """

    code = "SK204"
    name = "impersonal-apology"
    severity = Severity.WARNING
    reads_alternatives = True
    bad_examples = (
        Example.of(acknowledgment="I can see the wrong size arrived, which is so annoying.",
                   warm_language="Apologies for any inconvenience caused.",
                   solution="I'll send the right size today."),
        Example.of(acknowledgment="I understand how confusing the double charge must be.",
                   warm_language="Mistakes were made when your payment was taken.",
                   solution="I've refunded the second charge today."),
    )
    good_examples = (
        Example.of(acknowledgment="I can see the wrong size arrived, which is so annoying.",
                   warm_language="I'm really sorry we got that wrong.",
                   solution="I'll send the right size today."),
    )

    def check(self, message: Message, ctx: RuleContext) -> Iterable[Finding]:
        text = message.text
        personal = pattern("personal_apologies").spans(text)
        quoted: list[tuple[int, int]] | None = None  # (read once, and only when an apology is found)
        for a, b in pattern("impersonal_apologies").spans(text):
            while a < b and not text[a].isalnum():  # "}} apologizes" starts at the placeholder
                a += 1
            if quoted is None:
                quoted = _quotations(message)
            if in_quotation(quoted, a, b):
                continue  # the old email quoted ('it said "We apologize for any inconvenience"'): not the writer's
            if any(x < b and a < y for x, y in personal):  # "I'm sorry for any inconvenience": someone is
                # sorry, for nothing in particular (as SK207 says it); "nobody in it is sorry" told them otherwise
                if _CAUSE_NAMED.match(text, b):
                    continue  # "... for any inconvenience the late delivery caused": sorry for that one thing
                yield Finding(a, b, f'stock apology "{text[a:b]}": sorry for no one thing',
                              suggestion='name what went wrong: "I\'m really sorry your order is late"')
            else:
                yield Finding(a, b, f'impersonal apology "{text[a:b]}": nobody in it is sorry',
                              suggestion='say it as yourself and name what went wrong: "I\'m really sorry we ..."')


# what a stock apology's "inconvenience" is, said right after it: "caused by the outage", "of the second login", "the
# late delivery has caused" ("this may have caused", "caused by the issue", "caused." name nothing)
_VAGUE_CAUSE = r"(?!(?:issue|situation|matter|problem|inconvenience|circumstances?)\b)"
_CAUSE_NAMED = re.compile(
    r"\s+(?:(?:caused\s+by|due\s+to|of|with)\s+(?:the|your|our|my)\s+" + _VAGUE_CAUSE + r"\w"
    r"|(?:the|your|our|my)\s+" + _VAGUE_CAUSE
    + r"(?:[\w'’-]+\s+){1,4}?(?:(?:has|have|had|may\s+have|might\s+have)\s+)?caused\b)",
    re.IGNORECASE,
)


def _table_rule_check(tbl: PhraseTable, message: Message, what: str, ctx: RuleContext) -> Iterator[Finding]:
    text = message.text
    quoted: list[tuple[int, int]] | None = None  # (read once, and only when a phrase is found)
    for start, end, entry in tbl.finditer(text):
        if quoted is None:
            quoted = _quotations(message)
        if in_quotation(quoted, start, end):
            continue  # someone else's words quoted ('the bot said "Your request has been received"')
        found = text[start:end]
        rewrite = _for_reader(match_case(str(entry.get("replacement", "")), found), ctx)
        note = str(entry.get("note", "")).strip()
        yield Finding(start, end, f'{what} "{found}"' + (f": {note}" if note else ""),
                      suggestion=f'"{rewrite}"' if rewrite else "delete it")


@register
class RoboticOpener(Rule):
    """Opening that sounds like a machine or a form letter.

    ## What it does
    Finds form-letter and auto-reply openings: "Dear Sir/Madam", "To whom it may concern",
    "Thank you for contacting customer support", "This is an automated message", "Your
    request has been received"...

    ## Why it matters
    The first words decide whether the customer feels heard. A stock opening tells them no
    one read their message; an acknowledgment of what they wrote tells them someone did.

    ## Example
    ```
    Dear Sir/Madam, thank you for contacting customer support.
    ```

    ## Use instead
    ```
    Hi Sam, I can see how frustrating it is that the app keeps logging you out.
    ```

    ## Options
    None.

    ## Fix safety
    No automatic fix: a good opening acknowledges this customer, which only a person can write.
    """

    code = "SK205"
    name = "robotic-opener"
    severity = Severity.WARNING
    bad_examples = (
        Example.of(acknowledgment="Thank you for contacting customer support. I can see the login loop is frustrating.",
                   solution="I've reset your session, so you can sign in again now."),
        Example.of(acknowledgment="This is an automated message. We understand the app keeps crashing for you.",
                   solution="I'll send you a fixed build today."),
    )
    good_examples = (
        Example.of(acknowledgment="I can see how frustrating it is that the app keeps logging you out.",
                   solution="I've reset your session, so you can sign in again now."),
    )

    def check(self, message: Message, ctx: RuleContext) -> Iterable[Finding]:
        return _table_rule_check(table("robotic.yaml", "openers"), message, "robotic opening", ctx)


@register
class RoboticCloser(Rule):
    """Closing that sounds like a machine or a form letter.

    ## What it does
    Finds stock closings: "Have a nice day", "Is there anything else I can help you with?",
    "Thank you for choosing...", "Please do not reply to this email", and a team or a department
    signed alone on the line under the closing ("Customer Support", "Your Acme team.", "The
    {{ brand.name }} Billing Department" under "Best,") instead of a person. A person's name on
    that line, with or without their team ("Sam" above "Customer Support", "Sam from Billing",
    "Kind regards, Priya" above "The Acme Support Team"), is a warm signature and is left alone,
    as is "customer support" in a sentence of the reply.

    ## Why it matters
    The last words are what the customer remembers. A stock closer undoes the warmth of the
    reply; a personal one ("just reply here if it happens again") keeps the door open.

    ## Example
    ```
    Thank you for choosing Acme. Have a nice day!
    ```

    ## Use instead
    ```
    If it happens again, just reply here and I'll pick it up.
    ```

    ## Options
    None.

    ## Fix safety
    No automatic fix: closers are often better deleted than swapped.
    """

    code = "SK206"
    name = "robotic-closer"
    severity = Severity.WARNING
    bad_examples = (
        Example.of(acknowledgment="I can see why the missing parcel worried you.",
                   solution="I've sent a replacement today. Have a nice day!"),
        Example.of(acknowledgment="I can see why the missing parcel worried you.",
                   solution="I've sent a replacement today. Is there anything else I can help you with?"),
    )
    good_examples = (
        Example.of(acknowledgment="I can see why the missing parcel worried you.",
                   solution="I've sent a replacement today. If it doesn't arrive by Friday, just reply here."),
    )

    def check(self, message: Message, ctx: RuleContext) -> Iterable[Finding]:
        text = message.text
        # A department under the closing is found in code: as a phrase, its line start made the closers
        # table match whole replies instead of the sentences it caches. The whole name is the finding,
        # so the table's "Support Team" inside "The Acme Support Team" gives way to it.
        signatures = _department_signatures(text)
        for f in _table_rule_check(table("robotic.yaml", "closers", re.MULTILINE), message, "robotic closing", ctx):
            if not any(a <= f.start and f.end <= b for a, b in signatures) and not _under_a_name(text, f.start, f.end):
                yield f
        for a, b in signatures:
            yield Finding(a, b, f'robotic closing "{text[a:b]}": Sign as a person; a team name feels like nobody.',
                          suggestion=f'"{_for_reader("{{ agent.first_name }}", ctx)}"')


@register
class NoWarmLanguage(Rule):
    """Reply has no warm line: no thanks, reassurance, validation, hope or apology.

    ## What it does
    Reports a reply in which no sentence sounds like a person who cares: no thanks ("thanks for
    sending the photos", "we appreciate your patience", not "we appreciate your business", which
    SK206 reports, nor "we would appreciate it if you could", a request), no gladness or reassurance
    ("I'm glad you asked", "you're not on your own with this", "I'll keep an eye on it", "I'll
    monitor the ticket", "that's what we're here for", "we'd like to help", "we love hearing ideas
    like this"), no hope ("I hope the new one fits"), no good news told cheerfully ("Your
    refund has been approved!", "Your parcel is on its way 🎉"; told flatly, "Your refund has been
    approved.", it is a form letter's sentence), no apology, sympathy or solidarity ("I'd feel the
    same way in your shoes"), no validation of the customer's feeling or view ("Your frustration
    makes total sense", "That sounds really stressful", "I hear you, and you're right", "I know
    that's not the answer you were hoping for", "That's so annoying", "I know this can be
    confusing", "What a rotten surprise", "No wonder it worried you", "I can only imagine how stressful
    that was"; not a bare "I can see why it worried you", which hears them without a person's
    warmth), no smile or heart emoji. What the
    `warm_language` slot says is judged like the rest: a stock apology there ("We apologize for any
    inconvenience", "We regret any inconvenience caused", which SK204 and SK201 report) is not a
    warm line, nor is an apology or thanks taken back ("I'm not sorry", "I won't apologise", "Thanks
    for nothing"). A greeting and a sign-off are not counted: nearly every reply has them, and a
    reply that is only those ("Hi {{ customer.first_name }}," and "Thanks,") is reported. A channel
    whose script leaves the slot out on purpose (`by_channel: {sms: {warm_language: ""}}`, as a
    160-character text often must) is left alone.

    ## Why it matters
    Acknowledgment shows the customer they were heard; warm language shows there is a person on
    the other side. A reply can acknowledge and fix the problem and still read like a form
    letter. One line of thanks or reassurance changes how the whole reply feels.

    ## Example
    ```
    I can see why the missing parcel worried you.
    A replacement has been sent and will arrive on Friday.
    ```

    ## Use instead
    ```
    I can see why the missing parcel worried you. Thanks for letting me know so quickly.
    I've sent a replacement, and it will arrive on Friday.
    ```

    ## Options
    None.

    ## Fix safety
    No automatic fix: the warm words have to fit this customer and this reply.
    """

    code = "SK207"
    whole_reply = True
    name = "no-warm-language"
    severity = Severity.WARNING
    bad_examples = (
        Example.of(acknowledgment="I can see why the missing parcel worried you.",
                   solution="A replacement has been sent and will arrive on Friday."),
    )
    good_examples = (
        Example.of(acknowledgment="I can see why the missing parcel worried you.",
                   warm_language="Thanks for letting me know so quickly.",
                   solution="I've sent a replacement, and it will arrive on Friday."),
        Example.of(acknowledgment="I can see why the missing parcel worried you, and I'm sorry it's late.",
                   solution="I've sent a replacement, and it will arrive on Friday."),
        Example.of(acknowledgment="I can see why the missing parcel worried you.",
                   warm_language="We appreciate your patience while we tracked it down.",
                   solution="I've sent a replacement, and it will arrive on Friday."),
    )

    def check(self, message: Message, ctx: RuleContext) -> Iterable[Finding]:
        body = body_sentences(message)
        if (not body and not message.text.strip()) or any(_warm(s.cues, s.text) for s in body) \
                or _left_out_on_purpose(message, ctx):
            return  # (a greeting or sign-off alone, "Hi {{name}},", is no warm line: the reply says nothing yet)
        formal = next(filter(None, (_formal_apology(s.cues, s.text) for s in body)), None)
        # (the writer sees an apology in the reply: "no ... apology" would contradict them; say
        # which one is not counted, and why: nobody speaking, or a person saying a stock formula)
        if not body:  # ("Thanks," as a sign-off is no thanks for anything)
            said, instead = ("it is a greeting or sign-off alone, which says nothing to the customer yet",
                             _IN_YOUR_OWN_WORDS)
        elif formal is None:
            said, instead = ("no thanks, reassurance, validation, hope or apology", _IN_YOUR_OWN_WORDS)
        elif formal[1]:
            said, instead = (f'its apology "{formal[0]}" is a stock formula, sorry for no one thing, and '
                             "there is no thanks, reassurance or hope",
                             'say what you\'re sorry for: "I\'m sorry your order is late", or add a line such '
                             'as "Thanks for letting me know"')
        else:
            said, instead = (f'its apology "{formal[0]}" is the formal kind, not a person speaking, and there '
                             "is no thanks, reassurance or hope",
                             'apologize as yourself, for what happened: "I\'m sorry ...", or add a line such '
                             'as "Thanks for letting me know"')
        start, end = (body[0].start, body[-1].end) if body else (0, len(message.text))
        yield Finding(start, end, f"the reply has no warm line: {said}", suggestion=_spelt_for_pack(instead, ctx),
                      location=empty_slot_location(message, ctx, "warm_language"))


# (not a stock line: "Thanks for letting me know" is the filler the rule is there to see past)
_IN_YOUR_OWN_WORDS = ('in your own words, side with how they feel ("No wonder the late parcel worried you") or '
                      'thank them for something they did ("Thanks for sending the photos")')


# A smile or a heart says in one character what "happy to help" says in three words.
_WARM_EMOJI = re.compile("[\U0001F600\U0001F603\U0001F604\U0001F601\U0001F60A\u263A\U0001F642\U0001F917"
                         "\U0001F970\U0001F60D\u2764\U0001F499\U0001F49A\U0001F49B\U0001F49C\U0001F9E1"
                         "\U0001F64F]" r"|(?<!\w)[:;]-?[)D](?!\w)")


def _warm(c: Cues, text: str) -> bool:
    """Thanks, gladness, reassurance or hope (the lexicon's ``warmth``), sympathy, a warm emoji, or an
    apology that is not the impersonal kind SK204 reports ("We apologize for any inconvenience")."""
    if c.warmth or c.praise or _WARM_EMOJI.search(text) is not None:  # ("You're welcome!", "Glad to hear it")
        return True
    # ("I'll keep an eye on it": reassurance here, though not a warmth cue, which would take the owned step
    # out of the solution slot)
    if pattern("watching_over").search(text) or _THERE_FOR_THEM.search(text):
        return True
    # ("Your refund has been approved!", "Your parcel is on its way 🎉": good news told cheerfully reads warm, the
    # writer glad with the customer; told flatly, "Your refund has been approved.", it is a form letter's sentence)
    if _cheerful_good_news(text):
        return True
    # ("Your frustration makes total sense", "you're right to be upset": the customer told they are right to feel
    # it, a person siding with them; a feeling only seen, "I can see why it worried you", is not)
    if _VALIDATES.search(text) is not None and (c.feelings or _VALIDATES_ALONE.search(text) is not None):
        return True
    # ("That's so annoying", "I know that's disappointing", "What a rotten surprise": the writer agrees the thing
    # is as bad as it feels; the feeling word has to follow at once: "That's the worrying part of our report" is not)
    if c.feelings and any(any(m.start() <= a <= m.end() for a, _ in c.feelings) for m in _SIDES_WITH.finditer(text)):
        return True
    # ("I can only imagine how stressful that was", "I understand how confusing the invoice is": the same siding,
    # wrapped in "I imagine / understand how"; the feeling word has to follow "how": "how the form works" is not;
    # "I can see how frustrating it is" stays an acknowledgment, seen as "I can see why it worried you" is)
    if c.feelings and any(any(a == m.end() for a, _ in c.feelings) for m in _HOW_IT_FEELS.finditer(text)):
        return True
    caring = (*c.reactions, *c.apologies, *c.personal_apologies)
    if not caring:
        return False
    # an apology inside a stock phrase SK204 or SK201 reports is not warm ("I am sorry for any
    # inconvenience": its "I am sorry" overlaps the phrase; "We regret any inconvenience caused")
    cold = [*pattern("impersonal_apologies").spans(text), *corporate_table().matcher.spans(text)]
    return any(all(b <= x or y <= a for x, y in cold) for a, b in caring)


# reassurance that someone is there for them, and willingness or gladness said as the writer's own: "That's what
# we're here for", "we're here to assist you", "We'd like to help", "we love hearing ideas like this" (the lexicon's
# "here to help" and "love to help" said with other verbs; not "we are here until 5pm", nor "we would like to
# inform you", a notice, nor "we love our new app")
_THERE_FOR_THEM = re.compile(
    r"\b(?:i|we)(?:['’]m|['’]re|\s+am|\s+are)\s+(?:(?:always|still|just|all|only)\s+)?here\s+"
    r"(?:for\b|to\s+(?:help|assist|support)\b)"
    r"|\b(?:i|we)(?:['’]d|\s+would)\s+(?:(?:really|very\s+much|so|truly)\s+)?(?:like|love)\s+to\s+(?:help|assist)\b"
    r"|\b(?:i|we)\s+(?:(?:really|always|truly|just)\s+)?love\s+(?:to\s+hear|hearing)\b", re.IGNORECASE)


# validation: with a feeling named in the sentence ("Your frustration makes total sense", "That sounds really
# stressful"), or that says so alone ("I hear you", "you're right that it took too long", "not the answer you were
# hoping for"); not one with nobody in it ("Anyone would be frustrated": an acknowledgment, as SK301 reads it)
_VALIDATES_ALONE = re.compile(
    r"\bi\s+hear\s+you\b|\byou(?:['’]re|\s+are)\s+(?:(?:completely|absolutely|totally|quite|so)\s+)?right\b"
    r"(?!\s+(?:here|there|now|away|next|on|at|in|about\s+(?:where|when|how)))"
    r"|\bnot\s+(?:the\s+)?(?:answer|news|outcome|result|reply)\s+you\s+(?:were\s+)?(?:hoping|wanted|wanting|"
    r"expected|expecting|looking)\b", re.IGNORECASE)
_VALIDATES = re.compile(
    _VALIDATES_ALONE.pattern
    + r"|\bmakes?\s+(?:(?:total|complete|perfect|so\s+much|a\s+lot\s+of)\s+)?sense\b"
      r"|\b(?:that|this|it)\s+(?:sounds|must\s+be|must\s+have\s+been)\b|\bno\s+wonder\b", re.IGNORECASE)


_SIDES_WITH = re.compile(
    r"\b(?:(?:that|this|it)(?:['’]s|\s+is|\s+was|\s+(?:must|would|can|could)\s+be)|what(?=\s+an?\s))\s+"
    r"(?:(?:so|really|super|very|truly|genuinely|incredibly|deeply|absolutely|totally|completely|such|a|an|real|"
    r"bit|pretty|quite|rather|understandably)\s+)"
    r"{0,3}", re.IGNORECASE)


_HOW_IT_FEELS = re.compile(
    r"\b(?:understand|imagine|know|get|appreciate|reali[sz]e)\s+(?:(?:just|exactly|only|fully|totally)\s+)?how\s+"
    r"(?:(?:very|really|incredibly|deeply|truly|super|so)\s+)?", re.IGNORECASE)


# good news of the customer's thing: a request granted (``GRANTED``: "Your refund has been approved"), their parcel
# sent or on its way, their problem fixed ("Your order has shipped", "The login bug is fixed"); not negated ("has not
# shipped") and not a question or a condition ("Has it shipped yet?", "Once your refund has been approved")
_DONE_FOR_THEM = re.compile(
    r"\b(?:your|the|it)\b[^.!?]*?\b(?:has|have|is|are|was|were|['’]s)\s+(?:(?:now|already|just|all|also|been)\s+)*"
    r"(?:shipped|dispatched|delivered|fixed|resolved|sorted|on\s+(?:its|their)\s+way)\b"
    r"(?!\s+(?:back\s+)?to\s+(?:us|our)\b)", re.IGNORECASE)
_NOT_NEWS_YET = re.compile(r"\b(?:not|never|no\s+longer|once|if|when|until|unless|yet)\b|n['’]t\b", re.IGNORECASE)
# told cheerfully: exclaimed, or with a party popper, a partying face, a confetti ball or raised hands
_CHEERFUL = re.compile("!|[\U0001F389\U0001F973\U0001F38A\U0001F64C]")


def _cheerful_good_news(text: str) -> bool:
    """Whether the sentence tells the customer good news cheerfully ("Your refund has been approved!")."""
    return (_CHEERFUL.search(text) is not None and not text.rstrip(" \"'”’)").endswith("?")
            and (GRANTED.search(text) is not None or _DONE_FOR_THEM.search(text) is not None)
            and _NOT_NEWS_YET.search(text) is None)


def _formal_apology(c: Cues, text: str) -> tuple[str, bool] | None:
    """The formal or corporate apology in a sentence ``_warm`` does not count as warm ("We apologize
    for", "Please accept our apologies"), as the text shows it, and whether a person says it ("I'm sorry
    for any inconvenience": a stock formula, not nobody speaking); None when it has none."""
    impersonal = pattern("impersonal_apologies").spans(text)
    cold = [*impersonal, *corporate_table().matcher.spans(text)]
    if cold and (quoted := quoted_spans(text)):  # (one quoted is someone else's: 'the bot said "We apologize..."')
        impersonal = [(x, y) for x, y in impersonal if not in_quotation(quoted, x, y)]
        cold = [(x, y) for x, y in cold if not in_quotation(quoted, x, y)]
    # an apology inside a stock phrase, as ``_warm`` tells it; else an apology by nobody the
    # lexicon does not read as one ("The company regrets")
    apologies = (*c.apologies, *c.personal_apologies)
    for x, y in cold:
        inside = [(a, b) for a, b in apologies if a < y and x < b]
        if inside:  # (the whole of it: "We are sorry" and "sorry for any inconveniences" overlap)
            personal = any(a < y and x < b for a, b in c.personal_apologies)
            return " ".join(text[min(x, *(a for a, _ in inside)):max(y, *(b for _, b in inside))].split()), personal
    return next(((" ".join(text[x:y].split()), False) for x, y in impersonal), None)


def has_warm_language(text: str) -> bool:
    """Whether any sentence of free ``text`` says something warm: SK207's test, without slots.

    The agreement benchmark compares it with how people rated warm and tough offers.
    """
    return any(_warm(cues(text[a:b]), text[a:b]) for a, b in sentence_spans(text))


def _left_out_on_purpose(message: Message, ctx: RuleContext) -> bool:
    """The script empties ``warm_language`` for this channel (``by_channel: {sms: {warm_language: ""}}``):
    a choice the writer made and wrote down, as a 160-character text often must."""
    if ctx.pack is None:
        return False
    try:
        own = ctx.pack.script(message.script_id).by_channel.get(message.channel)  # type: ignore[call-overload]
    except KeyError:
        return False
    text = None if own is None else own.warm_language
    return text is not None and not "".join([text] if isinstance(text, str) else text).strip()


def _department_signatures(text: str) -> list[tuple[int, int]]:
    """Spans of the team or department names signed alone on the line under a closing."""
    spans: list[tuple[int, int]] = []
    # line by line, the rare department line first: a regex for the closing tried at every position
    # of the reply cost twice as much
    start = text.find("\n") + 1
    while start:
        end = text.find("\n", start)
        signed = _DEPARTMENT_LINE.fullmatch(text, start, len(text) if end < 0 else end)
        if signed and _ENDS_WITH_A_CLOSING.search(text, text.rfind("\n", 0, start - 1) + 1, start - 1):
            spans.append(signed.span(1))
        start = end + 1
    return spans


def _under_a_name(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is on a team's line signed under a person's name ("Kind regards\\nPriya\\nSupport
    Team"): the person signs, and the team says where they work."""
    line = text.rfind("\n", 0, start) + 1
    stop = text.find("\n", end)
    stop = len(text) if stop < 0 else stop
    # (or beside it on its line, "Sam Carter | Support Team", "Sam, Customer Support": a person signs there too)
    beside = _NAME_BESIDE.match(text, line, start)
    if beside is not None and _DEPARTMENT_LINE.fullmatch(text, beside.end(), stop) \
            and not _DEPARTMENT_LINE.fullmatch(text, line, beside.start("sep")):
        return True
    if not line or not _DEPARTMENT_LINE.fullmatch(text, line, stop):
        return False
    above = text[text.rfind("\n", 0, line - 1) + 1:line - 1]
    return bool(_NAME_LINE.fullmatch(above) and not _DEPARTMENT_LINE.fullmatch(above)
                and not _ENDS_WITH_A_CLOSING.search(above))


# A person's name on a line of its own: "Priya", "Priya S.", "{{agent.first_name}}", "Jo-Anne O'Neil,"
_NAME_LINE = re.compile(r"[ \t]*(?:\{\{\s*agent\.[^{}\n]*\}\}|[A-Z][\w'.\u2019-]*)"
                        r"(?:[ \t]+(?:\{\{\s*agent\.[^{}\n]*\}\}|[A-Z][\w'.\u2019-]*)){0,2}[ \t]*,?[ \t]*")


# A name and what parts it from a team beside it on the line: "Sam Carter | ", "Sam, ", "Jo-Anne O'Neil / "
_NAME_BESIDE = re.compile(_NAME_LINE.pattern.removesuffix(r",?[ \t]*") + r"(?P<sep>[ \t]*(?:[|,/·•–—]|[ \t]-)[ \t]*)")


# A signature that is a team or a department and nobody, less a final full stop: "Customer Support",
# "Your Acme team.", "{{brand.name}} Billing Department", "Guest Services"; not "Sam, Support",
# "Sam from Support" or "{{agent.first_name}}"
_DEPARTMENT_LINE = re.compile(
    r"[ \t]*((?:(?:[Tt]he|[Yy]our|[Oo]ur)\s+)?(?:(?:\{\{(?!\s*agent\.)[^{}\n]*\}\}|[A-Z][\w&'.-]*)\s+){0,2}?"
    r"(?i:(?:customer|client|member|guest|technical|tech)\s+)?"
    r"(?i:support|services?|care|success|experience|relations|happiness|help\s*desk|billing|accounts|sales|returns|"
    r"team|department)(?i:\s+(?:team|department|desk|group))?)[ \t]*\.?[ \t]*")
# The line above it ends with a closing ("Best,", "Kind regards", "Thanks!") that starts the line or follows a
# sentence on it: a chat or SMS layout joins the sign-off to the reply with a space. (Not "Thanks, team" on one
# line: that may be a note to colleagues.)
_ENDS_WITH_A_CLOSING = re.compile(
    r"(?im)(?:^|[.!?][ \t])[ \t]*(?:best(?:\s+wishes|\s+regards)?|kind\s+regards|warm(?:est)?\s+(?:regards|wishes)|"
    r"regards|warmly|all\s+the\s+best|many\s+thanks|thanks(?:\s+again)?|thank\s+you(?:\s+again)?|cheers|sincerely|"
    r"yours(?:\s+truly|\s+sincerely)?|take\s+care|talk\s+soon|speak\s+soon)[ \t]*[,.!]?[ \t]*$")


def frame_and_body(message: Message) -> tuple[list[Sentence], list[Sentence]]:
    """The message's sentences split into frame (greeting, sign-off) and body."""
    frame: list[Sentence] = []
    body: list[Sentence] = []
    for s in analyse_message(message):
        (frame if s.is_frame else body).append(s)
    return frame, body


# ---------------------------------------------------------------- shouting

@register
class Shouting(Rule):
    """Capitals or runs of exclamation marks that read as a raised voice.

    ## What it does
    Reports a sentence with `min_words` or more words written in capitals ("PLEASE CHECK THE
    LABEL", "You MUST activate it TODAY or it will NOT work"), at its words in capitals (a
    paragraph or a whole reply in capitals is one finding), and each run of `min_exclamations`
    or more exclamation marks ("we have sent it!!", "Monday!!!").

    What is not a raised voice is not counted: acronyms and codes ("FAQ", "PIN", "IBAN", "ASAP",
    "SMS", a word with no vowel, a short word that is no common English word: "EEA", "GPU"),
    words joined to digits, hyphens or slashes ("AB12-XY", an address), fill-in markers ("[DATE]",
    "XXXXXXX"), words in quotation marks (a button's label) or in backticks (code), a heading on a line of its own with
    no full stop ("ORDER DETAILS", "WHAT HAPPENS NEXT:") and the greeting and sign-off ("THE
    SUPPORT TEAM" under "Best,": a letterhead's style, not a voice; SK206 says to sign as a
    person). One word in capitals for stress ("I am SO sorry") is not reported: plain-text email
    has no italics, and a word stressed once is how people write it (SK203 keeps such stress too).

    ## Why it matters
    Online, capitals are shouting, and "!!" is raising the voice. A customer who is already
    upset reads "PLEASE READ THE INSTRUCTIONS" as a telling-off, whatever the words say, and a
    reply that shouts undoes its acknowledgment and its warm lines.

    ## Example
    ```
    PLEASE CHECK THE LABEL BEFORE YOU WRITE AGAIN. We have already sent it!!
    ```

    ## Use instead
    ```
    Could you check the label for me? We sent it on Monday, so it should be with you soon.
    ```

    ## Options
    - `min_words` (integer, default 3): how many words in capitals in one sentence make it shouting.
    - `min_exclamations` (integer, default 2): how many exclamation marks in a row are reported;
      0 reports none (a team whose chat voice is "Thanks!!" sets it to 0 or 3).
    - `allowed_words` (list of words, default none): words your team writes in capitals that are
      not shouting, such as product names ("NORDIC", "TRAIL") or acronyms scriptkit does not know.

    ## Fix safety
    A run of exclamation marks is collapsed to one ("!!!" -> "!", "?!!" -> "?"): safe, the words
    stay as written. Capitals get no automatic fix: lower-casing would change acronyms, names and
    codes the rule cannot tell apart from shouting, so a person rewrites the sentence.
    """

    code = "SK208"
    name = "shouting"
    severity = Severity.WARNING
    fix_safe = True
    reads_alternatives = True
    options: ClassVar[Mapping[str, Any]] = {"min_words": 3, "min_exclamations": 2, "allowed_words": []}
    bad_examples = (
        Example.of(acknowledgment="I can see the parcel still hasn't come, which is worrying.",
                   solution="PLEASE CHECK THE LABEL BEFORE YOU WRITE AGAIN. I've asked the courier where it is."),
        Example.of(acknowledgment="I can see the parcel still hasn't come, which is worrying.",
                   solution="We have sent it again today!! It'll be with you by Monday."),
    )
    good_examples = (
        Example.of(acknowledgment="I can see the parcel still hasn't come, which is worrying, and I'm SO sorry.",
                   solution="Could you check the PIN on the label for me? I've asked the courier where it is, "
                            "and it'll be with you by Monday!"),
    )

    def check(self, message: Message, ctx: RuleContext) -> Iterable[Finding]:
        min_words = options.integer(type(self), ctx, "min_words", 1)
        min_marks = options.integer(type(self), ctx, "min_exclamations", 0)
        allowed = options.phrases(type(self), ctx, "allowed_words")
        text = message.text
        if not any(c.isupper() for c in text) and "!!" not in text:
            return  # (nearly every reply: nothing to read)
        quoted: list[tuple[int, int]] | None = None  # (read only where capitals or marks are found: few replies)
        # the capitals: sentence by sentence in the body (no greeting or sign-off), shouting sentences that follow
        # each other made one finding
        loud: list[list[int]] = []  # [start, end] of each finding
        after_loud = False
        skip: list[tuple[int, int]] | None = None
        capitals = _CAPITAL_RUN.search(text) is not None and _CAPITAL_WORD.search(text) is not None
        for s in body_sentences(message) if capitals else ():
            words = [(s.start + m.start(), s.start + m.end()) for m in _CAPITAL_WORD.finditer(s.text)]
            if len(words) < min_words:
                after_loud = False
                continue
            if skip is None:
                quoted = _quotations(message) if quoted is None else quoted
                skip = _not_a_voice(text, quoted)
            shouted = _shouted_words(text, [(a, b) for a, b in words if not any(x <= a and b <= y for x, y in skip)
                                            and not _heading_line(text, a)], allowed)
            if len(shouted) < min_words:
                after_loud = False
                continue
            if after_loud:
                loud[-1][1] = shouted[-1][1]
            else:
                loud.append([shouted[0][0], shouted[-1][1]])
            after_loud = True
        for a, b in loud:
            yield Finding(a, b, f'"{_clipped(text[a:b])}" in capitals reads as shouting',
                          suggestion="write it in lower case, and stress one word at most")
        if not min_marks or text.count("!") < 2:  # (a run is two marks or more)
            return
        quoted = _quotations(message) if quoted is None else quoted
        for m in _EXCLAMATIONS.finditer(text):
            if m.group().count("!") < min_marks or in_quotation(quoted, m.start(), m.end()):
                continue
            calm = "?" if "?" in m.group() else "!"
            yield Finding(m.start(), m.end(), f'"{m.group()}": more than one exclamation mark reads as a raised voice',
                          suggestion=f'"{calm}"',
                          replacement=calm)


# a word in capitals standing alone: not joined to a digit, a hyphen, a slash, a dot or an "@" (a code "AB12-XY",
# "DOC-12", an address), nor to lower-case letters ("McDONALD"), nor in a bracket's own ("[SENT]", "{ID}", "%NAME%": a
# fill-in); "I" and "A" are no shout
_CAPITAL_WORD = re.compile(r"(?<![\w/@.\-\[{<%])[A-Z][A-Z'’]*[A-Z](?![\w/@\-\]}>%]|\.\w)")
# what every match of _CAPITAL_WORD holds, found several times faster (the engine skips ahead to a capital; the
# lookbehind first makes _CAPITAL_WORD try every character): most replies have no two capitals together
_CAPITAL_RUN = re.compile(r"[A-Z][A-Z'’]*[A-Z]")
_EXCLAMATIONS = re.compile(r"[!?]*!(?:[!?]*!)+[!?]*")
_VOWEL = re.compile(r"[AEIOUY]")
# Short words in capitals that are English words, not acronyms: a short word outside this list ("EEA", "GPU",
# "SIM", "VIN") is read as an acronym; a longer one as a word, unless it is a known acronym below.
_SHORT_WORDS = _wordset(
    "am an and any are as at be but buy by can did do get got has had he her him his how if in is it its let me "
    "my no not now of off oh on one or our out pay see she so the to too try two up us use was way we who why "
    "yes yet you all ask few new old own put say set she too won go hi hey bad big far fix god lot man may sad mad "
    "top day end eat ago due via")
_ACRONYMS = _wordset(
    "ASAP IBAN USA NASA NATO AMEX VISA SWIFT UEFA EFTA OPEC JPEG BIOS UEFI UNICEF ISO EEA OTP KYC AML IMEI IMAP "
    "POP SEPA BACS ACH ABA FICO ROI SAAS CEO CFO COO AI UI UX IOS SIM EU UK PIN ID OK FAQ VAT ETA RSVP AKA "
    "DIY FYI CAPTCHA ZIP IRA HIPAA GDPR PAYE NHS NI SSN EIN TIN UTC GMT EST PST CET BST PM")
# Both a word and an acronym ("US": the country or "us"; "IT": the department or "it"; "AM": "I am" or "9 AM"): a
# word only beside a shouted word ("PLEASE HELP US", "I AM SO SORRY")
_EITHER = _wordset("US IT AM")


def _shouted(word: str, allowed: frozenset[str]) -> bool:
    """Whether a word in capitals is a word raised, not an acronym, a code or a name the team writes so."""
    bare = word.rstrip("'’").replace("’", "'")
    if bare in _ACRONYMS or bare in _EITHER or bare.lower() in allowed or not _VOWEL.search(bare):
        return False
    return len(bare) > 3 or bare.lower() in _SHORT_WORDS


def _shouted_words(text: str, words: list[tuple[int, int]], allowed: frozenset[str]) -> list[tuple[int, int]]:
    """The spans of ``words`` (words in capitals, in order) that are shouted: ``_shouted``'s, and a word that may be
    an acronym ("US") next to one of them, with only a space between."""
    loud = [_shouted(text[a:b], allowed) for a, b in words]
    for i, (a, b) in enumerate(words):
        if loud[i] or text[a:b] not in _EITHER or text[a:b].lower() in allowed:
            continue
        before = i > 0 and loud[i - 1] and not text[words[i - 1][1]:a].strip()
        after = i + 1 < len(words) and loud[i + 1] and not text[b:words[i + 1][0]].strip()
        loud[i] = before or after
    return [span for span, shouted in zip(words, loud, strict=True) if shouted]


def _not_a_voice(text: str, quoted: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans whose capitals are no one's voice: quotations, addresses and fill-in markers ("[DATE]", "XXXXXXX")."""
    from scriptkit.rules.solution import fill_in_markers  # (solution imports this module: read at first use)

    return [*quoted, *address_spans(text), *fill_in_markers(text), *(m.span() for m in _CODE.finditer(text))]


# code in backticks, inline or fenced: a command or a keyword ("`SELECT * FROM`"), not a voice
_CODE = re.compile(r"```.*?```|`[^`\n]+`", re.DOTALL)


_SENTENCE_END_INSIDE = re.compile(r"[.!?]\s")  # (a heading has no sentence's end inside it either)


def _heading_line(text: str, at: int) -> bool:
    """Whether the word at ``at`` is on a heading: a line of its own in capitals with no sentence's end ("ORDER
    DETAILS", "WHAT HAPPENS NEXT:"), as plain-text email sets its headings."""
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    line = text[start:len(text) if end < 0 else end].strip().lstrip("#*_ ").rstrip("*_ ")
    return not any(c.islower() for c in line) and not line.endswith((".", "!", "?")) \
        and not _SENTENCE_END_INSIDE.search(line)


def _clipped(found: str, most: int = 60) -> str:
    """A long run of capitals, quoted in a message, cut at a word with "..." (a whole reply in capitals)."""
    return found if len(found) <= most else found[:most].rsplit(" ", 1)[0] + "..."
