"""Template hygiene (SK0xx): placeholders that can render blank, unused constants and blanks,
identical or near-identical scripts.

Most of these rules look at the pack rather than at one message, so they implement
``check_pack`` and locate their diagnostics through the scripts' and the pack's origins.
Template references are found with one regex over the ``{{ }}``/``{% %}`` parts of each
template (parsing every template with Jinja again would cost more than the rest of a lint).
"""

from __future__ import annotations

import heapq
import html
import math
import random
import re
import struct
import unicodedata
import zlib
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from functools import lru_cache
from itertools import chain, groupby, pairwise, repeat
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, NamedTuple

from scriptkit.diagnostics import Diagnostic, Edit, Fix, Location, Severity
from scriptkit.language import base_language, language_of, name_of, written_language
from scriptkit.message import LATIN_LETTER, UNSEEN, Message, Placeholder, Text, reply_turns
from scriptkit.placeholders import DEFAULT_CATALOGUE, Catalogue, PlaceholderSpec, fallback_word
from scriptkit.rules import options
from scriptkit.rules.base import Example, Finding, Rule, RuleContext, register
from scriptkit.rules.lexicon import tokenise
from scriptkit.sourcetext import scalar_offsets
from scriptkit.text import (
    DIRECTION_CONTROLS,
    EMAIL,
    SPACELESS,
    named_as_a_copy,
    sentence_spans,
    title_key,
    trimmed,
    unsafe_address,
)

if TYPE_CHECKING:  # (the pack models load pydantic, and rendering jinja2: `review` of one reply needs neither)
    from scriptkit.models import Origin, Pack, Script

_EXPR = re.compile(r"\{\{(.*?)\}\}|\{%(.*?)%\}", re.S)
_STRING = re.compile(r"'[^']*'|\"[^\"]*\"")
_NAME = re.compile(r"(?<![\w.])([A-Za-z_]\w*)")
_BLANK_REF = re.compile(r"\bblank\s*(?:\.\s*([A-Za-z_]\w*)|\[\s*['\"]([A-Za-z_]\w*)['\"]\s*\])")
_SENTENCE_START = re.compile(r"(?:^|[.!?:]\s+|\n\s*)$")
_PUNCT_AFTER = re.compile(r"^[,.!?;:]")


def _expressions(template: str) -> Iterator[str]:
    if "{" not in template:
        return
    for m in _EXPR.finditer(template):
        yield m.group(1) if m.group(1) is not None else m.group(2)


def names_used(template: str) -> set[str]:
    """Bare names a template reads (constants, namespaces); string literals are ignored."""
    found: set[str] = set()
    for expr in _expressions(template):
        found.update(_NAME.findall(_STRING.sub("", expr)))
    return found


def blanks_used(template: str) -> set[str]:
    found: set[str] = set()
    for expr in _expressions(template):
        for m in _BLANK_REF.finditer(expr):
            found.add(m.group(1) or m.group(2))
    return found


def _catalogue(ctx: RuleContext) -> Catalogue:
    return ctx.pack.catalogue if ctx.pack is not None and ctx.pack.meta.placeholders else DEFAULT_CATALOGUE


def _wanted(pack: Pack, messages: list[Message]) -> list[Script]:
    ids = {m.script_id for m in messages}
    return [s for s in pack.scripts if s.id in ids]


def _script_loc(script: Script, path: tuple[str | int, ...], key: bool = False) -> Location:
    return script.origin.location(path, key=key) if script.origin else Location(script.file, 1, 1)


def _blank_reads_badly(text: str, start: int, end: int, slot: str, name: str) -> str | None:
    """Why a placeholder rendering empty at ``text[start:end]`` would read badly, or None."""
    if slot == "greeting":
        return "in the greeting"
    if _AFTER_LABEL.search(text, max(0, start - 40), start):  # ("Status: {{ ticket.subject }}.", "Name:  {{ ... }}")
        return "after a colon"
    if _alone_on_its_line(text, start, end):  # ("Here is the link:\n{{ ticket.reset_link }}")
        return "on a line of its own"
    if "name" in name and _PUNCT_AFTER.match(text[end:end + 1]):  # "Thanks , I..." (names are often missing)
        return f"before '{text[end]}'"
    if _SENTENCE_START.search(text[max(0, start - 3):start]) or start == 0:
        return "at the start of a sentence"
    return None


_AFTER_LABEL = re.compile(r"\w:[ \t]+$")  # (a label's colon on the same line: "Status: ", not a line's start)


def _alone_on_its_line(text: str, start: int, end: int) -> bool:
    line_end = text.find("\n", end)
    return not text[text.rfind("\n", 0, start) + 1:start].strip() \
        and not text[end:len(text) if line_end < 0 else line_end].strip()


_SENTENCE_END = re.compile(r"[.!?](?=\s|$)|\n")
_WRITTEN_PLACEHOLDER = re.compile(r"\{\{([^{}\s]+)\}\}")
_SHOWN = 90  # characters of a sentence quoted in a finding, at most


def _sentence_around(text: str, a: int, b: int) -> tuple[int, int]:
    """The sentence of ``text`` holding ``[a, b)``: from after the last sentence end before it to its own end."""
    start = max(0, a - 400)  # (a sentence of its own is shown at most so far back: linear in a long run)
    for m in _SENTENCE_END.finditer(text, start, a):
        start = m.end()
    stop = _SENTENCE_END.search(text, b, b + 400)
    end = (stop.end() if stop.group() != "\n" else stop.start()) if stop else min(len(text), b + 400)
    while start < a and text[start].isspace():
        start += 1
    return start, end


def _as_written(text: str) -> str:
    """Text of ``Message.text`` as the writer writes it: placeholders as '{{ name }}'."""
    return _WRITTEN_PLACEHOLDER.sub(r"{{ \1 }}", " ".join(text.split()))


def _written(message: Message, start: int, end: int) -> str:
    """``message.text[start:end]`` as the writer wrote it, for a quote: a placeholder with its fallback
    ("{{ order.carrier | fallback('Our courier') }}"), so a quote never drops one the writer gave."""
    text = message.text
    parts: list[str] = []
    for a, b, seg in message.spans_over(start, end):
        if isinstance(seg, Placeholder) and seg.fallback is not None and start <= a and b <= end:
            quote = '"' if "'" in seg.fallback else "'"
            parts.append(f"{{{{ {seg.name} | fallback({quote}{seg.fallback}{quote}) }}}}")
        else:
            parts.append(text[max(a, start):min(b, end)])
    return "".join(parts)


def _slot_sentence(message: Message, a: int, b: int, slot: str) -> tuple[int, int]:
    """The sentence around ``[a, b)`` within its ``slot``: an example to paste there holds none of the
    layout's greeting ("Hi {{ customer.first_name }}, I know..." pasted in the slot greets twice)."""
    start, end = _sentence_around(message.text, a, b)
    bounds = message.slot_bounds(slot)
    return (max(start, bounds[0]), min(end, bounds[1])) if bounds else (start, end)


def _quoted(text: str, at: int) -> str:
    """``text``, cut to about ``_SHOWN`` characters around ``at`` with '...'."""
    if len(text) <= _SHOWN:
        return text
    first = max(0, at - _SHOWN // 2)
    last = min(len(text), first + _SHOWN)
    # (a placeholder is shown whole, its fallback too: "...ur courier') }}" shows neither)
    if (opened := text.rfind("{{", 0, first)) > text.rfind("}}", 0, first):
        first = opened
    if text.rfind("{{", 0, last) > text.rfind("}}", 0, last) and (closed := text.find("}}", last - 1)) >= 0:
        last = closed + 2
    return ("..." if first else "") + text[first:last] + ("..." if last < len(text) else "")


def _without_it(message: Message, a: int, b: int, name: str, why: str, spec: PlaceholderSpec,
                empty: bool = False) -> str:
    """What the finding says: where the placeholder is (``empty``: its fallback is blank), and what the customer
    reads where it is empty."""
    text = message.text
    start, end = _sentence_around(text, a, b)
    before = _written(message, start, a)
    read = _quoted(_as_written(before + _written(message, b, end)), len(before))
    what = spec.description[0].lower() + spec.description[1:] if spec.description.startswith("The ") else name
    has = "has an empty fallback" if empty else "has no fallback"
    if why == "on a line of its own":  # (its sentence is itself: "reads ''" tells the writer nothing)
        shown = _as_written(_written(message, 0, a).rstrip().rsplit("\n", 1)[-1])
        seen = f"shows '{_quoted(shown, len(shown)).strip()}' and then" if shown.strip() else "shows"
        return f"{name} {has} {why}: if {what} is missing, the reply {seen} an empty line"
    return f"{name} {has} {why}: if {what} is missing, the reply reads '{read.strip()}'"


# a greeting word right before the placeholder, at a sentence's start: "Hi {{ customer.first_name }},"
_GREETED = re.compile(r"(?:^|[.!?\n]\s*)(?:hi|hello|hey|hiya|good (?:morning|afternoon|evening))\s+$", re.IGNORECASE)
_VOCATIVE_BEFORE = re.compile(r",?\s*$")
_DEAR = re.compile(r"(?:^|[.!?\n]\s*)dear\s+$", re.IGNORECASE)  # "Dear {{ customer.first_name }},"
_VOCATIVE_AFTER = re.compile(r"^,\s*")
# the words left hanging when the placeholder that ended its clause goes: "Assigned to Sam in {{ group }}." is
# "Assigned to Sam.", not "Assigned to Sam in."
_DANGLING = re.compile(r"(?:\s+(?:in|on|at|to|for|from|with|by|of|about|into|via|the|a|an|your|our|my|their|his|her))+"
                       r"\s*$", re.IGNORECASE)


def _left_out(message: Message, a: int, b: int, slot: str) -> str:
    """The sentence around ``[a, b)`` in its slot without the placeholder and the comma or space that set it apart:
    'Thanks so much for your patience.', 'I can see how frustrating this is.'."""
    start, end = _slot_sentence(message, a, b, slot)
    before, after = _written(message, start, a), _written(message, b, end)
    if before.strip():
        before = _VOCATIVE_BEFORE.sub("", before)
        if _PUNCT_AFTER.match(after) and (kept := _DANGLING.sub("", before)).strip():
            before = kept
        if not _PUNCT_AFTER.match(after) and after[:1] not in ("", " "):
            before += " "
    else:
        after = _VOCATIVE_AFTER.sub("", after).lstrip()
        after = after[:1].upper() + after[1:]
    return _as_written(before + after)


def _advice(message: Message, a: int, b: int, slot: str, name: str, why: str, spec: PlaceholderSpec,
            language: str = "en") -> str:
    """How to write the placeholder so the reply reads without it, for where it is: a fallback word in
    the greeting; a sentence reworded, or a fallback that reads there, elsewhere. In a pack in another
    ``language``, the fallback is the writer's to word ('...'): the catalogue's words are English."""
    text = message.text
    word = fallback_word(spec, name)
    english = language == "en"
    own = "" if english else f" in {name_of(language)}"
    if english and _DEAR.search(text, max(0, a - 12), a):  # ("Dear there," and "Dear," read as slips)
        hi = f"Hi {{{{ {name} | fallback('{word}') }}}}," if word else "Hello,"
        return (f"Greet with '{hi}' instead: no fallback reads after 'Dear' ('Dear there,'), and "
                "'Dear customer,' reads as a form letter.")
    if why == "in the greeting" or (word and _GREETED.search(text, max(0, a - 20), a)):  # ("Hi {{ name }},")
        if word and english:
            return f"Add one: {{{{ {name} | fallback('{word}') }}}}."
        if word:
            return f"Add one, words{own} that read in its place: {{{{ {name} | fallback('...') }}}}."
        return "Greet without it, or add a fallback that reads in its place."
    if why == "on a line of its own":
        return (f"Add a fallback{own} that reads on a line of its own, {{{{ {name} | fallback('...') }}}} (for a "
                "link, a page that always works), or reword the line before so the reply reads without it.")
    if why == "after a colon":  # (the label stays, so nothing reworded reads: the value is what is wanted there)
        label = _quoted(_as_written(_written(message, _slot_sentence(message, a, b, slot)[0], a)).strip(), 0)
        # ("there" reads after "Hi", not a label)
        after = word if word and word.lower() != "there" and english else "..."
        return (f"Add a fallback{own} that reads after '{label}': {{{{ {name} | fallback('{after}') }}}}, or "
                "reword so the sentence reads without it.")
    vocative = _PUNCT_AFTER.match(text[b:b + 1]) is not None  # ("Thanks, Maya." / "Maya, I can see...")
    if vocative:
        shown = _quoted(_left_out(message, a, b, slot), 0)
        opener = (f"Add a fallback{own} that opens the sentence ({{{{ {name} | fallback("
                  f"'{'Hello' if english else '...'}') }}}}), or reword"
                  if _slot_sentence(message, a, b, slot)[0] == a and text[b:b + 1] == "," and word else "Reword")
        gap = "a missing name leaves no gap" if "name" in name else "the sentence reads without it"
        return f"{opener} so {gap}, e.g. '{shown}'"
    if spec.called and not english:
        return (f"Start the sentence with words{own} that say what it is, or add a fallback that starts a "
                f"sentence: {{{{ {name} | fallback('...') }}}}.")
    if spec.called:
        start, end = _slot_sentence(message, a, b, slot)
        called = spec.called[0].upper() + spec.called[1:] if start == a else spec.called
        reworded = _quoted(_as_written(_written(message, start, a) + f"{called} " + _written(message, a, end)), 0)
        return (f"Start the sentence with words that say what it is, e.g. '{reworded}', or add a fallback that "
                f"starts a sentence: {{{{ {name} | fallback('{called}') }}}}.")
    return (f"Start the sentence with words of its own, so it reads without {{{{ {name} }}}}, or add a fallback "
            "that reads in its place at the start of a sentence.")


# fallbacks that address the customer, as a greeting does ("Hi there,", "Hello friend!"): after any other word they
# read as a slip ("I'm sorry the jacket doesn't fit, there.")
_GREETING_FALLBACKS = frozenset({"there", "friend", "my friend", "customer", "valued customer", "dear customer",
                                 "everyone", "folks", "you", "there friend"})


def _greeting_word_astray(message: Message, a: int, b: int, seg: Placeholder) -> str | None:
    """The fallback of ``seg``, at ``[a, b)``, where it is a word that reads only after a greeting ("there") and
    stands elsewhere; else None."""
    word = seg.fallback
    if word is None or " ".join(word.lower().split()) not in _GREETING_FALLBACKS or seg.slot == "greeting":
        return None
    text = message.text
    if _GREETED.search(text, max(0, a - 20), a) or _DEAR.search(text, max(0, a - 12), a):
        return None
    return word


def _greeting_word_found(message: Message, a: int, b: int, seg: Placeholder, word: str) -> Finding:
    start, end = _slot_sentence(message, a, b, seg.slot)  # (the same on every channel, whatever its greeting)
    before = _written(message, start, a)
    read = _quoted(_as_written(before + word + _written(message, b, end)), len(before)).strip()
    return Finding(a, b, f"{seg.name}'s fallback '{word}' reads only after a greeting word such as 'Hi': if the "
                         f"name is missing, the reply reads '{read}'",
                   f"Leave the name out of this sentence, so it reads the same either way, e.g. "
                   f"'{_quoted(_left_out(message, a, b, seg.slot), 0)}', or keep '{word}' for the greeting.")


def _language_said(ctx: RuleContext) -> str:
    """The language the replies are written in, as their locale says: English where none is said."""
    return base_language(ctx.locale) if ctx.locale else "en"


@register
class PlaceholderWithoutFallback(Rule):
    """A placeholder that can be empty has no fallback where an empty value would read badly.

    ## What it does
    Flags placeholders that the catalogue marks as possibly blank (a requester with no first
    name, a ticket with no order number) and that have no `fallback(...)`, or an empty one
    (`fallback('')`, as Help Scout's `fallback=` imports), where a blank reads badly: in the
    greeting, at the start of a sentence, after a label's colon ("Status: {{ ticket.subject }}."),
    on a line of its own (a link under "Here is the link:"), or (for names, the value most often
    missing) right before punctuation. A fallback that only a greeting reads ("there", "friend",
    "customer") is flagged outside a greeting: "I'm sorry the jacket doesn't fit, {{ customer.first_name
    | fallback('there') }}." reads "...doesn't fit, there." without a name.
    Layout greetings and sign-offs are checked once per channel. The finding quotes what the
    customer would read with the value missing ("Thanks so much for your patience, ."), and the
    suggestion fits the place: a fallback word in the greeting (`fallback('there')` for a name;
    after "Dear", where none reads, "Hi" and the name with its fallback),
    the sentence reworded so a missing name leaves no gap, or words before the value that say
    what it is ("Your order {{ order.number }} is on its way"). In a pack whose `locale` is not
    English, the fallback's words are left for the writer to write in its language
    (`fallback('...')`).

    ## Why it matters
    "Hi ," is the first thing the customer reads, and it tells them no person looked at the
    reply.

    ## Example
    `greeting: "Hi {{ customer.first_name }},"`

    ## Use instead
    `greeting: "Hi {{ customer.first_name | fallback('there') }},"`, and in a sentence, words
    that read without the value: "Thanks so much for your patience." rather than "...patience,
    {{ customer.first_name }}.", "Your order {{ order.number }} is back in stock" rather than
    "{{ order.number }} is back in stock".

    ## Options
    None.

    ## Fix safety
    No automatic fix: the right fallback word depends on the sentence.
    """

    code = "SK001"
    name = "placeholder-without-fallback"
    bad_examples = (Example.of(acknowledgment="{{ customer.first_name }}, I can see how frustrating this is.",
                               solution="I'll send a replacement today."),)
    good_examples = (Example.of(
        acknowledgment="{{ customer.first_name | fallback('Hello') }}, I can see how frustrating this is.",
        solution="I'll send a replacement to {{ customer.first_name }} today."),)

    def check(self, message: Message, ctx: RuleContext) -> Iterable[Finding]:
        if not any(isinstance(seg, Placeholder) and (seg.may_read_blank or seg.fallback) for seg in message.segments):
            return
        yield from self._findings(message, _catalogue(ctx), layout=False, language=_language_said(ctx))

    def _findings(self, message: Message, catalogue: Catalogue, layout: bool, language: str) -> Iterator[Finding]:
        text = message.text
        for a, b, seg in message.spans():
            if not isinstance(seg, Placeholder) or (seg.slot in ("greeting", "signoff")) != layout:
                continue
            if not seg.may_read_blank:
                if language == "en" and (word := _greeting_word_astray(message, a, b, seg)) is not None:
                    yield _greeting_word_found(message, a, b, seg, word)
                continue
            spec = catalogue.get(seg.name)
            if spec is None or not spec.can_be_blank:
                continue
            why = _blank_reads_badly(text, a, b, seg.slot, seg.name)
            if why:
                yield Finding(a, b, _without_it(message, a, b, seg.name, why, spec, seg.fallback is not None),
                              _advice(message, a, b, seg.slot, seg.name, why, spec, language))

    def check_pack(self, pack: Pack, messages: list[Message], ctx: RuleContext) -> Iterable[Diagnostic]:
        catalogue = _catalogue(ctx)
        seen: set[str] = set()
        for message in messages:  # the layout is the same for every script of a channel
            if message.channel in seen:
                continue
            seen.add(message.channel)
            for f in self._findings(message, catalogue, layout=True, language=_language_said(ctx)):
                location, slot = message.locate(f.start)
                yield Diagnostic(self.code, self.name, f.message, self.severity, location, slot=slot,
                                 text=message.text[f.start:f.end], suggestion=f.suggestion,
                                 channel=message.channel)


_SMS_GREETING = {"channels": {"sms": {"greeting": "Hi {{ customer.first_name | fallback('there') }},"}}}
_FIRST_WORD = re.compile(r"\W*([\w'’-]+)")
_PRONOUN_I = frozenset({"I", "I'm", "I’m", "I've", "I’ve", "I'll", "I’ll", "I'd", "I’d"})
# German writes every noun and the polite "Sie", "Ihr", "Ihnen" with a capital, so after "Hallo Maya," a capital is
# wrong only on a word German writes small: the common first words of a reply that are no noun (a capital on any
# other may be a noun's: "Hallo Maya, Ihr Paket ist unterwegs", "Hallo Maya, Paketverzögerungen sind ärgerlich")
_GERMAN_SMALL_WORDS = (
    "es ich wir du er man das der die den dem des dies diese dieser dieses ein eine einen einem einer kein keine "
    "mein meine meinen unser unsere unseren unserem leider gerne gern danke vielen herzlichen herzlich besten "
    "schön schade toll super prima klasse bitte wie was wann wo warum wieso hier da dort jetzt nun also ja nein "
    "natürlich selbstverständlich klar gut okay ok sicher vielleicht kurz gleich sofort heute morgen gestern "
    "bereits schon noch auch gerade zunächst zuerst dann sehr vielmals willkommen entschuldigen entschuldige "
    "mit für bei nach vor zu zum zur in im am an auf aus um über unter wegen seit sobald wenn dass ob weil "
    "und aber oder denn sondern tut tut's habe haben hat ist sind war kann können könnten würden wird werden"
)
_GERMAN_SMALL = frozenset(_GERMAN_SMALL_WORDS.split())


@register
class GreetingRunOn(Rule):
    """A greeting that ends with a comma runs on into a reply that starts with a capital.

    ## What it does
    On a channel whose greeting ends with a comma and whose parts are joined by a space (chat,
    SMS, phone and social join with a space unless the layout's `separator` says otherwise),
    reads the first word after the greeting in every reply. Where it starts with a capital
    (other than "I"), the customer reads "Hi Maya, Waiting on a parcel is...". One finding per
    channel, on its greeting, with the number of replies and the first of them. In a German pack
    (`locale: de-DE`, `de-AT`...), where nouns and the polite "Sie" and "Ihr" are written with a
    capital, only a word German writes small is reported ("Hallo Maya, Es tut mir leid", "Hallo
    Maya, Leider ..."; not "Hallo Maya, Ihr Paket ist unterwegs").

    ## Why it matters
    A capital after a comma shows the seam between a greeting and a pasted reply: it reads
    like a form letter at the very first line.

    ## Example
    An SMS layout with `greeting: "Hi {{ customer.first_name | fallback('there') }},"` before
    "Waiting on a late parcel is frustrating, I know."

    ## Use instead
    End the greeting as a sentence (`"Hi {{ customer.first_name | fallback('there') }}!"`), or
    put the reply on a line of its own (`separator: "\\n"`). Lower-casing the slot instead would
    break the email, where the same text starts a paragraph.

    ## Options
    None.

    ## Fix safety
    No automatic fix: the greeting is shared by every script of the channel.
    """

    code = "SK005"
    name = "greeting-run-on"
    bad_examples = (Example(scripts=({"acknowledgment": "Waiting on a late parcel is frustrating, I know.",
                                      "solution": "I'll text you the tracking link today."},),
                            channel="sms", pack=_SMS_GREETING),)
    good_examples = (Example(scripts=({"acknowledgment": "I know waiting on a late parcel is frustrating.",
                                       "solution": "I'll text you the tracking link today."},),
                             channel="sms", pack=_SMS_GREETING),)

    def check_pack(self, pack: Pack, messages: list[Message], ctx: RuleContext) -> Iterable[Diagnostic]:
        from scriptkit.models import CHANNELS

        layouts = {channel: pack.meta.layout(channel) for channel in CHANNELS}
        run_on = {channel for channel, layout in layouts.items()  # (most packs: none, and no message is read)
                  if layout.greeting and layout.greeting.rstrip().endswith(",") and "\n" not in layout.joiner(channel)}
        if not run_on:
            return
        found: dict[str, list[tuple[Message, int, int]]] = {}
        german = base_language(pack.meta.locale) == "de"
        for message in messages:
            if message.channel in run_on:
                word = _word_after_greeting(message, german)
                if word is not None:
                    found.setdefault(message.channel, []).append((message, *word))
        for channel, hits in found.items():
            message, greeting, end = hits[0]
            location, _ = message.locate(greeting)
            shown = message.text[greeting:end]
            count = f"{len(hits)} repl{'y' if len(hits) == 1 else 'ies'}"
            yield Diagnostic(self.code, self.name,
                             f"the {channel} greeting ends with a comma and runs on into a capital: {count}, "
                             f"e.g. '{shown}...' ({message.script_id})", self.severity, location, slot="greeting",
                             text=shown, suggestion="End the greeting with '!' or '.', or set this channel's "
                             "separator to a line break.", channel=channel)


def _word_after_greeting(message: Message, german: bool = False) -> tuple[int, int] | None:
    """Where the greeting starts and the first word after it ends, when that word starts with a
    capital other than "I" (``german``: when it is a word German writes small, ``_GERMAN_SMALL``)."""
    greeting: int | None = None
    for a, _, seg in message.spans():
        if seg.slot == "greeting":
            greeting = a if greeting is None else greeting
        elif greeting is not None and seg.slot != "layout":
            m = _FIRST_WORD.match(message.text, a)
            if m is None or not m.group(1)[0].isupper() or (
                    m.group(1).lower() not in _GERMAN_SMALL if german else m.group(1) in _PRONOUN_I):
                return None
            return greeting, m.end(1)
    return None


# a typed "\\n" in a path ("C:\\new", "docs\\new\\guide", "\\\\n"): not meant as a line break
_TYPED_NEWLINE = re.compile(r"(?<!\\)\\n")
# one inside a run of letters ("for\\nbearing", "setting\\nobody"): sent as typed all the same, but a line break
# or a stray backslash before a word's "n" alike, so the writer mends it
_IN_A_WORD = re.compile(r"\w\\n[a-z]")
_PATH_MARK = re.compile(r":\\|\\[^n]")  # "C:\\", or a backslash before another letter ("\\new\\folder")
# the quotes a word processor or a document puts around a quotation, opening -> closing
_WRAPPING_QUOTES = {"\u201c": "\u201d", "\u201e": "\u201c", "\u00ab": "\u00bb", '"': '"'}
# a line of a text block that starts "# ": a YAML comment everywhere else, text inside "|" or ">"
# (a hashtag, "#1" or "#42 order" has no space after its "#"; "# of boxes: 2" and "# 4471" are the
# customer's, as helpdesk macros write a number)
_COMMENT_LINE = re.compile(r"^[ \t]*(#(?:[ \t]+(?!of\b|\d).*)?)$", re.MULTILINE | re.IGNORECASE)


@register
class TextArtifact(Rule):
    """Characters meant for the editor reach the customer: a typed `\\n`, quotes around a whole slot, a `#` note.

    ## What it does
    Finds ten slips that look fine in the YAML and reach the customer, or the helpdesk, as typed:

    - a `\\n` typed in plain, single-quoted or block text, where YAML keeps it as a backslash
      and an "n" (only double-quoted YAML turns it into a line break);
    - a slot wrapped entirely in quotes (`“I'm so sorry…”`), pasted from a document: the
      customer sees the quotes, as if the reply quoted someone else; so too a channel's
      `greeting` or `signoff` in pack.yaml, or a constant (`status_page: “status.example.com”`),
      which every reply using it shows (said once, where pack.yaml has it);
    - a name the export gives the helpdesk wrapped in quotes: a title or one of its `::` parts
      (`title: “Orders::Late parcel”`), a `category` setting or a `folders` name under `export:`.
      Every export keeps them: the macro is filed under the category `“Orders`;
    - a line starting with `# ` inside a text block (`solution: |`): a YAML comment anywhere
      else, but inside a block it is part of the text, so a note to colleagues is sent too;
    - Markdown bold (`**free return label**`, `__today__`): the exports make links and lists of a
      slot's Markdown, not bold text, so every helpdesk shows the asterisks or underscores;
    - Markdown emphasis (`*promise*`, `_tomorrow_`): no italic text either, so the same. Only marks
      around words as Markdown reads them: `5 * 3`, `2*4`, a footnote's `*` (`delivery*`,
      `*Excludes gift cards.`), a `* ` list bullet, `snake_case_names`, `file_names.txt`, a `_` in an
      address (`https://example.com/_drafts_/`, `sam_lee@example.com`) and emoticons (`*_*`, `-_-`,
      `^_^`) are left alone;
    - an autolink (`<https://example.com/help>`, `<mailto:help@example.com>`, `<help@example.com>`):
      the exports read a link written `[text](address)`, so every helpdesk shows the angle brackets
      (an HTML one as `&lt;...&gt;`). Angle text that is no address (`<before>`, `<Enter>`) is left
      alone;
    - a link whose address has a space (`[our team](mailto:help@example.com?subject=Stop my plan)`):
      as in Markdown, it is no link, so every helpdesk shows the brackets and the address. Write
      each space as `%20`, or the address in angle brackets, `[our team](<mailto:...?subject=Stop my plan>)`,
      which every export makes a link (its spaces written `%20` in the href);
    - a Jinja tag on its own line (`{% if open_today %}`) that leaves two spaces in the reply (a
      folded block, `>`) or a blank line where one line break was typed (a literal block, `|`):
      the tag's line is gone, its line breaks are not. Reported at the tag, only where the text
      has them; a blank line typed beside the tag is the writer's, only one the tag adds is reported;
    - HTML written in the text: a character reference (`&amp;`, `&nbsp;`, `&#8217;`), often brought
      by an export that stored its replies HTML-escaped, or a tag (`<b>`, `<br>`, `</p>`,
      `<a href="...">`). A slot's text is sent as text (an HTML export escapes it again:
      `&amp;amp;`), so the customer reads the code.

    A `\\n` in a path (`C:\\new`, `docs\\new\\guide`) is left alone. One between two letters
    (`for\\nbearing with us`, `the setting\\nobody sees`) is reported with no fix: a line break
    and a stray backslash before a word's "n" read alike. A lone `&` or `<` (`Q&A`, `5 < 6`), a tag
    named in prose (`press the <b> key`, `wrap it in <p> tags`) and code in backticks (`` `&amp;` ``)
    are left alone.

    ## Why it matters
    "Thanks!\\nSam" or a reply in quotation marks tells the customer a template was pasted
    without anyone reading it; "# check the refund window with Sam" tells them more than that.

    ## Example
    ```
    title: “Orders::Late parcel”
    acknowledgment: "“I can see how frustrating the wait has been.”"
    solution: |
      I'll send the tracking link today.\\nThanks for your patience!
      # check the refund window with Sam
      Clear your cache &amp; cookies, or read <a href="https://example.com/help">our guide</a>.
    ```

    ## Use instead
    ```
    title: "Orders::Late parcel"
    acknowledgment: "I can see how frustrating the wait has been."
    # check the refund window with Sam
    solution: |
      I'll send the tracking link today.
      Thanks for your patience!
      Clear your cache & cookies, or read [our guide](https://example.com/help).
    ```
    A block (`solution: |`) keeps the lines as typed, and in double quotes `\\n` is a line
    break. A `#` line above a key, outside any text, stays a comment. A tag on its own line
    written `{%- if open_today %}` trims the line break before it, so it leaves nothing.

    ## Options
    None.

    ## Fix safety
    Safe: the quotes around a slot, a greeting, a sign-off, a constant, a title or a setting are
    deleted, a bold's or an emphasis's marks are deleted (underscores around one word, which may be
    a name in code such as `__pycache__`, are reported with no fix; an autolink too: a fix makes
    no link, the suggestion writes it `[address](address)`), and a `\\n` becomes the line break it
    was meant to be, written as the YAML around it needs (a blank line in quoted text). A
    character reference becomes its character (`&nbsp;` a space), a `<br>` a line break, and tags
    that only style words (`<b>`, `<em>`, `<span>`) are deleted around them; a link (the fix
    makes none: its suggestion writes it as `[text](address)`), a paragraph's tag and an invisible
    character's reference (`&#8203;`) are reported with no fix, as is a link's address with a space.
    Quotes around a slot with placeholders, on several lines or with escapes in the YAML
    (`'I''ll'`), around a `folders` name (a key), or around a value of pack.yaml on several lines
    or that YAML would read otherwise without them (`“{{ agent.first_name }} here”`), are
    reported with no fix, as is a `#` line:
    only the writer knows where that note belongs. So is a tag's line: which side to trim
    depends on the text around it.
    """

    code = "SK007"
    name = "text-artifact"
    fix_safe = True
    reads_alternatives = True
    bad_examples = (
        Example.of(acknowledgment="\u201cI can see how frustrating the wait has been.\u201d",
                   solution="I'll send the tracking link today."),
        Example.of(acknowledgment="I can see how frustrating the wait has been.",
                   solution="I'll send the tracking link today.\\nThanks for your patience!"),
        Example.of(acknowledgment="I can see how frustrating the wait has been.",
                   solution="I'll send the tracking link today.\n# check the refund window with Sam"),
        Example.of(title="\u201cOrders::Late parcel\u201d",
                   acknowledgment="I can see how frustrating the wait has been.",
                   solution="I'll send the tracking link today."),
        Example.of(acknowledgment="I can see how frustrating the wait has been.",
                   solution="I'll send the **tracking link** today."),
        Example.of(acknowledgment="I can see how frustrating the wait has been.",
                   solution="I'll send the tracking link _today_, *promise*."),
        Example.of(acknowledgment="I can see how frustrating the wait has been.",
                   solution="The tracking link is on <https://example.com/track>."),
        Example.of(acknowledgment="I can see how frustrating the wait has been.",
                   solution="Clear your cache &amp; cookies, then I'll send the <b>tracking link</b> today."),
        Example.of(acknowledgment="I can see how frustrating the wait has been.",
                   solution="I'll send the tracking link today, or [write to us](mailto:help@example.com?subject=Late "
                            "parcel)."),
    )
    good_examples = (
        Example.of(acknowledgment="I can see how frustrating the wait has been.",
                   solution="I'll send the tracking link today.\nThanks for your patience!"),
        Example.of(title="Orders::The \u201cdelivered\u201d parcel that never came",
                   acknowledgment="You wrote \u201cstill waiting\u201d, and I can see how frustrating that is.",
                   solution="I'll send the tracking link today."),
        Example.of(acknowledgment="I can see how frustrating the wait has been.",
                   solution="Order #4471 left our warehouse today.\n#1 on my list: the tracking link, by noon."),
        Example.of(acknowledgment="I can see how frustrating the wait has been.",
                   solution="Our Q&A page has the tracking link: press the <b> key, then type 5 < 6 to search."),
        Example.of(acknowledgment="I can see how frustrating the wait has been.",
                   solution="Free delivery* on orders of 5 * 3 boxes. Open tracking_link.txt at "
                            "https://example.com/_track_/ and press <Enter> :-_-: *Excludes gift cards."),
        Example.of(acknowledgment="I can see how frustrating the wait has been.",
                   solution="I'll send the tracking link today, or [write to us](<mailto:help@example.com?subject=Late "
                            "parcel>) [sic](see below)."),
    )

    def check(self, message: Message, ctx: RuleContext) -> Iterable[Finding]:
        text = message.text
        if "\\n" in text:
            yield from _typed_newlines(text)
        if any(q in text for q in _WRAPPING_QUOTES):
            yield from _wrapped_slots(message)
        if "#" in text and message.file.endswith((".yaml", ".yml")):  # (free text may hold a Markdown heading)
            yield from _comment_lines(message)
        # (a pasted reply may have been sent where Markdown renders, a chat: a pack's text is scriptkit's to export)
        if ("**" in text or "__" in text) and message.file.endswith((".yaml", ".yml")):
            yield from _markdown_bold(message)
        if ("*" in text or "_" in text) and message.file.endswith((".yaml", ".yml")):
            yield from _markdown_emphasis(message)
        if "<" in text and message.file.endswith((".yaml", ".yml")):
            yield from _autolinks(message)
        if ("  " in text or "\n\n" in text) and message.file.endswith((".yaml", ".yml")):
            yield from _tag_line_gaps(message)
        if "&" in text or "<" in text:
            yield from _html_in_text(message)
        if "](" in text:
            yield from _spaced_addresses(text)

    def check_pack(self, pack: Pack, messages: list[Message], ctx: RuleContext) -> Iterable[Diagnostic]:
        """The names an export gives the helpdesk (a title, its categories, a category or folder setting):
        quotes pasted around one become part of the macro's name, category and folder."""
        wanted = {m.script_id for m in messages}
        for script in pack.scripts:
            if script.id in wanted:
                yield from self._quoted_names(script.origin, script.id, _exported_names(script.title, script.export))
        if pack.origin is not None and not pack.partial:
            yield from self._quoted_names(pack.origin, None, _exported_names(None, pack.meta.export))
        if pack.origin is not None:
            yield from self._quoted_values(pack, pack.origin, {m.channel for m in messages})

    def _quoted_values(self, pack: Pack, origin: Origin, channels: set[str]) -> Iterator[Diagnostic]:
        """A greeting or sign-off of a channel the replies are sent on, or a constant, wrapped whole in quotes in
        pack.yaml: every reply that uses it shows them (the message rules read a script's slots, not its frame)."""
        values: list[tuple[tuple[str | int, ...], str, str]] = [
            (("channels", channel, part), f"the {channel} {'greeting' if part == 'greeting' else 'sign-off'}", text)
            for channel, layout in pack.meta.channels.items() if channel in channels
            for part, text in (("greeting", layout.greeting), ("signoff", layout.signoff))]
        values += [(("constants", name), f"the constant '{name}'", text)
                   for name, text in pack.meta.constants.items() if isinstance(text, str)]
        source = origin.source
        for path, what, value in values:
            found = _wrapping_quotes(value, 0, len(value))
            if found is None:
                continue
            a, b = found
            start = origin.values.get(path)
            offsets = scalar_offsets(source.text, start, value) if start is not None else ()
            mapped = len(offsets) == len(value) and source.text[offsets[a]] == value[a] \
                and source.text[offsets[b - 1]] == value[b - 1]
            at = source.location(offsets[a]) if mapped else origin.location(path)
            # (a plain YAML value must still read the same without its quotes: "Hi," does, "{{ name }}, hi" or
            # "Note:" would not)
            plain = start is not None and source.text[start:start + 1] not in ("'", '"', "|", ">")
            fix = None
            if (mapped and source.text[offsets[a]:offsets[b - 1] + 1] == value[a:b]  # (as written: one line)
                    and (not plain or (value[a + 1].isalnum() and value[b - 2] != ":"))):
                fix = Fix(f"delete the quotes around {what}",
                          (Edit(source.path, offsets[a], offsets[b - 1] + 1, value[a + 1:b - 1]),))
            yield Diagnostic(self.code, self.name, f"{what} is wrapped in quotes ({value[a]}...{value[b - 1]}) that "
                             "every reply using it shows the customer", self.severity, at, text=value[a:b],
                             suggestion="Delete the quotes (a word processor adds them when the text is pasted); "
                                        "YAML needs none around a value.", fix=fix)

    def _quoted_names(self, origin: Origin | None, script_id: str | None,
                      names: Iterable[tuple[tuple[str | int, ...], bool, str]]) -> Iterator[Diagnostic]:
        if origin is None:
            return
        for path, is_key, value in names:
            found = _wrapped_name(value)
            if found is None:
                continue
            a, b = found
            what = ("the title" if path == ("title",) else f"the {path[1]} folder name '{value}'" if is_key
                    else f"the {path[1]} setting '{path[2]}'")
            source = origin.source
            start = origin.keys.get(path) if is_key else origin.values.get(path)
            offsets = scalar_offsets(source.text, start, value) if start is not None else ()
            at = source.location(offsets[a]) if len(offsets) == len(value) else origin.location(path, key=is_key)
            fix = None
            if len(offsets) == len(value) and not is_key and source.text[offsets[a]:offsets[b - 1] + 1] == value[a:b]:
                inner = value[a + 1:b - 1]
                fix = Fix(f"delete the quotes around '{inner}'",
                          (Edit(source.path, offsets[a], offsets[b - 1] + 1, inner),))
            yield Diagnostic(self.code, self.name, f"{what} is wrapped in quotes ({value[a]}...{value[b - 1]}), which "
                             f"the export keeps: {_named(path, value)}", self.severity, at, text=value[a:b],
                             script_id=script_id,
                             suggestion="Delete the quotes (a word processor adds them when the text is pasted); "
                                        "YAML needs none around a name.", fix=fix)


def _tag_line_gaps(message: Message) -> Iterator[Finding]:
    """A Jinja tag (or comment) between two runs of a slot's text that each bring a space, or each a line
    break, to the place it stood: a tag on its own line in a folded block (>) leaves two spaces in the
    reply, in a literal block (|) a blank line where one line break was typed. Only where the text has
    them: a '{%-' or '-%}' that trims its line leaves neither."""
    text = message.text
    for (_, joint, before), (_, _, after) in pairwise(message.spans()):
        if not (isinstance(before, Text) and isinstance(after, Text) and before.slot == after.slot):
            continue
        left, right = before.source, after.source
        if left is None or right is None or not (left.literal and right.literal and left.offsets
                                                 and right.offsets) or left.source is not right.source:
            continue
        source = left.source
        if source is None:
            continue
        gap_start, gap_end = left.offsets[-1] + 1, right.offsets[0]
        tag = min((at for opener in ("{%", "{#") if (at := source.text.find(opener, gap_start, gap_end)) >= 0),
                  default=-1)
        if tag < 0 or not _on_its_own_line(source.text, tag):
            continue  # (an inline tag, "put {% if x %}{{ id }}{% endif %} in", is the writer's spacing)
        a, b = joint, joint
        while a > 0 and text[a - 1] in " \t\n":
            a -= 1
        while b < len(text) and text[b] in " \t\n":
            b += 1
        close = source.text.find("}", tag + 2, gap_end)
        written = source.text[tag:close + 1 if close >= 0 else tag + 2]
        written = written if len(written) <= 40 else written[:37] + "..."
        where = source.location(tag)
        breaks_before, breaks_after = text.count("\n", a, joint), text.count("\n", joint, b)
        if not (breaks_before or breaks_after) and text[joint - 1] in " \t" and text[joint] in " \t":
            yield Finding(a, b, f"the tag {written} leaves two spaces in the reply: the line break before it and "
                                "the one after it each become a space",
                          suggestion="Write it as {%- ... %}: the '-' trims the space before the tag "
                                     "(see 'Tags on their own line' in the pack format)", location=where)
        elif text[joint - 1] == "\n" and text[joint] == "\n":
            # (a blank line the writer typed on one side stays: the '-' goes on the side that has none)
            side = ("{%- ... %}: the '-' trims the line break before the tag" if breaks_before == 1 else
                    "{% ... -%}: the '-' trims the line break after the tag")
            what = ("a second blank line" if breaks_before + breaks_after > 2 else
                    "a blank line where one line break was typed")
            yield Finding(a, b, f"the line of the tag {written} is left in the reply as {what}",
                          suggestion=f"Write it as {side} (see 'Tags on their own line' in the pack format)",
                          location=where)


def _on_its_own_line(source: str, tag: int) -> bool:
    """Whether the tag at ``tag`` has nothing but whitespace beside it on its line of the file."""
    start = source.rfind("\n", 0, tag) + 1
    close = min((at + 2 for closer in ("%}", "#}") if (at := source.find(closer, tag)) >= 0), default=len(source))
    end = source.find("\n", close)
    return not source[start:tag].strip() and not source[close:end if end >= 0 else len(source)].strip()


def _comment_lines(message: Message) -> Iterator[Finding]:
    slots = [(a, b) for a, b, seg in message.spans() if seg.slot not in ("layout", "greeting", "signoff")]
    for m in _COMMENT_LINE.finditer(message.text):
        a, b = m.span(1)
        if any(start <= a < end for start, end in slots):
            yield Finding(a, b, "a line starting with '#' reaches the customer as it is: inside a text block "
                                "(|), YAML keeps a comment as text",
                          suggestion="If it is a note for colleagues, move it above the slot's key, where it stays "
                                     "a comment, or into flexibility guidance; if it is for the customer, start the "
                                     "line without the '#'.")


# Markdown's bold, "**free return label**" or "__today__", around words on one line: the exports make links and
# lists of a slot's Markdown, not emphasis, so every helpdesk shows the marks as typed
# (not a file's name, "__init__.py", nor inside a `code span`)
_MARKDOWN_BOLD = re.compile(r"(?<![\w*\\`])(\*\*|__)(?=[^\s*_])([^\n*`]*?[^\s*_\\])\1(?![\w*`]|\.\w)")
_CODE_SPAN = re.compile(r"`[^`\n]+`")


def _customer_reads(message: Message, text_only: bool = False) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Where in ``message.text`` the slots a customer reads are (not layout, greeting or sign-off; ``text_only``:
    their written text, no placeholder), and its `code spans`, whose marks the Markdown checks leave alone."""
    slots = [(a, b) for a, b, seg in message.spans()
             if (isinstance(seg, Text) or not text_only) and seg.slot not in ("layout", "greeting", "signoff")]
    return slots, [m.span() for m in _CODE_SPAN.finditer(message.text)] if "`" in message.text else []


def _markdown_bold(message: Message) -> Iterator[Finding]:
    slots, code = _customer_reads(message)
    for m in _MARKDOWN_BOLD.finditer(message.text):
        a, b = m.span()
        if any(start < b and a < end for start, end in code):
            continue
        if any(start <= a < end for start, end in slots) and any(start < b <= end for start, end in slots):
            marks = "asterisks" if m[1] == "**" else "underscores"
            # (one word between underscores may be a name in code, "__pycache__": the writer's to mend, not --fix's)
            name = m[1] == "__" and re.fullmatch(r"\w+", m[2]) is not None
            yield Finding(a, b, f"Markdown bold ({m[1]}{m[2]}{m[1]}) reaches the customer as typed: the exports make "
                                f"no bold text, so every helpdesk shows the {marks}",
                          suggestion=f"Delete the {marks}; to make the words stand out, give them a sentence or a "
                                     "list item of their own" + (" (a name in code stays as it is)" if name else ""),
                          replacement=None if name else m[2])


# Markdown's emphasis, "*promise*" or "_tomorrow_", around words on one line, as CommonMark reads it: the mark
# not inside a word ("5*3", "snake_case_name", "file_name.txt"), a letter or digit after the opening one ("5 * 3",
# a "* " bullet, "*_*" and "-_-" are no emphasis), and the closing one not before a word nor doubled (bold is
# _MARKDOWN_BOLD's)
# (each starts with its mark, the lookbehind after it: a pattern led by a lookbehind is tried at every position,
# 8 us a reply with no mark in it)
_EMPHASIS = (re.compile(r"\*(?<![\w*\\`]\*)(?=[^\W_])([^\n*`]*?[\w.!?)'\"\u2019])\*(?![\w*`])"),
             re.compile(r"_(?<![\w\\`]_)(?=[^\W_])([^\n_`]*?[^\W_]|[^\n_`]*?[.!?)'\"\u2019])_(?![\w`])"))
# an address as it is written in prose, where a '_' or '*' is part of it: a web page's, a mail address
_ADDRESS_IN_TEXT = re.compile(r"(?:https?://|ftp://|mailto:|tel:|www\.)[^\s<>]+|" + EMAIL.pattern)


def _markdown_emphasis(message: Message) -> Iterator[Finding]:
    """Single-mark emphasis around words in a slot: no export makes it italic, so every helpdesk shows the marks."""
    text = message.text
    found = [m for pattern in _EMPHASIS for m in pattern.finditer(text)]
    if not found:  # (most texts: a blank's "[[new_date]]" has its '_' inside a word; nothing more to read)
        return
    # (a code span, and an address, whose '_' and '*' are its own: "https://example.com/_drafts_/")
    slots, kept = _customer_reads(message)
    kept += [m.span() for m in _ADDRESS_IN_TEXT.finditer(text)]
    for m in found:
        a, b = m.span()
        if any(start < b and a < end for start, end in kept):
            continue
        if not (any(start <= a < end for start, end in slots) and any(start < b <= end for start, end in slots)):
            continue
        mark = m[0][0]
        marks = "asterisks" if mark == "*" else "underscores"
        # (one word between underscores may be a name in code, "_id_": the writer's to mend, not --fix's)
        name = mark == "_" and re.fullmatch(r"\w+", m[1]) is not None
        yield Finding(a, b, f"Markdown emphasis ({m[0]}) reaches the customer as typed: the exports make no "
                            f"italic text, so every helpdesk shows the {marks}",
                      suggestion=f"Delete the {marks}" + (" unless it is a name in code" if name else "")
                                 + "; to stress the words, let the sentence do it",
                      replacement=None if name else m[1])


# a CommonMark autolink, "<https://example.com/help>", "<mailto:help@example.com>", "<help@example.com>": the exports
# read a link as [text](address) only, so every helpdesk shows the angle brackets (an HTML one, escaped: "&lt;").
# Not one inside a link's "(<address>)" form, nor angle text that is no address ("<before>", "<Enter>")
_AUTOLINK = re.compile(r"(?<!\]\()(?<!\\)<((?:https?://|mailto:)[^\s<>]+|" + EMAIL.pattern + ")>")


def _autolinks(message: Message) -> Iterator[Finding]:
    found = list(_AUTOLINK.finditer(message.text))
    if not found:
        return
    slots, code = _customer_reads(message, text_only=True)
    for m in found:
        a, b = m.span()
        if any(start < b and a < end for start, end in code) or not any(s <= a and b <= e for s, e in slots):
            continue
        address = m[1]
        if address.lower().startswith(("http://", "https://")):
            link = f"[{address}]({address})"
        else:  # (a mail address reads without 'mailto:' or its query: as the plain exports write it)
            bare = address[len("mailto:"):] if address.lower().startswith("mailto:") else address
            link = f"[{bare.split('?', 1)[0]}](mailto:{bare})"
        yield Finding(a, b, f"'{m[0]}' is not a link in any export: the exports read a link written [text](address), "
                            "so every helpdesk shows the angle brackets",
                      suggestion=f"Write it as a link: {link} (the plain exports write the address alone)")
        # (no --fix: a fix makes no link, scriptkit.text.keeps_links; the writer chooses the words to link)


# a link whose address, written bare, holds a space: no link (nor in CommonMark), so every export sends the brackets
# and the address as typed. Only an address that reads as one (a scheme, '/' or 'www.'): "[sic](see below)" is prose
_SPACED_ADDRESS = re.compile(r"(?<!\\)\[([^\[\]\n]+)\]\("
                             r"((?:[A-Za-z][A-Za-z0-9+.-]*:|/|www\.)[^()<>\n]*?\s[^()<>\n]*)\)")


def _spaced_addresses(text: str) -> Iterator[Finding]:
    """A link ``[text](address)`` not read as one because its address holds a space (a mailto's subject, a page's
    name): it would be one written ``[text](<address>)``, or with each space as %20."""
    for m in _SPACED_ADDRESS.finditer(text):
        address = m.group(2).strip()
        shown = m.group(0) if len(m.group(0)) <= 70 else m.group(0)[:67] + "..."
        yield Finding(m.start(), m.end(),
                      f"'{shown}' is not a link: its address has a space, so every helpdesk shows the brackets and "
                      "the address as typed",
                      suggestion=f"Write each space in the address as %20, or wrap the address in angle brackets: "
                                 f"[{m.group(1)}](<{address}>)")


# ---------------------------------------------------------------- HTML written in a slot's plain text

# a character reference, '&amp;', '&nbsp;', '&#8217;', '&#x2019;' (only one HTML reads as a character is reported:
# 'R&D;' is prose); its ';' is required, as a lone '&' ("Q&A", "AT&T") is the writer's
_CHAR_REFERENCE = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
# a tag: '/' for a closing one, its name, its attributes (ending in '/' where written self-closing, '<br/>')
_HTML_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]{0,9})((?:\s[^<>\n]*)?|/)>")
_HTML_ATTRIBUTE_VALUE = re.compile(r"""\s+[a-zA-Z_:][-a-zA-Z0-9_:.]*\s*=\s*(?:"|'|[^\s"'=<>`]+)""")
_HREF = re.compile(r"""\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))""", re.IGNORECASE)
# an address a pack's link [text](address) can hold as it is: no space, parenthesis or bracket
_LINKABLE = re.compile(r"(?:https?://|mailto:|tel:)[^\s()<>\[\]\"']+")
#: the elements a reply's HTML is written with (a name in angle brackets, "<reporter>", "<Enter>", is text)
_HTML_ELEMENTS = frozenset({
    "a", "abbr", "b", "big", "blockquote", "body", "br", "caption", "center", "cite", "code", "dd", "del", "div",
    "dl", "dt", "em", "font", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "html", "i", "img", "ins", "kbd", "li",
    "mark", "ol", "p", "pre", "q", "s", "section", "small", "span", "strike", "strong", "sub", "sup", "table",
    "tbody", "td", "th", "thead", "tr", "u", "ul", "wbr"})
_VOID_ELEMENTS = frozenset({"br", "hr", "img", "wbr"})
# the tags around words that only style them: deleted, the words read the same
_STYLE_ELEMENTS = frozenset({"b", "strong", "i", "em", "u", "span", "font", "mark", "small", "big"})


def _html_in_text(message: Message) -> Iterator[Finding]:
    """Character references and tags written in a slot's text: every export sends the text as the customer reads
    it (an HTML one escapes it again, '&amp;amp;'), so the code is what they see."""
    text = message.text
    slots, code = _customer_reads(message, text_only=True)

    def judged(a: int, b: int) -> bool:
        return (not any(start < b and a < end for start, end in code)
                and any(start <= a and b <= end for start, end in slots))

    if "&" in text:
        for m in _CHAR_REFERENCE.finditer(text):
            if judged(*m.span()) and (found := _character_reference(text, *m.span())) is not None:
                yield found
    if "<" in text:
        yield from _html_tags(text, judged)


# a run of no-break spaces written as code, '&nbsp;&#160;' (read as one space)
_NO_BREAK_SPACE_CODES = re.compile(r"(?:&(?:nbsp|#0*160|#[xX]0*[aA]0);)+")


def _character_reference(text: str, a: int, b: int) -> Finding | None:
    ref = text[a:b]
    char = html.unescape(ref)
    if char == ref:  # (no character HTML knows by that name: "&Co;" is prose)
        return None
    if char == "\u00a0":  # (a no-break space is one no reader sees, in a reply whose lines the helpdesk wraps)
        if _space_beside(text, a, b):  # (a space for it would make two: 'again &nbsp;within')
            return Finding(a, b, f"the HTML code {ref} reaches the customer as typed, not as a space: the text is "
                                 "sent as written (an HTML export escapes it again)",
                           suggestion="Delete it: a space is already beside it", replacement="")
        char, shown = " ", "a space"
    else:
        shown = f"'{char}'"
    fixable = char.isprintable()  # (not a control or an invisible mark, '&#8203;': the writer's to mend)
    return Finding(a, b, f"the HTML code {ref} reaches the customer as typed, not as {shown}: the text is sent "
                         "as written (an HTML export escapes it again)",
                   suggestion=f"Write {shown} itself" if fixable else "Delete it",
                   replacement=char if fixable else None)


def _space_beside(text: str, a: int, b: int) -> bool:
    """Whether the no-break space's code at text[a:b] has a space beside it once fixed: one typed beside its run of
    such codes, or the run's last code (which alone becomes a space: '&nbsp;&nbsp;' is one space, not two)."""
    run = next(m for m in _NO_BREAK_SPACE_CODES.finditer(text) if m.start() <= a < m.end())
    return b < run.end() or text[run.start() - 1:run.start()].isspace() or text[run.end():run.end() + 1].isspace()


def _html_tags(text: str, judged: Callable[[int, int], bool]) -> Iterator[Finding]:
    """Tags written as HTML is, not named in prose ('press the <b> key', 'wrap it in <p> tags'): one closed after
    it opens, one with an attribute's value, a line break or a tag set in the words (a line's end counts as a side);
    a pair around words that only styles them or links them is one finding."""
    tags = [m for m in _HTML_TAG.finditer(text) if m[2].lower() in _HTML_ELEMENTS and judged(*m.span())]
    paired: dict[int, re.Match[str]] = {}  # an opening tag's start -> its closing tag, on the same line
    closings: set[int] = set()
    around: set[int] = set()  # the closing tags of pairs around words that style or link them
    for i, opening in enumerate(tags):
        if opening[1]:
            continue
        name = opening[2].lower()
        for closing in tags[i + 1:]:
            if "\n" in text[opening.end():closing.start()]:
                break
            if closing[2].lower() == name:
                if closing[1] and closing.start() not in closings:
                    paired[opening.start()] = closing
                    closings.add(closing.start())
                    if name in _STYLE_ELEMENTS | {"a"}:
                        around.add(closing.start())
                break
    for tag in tags:
        a, b = tag.span()
        if a in around:  # (said with its opening tag: one finding for the pair)
            continue
        pair = paired.get(a)
        if pair is not None and tag[2].lower() in _STYLE_ELEMENTS | {"a"}:
            yield _tag_pair(text, tag, pair)
            continue
        side = (a > 0 and not text[a - 1].isspace(), b < len(text) and not text[b].isspace())
        at_line = (a == 0 or text[a - 1] == "\n", b == len(text) or text[b] == "\n")
        written = (pair is not None or a in closings or _HTML_ATTRIBUTE_VALUE.match(tag[3]) is not None
                   or tag[3].endswith("/") or (tag[2].lower() in _VOID_ELEMENTS and any(side))
                   or ((side[0] or at_line[0]) and (side[1] or at_line[1])))
        if not written:
            continue
        if tag[2].lower() == "br":
            end = b
            while end < len(text) and text[end] in " \t":
                end += 1
            # (a line already breaks after it: the tag goes, else it becomes the line break it was meant to be)
            yield Finding(a, end, f"the HTML tag {tag[0]} reaches the customer as typed, not as a line break",
                          suggestion="Break the line in the text (a block, solution: |, keeps line breaks as typed)",
                          replacement="" if end == len(text) or text[end] == "\n" else "\n")
            continue
        yield Finding(a, b, f"the HTML tag {_shortened(tag[0])} reaches the customer as typed: the text is sent "
                            "as written", suggestion="Delete the tag; a blank line in the text starts a new paragraph, "
                                                  "and a link is written [text](address)")


def _tag_pair(text: str, opening: re.Match[str], closing: re.Match[str]) -> Finding:
    a, b = opening.start(), closing.end()
    inner = text[opening.end():closing.start()]
    shown = f"{_shortened(opening[0])}...{closing[0]}"
    # (words set tight in the tags: '<b> key, then </b>' may be prose naming them, the writer's to read)
    plain = inner.strip() == inner != "" and "<" not in inner and "\n" not in inner
    if opening[2].lower() != "a":
        return Finding(a, b, f"the HTML tags {shown} reach the customer as typed: the text is sent as written, "
                             "which no export makes bold or italic",
                       suggestion="Delete the tags; to make the words stand out, give them a sentence or a list item "
                                  "of their own", replacement=inner if plain else None)
    href = _HREF.search(opening[3])
    address = next((g for g in href.groups() if g is not None), "") if href else ""
    linkable = (plain and inner.strip() != "" and _LINKABLE.fullmatch(address) is not None
                and not any(c in inner for c in "[]"))
    link = address if inner.strip() == address else f"[{inner.strip()}]({address})"
    # (no fix: a fix never makes a link, which a slip in it would send to the wrong address)
    return Finding(a, b, f"the HTML link {shown} reaches the customer as typed: the text is sent as written",
                   suggestion=f"Write it as {link}: the exports make a link of it" if linkable else
                   "Write the link as [text](address): the exports make a link of it")


def _shortened(tag: str) -> str:
    return tag if len(tag) <= 40 else tag[:37] + "...>"


def _typed_newlines(text: str) -> Iterator[Finding]:
    for m in _TYPED_NEWLINE.finditer(text):
        a, b = m.span()
        if _PATH_MARK.search(_word_around(text, a)):
            continue
        if a and _IN_A_WORD.match(text, a - 1):
            yield Finding(a, b, 'a typed "\\n" reaches the customer as a backslash and an "n"',
                          suggestion='Delete the backslash if the "n" begins a word, or break the line in the YAML')
            continue
        # (the spaces typed after it go with it: "anything.\\n Kindly reply" would start the new line with one)
        while b < len(text) and text[b] in " \t":
            b += 1
        yield Finding(a, b, 'a typed "\\n" reaches the customer as a backslash and an "n", not a line break',
                      suggestion="Break the line in the YAML: a block (solution: |) keeps line breaks as typed",
                      replacement="\n")


def _word_around(text: str, at: int) -> str:
    """The run of text without whitespace that holds ``text[at]``."""
    start = at
    while start and not text[start - 1].isspace():
        start -= 1
    end = at
    while end < len(text) and not text[end].isspace():
        end += 1
    return text[start:end]


def _wrapped_slots(message: Message) -> Iterator[Finding]:
    """Each slot of a script whose text is wrapped in one pair of quotes; else the whole reply
    (quotes that open in one slot and close in another, or free text, whose slots are sentences)."""
    runs: dict[str, list[int]] = {}
    scripted = message.file.endswith((".yaml", ".yml"))
    for a, b, seg in message.spans():
        if seg.slot not in ("layout", "greeting", "signoff"):
            if scripted:
                runs.setdefault(seg.slot, [a, b])[1] = b
            runs.setdefault("", [a, b])[1] = b
        elif seg.slot == "layout" and not scripted and "" in runs:  # (free text: a closing quote after the
            runs[""][1] = b                                            # last sentence is read as layout)
        elif seg.slot == "signoff":
            break
    (start, end) = runs.pop("", [0, 0])
    found = [f for slot, (a, b) in runs.items() if (f := _wrapped(message.text, a, b, slot))]
    yield from found or filter(None, [_wrapped(message.text, start, end, "")])


def _wrapping_quotes(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Where one pair of quotes wraps ``text[start:end]`` (spaces aside): from the opening quote to past the
    closing one."""
    a, b = trimmed(text, start, end)
    closing = _WRAPPING_QUOTES.get(text[a:a + 1])
    if closing is None or b - a < 3 or text[b - 1] != closing:
        return None
    inner = text[a + 1:b - 1]
    if closing in inner or text[a] in inner:  # "“late” or “lost”": two quotations, not a wrapper
        return None
    return a, b


def _wrapped(text: str, start: int, end: int, slot: str) -> Finding | None:
    found = _wrapping_quotes(text, start, end)
    if found is None:
        return None
    a, b = found
    closing = text[b - 1]
    inner = text[a + 1:b - 1]
    return Finding(a, b, f"{f'the {slot}' if slot else 'the reply'} is wrapped in quotes ({text[a]}...{closing}) "
                         "that the customer will see",
                   suggestion="Delete the quotes around it.", replacement=inner if "\n" not in inner else None)


# the quotes that can wrap a name pasted from a document (an apostrophe inside it stays: “Sam’s order”)
_NAME_OPENING = "\u201c\u201d\u201e\u00ab\u00bb\u2018\u2019\"'"
_NAME_QUOTES = "\u201c\u201d\u201e\u00ab\u00bb\""
#: the settings that name something in the helpdesk: a category, a folder (by its name)
_NAME_SETTINGS = ("category",)
_NAME_KEYS = ("folders",)


def _exported_names(title: str | None, export: Mapping[str, Any]) -> Iterator[tuple[tuple[str | int, ...], bool, str]]:
    """(YAML path, whether it is a key, text) of each name an export gives the helpdesk."""
    if title is not None:
        yield ("title",), False, title
    for target, conf in export.items():
        if not isinstance(conf, Mapping):
            continue
        for key in _NAME_SETTINGS:
            if isinstance(conf.get(key), str):
                yield ("export", target, key), False, conf[key]
        for key in _NAME_KEYS:
            if isinstance(folders := conf.get(key), Mapping):
                yield from ((("export", target, key, name), True, name) for name in folders if isinstance(name, str))


def _named(path: tuple[str | int, ...], value: str) -> str:
    """What the helpdesk would call the thing ``value`` names ("its category would be '“Orders'")."""
    if path != ("title",):
        return f"the helpdesk's {'folder' if path[2] == 'folders' else path[2]} would be '{value.strip()}'"
    parts = [p.strip() for p in value.split("::") if p.strip()]
    if len(parts) > 1:
        return f"the helpdesk's category would be '{parts[0]}' and the macro '{parts[-1]}'"
    return f"the helpdesk's macro would be '{value.strip()}'"


def _wrapped_name(name: str) -> tuple[int, int] | None:
    """Where a pair of quotes wraps ``name`` or one of its '::' parts (“Orders::Late parcel”,
    “Orders”::Late parcel): the span from the opening quote to the closing one."""
    start = 0
    for part in [*name.split("::"), None]:  # (each part, then the whole name)
        a, b = trimmed(name, start, start + len(part)) if part is not None else trimmed(name, 0, len(name))
        if b - a >= 3 and name[a] in _NAME_OPENING and name[b - 1] in _NAME_OPENING \
                and _one_quotation(name[a + 1:b - 1]):
            return a, b
        start += len(part) + 2 if part is not None else 0
    return None


def _one_quotation(inner: str) -> bool:
    """Whether ``inner``, between two quotes, holds no other quotation ('Hold' or 'Wait'): a quote or an
    apostrophe other than one inside a word (“Sam’s order”)."""
    return not any(q in inner for q in _NAME_QUOTES) and all(
        0 < i < len(inner) - 1 and inner[i - 1].isalnum() and inner[i + 1].isalnum()
        for i, char in enumerate(inner) if char in "\u2018\u2019'")


# ---------------------------------------------------------------- a reply pasted from an email

_BODY_SLOTS = ("acknowledgment", "warm_language", "solution")


class _Parts(NamedTuple):
    """A reply's customer-facing slot text (acknowledgment, warm language, solution) as runs of
    (slot, start, end) in ``message.text``, in reading order; and whether the channel's layout puts a
    greeting before them and a sign-off after them."""

    runs: list[tuple[str, int, int]]
    greeted: bool
    signed: bool


def _parts(message: Message) -> _Parts:
    global _last_parts
    last = _last_parts  # (SK008 to SK011 each ask for the message they read in turn: found once)
    if last is not None and last[0] is message:
        return last[1]
    parts = _parts_of(message)
    _last_parts = (message, parts)  # (one assignment: another thread reads this pair or the one before)
    return parts


_last_parts: tuple[Message, _Parts] | None = None


def _parts_of(message: Message, body: tuple[str, ...] = _BODY_SLOTS) -> _Parts:
    runs: list[tuple[str, int, int]] = []
    greeted = signed = False
    text = message.text
    for a, b, seg in message.spans():
        slot = seg.slot
        if slot in body:
            if runs and runs[-1][0] == slot and runs[-1][2] == a:
                runs[-1] = (slot, runs[-1][1], b)
            else:
                runs.append((slot, a, b))
        elif slot == "greeting":
            greeted = greeted or (a < b and not text[a:b].isspace())
        elif slot == "signoff":
            signed = signed or (a < b and not text[a:b].isspace())
    return _Parts(runs, greeted, signed)


# a greeting opening a slot: the word, up to four words or placeholders (a name, "there", "again"), then
# punctuation or the end of the line ("Hi {{customer.first_name}},", "Hello there!", "Dear Maya", "Hi, I...");
# and the German, French, Spanish and Portuguese ones ("Hallo Frau Meier,", "Bonjour Paul !", "¡Hola, Marta!",
# "Olá, Ana!"). A word that only addresses the reader ("Madame", "Liebe", "Estimada", "Prezado") greets only where
# a comma, colon or "!" ends it: "Madame Martin nous a écrit." is a sentence
_GREETING_WORDS = r"(?:[ \t]+(?:\{\{[^{}\n]{1,80}\}\}|[^\W\d_][\w'’.-]{0,30})){0,4}?"
# (the rest of a line that greets twice over: "Madame, Monsieur,", "¡Hola, Marta!", "Buenos días, Marta:")
_GREETING_LINE_REST = (r"(?:" + _GREETING_WORDS.replace("{0,4}?", "{1,4}?")
                       + r"[ \t\u00a0\u202f]*[,!:](?=[ \t]*(?:\n|$)))?")
_ENGLISH_GREETING = (r"(?:hi|hello|hey|hiya|dear|greetings|good[ \t]+(?:morning|afternoon|evening|day))"
                     + _GREETING_WORDS + r"(?:[ \t]*[,!.:;]|[ \t]+[—–-][ \t]|[ \t]*(?=\n|$))")
_GREETING_AT_START = re.compile(
    _ENGLISH_GREETING
    # (Spanish's "¡...!" up to its "!", with the reply after it: "¡Hola, Marta! Siento mucho...")
    + r"|¡(?:hola|buen(?:[oa]s[ \t]+(?:días|tardes|noches)|[ \t]+día))[ \t]*,?" + _GREETING_WORDS
    + r"[ \t\u00a0\u202f]*!"
    r"|(?:hallo|guten[ \t]+(?:tag|morgen|abend)|moin|servus|bonjour|bonsoir|salut|¡?hola"
    r"|buen(?:[oa]s[ \t]+(?:días|tardes|noches)|[ \t]+día)|olá|oi|bom[ \t]+dia|boa[ \t]+(?:tarde|noite))"
    + _GREETING_WORDS
    + r"(?:[ \t\u00a0\u202f]*[,!.:;]" + _GREETING_LINE_REST + r"|[ \t]+[—–-][ \t]|[ \t]*(?=\n|$))"
    r"|(?:sehr[ \t]+geehrte[rs]?|liebe[rs]?|madame|monsieur|mesdames|cher|chère|chers|chères"
    r"|estimad[oa]s?|querid[oa]s?|prezad[oa]s?)" + _GREETING_WORDS + r"[ \t\u00a0\u202f]*[,!:]"
    + _GREETING_LINE_REST, re.I)
_GREETING_LETTERS = frozenset("HhDdGgMmSsBbLlCcEeQqOoPp¡")
# a line that closes a letter ("Kind regards,", "Best", "Thanks!", "Mit freundlichen Grüßen", "Cordialement",
# "Un saludo,") and, for the less certain ones, what tells it is one: a name under it, or a comma after it
_ENGLISH_CLOSINGS = (
    r"(?:kind|best|warm|warmest|warmly|with)[ \t]+(?:regards|wishes|thanks)|regards|"
    r"(?:yours[ \t]+)?(?:sincerely|truly|faithfully)|all[ \t]+the[ \t]+best|best|cheers|take[ \t]+care|warmly|"
    r"(?:many[ \t]+)?thanks(?:[ \t]+again)?|thank[ \t]+you|speak[ \t]+soon|talk[ \t]+soon")
_CLOSING = re.compile(
    r"[ \t]*(?P<closing>" + _ENGLISH_CLOSINGS + "|"
    # German: "Mit freundlichen Grüßen", "Viele Grüße", "Beste Grüße aus Hamburg", "Gruß", "Vielen Dank"
    r"(?:mit[ \t]+)?(?:(?:viele|vielen|beste|besten|freundliche|freundlichen|liebe|lieben|herzliche|herzlichen"
    r"|schöne|schönen|sonnige|sonnigen)[ \t]+)?(?:grüße|grüßen|grüsse|grüssen|gruß|gruss)(?:[ \t]+aus[ \t]+\w+)?|"
    r"(?:vielen[ \t]+)?dank|danke(?:[ \t]+schön)?|"
    # French: "Cordialement", "Bien à vous", "Sincères salutations", "Merci,", "Bonne journée,"
    r"(?:bien|très|bien[ \t]+très)[ \t]+cordialement|cordialement|bien[ \t]+à[ \t]+vous|à[ \t]+bientôt|"
    r"(?:(?:sincères|meilleures|cordiales|bien[ \t]+cordiales)[ \t]+)?salutations(?:[ \t]+distinguées)?|"
    r"merci(?:[ \t]+beaucoup)?|(?:bonne|belle)[ \t]+(?:journée|soirée)|"
    # Spanish: "Un saludo", "Un cordial saludo", "Saludos cordiales", "Atentamente", "Un abrazo", "Gracias,"; Latin
    # America's "Saludos,", "Cordiales saludos"
    r"(?:un[ \t]+)?(?:cordial[ \t]+)?saludo(?:[ \t]+cordial)?|(?:cordiales[ \t]+)?saludos(?:[ \t]+cordiales)?|"
    r"atentamente|"
    r"un[ \t]+abrazo|(?:muchas[ \t]+)?gracias|"
    # Portuguese: "Atenciosamente", "Um abraço", "Abraços", "Com os melhores cumprimentos", "Obrigada,"
    r"atenciosamente|cordialmente|(?:um[ \t]+)?(?:grande[ \t]+)?abraço|abraços|saudações|"
    r"(?:com[ \t]+os[ \t]+)?(?:melhores[ \t]+)?cumprimentos|(?:muito[ \t]+)?obrigad[oa])"
    r"[ \t]*(?P<mark>[,!.]?)[ \t]*", re.I)
_ALWAYS_A_CLOSING = ("regards", "sincerely", "truly", "faithfully", "wishes", "all the best",
                     "grüße", "grüßen", "grüsse", "grüssen", "gruß", "gruss", "cordialement", "à vous",
                     "salutations", "distinguées", "saludo", "saludo cordial", "saludos", "cordiales", "atentamente",
                     "atenciosamente", "cordialmente", "abraço", "abraços", "saudações", "cumprimentos")
# a layout's greeting or sign-off line that is English: a greeting opening it, or a closing that is all of it
_ENGLISH_FRAME = re.compile(r"[ \t]*(?:" + _ENGLISH_GREETING + r"|(?:" + _ENGLISH_CLOSINGS + r")[ \t]*[,!.]?[ \t]*$)",
                            re.I)
_NAME_WORDS = 6  # (a team's name under a closing: "El equipo de atención al cliente")
_NAME_LINE = re.compile(r"[ \t]*[^\s.?:;][^\n]{0,59}")  # a short line under a closing: a name, a team, a phone
# words a sentence has and a name or a team's name has not ("We will email you by Friday", "Wir melden uns",
# "Nous vous écrivons"): pronouns, as written or opening the line, and a few auxiliaries and adverbs, in lower
# case only ("Will Turner", "May Chen" are names). Possessives stay: "Ihr Kundenservice", "Votre service client"
_PRONOUNS = (
    "i we you he she it they me us him them "  # (English; "IT Support" is in capitals, a team)
    "ich wir du er sie uns euch mich dich mir dir "  # (German)
    "je j nous vous il elle ils elles tu n "  # (French: "J'espère", "N'hésitez pas")
    "yo nosotros nosotras te os usted ustedes "  # (Spanish)
    "eu nós você vocês")  # (Portuguese)
_VERBS_AND_ADVERBS = (
    "will would can could shall should may might must is are was were am be been do does did have has had "
    "please today tomorrow soon now again not "
    "wird werden ist sind war habe hat haben kann können bitte heute morgen bald "
    "est sont sera serons ai avons va allons peut pouvez aujourd demain bientôt "
    "es son será vamos va puede podemos hoy mañana pronto "
    "é são vai podemos hoje amanhã")
_SENTENCE_PRONOUNS = frozenset(_PRONOUNS.split())
_SENTENCE_WORDS = _SENTENCE_PRONOUNS | frozenset(_VERBS_AND_ADVERBS.split())
_WORD_OF_NAME = re.compile(r"[^\W\d_]+")


def _is_name_line(line: str) -> bool:
    """Whether ``line``, under a closing, may be a name, a team or a phone number rather than a sentence."""
    if (not _NAME_LINE.fullmatch(line) or line.rstrip().endswith((".", "?", "!"))
            or len(line.split()) > _NAME_WORDS or line.lstrip()[:1].islower()):
        return False
    for word in _WORD_OF_NAME.findall(line):
        lowered = word.lower()
        if word == lowered and lowered in _SENTENCE_WORDS:
            return False
        if word[1:] == lowered[1:] and lowered in _SENTENCE_PRONOUNS:  # ("We", "It", "I"; not "IT")
            return False
    return True


def _signoff_at_end(text: str, start: int, end: int) -> int | None:
    """Where a sign-off ("Kind regards,", then up to three short lines: a name, a team) ends
    ``text[start:end]``, or None."""
    lines: list[tuple[int, int]] = []
    pos = end
    while pos > start and len(lines) < 4:  # (the last four lines, bottom up, blank ones skipped)
        line_start = max(text.rfind("\n", start, pos) + 1, start)
        if text[line_start:pos].strip():
            lines.append((line_start, pos))
        elif lines:
            break  # (a blank line above the sign-off: the reply's own text is above it)
        pos = line_start - 1
    for k in range(len(lines) - 1, -1, -1):  # the topmost closing line with only names under it
        a, b = lines[k]
        m = _CLOSING.fullmatch(text, a, b)
        if m is None:
            continue
        names = lines[:k]
        if not all(_is_name_line(text[x:y]) for x, y in names):
            continue
        closing = " ".join(m["closing"].lower().split())
        if names or m["mark"] == "," or closing.endswith(_ALWAYS_A_CLOSING):
            return a + len(text[a:b]) - len(text[a:b].lstrip())
    return None


# the closings only a letter has: a chat, SMS or social reply that ends with one reads as an email pasted in
# ("Um abraço!" ends a Brazilian chat as warmly as an email)
_LETTER_ONLY = tuple(c for c in _ALWAYS_A_CLOSING if c not in ("wishes", "all the best", "abraço", "abraços"))
_SHORT_CHANNELS = frozenset({"chat", "sms", "social"})
_CLOSING_MAY_START = re.compile(r"[.!?…][ \t]+|\n[ \t]*")  # (a closing starts a line or follows a sentence)


def _letter_closing_at_end(text: str, start: int, end: int) -> int | None:
    """Where a letter's closing ("Kind regards, Sam", "Sincerely.", "Best regards,\nSam\nNorthwind"), on a line
    of its own or after the last sentence, ends ``text[start:end]``, or None."""
    from_ = max(start, end - 160)  # (a closing and up to three short lines under or after it)
    starts = [start] if from_ == start else []
    for at in chain(starts, (c.end() for c in _CLOSING_MAY_START.finditer(text, from_, end))):
        closing = _CLOSING.match(text, at, end)
        if closing is None or not " ".join(closing["closing"].lower().split()).endswith(_LETTER_ONLY):
            continue
        names = [line.strip() for line in text[closing.end():end].rstrip(".").split("\n") if line.strip()]
        if len(names) <= 3 and all(_is_name_line(n) for n in names):
            return at
    return None


# what every email thread header the quoted-thread search knows holds (a quote's ">", a "-----Original
# Message-----" line, a "From: ... Sent: ..." block): a reply with none of them is not searched
_THREAD_HINTS = (">", "---")
_FROM_WORDS = ("From", "Von", "De", "Van", "Da")


@lru_cache(maxsize=4096)
def _thread_in(text: str) -> int | None:
    """Where an email thread pasted into ``text`` (one slot's text) starts, at its header line ("On ...
    wrote:", "-----Original Message-----", "From: ... Sent: ..."); None for none, and for "> " lines with
    no header above them (an arrow, a quoted line of the customer's, a step: not a pasted thread)."""
    if not any(h in text for h in _THREAD_HINTS) and not (text.count(":") >= 2 and any(w in text for w in _FROM_WORDS)):
        return None
    from scriptkit.transcript import quoted_thread  # (what `review` leaves out of a reply; not loaded by most checks)

    cut = quoted_thread("-\n" + text)  # (a line before it: a slot that is only the thread is one too)
    if cut is None:
        return None
    cut = max(cut - 2, 0)
    return None if text[cut:].lstrip().startswith(">") else cut


@register
class DuplicateGreeting(Rule):
    """A slot opens with a greeting of its own where the channel's layout already greets the customer.

    ## What it does
    On a channel whose layout in pack.yaml (or the default layout) adds a greeting, reads the start of
    the reply's first slot. Where it opens with one too ("Hi {{ customer.first_name }},", "Hello
    there!", "Dear Maya"; in German, French, Spanish and Portuguese "Hallo Frau Meier,", "Sehr geehrte
    Damen und Herren,", "Bonjour Madame Martin,", "¡Hola, Marta!", "¡Buen día, Lupita!", "Estimada Sra. García:",
    "Olá, Ana!", "Prezada Sra. Lima,"), the customer gets two. A later slot counts only when it opens with a letter's
    greeting line ("Hi Maya," alone on its line, over the text pasted with it). A greeting inside the text
    ("so, hi again") is left alone, as is a channel whose layout has no greeting.

    ## Why it matters
    "Hi Maya,\\n\\nHi Maya," is the first thing the customer reads, and it shows a reply pasted from an
    email without anyone reading it through.

    ## Example
    With the default email layout (`greeting: "Hi {{ customer.first_name | fallback('there') }},"`):
    ```
    acknowledgment: |
      Hi {{ customer.first_name | fallback('there') }},

      I can see how frustrating the wait has been.
    ```

    ## Use instead
    ```
    acknowledgment: I can see how frustrating the wait has been.
    ```
    The layout's greeting opens every reply of the channel. A script that needs its own opening for
    one channel can set `greeting: ""` for that channel in pack.yaml and greet in its own slot.

    ## Options
    None.

    ## Fix safety
    No automatic fix: the greeting may hold a placeholder, and a slot read on other channels too.
    """

    code = "SK008"
    name = "duplicate-greeting"
    bad_examples = (
        Example.of(acknowledgment="Hi {{ customer.first_name | fallback('there') }},\n\n"
                                  "I can see how frustrating the wait has been.",
                   solution="I'll send the tracking link today."),
        Example.of(channel="chat", acknowledgment="Hello there! I can see how frustrating the wait has been.",
                   solution="I'll send the tracking link today."),
    )
    good_examples = (
        Example.of(acknowledgment="I can see how frustrating the wait has been.",
                   solution="I'll send the tracking link today, so hi again from me tomorrow if it hasn't come."),
        Example.of(channel="sms", acknowledgment="Hi! So sorry the parcel is late.",
                   solution="I'll text you the tracking link today."),
    )

    def check(self, message: Message, ctx: RuleContext) -> Iterable[Finding]:
        parts = _parts(message)
        if not parts.runs or not parts.greeted:
            return
        text = message.text
        for k, (slot, start, end) in enumerate(parts.runs):
            a = start + len(text[start:end]) - len(text[start:end].lstrip())
            if text[a:a + 1] not in _GREETING_LETTERS:  # (most replies: no pattern run)
                continue
            m = _GREETING_AT_START.match(text, a, end)
            if m is None:
                continue
            b = trimmed(text, a, m.end())[1]
            # (a later slot: only a letter's greeting line, "Hi {{customer.first_name}}," over the text pasted with it)
            if k and not (text[b - 1] == "," and text[b:end].lstrip(" \t")[:1] in ("\n", "")):
                continue
            yield from self._found(slot, a, b)
            return

    def _found(self, slot: str, a: int, b: int) -> Iterator[Finding]:
        yield Finding(a, b, f"the {slot.replace('_', ' ')} opens with a greeting of its own, after the layout's: "
                            "the customer reads two",
                      suggestion="Delete it here: the layout in pack.yaml greets the customer in every reply.")


@register
class DuplicateSignoff(Rule):
    """A slot ends with a sign-off of its own where the channel's layout already signs the reply off.

    ## What it does
    On a channel whose layout adds a sign-off, reads the end of the reply's last slot (above a pasted
    email thread, if there is one). Where it ends with a closing line and a name under it ("Kind
    regards,\\nSam\\nNorthwind Support"), or a closing that can only be one ("Best regards", "Thanks,"
    with its comma; "Mit freundlichen Grüßen", "Viele Grüße", "Cordialement", "Bien à vous", "Un saludo",
    "Saludos cordiales", "Atentamente", "Atenciosamente", "Um abraço", "Com os melhores cumprimentos"), the
    customer gets two sign-offs, often from two different people. A last line of thanks with no name ("Thanks
    again!") is left alone.
    On a chat, SMS or social channel with no sign-off, a letter's closing ending the reply ("...reach
    out. Kind regards, Sam", "Sincerely."), with the name under or after it, is flagged too: it reads
    as an email pasted in, and a name written there signs the reply for whoever sends it. "Thanks,
    Sam" and "Cheers!" are left alone there.

    ## Why it matters
    "Kind regards, Sam" over the layout's "Warm wishes, Priya" tells the customer the reply was written
    for someone else, by someone else.

    ## Example
    With the default email layout (`signoff: "Warm wishes,\\n{{ agent.first_name }}"`):
    ```
    solution: |
      I've sent the refund again today.

      Kind regards,
      Sam, Northwind Support
    ```

    ## Use instead
    ```
    solution: I've sent the refund again today.
    ```
    The layout's sign-off ends every reply of the channel, with the name of the agent who sends it.

    ## Options
    None.

    ## Fix safety
    No automatic fix: only the writer knows whether the name under it belongs in the reply.
    """

    code = "SK009"
    name = "duplicate-signoff"
    bad_examples = (
        Example.of(acknowledgment="I can see how frustrating the wait for your refund has been.",
                   solution="I've sent the refund again today.\n\nKind regards,\nSam\nNorthwind Support"),
        Example.of(acknowledgment="I can see how frustrating the wait for your refund has been.",
                   solution="I've sent the refund again today.\n\nBest regards"),
    )
    good_examples = (
        Example.of(acknowledgment="I can see how frustrating the wait for your refund has been.",
                   solution="I've sent the refund again today.\n\nThanks again for bearing with us!"),
        Example.of(channel="sms", acknowledgment="So sorry the refund is late.",
                   solution="I've sent it again today.\nThanks,\nSam"),
    )

    def check(self, message: Message, ctx: RuleContext) -> Iterable[Finding]:
        parts = _parts(message)
        if not parts.runs:
            return
        slot, start, end = parts.runs[-1]
        text = message.text
        if not parts.signed:  # (a letter's closing reads wrong on a short channel all the same)
            end = trimmed(text, start, end)[1]
            if message.channel in _SHORT_CHANNELS and (a := _letter_closing_at_end(text, start, end)) is not None:
                yield Finding(a, end, f"the {slot.replace('_', ' ')} ends with a letter's sign-off "
                                      f"('{_quoted(' '.join(text[a:end].split()), 0)}'): a {message.channel} reply "
                                      "reads as an email pasted in",
                              suggestion=f"Delete it: a {message.channel} reply ends with its last sentence, and "
                                         "a name written here signs every reply with it, whoever sends it.")
            return
        if "\n" not in text[start:end]:  # (a closing is a line of its own, under the reply's last line)
            return
        thread = _thread_in(text[start:end]) if "\n" in text[start:end] else None
        end = trimmed(text, start, start + thread if thread is not None else end)[1]
        a = _signoff_at_end(text, start, end)
        if a is None:
            return
        yield Finding(a, end, f"the {slot.replace('_', ' ')} ends with a sign-off of its own, before the layout's: "
                              "the customer reads two",
                      suggestion="Delete it here: the layout in pack.yaml signs off every reply, with the name "
                                 "of the agent who sends it.")


@register
class QuotedThread(Rule):
    """An email thread is pasted into a slot: every reply would send an earlier message, and whose it was.

    ## What it does
    Finds, in each slot, the start of an email thread quoted under a reply, as `scriptkit review`
    finds it to leave it out: a mail program's "On Mon, 3 Nov 2025 at 10:02, Jane Doe
    <jane.doe@example.com> wrote:" over "> " lines (also as mail programs set to German, French,
    Spanish, Dutch or Italian write it), Outlook's "-----Original Message-----" or its "From: ... /
    Sent: ..." block, a "Forwarded message" line. Lines starting with ">" with no such header above
    them (an arrow, "> Settings", one quoted line) are left alone.

    ## Why it matters
    A macro is sent to every customer: a thread pasted with it sends one customer's words, name and
    email address to all the others. That is a data leak, not a slip of style.

    ## Example
    ```
    solution: |
      I've sent the refund again today.

      On Mon, 3 Nov 2025 at 10:02, Jane Doe <jane.doe@example.com> wrote:
      > I have been waiting three weeks for my money.
    ```

    ## Use instead
    ```
    solution: I've sent the refund again today.
    ```
    Keep only the reply. If the customer's words matter to the agent, say so in
    `flexibility: guidance:`, which is never sent.

    ## Options
    None.

    ## Fix safety
    No automatic fix: delete the thread by hand, and check the rest of the pack for it.
    """

    code = "SK010"
    name = "quoted-thread"
    severity = Severity.ERROR
    bad_examples = (
        Example.of(acknowledgment="I can see how frustrating the wait for your refund has been.",
                   solution="I've sent the refund again today.\n\nOn Mon, 3 Nov 2025 at 10:02, Jane Doe "
                            "<jane.doe@example.com> wrote:\n> I have been waiting three weeks for my money."),
        Example.of(acknowledgment="I can see how frustrating the wait for your refund has been.",
                   solution="I've sent the refund again today.\n\n-----Original Message-----\n"
                            "From: Jane Doe\nSent: Monday\nWhere is my money?"),
    )
    good_examples = (
        Example.of(acknowledgment="I can see how frustrating the wait for your refund has been.",
                   solution="To see it, open the app:\n> Settings > Payments > Refunds\n"
                            "I've sent the refund again today."),
        Example.of(acknowledgment="You wrote:\n> still waiting\nand I can see how frustrating that is.",
                   solution="I've sent the refund again today."),
    )

    def check(self, message: Message, ctx: RuleContext) -> Iterable[Finding]:
        text = message.text
        for slot, start, end in _parts(message).runs:
            cut = _thread_in(text[start:end]) if "\n" in text[start:end] else None
            if cut is None:
                continue
            a, b = trimmed(text, start + cut, end)
            address = " and email address" if "@" in text[a:b] else ""
            yield Finding(a, b, f"an email thread is pasted into the {slot.replace('_', ' ')}: every customer "
                                f"would get another person's message{address}",
                          suggestion="Delete the thread: keep only the reply. Notes for the agent go under "
                                     "flexibility: guidance.")


_SENTENCE_MARKS = ".!?…"


@register
class RepeatedText(Rule):
    """A sentence or a paragraph of the reply says again, word for word, what the reply said already.

    ## What it does
    Reads the sentences of the reply's slots in order and flags each run of sentences that repeats,
    word for word (case, line breaks and the closing mark aside), sentences earlier in the same reply: a paragraph
    pasted twice, a line copied into two slots, a sentence pasted over and over. One finding per run,
    at the repeat, saying how often it appears. Sentences shorter than `min_words` words ("Thank
    you.", "I'm so sorry.") are left alone: said twice on purpose, they can read fine. In `review` of a chat
    transcript each of the agent's turns is a message of its own: a repeat is one within a turn (a hold line
    said in two turns, "One sec, let me check.", is said once in each).

    ## Why it matters
    The customer reads the same words twice and concludes no one read the reply before sending it;
    a long paste also buries the next step they are looking for.

    ## Example
    ```
    solution: |
      I've chased the courier, and they've promised it will be with you by Friday.
      I've chased the courier, and they've promised it will be with you by Friday.
    ```

    ## Use instead
    ```
    solution: I've chased the courier, and they've promised it will be with you by Friday.
    ```

    ## Options
    - `min_words` (default 5): the fewest words a sentence needs for its repeat to be reported.

    ## Fix safety
    No automatic fix: which copy to keep, and what the pasted text replaced, is the writer's call.
    """

    code = "SK011"
    name = "repeated-text"
    options: ClassVar[Mapping[str, Any]] = {"min_words": 5}
    bad_examples = (
        Example.of(acknowledgment="I can see how frustrating it is to wait this long for your parcel.",
                   solution="I've chased the courier, and they've promised it will be with you by Friday.\n"
                            "I've chased the courier, and they've promised it will be with you by Friday."),
        Example.of(acknowledgment="I can see how frustrating it is to wait this long for your parcel.",
                   warm_language="Thanks for bearing with me while I looked into it.",
                   solution="I've chased the courier today. Thanks for bearing with me while I looked into it."),
    )
    good_examples = (
        Example.of(acknowledgment="I'm so sorry. I can see how frustrating it is to wait this long.",
                   solution="I've chased the courier, and it will be with you by Friday. I'm so sorry."),
    )

    def check(self, message: Message, ctx: RuleContext) -> Iterable[Finding]:
        least = options.integer(type(self), ctx, "min_words", 1)
        text = message.text
        # (review of a transcript: each of the agent's turns is a message of its own, so a hold line said in two
        # turns, "One sec, let me check.", is said once in each; a repeat is one within a turn)
        turn_starts = [t.start for t in reply_turns(message)] if ctx.pack is None else []
        first: dict[tuple[int, str], int] = {}  # a sentence's turn and words -> how many times it is said
        runs: list[list[tuple[int, int, tuple[int, str]]]] = []  # the repeats, in runs of consecutive sentences
        # (a reviewed reply's sentences of no practice too: a closing line pasted twice is said twice)
        for _slot, start, end in _parts_of(message, (*_BODY_SLOTS, "other")).runs:
            run: list[tuple[int, int, tuple[int, str]]] | None = None
            for a, b in sentence_spans(text[start:end]):
                words = text[start + a:start + b].lower().split()  # (as said: its case and line breaks aside)
                key = (bisect_right(turn_starts, start + a), " ".join(words).rstrip(_SENTENCE_MARKS))
                times = first.get(key, 0)
                if len(words) >= least:
                    first[key] = times + 1
                if times and len(words) >= least:
                    if run is None:
                        run = []
                        runs.append(run)
                    run.append((start + a, start + b, key))
                else:
                    run = None
        where = "turn" if turn_starts else "reply"
        for run in runs:
            keys = dict.fromkeys(key for _, _, key in run)
            if len(keys) == 1:
                said = first[next(iter(keys))]
                what = f"this sentence is said {said} times in the {where}" if said > 2 else \
                    f"this sentence repeats one earlier in the {where}, word for word"
            else:
                what = f"these {len(run)} sentences repeat ones earlier in the {where}, word for word"
            copies = "copy" if max(first[key] for key in keys) <= 2 else "copies"
            yield Finding(run[0][0], run[-1][1], what, suggestion=f"Delete the {copies}: say it once.")


# Characters a reader never sees that change what the text does: the bidirectional controls reorder the
# line on screen (a "Trojan Source" disguise: the customer reads other words than the writer checked),
# and the zero-width ones (a soft hyphen too, unless a line breaks at it) split a word for every search, copy and
# spell check. The joiners (U+200C, U+200D) only between Latin letters: emoji sequences and scripts such as
# Persian need them.
# The zero-width ones and the C0 and C1 control characters but tab and the line breaks (a NUL or an escape from a
# pasted log or a broken import) are those the other rules read through (``UNSEEN``): deleted alike.
_ZERO_WIDTH = UNSEEN
_JOINERS = "\u200c\u200d"
_HIDDEN = DIRECTION_CONTROLS | _ZERO_WIDTH
_LATIN = f"[{LATIN_LETTER}]"
_HIDDEN_RUN = re.compile(f"[{''.join(sorted(_HIDDEN))}]+|(?<={_LATIN})[{_JOINERS}]+(?={_LATIN})")
# the marks, embeddings and isolates a right-to-left reply needs to place its numbers and punctuation
_DIRECTION_AIDS = DIRECTION_CONTROLS - {"\u202d", "\u202e"}
_RIGHT_TO_LEFT = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")  # Hebrew, Arabic and their kin
# a letter of a script written without spaces, where a zero-width space is the writer's hint of where a word ends
_SPACELESS_LETTER = re.compile(f"[{SPACELESS}]")
# an escape of a double-quoted YAML string ("\u200b", "\xad", "\N"...): what the file holds for a hidden character
_YAML_ESCAPE = re.compile(r"\\(?:x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|.)")


def _escape_at(message: Message, start: int, end: int) -> str | None:
    """The YAML escape the file writes a character of ``text[start:end]`` as ("\\u200b"), or None where it holds
    them as they are (a fix edits only such text)."""
    text = message.text
    for at in range(start, end):
        run = message.literal_run(at, at + 1)
        if run is not None and (source := run[2]) is not None and source.text[run[0]:run[1]] != text[at]:
            found = _YAML_ESCAPE.match(source.text, run[0])
            return found[0] if found else source.text[run[0]:run[1]]
    return None


@register
class HiddenCharacter(Rule):
    """The reply holds a character no one sees: a direction control or a zero-width space.

    ## What it does
    Flags each run of invisible characters in the reply: the bidirectional controls (U+202A-U+202E,
    U+2066-U+2069, the left-to-right and right-to-left marks), the zero-width space, word joiner
    and byte order mark (U+200B, U+2060, U+FEFF), the soft hyphen (U+00AD), the control characters
    (U+0000-U+001F but tab and the line breaks, U+007F-U+009F: a NUL from a pasted log), and the zero-width
    joiner and non-joiner (U+200D, U+200C) between two Latin letters. A zero-width space between
    two letters of a script written without spaces (Thai, Japanese, Chinese...) marks where a
    word ends, as its writer meant, and is left alone. They come with text pasted
    from a web page, a chat or a word processor, or with an imported macro. The joiners that emoji
    and scripts such as Persian need are left alone. In a reply with Hebrew or Arabic letters, the
    marks and isolates that place its numbers and punctuation (U+200E, U+200F, U+061C, U+202A-U+202C,
    U+2066-U+2069) are its own. The flexibility's alternatives and conditions are read too, and
    so is the text of an `{% if %}` branch the constants do not take today, and the script's title
    (the name agents pick the reply by), where a finding names the characters but `--fix` leaves them.

    ## Why it matters
    A direction control reorders the line on the customer's screen, so the customer can read other
    words than the ones the writer checked (a file name written "invoice\\u202efdp.exe" shows as
    "invoiceexe.pdf"); a zero-width space, a soft hyphen or a joiner splits a word for every search,
    spell check and copy, and hides a phrase from the other rules.

    ## Example
    `solution: "I've refunded\\u200b you today."` (written here as the escape; in a file it is invisible)

    ## Use instead
    `solution: "I've refunded you today."`

    ## Options
    None.

    ## Fix safety
    Safe: `--fix` deletes the characters where the file holds them as written (not as a `\\u` escape);
    what the reader sees is unchanged, or shown in the order it was typed. A zero-width space that is
    all that stands between two words ("any\\u200binconvenience") becomes a space instead; one of
    two spaces around a deleted character goes with it. In a right-to-left reply only the
    zero-width ones are deleted: a direction control there is the writer's to judge. A character
    the file writes as an escape is to be deleted by hand: the finding names the escape.
    """

    code = "SK012"
    name = "hidden-character"
    fix_safe = True
    reads_alternatives = True  # (an alternative, a condition, an untaken {% if %} branch: sent as well)
    reads_unseen = True  # (the characters the other rules read through: this rule tells them)
    bad_examples = (Example.of(acknowledgment="I can see how frustrating this is.",
                               solution="I've refunded\u200b you today, and it reaches you by Friday."),
                    Example.of(acknowledgment="I can see how frustrating this is.",
                               solution="I've refunded you \u202etoday\u202c, and it reaches you by Friday."))
    good_examples = (Example.of(acknowledgment="I can see how frustrating this is \U0001F469\u200d\U0001F4BB.",
                                solution="I've refunded you today, and it reaches you by Friday."),)

    def check(self, message: Message, ctx: RuleContext) -> Iterable[Finding]:
        text = message.text
        right_to_left = None  # (whether the reply has Hebrew or Arabic letters: asked once, where it matters)
        for found in _HIDDEN_RUN.finditer(text):
            hidden = found[0]
            if not set(hidden) - _DIRECTION_AIDS:
                if right_to_left is None:
                    right_to_left = _RIGHT_TO_LEFT.search(text) is not None
                if right_to_left:
                    continue  # (a right-to-left reply's own marks: they place its numbers and punctuation)
            names = list(dict.fromkeys(f"U+{ord(c):04X} ({unicodedata.name(c, 'a control character')})"
                                       for c in hidden))
            what = " and ".join(names) if len(names) <= 2 else f"{', '.join(names[:2])} and {len(names) - 2} more"
            # (in a right-to-left reply, deleting a direction control moves what the customer sees: no fix)
            zero_width = set(hidden) <= _ZERO_WIDTH or hidden[0] in _JOINERS
            if not zero_width and right_to_left is None:  # (kept: asked of each run, quadratic)
                right_to_left = _RIGHT_TO_LEFT.search(text) is not None
            safe = zero_width or not right_to_left
            before, after = text[found.start() - 1:found.start()], text[found.end():found.end() + 1]
            if hidden.strip("\u200b") == "" and _SPACELESS_LETTER.match(before) and _SPACELESS_LETTER.match(after):
                continue  # (Thai, Japanese, Chinese: a zero-width space between letters marks a word's end, as meant)
            # (a zero-width space alone between two letters of a script written with spaces stood for a space:
            # deleted, "any inconvenience" would read "anyinconvenience"; a soft hyphen or a joiner sits inside a word)
            spaced = "\u200b" in hidden and before.isalpha() and after.isalpha() \
                and not _SPACELESS_LETTER.match(before) and not _SPACELESS_LETTER.match(after)
            escape = _escape_at(message, found.start(), found.end())
            # (between two spaces, deleting it leaves two: the space after it goes too)
            end = found.end() + (before == after == " " and safe and not spaced and escape is None)
            if escape is not None:  # (--fix edits characters written as they are, never an escape)
                what += f", written in the file as the escape {escape}"
                suggestion = (f"Put a space in place of {escape} in the file, by hand: it stands between two words, "
                              "which read as one; --fix leaves escapes alone." if spaced and safe else
                              f"Delete {escape} from the file by hand (--fix leaves escapes alone): it changes how "
                              "the reply reads or is searched, not what it says." if safe else
                              f"Delete {escape} from the file by hand, unless it is there to show the right-to-left "
                              "text in order: it can reorder the line on the customer's screen.")
            else:
                suggestion = ("Put a space in its place: it stands between two words, which read as one." if
                              spaced and safe else
                              "Delete it: it came with pasted or imported text, and it changes how the reply "
                              "reads or is searched, not what it says." if safe else
                              "Delete it unless it is there to show the right-to-left text in order: it can reorder "
                              "the line on the customer's screen.")
            yield Finding(found.start(), end, f"an invisible character is in the text: {what}",
                          suggestion=suggestion,
                          replacement=(" " if spaced else "") if safe and escape is None else None)

    def check_pack(self, pack: Pack, messages: list[Message], ctx: RuleContext) -> Iterable[Diagnostic]:
        # The title too: it is the name agents pick the reply by, and a direction control there reorders it
        # ('Refund \u202eetal' shows as 'Refund late'). Here, not a load error: a Hebrew or Arabic title's own
        # marks and isolates are left alone, as in a reply, and a finding can be selected or ignored as SK012 is.
        wanted = {m.script_id for m in messages}
        for script in pack.scripts:
            if script.id not in wanted:
                continue
            hidden = [c for c in dict.fromkeys(script.title) if c in _HIDDEN]
            if hidden and _RIGHT_TO_LEFT.search(script.title):
                hidden = [c for c in hidden if c not in _DIRECTION_AIDS]
            if "\u200b" in hidden and _SPACELESS_LETTER.search(script.title):
                hidden.remove("\u200b")  # (Thai, Japanese, Chinese: where a word ends, as in a reply)
            if not hidden:
                continue
            names = [f"U+{ord(c):04X} ({unicodedata.name(c, 'a control character')})" for c in hidden]
            yield Diagnostic(self.code, self.name, f"an invisible character is in the title: {_said(names)}",
                             self.severity, _script_loc(script, ("title",)), text=script.title, script_id=script.id,
                             suggestion="Delete it from the title: agents pick the reply by its title, and a "
                                        "direction control reorders what they read there.")


@register
class UnsafeLink(Rule):
    """A link's address runs a script or holds a file.

    ## What it does
    Reports a link (`[text](address)`) whose address is a `javascript:`, `vbscript:`, `data:` or
    `file:` one.

    ## Why it matters
    No helpdesk will make such an address a link, and no export does: each writes the words and
    the address after them, so the customer reads "click here (javascript:void(0))". Such a link
    comes from a pasted editor button or an imported macro, or from someone testing what the
    helpdesk lets through.

    ## Example
    `solution: "Track it [here](javascript:openTracking())."`

    ## Use instead
    `solution: "Track it [here](https://example.com/track)."`, or the words without a link.

    ## Options
    None.

    ## Fix safety
    No automatic fix: only the writer knows the page it was meant to open.
    """

    code = "SK013"
    name = "unsafe-link"
    severity = Severity.ERROR
    reads_alternatives = True
    bad_examples = (Example.of(acknowledgment="I can see how frustrating the wait has been.",
                               solution="I've sent the label today: [print it here](javascript:print())."),)
    good_examples = (Example.of(acknowledgment="I can see how frustrating the wait has been.",
                                solution="I've sent the label today: [print it here](https://example.com/label)."),)

    def check(self, message: Message, ctx: RuleContext) -> Iterable[Finding]:
        # (the rules read the reply as the customer does, Message.as_read: such a link as its words and "(address)")
        text = message.text
        if ":" not in text:
            return
        for address in _WRITTEN_OUT_ADDRESS.finditer(text):
            if unsafe_address(address[1]):
                scheme = address[1].split(":", 1)[0].lower()
                yield Finding(address.start(), address.end(),
                              f"the address {address[0]} is a {scheme}: one, which no helpdesk makes a link: the "
                              "customer reads it as text",
                              suggestion="Link to a web page (https://...), or keep the words without a link.")


# the settings by which a helpdesk shows a macro to some agents only (a Front teammate's own template, a Zendesk
# restriction...): two of one title in different agents' pickers are no clash (the export's SK507 reads them so)
_PICKER_SETTINGS = ("teammate_id", "inbox_ids", "restriction", "visibility", "group_ids", "visible_to", "team_ids")


def _pickers(script: Script) -> str:
    """Whose pickers show ``script``, as its own export settings say: "" for every agent's."""
    return repr(sorted((target, key, repr(conf[key])) for target, conf in script.export.items()
                       if isinstance(conf, Mapping) for key in _PICKER_SETTINGS if key in conf))


# an address written out in parentheses, as a link no export makes is read: "Track it (javascript:track())"
_WRITTEN_OUT_ADDRESS = re.compile(r"\(\s*([A-Za-z]+:(?:[^()\s]|\([^()\s]*\))+)\)")


@register
class DuplicateTitle(Rule):
    """Two scripts have the same title.

    ## What it does
    Reports a script whose title (categories included: `Billing::Refund late`) is an earlier
    script's, word for word.

    ## Why it matters
    Agents pick a macro by its title: two alike in the helpdesk's list are a guess, and the one
    picked may be the wrong reply. Every helpdesk export refuses them for that reason (SK507), so
    a pack that checked clean would then fail to export. It usually comes from a copied script
    file whose title was not changed.

    ## Example
    `refund-late.yaml` and `refund-late-copy.yaml` both titled `Refund is late`.

    ## Use instead
    A title of its own for each (`Refund is late` and `Refund is late: card payments`), or one
    script with the difference as a condition or an alternative.

    ## Options
    None.

    ## Fix safety
    No automatic fix: only the writer knows what tells the two apart.
    """

    code = "SK014"
    name = "duplicate-title"
    bad_examples = (Example(scripts=(
        {"title": "Refund is late", "acknowledgment": "I'm so sorry your refund hasn't arrived yet.",
         "solution": "I've chased it with our payments team today, and I'll email you by Friday."},
        {"title": "Refund is late", "acknowledgment": "I can see how annoying it is that the card refund is late.",
         "solution": "I've asked your bank's team to trace it, and I'll update you tomorrow."},
    )),)
    good_examples = (Example(scripts=(
        {"title": "Refund is late", "acknowledgment": "I'm so sorry your refund hasn't arrived yet.",
         "solution": "I've chased it with our payments team today, and I'll email you by Friday."},
        {"title": "Refund is late: card payments",
         "acknowledgment": "I can see how annoying it is that the card refund is late.",
         "solution": "I've asked your bank's team to trace it, and I'll update you tomorrow."},
    )),)

    def check_pack(self, pack: Pack, messages: list[Message], ctx: RuleContext) -> Iterable[Diagnostic]:
        wanted = {m.script_id for m in messages}
        first: dict[tuple[str, str], Script] = {}
        for script in pack.scripts:
            # (as an agent reads titles: 'Café', 'Cafe' with a combining accent and 'CAFÉ' are one)
            earlier = first.setdefault((title_key(script.title), _pickers(script)), script)
            if earlier is script:
                continue
            if named_as_a_copy(Path(earlier.file).stem) and not named_as_a_copy(Path(script.file).stem):
                earlier, script = script, earlier  # (the copy is the one to retitle: 'refund-copy2.yaml' sorts first)
            if script.id not in wanted:
                continue
            title, theirs = " ".join(script.title.split()), " ".join(earlier.title.split())
            said = f"'{title}'" if title == theirs else f"'{title}' (there '{theirs}': one title in a helpdesk's list)"
            yield Diagnostic(self.code, self.name,
                             f"script '{script.id}' has the title of '{earlier.id}' "
                             f"({_script_loc(earlier, ('title',))}): {said}", self.severity,
                             _script_loc(script, ("title",)), text=script.title, script_id=script.id,
                             suggestion="Give it a title of its own: agents pick a macro by its title, and a "
                                        "helpdesk export refuses two with one title.")


_SPANISH_REPLY = {"acknowledgment": "Siento mucho que tu paquete siga sin llegar, sé que lo esperabas para el sábado.",
                  "solution": "Hoy mismo te mando otro por mensajero y te escribo con el número de seguimiento."}
# a placeholder as a reader sees it when empty ("Hi {{ customer.first_name | fallback('there') }},": "Hi there,")
_FALLBACK_SHOWN = re.compile(r"\{\{[^{}]*?\|\s*(?:fallback|default)\(\s*['\"]([^'\"]*)['\"]\s*\)\s*\}\}")


def _said(names: list[str]) -> str:
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


@register
class EnglishDefaultLayout(Rule):
    """A pack in another language than English gets scriptkit's English greeting and sign-off.

    ## What it does
    In a pack whose `locale` is not English (`es-ES`, `de-DE`, `ja-JP`...), names the channels
    its replies are sent on that have no layout in `pack.yaml`: each of them opens (and, for
    email, closes) every reply with scriptkit's default, which is English: "Hi there," ...
    "Warm wishes," on email, "Hi there!" on chat and social, "Thanks for calling, this is ..."
    on phone. One finding, at the `locale` line. A greeting or sign-off `pack.yaml` writes in English
    itself (as `scriptkit init` writes them: "Hi {{ customer.first_name | fallback('there') }},", or
    words of the writer's own such as "Hello!" or "Best regards,"), for a channel or under a helpdesk's
    `layouts`, is reported at its line. "Hi" and "Hey", which German and Dutch writers use too, count as
    English only with English words after them ("Hi there,", not "Hi zusammen," nor "Hi {{ customer.first_name
    }},"). A channel whose replies all read as English is left out, and English packs (`en`, `en-GB`,
    `en-US`...) are never reported.

    ## Why it matters
    The customer reads "Hi there," above a Spanish reply and "Warm wishes," under it: a form
    letter at the first and the last line, in every reply and every export.

    ## Example
    A pack with `locale: es-ES` and no `channels:` in `pack.yaml`, whose email reply is
    "Siento mucho que tu paquete siga sin llegar..."

    ## Use instead
    Write each channel's own greeting and sign-off in the pack's language in `pack.yaml`:
    ```yaml
    channels:
      chat:
        greeting: ""
      email:
        greeting: "¡Hola, {{ customer.first_name | fallback('buenos días') }}!"
        signoff: |
          Un saludo,
          {{ agent.first_name }}
    ```
    An empty greeting or sign-off (`greeting: ""`) sends none, and a channel given only a
    greeting has no sign-off.

    ## Options
    None.

    ## Fix safety
    No automatic fix: the greeting and sign-off are the writer's words.
    """

    code = "SK015"
    name = "english-default-layout"
    bad_examples = (Example(scripts=(_SPANISH_REPLY,), pack={"locale": "es-ES"}),
                    Example(scripts=(_SPANISH_REPLY,), pack={"locale": "es-ES", "channels": {"email": {
                        "greeting": "Hi {{ customer.first_name | fallback('there') }},",
                        "signoff": "Warm wishes,\n{{ agent.first_name }}"}}}))
    good_examples = (
        Example(scripts=(_SPANISH_REPLY,), pack={"locale": "es-ES", "channels": {"email": {
            "greeting": "¡Hola, {{ customer.first_name | fallback('buenos días') }}!",
            "signoff": "Un saludo,\n{{ agent.first_name }}"}}}),
        Example(scripts=(_SPANISH_REPLY,), pack={"locale": "es-ES", "channels": {"email": {"greeting": ""}}}),
    )

    def check_pack(self, pack: Pack, messages: list[Message], ctx: RuleContext) -> Iterable[Diagnostic]:
        from scriptkit.models import CHANNELS, DEFAULT_LAYOUTS

        language = base_language(pack.meta.locale)
        if language == "en":
            return
        # (a channel whose replies all read as English, as under a 'locale: uk' meant for the UK, is SK006's; told
        # by the writer's words, not the English greeting itself: the phone's runs into the reply's one line)
        sent = {m.channel for m in messages if written_language(m) != "en"}
        yield from self._english_layouts(pack, language, sent)
        channels = [c for c in CHANNELS if c in sent and c not in pack.meta.channels
                    and (DEFAULT_LAYOUTS[c].greeting or DEFAULT_LAYOUTS[c].signoff)]
        if not channels:
            return
        shown, write = [], []
        for channel in channels:
            layout = DEFAULT_LAYOUTS[channel]
            parts = [repr(_FALLBACK_SHOWN.sub(r"\1", text).splitlines()[0])
                     for text in (layout.greeting, layout.signoff) if text]
            shown.append(f"{channel}: {' ... '.join(parts)}")
            keys = [f"{key}: ..." for key in ("greeting", "signoff") if getattr(layout, key)]
            write.append(f"{channel}: {{{', '.join(keys)}}}")
        location = pack.origin.location(("locale",)) if pack.origin else Location(f"{pack.root}/pack.yaml", 1, 1)
        yield Diagnostic(self.code, self.name,
                         f"locale {pack.meta.locale}, but pack.yaml sets no greeting or sign-off for "
                         f"{_said(channels)}: their replies get scriptkit's English ones ({'; '.join(shown)})",
                         self.severity, location, text=pack.meta.locale,
                         suggestion=f"Write your own in {name_of(language)} in pack.yaml: "
                                    f"channels: {{{', '.join(write)}}}; an empty one (greeting: \"\") sends none.")

    def _english_layouts(self, pack: Pack, language: str, sent: set[str]) -> Iterator[Diagnostic]:
        """A greeting or sign-off pack.yaml writes in English (as `scriptkit init` writes them), for a channel or for
        one helpdesk, on a channel the pack's replies are sent on: one finding per layout, at its first such line."""
        from scriptkit.models import CHANNELS
        from scriptkit.targets.layouts import given

        written: list[tuple[tuple[str, ...], str, Mapping[str, object]]] = [
            (("channels", channel), f"the {channel} layout", pack.meta.channels[channel].model_dump())
            for channel in CHANNELS if channel in sent and channel in pack.meta.channels]
        for target in pack.meta.export:
            layouts = given(pack, str(target))
            for channel, layout in layouts.items() if isinstance(layouts, Mapping) else ():
                if channel in sent and isinstance(layout, Mapping):
                    written.append((("export", str(target), "layouts", str(channel)),
                                    f"{target}'s {channel} layout", layout))
        for path, whose, layout in written:
            english = [(key, text) for key in ("greeting", "signoff")
                       if isinstance(text := layout.get(key), str) and _reads_as_english(text)]
            if not english:
                continue
            key, text = english[0]
            location = (pack.origin.location((*path, key)) if pack.origin
                        else Location(f"{pack.root}/pack.yaml", 1, 1))
            said = " and ".join("greeting" if key == "greeting" else "sign-off" for key, _ in english)
            shown = " ... ".join(repr(_FALLBACK_SHOWN.sub(r"\1", text).strip().splitlines()[0]) for _, text in english)
            them = "them" if len(english) > 1 else "it"
            yield Diagnostic(self.code, self.name,
                             f"locale {pack.meta.locale}, but {whose}'s {said} "
                             f"{'read' if len(english) > 1 else 'reads'} as English ({shown}): the customer reads "
                             f"{them} around every {name_of(language)} reply sent on {path[-1]}",
                             self.severity, location, text=text,
                             suggestion=f"Write {them} in {name_of(language)} in pack.yaml; an empty one "
                                        f"({english[0][0]}: \"\") sends none.")


def _reads_as_english(text: str) -> bool:
    """Whether a layout's greeting or sign-off is English: its first line opens with an English greeting or is an
    English closing ("Hi {{ customer.first_name | fallback('there') }},", "Warm wishes,", "Take care,"), or the
    language checks read it as English ("Is there anything else I can help with today?"). A name alone ("- {{
    agent.first_name }}") is no language's."""
    first = next((line for line in text.splitlines() if line.strip()), "")
    informal = _INFORMAL_HI.match(_FALLBACK_SHOWN.sub(r"\1", first))
    if informal is not None:  # (German and Dutch greet with them too: only English words after them are English)
        words = re.findall(r"[^\W\d_][\w'’]*", _TEMPLATE_PART.sub(" ", informal["rest"]).lower())
        return not _ENGLISH_AFTER_HI.isdisjoint(words) or language_of(text) == "en"
    return _ENGLISH_FRAME.match(first) is not None or language_of(text) == "en"


# "Hi" and "Hey" open German and Dutch greetings too ("Hi zusammen,", "Hey du!", "Hi,"): a layout's greeting with
# them is English by the words after them ("Hi there,", "Hey everyone!"), fallback's included; a name alone
# ("Hi {{ customer.first_name }},") is any of those languages'. "Hello", "Dear" and the closings are English's own
_INFORMAL_HI = re.compile(r"[ \t]*(?:hi|hey|hiya)(?![\w'’-])(?P<rest>.*)", re.I)
_WORDS_AFTER_AN_ENGLISH_HI = ("there again all everyone everybody folks guys friend friends you your y'all and thanks "
                              "thank for to the how this it's it is from with our we i i'm")
_ENGLISH_AFTER_HI = frozenset(_WORDS_AFTER_AN_ENGLISH_HI.split())


# UTF-8 text read as Windows-1252 (or Latin-1) and saved again: each accented letter or curly quote became a
# lead (Â Ã â ð...) and one to three continuations ("itâ€™s", "cafÃ©"), and twice over "IÃ¢â‚¬â„¢m". A
# continuation is a byte 0x80-0xBF as either reading shows it (the five bytes Windows-1252 leaves undefined read
# as C1 controls). Only sequences that decode again as UTF-8 count, so "Âge" or "SÃO" never do.
_CONTINUATION = "".join(sorted({bytes([b]).decode("cp1252", "ignore") or chr(b) for b in range(0x80, 0xC0)}
                               | {chr(b) for b in range(0x80, 0xC0)}))
_C = f"[{re.escape(_CONTINUATION)}]"
_GARBLED = re.compile(
    f"(?:[Â-ß]{_C}|[à-ï]{_C}{{2}}|[ð-ô]{_C}{{3}})+"
    f"|â€(?!{_C})"                    # a closing quote (E2 80 9D) whose last byte Windows-1252 dropped
    "|(?<=[^\\sA-ZÀ-Þ])Â(?= )"         # a no-break space (C2 A0) whose second half became a space
    "|\ufffd+")
# what a capital letter can stand before at a word's end («CAFÉ», “NÃO”): such a pair is a word, not garbling
_CLOSING_MARKS = frozenset("’”‘“–—…•›»«\u00a0´·¨¸¯")


def _plausible(repaired: str) -> bool:
    """Whether a repair reads as text: one Latin, Greek or Cyrillic letter, punctuation, a symbol or an emoji;
    another script's letters only two or more at a time (a lone CJK character is as likely a coincidence)."""
    if len(repaired) > 1 and all(unicodedata.category(c)[0] in "LMN" for c in repaired):
        return True
    return all(0xA0 <= ord(c) <= 0x17F or 0x370 <= ord(c) <= 0x4FF or 0x2000 <= ord(c) <= 0x2BFF
               or ord(c) == 0xFEFF or ord(c) >= 0x1F000 for c in repaired)


def _undone(garbled: str) -> str | None:
    """``garbled`` read back as UTF-8, as many times as it was garbled; None where its bytes are no UTF-8."""
    text = garbled
    for _ in range(3):
        try:
            raw = bytes(ord(c) if ord(c) < 0x100 else c.encode("cp1252")[0] for c in text)
            text = raw.decode("utf-8")
        except (UnicodeError, ValueError):
            break
        if not _GARBLED.search(text):
            break
    return text if text != garbled and not _GARBLED.search(text) and _plausible(text) else None


def garbled_spans(text: str) -> Iterator[tuple[int, int, str | None]]:
    """Each run of garbled characters in ``text``: start, end and the repaired text (None where it is lost)."""
    if text.isascii():
        return
    for found in _GARBLED.finditer(text):
        run, end = found[0], found.end()
        if run[0] in "\ufffd" or run in ("â€", "Â"):
            yield found.start(), end, None
            continue
        if len(run) == 2 and run[1] in _CLOSING_MARKS and not text[end:end + 1].isalnum() \
                and (found.start() == 0 or not text[found.start() - 1].islower()):
            continue  # (a capital ending a word, then its closing quote: "IRMÃ”")
        repaired = _undone(run)
        if repaired is not None:
            yield found.start(), end, repaired


def _as_seen(text: str) -> str:
    """``text`` quoted for a writer: as it reads, or, where it holds a character that does not show (a no-break
    space), each character by name ('\\xa0' meant nothing to a content writer)."""
    if all(c.isprintable() and (c == " " or not c.isspace()) for c in text):
        return f"'{text}'"
    return " + ".join(f"'{c}'" if c.isprintable() and not c.isspace() else
                      f"U+{ord(c):04X} ({unicodedata.name(c, 'unnamed').lower()})" for c in text)


@register
class GarbledText(Rule):
    """The reply holds garbled characters: text saved in one encoding and read in another.

    ## What it does
    Flags the characters of UTF-8 text that was read as Windows-1252 or Latin-1 and saved again:
    "itâ€™s" for "it's" with a curly apostrophe, "cafÃ©" for "café", "Â" before a space where a
    no-break space was, and the same done twice ("IÃ¢â‚¬â„¢m"). Also flags U+FFFD, the
    replacement character (shown as �), which stands where a character could not be read. Only
    byte patterns that read back as UTF-8 count: "Âge", "SÃO" or "naïve" are left alone. The flexibility's
    alternatives and conditions are read too, and so is the text of an `{% if %}` branch the
    constants do not take today (said with when it is sent).

    ## Why it matters
    The customer reads "Iâ€™ll" and sees a broken template, and the other rules misread it too:
    "Iâ€™ll chase the courier" is not read as "I'll", so the reply seems to have no owner. Such
    text comes with an export opened or saved in the wrong encoding (a CSV through Excel).

    ## Example
    `solution: "Iâ€™ll chase the courier today."`

    ## Use instead
    `solution: "I’ll chase the courier today."`; if many macros are garbled, import the export
    again from a file saved as UTF-8.

    ## Options
    None.

    ## Fix safety
    Safe where the garbled characters read back as UTF-8 exactly: `--fix` writes the repaired
    characters. No fix for U+FFFD (the character it replaced is lost), for a lone "Â" before a
    space or for an "â€" whose last byte was dropped: retype what was meant.
    """

    code = "SK016"
    name = "garbled-text"
    fix_safe = True
    reads_alternatives = True  # (an alternative, a condition, an untaken {% if %} branch: sent as well)
    bad_examples = (Example.of(acknowledgment="I can see how frustrating the wait has been.",
                               solution="Iâ€™ll chase the courier today, and it reaches you by Friday."),
                    Example.of(acknowledgment="I can see how frustrating the wait has been.",
                               solution="I\ufffdll chase the courier today, and it reaches you by Friday."))
    good_examples = (Example.of(acknowledgment="I can see how frustrating the wait has been.",
                                solution="I’ll chase the courier today, and our café team calls you by Friday."),)

    def check(self, message: Message, ctx: RuleContext) -> Iterable[Finding]:
        for start, end, repaired in garbled_spans(message.text):
            run = message.text[start:end]
            if repaired is not None:
                mark = repaired.replace("\ufeff", "") == ""  # (a byte order mark: nothing to write back)
                yield Finding(start, end, f"garbled text {_as_seen(run)}: "
                                          f"{'a byte order mark' if mark else _as_seen(repaired)} "
                                          "saved as UTF-8 and read as Windows-1252",
                              suggestion="Delete it." if mark else f"Write {_as_seen(repaired)}.",
                              replacement=repaired.replace("\ufeff", ""))
            elif run[0] == "\ufffd":
                yield Finding(start, end, "a lost character: U+FFFD (REPLACEMENT CHARACTER, shown as �) stands "
                                          "where the text held one that could not be read",
                              suggestion="Retype the character that was meant (often ’ or an accented letter).")
            else:
                yield Finding(start, end, f"garbled text {_as_seen(run)}: part of a character read in another encoding "
                                          f"({'a no-break space' if run == 'Â' else 'a closing quote, ”'})",
                              suggestion="Delete it." if run == "Â" else "Retype the quote that was meant.")


@register
class UnusedConstant(Rule):
    """A constant in pack.yaml is not used by any script or layout.

    ## What it does
    Lists constants declared under `constants:` that no template reads.

    ## Why it matters
    An unused constant is usually a typo elsewhere (`refund_window` vs `refund_window_days`)
    or a value someone will update believing it changes the scripts.

    ## Example
    `constants: {refund_window_days: 30}` with no `{{ refund_window_days }}` anywhere.

    ## Use instead
    Use it in the scripts that state the window, or delete it.

    ## Options
    None.

    ## Fix safety
    No automatic fix.
    """

    code = "SK002"
    name = "unused-constant"
    severity = Severity.SUGGESTION
    bad_examples = (Example(
        scripts=({"acknowledgment": "I can see how frustrating this is.",
                  "solution": "I'll refund you within 30 days."},),
        pack={"constants": {"refund_window_days": 30}}),)
    good_examples = (Example(
        scripts=({"acknowledgment": "I can see how frustrating this is.",
                  "solution": "I'll refund you within {{ refund_window_days }} days."},),
        pack={"constants": {"refund_window_days": 30}}),)

    def check_pack(self, pack: Pack, messages: list[Message], ctx: RuleContext) -> Iterable[Diagnostic]:
        from scriptkit.models import CHANNELS
        from scriptkit.rendering import layout_sources, script_sources

        if not pack.constants or pack.partial:  # (one script checked alone: the others may use them)
            return
        unused = set(pack.constants)
        for channel in CHANNELS:
            for src in layout_sources(pack, channel):
                unused -= names_used(src.text)
        for script in pack.scripts:  # all scripts: a constant used by any script is used
            if not unused:
                return  # every constant is used: no need to read the rest
            for src in script_sources(script):
                if "{" in src.text:
                    unused -= names_used(src.text)
        for name in pack.constants:
            if name in unused:
                loc = pack.origin.location(("constants", name), key=True) if pack.origin else \
                    Location(f"{pack.root}/pack.yaml", 1, 1)
                yield Diagnostic(self.code, self.name, f"constant '{name}' is not used by any script",
                                 self.severity, loc, text=name,
                                 suggestion=f"Use it as {{{{ {name} }}}} or delete it.")


@register
class UnusedBlank(Rule):
    """A blank is declared but the script never asks for it.

    ## What it does
    Flags blanks declared under `flexibility: blanks:` that no slot, guidance, alternative
    or condition of the same script uses.

    ## Why it matters
    The agent sees a prompt for a value that never appears in the reply; or the author
    meant to use it and the sentence that needed it went out without it.

    ## Example
    `blanks: [{name: delivery_date}]` with no `{{ blank.delivery_date }}` in the script.

    ## Use instead
    Use it (`it will arrive by {{ blank.delivery_date }}`) or delete the declaration.

    ## Options
    None.

    ## Fix safety
    No automatic fix.
    """

    code = "SK003"
    name = "unused-blank"
    bad_examples = (Example.of(acknowledgment="I can see how frustrating this is.",
                               flexibility={"blanks": [{"name": "delivery_date", "prompt": "The day"}]},
                               solution="I'll send a replacement today."),)
    good_examples = (Example.of(acknowledgment="I can see how frustrating this is.",
                                flexibility={"blanks": [{"name": "delivery_date", "prompt": "The day"}]},
                                solution="I'll send a replacement today; it arrives {{ blank.delivery_date }}."),)

    def check_pack(self, pack: Pack, messages: list[Message], ctx: RuleContext) -> Iterable[Diagnostic]:
        from scriptkit.rendering import script_sources

        for script in _wanted(pack, messages):
            if script.flexibility is None or not script.flexibility.blanks:
                continue
            used: set[str] = set()
            for src in script_sources(script):
                used |= blanks_used(src.text)
            for i, blank in enumerate(script.flexibility.blanks):
                if blank.name not in used:
                    yield Diagnostic(self.code, self.name, f"blank '{blank.name}' is declared but never used",
                                     self.severity, _script_loc(script, ("flexibility", "blanks", i)),
                                     slot="flexibility", text=blank.name, script_id=script.id,
                                     suggestion=f"Use it as {{{{ blank.{blank.name} }}}} or delete it.")


def _words(text: str) -> list[str]:
    """The words the audit's duplicate finder (``scriptkit.sprawl``) reads in a reply: lower case, of every
    script (Cyrillic, Greek, accented Latin), a placeholder or blank one token."""
    # (``normalise``'s tokens, the words found as the phrase lists find them, several times faster: by
    # ``reading``, a placeholder is '{{}}' here)
    folded = text.lower().replace("’", "'")
    return tokenise(folded) if "{{}}" not in folded else \
        [*chain.from_iterable([_VAR, *tokenise(part)] for part in folded.split("{{}}"))][1:]


def _tokens(text: str) -> list[str]:
    """The words as the audit's duplicate finder compares them: ``_words`` with each id ('order 4471',
    'INC0012345') one token; an amount ('5 days', '$30', '3 items') stays itself (``sprawl.fold_identifiers``)."""
    from scriptkit.sprawl import fold_identifiers  # (`review` of one reply does not load it)

    return fold_identifiers(_words(text))


_VAR = "<var>"  # (the audit's token for a placeholder or blank)


# a template's '{{ }}' (its fallback and filters are no words of the reply), '{% %}' and '{# #}';
# a '[[fill-in]]' as written (bounded: a template is at most 50,000 characters, read once)
_TEMPLATE_PART = re.compile(r"\{\{[^}]{0,500}\}\}|\[\[[^\]]{0,500}\]\]|\{%[^%]{0,500}%\}|\{#[^#]{0,500}#\}")


def reading(text: str) -> str:
    """What the customer reads of a template, as the words to compare: each placeholder, blank or fill-in
    one token ('{{}}', as the audit reads each of a reply's), a tag or comment none."""
    if "{" not in text and "[[" not in text:
        return text
    return _TEMPLATE_PART.sub(lambda m: " " if m[0][1] in "%#" else "{{}}", text)


def shingles(text: str) -> frozenset[str]:
    """Word bigrams of what the customer reads of the text (``reading``), as the audit's duplicate finder
    makes them: lower case, punctuation dropped, each placeholder one token whatever its fallback, each
    id (an order or ticket number) one token.

    Bigrams rather than longer shingles: one changed word in a 30-word script then keeps it
    above 0.85, which is what "near-identical" should mean for texts this short.
    """
    tokens = _tokens(reading(text))
    if len(tokens) < 2:
        return frozenset(tokens)
    return frozenset(map(" ".join, pairwise(tokens)))


def script_text(script: Script, constants: Mapping[str, object] | None = None) -> str:
    """The customer-facing slots of a script, every variant, as written; with ``constants`` (the pack's), each
    '{{ name }}' of one of them is its value, as the customer reads it (a constant's filters aside)."""
    text = "\n".join(v for slot in ("acknowledgment", "warm_language", "solution") for v in script.variants(slot))
    if not constants or "{{" not in text:
        return text
    return _CONSTANT.sub(lambda m: str(constants[m[1]]) if m[1] in constants else m[0], text)


# a '{{ name }}' or '{{ name | filter(...) }}' (bounded, as _TEMPLATE_PART)
_CONSTANT = re.compile(r"\{\{-?\s{0,50}([A-Za-z_]\w{0,200})\s{0,50}(?:\|[^}]{0,500})?-?\}\}")


# MinHash by one-permutation hashing: one CRC-32 per shingle, split into bins, the minimum
# kept per bin; an empty bin borrows from the first filled bin along its own fixed probe order
# ("optimal densification", so borrowed values do not line up across a band). BANDS bands of
# `rows` bins each; two sets become candidates when MIN_BANDS whole bands agree. At the
# default threshold 0.85 (4 rows) that happens with probability 0.998 for Jaccard 0.85, 0.82
# for 0.7 and only 0.17 for 0.5 (templated packs have many pairs near 0.5, and each candidate
# costs an exact comparison). Lower thresholds get fewer rows per band, so recall holds.
# Deterministic: CRC-32 of the text and fixed-seed probe orders, no process-seeded hashing.
BANDS, MIN_BANDS = 12, 2


def rows_for(threshold: float) -> int:
    """Rows per band: the most that keeps a pair at ``threshold`` a likely candidate."""
    if threshold >= 1.0:
        return 4
    return max(1, min(4, math.floor(math.log(0.5) / math.log(max(threshold, 0.01)))))


@lru_cache(maxsize=8)
def _probes(bins: int) -> tuple[tuple[int, ...], ...]:
    return tuple(tuple(random.Random(i).sample(range(bins), bins)) for i in range(bins))


class _Crc(dict[str, int]):
    """CRC-32 of each shingle, computed once per distinct shingle (scripts share most of theirs)."""

    def __missing__(self, shingle: str) -> int:
        value = self[shingle] = zlib.crc32(shingle.encode())
        return value


def minhash(tokens: Iterable[str], bins: int = 4 * BANDS, crc: Mapping[str, int] | None = None) -> tuple[int, ...]:
    hashes = sorted(map((crc if crc is not None else _Crc()).__getitem__, tokens), reverse=True)
    # later keys overwrite earlier ones: each bin keeps its smallest hash
    lowest = {h % bins: h // bins for h in hashes}
    if not lowest:
        return ()
    sig = list(map(lowest.get, range(bins), repeat(-1, bins)))
    if len(lowest) < bins:
        probes = _probes(bins)
        for i in range(bins):
            if sig[i] < 0:
                for j in probes[i]:
                    if j in lowest:
                        sig[i] = lowest[j]
                        break
    return tuple(sig)


class Fingerprint(NamedTuple):
    """What duplicate detection needs of one text: its shingle set, and its MinHash signature
    packed into bytes: ``BANDS`` equal cuts of it are the bands (one bytes object rather than one
    per band)."""

    shingles: frozenset[str]
    bands: bytes


@lru_cache(maxsize=8)
def _rows_format(bins: int) -> struct.Struct:
    return struct.Struct(f">{bins}I")  # a row holds a CRC-32 divided by the number of bins: 4 bytes


def _bands(signature: Iterable[int]) -> bytes:
    """The rows packed (a band, a cut of them, is equal exactly when its rows are)."""
    rows = tuple(signature)
    return _rows_format(len(rows)).pack(*rows)


def fingerprint(text: str, rows: int, crc: Mapping[str, int] | None = None) -> Fingerprint:
    """The straightforward definition (``fingerprints`` makes the same, faster, for many texts)."""
    found = shingles(text)
    return Fingerprint(found, _bands(minhash(found, rows * BANDS, crc)) if found else b"")


# A templated pack's scripts are made of sentences that many other scripts use too, so a text's
# shingles and MinHash are put together from those of its pieces, each distinct piece worked out
# once. The cuts are at line breaks and sentence ends followed by a space, characters that no
# token holds and that lower() keeps, so the pieces' tokens in order are the text's tokens: the
# text's shingles are the pieces' bigrams plus one bigram across each cut (from the last token
# before it to the first after), and its hashes are theirs.


class _Piece(NamedTuple):
    first: str  # its first and last tokens ("" if it has none)
    last: str
    words: tuple[str, str]  # its first and last words before ids are folded (("", "") if it has none)
    inner: frozenset[str]  # its bigrams
    lowest: dict[int, int]  # as in minhash: bin -> the value its least hash among them leaves there


class _Bins(dict[int, tuple[int, int]]):
    """A hash's (bin, value kept in the bin), the hash split once per distinct hash."""

    def __init__(self, bins: int) -> None:
        super().__init__()
        self.bins = bins

    def __missing__(self, h: int) -> tuple[int, int]:
        value = self[h] = (h % self.bins, h // self.bins)
        return value


class _Fingerprints:
    """``fingerprint`` at one number of rows, for many texts: pieces and hashes are remembered."""

    def __init__(self, rows: int) -> None:
        from scriptkit.sprawl import fold_depends_across, fold_identifiers

        self.fold, self.depends = fold_identifiers, fold_depends_across
        self.rows = rows
        self.bins = rows * BANDS
        self.crc = _Crc()
        self.split = _Bins(self.bins)
        self.pieces: dict[str, _Piece] = {}
        self.probes = _probes(self.bins)
        self.format = _rows_format(self.bins)

    def _piece(self, text: str) -> _Piece:
        words = _words(text)
        tokens = self.fold(words)
        inner = frozenset(map(" ".join, pairwise(tokens)))
        lowest = dict(map(self.split.__getitem__, sorted(map(self.crc.__getitem__, inner), reverse=True)))
        piece = self.pieces[text] = _Piece(tokens[0], tokens[-1], (words[0], words[-1]), inner, lowest) \
            if tokens else _NO_TOKENS
        return piece

    def __call__(self, text: str) -> Fingerprint:
        text = reading(text)  # (before it is cut: a placeholder's '{{ }}' may hold a '. ')
        known = self.pieces
        parts = [known.get(p) or self._piece(p) for p in
                 text.replace(". ", "\n").replace("? ", "\n").replace("! ", "\n").split("\n")]
        across: list[str] = []
        last, word = "", ""
        for part in parts:
            if part.first:
                if last:
                    if self.depends(word, part.words[0]):  # ("order no. 4471": an id read across the cut)
                        return fingerprint(text, self.rows, self.crc)
                    across.append(f"{last} {part.first}")
                last, word = part.last, part.words[1]
        inner = [p.inner for p in parts if p.inner]
        if not inner and not across:
            return fingerprint(text, self.rows, self.crc)  # fewer than two tokens: the set is the tokens
        found = frozenset().union(*inner, across)
        # each bin's least value over the pieces' and the bigrams' across the cuts (a hash's value
        # orders as the hash does within its bin)
        lows = [p.lowest for p in parts if p.lowest]
        base = max(lows, key=len) if lows else {}
        lowest = dict(base)
        split = self.split.__getitem__
        for pairs in chain([low.items() for low in lows if low is not base],
                           [map(split, map(self.crc.__getitem__, across))]):
            for b, value in pairs:
                if value < lowest.get(b, _EMPTY_BIN):
                    lowest[b] = value
        bins = self.bins
        sig = list(map(lowest.get, range(bins), repeat(0, bins)))
        if len(lowest) < bins:
            probes = self.probes
            for i in set(range(bins)).difference(lowest):  # an empty bin borrows along its probe order
                for j in probes[i]:
                    if j in lowest:
                        sig[i] = lowest[j]
                        break
        return Fingerprint(found, self.format.pack(*sig))


_NO_TOKENS = _Piece("", "", ("", ""), frozenset(), {})
_EMPTY_BIN = 1 << 32  # above any value a bin keeps


def fingerprints(texts: Iterable[str], threshold: float) -> list[Fingerprint]:
    """Each text's fingerprint for duplicate-script at ``threshold`` (``fingerprint`` of each)."""
    return list(map(_Fingerprints(rows_for(threshold)), texts))


def near_duplicates(sets: list[frozenset[str]], threshold: float) -> dict[int, tuple[int, float]]:
    """For each set, the earliest earlier set with Jaccard similarity >= ``threshold``.

    Identical sets are grouped by hash; the rest go through MinHash LSH (see ``BANDS``)
    and only candidates that share a band, pass the size filter and reach the threshold by
    exact Jaccard are reported: no false positives, and misses only for pairs near the
    threshold with a vanishing probability. Linear in the number of scripts for varied text.
    """
    rows, crc = rows_for(threshold), _Crc()
    prints = [Fingerprint(s, _bands(minhash(s, rows * BANDS, crc)) if s else b"") for s in sets]
    return _near_duplicates(prints, threshold)


def _near_duplicates(prints: list[Fingerprint], threshold: float) -> dict[int, tuple[int, float]]:
    """``near_duplicates`` on each set's fingerprint."""
    found: dict[int, tuple[int, float]] = {}
    first_of: dict[frozenset[str], int] = {}
    buckets: list[dict[bytes, list[int]]] = [{} for _ in range(BANDS)]
    sizes = [len(p.shingles) for p in prints]

    for i, (own, packed) in enumerate(prints):
        n = sizes[i]
        if not n:
            continue
        j = first_of.setdefault(own, i)
        if j != i:
            found[i] = (j, 1.0)
            continue
        step = len(packed) // BANDS
        bands = [packed[k:k + step] for k in range(0, len(packed), step)]
        met = [members for members in map(dict.get, buckets, bands) if members]
        if len(met) >= MIN_BANDS:
            low, high = threshold * n, n / threshold
            for j in _candidates(met):
                if not low <= sizes[j] <= high:
                    continue
                # (what is left of it: candidates share most of their shingles, so this builds a
                # smaller set than the intersection would)
                inter = n - len(own - prints[j].shingles)
                sim = inter / (n + sizes[j] - inter)
                if sim >= threshold:
                    found[i] = (j, sim)
                    break  # the earliest similar script is the one to point at
        for bucket, band in zip(buckets, bands, strict=True):
            bucket.setdefault(band, []).append(i)
    return found


# Bucket entries walked in order before the rest are counted at once (see _candidates).
_WALK_FIRST = 64
# Bucket entries counted at once without a walk (a copy of a text met by hundreds of earlier copies walks)
_COUNT_AT_ONCE = 512


def _candidates(met: list[list[int]]) -> Iterator[int]:
    """The earlier scripts in at least MIN_BANDS of the buckets ``met``, earliest first.

    The buckets' member lists are ascending (scripts are added in order), so a lazy merge of them
    walks the candidates in order and the search can stop at the first similar one. Copies of one
    text, each in the same buckets as all the others, need no more: counting every entry for every
    new copy instead made 8,000 such copies take 11 s (quadratic) where this takes 0.2 s. After
    the first ``_WALK_FIRST`` entries the rest are counted at once, at C speed, as they were
    before: texts that share many buckets but are not similar enough (each one checked, then
    passed over) cost what they did.

    Yet walking costs ~1 us an entry in Python: when the buckets hold few entries in all (most
    scripts of a templated pack meet a few dozen), they are counted at once at C speed, ~20 times
    faster, with the same candidates in the same order (the 10,000-script benchmark pack: 0.64 -> 0.43 s).
    """
    if sum(map(len, met)) <= _COUNT_AT_ONCE:
        hits = Counter(chain.from_iterable(met))
        yield from sorted(j for j, c in hits.items() if c >= MIN_BANDS)
        return
    walked, last = 0, -1
    for j, run in groupby(heapq.merge(*met)):
        times = sum(1 for _ in run)
        if times >= MIN_BANDS:
            yield j
        walked, last = walked + times, j
        if walked >= _WALK_FIRST:
            break
    else:
        return
    hits = Counter(chain.from_iterable(met))
    yield from sorted(j for j, c in hits.items() if c >= MIN_BANDS and j > last)


class Ahead(NamedTuple):
    """duplicate-script's matches on a whole pack, found ahead of check_pack (by scriptkit.parallel,
    while its workers run): for the pack whose list of scripts is ``scripts``, at ``threshold``, its texts
    read with ``constants`` (the pack's; None: none, as for a pack without constants)."""

    threshold: float
    scripts: list[Script]
    matches: dict[int, tuple[int, float]]
    constants: Mapping[str, object] | None = None


def work_ahead(scripts: list[Script], threshold: float, constants: Mapping[str, object] | None = None) -> Ahead:
    """duplicate-script's matches among ``scripts``, each read with the pack's ``constants`` filled in."""
    return Ahead(threshold, scripts, _matches(scripts, threshold, constants), dict(constants) if constants else None)


def _matches(scripts: list[Script], threshold: float,
             constants: Mapping[str, object] | None) -> dict[int, tuple[int, float]]:
    texts = [script_text(s, constants) for s in scripts]
    return _near_duplicates(fingerprints(texts, threshold), threshold)


# matches found ahead, for check_pack to use on that very list of scripts (a worker found them on
# its forked copy of the list, which nothing changes while a lint runs)
_AHEAD: list[Ahead] = []


@contextmanager
def matches_ahead(ahead: Ahead | None) -> Iterator[None]:
    """Within the block, check_pack takes the matches of ``ahead`` as already found."""
    if ahead is not None:
        _AHEAD.append(ahead)
    try:
        yield
    finally:
        _AHEAD.clear()


@register
class DuplicateScript(Rule):
    """Two scripts say the same thing, word for word or nearly.

    ## What it does
    Compares the customer-facing text of every script (all variants of acknowledgment, warm
    language and solution) as sets of word bigrams and flags a script whose Jaccard
    similarity with an earlier one is at least `threshold` (default 0.85). It reads the words
    as the customer does and as `scriptkit audit` compares macros: case and punctuation aside,
    each placeholder or blank one word whatever its fallback (`{{ customer.first_name }}` and
    `{{ customer.first_name | fallback('there') }}` read alike), each of the pack's constants
    its value (`{{ refund_days }}` reads as "30" where pack.yaml says `refund_days: 30`), tags
    such as `{% if %}` left out, and each id one word: scripts that differ only in an order,
    ticket or reference number ("order 4471", "ticket no 88", "INC0012345") are said to be the
    same but for their reference numbers. An amount is a word like any other: "refunds take 5
    days" and "refunds take 30 days", "$5" and "$50", or `{{ refund_days }}` and
    `{{ exchange_days }}` tell the customer different things, and scripts that differ in one
    are only as alike as the rest of their words. Scales to packs of tens of thousands of
    scripts: MinHash with LSH banding proposes candidates, and only those are compared exactly
    (no all-pairs comparison).

    ## Why it matters
    Near-duplicates drift apart as one copy gets fixed and the other does not; agents pick
    the wrong one; the pack gets harder to review.

    ## Example
    `refund-late.yaml` and `refund-delayed.yaml` differing only in "delayed" vs "late".

    ## Use instead
    One script, with the difference as an alternative phrasing, a condition or a blank.

    ## Options
    - `threshold` (default 0.85): the similarity from which two scripts count as duplicates.

    ## Fix safety
    No automatic fix.
    """

    code = "SK004"
    name = "duplicate-script"
    options: ClassVar[Mapping[str, Any]] = {"threshold": 0.85}
    bad_examples = (Example(scripts=(
        {"acknowledgment": "I can see how frustrating it is that your refund has not arrived yet.",
         "solution": "I've chased the refund with our payments team today, and I'll email you by Friday."},
        {"acknowledgment": "I can see how frustrating it is that your refund has not arrived yet!",
         "solution": "I've chased the refund with our payments team today, and I'll email you by Friday."},
    )),)
    good_examples = (Example(scripts=(
        {"acknowledgment": "I can see how frustrating it is that your refund has not arrived yet.",
         "solution": "I've chased the refund with our payments team today, and I'll email you by Friday."},
        {"acknowledgment": "Being locked out of your account right before a deadline is so stressful.",
         "solution": "I'll send you a reset link now, and it will work for the next hour."},
    )),)

    @staticmethod
    def threshold(ctx: RuleContext) -> float:
        return float(ctx.option("threshold", 0.85))

    def check_pack(self, pack: Pack, messages: list[Message], ctx: RuleContext) -> Iterable[Diagnostic]:
        threshold = self.threshold(ctx)
        scripts = pack.scripts
        wanted = {m.script_id for m in messages}
        constants = dict(pack.constants)
        # (matches found ahead with the pack's constants, or with none where it has none)
        ahead = next((a for a in _AHEAD if a.threshold == threshold and a.scripts is scripts
                      and (a.constants or {}) == constants), None)
        matches = ahead.matches if ahead is not None else _matches(scripts, threshold, constants)
        for i, (j, sim) in sorted(matches.items()):
            script, other = scripts[i], scripts[j]
            if script.id not in wanted:
                continue
            what = _how_alike(script, other, constants) if sim >= 1.0 else f"is {sim:.0%} the same as"
            where = _script_loc(other, ("id",), key=True)
            yield Diagnostic(self.code, self.name, f"script '{script.id}' {what} '{other.id}' ({where})",
                             self.severity, _script_loc(script, ("id",), key=True), text=script.title,
                             script_id=script.id, extra={"duplicate_of": other.id, "similarity": f"{sim:.3f}"},
                             suggestion="Merge them: keep one script and move the difference into an "
                                        "alternative, a condition or a blank.")


def _how_alike(script: Script, other: Script, constants: Mapping[str, object]) -> str:
    """How two scripts of one set of word pairs are alike: the same words as the customer reads them (the
    audit's exact duplicates: case, punctuation and a placeholder's fallback aside), or the same words around
    other ids (an order, ticket or reference number: amounts and counts are words like any other)."""
    from scriptkit.sprawl import normalise

    if normalise(reading(script_text(script, constants))) == normalise(reading(script_text(other, constants))):
        return "is identical to"
    return "is the same, but for its reference numbers, as"


__all__ = ["DuplicateGreeting", "DuplicateScript", "DuplicateSignoff", "DuplicateTitle",
           "PlaceholderWithoutFallback", "QuotedThread", "RepeatedText", "TextArtifact", "UnusedBlank",
           "UnusedConstant", "blanks_used", "names_used", "near_duplicates", "shingles"]
