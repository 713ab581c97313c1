"""The Message: a rendered script as segments that remember where they came from.

Rules read Messages; targets serialise them. Nothing downstream re-parses helpdesk syntax.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import FrozenInstanceError, dataclass, field, replace
from numbers import Number
from operator import itemgetter
from typing import Any, Generic, NamedTuple, NoReturn, TypeVar, overload

from scriptkit.diagnostics import Location
from scriptkit.errors import ConfigError, argument_named
from scriptkit.placeholders import DEFAULT_CATALOGUE, Catalogue, nearest_placeholder
from scriptkit.sourcetext import SourceText, expression_end
from scriptkit.text import DROPPED, MARKUP, SPACE, folded_alike, link_marks, unsafe_address

#: the file a message's text is said to be in where it is the greeting or sign-off scriptkit adds for a channel
#: pack.yaml gives none ('<default email layout>'): no file a writer has, so what is found there is told at pack.yaml
DEFAULT_LAYOUT_FILE = re.compile(r"<default (\w+) layout>")

#: the channels a reply is written for
CHANNELS: tuple[str, ...] = ("email", "chat", "sms", "phone", "social")

#: what writers and helpdesk records call a channel other than by its name: a pack's check suggests the channel for
#: such a word ('text' in a script's channels: "Did you mean 'sms'?") and an import reads it as the channel (a
#: record's 'Twitter'), so the two read a word alike. A social network is the social channel, a messaging app chat.
#: Words that name more than one are left out: 'messaging' (Salesforce's SMS channel, many a team's chat), 'mobile'
#: (an app, a call or a text), 'inbox' (a helpdesk's inbox holds every channel).
CHANNEL_WORDS: Mapping[str, str] = {
    **dict.fromkeys(("text", "texts", "txt", "text message", "sms message", "sms text", "sms/text"), "sms"),
    **dict.fromkeys(("e-mail", "mail", "emails", "email reply"), "email"),
    **dict.fromkeys(("phone call", "call", "calls", "voice", "telephone", "tel", "voicemail"), "phone"),
    **dict.fromkeys(("live chat", "livechat", "messenger", "whatsapp", "web chat", "webchat", "in-app", "in app"),
                    "chat"),
    **dict.fromkeys(("twitter", "x", "facebook", "instagram", "linkedin", "tiktok", "youtube", "threads",
                     "social media", "dm"), "social"),
}


def channel_named(word: str) -> str | None:
    """The channel ``word`` names, as itself or one of ``CHANNEL_WORDS`` ('SMS', 'WhatsApp', 'social_media'),
    whatever its case, underscores and spacing; None for a word that names no channel."""
    spelled = " ".join(word.casefold().replace("_", " ").split())
    return spelled if spelled in CHANNELS else CHANNEL_WORDS.get(spelled)

#: the channels whose customer reads a link as its text and its address, "text (address)", as the plain-text
#: exports write it: a text message shows no link markup, and on the phone the address is said, not clicked.
#: ``Message.as_read`` reads a link so there (a length rule counts the address), elsewhere as its text alone.
PLAIN_TEXT_CHANNELS: frozenset[str] = frozenset({"sms", "phone"})


def known_channels(channels: Iterable[str] | str) -> list[str]:
    """``channels`` as given, each one a channel scriptkit knows; a misspelt one is a ConfigError
    (a caller's 'Email' or 'fax' was judged as no channel at all, or a pack's scripts on none). One name, or
    names with commas ('chat, email'), is taken as export() takes its targets, and the CLI its --channel."""
    if isinstance(channels, bytes):  # (not text: b"email" would be read as the numbers 101, 109, ...)
        name = channels.decode(errors="replace")
        raise ConfigError(f"channels must be a list of names, not the text {channels!r}",
                          hint=f"Pass {name!r} or [{name!r}].")
    try:  # (a str: its names, not the channels 'e', 'm', ...)
        wanted = names_listed(channels) if isinstance(channels, str) else list(channels)
    except TypeError:  # (a number, None: nothing to read names from)
        raise ConfigError(f"channels must be a list of names, not {channels!r:.60}",
                          hint=f"Channels: {', '.join(CHANNELS)}.") from None
    for name in wanted:
        if not isinstance(name, str):
            raise ConfigError(f"a channel is a name, not {name!r:.60}", hint=f"Channels: {', '.join(CHANNELS)}.")
        if name not in CHANNELS:
            from difflib import get_close_matches

            near = get_close_matches(name.lower(), CHANNELS, 1)
            raise ConfigError(f"unknown channel '{name}'", hint=(f"Did you mean {near[0]}? " if near else "")
                              + f"Channels: {', '.join(CHANNELS)}.")
    return wanted


def names_listed(text: str) -> list[str]:
    """The names of ``text``, one or several with commas ('zendesk, front'), as the CLI's options take them."""
    return [name.strip() for name in text.split(",") if name.strip()]


#: the characters no reader sees that the rules read through (``Message.as_read``), as the reader does, so that a
#: zero-width space or a NUL in 'Thanks\u200b for waiting' changes no verdict (SK012 tells each one): the zero-width
#: space, the word joiner, the byte order mark, the soft hyphen, and the C0 and C1 control characters but tab and the
#: line breaks. The direction controls are not among them: they change the order a reader sees the words in.
UNSEEN: frozenset[str] = frozenset(("\u200b", "\u2060", "\ufeff", "\u00ad", *map(chr, range(0x20)),
                                    *map(chr, range(0x7f, 0xa0)))) - frozenset("\t\n\r")
#: the Latin letters (those of the scripts that join no letters with a zero-width joiner or non-joiner)
LATIN_LETTER = "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff"
# (a zero-width joiner or non-joiner is read through, too, where it joins nothing: beside Latin letters, digits,
# ASCII punctuation, white space or the text's end. Beside an emoji it makes one of two ('\U0001F469\u200d\U0001F4BB'),
# beside Persian or Indic letters it shapes them ('\u0645\u06cc\u200c\u062e...'): there it is read as written.)
_UNSEEN_RUN = re.compile(f"[{re.escape(''.join(sorted(UNSEEN)))}]+"
                         f"|(?<![^{LATIN_LETTER}\\s!-~])[\u200c\u200d]+(?![^{LATIN_LETTER}\\s!-~])")
# (``UNSEEN`` and the joiners, as ranges: a scan for them is a tenth of one for ``_UNSEEN_RUN``, whose joiners' look
# behind is tried at every character, and most texts hold none)
_MAY_BE_UNSEEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\xad\u200b-\u200d\u2060\ufeff]")


class SourceSpan:
    """Where a piece of rendered text came from.

    ``literal`` is true when the text is copied verbatim from the YAML file at ``start``
    (so a fix may edit it there); text produced by a Jinja expression is not literal.

    Immutable, compared by (start, literal, offsets). ``start`` may be given as None when
    ``offsets`` and ``source`` are known: it is then the location of the first offset, found
    when first read (rendering makes a span per slot; few are ever located).
    """

    __slots__ = ("_start", "literal", "offsets", "source")

    _start: Location | None
    literal: bool
    offsets: Sequence[int]  # file offset of each character when literal and known (a range when unbroken)
    source: SourceText | None

    def __init__(self, start: Location | None, literal: bool = True, offsets: Sequence[int] = (),
                 source: SourceText | None = None) -> None:
        if start is None and not (offsets and source is not None):
            raise ValueError("a span needs a start, or offsets and a source to find it from")
        _set(self, "_start", start)
        _set(self, "literal", literal)
        _set(self, "offsets", offsets)
        _set(self, "source", source)

    @property
    def start(self) -> Location:
        start = self._start
        if start is None:
            assert self.source is not None
            start = self.source.location(self.offsets[0])
            _set(self, "_start", start)
        return start

    def location_at(self, index: int) -> Location:
        """The file location of character ``index`` of the segment's text (by its offset, when known: a
        text that is not literal may know them too, the address of a link read out, which no fix edits)."""
        if self.offsets and self.source is not None:
            index = max(0, min(index, len(self.offsets) - 1))
            return self.source.location(self.offsets[index])
        return self.start

    def _key(self) -> tuple[Location, bool, Sequence[int]]:
        return self.start, self.literal, self.offsets

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not SourceSpan:
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        return f"SourceSpan(start={self.start!r}, literal={self.literal!r}, offsets={self.offsets!r})"

    def __setattr__(self, name: str, value: object) -> None:
        raise FrozenInstanceError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        raise FrozenInstanceError(f"cannot delete field {name!r}")

    def __reduce__(self) -> tuple[Callable[..., SourceSpan], tuple[object, ...]]:
        offsets = self.offsets  # (the start stays unlocated)
        if self._start is None and self.literal and type(offsets) is range and offsets.step == 1:
            return _literal_span, (offsets.start, offsets.stop, self.source)  # most spans: less to send
        return SourceSpan, (self._start, self.literal, offsets, self.source)


_set = object.__setattr__
_new = object.__new__


def _literal_span(start: int, stop: int, source: SourceText | None) -> SourceSpan:
    """``SourceSpan(None, True, range(start, stop), source)``, as pickle rebuilds it.

    Its fields are set here without ``__init__``: only a span that passed its check is reduced to
    this, and the parent of a parallel lint rebuilds every span of the pack (a fifth of loading them).
    """
    span = _new(SourceSpan)
    _set(span, "_start", None)
    _set(span, "literal", True)
    _set(span, "offsets", range(start, stop))
    _set(span, "source", source)
    return span


@dataclass(frozen=True, slots=True)
class Text:
    """Plain text of one slot of a rendered message, as the customer reads it.

    One of the three kinds of ``Segment`` in ``Message.segments``, beside ``Placeholder`` and
    ``Blank``. ``text`` is the text, ``slot`` the part of the reply it belongs to (``greeting``,
    ``acknowledgment``, ``warm_language``, ``solution``, ``signoff``; ``layout`` for the space
    between slots) and ``source`` where it was written in the pack's YAML (None for text the
    renderer made, such as that space).
    """

    text: str
    slot: str
    source: SourceSpan | None = None


@dataclass(frozen=True)
class Placeholder:
    """A value the helpdesk fills in (``customer.first_name``), with an optional fallback."""

    name: str
    slot: str
    fallback: str | None = None
    source: SourceSpan | None = None

    @property
    def canonical(self) -> str:
        return "{{" + self.name + "}}"

    @property
    def may_read_blank(self) -> bool:
        """Whether the customer may read nothing in its place: no fallback, or one of only spaces (``fallback('')``,
        as Help Scout's ``{%customer.firstName,fallback=%}`` imports) that reads "Hi ," all the same."""
        return self.fallback is None or not self.fallback.strip()


@dataclass(frozen=True)
class Blank:
    """A fill-in the agent must complete before sending."""

    name: str
    slot: str
    prompt: str = ""
    source: SourceSpan | None = None
    example: str | None = None  # what a filled-in value looks like (the writer's ``example``)

    @property
    def marker(self) -> str:
        return f"[[{self.name}]]"


Segment = Text | Placeholder | Blank
"""One piece of a rendered message: plain ``Text``, a helpdesk ``Placeholder`` or an agent's
``Blank``. ``Message.segments`` is a tuple of them in reading order; tell them apart with
``isinstance(segment, Text)``."""

#: Slots in the order a customer reads them.
BODY_SLOTS = ("greeting", "acknowledgment", "warm_language", "solution", "signoff")
#: every slot a segment may be of: the body's; the flexibility's (an alternative's text, ``Message.alternatives``);
#: the text between two parts ("layout"), and a reviewed reply's sentence of no slot ("other": ``text_message``)
SLOT_NAMES = (*BODY_SLOTS, "flexibility", "layout", "other")


@dataclass(frozen=True)
class AgentNote:
    """Agent-facing material from the flexibility slot: never sent to the customer."""

    kind: str  # guidance | alternative | condition
    label: str
    segments: tuple[Segment, ...]

    @property
    def text(self) -> str:
        return plain_text(self.segments)


_T = TypeVar("_T")


class _computed_once(Generic[_T]):  # (a decorator: named as functools.cached_property is)
    """``functools.cached_property`` without its lock: before Python 3.12 it takes an RLock on each
    first read, which tripled the cost of a message's first read of its text, table and slot texts
    (three per message of a pack). The value goes in the instance's __dict__, read from there after."""

    def __init__(self, compute: Callable[[Any], _T]) -> None:
        self.compute = compute
        self.name = compute.__name__
        self.__doc__ = compute.__doc__

    @overload
    def __get__(self, instance: None, owner: type | None = None) -> _computed_once[_T]: ...

    @overload
    def __get__(self, instance: object, owner: type | None = None) -> _T: ...

    def __get__(self, instance: object | None, owner: type | None = None) -> _computed_once[_T] | _T:
        if instance is None:
            return self
        value = instance.__dict__[self.name] = self.compute(instance)
        return value


@dataclass(frozen=True)
class Message:
    """One script rendered for one channel and variant."""

    script_id: str
    title: str
    channel: str
    variant: int
    segments: tuple[Segment, ...]
    notes: tuple[AgentNote, ...] = ()
    file: str = ""
    meta: Mapping[str, object] = field(default_factory=dict)

    # text, spans and slot texts are read by every rule: computed once per message (the
    # dataclass is frozen, so they cannot go stale; _computed_once writes to __dict__ directly)
    @_computed_once
    def text(self) -> str:
        """The customer-facing text, placeholders as ``{{canonical.name}}``, blanks as ``[[name]]``, a link
        as the pack writes it, ``[text](address)`` (``as_read`` is the text as the customer reads it)."""
        return "".join(map(_row_text, self._table))

    @_computed_once
    def _table(self) -> tuple[tuple[int, int, Segment, str], ...]:
        rows = []
        pos = 0
        for seg in self.segments:
            text = seg.text if seg.__class__ is Text else render_segment(seg)  # (most segments: text)
            end = pos + len(text)
            rows.append((pos, end, seg, text))
            pos = end
        return tuple(rows)

    @_computed_once
    def _slot_texts(self) -> dict[str, str]:
        parts: dict[str, list[str]] = {}
        for _, _, seg, text in self._table:
            parts.setdefault(seg.slot, []).append(text)
        return {slot: "".join(texts) for slot, texts in parts.items()}

    @_computed_once
    def as_read(self) -> Message:
        """The message as the customer reads it, which the rules judge: each link ``[text](address)`` as its
        text (``scriptkit.text.link_marks``), ``\\[`` as ``[``, a line escaped from reading as a list's item
        (``2024\\. What a year``) without its backslash; the message itself when it holds none. On a plain-text
        channel (``PLAIN_TEXT_CHANNELS``: SMS, phone) a link reads as its text and address, "text (address)", as
        the plain exports write it (the address alone where it is the text). The characters no one sees (``UNSEEN``:
        a zero-width space, a soft hyphen, a NUL) are read through, as the reader does: 'Thanks\\u200b for waiting' is
        a thanks (``with_unseen`` keeps them, for SK012, which tells each one).

        Its text still locates into the pack's YAML, character by character, and a fix of it is made only
        where it spans text written as it reads (``literal_run``): never across a link's brackets or address.
        ``text`` and ``segments`` of the message itself stay as written, links and all, for the exports.
        """
        read = self._read()
        if read is not self:
            read.__dict__.setdefault("as_written", self)
        return read

    def _read(self) -> Message:
        text = self.text
        if "[" not in text and "\\" not in text and not any(_bracketed(note.segments) for note in self.notes):
            return _unseen_read(self)  # (most messages: no link, no escape)
        plain = self.channel in PLAIN_TEXT_CHANNELS
        segments = read_segments(self.segments, plain)
        notes = tuple(note if (read := read_segments(note.segments, plain)) is note.segments
                      else replace(note, segments=read) for note in self.notes)
        if segments is self.segments and all(a is b for a, b in zip(notes, self.notes, strict=True)):
            return _unseen_read(self)
        message = replace(self, segments=segments, notes=notes)
        message.__dict__["as_read"] = message  # (read already, but for what no one sees: asked next)
        return _unseen_read(message)

    @property
    def as_written(self) -> Message:
        """The message as the pack writes it, each link ``[text](address)``: of a message ``as_read`` made, the
        message it was read from; any other, itself. What a rule that judges links reads (``Rule.reads_links``)."""
        written = self.__dict__.get("as_written")
        return written if isinstance(written, Message) else self

    @_computed_once
    def with_unseen(self) -> Message:
        """``as_read``, but for the characters no one sees (``UNSEEN``), which it reads through: the message that
        rule SK012, which tells each of them, reads. The message itself where ``as_read`` read none."""
        return self

    def preview(self, samples: Mapping[str, object]) -> str:
        """The text with placeholders filled with sample values: ``samples`` maps a placeholder's name to
        its value (``pack.catalogue.samples()`` has each one's sample). A placeholder with no value,
        or an empty one, shows its fallback (else nothing), as the helpdesk sends it. Links and escapes stay as
        the pack writes them (``[text](address)``, ``\\[``): ``scriptkit.text.read_text`` of it is what the
        customer reads.

        A value is a str, or a number (an order number, an amount), written as ``str()`` writes it;
        None, and a float NaN (a pandas table's empty cell), count as no value. Anything else, or
        ``samples`` not a mapping, is a ConfigError; so is a key that is no placeholder's name but a slip for
        one the message shows with no sample ('customer.firstname'), which would show its fallback unexplained.
        Keys for placeholders it does not use, and others near none of its own, are left alone. A dict as a
        value stands for the dotted names under it: ``{"customer": {"first_name": "Ann"}}`` is
        ``{"customer.first_name": "Ann"}``.

        An agent's blank (``[[new_date]]``) is filled from the key ``"blank.new_date"`` (or ``{"blank": {"new_date":
        ...}}``), a value as a placeholder's; without one it shows as ``[[new_date]]``. A ``blank.`` key that is a
        slip for one of the message's unfilled blanks, a blank's name without ``blank.``, a ``"blank"`` that is no dict,
        or a name given twice with two values (``"blank.new_date"`` and under ``"blank"``) is a ConfigError."""
        if not isinstance(samples, Mapping):
            raise ConfigError(f"Message.preview() takes samples as a dict of placeholder name to value, "
                              f"not {argument_named(samples)}",
                              hint="Pass pack.catalogue.samples() (each placeholder's sample), or {} to show "
                              "the fallbacks; message.text is the text with the placeholders as {{name}}.")
        blanks = samples.get(BLANK_KEY[:-1])
        if blanks is not None and not isinstance(blanks, Mapping):  # (else ignored: no placeholder is named 'blank')
            name = next((seg.name for seg in self.segments if isinstance(seg, Blank)), "new_date")
            raise ConfigError(f"Message.preview() takes '{BLANK_KEY[:-1]}' as a dict of blank names to values, not "
                              f"{argument_named(blanks)}", hint=f"Pass {{'blank': {{'{name}': 'Friday'}}}}, or "
                              f"{{'{BLANK_KEY}{name}': 'Friday'}}.")
        samples = _dotted(samples)
        self._check_sample_names(samples)
        return "".join(_sample(seg, samples) if isinstance(seg, Placeholder)
                       else _filled(seg, samples) if isinstance(seg, Blank) else render_segment(seg)
                       for seg in self.segments)

    def _check_sample_names(self, samples: Mapping[str, object]) -> None:
        """A ConfigError for a key of ``samples`` that names no placeholder but is a slip for one of the message's
        that has no sample: the preview would show its fallback, and the caller never learn why. So too a key for a
        blank that is a slip for one of the message's, or a blank's name without ``blank.``: it shows ``[[name]]``."""
        self._check_blank_names(samples)
        unfilled = sorted({seg.name for seg in self.segments
                           if isinstance(seg, Placeholder) and seg.name not in samples})
        if not unfilled:  # (pack.catalogue.samples(): every one filled)
            return
        catalogue = getattr(self.meta.get("pack_meta"), "catalogue", None)  # (the pack's own placeholders too)
        known = catalogue if isinstance(catalogue, Catalogue) else DEFAULT_CATALOGUE
        for key in samples:
            if isinstance(key, str) and key not in known and not key.startswith(BLANK_KEY) \
                    and (meant := nearest_placeholder(key, unfilled)):
                raise ConfigError(f"Message.preview() was given a sample for '{key}', which is no placeholder: "
                                  f"this message's {meant} has none, and shows its fallback",
                                  hint=f"Did you mean '{meant}'? pack.catalogue.names lists the placeholders.")

    def _check_blank_names(self, samples: Mapping[str, object]) -> None:
        import difflib

        blanks = sorted({seg.name for seg in self.segments if isinstance(seg, Blank)})
        unfilled = [name for name in blanks if BLANK_KEY + name not in samples]
        for key in samples:
            if not isinstance(key, str):
                continue
            if key.startswith(BLANK_KEY) and key[len(BLANK_KEY):] not in blanks \
                    and (meant := difflib.get_close_matches(key[len(BLANK_KEY):], unfilled, n=1)):
                raise ConfigError(f"Message.preview() was given a value for '{key}', which is no blank of this "
                                  f"message: its [[{meant[0]}]] has none, and shows so",
                                  hint=f"Did you mean '{BLANK_KEY}{meant[0]}'?")
            if key in unfilled and "." not in key:
                raise ConfigError(f"Message.preview() was given '{key}', which is this message's blank [[{key}]], "
                                  "not a placeholder: a blank's value is given under its name with 'blank.'",
                                  hint=f"Pass it as '{BLANK_KEY}{key}'.")

    def slot_text(self, slot: str) -> str:
        """The text of one slot (``"acknowledgment"``...), or "" when the message has none. A name that is no
        slot (``SLOT_NAMES``) is a ConfigError: a misspelt one read as "this slot is empty"."""
        if not isinstance(slot, str):
            raise ConfigError(f"Message.slot_text() takes slot as a slot's name, not {argument_named(slot)}",
                              hint=f"This message's slots: {', '.join(self.slots)}.")
        text = self._slot_texts.get(slot)
        if text is not None:
            return text
        if slot not in SLOT_NAMES:
            from difflib import get_close_matches

            near = get_close_matches(slot.lower().replace("-", "_").replace(" ", "_"), SLOT_NAMES, 1)
            raise ConfigError(f"Message.slot_text() has no slot '{slot}'",
                              hint=(f"Did you mean '{near[0]}'? " if near else "")
                              + f"Slots: {', '.join((*BODY_SLOTS, 'flexibility'))}.")
        return ""

    def alternatives(self) -> tuple[Message, ...]:
        """Each alternative and condition of the script's flexibility (text the agent may send
        instead, or add) as a message of its own: the rules that read phrases read them too
        (``Rule.reads_alternatives``). Guidance is for the agent only, and is left out."""
        parts = tuple(replace(self, segments=note.segments, notes=()) for note in self.notes
                      if note.kind in ("alternative", "condition"))
        if self.__dict__.get("as_read") is self:  # (read already, as its notes are: not to be read again)
            for part in parts:
                read_as_written(part)
        return parts

    @property
    def slots(self) -> tuple[str, ...]:
        seen: dict[str, None] = {}
        for seg in self.segments:
            seen.setdefault(seg.slot, None)
        return tuple(seen)

    def spans(self) -> Iterator[tuple[int, int, Segment]]:
        """Each segment with its ``[start, end)`` offsets in ``self.text``."""
        for start, end, seg, _ in self._table:
            yield start, end, seg

    def spans_over(self, start: int, end: int) -> Iterator[tuple[int, int, Segment]]:
        """The ``spans()`` that overlap ``[start, end)`` (``a < end and b > start``), found by bisection: a rule that
        asks for each sentence's segments made a 20,000-turn transcript quadratic, scanning them all each time."""
        table = self._table
        # (segments are contiguous: their ends ascend as their starts do, so those after the first that ends past
        # ``start`` all do, and they stop at the first that starts at ``end`` or later)
        for k in range(bisect_right(table, start, key=_row_end), len(table)):
            a, b, seg, _ = table[k]
            if a >= end:
                return
            yield a, b, seg

    def slot_bounds(self, slot: str) -> tuple[int, int] | None:
        """Where ``slot`` lies in ``self.text``: the start of its first segment and the end of its last (others
        may lie between); None when the message has none."""
        return self._slot_bounds.get(slot)

    @_computed_once
    def _slot_bounds(self) -> dict[str, tuple[int, int]]:
        # (once per message: each finding that asked scanned every segment, quadratic on a long transcript)
        bounds: dict[str, tuple[int, int]] = {}
        for start, end, seg, _ in self._table:
            first = bounds.get(seg.slot)
            bounds[seg.slot] = (start if first is None else first[0], end)
        return bounds

    def locate(self, start: int) -> tuple[Location, str | None]:
        """Map an offset in ``self.text`` back to a source location and slot."""
        if not isinstance(start, int):
            _not_offset("locate", "start", start)
        # The segment holding the offset, by bisection (every finding is located twice). Segments
        # are contiguous, so the last one starting at or before it is the only one that can hold it.
        # (bisected by key, not over a list of starts kept per message: a pack holds many messages)
        table = self._table
        k = bisect_right(table, start, key=_row_start) - 1
        if k >= 0:
            s, e, seg, _ = table[k]
            if start < e and seg.source is not None:
                if isinstance(seg, Text):
                    return seg.source.location_at(start - s), seg.slot
                return seg.source.start, seg.slot
        # Held by an unsourced segment (layout text) or past the end: the next segment when it
        # has a source, else the nearest sourced one before, else the file's start.
        if k + 1 < len(table) and (seg := table[k + 1][2]).source is not None:
            return seg.source.start, seg.slot
        for _, _, seg, _ in reversed(table[:k + 1]):
            if seg.source is not None:
                return seg.source.start, seg.slot
        return Location(self.file, 1, 1), None

    def locate_span(self, start: int, end: int) -> tuple[Location, str | None, tuple[int, int] | None]:
        """``locate(start)``, and the line and column of the span's last character (``locate(end - 1)``)
        when ``end > start`` and that is in the same file, not before the start; else None. In the output of a
        ``{{ expression }}`` (a placeholder, a blank, a constant), the last character is its closing brace.

        Every diagnostic asks for both. Most spans lie in literal text on one line of the file (in
        one segment, or a few sentences of a reviewed reply): the start is located once, and the
        last character's column follows from the offsets.
        """
        if not (isinstance(start, int) and isinstance(end, int)):
            _not_offset("locate_span", *(("start", start) if not isinstance(start, int) else ("end", end)))
        if end > start:
            table = self._table
            k = bisect_right(table, start, key=_row_start) - 1
            if k >= 0:
                s, e, seg, _ = table[k]
                span = seg.source
                # (the conditions of ``SourceSpan.location_at``, and of ``_literal_at`` for the last character)
                if (start < e and span is not None and isinstance(seg, Text) and span.literal and span.offsets
                        and (source := span.source) is not None):
                    offsets = span.offsets
                    a = offsets[min(start - s, len(offsets) - 1)]
                    location = source.location(a)
                    if end <= e:  # (most spans: the last character is in the same row)
                        b, last_source = offsets[min(end - 1 - s, len(offsets) - 1)], source
                    elif (found := _literal_at(table[bisect_right(table, end - 1, k + 1, key=_row_start) - 1],
                                               end - 1)) is not None:
                        b, last_source = found
                    else:
                        return location, seg.slot, _after(location, self._last_location(end - 1))
                    if last_source is source and 0 <= a <= b <= len(source.text) and source.text.find("\n", a, b) < 0:
                        return location, seg.slot, (location.line, location.col + b - a)
                    return location, seg.slot, _after(location, last_source.location(b))
        location, slot = self.locate(start)
        return location, slot, _after(location, self._last_location(end - 1)) if end > start else None

    def _last_location(self, index: int) -> Location:
        """Where the file holds character ``index`` of the text, as the last character of a span: ``locate``'s,
        but in the output of a ``{{ expression }}`` (a placeholder, a blank, a constant filled in), its
        closing brace. Told at its opening braces, a finding on '{{ customer.first_name }}' covered the
        '{' alone in the file."""
        location = self.locate(index)[0]
        table = self._table
        k = bisect_right(table, index, key=_row_start) - 1
        if k < 0 or index >= table[k][1]:
            return location
        seg = table[k][2]
        span = seg.source
        if span is None or (seg.__class__ is Text and span.literal) or span.offsets:
            return location  # (literal text, or text whose every character is located)
        # (the segment's own file, as a rule: the table is walked only where it is another's)
        own = span.source
        source = own if own is not None and own.path == location.file else self._source_of(location.file)
        if source is None:
            return location
        at = location.offset if location.offset >= 0 else source.offset(location.line - 1, location.col - 1)
        end = expression_end(source.text, at)
        return source.location(end - 1) if end is not None else location

    def _source_of(self, file: str) -> SourceText | None:
        """The text of ``file``, when a segment of the message was read from it."""
        for _, _, seg, _ in self._table:
            span = seg.source
            if span is not None and span.source is not None and span.source.path == file:
                return span.source
        return None

    def one_text(self, start: int, end: int) -> bool:
        """Whether text ``[start, end)`` was read from one piece of one file: every segment it touches has a
        source, in one file, and no text the renderer made (the space between slots) lies between them. A
        finding on the whole reply is not: between its slots the file holds their YAML keys, and the next
        slot may be in another file (the layout's greeting in pack.yaml)."""
        table = self._table
        k = max(0, bisect_right(table, start, key=_row_start) - 1)
        file = None
        for i in range(k, len(table)):  # (not table[k:]: a copy of the rest of the table for each finding)
            s, _, seg, _ = table[i]
            if s >= end and s > start:
                break
            span = seg.source
            if span is None:
                return False
            where = span.source.path if span.source is not None else span.start.file
            if file is not None and where != file:
                return False
            file = where
        return file is not None

    def literal_span(self, start: int, end: int) -> tuple[int, int] | None:
        """File offsets ``[a, b)`` when text ``[start, end)`` is one literal run in the source."""
        if not (isinstance(start, int) and isinstance(end, int)):
            _not_offset("literal_span", *(("start", start) if not isinstance(start, int) else ("end", end)))
        run = self.literal_run(start, end)
        return (run[0], run[1]) if run is not None else None

    def literal_run(self, start: int, end: int) -> tuple[int, int, SourceText | None] | None:
        """``literal_span``, and the file it is in (the source of the segment holding ``start``)."""
        if not (isinstance(start, int) and isinstance(end, int)):
            _not_offset("literal_run", *(("start", start) if not isinstance(start, int) else ("end", end)))
        if end < start:
            return None  # (no run of text ends before it starts)
        run = self._written_at(start, end)
        # (a run whose file text is longer or shorter crosses a line fold or an escape)
        return run if run is not None and run[1] - run[0] == end - start else None

    def folded_run(self, start: int, end: int) -> tuple[int, int, SourceText] | None:
        """Where ``text[start:end]`` is written in its file when it crosses line folds only: a long line wrapped in
        the YAML ("arrive prior\n  to Friday"), each line break and the spaces around it read as one space. None
        where it crosses anything else (an escape, a kept line break, another segment) or crosses no fold."""
        run = self._written_at(start, end) if isinstance(start, int) and isinstance(end, int) and end > start else None
        if run is None:
            return None
        a, b, source = run
        return (a, b, source) if source is not None and folded_alike(source.text[a:b], self.text[start:end]) \
            else None

    def _written_at(self, start: int, end: int) -> tuple[int, int, SourceText | None] | None:
        """The file offsets of ``text[start:end]`` in the one literal text segment that holds it, and its file."""
        if end > start:  # only the segment holding ``start`` can hold the run (see ``locate``)
            k = bisect_right(self._table, start, key=_row_start) - 1
            rows = self._table[k:k + 1] if k >= 0 else ()
        else:
            rows = self._table
        for s, e, seg, _ in rows:
            if s <= start and end <= e and isinstance(seg, Text) and seg.source is not None:
                src = seg.source
                if not (src.literal and src.offsets):
                    return None
                return src.offsets[start - s], src.offsets[end - s - 1] + 1, src.source
        return None


def _not_offset(method: str, name: str, value: object) -> NoReturn:
    raise ConfigError(f"Message.{method}() takes {name} as an offset in message.text (an int), "
                      f"not {argument_named(value)}", hint="Message.spans() gives each segment's offsets.")


_row_start = itemgetter(0)
_row_end = itemgetter(1)
_row_text = itemgetter(3)


def _literal_at(row: tuple[int, int, Segment, str], index: int) -> tuple[int, SourceText] | None:
    """The file offset of character ``index`` of the message and its file, when ``row`` holds it
    and is literal text of a known file (as ``SourceSpan.location_at`` reads it); else None."""
    s, e, seg, _ = row
    span = seg.source
    if index < e and span is not None and isinstance(seg, Text) and span.literal and span.offsets \
            and (source := span.source) is not None:
        return span.offsets[min(index - s, len(span.offsets) - 1)], source
    return None


def _after(start: Location, end: Location) -> tuple[int, int] | None:
    """``end``'s line and column, when it is in ``start``'s file and not before it."""
    if end.file == start.file and (end.line, end.col) >= (start.line, start.col):
        return end.line, end.col
    return None


def read_as_written(message: Message) -> Message:
    """``message``, read as it is written (its ``as_read`` itself, but for the characters no one sees, read through
    as ever): text whose brackets are no link markup, as pasted HTML's text shows a '[1](2)' of its words."""
    _unseen_read(message)
    return message


def read_segments(segments: tuple[Segment, ...], plain: bool = False) -> tuple[Segment, ...]:
    """``segments`` as the customer reads them (``Message.as_read``): ``segments`` itself when no text of
    them holds a link or an escaped bracket.

    Links are found across segments, as the exports find them (a placeholder may stand in a link's
    text, or start its address). A link's brackets and address are left out, and so is a placeholder
    in the address; a link every export writes out as "text (address)" (its address holds a blank, or
    runs a script) reads so, its "(address)" a text of its own that no fix edits, its blanks kept.
    Each character kept is where it was in the YAML: a text cut by a link keeps the offsets of the
    characters left, so a finding points at them and a fix across a cut is refused (``literal_run``).
    ``plain``: read for a plain-text channel, where every link reads "text (address)" (the address alone
    where it is the link's text, as ``plain_links`` writes it).
    """
    if not _bracketed(segments):
        return segments
    starts: list[int] = []
    pieces: list[str] = []
    at = 0
    blanks: list[int] = []
    for seg in segments:
        starts.append(at)
        if isinstance(seg, Text):
            pieces.append(seg.text)
            at += len(seg.text)
        else:
            if isinstance(seg, Blank):
                blanks.append(at)
            pieces.append("\x00")  # (a placeholder or blank: one character, inside a link or not)
            at += 1
    flat = "".join(pieces)

    def written_out(m: re.Match[str]) -> bool:  # (the exports write it as text and address: SK503)
        if plain:  # (every link, but one whose text is its address: written once)
            return m.group(2).removeprefix("mailto:").removeprefix("tel:") != m.group(1)
        return unsafe_address(m.group(2)) or any(m.start(2) <= b < m.end(2) for b in blanks)

    marks = link_marks(flat, written_out)
    if not marks:
        return segments
    out: list[Segment] = []
    k = 0  # the first mark that may reach the segment
    for seg, start in zip(segments, starts, strict=True):
        end = start + (len(seg.text) if isinstance(seg, Text) else 1)
        while k < len(marks) and marks[k][1] <= start:
            k += 1
        if k >= len(marks) or marks[k][0] >= end:  # (no mark in it)
            out.append(seg)
        elif not isinstance(seg, Text):
            if marks[k][2] != DROPPED:  # (a placeholder or blank of an address the customer reads)
                out.append(seg)
        else:
            out += _read_text_segment(seg, start, marks, k)
    return tuple(out)


def _unseen_read(message: Message) -> Message:
    """``message`` (read already for its links) with its texts and its notes' read through the characters no one sees
    (``UNSEEN``): itself where it holds none. Each character kept is where it was, as ``read_segments`` keeps them."""
    segments = unseen_read(message.segments)
    notes = tuple(note if (read := unseen_read(note.segments)) is note.segments
                  else replace(note, segments=read) for note in message.notes)
    if segments is message.segments and all(a is b for a, b in zip(notes, message.notes, strict=True)):
        message.__dict__["as_read"] = message
        return message
    seen = replace(message, segments=segments, notes=notes)
    seen.__dict__["as_read"] = seen
    seen.__dict__["with_unseen"] = message
    message.__dict__["as_read"] = seen
    return seen


def unseen_read(segments: tuple[Segment, ...]) -> tuple[Segment, ...]:
    """``segments`` with each text read through the characters no one sees (``UNSEEN``): ``segments`` itself when
    none holds one. A text cut by one keeps the offsets of the characters left, so a finding points at them and a fix
    across a cut is refused (``literal_run``)."""
    out: list[Segment] | None = None
    for i, seg in enumerate(segments):
        if isinstance(seg, Text) and (marks := unseen_marks(seg.text)):
            if out is None:
                out = list(segments[:i])
            out += _read_text_segment(seg, 0, marks, 0)
        elif out is not None:
            out.append(seg)
    return segments if out is None else tuple(out)


def unseen_marks(text: str) -> list[tuple[int, int, str]]:
    """The runs of ``text`` that no one sees (``UNSEEN``), as ``link_marks`` tells what is left out: ``DROPPED``."""
    if _MAY_BE_UNSEEN.search(text) is None:
        return []
    return [(m.start(), m.end(), DROPPED) for m in _UNSEEN_RUN.finditer(text)]


def without_unseen(text: str, where: Sequence[int]) -> tuple[str, Sequence[int]]:
    """``text`` read through the characters no one sees, and ``where`` (each character's place, then the end's, as
    ``scriptkit.text.read_text`` gives them) for what is left: both as given when it holds none."""
    marks = unseen_marks(text)
    if not marks:
        return text, where
    kept: list[str] = []
    places: list[int] = []
    pos = 0
    for a, b, _ in marks:
        kept.append(text[pos:a])
        places += where[pos:a]
        pos = b
    kept.append(text[pos:])
    places += where[pos:]
    return "".join(kept), places


def _bracketed(segments: tuple[Segment, ...]) -> bool:
    """Whether a text of ``segments`` holds a '[' (which may start a link, or be escaped) or a backslash."""
    return any(seg.__class__ is Text and ("[" in seg.text or "\\" in seg.text) for seg in segments)


def _read_text_segment(seg: Text, start: int, marks: list[tuple[int, int, str]], k: int) -> list[Segment]:
    """``seg`` (at ``start`` of the flat text) as read through ``marks`` (from the ``k``-th): its characters
    as written, each where it is; the markup read (a space, an address written out), texts of their own
    that locate at their first character but are no literal text to edit."""
    text, span = seg.text, seg.source
    offsets = span.offsets if span is not None and span.literal and len(span.offsets) == len(text) else None
    out: list[Segment] = []
    kept: list[str] = []
    where: list[int] = []

    def literal(a: int, b: int) -> None:
        kept.append(text[a:b])
        where.extend(range(a, b))

    def flush() -> None:
        if kept:
            words = "".join(kept)
            if offsets is None or span is None:  # (text the renderer made, or no offsets: located as a whole)
                out.append(Text(words, seg.slot, span if span is None or not span.literal
                                else SourceSpan(span.start, False)))  # (its offsets no longer fit it)
            else:
                read = tuple(offsets[i] for i in where)
                out.append(Text(words, seg.slot, SourceSpan(None if span.source is not None else span.start,
                                                            True, read, span.source)))
            kept.clear()
            where.clear()

    def markup(a: int, b: int, words: str) -> None:
        flush()
        if offsets is not None and span is not None and span.source is not None:
            # (located character by character, as the rest, but no literal text: no fix edits it)
            source: SourceSpan | None = SourceSpan(None, False, tuple(offsets[a:b]), span.source)
        else:
            source = SourceSpan(span.start, False) if span is not None else None
        last = out[-1] if out else None
        if isinstance(last, Text) and last.source is not None and not last.source.literal and source is not None \
                and last.source.source is source.source and last.source.offsets and source.offsets:
            # (' ' then '(address)': one text)
            out[-1] = Text(last.text + words, seg.slot,
                           SourceSpan(None, False, (*last.source.offsets, *source.offsets), source.source))
        else:
            out.append(Text(words, seg.slot, source))

    pos = 0
    size = len(text)
    for a, b, what in marks[k:]:
        a, b = max(a - start, 0), min(b - start, size)
        if a >= size:
            break
        if pos < a:
            literal(pos, a)
        if what == SPACE:
            markup(a, b, " ")
        elif what == MARKUP:
            markup(a, b, text[a:b])
        pos = max(pos, b)
    if pos < size:
        literal(pos, size)
    flush()
    return out


def _example_of(name: str) -> str:
    """A value that fits placeholder ``name``, for a hint: its sample in the catalogue ('A-10432' for an order
    number), else a first name."""
    return DEFAULT_CATALOGUE.samples().get(name) or "Sam"


def render_segment(seg: Segment, samples: Mapping[str, str] | None = None) -> str:
    if isinstance(seg, Text):
        return seg.text
    if isinstance(seg, Placeholder):
        if samples is None:
            return seg.canonical
        return samples.get(seg.name) or seg.fallback or ""
    return seg.marker


def _dotted(samples: Mapping[str, object]) -> Mapping[str, object]:
    """``samples`` with each nested dict's keys as the dotted names they stand for ({"customer": {"first_name":
    "Ann"}} -> {"customer.first_name": "Ann"}): a JSON ticket's shape, which was silently ignored. A name given two
    ways with two values ('blank.new_date' and under 'blank') is a ConfigError: one was dropped without a word."""
    if not any(isinstance(value, Mapping) for value in samples.values()):
        return samples  # (the usual flat dict: as given)
    out: dict[str, object] = {}
    given_as: dict[str, str] = {}  # a dotted name -> how it was given ("as 'x.y'", "under 'x'")

    def add(name: str, value: object, top: object) -> None:
        if isinstance(value, Mapping):
            for key, inner in value.items():
                add(f"{name}.{key}", inner, top)
            return
        how = f"as '{name}'" if name == str(top) else f"under '{top}'"
        if name in out and out[name] != value:
            raise ConfigError(f"Message.preview() was given '{name}' twice: {given_as[name]} and {how}",
                              hint="Give it once; the preview would show only one of the two.")
        out[name], given_as[name] = value, how

    for key, value in samples.items():
        add(f"{key}", value, key)
    return out


#: ``Message.preview``'s key for a blank's value: ``"blank.new_date"`` fills ``[[new_date]]``
BLANK_KEY = "blank."


def _sample(seg: Placeholder, samples: Mapping[str, object]) -> str:
    """The value ``Message.preview`` shows for ``seg``: the sample (a number as str() writes it), else its fallback."""
    return _shown_value(samples.get(seg.name), seg.name, _example_of(seg.name)) or seg.fallback or ""


def _filled(seg: Blank, samples: Mapping[str, object]) -> str:
    """The value ``Message.preview`` shows for a blank: the one under ``blank.<name>``, else its ``[[name]]``."""
    key = BLANK_KEY + seg.name
    return _shown_value(samples.get(key), key, seg.example or "Friday") or seg.marker


def _shown_value(value: object, key: str, example: str) -> str:
    """A sample as ``Message.preview`` shows it: a str, a number as str() writes it, "" for none (None, NaN)."""
    if isinstance(value, str):
        return value
    if value is None or (isinstance(value, float) and math.isnan(value)):  # (NaN: a table's empty cell)
        return ""
    if isinstance(value, Number) and not isinstance(value, bool):
        return str(value)
    raise ConfigError(f"Message.preview() takes each sample as a str or a number, not {argument_named(value)} "
                      f"(for {key})", hint=f"Pass the text to show, such as {{{key!r}: {example!r}}}.")


def plain_text(segments: object, samples: Mapping[str, str] | None = None) -> str:
    return "".join(render_segment(s, samples) for s in segments)  # type: ignore[attr-defined]


def with_alternatives(messages: Sequence[Message]) -> list[Message]:
    """``messages``, then the alternatives and conditions of each (``Message.alternatives``), once
    a channel: a script's variants share them."""
    return [*messages, *(part for m in messages if m.variant == 0 and m.notes for part in m.alternatives())]


class ReplyTurn(NamedTuple):
    """One turn of the agent's in a transcript judged as one reply (``reply_turns``)."""

    start: int  # its span of ``Message.text``
    end: int
    #: another speaker wrote since the agent's turn before it (or, for the agent's first turn, before it)
    answers: bool


# where a message keeps its ``reply_turns``, in its own __dict__ (as the rules keep what several of them ask for)
_TURNS = "_scriptkit_reply_turns"


def reply_turns(message: Message) -> tuple[ReplyTurn, ...]:
    """The agent's turns of a transcript that ``lint_text`` joined into ``message`` (their parts joined by a
    blank line the renderer made, each part's text located in the transcript), in order; () for a reply that is
    no transcript. A chat's length limit is one turn's, and whether the agent acknowledged first is told from
    the turns after the customer wrote, not from the greeting sent before."""
    kept: tuple[ReplyTurn, ...] | None = message.__dict__.get(_TURNS)
    if kept is None:
        kept = message.__dict__[_TURNS] = _reply_turns(message)
    return kept


def _reply_turns(message: Message) -> tuple[ReplyTurn, ...]:
    parts: list[tuple[int, int, int]] = []  # (start, end in the message, offset in the transcript) of each part
    source: SourceText | None = None
    start = end = at = -1
    for a, b, seg in message.spans():
        if seg.__class__ is Text and seg.source is None and seg.slot == "layout":  # (a join between two parts)
            if at >= 0:
                parts.append((start, end, at))
            start = at = -1
            continue
        span = seg.source
        if span is None or not span.offsets or span.source is None or span.source is not (source or span.source):
            if at < 0:
                continue  # (text of no place in the transcript: no part of a turn)
        elif at < 0:
            source, start, at = span.source, a, span.offsets[0]
        end = b
    if at >= 0:
        parts.append((start, end, at))
    if len(parts) < 2 or source is None:
        return ()
    from scriptkit.transcript import turns  # (a transcript's reply only)

    found = turns(source.text)
    if not found:
        return ()
    # (found in order, by bisection: a long transcript has thousands of turns)
    starts, numbers = [t.start for t in found], sorted({t.turn for t in found})
    out: list[ReplyTurn] = []
    last = -1  # (the transcript's turn of the agent's turn before)
    for start, end, at in parts:
        i = bisect_right(starts, at) - 1
        if i < 0 or at > found[i].end or found[i].turn < last:
            return ()  # (a part the transcript's turns do not hold: the message is not its agent's turns)
        turn = found[i].turn
        if turn == last:  # (one turn, split by lines the agent did not write)
            out[-1] = out[-1]._replace(end=end)
            continue
        between = bisect_right(numbers, last)  # (the first turn after the agent's turn before: someone else's?)
        out.append(ReplyTurn(start, end, numbers[between] < turn))
        last = turn
    return tuple(out)
