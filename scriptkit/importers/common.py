"""What every importer shares: the raw item, reading files safely, and locating items.

A format module exposes ``read(path, options) -> Iterator[RawItem | ItemProblem]``. It raises
``ImportFormatError`` (with ``file:line:col``) only when the whole file cannot be read;
a single bad item becomes an ``ItemProblem`` naming it, and reading goes on. A helpdesk's
JSON export is read by ``read_export``; the helpdesk's module only turns one item into a reply.
"""

from __future__ import annotations

import codecs
import json
import re
import shlex
import stat
import sys
import zipfile
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from scriptkit.diagnostics import Location
from scriptkit.errors import ImportFormatError
from scriptkit.sourcetext import NotAFileError, SourceText, link_note, not_utf8_hint, read_capped
from scriptkit.targets.base import BaseTarget, MacroId, macro_id
from scriptkit.text import HALF_CHARACTER, TERMINAL_ESCAPE, wide_encoding

if TYPE_CHECKING:
    from scriptkit.importers.convert import ImportedMacro

MAX_FILE_BYTES = 200 * 1024 * 1024
#: One reply's text, once its HTML is read; longer ones are refused by name (rendering caps a slot at 50,000
#: characters). Measured on the text, not the markup: an editor's pasted inline styles grow an 8,000-character
#: reply to 57,000 characters of HTML, which no team can shorten in an API export.
MAX_BODY_CHARS = 40_000
#: One field as the export holds it, markup and all: a safety cap against a hostile file (a reply's text is
#: measured after reading, ``MAX_BODY_CHARS``)
MAX_FIELD_CHARS = 1_000_000
MAX_TITLE_CHARS = 500


@dataclass
class RawItem:
    """One macro as its export holds it, before placeholders and slots are worked out."""

    key: str  # the export's id, or the item's position
    title: str
    body: str
    location: Location
    html: bool = False
    dialect: str = "generic"
    tags: list[str] = field(default_factory=list)
    alternatives: list[tuple[str, str, bool]] = field(default_factory=list)  # label, body, html
    conditions: list[tuple[str, str, bool]] = field(default_factory=list)  # when, body, html: text added only then
    #: a slot's other phrasings, as scriptkit's Zendesk export lists them ('Or say (acknowledgment): ...'): the
    #: slot, its text in the item's dialect, and the line as written (kept as guidance where no slot takes it)
    phrasings: list[tuple[str, str, str]] = field(default_factory=list)
    guidance: str = ""  # agent-facing text found in the export (usage notes, internal note)
    prompts: dict[str, str] = field(default_factory=dict)  # a blank's original spelling -> its prompt, where given
    examples: dict[str, str] = field(default_factory=dict)  # a blank's original spelling -> its example, where given
    internal: bool = False  # an internal note, not a customer reply
    settings: dict[str, Any] = field(default_factory=dict)  # export settings for its own helpdesk (active, ...)
    notes: list[str] = field(default_factory=list)  # what the export says that the pack cannot hold
    label: str = ""  # how messages name it ("macro 12 'Refund'"), where its reader knows the noun
    script_id: str = ""  # the script id scriptkit's own export gave it (Gorgias external_id), else from the title
    source: SourceText | None = None  # the export's text, to locate a part of the body in it
    #: the id the export gives the item (its helpdesk's macro id, a sheet's id column), None where it gives none
    export_id: str | None = None
    #: how the helpdesk keeps it from the agents ("switched off", "archived"), "" when it is in use
    unused: str = ""
    #: a plain body is written in the pack's notation ('[text](address)' a link, '\\[' a bracket): a Markdown
    #: reply, a row of scriptkit's own CSV export; any other plain body's brackets are escaped from reading as a link
    pack_text: bool = False
    #: a row of scriptkit's own CSV export: a ``{{namespace.field}}`` the catalogue has no name for is one the
    #: exported pack declared (it would not have loaded otherwise), kept as that placeholder and declared again
    pack_placeholders: bool = False
    #: the channel the export names for it, where scriptkit knows it ("sms"); "" where it names none
    channel: str = ""
    #: the other channels the export names for it (Salesforce's Channel 'Email;Chat': chat), after ``channel``
    more_channels: list[str] = field(default_factory=list)
    #: scriptkit's own export made it as a channel's macro of another script: that script's id (Gorgias's
    #: external_id 'scriptkit:<id>:chat') or title (a Quick Text's); the import merges it back (importers.channels)
    channel_of: str = ""
    #: the script's scenario and customer's emotion, where the export carries them (scriptkit's own CSV)
    scenario: str = ""
    emotion: str = ""
    #: the title as the export writes it, where the import reads it otherwise ('Orders / Late' as 'Orders::Late',
    #: ``read_as_categories``): messages and the script's comment quote the export's; "" where it is the title
    export_title: str = ""
    #: the export gives no title: ``title`` was made from the reply's first words (a sheet with no title column), so
    #: two replies that open alike share one without the library having duplicate titles (the audit's SK014)
    made_title: bool = False

    def where(self, spelled: str) -> Location:
        """Where ``spelled``, a part of the body, stands in the export (else where the item does)."""
        if self.source is None:
            return self.location
        found = locate(self.source, spelled, max(self.location.offset, 0))
        return found if found.offset > 0 else self.location

    @property
    def name(self) -> str:
        title = self.export_title or self.title
        return f"{self.key} {title!r}" if title and title != self.key else self.key


def half_character(item: RawItem) -> ItemProblem | None:
    """The problem of an item whose text holds half a character: JSON's '\\ud83d' escape without its
    other half, which Python keeps as it is and every later write (a script file, the terminal, an
    export) fails on; located at the escape where the export's text shows it."""
    # (its ids too: a helpdesk's id '\ud800' was written into the script's file name and comment, and failed there)
    texts = [item.key, item.export_id or "", item.label, item.title, item.body, item.guidance, item.script_id,
             item.unused, item.channel, *item.tags, *item.notes,
             *(part for label, body, _ in (*item.alternatives, *item.conditions) for part in (label, body)),
             *(line for _, _, line in item.phrasings),
             *(part for pair in (*item.prompts.items(), *item.examples.items()) for part in pair),
             *(value for value in item.settings.values() if isinstance(value, str))]
    found = next((m for text in texts if (m := HALF_CHARACTER.search(text)) is not None), None)
    if found is None:
        return None
    code = ord(found[0])
    return ItemProblem(_escape_location(item, code), item.label or item.name,
                       f"'\\u{code:04x}' is half of a character (a surrogate), which no file or helpdesk can hold; "
                       "write the character itself, or both halves of its escape ('\\ud83d\\ude00')")


def take_out_terminal_escapes(item: RawItem) -> None:
    """Takes each terminal escape sequence out of the item's title, tags and texts, said in its notes (before its
    script id is made from its title)."""
    found: list[str] = []

    def out(text: str) -> str:
        found.extend(TERMINAL_ESCAPE.findall(text))
        return TERMINAL_ESCAPE.sub("", text)

    item.title, item.body, item.guidance = out(item.title), out(item.body), out(item.guidance)
    item.label = out(item.label)
    item.tags = [out(tag) for tag in item.tags]
    item.alternatives = [(label, out(body), html) for label, body, html in item.alternatives]
    item.conditions = [(when, out(body), html) for when, body, html in item.conditions]
    item.phrasings = [(slot, out(body), out(line)) for slot, body, line in item.phrasings]
    if found:  # (a terminal reads them as commands; a customer would have read them as stray text)
        item.notes.append(terminal_escapes_note(found))


def terminal_escapes_note(found: list[str]) -> str:
    """The note of the terminal escape sequences ``found`` (and taken out) in an item."""
    shown = ", ".join(repr(sequence) for sequence in dict.fromkeys(found[:3]))
    more = ", ..." if len(found) > 3 else ""
    return (f"removed {len(found)} terminal escape sequence(s) ({shown}{more}): colours, blinking or screen "
            "commands for a terminal, stray text in a reply")


def _escape_location(item: RawItem, code: int) -> Location:
    """Where the export writes the lone escape ``\\u<code>``, at or after the item (else the item)."""
    if item.source is None:
        return item.location
    high = 0xD800 <= code < 0xDC00  # (a pair is a high half and then a low one: neither is lone)
    paired = r"(?!\\u[dD][c-fC-F])" if high else r"(?<!\\u[dD][89abAB][0-9a-fA-F]{2})"
    pattern = re.compile(r"(?<!\\)\\u" + f"{code:04x}" + paired, re.IGNORECASE)
    at = max(item.location.offset, 0)
    found = pattern.search(item.source.text, at)
    if found is None:  # (an id written before the title the item is located at: the nearest before it, close by)
        found = next(reversed(list(pattern.finditer(item.source.text, max(at - 2_000, 0), at))), None)
    return item.source.location(found.start()) if found is not None else item.location


class UnexpectedShape(ImportFormatError):
    """The document parses, but its items are not where the format keeps them (the wrong --from, often)."""


#: the characters of an item's name (its id and title) a problem names it by
_NAMED_UP_TO = 120


@dataclass
class ItemProblem:
    """An item that could not be read (or holds no reply), reported by name."""

    location: Location
    item: str  # id and title, or position
    message: str
    skipped: bool = False  # True: not an error, the item simply holds no reply text

    def __post_init__(self) -> None:
        # (an item named by an id or title that holds half a character: named with its escape, which the
        # terminal and the report can show, where the half itself failed them)
        self.item = HALF_CHARACTER.sub(lambda m: f"\\u{ord(m[0]):04x}", self.item)
        self.message = HALF_CHARACTER.sub(lambda m: f"\\u{ord(m[0]):04x}", self.message)
        if len(self.item) > _NAMED_UP_TO:  # (a 5 MB title was printed whole: 5 MB of one error on the terminal)
            self.item = f"{self.item[:_NAMED_UP_TO]}... ({len(self.item):,} characters)"

    def __str__(self) -> str:
        return f"{self.location}: {self.item}: {self.message}"


@dataclass(frozen=True)
class Wording:
    """How an import's errors name what the caller gave: a caller of ``import_library()`` passed arguments
    (``fmt='zendesk'``, ``mapping={'body': 'Text'}``), ``scriptkit import`` was given flags (``--from zendesk``,
    ``--map body=Text``); as an export's errors do (``scriptkit.exporting.Wording``). Each message is written
    in the caller's words where it is made, never rewritten afterwards."""

    fmt: str  # the format: "--from", "fmt"
    mapping: str  # the column mapping: "--map", "mapping"
    where: str  # the rows to read: "--where", "where"
    bodies: str  # how a generic file's bodies are read: "--bodies", "bodies"
    channel: str  # the channel an export's replies are read for (audit): "--channel", "channel"
    skip_bad: str  # how to go on without the items that cannot be read
    command_line: bool  # flags (True) or keyword arguments (False)

    def given(self, option: str, value: str | Mapping[str, str]) -> str:
        """``option`` (one of the names above) given ``value``, as the caller writes it: ``--from zendesk`` or
        ``fmt='zendesk'``; ``--map 'title=Macro name,body=Text'`` or ``mapping={'title': 'Macro name', ...}``."""
        if not self.command_line:
            return f"{option}={dict(value) if isinstance(value, Mapping) else value!r}"
        text = ",".join(f"{key}={column}" for key, column in value.items()) if isinstance(value, Mapping) else value
        return f"{option} {shlex.quote(text)}"


#: the Python API's words (``import_library()``)
API_WORDING = Wording(fmt="fmt", mapping="mapping", where="where", bodies="bodies", channel="channel",
                      skip_bad="Fix the item, or go on without it: Library.problems lists it, and Library.macros "
                               "holds the items that could be read.",
                      command_line=False)
#: the command line's words (``scriptkit import``, ``scriptkit audit``)
CLI_WORDING = Wording(fmt="--from", mapping="--map", where="--where", bodies="--bodies", channel="--channel",
                      skip_bad="Fix the item, or pass --skip-bad to import the rest.", command_line=True)


#: how a generic file's bodies are read (``--bodies``): word for word, or as Markdown
BODIES = ("plain", "markdown")


@dataclass
class ReadOptions:
    mapping: Mapping[str, str] = field(default_factory=dict)  # canonical field -> column/key
    where: Mapping[str, str] = field(default_factory=dict)  # only rows whose column equals value
    dialect: str | None = None  # override the placeholder dialect for generic formats
    #: a generic file's plain bodies: "plain", word for word, or "markdown", read as a Markdown library's are
    bodies: str = "plain"
    wording: Wording = API_WORDING  # whose words the errors speak in


def read_export_bytes(path: Path, what: str = "export file") -> bytes:
    """At most ``MAX_FILE_BYTES + 1`` bytes of the file (one more says it is too large), or an
    ImportFormatError at file:1:1: a link to /dev/zero read to its end took all the machine's
    memory, and a named pipe waited for ever."""
    try:
        return read_capped(path, MAX_FILE_BYTES)
    except NotAFileError:
        raise _not_a_file(path) from None
    except OSError as exc:
        raise ImportFormatError(f"cannot read {what}: {exc.strerror}", Location(str(path), 1, 1)) from None


def refuse_not_a_file(path: Path) -> None:
    """An ImportFormatError at file:1:1 when ``path`` (or where its link leads) is a device, a pipe
    or a socket; a folder or a missing file is left to the caller's own message."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return
    if not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)):
        raise _not_a_file(path)


def _not_a_file(path: Path) -> ImportFormatError:
    return ImportFormatError(f"this is a device, a pipe or a socket{link_note(path)}, not an export file",
                             Location(str(path), 1, 1), "Pass the export file itself.")


def encoding_of(raw: bytes) -> str:
    """The file's encoding: UTF-16 or UTF-32, with its byte order mark (Excel's "Unicode Text", some helpdesk
    exports) or without (``wide_encoding``: Notepad's "Unicode" saved with none), else UTF-8 (its mark, Notepad's,
    left out). Every reader of an export's bytes asks here, so a file that reads with --from is also recognised
    by its shape."""
    return wide_encoding(raw) or "utf-8-sig"


def decode_export(raw: bytes) -> str:
    """An export's bytes as text, as ``read_text`` reads them (UnicodeDecodeError where they are not)."""
    return raw.decode(encoding_of(raw))


def read_text(path: Path, what: str) -> SourceText:
    """The file as text, or an ImportFormatError saying where it is not readable."""
    name = str(path)
    if path.is_dir():
        raise ImportFormatError(f"{name} is a folder, not a {what}", Location(name, 1, 1),
                                "Pass the export file itself.")
    try:  # (a file's size is known before a byte is read; a device or a pipe reads as 0)
        size = path.stat().st_size
    except OSError as exc:
        raise ImportFormatError(f"cannot read {what}: {exc.strerror}", Location(name, 1, 1)) from None
    raw = read_export_bytes(path, what) if size <= MAX_FILE_BYTES else b""
    if size > MAX_FILE_BYTES or len(raw) > MAX_FILE_BYTES:  # (or it grew while it was read)
        size = max(size, len(raw))
        raise ImportFormatError(f"file is {size:,} bytes; the limit is {MAX_FILE_BYTES:,}", Location(name, 1, 1),
                                "Split the export into smaller files.")
    refuse_archive(path)
    encoding = encoding_of(raw)
    try:
        text = raw.decode(encoding)
    except UnicodeDecodeError as exc:
        if encoding != "utf-8-sig":
            wide = encoding[:6].upper()
            raise ImportFormatError(f"{what} starts as {wide} but is cut or damaged at byte {exc.start}",
                                    Location(name, 1, 1), "Export it again.") from None
        # (the codec counts from after the byte order mark, which the text leaves out: the file's own offset is past it)
        mark = len(codecs.BOM_UTF8) if raw.startswith(codecs.BOM_UTF8) else 0
        start = exc.start + mark
        prefix = raw[mark:start].decode("utf-8", "replace")
        source = SourceText(name, prefix)
        raise ImportFormatError(
            f"{what} is not valid UTF-8 (byte 0x{raw[start]:02x} at offset {start})",
            source.location(len(prefix)),
            not_utf8_hint(name, raw[mark:], exc.start, exc.end, redo="re-export the file as UTF-8",
                          save_as="Excel: Save As, 'CSV UTF-8'" if what.startswith("CSV") else "")) from None
    return SourceText(name, text.replace("\r\n", "\n"))


def refuse_json(source: SourceText, what: str, holds: str, wording: Wording) -> None:
    """A JSON export read as another format (--from csv or markdown, or a .csv name): its '{' line was
    taken for a header, or no reply was found under a heading."""
    start = len(source.text) - len(source.text.lstrip())
    opening = source.text[start:start + 1]
    first_line = source.text[start:].split("\n", 1)[0].strip()
    if opening == "{" or (opening == "[" and (first_line == "[" or first_line.startswith(('[{', '["', "[]")))):
        fmt = wording.fmt
        raise ImportFormatError(f"{what} holds JSON, not {holds}", source.location(start),
                                f"Read it as JSON: leave out {fmt} (a .json name is read as JSON), or pass "
                                f"{wording.given(fmt, 'json')}, or the helpdesk whose export it is "
                                f"({wording.given(fmt, 'zendesk')}, ...).")


#: how an archive's bytes start: a helpdesk's "download export" often hands over one of these
_OLE2 = b"\xd0\xcf\x11\xe0"  # how an Excel 97-2003 workbook (a Compound File) starts


def _spreadsheet(path: Path, kind: str) -> ImportFormatError:
    return ImportFormatError(f"{path.name} is {kind}, not a CSV or export file", Location(str(path), 1, 1),
                             "Save the sheet as CSV (Excel: File > Save As > 'CSV UTF-8 (Comma delimited)'; "
                             "LibreOffice: 'Text CSV', UTF-8), then import the .csv file.")


_ARCHIVES = {b"PK\x03\x04": "zip", b"PK\x05\x06": "zip", b"\x1f\x8b": "gzip", b"7z\xbc\xaf": "7-Zip"}


def refuse_archive(path: Path) -> None:
    """An ImportFormatError naming the files inside when ``path`` is an archive, not an export: read as
    text it would be 'not valid UTF-8' at some byte, which tells nobody to unzip it."""
    try:
        with path.open("rb") as file:
            head = file.read(4)
    except OSError:
        return  # read_text says why the file cannot be read
    if head.startswith(_OLE2):  # (Excel 97-2003's .xls; no export is written so)
        raise _spreadsheet(path, "an Excel 97-2003 workbook")
    kind = next((name for magic, name in _ARCHIVES.items() if head.startswith(magic)), None)
    if kind is None:
        return
    inside = ""
    if kind == "zip":
        try:
            with zipfile.ZipFile(path) as archive:
                names = [n for n in archive.namelist() if not n.endswith("/")]
                opendocument = "mimetype" in names and b"spreadsheet" in archive.read("mimetype")
            # a workbook is a zip of XML parts: unpacking it gives no export, saving it as CSV does
            if "xl/workbook.xml" in names or opendocument:
                raise _spreadsheet(path, "an Excel workbook" if not opendocument else "an OpenDocument spreadsheet")
            inside = f": it holds {', '.join(names[:8])}" + (f" and {len(names) - 8} more" if len(names) > 8 else "")
        except (zipfile.BadZipFile, OSError):
            inside = " (a damaged one)"
    raise ImportFormatError(f"{path.name} is a {kind} archive, not an export file{inside}", Location(str(path), 1, 1),
                            "Unpack it, then import the export file inside it (the one that holds the macros).")


_JSON_REASONS = {
    "Unterminated string starting at": "a text value starts here and is never closed",
    "Invalid control character at": "a control character (such as a line break) inside a text value",
    "Extra data": "more text after the end of the data",
    "Expecting value": "a value is missing here",
    "Expecting property name enclosed in double quotes": "a key (a name in double quotes) is missing here",
}


def json_reason(exc: json.JSONDecodeError) -> str:
    """What is wrong, in words; json's own end "... at" a position the message's location gives."""
    slip = json_slip(exc)
    return slip[1] if slip is not None else _JSON_REASONS.get(exc.msg, exc.msg.removesuffix(" at"))


def json_slip(exc: json.JSONDecodeError) -> tuple[int, str, str] | None:
    """A hand edit JSON refuses though editors and other formats allow it (a comma after the last item, two commas
    in a row, a comment): where it stands, what it is and how to mend it. None for any other error: those were told
    'a value is missing here', and sent to export the file again for nothing."""
    doc, pos = exc.doc, exc.pos
    if pos >= len(doc):  # (a file cut short)
        return None
    before = doc[:pos].rstrip(" \t\n\r")
    if doc[pos] == "," and before.endswith(","):
        return pos, "two commas in a row", "Remove one of them."
    if doc[pos] in "]}" and before.endswith(","):  # (at the comma: a file cut short has no bracket)
        return len(before) - 1, f"a comma after the last item, before '{doc[pos]}'", TRAILING_COMMA
    if doc.startswith(("//", "/*", "#"), pos):
        opening = "#" if doc[pos] == "#" else doc[pos:pos + 2]
        return (pos, f"a comment ('{opening}'): comments are not allowed in JSON",
                "Delete the comment" + (", up to its '*/'." if opening == "/*" else ", to the end of its line."))
    return None


#: the hint for a comma after a list's or an object's last item
TRAILING_COMMA = "Remove the comma: JSON allows none after the last item."

#: the hint for an export file with nothing in it (the download or the save did not finish)
EMPTY_FILE = "Nothing was saved in it: export the macros again."


def load_json(source: SourceText, what: str) -> Any:
    if not source.text.strip():  # (json would say 'a value is missing' and call it truncated)
        raise ImportFormatError(f"{what} is empty", source.location(0), EMPTY_FILE)
    try:
        data, repeated = loads_once(source.text)
    except LongNumberError as exc:
        raise ImportFormatError(f"{what} has {json_reason(exc)}", source.location(exc.pos), LONG_NUMBER) from None
    except json.JSONDecodeError as exc:
        if (slip := json_slip(exc)) is not None:
            raise ImportFormatError(f"{what} is not valid JSON: {slip[1]}", source.location(slip[0]), slip[2]) from None
        opening = source.text.lstrip()[:1]
        if opening not in ("{", "["):  # (not JSON at all: a sheet or a page read as this helpdesk's JSON export)
            starts = source.text.lstrip().split("\n", 1)[0][:40]
            raise ImportFormatError(f"{what} is not JSON: it starts with {starts!r}", source.location(exc.pos),
                                    "Is it another helpdesk's file, or a sheet (CSV)? Name its format (--from, or "
                                    "fmt= in import_library), or leave it out to have the file's shape tell.") from None
        raise ImportFormatError(f"{what} is not valid JSON: {json_reason(exc)}", source.location(exc.pos),
                                "The file may be truncated; export it again.") from None
    except RecursionError:
        raise ImportFormatError(f"{what} is nested too deeply to read", source.location(0)) from None
    if repeated is not None:
        key, second, first = repeated
        where = source.location(first)
        raise ImportFormatError(f"{what} has the key {key!r} twice in one object (first at line {where.line}, "
                                f"column {where.col})", source.location(second),
                                "Remove the one you do not want (a reader keeps only the last).")
    return data


def loads_once(text: str) -> tuple[Any, tuple[str, int, int] | None]:
    """The JSON document, and its first key written twice in one object (key, offset of the second, of the
    first), else None: json keeps the last value of such a key and drops the other without a word."""
    seen_twice = False

    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        nonlocal seen_twice
        value = dict(items)
        seen_twice = seen_twice or len(value) < len(items)
        return value

    data = json_loads(text, object_pairs_hook=pairs)
    return data, (_repeated_key(text) if seen_twice else None)


class LongNumberError(json.JSONDecodeError):
    """A whole number longer than Python reads (4,300 digits): located at it, as a JSON error is."""


#: the hint for a whole number too long to read (a 5,000-digit id: no helpdesk gives one)
LONG_NUMBER = "No helpdesk writes a number that long: export the file again, or write the value in quotes."

_LONG_NUMBER_CACHE: dict[int, re.Pattern[str]] = {}


def json_loads(text: str, **kwargs: Any) -> Any:
    """``json.loads``, where a whole number too long for Python to read (``"id": 999…``, 5,000 digits) is a
    ``LongNumberError`` at its place, not a ValueError that names no place."""
    try:
        return json.loads(text, **kwargs)
    except json.JSONDecodeError:
        raise
    except ValueError:
        limit = sys.get_int_max_str_digits()
        if not limit:
            raise
        if limit not in _LONG_NUMBER_CACHE:  # (text values skipped whole; a number read from its first digit, once)
            _LONG_NUMBER_CACHE[limit] = re.compile(
                r'"[^"\\]*(?:\\.[^"\\]*)*"|(?<![\w.+-])(-?\d{%d,}+)(?![.eE])' % (limit + 1))
        found = next((m for m in _LONG_NUMBER_CACHE[limit].finditer(text) if m.group(1)), None)
        if found is None:
            raise
        digits = len(found.group(1).lstrip("-"))
        raise LongNumberError(f"a whole number of {digits:,} digits, longer than the {limit:,} that can be read",
                              text, found.start(1)) from None


_JSON_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"(?:\s*:)?|[{}\[\]]')


def _repeated_key(text: str) -> tuple[str, int, int] | None:
    """Where a valid JSON document first repeats a key within one object (walked only when it does)."""
    objects: list[dict[str, int] | None] = []  # the keys of each open object, None for a list
    for token in _JSON_TOKEN.finditer(text):
        mark = token.group()
        if mark in "{[":
            objects.append({} if mark == "{" else None)
        elif mark in "}]":
            objects.pop()
        elif mark.endswith(":") and objects and (keys := objects[-1]) is not None:
            key = json.loads(mark[:-1])
            if key in keys:
                return key, token.start(), keys[key]
            keys[key] = token.start()
    return None


def locate(source: SourceText, value: str, start: int = 0) -> Location:
    """Where a string value of a JSON document first appears (its title), else the file start."""
    if value:
        for probe in (json.dumps(value)[1:-1], json.dumps(value, ensure_ascii=False)[1:-1], value):
            at = source.text.find(probe[:200], start)
            if at >= 0:
                return source.location(at)
    return source.location(0)


#: one item as a helpdesk's API returns it alone (GET .../saved-replies/{id}), with no list around it, told by
#: keys its items have together; by the key its list stands under, which names the helpdesk
_BARE_ITEM: dict[str, tuple[frozenset[str], ...]] = {
    "saved-replies": (frozenset({"name", "text"}), frozenset({"chatText"})),  # Help Scout {id, name, text, chatText}
    "canned_responses": (frozenset({"title", "content"}), frozenset({"content_html"})),  # Freshdesk
}


def lone_item(data: Mapping[str, Any], keys: tuple[str, ...]) -> bool:
    """Whether ``data`` is one item as the API of the helpdesk whose list stands under ``keys`` returns it
    alone (``records`` reads it as a list of one)."""
    single = {"macro", "canned_response", "saved_reply", "message_template"}
    if data.get("type") in single or ("actions" in data and ("title" in data or "name" in data)):
        return True
    return any(shape <= data.keys() for key in keys for shape in _BARE_ITEM.get(key, ()))


def records(data: Any, keys: tuple[str, ...], source: SourceText, what: str, wording: Wording) -> list[Any]:
    """The list of items of an export: the document itself, the list under one of ``keys``, or one item
    (a Zendesk ``{"macro": {...}}``, a bare Gorgias macro, Help Scout saved reply or Freshdesk canned response)."""
    if isinstance(data, list):
        return data
    if isinstance(data, dict):
        for key in keys:
            value = data.get(key)
            if isinstance(value, list):
                return value
            if isinstance(value, dict) and key in ("macro", "canned_response", "message_template"):
                return [value]
        if lone_item(data, keys):
            return [data]
    expected = " or ".join(f'{{"{k}": [...]}}' for k in keys[:2])
    raise UnexpectedShape(f"{what} has an unexpected shape: found {_shape(data)}", source.location(0),
                            f"Expected a list of items or {expected}. Is {wording.fmt} right?")


# Where each helpdesk's list response says it continues: (path to the key, path to how to fetch the next page)
_NEXT_PAGE: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...] = (
    (("next_page",), ("next_page",)),  # Zendesk, offset pagination
    (("meta", "has_more"), ("links", "next")),  # Zendesk, cursor pagination
    (("meta", "next_cursor"), ("meta", "next_cursor")),  # Gorgias
    (("_pagination", "next"), ("_pagination", "next")),  # Front
    (("pages", "next"), ("pages", "next")),  # Intercom
    (("_links", "next"), ("_links", "next")),  # Help Scout
    (("nextRecordsUrl",), ("nextRecordsUrl",)),  # Salesforce query results ("done": false)
)


def _at(data: Any, path: tuple[str, ...]) -> Any:
    for key in path:
        data = data.get(key) if isinstance(data, dict) else None
    return data


def later_pages(data: Any, source: SourceText, noun: str) -> ItemProblem | None:
    """The problem of a file that is one page of a paginated list response (its ``next_page`` or
    cursor is set): the items on the other pages are not in it, and nothing else would say so."""
    for flag, fetch in _NEXT_PAGE:
        if _at(data, flag) in (None, False, "") or (flag == ("nextRecordsUrl",) and data.get("done") is not False):
            continue
        url = _at(data, fetch) or _at(data, flag)
        if isinstance(url, dict):  # Help Scout {"href": ...}, Intercom {"starting_after": ...}
            url = url.get("href") or url.get("starting_after") or json.dumps(url)
        at = 0
        for key in flag:  # the key, inside its parent
            found = source.text.find(json.dumps(key), at)
            at = found if found >= 0 else at
        shown = f"'{'.'.join(fetch)}' is {url}" if url is not True else f"'{'.'.join(flag)}' is true"
        return ItemProblem(source.location(at), "later pages",
                           f"not in this file, which holds one page of the export ({shown}): fetch every page "
                           f"and put all their {noun}s in one list")
    return None


def _shape(data: Any) -> str:
    if isinstance(data, dict):
        keys = ", ".join(list(map(str, data))[:6])
        return f"an object with keys {keys or '(none)'}"
    return kind_of(data)


def kind_of(value: Any) -> str:
    """What a value of an export is, in the words of the person who wrote it (not Python's type names)."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, (bytes, bytearray)):
        return "binary data"
    tag = getattr(getattr(value, "tag", None), "value", None) or getattr(value, "tag", None)
    if isinstance(tag, str):  # a YAML value with a tag scriptkit does not read (!shout, !!python/...), a list too
        return f"a value tagged {tag.replace('tag:yaml.org,2002:', '!!', 1)}"  # (as the file spells it)
    if isinstance(value, Mapping):
        return "an object"
    if isinstance(value, (list, tuple)):
        return "a list"
    return "a value of an unknown kind"


def text_field(item: Mapping[str, Any], key: str, where: Location, name: str) -> str | ItemProblem:
    """A string field of an item, or a problem naming the item."""
    value = item.get(key)
    if value is None:
        return ""
    if not isinstance(value, str):
        return ItemProblem(where, name, f"'{key}' should be text but is {kind_of(value)}")
    if key in ("title", "name"):
        if len(value) > MAX_TITLE_CHARS:
            return ItemProblem(where, name, f"'{key}' is {len(value):,} characters; the limit is {MAX_TITLE_CHARS:,}")
    elif len(value) > MAX_FIELD_CHARS:  # (a reply's text is measured once it is read: ``reply_too_long``)
        return ItemProblem(where, name, over_field_cap(key, len(value)))
    return value


def over_field_cap(key: str, size: int) -> str:
    """The problem of a field longer than ``MAX_FIELD_CHARS``, markup and all."""
    return (f"'{key}' is {size:,} characters, more than scriptkit reads from one field ({MAX_FIELD_CHARS:,}); "
            f"a reply's text may be at most {MAX_BODY_CHARS:,} characters")


def tags_from(value: Any) -> list[str]:
    """Tags from a list, or from text: split at commas where it has any (so 'late delivery, orders'
    keeps its two-word tag, as scriptkit's CSV export writes it), else at spaces (Zendesk's tags)."""
    if isinstance(value, str):
        return [t.strip() for t in re.split(r"\s*,\s*" if "," in value else r"\s+", value) if t.strip()]
    if isinstance(value, list):
        return [str(t) for t in value if isinstance(t, (str, int))]
    return []


def slashed_categories(title: str) -> str:
    """A title as scriptkit's export writes it for a helpdesk whose titles hold no categories (display_title joins
    them with " / ": 'Orders / Shipping / Late'), read back as the script's title, 'Orders::Shipping::Late', so a
    later Zendesk export has its categories again. A title with no " / " is left as written."""
    parts = [part.strip() for part in title.split(" / ") if part.strip()]
    return "::".join(parts) if len(parts) > 1 else title


def read_as_categories(item: RawItem, why: str) -> None:
    """``item``'s title read as the categories scriptkit's export joins with " / " ('Orders / Late') for a helpdesk
    whose titles hold none (display_title): 'Orders::Late', so a later Zendesk export has its categories again.
    Said in its notes with ``why``; the export's title kept for the messages and the script's comment."""
    if (categories := slashed_categories(item.title)) == item.title:
        return
    item.export_title, item.title = item.title, categories
    item.notes.append(f"its title, {item.export_title!r}, is read as categories, {categories!r} ({why}); if it "
                      f"is one title, make {item.export_title!r} the script's title")


#: ``read_as_categories``' note, which names the macro's title
_AS_CATEGORIES = re.compile(r"its title, .+, is read as categories, .+ \((?P<why>.+)\); if it is one title, make .+ "
                            r"the script's title")


def shared_note(note: str) -> str:
    """``note`` in the words several macros share where it names its macro ('its title, 'Orders / Late', is read as
    categories ...': one line of the import's summary for scriptkit's own export read back, not one a macro); else
    as it is. (Beside the note's wording, so the two change together.)"""
    found = _AS_CATEGORIES.fullmatch(note)
    if found is None:
        return note
    return (f"their titles, 'A / B', are read as categories, 'A::B' ({found['why']}); where one is one title, "
            "make it that script's title")


#: a note's particulars: a parenthesis (not "action(s)"'s), then a quote
_PARENTHESIS = re.compile(r"\((?!s\))[^()]*\)")
_QUOTE = re.compile(r"(^|\s)(?:'[^']*'|\"[^\"]*\")")  # (after a space: "the ticket's tags" holds no quote)


def note_kind(note: str) -> str:
    """What ``note`` says, without what it says it of: its words before the first colon, each parenthesis and
    quote in them cut to '…' ("its HTML (…) and plain text (…) say different things"). Notes of one kind differ in
    their particulars only, so a 5,000-macro import says each kind once, with a few examples: 25 wordings of the
    HTML/plain-text difference and three of a priority ('low', 'normal', 'high') were a line each."""
    head = _PARENTHESIS.sub("(…)", note).split(": ", 1)[0]  # (a parenthesis first: it holds quotes and colons)
    return _QUOTE.sub(lambda found: f"{found[1]}{found[0][-1]}…{found[0][-1]}", head)


def slashed_titles(found: list[RawItem | ItemProblem], helpdesk: str, own_file: bool) -> None:
    """The titles of one export file read as categories (``read_as_categories``) only where that is clearly
    scriptkit's writing: the file is scriptkit's own export (``own_file``), or every title of two or more is written
    so (such an export sent to the helpdesk and fetched back). A team's own title with a slash in it ('Returns /
    Exchanges', beside 'Late parcel') is its title, kept as written."""
    items = [item for item in found if isinstance(item, RawItem)]
    if own_file:
        why = f"the file is scriptkit's {helpdesk} export, which writes a script's categories so"
    elif len(items) > 1 and all(slashed_categories(item.title) != item.title for item in items):
        why = ("every title in the file is written so, as scriptkit's export writes a script's categories for "
               f"{helpdesk}")
    else:
        return
    for item in items:
        read_as_categories(item, why)


def attachments(value: Any) -> str:
    """What a list of attachments holds, for a note: 'label.pdf, 77' (their names, else their ids)."""
    names = []
    for item in value if isinstance(value, list) else []:
        if isinstance(item, dict):
            item = item.get("name") or item.get("filename") or item.get("id")
        if isinstance(item, (str, int)) and not isinstance(item, bool):
            names.append(str(item))
    return ", ".join(names)


def attachment_note(value: Any, helpdesk: str) -> list[str]:
    """The note of a macro's attachments, which a pack cannot hold (none: no note)."""
    if not isinstance(value, list) or not value:
        return []
    return [f"{len(value)} attachment(s) in {helpdesk} ({attachments(value)}) are not in the pack: "
            "attach them again after export"]


Read = Iterator["RawItem | ItemProblem | ImportedMacro"]  # ImportedMacro: scriptkit's own export


@dataclass(frozen=True)
class Export:
    """How a helpdesk's JSON export holds its items; see ``read_export``."""

    what: str  # the export in messages: "Zendesk export"
    keys: tuple[str, ...]  # where the list of items may stand in the document
    noun: str  # one item in messages: "macro", "saved reply"
    title_key: str = "title"
    within: str | None = None  # an object the list is wrapped in (Help Scout's "_embedded")
    #: the one key of scriptkit's own export file of this helpdesk, whose titles hold no categories: that export
    #: joins a script's with " / " (``slashed_titles``); "" where the helpdesk's titles hold them
    own_list: str = ""


@dataclass(frozen=True)
class Entry:
    """One object of an export, and how messages name and place it."""

    fields: Mapping[str, Any]
    key: str  # the item's id, else "#position"
    title: str
    where: Location
    name: str  # "macro 12 'Refund'"
    title_key: str = "title"
    source: SourceText | None = None

    def untitled(self) -> ItemProblem | None:
        """The problem of an item without a title (a pack needs one), else None."""
        if self.title.strip():
            return None
        given = self.fields.get(self.title_key)
        if given is not None and not isinstance(given, str):  # (a title of 404 is there, just not text)
            return self.problem(f"'{self.title_key}' should be text but is {kind_of(given)}")
        return self.problem(f"has no '{self.title_key}'")

    def texts(self, *keys: str, within: Mapping[str, Any] | None = None) -> tuple[str, ...] | ItemProblem:
        """Text fields of the item (or of ``within``, an object inside it), "" where absent; or the
        problem of the first that is not text or is too long."""
        values = []
        for key in keys:
            value = text_field(self.fields if within is None else within, key, self.where, self.name)
            if isinstance(value, ItemProblem):
                return value
            values.append(value)
        return tuple(values)

    def reply(self, *keys: str, hint: str = "") -> tuple[str, ...] | ItemProblem:
        """The reply fields ``keys`` of the item, the first non-empty one being its reply; or the
        problem of a field that is not text, of a missing title, or of no reply (plus ``hint``).

        An item that has its reply fields, all empty, holds no reply: skipped, as every format skips one
        (there is no text to lose). One that has none of them is an error: its text is elsewhere (another
        helpdesk's export, or ``hint``'s list export that holds a preview only)."""
        found = self.texts(*keys)
        if isinstance(found, ItemProblem):
            return found
        if untitled := self.untitled():
            return untitled
        if not next((value for value in found if value), "").strip():
            given = [f"'{key}'" for key in keys if key in self.fields]
            if not given or hint:
                return self.problem("has no " + " or ".join(f"'{key}'" for key in keys) + hint)
            # (an attachment alone, 'invoice.pdf': named, as the team sends the file, not an empty reply)
            if (files := attachments(self.fields.get("attachments"))):
                some = "an attachment" if len(self.fields["attachments"]) == 1 else "attachments"
                return self.problem(f"holds only {some} ({files}), no reply text; skipped", skipped=True)
            empty = f"{' and '.join(given)} {'is' if len(given) == 1 else 'are'} empty"
            return self.problem(f"its {empty} (no reply text); skipped", skipped=True)
        return found

    def problem(self, message: str, *, skipped: bool = False) -> ItemProblem:
        return ItemProblem(self.where, self.name, message, skipped=skipped)

    def item(self, body: str, *, html: bool, dialect: str, **more: Any) -> RawItem:
        item = RawItem(key=self.key, title=self.title, body=body, location=self.where, html=html, dialect=dialect,
                       label=self.name, source=self.source, export_id=None if self.key.startswith("#") else self.key,
                       **more)
        item.notes.extend(broken_notes(item))
        return item


def own_id(entry: Entry, helpdesk: str, kind: str = "number") -> tuple[MacroId | None, list[str]]:
    """The item's id as its helpdesk's export writes it back (``macro_id``), and the located note of an id that is
    none (-5, "abc", 1.5, true): dropped unsaid, the script exported back made a copy of the macro it came from."""
    value = entry.fields.get("id")
    if value is None or (ident := macro_id(_whole_float(value), kind)) is not None:
        return (None if value is None else ident), []
    where, spelled = entry.where, json.dumps(value) if isinstance(value, str) else str(value)
    if (found := _id_written(entry, value)) is not None:
        where, spelled = found
    what = "a whole number from 1" if kind == "number" else "letters, digits, '_' and '-'"
    a = "an" if helpdesk[:1] in "AEIOU" else "a"  # (an Intercom id)
    return None, [f"{where}: its id {spelled} is not {a} {helpdesk} id ({what}): not carried over, so exported back "
                  f"it is a new {helpdesk} macro beside the one it came from; if it is that one, set its id under "
                  "'export:' in the script"]


def _whole_float(value: object) -> object:
    """``value``, or the int a float holding a whole number stands for (5.0, as a JSON writer that keeps every
    number a float gives an id: a whole number, refused as none); not one past 2**53, where a float no longer
    holds every whole number (the id written may not be the one read), nor inf (1e999)."""
    if isinstance(value, float) and value.is_integer() and abs(value) < 2**53:
        return int(value)
    return value


def _id_written(entry: Entry, value: object) -> tuple[Location, str] | None:
    """Where the item writes its "id" ``value``, and how: the nearest such key before the title the item is
    located at (an id comes first), else the first after it."""
    if entry.source is None:
        return None
    text, at = entry.source.text, max(entry.where.offset, 0)
    keys = [*reversed(list(_ID_KEY.finditer(text, max(at - 20_000, 0), at))), *_ID_KEY.finditer(text, at)]
    for key in keys[:50]:
        written = _JSON_SCALAR.match(text, key.end())
        try:
            same = written is not None and json.loads(written[0]) == value
        except ValueError:
            same = False
        if written is not None and same:
            return entry.source.location(key.end()), written[0]
    return None


_ID_KEY = re.compile(r'"id"\s*:\s*')
_JSON_SCALAR = re.compile(r'"(?:[^"\\]|\\.)*"|[^,}\]\s]+')


def kept_id(target: type[BaseTarget], value: object) -> MacroId | None:
    """The item's id as ``target``, its helpdesk's export, writes it back (the ``id`` setting: the file updates
    the macro it came from, not a copy of it), read as that helpdesk's ids are (``id_kind``); None where ``value``
    is none, or where that export keeps no ids (``macro_ids``), which would refuse the setting in check and
    export."""
    return macro_id(value, target.id_kind) if target.macro_ids else None


def broken_notes(item: RawItem) -> list[str]:
    """A located note for each placeholder of the item's reply written with a brace (or Help Scout's '%') missing:
    the helpdesk sends it as written, so the customer would get the raw marker (the import keeps it as a blank)."""
    from scriptkit.importers.convert import HELPDESKS
    from scriptkit.importers.dialects import PlaceholderPiece, broken_placeholders, parse_body

    helpdesk = HELPDESKS.get(item.dialect, "the helpdesk")
    found: dict[str, tuple[str, str]] = {}
    for text in (item.body, *(body for _, body, _ in item.alternatives)):
        for written, whole, missing in broken_placeholders(text, item.dialect):
            found.setdefault(written, (whole, missing))
    notes = []
    for written, (whole, missing) in found.items():
        mapped = [p for p in parse_body(whole, item.dialect, helpdesk) if isinstance(p, PlaceholderPiece)]
        script = f" (in the script: {{{{ {mapped[0].name} }}}})" if len(mapped) == 1 else ""
        notes.append(f"{item.where(written)}: {written!r} is a placeholder with {missing}: {helpdesk} "
                     f"sends it as written, and the customer would get it so. Kept as a blank for the agent to "
                     f"fill in until you write it {whole}{script}")
    return notes


def read_export(path: Path, export: Export, parse: Callable[[Entry], RawItem | ItemProblem],
                options: ReadOptions) -> Read:
    """Every item of a helpdesk's JSON export, read by ``parse`` (which knows that helpdesk's fields).

    What all of them share is done here: reading and parsing the file, finding the list of
    items, and reporting by name an item that is not an object. ``parse`` reports the rest,
    ``Entry.untitled`` among it, in the order that helpdesk's fields call for.
    """
    source = read_text(path, export.what)
    yield from export_items(source, load_json(source, export.what), export, parse, options)


def export_items(source: SourceText, data: Any, export: Export, parse: Callable[[Entry], RawItem | ItemProblem],
                 options: ReadOptions) -> Read:
    """``read_export``'s items of ``data``, the JSON of ``source`` already parsed (a reader that looked at it
    first, as Front's at a lone template, does not parse the file again)."""
    if (unread := later_pages(data, source, export.noun)) is not None:
        yield unread
    # (scriptkit's own export file holds its list alone; a helpdesk's response has more: '_pagination', 'type')
    own_file = bool(export.own_list) and isinstance(data, dict) and list(data) == [export.own_list]
    if export.within and isinstance(data, dict) and isinstance(data.get(export.within), dict):
        data = data[export.within]
    after = 0  # items stand in file order: each is looked for after the one before it (not at an earlier namesake)
    items = records(data, export.keys, source, export.what, options.wording)
    starts: list[int] | None = None  # where each item begins, worked out only for one that is not an object
    found: list[RawItem | ItemProblem] = []
    for index, item in enumerate(items):
        if not isinstance(item, dict):
            starts = item_starts(source.text, data, items) if starts is None else starts
            found.append(ItemProblem(source.location(starts[index] if index < len(starts) else 0), f"#{index + 1}",
                                     f"each {export.noun} should be an object, found {kind_of(item)}"))
            continue
        ident, title = item.get("id"), item.get(export.title_key)
        key = str(ident) if isinstance(ident, (str, int)) and str(ident) else f"#{index + 1}"
        title = title if isinstance(title, str) else ""
        if not title.strip():  # (its title is the problem: point at it, not at an id's digits found anywhere)
            starts = item_starts(source.text, data, items) if starts is None else starts
            where = title_location(source, starts, index, export.title_key) or locate(source, key, after)
        else:
            where = locate(source, title, after)
        if where.offset == 0 and after:  # not after the item before it (a document out of order): anywhere
            where = locate(source, title or key)
        after = max(after, where.offset + 1)
        entry = Entry(item, key, title, where, f"{export.noun} {key} {title!r}" if title else f"{export.noun} {key}",
                      export.title_key, source)
        found.append(parse(entry))
    if export.own_list:  # (read as categories or not by the file as a whole: every item is read first)
        slashed_titles(found, export.what.removesuffix(" export"), own_file)
    yield from found



def title_location(source: SourceText, starts: list[int], index: int, title_key: str) -> Location | None:
    """Where item ``index`` writes its own ``title_key`` field (``"title": 123``, not an action's ``"name"``
    inside it), else where the item begins; None when the item's place is not known."""
    if index >= len(starts):
        return None
    text, decoder = source.text, json.JSONDecoder()
    at = starts[index]
    try:  # (its keys one by one, each value skipped whole)
        at = _past_space(text, at + 1) if text.startswith("{", at) else len(text)
        while text.startswith('"', at):
            key, after = decoder.raw_decode(text, at)
            if key == title_key:
                return source.location(at)
            after = _past_space(text, after)
            after = _past_space(text, decoder.raw_decode(text, _past_space(text, after + 1))[1])
            at = _past_space(text, after + 1) if text.startswith(",", after) else len(text)
    except (ValueError, RecursionError):
        pass
    return source.location(starts[index])


def _past_space(text: str, at: int) -> int:
    while at < len(text) and text[at] in " \t\n\r":
        at += 1
    return at


def item_starts(text: str, data: Any, items: list[Any]) -> list[int]:
    """Where each item of the export's list begins in ``text`` (the list itself, or the one under the key
    that holds ``items``); [] when it cannot be found."""
    if isinstance(data, list):
        opening = _past_space(text, 0)
    else:
        key = next((k for k, v in data.items() if v is items), None) if isinstance(data, dict) else None
        found = re.search(re.escape(json.dumps(key)) + r"\s*:\s*\[", text) if isinstance(key, str) else None
        if found is None:
            return []
        opening = found.end() - 1
    decoder, starts = json.JSONDecoder(), []
    at = _past_space(text, opening + 1)
    try:
        while at < len(text) and text[at] != "]":
            starts.append(at)
            at = _past_space(text, decoder.raw_decode(text, at)[1])
            at = _past_space(text, at + 1) if text.startswith(",", at) else len(text)
    except (ValueError, RecursionError):
        pass  # (the document parsed whole: not expected)
    return starts
