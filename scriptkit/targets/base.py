"""What every export target shares: the Target protocol, limits, problems, and the
serialisers that turn Message segments into HTML or plain text in a helpdesk's dialect.

A target never re-parses helpdesk syntax: it walks the segments (Text, Placeholder, Blank)
and writes each one the way its helpdesk spells it.
"""

from __future__ import annotations

import difflib
import html
import json
import re
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import chain, islice
from operator import itemgetter
from typing import TYPE_CHECKING, Any, ClassVar, Protocol, runtime_checkable

from scriptkit.diagnostics import Location, Severity
from scriptkit.language import base_language
from scriptkit.message import AgentNote, Blank, Message, Placeholder, Segment, Text
from scriptkit.placeholders import DEFAULT_CATALOGUE, Catalogue
from scriptkit.text import ESCAPED_ITEM as ESCAPED_ITEM  # (re-exported, as LINK)
from scriptkit.text import LINK as LINK  # (re-exported: the exports and importers read links through base)
from scriptkit.text import LINK_ADDRESS as LINK_ADDRESS  # (re-exported, as LINK)
from scriptkit.text import holds_right_to_left, is_text, joined_with_and
from scriptkit.text import text_direction as text_direction  # (re-exported: the exports read it through base)
from scriptkit.text import unsafe_address as unsafe_address

if TYPE_CHECKING:  # (a pack's models load pydantic: `rules` and import's --help read the targets without them)
    from scriptkit.models import BlankSpec

Payload = dict[str, Any]
"""One message as a helpdesk's record, as a target's ``render`` shapes it (JSON-ready)."""


# ---------------------------------------------------------------- limits and problems

@dataclass(frozen=True)
class Limits:
    """What a helpdesk accepts; ``None`` means no documented limit. ``source`` says where it is from."""

    title_max: int | None = None
    title_min: int = 1
    body_max: int | None = None
    batch_max: int | None = None  # records per bulk request
    source: str = ""
    #: the helpdesk counts a length in UTF-16 code units (Salesforce): a character beyond U+FFFF, an emoji, counts
    #: as two, so a text under the limit in characters can be over it there
    utf16: bool = False
    #: how the helpdesk counts, told beside a length that differs from the characters one sees
    counted_as: str = ""

    def length(self, text: str) -> int:
        """``text``'s length as the helpdesk counts it against these limits."""
        return len(text.encode("utf-16-le")) // 2 if self.utf16 else len(text)

    def how_counted(self, text: str) -> str:
        """" (counted as ...)" where ``text``'s length as the helpdesk counts it is not its count of characters (a
        text with emoji, for Salesforce), else "": a writer who counts 3,000 characters would not see why."""
        return f" ({self.counted_as})" if self.counted_as and self.length(text) != len(text) else ""


@dataclass(frozen=True)
class Problem:
    """Something one message cannot carry into one target (becomes an SK5xx diagnostic)."""

    code: str
    name: str
    message: str
    severity: Severity
    hint: str = ""
    location: Location | None = None  # where in the pack; the exporter falls back to the script's title
    #: the ``export: {<target>: ...}`` setting it is about, as keys ("placeholders", "order.number"): the
    #: exporter points at it in whichever block (the script's or the pack's) holds it
    setting: tuple[str, ...] = ()
    #: else the script's own value it is about, as a path (("tags", 1): its second tag): the exporter points at it
    script_key: tuple[str | int, ...] = ()
    #: a group of scripts the problem is the same for ("folder 'Billing'"): the export tells it once, at the first
    #: of them, with how many there are (a missing folder id was said at each of 6,000 scripts)
    said_once_for: str = ""


#: The export diagnostics: code -> (name, default severity, what it means).
EXPORT_CODES: dict[str, tuple[str, Severity, str]] = {
    "SK501": ("title-length", Severity.ERROR, "the title is longer or shorter than the helpdesk accepts"),
    "SK502": ("body-length", Severity.ERROR, "the reply is longer than the helpdesk accepts"),
    "SK503": ("unsupported-placeholder", Severity.WARNING,
              "the helpdesk has no equivalent placeholder; the agent fills it in by hand"),
    "SK504": ("fallback-unsupported", Severity.WARNING,
              "the helpdesk has no documented fallback, so an empty value leaves a gap"),
    "SK505": ("unescapable-literal", Severity.ERROR,
              "literal text looks like the helpdesk's template syntax and cannot be escaped there"),
    "SK506": ("missing-setting", Severity.WARNING, "an export setting the helpdesk needs is not configured"),
    "SK507": ("duplicate-title", Severity.ERROR, "two exported replies would share one title"),
    # (named for the variants it first covered; kept, as ignore: settings name it)
    "SK508": ("variants-dropped", Severity.WARNING,
              "the helpdesk keeps one phrasing per macro and no agent notes: the other variants, and the guidance, "
              "alternatives and conditions, are left out"),
    "SK509": ("internal-note", Severity.WARNING,
              "a Zendesk internal note becomes an ordinary reply in another helpdesk"),
    "SK510": ("withheld-macro", Severity.WARNING,
              "a macro switched off or kept from some agents in one helpdesk is in use for all in another"),
    "SK511": ("ticket-actions-dropped", Severity.WARNING,
              "what a macro does to the ticket in one helpdesk (its status, priority, tags, subject, other actions) "
              "another helpdesk's export does not do"),
    # (a writer's typo in a setting: bad input, exit code 2 from check and export alike, never a finding --force
    # passes; it was SK506, "missing", though the setting was there)
    "SK512": ("invalid-setting", Severity.ERROR,
              "an export setting is given a value the helpdesk does not accept"),
}

#: the codes of a problem with an ``export:`` setting, told at its line: one missing (SK506), one wrong (SK512)
SETTING_CODES = ("SK506", "SK512")


def problem(code: str, message: str, hint: str = "", severity: Severity | None = None,
            location: Location | None = None, setting: tuple[str, ...] = (),
            script_key: tuple[str | int, ...] = (), said_once_for: str = "") -> Problem:
    """A ``Problem`` for one of the ``EXPORT_CODES``, with that code's name and default severity.

    ``message`` says what the helpdesk cannot carry and ``hint`` what the writer can do about it;
    ``severity`` overrides the code's default (``Severity.ERROR`` refuses the export).
    ``location`` is where in the pack, when the problem is in the text (else the script's title);
    ``setting`` names the ``export: {<target>: ...}`` key it is about, such as ``("lang",)``,
    so the diagnostic points at that key's line; ``script_key`` a value of the script itself, such as
    ``("tags", 0)``; ``said_once_for`` the group of scripts it is told once for. An unknown code is a
    ``KeyError``.
    """
    name, default, _ = EXPORT_CODES[code]
    return Problem(code, name, message, severity or default, hint, location, setting, script_key, said_once_for)


# ---------------------------------------------------------------- the protocol

@dataclass(frozen=True)
class Rendered:
    """One message turned into one target's payload, with the file stem it is written under."""

    message: Message
    payload: Payload
    stem: str


@runtime_checkable
class Target(Protocol):
    """An export target. Third parties register a zero-argument factory returning one of these
    under the ``scriptkit.targets`` entry-point group, exactly as the built-in targets do.

    The describing attributes are read-only (properties here), so a class that sets them as class
    constants, as ``BaseTarget`` subclasses do, is a ``Target`` to a type checker too."""

    @property
    def name(self) -> str:
        """The name ``export --to`` takes."""
        ...

    @property
    def summary(self) -> str:
        """One line on what the target writes, for ``export --list``."""
        ...

    @property
    def channels(self) -> tuple[str, ...]:
        """Channels whose messages this target carries, in preference order."""
        ...

    @property
    def variants(self) -> str:
        """"first": only a script's first variant (helpdesks hold one body); "all": every variant."""
        ...

    @property
    def limits(self) -> Limits:
        """What the helpdesk accepts (title and body lengths, records per bulk request)."""
        ...

    def title_scopes_meet(self, one: str | None, other: str | None) -> bool:
        """Whether two ``title_scope``s share a picker, so that their titles clash (SK507): None is every agent's
        picker, and two named scopes are apart. Front's teams and teammates meet otherwise (see there)."""
        return scopes_meet(one, other)

    def settings_keys(self) -> Mapping[str, str]:
        """Setting name -> description, accepted under ``export: {<target>: {...}}``."""
        ...

    def render(self, message: Message) -> Payload:
        """The helpdesk payload for one message (settings arrive in ``message.meta['export']``)."""
        ...

    def check(self, message: Message) -> list[Problem]:
        """Unsupported features of this message in this helpdesk."""
        ...

    def measure(self, payload: Payload) -> tuple[str, str]:
        """The (title, body) of a payload, for limit checks."""
        ...

    def files(self, rendered: Sequence[Rendered]) -> dict[str, bytes]:
        """The file layout: relative path -> bytes, for every rendered message of the pack."""
        ...


# ---------------------------------------------------------------- dialects

@dataclass(frozen=True)
class Dialect:
    """How one helpdesk spells placeholders and escapes literal text.

    ``names`` maps canonical placeholder names to the helpdesk's own; ``write`` spells one
    (helpdesk name, fallback or None, html?) as template syntax; ``escape`` makes literal text
    inert for the template engine (after HTML escaping, when the body is HTML).
    """

    names: Mapping[str, str]
    write: Callable[[str, str | None, bool], str]
    escape: Callable[[str], str] = lambda text: text
    fallbacks: bool = True  # the helpdesk has a documented way to write a fallback
    #: whether ``write`` can spell this fallback (a quote or brace it has no escape for: it cannot)
    spells: Callable[[str], bool] = lambda fallback: True
    #: literal character sequences the helpdesk would read as template syntax and ``escape`` cannot neutralise
    unsafe: tuple[str, ...] = ()
    #: literal sequences the helpdesk may read as template syntax, though it documents none such (Jinja's '{%'
    #: where only '{{…}}' variables are documented): SK505 as a warning, which does not stop the export
    unconfirmed: tuple[str, ...] = ()
    #: an empty fallback is written (Help Scout's ``,fallback=``: "write nothing", as the writer said)
    empty_fallback: bool = False
    #: what the helpdesk does with such text, for SK505: its name, what it takes ``{{…}}`` for ("a variable"),
    #: and what the customer then reads; None where no more is said than that it is template syntax
    misreads: tuple[str, str, str] | None = None
    #: the helpdesk fills in a placeholder inside a link's address; where it has no documented way to (Intercom:
    #: its ``<attribute/>`` is an element, which no ``href`` can hold), such a link is written as its text and
    #: the address after it, ``text (address)``, and ``link_problems`` warns
    linked_placeholders: bool = True
    #: placeholders exported as a near equivalent, canonical name -> what the helpdesk's one gives instead
    #: ("the teammate's full name"): SK503 says so unless the pack maps the name itself
    stand_ins: Mapping[str, str] = field(default_factory=dict)

    def placeholder(self, seg: Placeholder, as_html: bool, names: Mapping[str, str] | None = None) -> str:
        table = {**self.names, **(names or {})}
        native = table.get(seg.name)
        if native is None:  # no equivalent: the agent fills it in, like a blank
            return _blank_html(seg.name) if as_html else blank_marker(seg.name)
        return self.write(native, seg.fallback if self.keeps(seg.fallback) else None, as_html)

    def written_fallback(self, seg: Placeholder, names: Mapping[str, str] | None = None) -> str | None:
        """The fallback of ``seg`` as the helpdesk gets it; None where none is written: a placeholder it lacks
        (written as a blank marker, SK503), or a fallback it cannot hold (the bare placeholder, SK504)."""
        if seg.name not in self.names and seg.name not in (names or {}):
            return None
        return seg.fallback if self.keeps(seg.fallback) else None

    def keeps(self, fallback: str | None) -> bool:
        """Whether a placeholder's fallback is written (else the bare placeholder, and SK504)."""
        wanted = bool(fallback) or (fallback == "" and self.empty_fallback)
        return wanted and self.fallbacks and self.spells(fallback or "")


def scopes_meet(one: str | None, other: str | None) -> bool:
    """Whether two replies' title scopes (``title_scope``) share a picker, so that their titles clash: None is every
    agent's picker, and two named scopes (two teammates' own replies, two Freshdesk folders) are apart."""
    return one is None or other is None or one == other


def blank_marker(name: str) -> str:
    """The visible marker an agent must replace: ``[[replacement date]]``; an imported Salesforce custom field's
    suffix is no word of it (``salesforce.Case_Order_Number__c``: ``[[salesforce Case Order Number]]``)."""
    if name.startswith("salesforce."):
        name = _SALESFORCE_SUFFIX.sub("", name)
    return f"[[{name.replace('_', ' ').replace('.', ' ')}]]"


#: a Salesforce custom field's or relationship's suffix in a pack's name (``Order_Number__c``, ``Account__r_Name``)
_SALESFORCE_SUFFIX = re.compile(r"__[a-z]{1,3}(?=_|$)")


def _blank_html(name: str) -> str:
    return f"<mark>{html.escape(blank_marker(name), quote=False)}</mark>"


#: where a target's ``names`` holds a blank's fill-in marker as the helpdesk's own macro wrote it, by the blank's
#: name ("blank.order_number": "XXXXXXX"): the ``blank_markers`` setting, which an import writes for its helpdesk
WRITTEN_BLANK = "blank."


def written_blank(name: str, names: Mapping[str, str] | None) -> str | None:
    """The fill-in marker the team wrote for blank ``name`` in this helpdesk ('XXXXXXX', '{customer_name}'), which
    its export writes as that text (no ``<mark>``), as the macro had it; None where the export writes ``[[name]]``."""
    return names.get(WRITTEN_BLANK + name) if names else None


def escape_html(text: str) -> str:
    return html.escape(text, quote=False)


# ---------------------------------------------------------------- serialisers

_PARAGRAPH = re.compile(r"\n[ \t]*\n\s*")
# a placeholder or blank among the text while links and lists are found: its index between \x00 and \x01 (a
# \x00 of the text itself stands as \x00\x02)
_HOLE = re.compile(r"\x00(?:(\d+)\x01|\x02)")
#: a link as the pack writes it (and an import of an HTML link): ``[text](address)``, the address without a space
#: (an import writes it %-escaped), its parentheses in balanced pairs one level deep as a writer types them
#: (``https://en.wikipedia.org/wiki/Router_(computing)``), or one with spaces in angle brackets, as CommonMark
#: allows (``[our team](<mailto:help@example.com?subject=Stop my plan>)``); text and address may hold placeholders.
#: ``\\[`` is a bracket that starts no link (the HTML import writes ``\\[1](2)`` for text that reads so), written ``[``
# (the link itself, its bare address's pattern LINK_ADDRESS, and whether its address runs a script, are read as the
# lint reads them: scriptkit.text's LINK, LINK_ADDRESS and unsafe_address, the one source of each:
# tests/test_s18_import_patterns.py holds them together)
#: a line of a list: ``- item`` or ``1. item``, as an import writes an HTML list (numbered lines make a list
#: where they count up one by one, as an HTML list numbers them)
_ITEM = re.compile(r"(?:(?P<bullet>-)|(?P<number>\d{1,9})\.) (?P<text>\S.*)")


def _flatten(segments: Iterable[Segment]) -> tuple[str, list[Segment]]:
    """The segments as one text in which each placeholder and blank stands as ``\\x00<n>\\x01``, so links and
    lists are found across segments (a link's address may start with a placeholder)."""
    out: list[str] = []
    holes: list[Segment] = []
    for seg in segments:
        if isinstance(seg, Text):
            out.append(seg.text.replace("\x00", "\x00\x02"))
        else:
            out.append(f"\x00{len(holes)}\x01")
            holes.append(seg)
    return "".join(out), holes


def _text(flat: str) -> str:
    """Literal text of ``_flatten``'s, its own \\x00 put back and a bracket escaped from reading as a link, ``\\[``,
    written as the bracket the customer reads; so is a line escaped from reading as a list's item, as in Markdown
    (``2024\\. What a year``, ``\\- Sam``): the line as the customer reads it."""
    return ESCAPED_ITEM.sub(r"\1", flat.replace("\x00\x02", "\x00").replace("\\[", "["))



def link_address(href: str) -> str:
    """An address as a reader sees it in plain text: without 'mailto:' or 'tel:' (the HTML import compares a
    link's text with it; the plain exports write it after the text)."""
    return href.removeprefix("mailto:").removeprefix("tel:")


def plain_address(href: str) -> str:
    """An address as plain text writes it for the customer: ``link_address``, and of a 'mailto:' link the address
    alone. Its query (``?subject=Ticket%20123``) fills in the mail a click opens; read, it is percent-encoded noise,
    and the customer writing to the address needs only the address. A space left in it (an address written in
    angle brackets) is %-encoded, ``url_address``: a mail client makes a link of the address up to its first space."""
    if href.startswith("mailto:"):
        href = href.partition("?")[0]
    return url_address(link_address(href))


# whitespace in an address, which only one written in angle brackets holds (``[text](<address>)``)
_ADDRESS_SPACE = re.compile(r"\s")


def url_address(address: str) -> str:
    """``address`` as an href or a Markdown link writes it: each space (a tab, ...) %-encoded, ``%20``; an href with
    a space is cut there by some helpdesk editors, and a plain address is linked only up to it."""
    return _ADDRESS_SPACE.sub(lambda m: f"%{ord(m.group()):02X}", address)


def to_html(segments: Iterable[Segment], dialect: Dialect, names: Mapping[str, str] | None = None,
            direction: str | None = None, where_right_to_left: bool = False) -> str:
    """Paragraphs become ``<p>``, single line breaks ``<br>``, a paragraph's ``- item`` or ``1. item`` lines a
    ``<ul>`` or ``<ol>``, and ``[text](address)`` a link; literal text is HTML-escaped and then made inert for
    the helpdesk's template engine. ``direction`` ('rtl', 'auto') is written as each paragraph's and list's
    ``dir``: a right-to-left reply in a helpdesk that shows it left to right reads in the wrong order. With
    ``where_right_to_left``, only on those that hold a right-to-left letter (``holds_right_to_left``)."""
    flat, holes = _flatten(segments)

    def literal(text: str, attribute: bool = False) -> str:
        def words(text: str) -> str:
            return dialect.escape(html.escape(text, quote=attribute))

        def blank(name: str) -> str:
            if (written := written_blank(name, names)) is not None:
                return words(written)
            return blank_marker(name) if attribute else _blank_html(name)

        return _filled(text, holes, words, lambda seg: dialect.placeholder(seg, not attribute, names), blank)

    def line_html(line: str) -> str:
        out: list[str] = []
        pos = 0
        for m in LINK.finditer(line):
            out.append(literal(line[pos:m.start()]))
            if _unlinkable(m.group(2), holes, dialect, names) is not None:
                # (no href can hold it, or none should: the link as the plain text export writes it)
                out.append(f"{literal(m.group(1))} ({literal(plain_address(m.group(2)))})")
                pos = m.end()
                continue
            href = literal(url_address(m.group(2)), attribute=True)
            quote = "'" if '"' in href and "'" not in href else '"'
            href = href if quote == "'" else href.replace('"', "&quot;")
            out.append(f"<a href={quote}{href}{quote}>{literal(m.group(1))}</a>")
            pos = m.end()
        out.append(literal(line[pos:]))
        return "".join(out)

    blocks: list[str] = []
    for part in _PARAGRAPH.split(flat):
        lines: list[str] = []  # the paragraph's lines before a list, or between lists
        items: list[re.Match[str]] = []  # the list being read
        more: list[list[str]] = []  # for each of its items, the lines that go on it
        for line in [*part.split("\n"), None]:  # (None: the paragraph's end)
            if items and line is not None and line[:1] in (" ", "\t") and line.strip():
                more[len(items) - 1].append(line.rstrip())  # (an indented line under an item goes on the item)
                continue
            item = _ITEM.fullmatch(line) if line is not None else None
            if items and (item is None or not _continues(items, item)):
                if _signature(items, lines) and not more[0]:
                    lines.append(items[0].group(0))
                else:
                    if lines:
                        blocks.append(_paragraph_html(lines, line_html))
                        lines = []
                    blocks.append(_list_html(items, more, line_html))
                items, more = [], []
            if item is not None:
                items.append(item)
                more.append([])
            elif line is not None:
                lines.append(line)
        if lines:
            blocks.append(_paragraph_html(lines, line_html))
    if direction is not None:  # (on each block, not a wrapper: the helpdesk's editor keeps paragraphs as they are)
        blocks = [_BLOCK_TAG.sub(rf'<\1 dir="{direction}"', b, count=1)
                  if not where_right_to_left or holds_right_to_left(b) else b for b in blocks]
    return "".join(b for b in blocks if b)


_BLOCK_TAG = re.compile(r"^<(p|ul|ol)\b")


def _signature(items: list[re.Match[str]], lines: list[str]) -> bool:
    """Whether ``items`` is a writer's sign-off, not a list: one ``- `` line alone, right under a line that ends
    in a comma ('Thanks,' then '- Sam')."""
    return (len(items) == 1 and items[0].group("bullet") is not None and bool(lines)
            and lines[-1].rstrip().endswith(","))


def _unlinkable(address: str, holes: list[Segment], dialect: Dialect,
                names: Mapping[str, str] | None = None) -> Segment | str | None:
    """Why the link to ``address`` (``_flatten``'s text, with its holes) is written as its text and address, not an
    ``<a href>``: the first blank in it (the agent cannot see it there to fill it in), or placeholder the helpdesk
    cannot fill in there (one it has no name for, written as a blank; any, where ``Dialect.linked_placeholders``
    is false); else "scheme" for an ``unsafe_address``; else None, a link."""
    table = {**dialect.names, **(names or {})}
    for m in _HOLE.finditer(address):
        seg = holes[int(m.group(1))] if m.group(1) is not None else None
        if isinstance(seg, Blank) or (isinstance(seg, Placeholder) and (
                not dialect.linked_placeholders or seg.name not in table)):
            return seg
    return "scheme" if unsafe_address(address) else None


def _location_in(segments: Iterable[Segment], at: int) -> Location | None:
    """Where in the pack the character at ``at`` of ``_flatten``'s text is, when it is text."""
    count = 0
    for seg in segments:
        if not isinstance(seg, Text):
            at -= len(f"\x00{count}\x01")
            count += 1
            continue
        length = len(seg.text) + seg.text.count("\x00")
        if at < length:
            return seg.source.location_at(at - seg.text[:at].count("\x00")) if seg.source else None
        at -= length
    return None


def _words_of(seg: Segment) -> str:
    if isinstance(seg, Placeholder):
        return "{" + placeholder_words(seg) + "}"
    return blank_marker(seg.name) if isinstance(seg, Blank) else ""


def _with_words(flat: str, holes: list[Segment]) -> str:
    """``flat`` (``_flatten``'s text, or a part of it) with each hole written as the writer reads it (``_words_of``),
    for a message that quotes a link."""
    return _HOLE.sub(lambda h: "" if h.group(1) is None else _words_of(holes[int(h.group(1))]), flat)


def link_problems(message: Message, dialect: Dialect, target: str,
                  names: Mapping[str, str] | None = None) -> list[Problem]:
    """SK503 (a warning) at each link the export writes as ``text (address)``, not as a link (``_unlinkable``):
    its address holds a blank, or a placeholder the helpdesk cannot fill in there, or runs a script."""
    flat, holes = _flatten(message.segments)
    found: list[Problem] = []
    for m in LINK.finditer(flat):
        why = _unlinkable(m.group(2), holes, dialect, names)
        if why is None:
            continue
        link = _with_words(m.group(0), holes)
        if isinstance(why, str):
            scheme = m.group(2).strip().split(":", 1)[0].lower()
            found.append(problem(
                "SK503", f"'{link}' is a '{scheme}:' address, which runs a script or holds a file, not a page to "
                         f"open; exported to {target} as its text and address, not as a link",
                "Link to a web page, or write the address as text.",
                location=_location_in(message.segments, m.start())))
            continue
        assert isinstance(why, (Placeholder, Blank))
        if isinstance(why, Blank):
            what = f"the blank '{why.name}' is inside a link's address, where the {target} agent cannot see it"
        elif why.name not in {**dialect.names, **(names or {})}:
            what = (f"{target} has no placeholder for '{why.name}', which is inside a link's address, where the "
                    "agent cannot see it to fill it in")
        else:
            what = f"{target} has no documented way to fill in '{why.name}' inside a link's address"
        found.append(problem(
            "SK503", f"{what}; '{link}' is exported as its text and address, not as a link",
            "For a link there, write an address without a placeholder or blank; as it is, the customer reads the "
            "address after the text.",
            location=why.source.start if why.source else None))
    return found


def mailto_query_problems(message: Message, target: str) -> list[Problem]:
    """SK503 (a warning) at each 'mailto:' link with a query (``?subject=...``) in a reply the target writes as plain
    text: there it is ``text (address)``, the address alone (``plain_address``), so the subject a click would fill
    in is lost, and the writer is told what to do instead."""
    from urllib.parse import parse_qsl

    flat, holes = _flatten(message.segments)
    found: list[Problem] = []
    for m in LINK.finditer(flat):
        address, _, query = m.group(2).strip().partition("?")
        if not address.lower().startswith("mailto:") or not query:
            continue
        fields = list(dict.fromkeys(key.lower() for key, _ in parse_qsl(query, keep_blank_values=True))) or ["query"]
        link = _with_words(m.group(0), holes)
        written = _with_words(plain_links(m.group(0)), holes)
        found.append(problem(
            "SK503", f"'{link}' is written in {target}'s plain text as '{written}': its {joined_with_and(fields)}, "
                     f"which a click would fill in, {'is' if len(fields) == 1 else 'are'} not carried",
            "Tell the customer in the reply what to put as the subject (\"with your ticket number in the subject\"), "
            "or leave the query out of the link.",
            location=_location_in(message.segments, m.start())))
    return found


def _continues(items: list[re.Match[str]], item: re.Match[str]) -> bool:
    """Whether ``item`` is the next of the list ``items``: a bullet after bullets, the next number after a number."""
    last = items[-1].group("number")
    if last is None:
        return item.group("number") is None
    return item.group("number") is not None and int(item.group("number")) == int(last) + 1


def _paragraph_html(lines: list[str], line_html: Callable[[str], str]) -> str:
    body = "<br>".join(line_html(line) if line else "" for line in lines)
    return f"<p>{body}</p>" if body.replace("<br>", "").strip() else ""


def _list_html(items: list[re.Match[str]], more: list[list[str]], line_html: Callable[[str], str]) -> str:
    """A list of ``items``, each with its indented lines (``more``, as written): a line after a ``<br>``, and
    indented ``- item`` lines a list inside the item (``<li>a<ul><li>b</li></ul></li>``), nested as deep as
    they are indented."""
    numbered = items[0].group("number")
    tag = "ol" if numbered else "ul"
    start = f' start="{int(numbered)}"' if numbered and int(numbered) != 1 else ""
    return f"<{tag}{start}>" + "".join(
        "<li>" + _item_html(m.group("text"), lines, line_html) + "</li>"
        for m, lines in zip(items, more, strict=True)) + f"</{tag}>"


def _item_html(text: str, lines: list[str], line_html: Callable[[str], str]) -> str:
    """One item's text and its indented lines: plain lines after a ``<br>``, each run of list lines (with the
    lines indented under them) a list of its own."""
    out = line_html(text)
    items: list[re.Match[str]] = []
    more: list[list[str]] = []
    indent = 0  # (the run's own items' indentation: a line indented further goes on its last item)
    for line in [*lines, None]:
        depth = len(line) - len(line.lstrip()) if line is not None else 0
        if items and line is not None and depth > indent:
            more[-1].append(line)
            continue
        item = _ITEM.fullmatch(line.strip()) if line is not None else None
        if items and (item is None or not _continues(items, item)):
            out += _list_html(items, more, line_html)
            items, more = [], []
        if item is not None:
            items.append(item)
            more.append([])
            indent = depth
        elif line is not None:
            out += "<br>" + line_html(line.strip())
    return out


def plain_links(text: str) -> str:
    """``text`` with each link ``[text](address)`` written as the plain exports write it, ``text (address)`` (the
    address alone where it is the text; no 'mailto:' or 'tel:', nor a mailto's query: ``plain_address``)."""

    def plain_link(m: re.Match[str]) -> str:
        text, address = m.group(1), plain_address(m.group(2))
        return address if address == text else f"{text} ({address})"

    return LINK.sub(plain_link, text)


def to_plain(segments: Iterable[Segment], dialect: Dialect, names: Mapping[str, str] | None = None) -> str:
    """The text as written, each placeholder in the helpdesk's spelling, a link ``[text](address)`` as
    ``text (address)`` (the address alone where it is the text; no 'mailto:' or 'tel:')."""
    flat, holes = _flatten(segments)
    flat = plain_links(flat)

    def blank(name: str) -> str:
        written = written_blank(name, names)
        return blank_marker(name) if written is None else dialect.escape(written)

    return _filled(flat, holes, dialect.escape, lambda seg: dialect.placeholder(seg, False, names), blank).strip()


def _filled(text: str, holes: list[Segment], literal: Callable[[str], str], placeholder: Callable[[Placeholder], str],
            blank: Callable[[str], str]) -> str:
    """``text`` of ``_flatten`` written out: its words through ``literal``, each hole as its placeholder
    or its blank (by name) is written."""
    out: list[str] = []
    pos = 0
    for m in _HOLE.finditer(text):
        if m.group(1) is None:  # (a \x00 of the text)
            continue
        if m.start() > pos:
            out.append(literal(_text(text[pos:m.start()])))
        seg = holes[int(m.group(1))]
        if isinstance(seg, Placeholder):
            out.append(placeholder(seg))
        elif isinstance(seg, Blank):
            out.append(blank(seg.name))
        pos = m.end()
    if pos < len(text):
        out.append(literal(_text(text[pos:])))
    return "".join(out)


def catalogue_of(message: Message) -> Catalogue:
    """The placeholders ``message``'s pack knows, each with its description: the built-in ones and those its
    pack.yaml declares (``pack_meta``, which rendering gives every message: ``PackMeta.catalogue``); the
    built-in ones alone for a message without it."""
    meta = message.meta.get("pack_meta")
    if meta is None:
        return DEFAULT_CATALOGUE
    from scriptkit.models import PackMeta  # (here, not at start-up: see TYPE_CHECKING above)

    return meta.catalogue if isinstance(meta, PackMeta) else DEFAULT_CATALOGUE


#: the article a description starts with ("The customer's first name"), left out where it names a placeholder
_ARTICLE = re.compile(r"the\s+", re.IGNORECASE)


def placeholder_words(seg: Placeholder, catalogue: Catalogue = DEFAULT_CATALOGUE) -> str:
    """A placeholder as a person says it: its description in ``catalogue`` (a pack's own, as pack.yaml gives
    it: ``catalogue_of``) without its first 'The', on one line and without a closing full stop, else its
    name in words, ``customer's first name, or "there"``; an empty fallback is ``..., or nothing`` (a pair of
    quotes with nothing between them reads as a typo)."""
    spec = catalogue.get(seg.name)
    described = " ".join(spec.description.split()).removesuffix(".") if spec is not None else ""
    if (article := _ARTICLE.match(described)) is not None:
        described = described[article.end():]
    words = described or seg.name.replace("_", " ").replace(".", " ")
    if seg.fallback is None:
        return words
    return f"{words}, or nothing" if seg.fallback == "" else f'{words}, or "{seg.fallback}"'


def human_text(segments: Iterable[Segment], catalogue: Catalogue = DEFAULT_CATALOGUE) -> str:
    """Text for a person to read (agent notes, playbooks): placeholders spelled as words (``placeholder_words``,
    by ``catalogue``'s descriptions)."""
    out: list[str] = []
    for seg in segments:
        if isinstance(seg, Text):
            out.append(seg.text)
        elif isinstance(seg, Placeholder):
            out.append("{" + placeholder_words(seg, catalogue) + "}")
        else:
            out.append(blank_marker(seg.name))
    return "".join(out).strip()


@dataclass(frozen=True)
class NoteWords:
    """The words the agent notes a helpdesk field holds are headed with, in one language: the agent reads them
    beside the pack's own text ('Guidance: ', 'Alternative (...): ', 'If ...: ', 'Or say (...): ', 'Replace
    [[...]]: ')."""

    guidance: str
    alternative: str
    condition: str  # (before the condition's "when": "If the order is late")
    phrasing: str
    replace: str
    slots: Mapping[str, str]  # acknowledgment, warm_language, solution: how "Or say (...)" names each
    unplaced: str  # a placeholder the helpdesk has none for: "{helpdesk}" is its name
    colon: str = ": "  # (French sets the colon apart with a no-break space)


#: note headings in the languages ``scriptkit init`` writes layouts for; any other language's pack gets English
NOTE_WORDS: Mapping[str, NoteWords] = {
    "en": NoteWords("Guidance", "Alternative", "If", "Or say", "Replace",
                    {"acknowledgment": "acknowledgment", "warm_language": "warm language", "solution": "solution"},
                    "{helpdesk} has no placeholder for it"),
    "es": NoteWords("Indicaciones", "Alternativa", "Si", "O bien", "Sustituir",
                    {"acknowledgment": "reconocimiento", "warm_language": "lenguaje cálido", "solution": "solución"},
                    "{helpdesk} no tiene marcador para este dato"),
    "fr": NoteWords("Consignes", "Variante", "Si", "Ou bien", "Remplacer",
                    {"acknowledgment": "reconnaissance", "warm_language": "mots chaleureux", "solution": "solution"},
                    "{helpdesk} n'a pas d'espace réservé pour cette donnée", colon="\u00a0: "),
    "de": NoteWords("Hinweise", "Alternative", "Wenn", "Oder", "Ersetzen",
                    {"acknowledgment": "Anerkennung", "warm_language": "warme Worte", "solution": "Lösung"},
                    "{helpdesk} hat keinen Platzhalter dafür"),
    "nl": NoteWords("Richtlijnen", "Alternatief", "Als", "Of", "Vervang",
                    {"acknowledgment": "erkenning", "warm_language": "warme woorden", "solution": "oplossing"},
                    "{helpdesk} heeft hiervoor geen placeholder"),
    "it": NoteWords("Indicazioni", "Alternativa", "Se", "Oppure", "Sostituisci",
                    {"acknowledgment": "riconoscimento", "warm_language": "tono caloroso", "solution": "soluzione"},
                    "{helpdesk} non ha un segnaposto per questo dato"),
    "pt": NoteWords("Orientações", "Alternativa", "Se", "Ou", "Substituir",
                    {"acknowledgment": "reconhecimento", "warm_language": "linguagem calorosa", "solution": "solução"},
                    "{helpdesk} não tem um marcador para este dado"),
}


def note_words(message: Message) -> NoteWords:
    """The note headings in the language of ``message``'s pack (its ``locale``), English where there are none."""
    locale = message.meta.get("locale")
    return NOTE_WORDS.get(base_language(locale) if isinstance(locale, str) and locale else "en", NOTE_WORDS["en"])


def note_lines(message: Message, headed: bool = True) -> list[str]:
    """The agent notes as lines of plain text, each headed by its kind ('Guidance: ', 'Alternative (...): ',
    a condition's 'If ...: '), then the other variants' phrasings a one-body helpdesk leaves out ('Or say
    (acknowledgment): ...'). ``headed=False`` writes the guidance without its heading."""
    lines: list[str] = []
    catalogue = catalogue_of(message)
    words = note_words(message)
    for note in message.notes:
        text = human_text(note.segments, catalogue)
        lines.append(text if note.kind == "guidance" and not headed
                     else f"{_note_heading(note, words)}{words.colon}{text}")
    for slot, text in message.meta.get("phrasings", ()):  # type: ignore[attr-defined]
        lines.append(f"{words.phrasing} ({words.slots.get(slot, slot.replace('_', ' '))}){words.colon}{text}")
    return lines


def blanks_of(message: Message) -> list[Blank]:
    """Every blank the agent fills in for ``message``, once each: the reply's, in its order, then those only the
    agent notes hold (an alternative or condition sent instead of the reply, or with it, has blanks of its own),
    then those only the other phrasings a one-body helpdesk lists in its notes hold (``phrasings``: text, in
    which such a blank is its marker; its prompt is the one the script declares)."""
    found: dict[str, Blank] = {}
    for seg in chain(message.segments, *(note.segments for note in message.notes)):
        if isinstance(seg, Blank):
            found.setdefault(seg.name, seg)
    phrasings: Iterable[tuple[str, str]] = message.meta.get("phrasings", ())  # type: ignore[assignment]
    declared: Sequence[BlankSpec] = message.meta.get("blanks", ())  # type: ignore[assignment]
    for slot, text in phrasings:
        held = [(at, spec) for spec in declared if spec.name not in found
                and (at := text.find(blank_marker(spec.name))) >= 0]
        for _, spec in sorted(held, key=itemgetter(0)):  # (in the phrasing's order)
            found.setdefault(spec.name, Blank(spec.name, slot, spec.prompt, example=spec.example))
    return list(found.values())


def replace_line(blank: Blank, words: NoteWords = NOTE_WORDS["en"]) -> str:
    """The line that tells the agent what to put in place of ``blank``: ``Replace [[new date]]: <its prompt>``, in
    ``words``' language (the Zendesk import reads it back as the prompt)."""
    return f"{words.replace} {blank_marker(blank.name)}" + (f"{words.colon}{blank.prompt}" if blank.prompt else "")


def _note_heading(note: AgentNote, words: NoteWords) -> str:
    from scriptkit.rendering import CONDITION_PREFIX  # (a condition's label: "If <when>")

    if note.kind == "alternative":
        return f"{words.alternative} ({note.label})"
    if note.kind == "condition" and note.label.startswith(CONDITION_PREFIX):
        return f"{words.condition} {note.label.removeprefix(CONDITION_PREFIX)}"
    return words.guidance if note.kind == "guidance" else note.label


# ---------------------------------------------------------------- text checks shared by targets

Locator = Callable[[int], "Location | None"]


def literal_texts(message: Message, dialect: Dialect | None = None,
                  names: Mapping[str, str] | None = None) -> Iterator[tuple[str, Locator]]:
    """Customer-facing literal text, including fallbacks, joined across neighbouring segments
    (two ``{`` from two segments still make ``{{``), each with a function from an offset in
    that text to its source location. Given the helpdesk's ``dialect`` (and the pack's ``names`` for it), only
    the fallbacks it writes: one it never gets cannot be misread."""
    run: list[Text] = []

    def joined() -> tuple[str, Locator]:
        parts = list(run)

        def locate(index: int) -> Location | None:
            for t in parts:
                if index < len(t.text):
                    return t.source.location_at(index) if t.source else None
                index -= len(t.text)
            return None

        return "".join(t.text for t in parts), locate

    for seg in message.segments:
        if isinstance(seg, Text):
            run.append(seg)
            continue
        if run:
            yield joined()
        run = []
        if isinstance(seg, Placeholder) and (
                fallback := seg.fallback if dialect is None else dialect.written_fallback(seg, names)):
            start = seg.source.start if seg.source else None
            yield fallback, lambda _index, start=start: start  # type: ignore[misc]
    if run:
        yield joined()


_CLOSERS = {"{{": "}}", "{%": "%}", "{#": "#}"}


def _snippet(text: str, at: int, size: int, reach: int = 20) -> str:
    """The words around ``text[at:at + size]`` on its own line, whole, on one line: "y.\\n\\nLiteral braces: {{..."
    quoted the end of the paragraph before it."""
    lo, hi = max(text.rfind("\n", 0, at) + 1, at - reach), text.find("\n", at)
    hi = min(len(text) if hi < 0 else hi, at + size + reach)
    if lo > 0 and text[lo - 1].isalnum():  # (from the start of a word)
        lo = next((i + 1 for i in range(lo, at) if text[i].isspace()), lo)  # (a word glued to it: as it stands)
    if hi < len(text) and text[hi].isalnum():  # (to the end of one)
        hi = next((i for i in range(hi - 1, at + size - 1, -1) if text[i].isspace()), hi)
    return " ".join(text[lo:hi].split())


def unsafe_literal_problems(message: Message, dialect: Dialect, target: str,
                            names: Mapping[str, str] | None = None) -> list[Problem]:
    """SK505 at each of ``dialect.unsafe`` in each literal text the helpdesk gets, saying what it does with it
    (a fallback it never writes is none: a placeholder it lacks is a [[marker]] for the agent). Each is its own
    problem, at its place: one named alone, the next came up only once it was fixed."""
    found: list[Problem] = []
    if not dialect.unsafe and not dialect.unconfirmed:
        return found
    # (one pass, left to right, each place once: '{{%' is one '{{', not a '{{' and a '{%')
    needles = re.compile("|".join(map(re.escape, sorted(dialect.unsafe + dialect.unconfirmed, key=len,
                                                        reverse=True))))
    for text, locate in literal_texts(message, dialect, names):
        for hit in needles.finditer(text):
            needle, at = hit.group(), hit.start()
            snippet = _snippet(text, at, len(needle))
            if needle in dialect.unconfirmed:
                found.append(problem(
                    "SK505", f"'{needle}' in \"{snippet}\" may be read as {target} template syntax: {target} "
                             f"documents only {{{{…}}}} variables, and not what it does with '{needle}'",
                    f"Send a test reply holding it in {target} to see it arrives as written, or reword the text.",
                    Severity.WARNING, location=locate(at)))
                continue
            found.append(problem(
                "SK505", f"'{needle}' in \"{snippet}\" would be read as {target} template syntax"
                         + _misread(dialect, text, at, needle),
                f"{target} documents no way to escape it: reword the text, or export with --force to keep it.",
                location=locate(at)))
    return found


def _misread(dialect: Dialect, text: str, at: int, needle: str) -> str:
    """What the helpdesk does with the template syntax at ``at``, for SK505: "" where the dialect does not say."""
    if dialect.misreads is None:
        return ""
    helpdesk, what, then = dialect.misreads
    line_end = text.find("\n", at)
    close = text.find(_CLOSERS.get(needle, "}"), at + len(needle), line_end if line_end >= 0 else len(text))
    if close < 0 or close - at > 80:  # (no end on its line: the text from there on is taken for one)
        return f": {helpdesk} takes the text from '{needle}' on for {what}, {then}"
    return f": {helpdesk} takes '{text[at:close + len(_CLOSERS.get(needle, '}'))]}' for {what}, {then}"


def placeholder_problems(message: Message, dialect: Dialect, target: str,
                         names: Mapping[str, str] | None = None) -> list[Problem]:
    """SK503 once per placeholder the helpdesk lacks; SK504 for each place whose fallback is lost (the
    greeting's and a warm line's fallbacks for one name are two losses, each with its own wording to check)."""
    table = {**dialect.names, **(names or {})}
    found: dict[tuple[str, Location | str | None], Problem] = {}
    for seg in message.segments:
        if not isinstance(seg, Placeholder) or (seg.name, None) in found:
            continue
        where = seg.source.start if seg.source else None
        if seg.name not in table:
            found[seg.name, None] = problem(
                "SK503", f"{target} has no placeholder for '{seg.name}'; exported as {blank_marker(seg.name)} "
                         "for the agent to fill in",
                f"Map it under export: {{{target}: {{placeholders: {{{seg.name}: <{target} name>}}}}}} in pack.yaml.",
                location=where)
        elif seg.name in dialect.stand_ins and seg.name not in (names or {}):
            found[seg.name, None] = problem(
                "SK503", f"{target} documents no placeholder for '{seg.name}'; exported as "
                         f"{dialect.write(table[seg.name], None, False)}, {dialect.stand_ins[seg.name]}",
                "Check the wording reads well with it, or, if your helpdesk has one, map it under export: "
                f"{{{target}: {{placeholders: {{{seg.name}: <{target} name>}}}}}} in pack.yaml.", location=where)
        if seg.fallback and not dialect.keeps(seg.fallback) and (seg.name, where or seg.fallback) not in found \
                and seg.name in table:
            why = "has no documented fallback" if not dialect.fallbacks else "cannot spell this fallback"
            found[seg.name, where or seg.fallback] = problem(
                "SK504", f"{target} {why}: when '{seg.name}' is empty the fallback "
                         f"\"{seg.fallback}\" is lost",
                lost_fallback_hint(target, message.channel, seg.slot, message.meta.get("locale")),
                location=where)
    return list(found.values())


def lost_fallback_hint(target: str, channel: str, slot: str, locale: object = None) -> str:
    """SK504's advice: for a greeting or sign-off, the pack.yaml setting that gives ``target`` one of its own that
    reads well without the name (the other helpdesks keep the pack's), in the pack's ``locale``; for a reply's
    text, to reword it."""
    from scriptkit.targets.layouts import example

    if slot in ("greeting", "signoff"):
        said = "greeting" if slot == "greeting" else "sign-off"
        return (f"Give {target} a {said} of its own that reads well without the name, in pack.yaml: "
                f"{example(target, channel, slot, locale)} (the other helpdesks keep the pack's).")
    return "Check the wording still reads well without the value, or write it without the placeholder."


# ---------------------------------------------------------------- settings and names

def settings(message: Message) -> Mapping[str, Any]:
    value = message.meta.get("export", {})
    return value if isinstance(value, Mapping) else {}


def written(value: object) -> str:
    """A setting's value as the writer wrote it: 'text' quoted, else as YAML reads it ("nothing (null)",
    "true", "the number 3"), not Python's None and True."""
    from scriptkit.config import value_kind

    return f"'{value}'" if isinstance(value, str) else value_kind(value)


def meant(value: object, accepted: Iterable[str]) -> str:
    """"Did you mean 'solved'? " for a setting given ``value`` (a typo, another case) where it takes one of
    ``accepted``; "" when none is near."""
    close = difflib.get_close_matches(value.strip().lower(), list(accepted), n=1) if isinstance(value, str) else []
    return f"Did you mean '{close[0]}'? " if close else ""


def one_of(value: object, accepted: Iterable[str]) -> str:
    """The hint for a setting given ``value`` where it takes one of ``accepted``: the nearest, then them all."""
    accepted = list(accepted)
    return f"{meant(value, accepted)}Use one of: {', '.join(accepted)}."


def true_or_false(value: object) -> str:
    """The hint for a setting that takes true or false, given ``value``: 'yes' (text in the YAML scriptkit reads,
    not a boolean) or 'False' quoted is meant as one of them."""
    word = {"yes": "true", "y": "true", "on": "true", "true": "true", "1": "true",
            "no": "false", "n": "false", "off": "false", "false": "false", "0": "false"}.get(str(value).strip().lower())
    return (f"Did you mean {word}? " if word else "") + "Write true or false, without quotes."


def text_setting(value: object) -> str | None:
    """A setting's text as an export writes it (text or a number, not blank), or None: a value check
    refuses (a list, null, "") is left out of a forced export rather than written as "['a']"."""
    return str(value) if is_text(value) and str(value).strip() else None


def text_setting_problems(target: str, conf: Mapping[str, Any], keys: Iterable[str]) -> list[Problem]:
    """SK512 for each of ``keys`` in ``conf`` that is not text or a number (a list, a mapping, null)."""
    return [problem("SK512", f"{target} setting '{key}' must be text, not {written(conf[key])}",
                    severity=Severity.ERROR, setting=(key,))
            for key in keys if key in conf and not is_text(conf[key])]


def whole_number(value: object, least: int = 1) -> int | None:
    """A helpdesk's id or position as a setting holds it: a whole number of at least ``least``, or its digits as
    text ("360001", as a sheet or a quoting writer gives it); None for anything else (true, 1.5, "abc", -3)."""
    if isinstance(value, str) and value.strip().isascii() and value.strip().isdigit() and len(value.strip()) < 19:
        value = int(value.strip())
    if isinstance(value, int) and not isinstance(value, bool) and value >= least:
        return value
    return None


#: a helpdesk's id of one macro: a whole number (Zendesk, Gorgias, Freshdesk, Help Scout), or text (Front's
#: ``rsp_16yc``)
MacroId = int | str

#: a text id as Front gives one (``rsp_16yc``): letters, digits, ``_`` and ``-``, as it stands in the address of
#: the update (``PATCH /message_templates/{id}``)
_TEXT_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,99}")

#: the record of a script besides its own macro, as the export titles it ("... (chat, variant 2)"): the key of
#: a ``variant_ids`` entry
VARIANT_LABEL = re.compile(r"(?:(?P<channel>[a-z]+)(?:, )?)?(?:variant (?P<n>[1-9][0-9]{0,5}))?")


def macro_id(value: object, kind: str = "number") -> MacroId | None:
    """A macro's id as a setting holds it: for a helpdesk whose ids are numbers (``kind`` "number") a whole
    number above 0 (``whole_number``); for one whose ids are text (``kind`` "text", Front) text such as
    ``rsp_16yc``; None for anything else."""
    if kind == "text":
        return value.strip() if isinstance(value, str) and _TEXT_ID.fullmatch(value.strip()) else None
    return whole_number(value)


def variant_label(key: object) -> str | None:
    """``key`` of a ``variant_ids`` entry if it names a record the export may write besides the script's own
    macro: a channel ("chat"), a variant ("variant 2") or both ("chat, variant 2"); else None."""
    if not isinstance(key, str) or not key or (found := VARIANT_LABEL.fullmatch(key)) is None:
        return None
    channel, n = found["channel"], found["n"]
    if n is not None and int(n) < 2:  # (variant 1 is the script's own macro: its id is 'id')
        return None
    if channel is not None and channel not in ("email", "chat", "social", "sms"):
        return None
    if channel is not None and n is not None and key != f"{channel}, variant {n}":
        return None
    if channel is not None and n is None and key != channel:
        return None
    return key if (channel or n) else None


def own_id(message: Message, target: str, kind: str = "number") -> MacroId | None:
    """The helpdesk id of the macro a record updates: for the script's own macro its ``id`` setting (the macro
    it was imported from); for the macro of another channel or variant (a ``record_suffix``) the entry of its
    ``variant_ids`` its title names (``record_label``: "chat", "variant 2", "chat, variant 2"), else none: it is
    a macro of its own. An id in pack.yaml's block names no one script's macro (``pack_wide_id``: the check
    refuses it), nor one an earlier record gives (``id_given_to``: the export refuses it; forced, the copy is a
    new macro)."""
    if message.meta.get("id_given_to"):
        return None
    conf = settings(message)
    if message.meta.get("record_suffix"):
        label = message.meta.get("record_label")
        ids = conf.get("variant_ids")
        if not label or not isinstance(ids, Mapping) or pack_wide_id(message, target, "variant_ids"):
            return None
        return macro_id(ids.get(label), kind)
    if pack_wide_id(message, target):
        return None
    return macro_id(conf.get("id"), kind)


def id_setting(message: Message) -> tuple[str, ...]:
    """The setting that gives a record's id: ``id``, or the ``variant_ids`` entry of another channel's or
    variant's macro."""
    label = message.meta.get("record_label")
    return ("variant_ids", str(label)) if message.meta.get("record_suffix") and label else ("id",)


def pack_wide_id(message: Message, target: str, key: str = "id") -> bool:
    """Whether the ``id`` (or ``variant_ids``) setting a script has is pack.yaml's, which would send every script
    to one macro."""
    return id_is_pack_wide(message.meta.get("pack_export"), message.meta.get("script_export"), target, key)


def id_is_pack_wide(pack_export: object, script_export: object, target: str, key: str = "id") -> bool:
    """Whether a script whose ``export:`` block is ``script_export`` has pack.yaml's ``id`` (``pack_export``'s)
    for ``target`` (or its ``variant_ids``: ``key``): the pack's block gives one and the script's own does not."""
    block = pack_export.get(target) if isinstance(pack_export, Mapping) else None
    mine = script_export.get(target) if isinstance(script_export, Mapping) else None
    return isinstance(block, Mapping) and key in block and not (isinstance(mine, Mapping) and key in mine)


def _id_kind_words(target: str, kind: str, example: str) -> str:
    return (f"the {target} id of a macro, text such as {example}" if kind == "text"
            else f"the macro's {target} id, a whole number")


#: the helpdesks whose replies sit in folders, by the setting ``scriptkit import`` keeps the folder in
FOLDERED = ("freshdesk", "front", "salesforce")


def other_folders(rendered: Sequence[Rendered]) -> dict[str, set[str]]:
    """The folders (their ids) the exported scripts had in each other helpdesk, by its ``folder_id`` setting (the
    script's own over the pack's), as the export blocks were written."""
    found: dict[str, set[str]] = {}
    for r in rendered:
        own, pack = r.message.meta.get("script_export"), r.message.meta.get("pack_export")
        for helpdesk in FOLDERED:
            blocks = [b.get(helpdesk) for b in (own, pack) if isinstance(b, Mapping)]
            folder = next((b["folder_id"] for b in blocks if isinstance(b, Mapping) and "folder_id" in b), None)
            if folder is not None and str(folder).strip():
                found.setdefault(helpdesk, set()).add(str(folder).strip())
    return found


def lost_folders_note(rendered: Sequence[Rendered], helpdesk: str) -> str:
    """A ``records_note`` for a helpdesk whose macros have no folders (``helpdesk`` as written in a sentence): how
    many folders of which other helpdesk the scripts were in, said once here (a warning a script would be one for
    every script of a pack), or "" where they were in none."""
    lost = [f"{len(ids)} {source} folder{'s' if len(ids) > 1 else ''}"
            for source, ids in other_folders(rendered).items()]
    return f" (from {' and '.join(lost)}: {helpdesk} macros have no folders, so they are one list there)" \
        if lost else ""


def carried_action_problems(target: str, value: object, shape: str, kind: str,
                            name_of: Callable[[object], str | None], own: Mapping[str, str]) -> list[Problem]:
    """SK512 for a target's ``actions`` setting (the helpdesk's own actions an import carried, written back as
    they are): it is a list of ``shape``; each entry ``kind``, an action ``name_of`` names (None: it is not one),
    and none of ``own``, the actions scriptkit writes itself (each with what says it instead)."""
    if value is None:
        return []
    if not isinstance(value, list):
        return [problem("SK512", f"{target} setting 'actions' must be {shape}, not {written(value)}",
                        severity=Severity.ERROR, setting=("actions",))]
    found: list[Problem] = []
    for number, action in enumerate(value, 1):
        name = name_of(action)
        if name is None:
            found.append(problem("SK512", f"{target} setting 'actions': action {number}, {action!r}, is not {kind}",
                                 f"Write each action as the export writes it, {shape}.",
                                 severity=Severity.ERROR, setting=("actions",)))
        elif name in own:
            found.append(problem("SK512", f"{target} setting 'actions': action {number} is {name}, which scriptkit "
                                          "writes itself", f"Say it with {own[name]} instead, and remove the action.",
                                 severity=Severity.ERROR, setting=("actions",)))
    return found


def id_problems(target: str, conf: Mapping[str, Any], kind: str = "number", example: str = "rsp_16yc",
                ) -> list[Problem]:
    """SK512 for an ``id`` setting that is not a helpdesk id (a whole number above 0, or for a helpdesk whose ids
    are text, such text: ``example`` is one of that helpdesk's), and for a ``variant_ids`` entry whose key names
    no record the export writes or whose value is no id."""
    found: list[Problem] = []
    if "id" in conf and macro_id(conf["id"], kind) is None:
        found.append(problem("SK512", f"{target} setting 'id' must be {_id_kind_words(target, kind, example)}, not "
                                      f"{written(conf['id'])}",
                             f"Write the id {target}'s API gives the macro (scriptkit import writes it), or remove "
                             "it to create a new macro.", severity=Severity.ERROR, setting=("id",)))
    if "variant_ids" not in conf:
        return found
    ids = conf["variant_ids"]
    if not isinstance(ids, Mapping):
        found.append(problem("SK512", f"{target} setting 'variant_ids' must map each other macro of the script, "
                                      f"as its title names it, to its id, not {written(ids)}",
                             "Write variant_ids: {'variant 2': <id>, chat: <id>, 'chat, variant 2': <id>}.",
                             severity=Severity.ERROR, setting=("variant_ids",)))
        return found
    for key, value in ids.items():
        if variant_label(key) is None:
            found.append(problem("SK512", f"{target} variant_ids entry {written(key)} names no macro the export "
                                          "writes besides the script's own",
                                 "Name it as the export titles it: 'variant 2', chat, or 'chat, variant 2' (the "
                                 "script's own macro takes id).",
                                 severity=Severity.ERROR, setting=("variant_ids", str(key))))
        elif macro_id(value, kind) is None:
            found.append(problem("SK512", f"{target} variant_ids entry '{key}' must be "
                                          f"{_id_kind_words(target, kind, example)}, not {written(value)}",
                                 f"Write the id {target}'s API gives that macro (scriptkit import writes it), or "
                                 "remove the entry to create a new macro.",
                                 severity=Severity.ERROR, setting=("variant_ids", str(key))))
    return found


def script_ids(conf: Mapping[str, Any], kind: str = "number") -> list[tuple[MacroId, tuple[str, ...]]]:
    """Every id a script's own settings give, each with its setting: ``id``, then ``variant_ids``' entries in
    their order (those the checks accept)."""
    found: list[tuple[MacroId, tuple[str, ...]]] = []
    if (ident := macro_id(conf.get("id"), kind)) is not None:
        found.append((ident, ("id",)))
    ids = conf.get("variant_ids")
    for key, value in (ids.items() if isinstance(ids, Mapping) else ()):
        if variant_label(key) is not None and (ident := macro_id(value, kind)) is not None:
            found.append((ident, ("variant_ids", str(key))))
    return found


def pack_wide_id_problem(message: Message, target: str) -> list[Problem]:
    """SK512 for an ``id`` (or ``variant_ids``) in pack.yaml's block: every script would update that one macro."""
    return [pack_wide_id_found(target, key) for key in ("id", "variant_ids") if pack_wide_id(message, target, key)]


def pack_wide_id_found(target: str, key: str = "id") -> Problem:
    """The SK512 of an ``id`` (or ``variant_ids``) in pack.yaml's block, as export and ``scriptkit check`` tell
    it."""
    return problem("SK512", f"{target} setting '{key}' in pack.yaml gives every script the id of "
                            f"{'one macro' if key == 'id' else 'the same macros'}: each would replace "
                            f"{'that macro' if key == 'id' else 'them'} when its file is sent",
                   f"Set {key} in a script's own export: {{{target}: ...}} block (scriptkit import writes it there), "
                   "not in pack.yaml.", severity=Severity.ERROR, setting=(key,))


def id_owner(script_id: str, setting: Sequence[str]) -> str:
    """The record an id is given to, as an SK512 names it: 'parcel-late', or 'parcel-late' (variant 2)."""
    return f"'{script_id}'" + (f" ({setting[1]})" if len(setting) > 1 else "")


def repeated_id_problem(target: str, ident: MacroId, other: str, setting: tuple[str, ...] = ("id",)) -> Problem:
    """SK512 for an id that an earlier record of the pack already gives (``other``, a script's id, or as
    ``id_owner`` names a record): both files would update that one macro, the second over the first (a script
    file copied to make a new one). ``setting``: where the repeated id is given (``id``, or a ``variant_ids``
    entry)."""
    named = other if other.startswith("'") else f"'{other}'"
    return problem("SK512", f"{target} id {ident} is also given to {named}",
                   f"Remove the id from the script that is a copy (a new macro): without one, its file creates a "
                   f"macro instead of replacing the other's; else give it its own macro's {target} id.",
                   severity=Severity.ERROR, setting=setting)


def as_list(value: object) -> list[str]:
    """A setting that may be one value or a list of them."""
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if isinstance(value, Iterable):
        return [str(v) for v in value]
    return [str(value)]


def tags_of(message: Message) -> list[str]:
    """The script's tags plus the target's extra ``tags`` setting, stripped, unique, in the order written (the
    writer's order: no helpdesk needs them sorted, and a macro exported back keeps the tags as it had them)."""
    found = [t.strip() for t in as_list(message.meta.get("tags")) + as_list(settings(message).get("tags"))]
    return list(dict.fromkeys(t for t in found if t))


def categories(title: str) -> tuple[list[str], str]:
    """``Billing::Refunds::Double charge`` -> (["Billing", "Refunds"], "Double charge")."""
    parts = [p.strip() for p in title.split("::")]
    parts = [p for p in parts if p] or [title.strip()]
    return parts[:-1], parts[-1]


def display_title(message: Message, separator: str = " / ") -> str:
    """The title with its categories, plus the channel when the script is exported for several."""
    cats, name = categories(message.title)
    suffix = message.meta.get("title_suffix", "")
    return separator.join([*cats, f"{name}{suffix}"])


def dump_json(data: object) -> bytes:
    """Deterministic JSON: sorted keys, two-space indent, UTF-8, trailing newline."""
    # encoded a few thousand pieces at a time: json.dumps with an indent keeps every piece (a key, a comma, an
    # indent) as a string of its own until it joins them, some 70 MB for the JSON export of 2,000 scripts
    pieces = _JSON.iterencode(data)
    encoded: list[bytes] = []
    while batch := list(islice(pieces, 4096)):
        encoded.append("".join(batch).encode("utf-8"))
    encoded.append(b"\n")
    return b"".join(encoded)


_JSON = json.JSONEncoder(sort_keys=True, indent=2, ensure_ascii=False)


def record_order(record: Rendered) -> tuple[list[tuple[int, int, str]], str]:
    """A record's place in a bundle: by its file stem, part by part, a number as a number ("x", "x-2", "x-10",
    "x-chat"), as an import numbers the macros that share a title in the order it reads them."""
    parts = re.split(r"[-._]", record.stem)
    # (a number of more digits than any count of macros is text: int() refuses one of thousands)
    return [(0, int(p), "") if p.isascii() and p.isdigit() and len(p) < 19 else (1, 0, p) for p in parts], \
        record.stem


def bundle_files(directory: str, key: str, rendered: Sequence[Rendered], wrap: Callable[[Payload], object],
                 batch: int | None = None, bundle: Callable[[list[object]], object] | None = None,
                 ) -> dict[str, bytes]:
    """One JSON file per record under ``directory/key/`` and the bundle ``directory/key.json``
    (split into ``key-002.json``... when a bulk request holds at most ``batch`` records)."""
    out: dict[str, bytes] = {}
    # (the bundle in the scripts' own order, 'x' before 'x-2' before 'x-10': an import names the first of two
    # macros sharing a title 'x' and the second 'x-2', so importing the bundle again gives each script its id
    # back; in file-name order, 'x-2.yaml' before 'x.yaml', the two swapped ids and texts)
    rendered = sorted(rendered, key=record_order)
    records = [wrap(r.payload) for r in rendered]
    for r, record in zip(rendered, records, strict=True):
        out[f"{directory}/{key}/{r.stem}.json"] = dump_json(record)
    make = bundle or (lambda items: {key: items})
    size = batch or max(1, len(records))
    chunks = [records[i:i + size] for i in range(0, len(records), size)] or [[]]
    for n, chunk in enumerate(chunks, 1):
        name = f"{directory}/{key}.json" if n == 1 else f"{directory}/{key}-{n:03d}.json"
        out[name] = dump_json(make(chunk))
    return out


# a dotted field name, each part maybe with a list index ("ticket.customer.integrations.shopify.orders[0].name")
_FIELD = re.compile(r"[A-Za-z_][A-Za-z0-9_]*(?:\[\d+\])?(?:\.[A-Za-z0-9_]+(?:\[\d+\])?)*")


def _written_markers(value: object) -> bool:
    """Whether a ``blank_markers`` setting is one: each blank's name to the text of its marker, on one line."""
    return isinstance(value, Mapping) and all(
        isinstance(k, str) and isinstance(v, str) and v.strip() and "\n" not in v for k, v in value.items())


class BaseTarget(ABC):
    """Shared behaviour for the built-in targets; third-party targets may subclass it."""

    name: ClassVar[str] = ""
    summary: ClassVar[str] = ""
    #: what the helpdesk calls one exported item, singular and plural (the export's summary counts them)
    units: ClassVar[tuple[str, str]] = ("reply", "replies")
    channels: ClassVar[tuple[str, ...]] = ("email", "chat", "social", "sms")
    variants: ClassVar[str] = "first"
    limits: ClassVar[Limits] = Limits()
    readme: ClassVar[str] = ""
    common_settings: ClassVar[dict[str, str]] = {
        "placeholders": "map canonical placeholder names to this helpdesk's own, e.g. {order.number: ticket.order_id}",
        "limits": "override limits: {title: N, body: N}",
        "skip": "true to leave this script (or, at pack level, every script) out of this target",
        "blank_markers": "write a blank as the fill-in marker the helpdesk's macro had, e.g. {order_number: XXXXXXX} "
                         "(an import writes it), not [[order number]]",
    }
    own_settings: ClassVar[dict[str, str]] = {}
    dialect: ClassVar[Dialect | None] = None

    #: the other variants' phrasings reach the agent (a notes field): no SK508 when they are not exported
    keeps_phrasings: ClassVar[bool] = False
    #: a script's guidance, alternatives and conditions reach the agent (Zendesk's description, the CSV's columns,
    #: the playbook): no SK508 for them
    keeps_notes: ClassVar[bool] = False
    #: the export keeps every script's and the pack's ``export:`` blocks (scriptkit's own JSON): what another
    #: helpdesk's settings say (an internal note, a macro withheld from some agents) is not lost, no SK509/SK510
    keeps_export_settings: ClassVar[bool] = False
    #: the script's "Chat version" alternative reaches the helpdesk (Help Scout's chatText): no SK508 for it
    keeps_chat_version: ClassVar[bool] = False
    #: the helpdesk shows the reply as HTML, where a link is a link: SK503 names each one written as text instead
    #: (a plain-text helpdesk shows every link as its text and address, and no warning is needed)
    writes_links: ClassVar[bool] = True
    #: the ``id`` setting is the helpdesk's id of the script's macro (``own_id``), ``variant_ids`` those of its
    #: other channels' and variants' macros: two records may not share one, and pack.yaml may give none
    macro_ids: ClassVar[bool] = False
    #: what the helpdesk's ids are: "number" (a whole number) or "text" (Front's rsp_16yc)
    id_kind: ClassVar[str] = "number"

    def records(self, rendered: Sequence[Rendered]) -> int:
        """How many items ``files`` writes for ``rendered``, as the export's summary counts them: one per message
        unless the helpdesk keeps several in one."""
        return len(rendered)

    def records_note(self, rendered: Sequence[Rendered]) -> str:
        """What the summary says after the count of ``records``, when some of them go elsewhere (Front's private
        templates, in their teammates' folders): "" unless the helpdesk has such a split."""
        return ""

    def title_scope(self, message: Message) -> str | None:
        """Whose picker alone shows ``message``'s reply, for SK507: None where every agent's does; else a name for
        that agent (Front's private template: its teammate), whose picker shows the shared replies too. Two
        replies' titles clash where one picker shows both."""
        return None

    def title_scopes_meet(self, one: str | None, other: str | None) -> bool:
        """Whether two ``title_scope``s share a picker, so that their titles clash (SK507): None is every agent's
        picker, and two named scopes are apart. Front's teams and teammates meet otherwise (see there)."""
        return scopes_meet(one, other)

    def settings_keys(self) -> Mapping[str, str]:
        one_body = {"variants": "'each' to export every variant of a script as a macro of its own, titled "
                                "'... (variant 2)'; 'first' (the default) exports the first"}
        return {**self.common_settings, **(one_body if self.variants == "first" else {}), **self.own_settings}

    def names(self, message: Message) -> Mapping[str, str]:
        """The ``placeholders`` setting (canonical name -> the helpdesk's field), and each blank's marker as the
        ``blank_markers`` setting writes it, under ``WRITTEN_BLANK`` (every serialiser that takes one takes both)."""
        conf = settings(message)
        mapped = conf.get("placeholders") or {}
        # (a mapping that is no field, which check refuses, is left out of a forced export: its text, 'Acme Co',
        # written as a variable, {{Acme Co}}, is one the helpdesk has no value for)
        names = {str(k): v for k, v in mapped.items() if isinstance(v, str) and _FIELD.fullmatch(v)} \
            if isinstance(mapped, Mapping) else {}
        if _written_markers(conf.get("blank_markers")):
            names.update((WRITTEN_BLANK + str(k), v) for k, v in conf["blank_markers"].items())
        return names

    def dialect_for(self, message: Message) -> Dialect | None:
        """The dialect one message is written in (a setting may change how fallbacks are spelled)."""
        return self.dialect

    def setting_problems(self, conf: Mapping[str, Any]) -> list[Problem]:
        """Wrong values among one script's merged ``export: {<target>: ...}`` settings, whatever its text.
        ``check`` reports them with the message's other problems, and ``scriptkit check`` asks for them
        alone (no export rendering), so a pack that checks clean does not then fail its export."""
        markers = conf.get("blank_markers")
        wrong = [] if markers is None or _written_markers(markers) else [problem(
            "SK512", f"{self.name} setting 'blank_markers' is not a mapping of blank names to marker text",
            "Map each blank's name to its marker on one line, e.g. {order_number: XXXXXXX}, or leave the setting out.",
            Severity.ERROR, setting=("blank_markers",))]
        if self.dialect is None:
            return wrong
        mapped = conf.get("placeholders") or {}
        pairs = mapped.items() if isinstance(mapped, Mapping) else ()
        # (a value YAML reads as null or true is no field either: its text, 'None', reached the helpdesk)
        bad = [(str(k), "null" if v is None else str(v).lower() if isinstance(v, bool) else v)
               for k, v in pairs if not (isinstance(v, str) and _FIELD.fullmatch(v))]
        return wrong + [problem("SK512", f"{self.name} placeholder mapping '{k}: {v}' is not a field name",
                                self._mapping_hint(k, v), Severity.ERROR, setting=("placeholders", k))
                        for k, v in bad]

    def _mapping_hint(self, name: str, value: object) -> str:
        """What to write instead of a placeholder mapping that is no field: one of this helpdesk's own fields (not
        another's), and for fixed text ('brand.name: Acme Co', which the export would write as a variable the
        helpdesk has no value for), a constant of the pack, which every export writes as text."""
        names = self.dialect.names if self.dialect else {}
        example = names.get("customer.full_name") or next(iter(names.values()), "")
        field = f"Map it to a {self.name} field, a dotted name such as {example}" if example \
            else "Map it to a dotted field name"
        if not (isinstance(value, str) and value.strip()):
            return field + "."
        constant = re.sub(r"[^a-z0-9_]+", "_", name.lower()).strip("_") or "fixed_text"
        return (f"{field}. For fixed text, declare it in pack.yaml, constants: {{{constant}: {value}}}, write "
                f"{{{{ {constant} }}}} in the scripts instead of {{{{ {name} }}}}, and remove this mapping.")

    def check(self, message: Message) -> list[Problem]:
        found = self.setting_problems(settings(message))
        dialect = self.dialect_for(message)
        if dialect is None:
            return found
        names = self.names(message)
        return (found + placeholder_problems(message, dialect, self.name, names)
                + unsafe_literal_problems(message, dialect, self.name, names)
                + (link_problems(message, dialect, self.name, names) if self.writes_links else []))

    @abstractmethod
    def render(self, message: Message) -> Payload: ...

    @abstractmethod
    def measure(self, payload: Payload) -> tuple[str, str]: ...

    @abstractmethod
    def files(self, rendered: Sequence[Rendered]) -> dict[str, bytes]: ...

    def html(self, message: Message) -> str:
        """The message's HTML body; a right-to-left pack's says so (``dir="rtl"``), and in another pack each
        paragraph that holds right-to-left letters (a Hebrew reply in an English pack) takes the direction of its
        first letter (``dir="auto"``). No helpdesk documents what its sanitiser does with ``dir`` (one that does
        not know it drops it, and the paragraph reads as it did), so a paragraph with no right-to-left letter is
        sent with none, as before: an English pack's bodies are what they were."""
        dialect = self.dialect_for(message)
        assert dialect is not None
        rtl = text_direction(message.meta.get("locale"))
        return to_html(message.segments, dialect, self.names(message), rtl or "auto", where_right_to_left=rtl is None)

    def plain(self, message: Message) -> str:
        dialect = self.dialect_for(message)
        assert dialect is not None
        return to_plain(message.segments, dialect, self.names(message))

    def readme_file(self) -> dict[str, bytes]:
        return {f"{self.name}/README.md": self.readme.strip().encode("utf-8") + b"\n"} if self.readme else {}
