"""Readability and length (SK1xx): scores through the textstat adapter, sentence and reply length.

Scores are taken on the whole reply as a customer reads it: placeholders become a short
neutral name and blanks a short neutral phrase, so template syntax never skews a score.
Lengths use the catalogue's sample values, which are about as long as real ones.
"""

from __future__ import annotations

import re
import string
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from functools import lru_cache
from typing import Any, ClassVar

from scriptkit.diagnostics import CHANNEL_DEFAULTED, PART, Severity
from scriptkit.engines import readability as engine
from scriptkit.errors import EngineUnavailable
from scriptkit.language import LOCALES, base_language, written_language
from scriptkit.message import Blank, Message, Placeholder, Text, reply_turns
from scriptkit.placeholders import DEFAULT_CATALOGUE
from scriptkit.rules import options
from scriptkit.rules.base import Example, Finding, Rule, RuleContext, register
from scriptkit.text import (
    EMOJI_RANGES,
    LINK,
    MARKERS,
    ONE_EMOJI,
    emoji_ended,
    holds_list,
    joined_with_and,
    list_item_at,
    may_end_with_emoji,
    plain_identifiers,
    reading_spans,
    run_table,
    trimmed,
    utf16_length,
    word_findall,
)

NEUTRAL_NAME = "Sam"  # one syllable, one word: a placeholder must not move a score
NEUTRAL_BLANK = "the details"
BODY = ("acknowledgment", "warm_language", "solution")
#: a word, as word_count counts them
WORD = re.compile(r"[A-Za-z0-9\u00C0-\u024F]+(?:['’][A-Za-z]+)*")
# WORD's ASCII characters (see ``word_findall``): a run of them without an apostrophe is one word
WORD_TABLE = run_table(string.ascii_letters + string.digits + "'")


def neutral_text(message: Message) -> str:
    """The reply with placeholders and blanks replaced by neutral words, for scoring."""
    if _literal_only(message):
        return message.text
    # (a list, not a generator: join builds one anyway; most segments are exactly Text)
    return "".join([_neutral(seg) for seg in message.segments])


def _neutral(seg: Text | Placeholder | Blank) -> str:
    """A segment's words for scoring: its text, or a neutral word for a placeholder or blank."""
    return seg.text if isinstance(seg, Text) else NEUTRAL_NAME if isinstance(seg, Placeholder) else NEUTRAL_BLANK


# where a message keeps its ``_without_signature`` text, in its own __dict__ (as inference keeps its analysis):
# SK101, SK102 and SK105 each ask for it
_UNSIGNED = "_scriptkit_unsigned"


def _without_signature(message: Message) -> str:
    """``neutral_text`` with the sign-off cut after its closing and name: the lines a signature holds under them
    (a title, the company, a phone, a legal line) are no words of the reply, and made a 22-word email 60."""
    kept: str | None = message.__dict__.get(_UNSIGNED)
    if kept is None:
        kept = message.__dict__[_UNSIGNED] = _unsigned(message)
    return kept


def _unsigned(message: Message) -> str:
    if not any(seg.slot == "signoff" and isinstance(seg, Text) and seg.text.count("\n") > 1
               for seg in message.segments):
        return neutral_text(message)
    out: list[str] = []
    lines = 0  # (the sign-off's line breaks so far: its first two lines count)
    for seg in message.segments:
        text = _neutral(seg)
        if seg.slot == "signoff":
            if lines >= 2:
                continue
            if isinstance(seg, Text) and seg.text.count("\n") + lines >= 2:
                text = "\n".join(seg.text.split("\n")[:2 - lines])
            lines += text.count("\n")
        out.append(text)
    return "".join(out)


def sample_text(message: Message, ctx: RuleContext) -> str:
    """The reply as a customer would see it, with sample values: for length limits."""
    if _literal_only(message):
        return message.text
    return sampled_text(message, _samples(ctx))


def sampled_text(message: Message, samples: Mapping[str, str]) -> str:
    """``message`` as a customer would see it with ``samples`` for its placeholders (``sample_text``'s reading)."""
    return "".join(_sampled(seg, samples) for seg in message.segments)


def sample_between(message: Message, ctx: RuleContext, start: int, end: int) -> str:
    """``sample_text`` of the part ``message.text[start:end]``: a placeholder wholly in it as its sample value."""
    if _literal_only(message):
        return message.text[start:end]
    samples = _samples(ctx)
    return "".join(
        seg.text[max(start, a) - a:min(end, b) - a] if isinstance(seg, Text) else _sampled(seg, samples)
        for a, b, seg in message.spans_over(start, end) if isinstance(seg, Text) or start <= a
    )


def _sampled(seg: Text | Placeholder | Blank, samples: Mapping[str, str]) -> str:
    """A segment as the customer would see it: its text, a placeholder's sample value (or fallback), a blank's
    neutral words."""
    if isinstance(seg, Text):
        return seg.text
    return (samples.get(seg.name) or seg.fallback or "") if isinstance(seg, Placeholder) else NEUTRAL_BLANK


# where a message keeps its ``_literal_only`` answer, in its own __dict__ (as ``_UNSIGNED``): sample_between asks
# once per sentence, and searching a 20,000-turn transcript's whole text for each made linting it quadratic
_LITERAL = "_scriptkit_literal_only"


def _literal_only(message: Message) -> bool:
    """No placeholder or blank: each shows in ``message.text`` as {{name}} or [[name]]."""
    kept: bool | None = message.__dict__.get(_LITERAL)
    if kept is None:
        text = message.text
        kept = message.__dict__[_LITERAL] = "{{" not in text and "[[" not in text
    return kept


def _samples(ctx: RuleContext) -> Mapping[str, str]:
    if ctx.pack is None or not ctx.pack.meta.placeholders:
        return _DEFAULT_SAMPLES
    return ctx.pack.catalogue.samples()


_DEFAULT_SAMPLES = DEFAULT_CATALOGUE.samples()


# (a reviewed reply's sentence with no cue is "other", and as much the reply's as the rest: "It made our day.")
_SPANNED = frozenset((*BODY, "other"))


def body_span(message: Message) -> tuple[int, int]:
    """Offsets of the script's own slots (not the layout's greeting and sign-off)."""
    start = end = -1
    for a, b, seg in message.spans():
        if seg.slot in _SPANNED:
            if start < 0:
                start = a
            end = b
    return (start, end) if start >= 0 else (0, len(message.text))


# a hyphen inside a word ("pop-up", "step-by-step") and a full stop inside an abbreviation ("e.g.", "U.S.A."): the
# marks that join letters into one word as a reader reads it, and as the reading formulas count it (textstat drops
# them before it splits), where WORD would part them
_JOINING_HYPHEN = re.compile(r"-(?<=[^\W_]-)(?=[^\W_])")
_ABBREVIATION_POINT = re.compile(r"\.(?<=(?<![A-Za-z])[A-Za-z]\.)(?=[A-Za-z]\.)")


@lru_cache(maxsize=16_384)  # several rules count the same slot texts
def word_count(text: str) -> int:
    """The words of ``text``, a link, an email address or a reference code one word (``plain_identifiers``: a
    customer clicks or copies it, and a long address made a 14-word sentence 26); an emoji is none. A compound
    joined by hyphens ("multi-currency") and an abbreviation written with full stops ("e.g.") are one word each
    (they made a 25-word sentence 27)."""
    text = plain_identifiers(text)
    if "-" in text:
        text = _JOINING_HYPHEN.sub("", text)
    if "." in text:
        text = _ABBREVIATION_POINT.sub("", text)
    return len(word_findall(WORD, text, WORD_TABLE))


_ASCII_LETTERS = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"


def _at_most_words(text: str) -> int:
    """A bound on ``word_count(text)`` at a fraction of its cost, for skipping short sentences.

    Every word but the first starts right after a character that is not a letter (space,
    punctuation), or is a digit straight after a contraction ("it's9"), itself not a letter;
    so an ASCII text has at most one word more than it has characters that are not letters.
    A placeholder such as {{x}} only adds non-letters, so the bound holds before it is replaced.
    """
    if not text.isascii():
        return len(text)
    return 1 + len(text.encode("ascii").translate(None, _ASCII_LETTERS))


# where a sentence has ended, to the Flesch formulas: a mark, and any quotes or brackets after it
_ENDED = re.compile(r"[.!?…][\"'”’)\]]*")


def items_ended(text: str) -> str:
    """``text`` with a full stop after each sentence that a reader, and SK103, take as ended but that has no . ! or
    ?: a list item and a list's lead-in ("Here's what I've done:"), a line ended with a Markdown hard line break or
    a colon, a paragraph, and a sentence ended by an emoji ("So sorry about the mix-up 😔"). The Flesch formulas end
    sentences at those marks only: "Hi Sam,  \nHere's what changed:  \n**Your flight moved**" was one run-on
    sentence to them, and a plain reply read at grade 10."""
    if "\n" not in text and not may_end_with_emoji(text):  # (most one-line replies: no sentence to end, no split)
        return text
    spans = tuple(_lead_ins_apart(text, reading_spans(text)))
    items = [list_item_at(text, a) for a, _ in spans] if holds_list(text) else [False] * len(spans)
    out: list[str] = []
    done = 0
    for i, (a, b) in enumerate(spans):
        if i + 1 == len(spans) and not emoji_ended(text, a, b):
            break  # (the text's end ends its last sentence)
        if emoji_ended(text, a, b) or (_ENDED.fullmatch(text, _last_mark(text, a, b), b) is None
                                       and (_ends_its_line(text, b) or items[i] or items[i + 1])):
            out += (text[done:b], ".")
            done = b
    return "".join([*out, text[done:]]) if out else text


def _ends_its_line(text: str, end: int) -> bool:
    """Whether the sentence that ends at ``end`` ends its line, not a comma ("Hi Sam,  \nThanks" goes on)."""
    return text[end - 1] != "," and (end == len(text) or text[end:].lstrip(" \t\\").startswith(("\n", "\r")))


def short_items_out(text: str) -> str:
    """``text`` without its list items of one or two words ("• Austria", "- Google Play"): the Flesch formulas count
    such an item's words but not the item as a sentence (textstat's sentence count leaves out two words or fewer),
    so a list of 16 countries under two plain sentences read as one sentence of 35 words. A name in a list is no
    prose to score; an item of three words or more ("- Tap your profile picture") is a sentence and stays."""
    if not holds_list(text):  # (most replies)
        return text
    out: list[str] = []
    done = 0
    for a, b in _lead_ins_apart(text, reading_spans(text)):
        if list_item_at(text, a) and word_count(text[a:b]) <= 2:
            out.append(text[done:a])
            done = b
    return "".join([*out, text[done:]]) if out else text


def _last_mark(text: str, a: int, b: int) -> int:
    """Where the closing quotes and brackets at the end of ``text[a:b]`` start, less one: its last mark."""
    while b > a and text[b - 1] in "\"'”’)]":
        b -= 1
    return max(a, b - 1)


@lru_cache(maxsize=32_768)  # SK101 and SK102 score the same texts; rules may run rule by rule
def _scores(text: str, locale: str) -> engine.Scores | None:
    try:
        return engine.scores(plain_identifiers(items_ended(short_items_out(text))), locale)
    except EngineUnavailable:
        return None  # no hyphenation data for this language: nothing to judge


def _locale(ctx: RuleContext, message: Message) -> str:
    """The locale whose formulas score ``message``: the pack's (or the settings'), unless the reply reads as
    another language, as SK006 tells it (an English reply in a de-DE pack was scored with German syllables)."""
    written = ctx.pack.meta.locale if ctx.pack is not None else ctx.text_locale or "en-US"
    found = written_language(message)
    if found is None or found == base_language(written):
        return written  # (its own language, or too short to tell: the writer's locale and its dialect)
    return LOCALES.get(found, found)


def per_channel(ctx: RuleContext, name: str, channel: str, default: Any) -> Any:
    """An option's value for ``channel``: ``channels: {chat: ...}`` overrides the plain value."""
    channels = ctx.option("channels") or {}
    if isinstance(channels, Mapping) and channel in channels:
        value = channels[channel]
        return value.get(name, ctx.option(name, default)) if isinstance(value, Mapping) else value
    return ctx.option(name, default)


def _beside(value: float, threshold: float, above: bool, decimals: int) -> str:
    """``value`` with ``decimals`` decimals, or as many more as it takes to stay on its side of ``threshold``
    as written with ``:g`` (a reading ease of 59.7 under a minimum of 60 shows as 59.7, not 60)."""
    for places in range(decimals, 7):
        shown = f"{value:.{places}f}"
        if (float(shown) > threshold) if above else (float(shown) < threshold):
            return shown
    return repr(value)


_PLAIN = (
    "I can see how frustrating it is to wait for a parcel you need. I'm really sorry. "
    "I've sent a new one today, and it will reach you by Friday. I'll check in with you then."
)
_DENSE = (
    "We acknowledge the considerable inconvenience occasioned by the unanticipated operational "
    "complications affecting distribution infrastructure, notwithstanding comprehensive organisational "
    "precautions. Consequently, remediation activities necessitate additional administrative verification."
)


@register
class LowReadingEase(Rule):
    """The reply scores below the channel's minimum Flesch reading ease.

    ## What it does
    Scores the whole rendered reply (greeting to the sign-off's closing and name: the title,
    address and phone lines of a signature under them are not prose) with the Flesch reading
    ease formula through textstat, and flags replies below the minimum for their channel
    (default 60, "plain English"). Placeholders count as a short name, blanks as a short
    phrase, and links, email addresses and reference codes ("INV-1043") as one short word.
    A sentence ended by an emoji or an emoticon ends there, as at a full stop ("So sorry
    about the mix-up 😔 I've sent the right size"), and so does each item of a list, a
    paragraph, and a line ended with a Markdown hard line break or a colon: the sentences
    SK103 reads. A list item of one or two words ("- Google Play", a country, a document)
    is not scored: it is no sentence to the formulas, which would count its words all the same.
    Replies shorter than `min_words` are not scored: the formula is unstable there.

    ## Why it matters
    A customer who is upset reads less carefully. Long words and long sentences make them
    work to find the help, which reads as distance rather than care.

    ## Example
    "We acknowledge the considerable inconvenience occasioned by the unanticipated
    operational complications affecting our distribution infrastructure, and apologise for any
    consequent disruption."

    ## Use instead
    "I can see how frustrating it is to wait for a parcel you need. I've sent a new one today."

    ## Options
    - `min` (default 60): the lowest acceptable score.
    - `channels`: per-channel minimums, e.g. `{chat: 70, email: 60}`.
    - `min_words` (default 15): replies with fewer words are not scored.

    ## Fix safety
    No automatic fix: rewriting for readability needs a human.
    """

    code = "SK101"
    whole_reply = True
    name = "low-reading-ease"
    options: ClassVar[Mapping[str, Any]] = {"min": 60.0, "channels": {}, "min_words": 15}
    bad_examples = (Example.of(acknowledgment=_DENSE, solution="Resolution is anticipated subsequently."),)
    good_examples = (Example.of(acknowledgment=_PLAIN, solution="I'll email you as soon as it ships today."),)

    def check(self, message: Message, ctx: RuleContext) -> Iterable[Finding]:
        floor = options.integer(type(self), ctx, "min_words", 0)
        text = _without_signature(message)  # (a signature's title, address and phone lines are no prose)
        found = _scores(text, _locale(ctx, message))
        if found is None or found.words < floor:
            return
        minimum = float(per_channel(ctx, "min", message.channel, 60.0))
        if found.reading_ease < minimum:
            start, end = body_span(message)
            yield Finding(start, end,
                          f"reading ease is {_beside(found.reading_ease, minimum, False, 0)}; "
                          f"aim for {minimum:g} or more on {message.channel}",
                          "Use shorter sentences and everyday words (\"help\" not \"assistance\").")


@register
class HighGradeLevel(Rule):
    """The reply needs a higher Flesch-Kincaid grade than the channel allows.

    ## What it does
    Computes the Flesch-Kincaid grade level of the whole rendered reply through textstat
    and flags replies above the maximum for their channel (default grade 8). Links, email
    addresses and reference codes count as one short word, and an emoji that ends a sentence
    ends it, as in SK101; the lines of a signature under the closing and name are not scored.

    ## Why it matters
    Grade 8 is about what most adults read comfortably. Support replies are read in a hurry,
    on a phone, often in a second language: every grade above that loses readers.

    ## Example
    "Remediation activities necessitate additional administrative verification before the
    replacement consignment can be dispatched to your registered delivery address."

    ## Use instead
    "We need to check a few details first. I'll do that today."

    ## Options
    - `max` (default 8): the highest acceptable grade.
    - `channels`: per-channel maximums, e.g. `{sms: 6}`.
    - `min_words` (default 15): replies with fewer words are not scored.

    ## Fix safety
    No automatic fix.
    """

    code = "SK102"
    whole_reply = True
    name = "high-grade-level"
    options: ClassVar[Mapping[str, Any]] = {"max": 8.0, "channels": {}, "min_words": 15}
    bad_examples = (Example.of(acknowledgment=_DENSE, solution="Resolution is anticipated subsequently."),)
    good_examples = (Example.of(acknowledgment=_PLAIN, solution="I'll email you as soon as it ships today."),)

    def check(self, message: Message, ctx: RuleContext) -> Iterable[Finding]:
        floor = options.integer(type(self), ctx, "min_words", 0)
        found = _scores(_without_signature(message), _locale(ctx, message))
        if found is None or found.words < floor:
            return
        maximum = float(per_channel(ctx, "max", message.channel, 8.0))
        if found.grade > maximum:
            start, end = body_span(message)
            yield Finding(start, end,
                          f"reads at grade {_beside(found.grade, maximum, True, 1)}; "
                          f"aim for grade {maximum:g} or below on {message.channel}",
                          "Split long sentences and swap long words for short ones.")


_LONG = (
    "I completely understand how frustrating it must have been to wait all week for the parcel that you "
    "ordered for your daughter's birthday party only to find that it never arrived at your door on the day "
    "that we promised it would."
)


@register
class LongSentence(Rule):
    """A sentence has more words than a reader can hold at once.

    ## What it does
    Counts the words of each sentence of the reply (a placeholder or a blank counts as one
    word, and so does a link, an email address or a reference code, a compound joined by
    hyphens, "step-by-step", and an abbreviation such as "e.g."; an emoji counts as none)
    and flags sentences longer than `max_words`. Each item of a list ("- ", "1. ")
    counts as a sentence of its own, full stop or not, and so does a line ended with a Markdown
    hard line break (a backslash or two spaces at its end), an emoji or a colon (the lead-in of
    an address or a format on the lines under it). An emoji or an emoticon
    before a capital ends a sentence as a full stop would ("So sorry about the mix-up 😔 I've
    sent the right size"); one before a word in lower case is inside it ("I ❤️ this"). A
    quotation is no place to split ('You wrote: "I was charged twice. It's ridiculous."'). The
    greeting is no word of the first sentence, on its line or the line above ("Hi Sam,"), and
    the sign-off is no sentence.

    ## Why it matters
    Long sentences hide the one thing the customer is looking for, and they are where
    corporate padding collects. Short sentences sound like a person talking.

    ## Example
    "I completely understand how frustrating it must have been to wait all week for the parcel
    that you ordered for your daughter's birthday party only to find that it never arrived..."

    ## Use instead
    "I understand how frustrating that wait was, with your daughter's party so close."

    ## Options
    - `max_words` (default 25): the longest acceptable sentence.

    ## Fix safety
    No automatic fix.
    """

    code = "SK103"
    name = "long-sentence"
    options: ClassVar[Mapping[str, Any]] = {"max_words": 25}
    reads_alternatives = True
    bad_examples = (Example.of(acknowledgment=_LONG, solution="I've sent a new one today."),)
    good_examples = (Example.of(acknowledgment="I understand how frustrating that wait was.",
                                solution="I've sent a new one today, and it will arrive by Friday."),)

    def check(self, message: Message, ctx: RuleContext) -> Iterable[Finding]:
        limit = options.integer(type(self), ctx, "max_words", 1)
        text = message.text
        # (the greeting is no word of the sentence it shares a paragraph with: "Hi Sam,\nI'm so sorry..." reads as a
        # greeting and a sentence; the sign-off is no sentence: a signature's lines, title, company and legal line,
        # read as one)
        greeted, signed = _frame_bounds(message)
        for a, b in _lead_ins_apart(text, reading_spans(text)):  # (a hard line break ends a sentence too)
            if a < greeted:
                a, b = trimmed(text, greeted, b)
            if b - a < limit * 2 or a >= signed:  # a sentence this short cannot hold limit+1 words
                continue
            sentence = text[a:b]
            if _at_most_words(sentence) <= limit:
                continue
            if "{{" in sentence or "[[" in sentence:
                sentence = MARKERS.sub("X", sentence)
            n = word_count(sentence)
            if n > limit:
                yield Finding(a, b, f"sentence has {n} words (limit {limit})",
                              "Split it in two, or cut the words that do not help the customer.")


# a colon that ends a line: what it leads in to (an address, a format, steps with no bullets) is on the lines under it
_LEAD_IN_END = re.compile(r":[ \t]*\r?\n")


def _lead_ins_apart(text: str, spans: tuple[tuple[int, int], ...]) -> Iterable[tuple[int, int]]:
    """``spans``, each cut after a line its colon ends: a reader takes that line as a sentence of its own, the lead-in
    of the lines under it, as a list's lead-in is ("Please write your address like this:\\nHouse number, street,
    town" made one 31-word sentence of a 22-word one and its 9-word format)."""
    if ":" not in text:  # (most replies)
        return spans
    out: list[tuple[int, int]] = []
    for a, b in spans:
        for m in _LEAD_IN_END.finditer(text, a, b):
            out.append(trimmed(text, a, m.start() + 1))
            a = m.end()
        out.append(trimmed(text, a, b))
    return [(a, b) for a, b in out if a < b]


def _frame_bounds(message: Message) -> tuple[int, int]:
    """Where the greeting that opens ``message`` ends (0 when none does), and where its sign-off starts."""
    greeted, signed = 0, len(message.text)
    body = False
    for a, b, seg in message.spans():
        if seg.slot == "greeting" and not body:
            greeted = b
        elif seg.slot == "signoff":
            signed = a
            break
        elif seg.slot in _SPANNED:
            body = True
    return greeted, signed


#: channel -> (unit, limit); "chars" counts characters of the sample reply, "words" its words
DEFAULT_LIMITS: dict[str, dict[str, int]] = {
    "sms": {"chars": 160},
    "social": {"chars": 280},
    "chat": {"words": 90},  # about three chat bubbles
    "phone": {"words": 150},
}


@register
class TooLongForChannel(Rule):
    """The reply is longer than its channel allows.

    ## What it does
    Measures the reply as the customer will see it (placeholders filled with sample values,
    blanks with a short phrase) against the channel's limit: SMS 160 characters, social 280
    characters, chat 90 words, phone 150 words (read aloud); a link, an email address or a
    reference code is one word. Over the social limit the post fails, so that is an error; the
    others are warnings. In a reviewed transcript each of the agent's turns is sent as a message
    of its own, so each turn is measured against the limit on its own ("chat message is 104
    words"), not all of them added together. Each of a script's alternatives and conditions is
    measured on its own too ("sms alternative is 165 characters"): the agent sends it as written.

    An SMS is counted as a phone counts it: in the GSM-7 alphabet `€ [ ] { } ^ ~ | \\` take two
    characters each; one character outside GSM-7 (an emoji, a curly quote ’ or “, a dash —, an
    accent such as á, í, ó, ú, ã, ç, or French's no-break space before `!` and `?`) sends the
    whole text as UCS-2, which holds 70 characters (67 a part when split), and an emoji counts as
    two. The message names the character that did it, and the suggestion what to type instead
    ("'á' as 'a'", "the no-break space as ' '"; é, è, à, ñ and ü are GSM-7 and cost nothing).

    A social reply is counted as X counts it (twitter-text's weighted length): every link is 23
    characters, whatever its length, as X shortens it; an emoji (a joined one, 👩‍💻, included) and
    a CJK character are two, Latin letters, digits and the usual punctuation one. The social
    limit is X's; a team that posts elsewhere sets its own with `limits: {social: {chars: ...}}`.

    ## Why it matters
    An SMS over 160 characters (70 with an emoji) arrives in pieces; a social reply over 280 characters cannot
    be posted; a chat message that fills the screen gets skimmed and the next step is lost.

    ## Example
    A 60-word apology and explanation sent as an SMS.

    ## Use instead
    One sentence of acknowledgment and the next step: "So sorry about the delay, Sam. Your
    new parcel ships today; I'll text you the tracking link." A script sent on several
    channels can keep its email text and give SMS its own under `by_channel: {sms: ...}`.

    ## Options
    - `limits`: per channel, `{sms: {chars: 160}, social: {chars: 280}, chat: {words: 90}}`;
      a channel may have `chars`, `words` or both. SMS `chars` counts GSM-7 characters; a UCS-2
      text gets the same number of parts (`chars: 306`, two parts, is 134 in UCS-2).

    ## Fix safety
    No automatic fix.
    """

    code = "SK104"
    whole_reply = True
    # (an alternative is sent in the reply's place, and a condition added to it: one over an SMS is too long however
    # short the reply is)
    reads_alternatives = True
    name = "too-long-for-channel"
    options: ClassVar[Mapping[str, Any]] = {"limits": DEFAULT_LIMITS}
    bad_examples = (Example.of(channel="sms", acknowledgment=_LONG,
                               solution="I've sent a brand new replacement parcel today by express courier."),)
    good_examples = (Example.of(channel="sms", acknowledgment="So sorry about the delay.",
                                solution="Your new parcel ships today."),)

    def check(self, message: Message, ctx: RuleContext) -> Iterable[Finding]:
        limits = ctx.option("limits") or DEFAULT_LIMITS
        limit = limits.get(message.channel) if isinstance(limits, Mapping) else None
        if not limit:
            return
        # (a transcript's agent turns, judged as one reply, are each sent as a message of their own: the limit
        # is a turn's, and seven short turns made one 105-word "chat reply")
        turns = reply_turns(message) if ctx.pack is None else ()
        spans: list[tuple[int, int] | None] = [(t.start, t.end) for t in turns]
        for where in spans or [None]:
            yield from self._over(message, ctx, limit, where)

    def _over(self, message: Message, ctx: RuleContext, limit: Mapping[str, Any],
              where: tuple[int, int] | None) -> Iterator[Finding]:
        """The reply over ``limit``, or the turn of it at ``where``."""
        text = sample_text(message, ctx) if where is None else sample_between(message, ctx, *where)
        chars = limit.get("chars")
        if chars is not None:
            finding = self._over_chars(message, ctx, text, int(chars), where)
            if finding is not None:
                yield finding
        words = limit.get("words")
        if words is not None and _at_most_words(text) > int(words):
            n = word_count(text)
            if n > int(words):
                start, end = where or _to_shorten(message, ctx)
                yield Finding(start, end,
                              f"{message.channel} {_unit(where, message)} is {n} words (limit {int(words)})",
                              _shorter(message, ctx), extra=_length(n, int(words), where))

    def _over_chars(self, message: Message, ctx: RuleContext, text: str, chars: int,
                    where: tuple[int, int] | None) -> Finding | None:
        unit = _unit(where, message)
        if message.channel != "sms":
            social = message.channel == "social"
            n = x_length(text) if social else len(text)
            if n <= chars:
                return None
            start, end = where or _to_shorten(message, ctx)
            return Finding(start, end, f"{message.channel} {unit} is {n} characters{' as X counts them' * social} "
                           f"(limit {chars})", _shorter(message, ctx), severity=Severity.ERROR if social else None,
                           extra=_length(n, chars, where))
        unicode_chars = _outside_gsm7(text)
        if not unicode_chars:
            n = _gsm7_length(text)
            if n <= chars:
                return None
            start, end = where or _to_shorten(message, ctx)
            extended = sorted({c for c in text if c in _GSM7_EXTENSION})
            note = f"; {_listed(extended)} take two each in an SMS" if extended else ""
            return Finding(start, end, f"sms {unit} is {n} characters (limit {chars}{note}): {_parts(n, 'GSM-7')}",
                           _shorter(message, ctx), extra=_length(n, chars, where))
        n, ucs2_limit = utf16_length(text), _ucs2_limit(chars)
        if n <= ucs2_limit:
            return None
        start, end = where or _to_shorten(message, ctx)
        return Finding(
            start, end,
            f"sms {unit} is {n} characters sent as UCS-2 (limit {ucs2_limit}, not {chars}), {_parts(n, 'UCS-2')}: "
            f"{_listed(unicode_chars)} {'is' if len(unicode_chars) == 1 else 'are'} outside the GSM-7 set, "
            "so the phone sends the whole text as UCS-2",
            f"{_gsm7_instead(unicode_chars)} to get the {chars}-character limit back, or shorten the text. "
            + _shorter(message, ctx),
            extra=_length(n, ucs2_limit, where))


def _unit(where: tuple[int, int] | None, message: Message) -> str:
    """What a length finding measured: the reply, one turn of a transcript's (``where``), a message of its own, or
    an alternative (or condition) of the script's flexibility, read alone (``Message.alternatives``)."""
    if where is not None:
        return "message"
    return "reply" if any(seg.slot != "flexibility" for _, _, seg in message.spans()) else "alternative"


# X's count (twitter-text's weighted length, config v3): every link is 23 characters, the length of the t.co link X
# puts in its place; a code point in these ranges (Latin, Greek, Cyrillic, Hebrew, Arabic, Indic..., and the general
# punctuation of spaces, dashes and quotes) is one, any other (CJK, an emoji, "…", "€") two; an emoji sequence,
# "👩‍💻" or "👍🏽", is one emoji
_X_NARROW = ((0, 4351), (8192, 8205), (8208, 8223), (8242, 8247))
_X_LINK_LENGTH = 23
# a link as X finds one: with a scheme or "www.", or a bare domain with a path ("nw.co/t") or a common top-level
# domain ("example.com"); not an email address
_X_LINK = re.compile(
    r"(?<![\w@.-])(?:https?://|www\.|(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+"
    r"(?:[a-z]{2,}(?=/)|(?:com|org|net|edu|gov|info|biz|io|co|app|dev|me|ly|ai|shop|store|help)\b(?!@)))"
    r"[^\s<>\"]*", re.IGNORECASE)
_X_EMOJI_SEQUENCE = re.compile(
    "[\U0001f1e6-\U0001f1ff]{2}|[0-9#*]\ufe0f?\u20e3"
    "|[\u2000-\u3299\U0001f000-\U0001faff](?:[\ufe0f\U0001f3fb-\U0001f3ff]|\u200d[\u2000-\u3299\U0001f000-\U0001faff])+")


def x_length(text: str) -> int:
    """``text``'s length as X counts it against its 280 (twitter-text's weighted length; see ``_X_NARROW``)."""
    text = unicodedata.normalize("NFC", text)
    n, rest = 0, []
    last = 0
    for m in _X_LINK.finditer(text):
        end = m.start() + len(m.group().rstrip(".,;:!?)]'\"’”"))
        n += _X_LINK_LENGTH
        rest.append(text[last:m.start()])
        last = end
    rest.append(text[last:])
    for part in rest:
        part, emoji = _X_EMOJI_SEQUENCE.subn("", part)
        n += 2 * emoji + len(part) + len(_X_WIDE.findall(part))  # (a wide character: one more)
    return n


# a code point outside ``_X_NARROW`` (its ranges, as one pattern: testing each character against them in Python cost
# a tenth of the social replies' lint time)
_X_WIDE = re.compile(r"[^\x00-\u10ff\u2000-\u200d\u2010-\u201f\u2032-\u2037]")


# SMS encodings, as a phone picks them: the GSM 03.38 basic set costs one septet a character,
# its extension table two (escape + character); any other character makes the whole text UCS-2,
# counted in UTF-16 units (an emoji outside the Basic Multilingual Plane is two)
_GSM7_BASIC = frozenset(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà")
_GSM7_EXTENSION = frozenset("^{}\\[~]|€\f")
_GSM7 = _GSM7_BASIC | _GSM7_EXTENSION


def _outside_gsm7(text: str) -> list[str]:
    """The distinct characters of ``text`` that GSM-7 cannot carry, in order of first use."""
    if set(text) <= _GSM7:
        return []
    return list(dict.fromkeys(c for c in text if c not in _GSM7))


def _gsm7_length(text: str) -> int:
    """Septets of a GSM-7 text: an extension-table character takes two."""
    return len(text) + sum(1 for c in text if c in _GSM7_EXTENSION)


# the characters an SMS part holds, alone and in a split text (the rest of a split part says where it belongs)
_GSM7_PART, _GSM7_SPLIT_PART, _UCS2_PART, _UCS2_SPLIT_PART = 160, 153, 70, 67


def sms_size(text: str) -> tuple[int, int, str]:
    """How a phone sends ``text``: its length as the SMS counts it, the parts it is split into, and the alphabet
    ('GSM-7' or 'UCS-2')."""
    alphabet = "UCS-2" if _outside_gsm7(text) else "GSM-7"
    n = utf16_length(text) if alphabet == "UCS-2" else _gsm7_length(text)
    return n, _part_count(n, alphabet), alphabet


def _part_count(n: int, alphabet: str) -> int:
    """The parts an ``n``-character text in ``alphabet`` ('GSM-7' or 'UCS-2') is split into."""
    one, each = (_GSM7_PART, _GSM7_SPLIT_PART) if alphabet == "GSM-7" else (_UCS2_PART, _UCS2_SPLIT_PART)
    return 1 if n <= one else -(-n // each)


def _sms_parts(parts: int) -> str:
    """'2 SMS parts'."""
    return f"{parts} SMS part{'s' if parts > 1 else ''}"


def _parts(n: int, alphabet: str) -> str:
    """'2 SMS parts in GSM-7': what an ``n``-character text in ``alphabet`` arrives as."""
    return f"{_sms_parts(_part_count(n, alphabet))} in {alphabet}"


def sms_length(message: Message, samples: Mapping[str, str]) -> str:
    """The SMS's length as a phone counts it, with its placeholders' ``samples``: '49 characters · 1 SMS part ·
    GSM-7 (111 left)'. A sample name is plain letters; a real one outside GSM-7 ("Zoë") sends the whole text as
    UCS-2, 70 a part, so where the text holds a name that is said too."""
    text = sampled_text(message, samples)
    n, parts, alphabet = sms_size(text)
    line = f"{n} characters · {_sms_parts(parts)} · {alphabet}"
    if parts == 1:
        line += f" ({(_GSM7_PART if alphabet == 'GSM-7' else _UCS2_PART) - n} left)"
    if alphabet == "GSM-7" and any(isinstance(seg, Placeholder) and seg.name.endswith("name")
                                   for seg in message.segments):
        u = utf16_length(text)
        room = f"{_UCS2_PART - u} left" if u <= _UCS2_PART else _sms_parts(_part_count(u, "UCS-2"))
        line += f"; a name outside GSM-7, as Zoë, sends it as UCS-2 (limit {_UCS2_PART}): {room}"
    return line


def _ucs2_limit(gsm7_limit: int) -> int:
    """The UCS-2 length that fits the parts a ``gsm7_limit``-character text fits."""
    if gsm7_limit <= _GSM7_PART:
        return gsm7_limit * _UCS2_PART // _GSM7_PART
    return gsm7_limit * _UCS2_SPLIT_PART // _GSM7_SPLIT_PART


# characters a writer cannot see told by name ("'\\xa0'" meant nothing to a French writer)
_SPACE_NAMES = {"\u00a0": "the no-break space", "\u202f": "the narrow no-break space", "\u2009": "the thin space"}
# what GSM-7 writes for the commonest characters it has not: typography a word processor or French spacing adds
_GSM7_PLAIN = {"\u00a0": " ", "\u202f": " ", "\u2009": " ", "\u2018": "'", "\u2019": "'", "\u201a": "'",
               "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u00ab": '"', "\u00bb": '"', "\u2013": "-",
               "\u2014": "-", "\u2026": "...", "\u2022": "-"}


def _gsm7_plain(c: str) -> str | None:
    """What ``c``, a character GSM-7 cannot carry, is written as in GSM-7: its plain form, or an accented letter
    without its accent ("á" -> "a", "ã" -> "a", "ç" -> "c"); None for none (an emoji, "œ", a CJK character)."""
    if c in _GSM7_PLAIN:
        return _GSM7_PLAIN[c]
    bare = "".join(x for x in unicodedata.normalize("NFD", c) if not unicodedata.combining(x))
    return bare if bare and bare != c and set(bare) <= _GSM7 else None


def _gsm7_instead(chars: list[str]) -> str:
    """The advice that gives an SMS back GSM-7: each of ``chars`` written as GSM-7 writes it, or left out."""
    plain = [(c, _gsm7_plain(c)) for c in chars]
    # (a straight apostrophe is shown in double quotes: "'’' as '''" could not be read)
    swaps = [f"{_listed([c])} as " + (f'"{p}"' if p == "'" else f"'{p}'") for c, p in plain if p is not None]
    dropped = [c for c, p in plain if p is None]
    said = []
    if swaps:
        said.append("write " + ", ".join(swaps[:4]) + (f" and {len(swaps) - 4} more" if len(swaps) > 4 else ""))
    if dropped:
        said.append(f"leave out {_listed(dropped)}")
    advice = " and ".join(said)
    if any(c.isalpha() and p is not None for c, p in plain):  # (an accent: which ones cost nothing)
        advice += " (GSM-7 has é, è, à, ù, ì, ò, ñ, ä, ö, ü, ¿ and ¡, not these)"
    return advice[:1].upper() + advice[1:]


def _listed(chars: list[str]) -> str:
    shown = [_SPACE_NAMES.get(c) or (repr(c) if c.isspace() or not c.isprintable() else f"'{c}'") for c in chars[:3]]
    more = f" and {len(chars) - 3} more" if len(chars) > 3 else ""
    return ", ".join(shown) + more


def _to_shorten(message: Message, ctx: RuleContext) -> tuple[int, int]:
    """The text to shorten: the channel's own (``by_channel``) where the script has some, written
    for this channel alone; else the reply's own slots. (Asked only of a reply over its limit.)"""
    if ctx.pack is None:
        return body_span(message)
    try:
        by_channel = ctx.pack.script(message.script_id).by_channel
    except KeyError:  # (a message made for no script of the pack)
        return body_span(message)
    own = next((text for channel, text in by_channel.items() if channel == message.channel), None)
    if own is None:
        return body_span(message)
    start = end = -1
    for a, b, seg in message.spans():
        if seg.slot in BODY and getattr(own, seg.slot) is not None:
            if start < 0:
                start = a
            end = b
    return (start, end) if start >= 0 else body_span(message)


def _shorter(message: Message, ctx: RuleContext) -> str:
    if _unit(None, message) == "alternative":  # (by_channel holds no flexibility: one text for every channel)
        return (f"Shorten it: the agent sends it as written on {message.channel} too. Keep what the customer needs "
                "to decide; the agent can send the rest after.")
    advice = "Keep one line of acknowledgment and the next step; move the rest to a follow-up."
    if ctx.pack is None:  # free text: there is no script to give the channel its own text
        return advice
    channel = message.channel
    try:
        by_channel = ctx.pack.script(message.script_id).by_channel
        own = next((text for written, text in by_channel.items() if written == channel), None)
    except KeyError:  # (a message made for no script of the pack)
        own = None
    if own is None:
        return advice + f" Or give {channel} its own shorter text in the script, under 'by_channel:' then '{channel}:'."
    # the script has text for this channel already: that is what to shorten, and so are the slots it has none
    # for, which the reply takes from the script's main text (the writer looking under by_channel sees no sign of them)
    advice += f" Shorten the script's own {channel} text, under 'by_channel:' then '{channel}:'."
    taken = [f"{slot} ({len(sample_between(message, ctx, *bounds))} characters)" for slot in BODY
             if getattr(own, slot) is None and (bounds := message.slot_bounds(slot)) is not None]
    if not taken:
        return advice
    one = len(taken) == 1
    return (advice + f" Its {joined_with_and(taken)} {'is' if one else 'are'} the script's main text, as {channel} "
            f"has none of its own: give {channel} {'a shorter one' if one else 'shorter ones'} there too, or shorten "
            f"the main {'one' if one else 'ones'}.")


# a fill-in marker left in the text that stands for sentences, not a word: "{explanation}", "[details]",
# "{step 1}", "<insert the workaround>", "{clear, short explanation in everyday language}"
_SENTENCES_MARKER = re.compile(
    r"[\[{<][^\]}>\n]{0,80}?\b(?:explanations?|explain|details|steps?|statement|summary|description|answer|"
    r"solutions?|notes|workaround|points?|information|findings|justification)\b[^\]}>\n]{0,80}?[\]}>]",
    re.IGNORECASE)


def _stands_for_sentences(message: Message) -> bool:
    """The reply's own text holds a fill-in marker for sentences still to be written (a template pasted
    as a reply): how long it will be is not known yet."""
    return any(isinstance(seg, Text) and ("{" in seg.text or "[" in seg.text or "<" in seg.text)
               and _SENTENCES_MARKER.search(seg.text) is not None for _a, _b, seg in message.spans())


@register
class EmailLength(Rule):
    """An email reply is longer than the usual sweet spot (or, where a team sets a minimum, shorter).

    ## What it does
    Counts the words of an email reply, greeting and sign-off included (the sign-off's closing and name: a
    signature's title, company and phone lines under them are left out; placeholders, links,
    email addresses and reference codes as one word each) and suggests cutting it when it is over
    `max_words` (default 125). A short reply is not reported by default: a 30-word reply that
    answers a simple question is fine, and what a short reply may lack is said by the rule that
    owns it (an acknowledgment SK301, a next step SK401 and SK402), once. A team that wants short
    emails reported sets `min_words`; a reply under it is then reported only when it lacks what a
    short email rarely has room for, and the advice names it: an acknowledgment of how the customer
    feels, a concrete next step, or both. One that already acknowledges the customer and gives the
    next step ("I can see how worrying the double charge is. I've reversed it today.") is short and
    fine, as is one that only answers praise or thanks ("This made our day, thanks so much for
    telling us!"); a time frame the step owes is SK404's to report, not a reason to call the reply
    short. A reply whose text still holds a fill-in marker for sentences ("{explanation}",
    "[details]", "{step 1}") is not called short either: its length is known once the marker is
    filled in, and SK407 reports the marker.

    ## Why it matters
    Over about 125 words the next step gets buried: the customer reads a wall of background
    before they find what happens next.

    ## Example
    Five paragraphs on how the warehouse tests every lamp, then "I've sent a new bulb today."

    ## Use instead
    A short acknowledgment, one warm sentence and the concrete next step with its time frame.

    ## Options
    - `max_words` (default 125).
    - `min_words` (default 0: short emails are not reported); e.g. 50 to hear of an email under 50 words
      that lacks an acknowledgment or a next step.

    ## Fix safety
    No automatic fix.
    """

    code = "SK105"
    whole_reply = True
    name = "email-length"
    severity = Severity.SUGGESTION
    options: ClassVar[Mapping[str, Any]] = {"min_words": 0, "max_words": 125}
    bad_examples = (Example.of(
        acknowledgment="I can see how annoying it is that the lamp arrived with a dead bulb.",
        warm_language=" ".join(["Every lamp we make is tested in our own workshop before it leaves, with a heat test, "
                                "a drop test and a check of each switch by two people on the team."] * 5),
        solution="I've sent a new bulb today."),)
    good_examples = (
        Example.of(acknowledgment="I can see how frustrating it is to be charged twice for the same order, "
                                  "especially right before the weekend.",
                   warm_language="I'm really sorry this happened, and thank you for spotting it so quickly.",
                   solution="I've reversed the second charge today. Your bank will show the money back within "
                            "3 business days, and I'll check on Monday that it has arrived."),
        # (short with nothing missing: an acknowledgment and the next step; a reply to praise)
        Example.of(acknowledgment="I can see how worrying the double charge is.", solution="I've reversed it today."),
        Example.of(acknowledgment="This made our day, thanks so much for telling us!",
                   solution="We're so glad the new app works for you."))

    def check(self, message: Message, ctx: RuleContext) -> Iterable[Finding]:
        low, high = options.integer(type(self), ctx, "min_words", 0), options.integer(type(self), ctx, "max_words", 1)
        if message.channel != "email":
            return
        n = word_count(_without_signature(message))
        if low <= n <= high:
            return
        start, end = body_span(message)
        if n < low and _stands_for_sentences(message):
            return  # (its length is known once the marker is filled in; SK407 reports the marker)
        if n < low:
            from scriptkit.rules.solution import short_reply_advice  # (solution.py imports this module)

            advice = short_reply_advice(message, reviewed=bool(message.meta.get(CHANNEL_DEFAULTED)))
            if advice is None:
                return  # (it answers praise, or acknowledges the customer and gives the next step: short is fine)
            yield Finding(start, end, f"email is {n} word{'' if n == 1 else 's'}; {low}-{high} usually reads best",
                          advice, extra=_length(n, low))
        else:
            # (with no minimum, "0-125" reads as if an empty email were fine: the limit alone is said)
            best = f"{low}-{high}" if low else f"up to {high}"
            yield Finding(start, end, f"email is {n} words; {best} usually reads best",
                          "Cut background the customer did not ask for; keep the next step easy to find.",
                          extra=_length(n, high))


# What an agent cannot say on a call (SK106). A link read aloud is said as its words: past about 30 characters
# (scheme and "www." aside), or with a query or a fragment, no one can say it nor the customer write it down
_SPOKEN_ADDRESS = re.compile(r"(?<![\w./(])(?:https?://|www\.)[^\s<>\"]+[^\s<>\".,;:!?)\]]")
_SAYABLE_ADDRESS = 30
_ADDRESS_CODES = re.compile(r"[?=&%#]")
# an emoji or a pictograph (✓ ★ ☎): no word to say for it
_PICTOGRAPH = re.compile(f"[{EMOJI_RANGES}]+")
# a bulleted line ("- ", "* ", "• "); a numbered one reads aloud as "one, ...", so it is left alone
_BULLET_LINE = re.compile(r"^[ \t]*+[-*+\u2022\u00b7][ \t]++\S[^\n]*+(?:\n[ \t]*+[-*+\u2022\u00b7][ \t]++\S[^\n]*+)++",
                          re.MULTILINE)
# what asks a caller to see or click something on a screen they do not have in front of them: "click here", "tap
# the link", "see the link", "the steps below" ("above all" and "below the limit" are words, not places on a page)
_VISUAL_STEP = re.compile(
    r"\b(?:(?:click|tap)(?: on)? (?:here|this|the (?:link|button))|see the link|(?:see|shown|listed) (?:below|above)"
    r"|(?:steps?|links?|details|instructions|options?|buttons?|form|table|list|screenshots?) (?:below|above))\b",
    re.IGNORECASE)
# a code or number a caller must note down: five digits or more in one run ("#48213", "+442079460958"), or five
# letters and digits mixed, three of them digits ("X7K-29QB"; not "COVID-19"); a price, "3 days", "2pm", a year or a
# number already in groups pass
_SPOKEN_CODE = re.compile(
    r"(?<![\w/.,-])(?:[#+]?\d{5,}|(?=(?:[A-Z-]*\d){3})(?=[A-Z\d-]*[A-Z])[A-Z\d](?:-?[A-Z\d]){4,})(?![\w/-]|[.,]\d)")
# text in angle brackets, "<before>", "<br>": not an autolink (SK007 reports "<https://...>", "<help@...>")
_ANGLED = re.compile(r"<(?!https?:|mailto:|www\.)[^<>@\n]{1,40}>")


@register
class UnspeakableOnPhone(Rule):
    """A phone script holds text an agent cannot read aloud: a long link, an emoji, a bullet list, `<...>`.

    ## What it does
    On the phone channel, points at each piece of the reply's text that has no natural spoken form:
    - a link over 30 characters (without `https://` and `www.`), or one with a query or fragment
      (`?`, `=`, `&`, `%`, `#`); a short one, `example.com/help`, is easy to say and is left alone,
      as is the address inside a Markdown link (`[our returns guide](...)`: the agent says its words);
    - an emoji or pictograph (😞 💛 ✓ ★);
    - a bulleted list (two or more lines starting `- `, `* `, `• `): read aloud it is a run of
      fragments; a numbered list ("1. ") reads as "one, ..." and is left alone;
    - text in angle brackets (`<before>`, `<br>`): an editor's mark, not words (a fill-in marker,
      `<customer name>`, is SK407's to report);
    - a step for a screen the caller is not looking at: "click here", "tap the link", "see the link",
      "see below", "the steps above" ("above all" and "below the limit" are left alone);
    - a code or number to note down: five digits or more in a run ("#48213", a phone number written
      without spaces) or five letters and digits mixed, three of them digits ("X7K-29QB"). A price,
      "3 days", "2pm", a year, the last four digits of a card and a number already written in groups
      ("020 7946 0958") pass.
    A link, an emoji, markup or a step for a screen is a warning: it has no spoken form. A bulleted list and a
    long code are suggestions: an agent can say them, with care, but a written list or a code heard on a call is
    hard to follow.
    Markdown bold and emphasis are SK007's to report (on every channel), and another language
    SK006's, so neither is reported twice.

    ## Why it matters
    An agent who meets "https://example.com/returns?utm_source=..." or 😞 mid-call stops, spells
    out symbols, or skips a line; the customer hears the hesitation or loses the next step.

    ## Example
    A phone script that tells the customer to "see https://example.com/support/returns/start?ref=phone"
    and ends the apology with 😞.

    ## Use instead
    Say the site and the page in words ("go to example.com, then Returns"), or offer to send the
    link: "I'll text you the link now." Put feeling in words ("I'm so sorry"), and steps in
    sentences: "First print the label, then drop the parcel at any post office." Say a code in
    groups and offer to text it.

    ## Options
    None.

    ## Fix safety
    No automatic fix: the spoken wording is the agent's to choose.
    """

    code = "SK106"
    name = "unspeakable-on-phone"
    reads_alternatives = True
    bad_examples = (
        Example.of(channel="phone", acknowledgment="I'm so sorry the return has been confusing 😞.",
                   solution="You can start it at https://example.com/support/returns/start?ref=phone today."),
        Example.of(channel="phone", acknowledgment="I'm sorry the return has been confusing.",
                   solution="Here's what happens next:\n- Print the label today\n- Drop it at any post office"),
        Example.of(channel="phone", acknowledgment="I'm sorry the return has been confusing.",
                   solution="Please print the label <before> Friday, and I'll refund you today."),
    )
    good_examples = (
        Example.of(channel="phone", acknowledgment="I'm so sorry the return has been confusing.",
                   solution="You can start it at example.com/help today, and I'll text you the link now."),
        # (the same list on email is fine: the exports make a list of it)
        Example.of(channel="email", acknowledgment="I'm sorry the return has been confusing.",
                   solution="Here's what happens next:\n- Print the label today\n- Drop it at any post office"),
    )

    def check(self, message: Message, ctx: RuleContext) -> Iterable[Finding]:
        if message.channel != "phone":
            return
        text = message.text
        markers = [m.span() for m in MARKERS.finditer(text)] if "{{" in text or "[[" in text else []

        def in_marker(a: int, b: int) -> bool:
            return any(x < b and a < y for x, y in markers)

        links = [m.span() for m in _SPOKEN_ADDRESS.finditer(text)]
        for m in _VISUAL_STEP.finditer(text):
            if not in_marker(*m.span()):
                yield Finding(m.start(), m.end(), f"'{m.group()}' asks for something a caller cannot see or click",
                              "Say what to do in words, or send it: \"I'll text you the link now; tap it when it "
                              "arrives.\"")
        for m in _SPOKEN_CODE.finditer(text):
            if not in_marker(*m.span()) and not any(x < m.end() and m.start() < y for x, y in links):
                # (a suggestion: it can be said, slowly; the customer has to catch and note it down)
                yield Finding(m.start(), m.end(), f"'{m.group()}' is hard to catch and note down on a call",
                              "Say it slowly in groups of two or three (\"48, 21, 3\"), spell out letters that "
                              "sound alike (\"B as in Bravo\"), and offer to text it too.",
                              severity=Severity.SUGGESTION)
        for m in _SPOKEN_ADDRESS.finditer(text):
            said = re.sub(r"^(?:https?://)?(?:www\.)?", "", m.group())
            if text[max(0, m.start() - 2):m.start()] == "](" or in_marker(*m.span()):
                continue  # (a Markdown link's address: the agent says the link's words)
            if len(said) > _SAYABLE_ADDRESS or _ADDRESS_CODES.search(said):
                yield Finding(m.start(), m.end(), f"a {len(m.group())}-character link cannot be read aloud on a call",
                              "Say the site and the page in words (\"example.com, then Returns\"), or offer to "
                              "send the link: \"I'll email you the link now.\"")
        if not text.isascii():
            for m in _PICTOGRAPH.finditer(text):
                if not in_marker(*m.span()):
                    yield Finding(m.start(), m.end(), f"{m.group()} has no words to say on a call",
                                  "Say what it means in words (\"I'm so sorry\", \"I'm glad\") or leave it out.")
        if "\n" in text:
            for m in _BULLET_LINE.finditer(text):
                items = m.group().count("\n") + 1
                # (a suggestion: an agent can say a list's items as a series, with work; a link or an emoji has
                # no spoken form at all)
                yield Finding(m.start(), m.end(), f"a bulleted list of {items} items reads aloud as fragments",
                              "Say the steps as sentences: \"First ..., then ..., and last ...\".",
                              severity=Severity.SUGGESTION)
        if "<" in text:
            from scriptkit.rules.solution import fill_in_markers, may_hold_fill_in_marker  # (it imports this module)

            # (a fill-in marker, "<customer name>", is SK407's error to report: said once, and as what it is)
            markers += fill_in_markers(text) if may_hold_fill_in_marker(text) else []
            for m in _ANGLED.finditer(text):
                if not in_marker(*m.span()):
                    yield Finding(m.start(), m.end(), f"{m.group()} is markup, not words an agent can say",
                                  "Write it as plain words, or delete the angle brackets.")



# A date written in numbers whose day and month can swap (SK107): "03/04" is 3 April in most of the world and March 4
# in the US. With a year, slashes read as a date wherever they stand ("3/4/2025", "03/04/25"); dashes and dots only
# with a four-digit year ("03-04-2025", "03.04.2025": "3-5 days" and "2.1.10" are no dates). Without a year, a
# slash date only after a word that asks for a date ("by 03/04", "on Friday 3/4"): "3/4 of the parcels" is a fraction
_NUMERIC_DATE = re.compile(
    r"(?:(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})|(\d{1,2})([.-])(\d{1,2})\5(\d{4}))(?![\w/-]|[.,]\d)")
_YEARLESS_DATE = re.compile(r"(\d{1,2})/(\d{1,2})(?![\w/-]|[.,]\d|[ \t]+of\b)")
# (both start at a digit, not a lookbehind tried at every character: what stands before one is asked in Python)
_BEFORE_NO_DATE = frozenset("/.:-_")
_DATE_MARK = re.compile(r"[0-9][/.-][0-9]")
_ASKS_FOR_DATE = re.compile(
    r"\b(?:on|by|until|till|before|after|from|since|through|due|dated|starting|ending|(?:mon|tues|wednes|thurs|fri"
    r"|satur|sun)day|mon|tue|wed|thu|fri|sat|sun),?[ \t]+\Z")
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")


@register
class AmbiguousDate(Rule):
    """A date written in numbers that reads as two dates: 03/04 is 3 April to most readers and March 4 in the US.

    ## What it does
    Reports a date written in numbers whose day and month could be swapped: both 12 or less and not
    the same ("03/04/2025", "3/4/25", "03-04-2025", "03.04.2025"), and a date without a year after a
    word that asks for one ("by 03/04", "on Friday 3/4", "until 11/12"). A date whose numbers cannot
    swap ("25/12", "12/25", "05/05"), a fraction ("3/4 of the parcels", "50/50", "24/7"), a range
    ("3-5 days"), a version ("2.1.10"), a date with the month in words and an ISO date ("2025-03-04")
    pass, as do numbers inside a link or a placeholder.

    ## Why it matters
    A customer reading in another country, or in a second language, takes "we'll refund you by
    03/04" as the wrong month, and the promise is broken before it is due: a month early or a
    month late. Screen readers read "03/04" as "zero three slash zero four", which helps no one.

    ## Example
    ```
    Please send the parcel back by 03/04 and we'll refund you on 05/06/2025.
    ```

    ## Use instead
    ```
    Please send the parcel back by 3 April and we'll refund you on 5 June 2025.
    ```
    Write the month as a word ("April 3" in the US): every reader, and every screen reader, reads
    it one way.

    ## Options
    None.

    ## Fix safety
    No automatic fix: which month the writer meant is theirs to say (the message names the pack
    locale's reading).
    """

    code = "SK107"
    name = "ambiguous-date"
    severity = Severity.SUGGESTION
    reads_alternatives = True
    bad_examples = (
        Example.of(acknowledgment="I'm sorry the parcel arrived broken.",
                   solution="Please send it back by 03/04 and I'll refund you the same day."),
        Example.of(acknowledgment="I'm sorry the parcel arrived broken.",
                   solution="I've booked the collection for 05.06.2025, and I'll refund you the same day."),
    )
    good_examples = (
        Example.of(acknowledgment="I'm sorry the parcel arrived broken.",
                   solution="Please send it back by 3 April and I'll refund you the same day."),
        Example.of(acknowledgment="I'm sorry the parcel arrived broken.",
                   solution="I've refunded 3/4 of the order today, and our team is here for you 24/7."),
    )

    def check(self, message: Message, ctx: RuleContext) -> Iterable[Finding]:
        text = message.text
        if _DATE_MARK.search(text) is None:  # (most replies: no digit on each side of a '/', '.' or '-')
            return
        found: list[tuple[int, int, int, int, str]] = []  # start, end, first number, second number, year
        def starts_apart(at: int) -> bool:  # (not the tail of a longer number, a word, a path or a version)
            return at == 0 or not (text[at - 1].isalnum() or text[at - 1] in _BEFORE_NO_DATE)

        for m in _NUMERIC_DATE.finditer(text):
            if not starts_apart(m.start()):
                continue
            first, second, year = m.group(1, 2, 3) if m.group(1) else m.group(4, 6, 7)
            found.append((m.start(), m.end(), int(first), int(second), year))
        if "/" in text:
            for m in _YEARLESS_DATE.finditer(text):
                if starts_apart(m.start()) and _ASKS_FOR_DATE.search(text[max(0, m.start() - 12):m.start()].lower()):
                    found.append((m.start(), m.end(), int(m.group(1)), int(m.group(2)), ""))
        if not found:
            return
        skipped = [m.span() for m in MARKERS.finditer(text)] + [m.span() for m in _SPOKEN_ADDRESS.finditer(text)]
        us = (ctx.locale or "en-US").replace("_", "-").lower() in ("en-us", "en")
        for start, end, first, second, year in sorted(found):
            if not (1 <= first <= 12 and 1 <= second <= 12) or first == second:
                continue
            if any(x < end and start < y for x, y in skipped):
                continue
            month_first = f"{_MONTHS[first - 1]} {second}"
            day_first = f"{first} {_MONTHS[second - 1]}"
            meant = f"{month_first}, {year}" if us and year else month_first if us else f"{day_first} {year}".strip()
            yield Finding(start, end,
                          f"'{text[start:end]}' reads as {day_first} to most readers and {month_first} in the US",
                          f"Write the month as a word: '{meant}'.")




# Link text that says nothing on its own (SK108): a screen reader lists a reply's links by their words alone
_VAGUE_LINK_TEXT = frozenset({
    "here", "click here", "tap here", "press here", "go here", "click", "tap", "this", "this link", "that link",
    "the link", "link", "this page", "that page", "page", "read more", "learn more", "more", "more info",
    "more information", "find out more", "see more", "see here", "details", "info", "go", "this article",
    "article", "website", "this website", "url", "this url"})


@register
class VagueLinkText(Rule):
    """A link's words say nothing on their own: "here", "click here", "this link", "read more".

    ## What it does
    Reports a link, `[text](address)` (as a writer writes one, and as an import writes an HTML
    `<a href>`), whose text is only "here", "click here", "this link", "read more", "learn more",
    "more info", "this page" or the like, whatever the case and a full stop or colon after it. A link
    whose words name where it goes (`[our returns form](...)`, `[track your parcel](...)`) passes.
    Phone scripts are SK106's (a caller clicks nothing).

    ## Why it matters
    People using a screen reader often jump from link to link, or list a page's links, and hear
    each link's words alone: "here, here, click here" tells them nothing. Everyone else scans a
    reply for its links too: `[start your return](...)` says what the link does before anyone clicks.
    (WCAG 2.4.4 and 2.4.9, link purpose.)

    ## Example
    ```
    To start your return, click [here](https://example.com/returns).
    ```

    ## Use instead
    ```
    You can [start your return](https://example.com/returns) in a couple of minutes.
    ```

    ## Options
    None.

    ## Fix safety
    No automatic fix: the words that say where a link goes are the writer's to choose.
    """

    code = "SK108"
    name = "vague-link-text"
    reads_alternatives = True
    reads_links = True
    bad_examples = (
        Example.of(acknowledgment="I'm sorry the parcel arrived broken.",
                   solution="I'll refund you today. To send it back, click [here](https://example.com/returns)."),
        Example.of(channel="chat", acknowledgment="I'm sorry the parcel arrived broken.",
                   solution="I'll refund you today; the steps are at [this link](https://example.com/returns)."),
    )
    good_examples = (
        Example.of(acknowledgment="I'm sorry the parcel arrived broken.",
                   solution="I'll refund you today, and you can [start your return](https://example.com/returns) "
                            "whenever suits you."),
    )

    def check(self, message: Message, ctx: RuleContext) -> Iterable[Finding]:
        text = message.text
        if message.channel == "phone" or "](" not in text:
            return
        for m in LINK.finditer(text):
            said = " ".join(m.group(1).lower().strip(" .:!*_").split())
            if said in _VAGUE_LINK_TEXT:
                yield Finding(m.start(), m.end(), f"the link's text, '{m.group(1)}', does not say where it goes",
                              "Put the link on the words that say what it does: '[start your return](...)', "
                              "'[see your order](...)'.")


# Emoji in a row (SK109): a screen reader reads each one's name, "folded hands folded hands folded hands"; an emoji
# sequence ("👩‍💻", "👍🏽", "❤️") is one
_EMOJI_IN_A_ROW = re.compile(f"{ONE_EMOJI}(?:[ \\t]*+{ONE_EMOJI})++")
_AN_EMOJI = re.compile(ONE_EMOJI)


@register
class EmojiRun(Rule):
    """Emoji in a row, which a screen reader reads out one name after another.

    ## What it does
    Reports a run of `max_run` + 1 or more emoji or pictographs in a row, spaces between them or
    not ("🙏🙏🙏", "🎉 🎉 🎉", "★★★★★"). An emoji built of several (a skin tone, "👍🏽", a joined one,
    "👩‍💻", a heart, "❤️") counts as one. One or two emoji pass. Phone scripts are SK106's (no emoji
    can be said at all).

    ## Why it matters
    A screen reader says each emoji's name: "🙏🙏🙏" is read as "folded hands, folded hands, folded
    hands", and "★★★★★" as five "black star"s, in the middle of the reply. A reader in a second
    language, or with a cognitive disability, has to guess what a row of pictures means. One emoji
    at the end of a line can carry warmth; a row of them is noise to many readers.

    ## Example
    ```
    Your refund is on its way 🎉🎉🎉
    ```

    ## Use instead
    ```
    Good news: your refund is on its way 🎉
    ```

    ## Options
    - `max_run` (integer, default 2): the most emoji in a row that pass.

    ## Fix safety
    No automatic fix: which emoji to keep, if any, is the writer's choice.
    """

    code = "SK109"
    name = "emoji-run"
    severity = Severity.SUGGESTION
    reads_alternatives = True
    options: ClassVar[Mapping[str, Any]] = {"max_run": 2}
    bad_examples = (
        Example.of(channel="chat", acknowledgment="I'm sorry the parcel arrived broken.",
                   solution="I've sent a new one today, and it'll be with you by Friday 🙏🙏🙏"),
        Example(scripts=({"acknowledgment": "I'm sorry the parcel arrived broken.",
                          "solution": "I've sent a new one today 🎉, and it'll be with you by Friday 👍🏽 😊"},),
                channel="chat", options={"max_run": 1}),
    )
    good_examples = (
        Example.of(channel="chat", acknowledgment="I'm sorry the parcel arrived broken 😔",
                   solution="I've sent a new one today, and it'll be with you by Friday 👍🏽😊"),
    )

    def check(self, message: Message, ctx: RuleContext) -> Iterable[Finding]:
        text = message.text
        if message.channel == "phone" or text.isascii():
            return
        most = options.integer(type(self), ctx, "max_run", 1)
        for m in _EMOJI_IN_A_ROW.finditer(text):
            n = len(_AN_EMOJI.findall(m.group()))
            if n > most:
                yield Finding(m.start(), m.end(), f"{n} emoji in a row: a screen reader reads out each one's name",
                              "Keep one, or say it in words (\"Good news:\", \"Thank you so much\").")


def _length(count: int, limit: int, turn: tuple[int, int] | None = None) -> dict[str, str]:
    """A length finding's facts (``Diagnostic.extra``): the reply's length and the limit it is over (or, for a
    short email, the least it is under), for the audit's cost of how far over a reply runs; and the part
    measured when it is one ``turn`` of a transcript, not the reply."""
    return {"count": str(count), "limit": str(limit), **({PART: "turn"} if turn else {})}


__all__ = ["AmbiguousDate", "EmailLength", "EmojiRun", "HighGradeLevel", "LongSentence", "LowReadingEase",
           "TooLongForChannel", "UnspeakableOnPhone", "VagueLinkText",
           "body_span", "neutral_text", "sample_between", "sample_text", "sms_length", "word_count",
           "x_length"]
