"""YAML -> models, keeping the file position of every value so every error is located."""

from __future__ import annotations

import difflib
import errno
import fnmatch
import os
import re
import unicodedata
from bisect import bisect_right
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from functools import lru_cache, partial
from locale import locale_alias
from operator import attrgetter
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from scriptkit.quiet_ruamel import YAML as YAML  # (first: the ruamel imports below then change no filters)

# isort: split
from ruamel.yaml.comments import CommentedMap, CommentedSeq, TaggedScalar
from ruamel.yaml.composer import Composer, ComposerError
from ruamel.yaml.constructor import RoundTripConstructor
from ruamel.yaml.error import MarkedYAMLError
from ruamel.yaml.events import AliasEvent
from ruamel.yaml.nodes import ScalarNode as RuamelScalarNode
from ruamel.yaml.scanner import RoundTripScanner, ScannerError

from scriptkit.diagnostics import Location
from scriptkit.errors import ErrorCollector, PackError, ScriptkitError, path_error
from scriptkit.language import LOCALES, NAMES
from scriptkit.message import channel_named
from scriptkit.models import (
    CHANNELS,
    MAX_SCRIPT_ID_LENGTH,
    REPLY_SLOTS,
    Flexibility,
    Origin,
    Pack,
    PackMeta,
    Script,
    id_file_problem,
    is_script_id,
)
from scriptkit.placeholders import is_placeholder_name
from scriptkit.sourcetext import MAX_FILE_BYTES as MAX_FILE_BYTES
from scriptkit.sourcetext import (
    NOTEPAD_UTF8,
    NotAFileError,
    SourceText,
    byte_location,
    link_note,
    lone_cr_as_newline,
    not_utf8_hint,
    read_capped,
    scalar_offsets,
)
from scriptkit.sourcetext import PACK_FILE as PACK_FILE
from scriptkit.text import HALF_CHARACTER, WINDOWS_DEVICE_NAMES, named_as_a_copy, slug, wide_encoding

SCRIPTS_DIR = "scripts"


def _yaml(written: int = 0) -> YAML:
    """The round-trip reader, bounding nesting and what aliases repeat. ``written``: the characters
    of the document to be read, counted with those its aliases add against ``MAX_FILE_BYTES`` (a
    script's); with 0 (an import file, which may be larger) its aliases alone may add that many."""
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.allow_duplicate_keys = False
    yaml.Composer = _BoundedAliases
    yaml.Constructor = _AliasPlaces
    yaml.Scanner = _BoundedDepth
    yaml.composer.written = written
    return yaml


class _TooDeep(ScannerError):
    """Lists or mappings nested past ``MAX_NESTING``, refused where the level past it opens."""

    def __init__(self, mark: Any, hint: str) -> None:
        super().__init__(None, None, f"lists or mappings are nested more than {MAX_NESTING} deep", mark)
        self.hint = hint


class _BoundedDepth(RoundTripScanner):
    """ruamel's scanner, refusing a level of nesting past ``MAX_NESTING`` as it opens: its scanner
    rechecks every open '[' and '{' at each token, so 3,000 of them took nine seconds to reach the
    parser's recursion limit, and 300 levels of indented lists a recursion error first."""

    def fetch_flow_collection_start(self, TokenClass: Any, to_push: Any) -> None:
        if self.flow_level >= MAX_NESTING:
            raise _TooDeep(self.reader.get_mark(), "A script needs a few levels at most; look for brackets "
                                                   "that were never closed.")
        super().fetch_flow_collection_start(TokenClass, to_push)

    def add_indent(self, column: int) -> bool:
        if len(self.indents) >= MAX_NESTING and self.indent < column:
            raise _TooDeep(self.reader.get_mark(), "A script needs a few levels at most; look for lines "
                                                   "indented further and further, each under the one above.")
        return bool(super().add_indent(column))


class _CollectionAlias(ComposerError):
    """Aliases that repeat too much, or a list or mapping inside itself, refused where they are."""

    def __init__(self, problem: str, mark: Any, hint: str) -> None:
        super().__init__(None, None, problem, mark)
        self.hint = hint


class _ComplexKey(ComposerError):
    """A key that is a list or a mapping ('? [a, b]'): Python would name it as a tuple, or fail on it."""

    def __init__(self, problem: str, mark: Any, hint: str) -> None:
        super().__init__(None, None, problem, mark)
        self.hint = hint


#: values that aliases of lists and mappings may repeat in one file: a merge key or a shared list
#: fits many times over, nested aliases (nine lists of nine aliases of the list before: 9**9
#: values, expanded by every walk of the data) do not
MAX_ALIASED_VALUES = 10_000


class _BoundedAliases(Composer):
    """ruamel's composer, counting what each alias repeats and refusing the alias that takes the
    document past a bound: the values an alias of a list or mapping repeats (nested ones included,
    each node counted once however often the graph shares it) past ``MAX_ALIASED_VALUES``, or the
    characters of its text (a scalar's, or every key and value in a list or mapping) past
    ``MAX_FILE_BYTES`` with the document's own (``written``): a 55 KB script of a thousand aliases
    of one 52 KB text was a 52 MB script, which check took minutes and a gigabyte to read; also an
    alias inside the list or mapping it names."""

    written = 0  # characters of the document itself (see _yaml)

    def compose_document(self) -> Any:
        self._open: set[str] = set()  # anchors of the lists and mappings being read
        self._sizes: dict[int, int] = {}
        self._chars: dict[int, int] = {}
        self._repeated = 0
        self._added = 0  # characters the aliases repeat
        # where each alias of a list or mapping is written, by its parent node and key node (or item index)
        self.alias_uses: dict[tuple[int, int], Any] = {}
        return super().compose_document()

    def compose_mapping_node(self, anchor: Any) -> Any:
        node = super().compose_mapping_node(anchor)
        buffer = self.loader.reader.buffer
        for key, _value in node.value:
            # (said as written: "('a', 'b')" was Python's tuple; '{{ x }}' unquoted, a mapping in a mapping, has
            # its own message, quote the template)
            if not isinstance(key, RuamelScalarNode) and buffer[key.start_mark.index - 1:key.start_mark.index] != "{":
                what = "a mapping" if isinstance(key.value, list) and key.value \
                    and isinstance(key.value[0], tuple) else "a list"
                written = buffer[key.start_mark.index:key.end_mark.index]
                shown = " ".join(written.split())
                shown = shown if len(shown) <= 40 else shown[:37] + "..."
                raise _ComplexKey(f"a key that is {what}, {shown}, where a key must be a name", key.start_mark,
                                  "Write a plain name before the ':' (after '? ', YAML reads brackets as a list "
                                  "or mapping); if the brackets belong to the name, put it in quotes.")
        return node

    def compose_node(self, parent: Any, index: Any) -> Any:
        event = self.parser.peek_event()
        if isinstance(event, AliasEvent):
            target = self.anchors.get(event.anchor)
            if target is not None and not isinstance(target, RuamelScalarNode):
                if event.anchor in self._open:
                    raise _CollectionAlias(f"alias '*{event.anchor}' is inside the list or mapping it repeats",
                                           event.start_mark, "A list or mapping cannot hold itself; write out "
                                           "what it should repeat.")
                self._repeated += _size(target, self._sizes)
                if self._repeated > MAX_ALIASED_VALUES:
                    raise _CollectionAlias(f"aliases repeat {self._repeated:,} values by here, more than the "
                                           f"{MAX_ALIASED_VALUES:,} a file may", event.start_mark,
                                           "Write the values out where they are needed: aliases may share a list "
                                           "or mapping (a merge key, common tags), not nest copies of copies.")
                if index is not None:
                    self.alias_uses[_use_key(parent, index)] = event.start_mark
            if target is not None:
                self._added += _chars(target, self._chars)
                if self.written + self._added > MAX_FILE_BYTES:
                    raise _CollectionAlias(
                        (f"with its aliases written out, this file holds {self.written + self._added:,} characters "
                         f"by here ({self._added:,} of them repeated by aliases), more than the "
                         f"{MAX_FILE_BYTES:,} a file may") if self.written else
                        (f"aliases repeat {self._added:,} characters by here, more than the {MAX_FILE_BYTES:,} "
                         "they may add to a file"), event.start_mark,
                        "Write the text out once, where it is needed, and shorten it: an alias may share a short "
                        "text or list (a signature, common tags), and every copy counts toward the file's size.")
            return super().compose_node(parent, index)
        anchor = getattr(event, "anchor", None)
        if anchor is None:
            return super().compose_node(parent, index)
        self._open.add(anchor)  # (an alias met before it closes is inside it)
        try:
            return super().compose_node(parent, index)
        finally:
            self._open.discard(anchor)


def _use_key(parent: Any, index: Any) -> tuple[int, int]:
    """A value's place in its parent node: a list's item by its index, a mapping's value by its key node."""
    return id(parent), index if isinstance(index, int) else -id(index)


class _AliasPlaces(RoundTripConstructor):
    """ruamel's constructor, placing a list or mapping an alias repeats where the alias is written: an
    error in it ("'text' must be text, not a list") pointed at the anchor, lines before. (A text an alias
    repeats stays at its anchor, where its words are written: a finding in them is located there.)"""

    def construct_mapping(self, node: Any, maptyp: Any, deep: bool = False) -> Any:  # type: ignore[override]
        made = super().construct_mapping(node, maptyp, deep)
        uses: dict[tuple[int, int], Any] = getattr(self.loader.composer, "alias_uses", {})
        if uses:
            for key_node, _value in node.value:
                used = uses.get(_use_key(node, key_node))
                if used is not None:
                    for place in maptyp.lc.data.values():  # (by the key's own place: keys are any scalar)
                        if place[:2] == [key_node.start_mark.line, key_node.start_mark.column]:
                            place[2:4] = [used.line, used.column]
        return made

    def construct_rt_sequence(self, node: Any, seqtyp: Any, deep: bool = False) -> Any:
        made = super().construct_rt_sequence(node, seqtyp, deep)
        uses: dict[tuple[int, int], Any] = getattr(self.loader.composer, "alias_uses", {})
        for i in range(len(node.value)) if uses else ():
            used = uses.get(_use_key(node, i))
            if used is not None:
                seqtyp._yaml_set_idx_line_col(i, [used.line, used.column])
        return made


def _children(node: Any) -> list[Any]:
    value = node.value
    return [] if isinstance(node, RuamelScalarNode) else \
        [n for pair in value for n in pair] if value and isinstance(value[0], tuple) else value


def _size(node: Any, sizes: dict[int, int]) -> int:
    """The values ``node`` holds once every alias in it is written out (memoised by node)."""
    found = sizes.get(id(node))
    if found is None:
        found = sizes[id(node)] = 1 + sum(_size(child, sizes) for child in _children(node))
    return found


def _chars(node: Any, sizes: dict[int, int]) -> int:
    """The characters of the text ``node`` holds (its keys' and values') once every alias in it is
    written out (memoised by node; at least 1, so an alias of an empty text counts too)."""
    found = sizes.get(id(node))
    if found is None:
        found = sizes[id(node)] = max(len(node.value), 1) if isinstance(node, RuamelScalarNode) else \
            1 + sum(_chars(child, sizes) for child in _children(node))
    return found


MAX_NESTING = 100  # levels of [ and { reported as too deep (a pack needs five or so)


def _too_deep(text: str) -> int | None:
    """Where ``text`` opens its ``MAX_NESTING + 1``-th nested ``[`` or ``{``, if it does (asked
    only of a file the parser could not read for its depth: quotes are not told apart)."""
    if text.count("[") + text.count("{") <= MAX_NESTING:
        return None  # (every normal file: one count of each, no scan)
    depth = 0
    for i, ch in enumerate(text):
        if ch in "[{":
            depth += 1
            if depth > MAX_NESTING:
                return i
        elif ch in "]}" and depth:
            depth -= 1
    return None


def read_yaml(path: Path, errors: ErrorCollector, display: str | None = None) -> tuple[Any, Origin] | None:
    """Parse one YAML file; on failure record a located error and return None."""
    name = display or str(path)
    try:
        raw = read_capped(path)
    except NotAFileError:
        errors.add("this is a device, a pipe or a socket, not a file" + link_note(path), Location(name, 1, 1),
                   "Delete it, or put a YAML file in its place.")
        return None
    except OSError as exc:
        if _is_link(path) and exc.errno == errno.ELOOP:
            errors.add("this is a link that leads back to itself", Location(name, 1, 1),
                       "Delete the link, or point it at a script file.")
        elif _is_link(path) and exc.errno == errno.ENOENT:
            errors.add(f"this is a link to {os.readlink(path)}, which is not there", Location(name, 1, 1),
                       "Delete the link, or put the script back where it points.")
        elif exc.errno != errno.EACCES and path.is_dir():
            # (mkdir pack.yaml, or a folder named like a script: "Is a directory" said no more)
            errors.add(f"{path.name} is a folder, not a file", Location(name, 1, 1),
                       f"Delete this folder (move out anything in it) and write {PACK_FILE} as a file of the pack's "
                       f"settings (at least name: {path.absolute().parent.name})." if path.name == PACK_FILE else
                       "Rename the folder without .yaml, or move the script files in it up into scripts/.")
        elif exc.errno in (errno.EACCES, errno.EPERM):
            errors.add(f"cannot read file: {exc.strerror}", Location(name, 1, 1),
                       "Give yourself permission to read it (chmod u+r on the file, u+rx on its folder).")
        else:
            errors.add(f"cannot read file: {exc.strerror}", Location(name, 1, 1))
        return None
    if len(raw) > MAX_FILE_BYTES:
        size = _file_size(path, len(raw))
        errors.add(f"file is {size:,} bytes; the limit is {MAX_FILE_BYTES:,}", Location(name, 1, 1),
                   "pack.yaml holds the pack's settings only: move text into the scripts, one per file."
                   if path.name == PACK_FILE else "Split it into one script per file.")
        return None
    if (wide := wide_encoding(raw)) is not None:  # (Notepad's "Unicode")
        errors.add(f"file is {wide[:6].upper()}, not UTF-8", Location(name, 1, 1), _SAVE_AS_UTF8)
        return None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        errors.add("file is not valid UTF-8", byte_location(name, exc.object, exc.start),
                   not_utf8_hint(name, exc.object, exc.start, exc.end, save_as=NOTEPAD_UTF8, in_place=True))
        return None
    source = SourceText(name, text)
    if "\r" in text:  # (old Mac files: each lone "\r" read as the "\n" it stands for, offsets unchanged, so
        text = lone_cr_as_newline(text)  # every hint that reads the text by its lines reads those lines)
    try:
        parsed = _parse(text, source, name, errors)
        if parsed is not None and "- " in text and (slip := _dash_in_text(text, *parsed)) is not None:
            errors.add(*slip)
            return None
        if parsed is not None and _BULLET.search(text) and (slip := _bullet_in_text(text, *parsed)) is not None:
            errors.add(*slip)
            return None
        if parsed is not None and "\\u" in text and _escaped(*parsed, _PAIR_START):
            parsed = _pairs_joined(*parsed)  # (JSON's spelling of an emoji, json.dumps's: one character)
        if parsed is not None and ("\\u" in text or "\\U" in text) and (half := _escaped(*parsed, HALF_CHARACTER)):
            errors.add(f"'\\u{half[0]:04x}' is half of a character (a surrogate), which no file or helpdesk can hold",
                       half[1], "Write the character itself, or its full code: '\\U0001F600' (or both its halves, "
                       "'\\ud83d\\ude00').")
            return None
        if parsed is not None and "\\" in text and (control := _escaped(*parsed, _ESCAPED_CONTROL)):
            errors.add(f"an escape in this text writes an invisible control character, U+{control[0]:04X}, which the "
                       "customer's helpdesk would get as it is", control[1],
                       "Delete the escape ('\\x1b', '\\0', '\\a', '\\u0007' ...): a reply needs none "
                       "('\\n' breaks a line, '\\t' is a tab).")
            return None
        return parsed
    except RecursionError:  # nesting deeper than Python's stack: say where, not "maximum recursion depth"
        deep = _too_deep(text)
        errors.add(f"lists or mappings are nested more than {MAX_NESTING} deep", source.location(deep or 0),
                   "A script needs a few levels at most; look for brackets that were never closed.")
        return None


_LONG_NUMBER = re.compile(r"(?<![\w.])[-+]?\d[\d_]{4299,}")
# what a double-quoted '\\x1b', '\\0', '\\a' or '\\u0007' makes: a control character (a raw one in the file
# YAML refuses), which reached the export and the terminal as it was (ESC ] 0; retitles a window)
_ESCAPED_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f]")


def _is_link(path: Path) -> bool:
    """Whether ``path`` is a symbolic link; False where that cannot be known (pathlib raises for
    a file in a folder that may be listed but not opened, 'chmod a-x scripts')."""
    try:
        return path.is_symlink()
    except OSError:
        return False


# a high half of a UTF-16 pair and the low half after it: YAML reads '\ud83d\ude00' as the two, as Python's json
# module writes an emoji, and JSON (which YAML takes as it is) means the one character they encode
_ESCAPED_PAIR = re.compile("[\ud800-\udbff][\udc00-\udfff]")
_PAIR_START = re.compile("[\ud800-\udbff](?=[\udc00-\udfff])")


def _joined(text: str) -> str:
    return _ESCAPED_PAIR.sub(lambda pair: pair[0].encode("utf-16-le", "surrogatepass").decode("utf-16-le"), text)


def _pairs_joined(data: Any, origin: Origin) -> tuple[Any, Origin]:
    """``data`` with each pair of escaped halves in its texts and keys as the one character it encodes (a lone
    half is left, and refused after), and ``origin`` with its paths' keys so too."""
    seen: set[int] = set()

    def join(node: Any) -> Any:
        if isinstance(node, str):
            return _joined(node)
        if id(node) in seen:  # (a mapping an alias repeats: joined once)
            return node
        seen.add(id(node))
        if isinstance(node, dict):  # (in place, in its order: an alias shares it)
            items = [(join(k), join(v)) for k, v in node.items()]
            node.clear()
            node.update(items)
        elif isinstance(node, list):
            node[:] = [join(v) for v in node]
        return node

    def path_of(path: tuple[str | int, ...]) -> tuple[str | int, ...]:
        return tuple(_joined(part) if isinstance(part, str) else part for part in path)

    origin.values = {path_of(path): at for path, at in origin.values.items()}
    origin.keys = {path_of(path): at for path, at in origin.keys.items()}
    return join(data), origin


def _escaped(data: Any, origin: Origin, pattern: re.Pattern[str]) -> tuple[int, Location] | None:
    """The first character of ``pattern`` an escape put in a quoted text or key, and where: a
    '\\ud83d' (a lone half of a UTF-16 pair, which Python keeps as it is and every later write
    fails on) or a control character."""
    for table, is_key in ((origin.values, False), (origin.keys, True)):
        for path, start in table.items():
            text = path[-1] if is_key and path else value_at(data, path)
            if isinstance(text, str) and (found := pattern.search(text)) is not None:
                # (at the escape itself, not the text's opening quote: a long line can hold several)
                at = start if is_key else scalar_offsets(origin.source.text, start, text)[found.start()]
                return ord(found[0]), origin.source.location(at)
    return None


def _file_size(path: Path, read: int) -> int:
    """The size of a file read only up to its limit."""
    try:
        return max(path.stat().st_size, read)
    except OSError:
        return read


def _dash_in_text(text: str, data: Any, origin: Origin) -> tuple[str, Location, str] | None:
    """A list item's '- ' indented deeper than the '- ' above it: YAML reads it as more of the text
    above (a plain text goes on over deeper lines), so two variants reach the customer as one text,
    ' - ' and all, with nothing to say so."""
    for path, start in origin.values.items():
        if not path or text[start:start + 1] in _NOT_PLAIN_START:
            continue
        value = value_at(data, path)
        if not isinstance(value, str) or " - " not in value:
            continue  # (a mapping's items, or a text with no dash folded into it)
        line_start = text.rfind("\n", 0, start) + 1
        dash = _DASH_BEFORE.fullmatch(text, line_start, start)  # ('- text' or 'key: text' on its line)
        if dash is None:
            continue
        column = dash.start("at") - line_start
        pos = text.find("\n", start) + 1
        while 0 < pos < len(text):  # the text's next lines: indented past the dash, up to a blank line
            end = text.find("\n", pos)
            line = text[pos:end if end >= 0 else len(text)]
            indent = len(line) - len(line.lstrip(" "))
            if not line.strip() or indent <= column or line.lstrip().startswith("#"):
                break
            if line.lstrip().startswith("- "):
                above = origin.source.location(dash.start("at")).line
                if isinstance(path[-1], int):
                    return ("this '- ' is indented deeper than the '- ' above it, so YAML reads it as more of the "
                            "text above: the customer would get both as one text",
                            origin.source.location(pos + indent),
                            f"Start it in the same column as the '- ' on line {above}, so it is an item of its own "
                            "(or quote the text above, if the dash is part of it).")
                return (f"this '- ' goes on the text of '{path[-1]}' on line {above}, so YAML reads it as more of "
                        "that text: the customer would get both as one", origin.source.location(pos + indent),
                        f"For variants, put each on a '- ' line under '{path[-1]}:', with nothing after the ':' "
                        "(or quote the text, if the dash is part of it).")
            pos = end + 1 if end >= 0 else len(text)
    return None


# what a word processor puts where a list's '- ' goes (en dash, em dash, bullets), pasted as text
_BULLET = re.compile("[\u2013\u2014\u2022\u2023\u2043\u25aa\u25cf\u25e6]")


def _bullet_in_text(text: str, data: Any, origin: Origin) -> tuple[str, Location, str] | None:
    """A word processor's bullet ('– ', '• ') starting lines of a plain text, where a list was meant: YAML
    reads the lines as one text, so the phrasings reach the customer as one, bullets and all. Only
    where a list is evident: the text starts with one (under its key, or with more below), or two of
    its lines do. (A dash in a sentence, or in a '|' block or quotes, is the writer's text.)"""
    for path, start in origin.values.items():
        value = value_at(data, path)
        if not path or not isinstance(value, str) or not _BULLET.search(value) or text[start:start + 1] != value[:1]:
            continue  # (no bullet, or not plain text: quoted or a block, whose lines are kept as written)
        offsets = scalar_offsets(text, start, value)
        if len(offsets) != len(value):
            continue
        bullets = (offsets[found.start()] for found in _BULLET.finditer(value))
        leading = [at for at in bullets if not text[text.rfind("\n", 0, at) + 1:at].strip()]  # (first on its line)
        first = _BULLET.match(value) is not None
        if leading and (first or len(leading) > 1):
            key = next((part for part in reversed(path) if isinstance(part, str)), "text")
            return _bullet_slip(text[start if first else leading[0]], key,
                                origin.source.location(start if first else leading[0]))
    return None


def _bullet_slip(bullet: str, key: str, where: Location) -> tuple[str, Location, str]:
    return (f"this '{bullet}' is a word processor's bullet, not a list's '- ', so YAML reads these lines as one "
            f"text: the customer would get them as one, each '{bullet}' and all", where,
            "Write '- ' (a hyphen and a space) in place of each bullet, for each phrasing on a line of its own "
            f"under '{key}:'; for a list inside the reply, write '{key}: |' with the lines below it.")


def value_at(data: Any, path: tuple[Any, ...]) -> Any:
    """The value at ``path`` (keys and indexes) in parsed YAML, or None where the path leads nowhere."""
    for part in path:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return None
    return data


# from a line's start to its value: a list item's dash, or a key and its ':'
_DASH_BEFORE = re.compile(r"[ ]*(?P<at>-|[^\s:#'\"-][^:#]*:)[ ]+")
_NOT_PLAIN_START = frozenset("'\"|>{[&*!#")  # a value quoted, a block, a mapping or list: not plain text


_SAVE_AS_UTF8 = "Save the file as UTF-8 in your editor."


# characters YAML refuses in a file (its 'printable' set): pasted control characters, mostly
_NOT_PRINTABLE = re.compile(r"[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
# a space that is not one, where YAML needs a real one: indenting a line, or after a key's ':'
_ODD_SPACE = r"\u00a0\u2000-\u200a\u202f\u205f\u3000"
_PASTED_SPACE = re.compile(rf"^(?:[ ]*(?P<indent>[{_ODD_SPACE}])"
                           rf"|[ ]*(?:-[ ]+)?[A-Za-z_][\w.-]*:(?P<after>[{_ODD_SPACE}]))", re.M)


def _odd_space_name(char: str) -> str:
    return "a no-break space" if char == "\u00a0" else f"an odd space, U+{ord(char):04X} ({unicodedata.name(char)}),"


def _pasted_space(text: str, upto: int, source: SourceText) -> tuple[str, Location, str] | None:
    """A no-break space (a word processor's or web page's) indenting a line or after a key's ':', the
    nearest before ``upto``: YAML reads it as text, and fails on a later line ('a : in a value').
    Only on the error's line or the line above it: one further up is more likely text in a block
    ('solution: >'), where YAML takes it as it is, and the error another's."""
    line_end = text.find("\n", upto)
    found = None
    for found in _PASTED_SPACE.finditer(text, 0, line_end if line_end >= 0 else len(text)):  # noqa: B007 (the last)
        pass
    if found is None or text.count("\n", found.start(), upto) > 1:
        return None
    if found["indent"] is not None:
        return (f"{_odd_space_name(found['indent'])} indents this line", source.location(found.start("indent")),
                "Delete the spaces at the start of the line and type ordinary ones: it was pasted from a "
                "document or web page.")
    return (f"{_odd_space_name(found['after'])} follows the ':'", source.location(found.start("after")),
            "Type an ordinary space after the ':'.")


def _control_character(text: str, source: SourceText) -> tuple[str, Location, str] | None:
    """The first character YAML refuses (a control character pasted in), said where it is."""
    found = _NOT_PRINTABLE.search(text)
    if found is None:
        return None
    char = found[0]
    return (f"an invisible control character, U+{ord(char):04X}, is here", source.location(found.start()),
            "Delete it (retype the word it sits in): it comes with text pasted from another program.")


def _parse(text: str, source: SourceText, name: str, errors: ErrorCollector,
           later: bool = True) -> tuple[Any, Origin] | None:
    fast = _fast_parse(text, source)
    if fast is not None:
        return fast
    try:
        data = _yaml(len(text)).load(text)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = source.at(mark.line, mark.column) if mark else Location(name, 1, 1)
        problem = exc.problem or exc.context or "invalid YAML"
        pasted = _pasted_space(text, mark.index if mark is not None else len(text), source)
        if pasted is not None:
            errors.add(f"YAML syntax error: {pasted[0]}", pasted[1], pasted[2])
            return None
        if isinstance(exc, (_CollectionAlias, _TooDeep, _ComplexKey)):
            errors.add(problem, where, exc.hint)
            return None
        context, cmark = exc.context, exc.context_mark
        scanning = bool(exc.problem and context and context.startswith("while scanning"))
        elsewhere = cmark is not None and mark is not None and (cmark.line, cmark.column) != (mark.line, mark.column)
        if scanning and elsewhere and cmark is not None:
            # an unfinished quote or block: point at where it began, which is where the fix goes
            problem = f"{problem} {context} that starts here"
            where = source.at(cmark.line, cmark.column)
        if "found another document" in problem:  # ("expected a single document": its context is lost)
            errors.add("a second YAML document starts here, after '---'", where,
                       "pack.yaml holds the pack's settings once; delete the '---' line and what follows it."
                       if Path(name).name == PACK_FILE else
                       "A file holds one script; move what follows into a file of its own, or delete the '---' line.")
            return None
        hint = _yaml_hint(problem, mark is not None and text[mark.index - 1:mark.index] == ":")
        if mark is not None and "mapping values are not allowed" in problem:
            problem = "a ': ' in a value that is not quoted"
            line_start = mark.index - mark.column
            line = _rest_of_line(text, line_start)
            value = _VALUE_START.match(line)  # (every line matches: each part is optional)
            opening = line[value.end():value.end() + 1] if value is not None else ""
            if value is not None and opening not in ("", "'", '"'):
                hint = (f"A value containing ': ' must be quoted, e.g. "  # (the line's own, its ': ' shown)
                        f"{_quoted(line, value.end(), mark.column)}.")
            if value is not None and opening in _CURLY_OPENING:  # ('title: “Refund: next steps”', from a document)
                closing = line.rstrip()[-1:] if line.rstrip()[-1:] in _CURLY_OPENING else ""
                problem = (f"a ': ' in a value in curly quotes ({opening}...{closing}), which YAML reads as part of "
                           "the text, not as quotes")
                hint = f"Type straight quotes in their place, e.g. {_quoted(line, value.end(), mark.column)}."
            # "  warm_language: x" under a one-line value: YAML reads it as more of that value
            lone_key = _INDENTED_KEY.fullmatch(text, mark.index - mark.column, mark.index)
            if lone_key is not None:
                hint = (f"If '{lone_key[1]}' is a new key, line it up with the keys above it; "
                        "if the ': ' is part of the text above, quote that text.")
                where = source.location(lone_key.start(1))
            elif (continued := _continued_text(text, line_start, mark.index)) is not None:
                # ('solution: I sent it.' over '  Next steps: ...': quoting what follows this ': ' fails again)
                problem = f"a ': ' in the text of '{continued[0]}', which is not quoted"
                hint = continued[1]
            # '-label: x' over '  text: y': the dash glued to 'label' made it a key, and 'text' the error
            above = text.rfind("\n", 0, max(line_start - 1, 0)) + 1 if line_start else line_start
            glued = _glued_dash(text, line_start, source) or _glued_dash(text, above, source)
            if glued is not None:
                problem, where, hint = glued
            elif (block := _block_not_indented(text, line_start)) is not None:  # ('solution: >' over 'It: x')
                problem, where = _BLOCK_NOT_INDENTED, source.location(line_start + len(line) - len(line.lstrip()))
                hint = _BLOCK_INDENT_HINT.format(block)
            elif (liquid := _LIQUID_FALLBACK.search(line)) is not None:  # ('{{ x | fallback: "there" }}')
                problem, where = ("'| " + liquid["filter"] + ":' is how a helpdesk's Liquid writes a fallback",
                                  source.location(line_start + liquid.start("colon")))
                hint = f"Write {liquid['filter']}({liquid['arg']}): the export writes each helpdesk's own form."

        if mark is not None and (template := _unquoted_template(text, mark.index - mark.column)) is not None:
            # '{{ x }}' or '{% if %}' opening a value is read as a YAML mapping: quoting it is the fix
            problem = "this value starts with '{', which YAML reads as the start of a mapping"
            hint = template[1]
            where = source.location(template[0])
        elif (slip := _indicator(mark, text, source) or _slip(exc, text, source)) is not None:
            problem, where, hint = slip
        duplicate = _DUPLICATE_KEY.match(problem)
        if duplicate is not None and mark is not None:
            hint = _duplicate_hint(duplicate[1], text, mark, cmark, source)
            if (values := _DUPLICATE_VALUES.search(problem)) is not None and values[2].startswith("{"):
                hint = f"{hint[:-1]}: put what both hold under one '{duplicate[1]}:'."
        if "found character '\\t'" in problem:  # (the hint says which tab: after a key, or indenting)
            problem = "a tab, where YAML needs spaces"
            before = text[mark.index - mark.column:mark.index] if mark is not None else ""
            # ('I just<tab>sent': between two words of the text, not indenting it nor after a key)
            if _BULLET.fullmatch(before.strip()) and mark is not None:
                # ('  •<tab>text', a pasted bullet: said as with a space after it, not the tab, whose fix sent
                # the phrasings as one)
                owner = _owner_key(text, mark.index - mark.column)
                errors.add(*_bullet_slip(before.strip(), owner[0] if owner else "text",
                                         source.location(mark.index - len(before.lstrip()))))
                return None
            elif before.strip() not in ("", "-") and not before.rstrip(" \t").endswith(":"):
                problem = "a tab inside the text, where YAML needs a space"
                hint = ("Replace the tab with a space (it comes with text pasted from a table or another program), "
                        "or put the text in double quotes to keep it.")
        errors.add(f"YAML syntax error: {_DUPLICATE_VALUES.sub(_excerpts, problem).rstrip()}", where, hint)
        if later and duplicate is not None and where.offset >= 0:
            errors.errors.extend(_later_duplicates(text, source, name, duplicate[1], where))
        return None
    except RecursionError:
        raise
    except Exception as exc:  # ruamel raises a few unmarked errors (e.g. duplicate keys)
        control = _control_character(text, source)  # (a ReaderError: 'unacceptable character #x0007')
        if control is not None:
            errors.add(control[0], control[1], control[2])
        elif isinstance(exc, ValueError) and (long := _LONG_NUMBER.search(text)) is not None:
            # (Python reads at most 4,300 digits as an int: its own message names sys.set_int_max_str_digits)
            errors.add(f"a number of {len(long[0])} digits is here, longer than YAML can read as a number",
                       source.location(long.start()), "Put it in double quotes to keep it as text.")
        else:
            errors.add(f"YAML error: {exc}".splitlines()[0], Location(name, 1, 1))
        return None
    origin = Origin(source)
    tagged: list[tuple[tuple[str | int, ...], str]] = []
    _index(data, (), origin, tagged, merges=True)
    users = "pack.yaml does" if Path(name).name == PACK_FILE else "scripts do"
    for path, tag in tagged:  # ('warm_language: !Thanks': a tag, and the slot was lost without a word)
        start = origin.values.get(path, 0)
        line_start = text.rfind("\n", 0, start) + 1
        line = _rest_of_line(text, line_start)
        errors.add(f"'{tag}' is read as a YAML tag, which {users} not use", origin.location(path),
                   f"Quote the text: {_quoted(line, start - line_start)}.")
    return None if tagged else (data, origin)


# ---------------------------------------------------------------- fast path
# The round-trip parser is pure Python (about 5 ms for a small script); libyaml's composer is C
# and gives every node's position. Valid, plain documents take this path with YAML 1.2 scalar
# resolution from ruamel (so "no" stays a string); anything unusual (a syntax error, tags,
# duplicate or merge keys, non-string keys, anchors with aliases) goes to the round-trip path,
# which reports it.
_CLoader: Any
try:
    from yaml import CSafeLoader as _CLoader  # type: ignore[import-untyped,no-redef]
    from yaml import MappingNode as _CMap
    from yaml import ScalarNode as _CScalar
    from yaml import SequenceNode as _CSeq
    from yaml import compose as _ccompose
except ImportError:  # pragma: no cover - PyYAML without libyaml: the round-trip path does it all
    _CLoader = None

# a tag can only open a node: at a line's start (after its indent), after 'key: ', '- ' or '? ', or in brackets
# after '[', '{' or ','; a '!' inside text ("Merci !", "Thanks !!") is text, and keeps the fast path
_TAG_OR_MERGE = re.compile(r"(?m)(?:^[ \t]*|[:?-][ \t]+|[\[{,][ \t]*)!|<<\s*:")
# an anchor where a node starts ("&x" after a space or an opening bracket): an alias needs one, and
# "Q&A" or "T&Cs" in a reply is none (a file with both characters would leave the fast path)
_ANCHOR = re.compile(r"(?m)(?:^|[\s\[{,:])&[^\s\[\]{},]")
_STR_TAG = "tag:yaml.org,2002:str"


class _Unusual(Exception):
    """The document needs the round-trip parser."""


def _later_duplicates(text: str, source: SourceText, name: str, key: str, where: Location) -> list[ScriptkitError]:
    """The duplicate keys after the first one, each reported at its place as the first is (the
    round-trip parser stops at the first): each one found is renamed out of the way, to a name of
    its length (every other place stays where it is), and the text read again. Only a key that
    starts its line is renamed; the search stops at any other problem, left for the next run."""
    found: list[ScriptkitError] = []
    budget = _DUPLICATES_READ
    for n in range(_MAX_DUPLICATES):
        at = where.offset
        budget -= len(text)
        filler = chr(0x4E00 + n) * len(key)  # (a CJK ideograph: a plain key's letter no script's key uses)
        if (at < 0 or budget < 0 or text[text.rfind("\n", 0, at) + 1:at].strip(" ")
                or not text.startswith(key, at) or filler in text):
            break
        text = text[:at] + filler + text[at + len(key):]
        errors = ErrorCollector()
        if _parse(text, source, name, errors, later=False) is not None or len(errors.errors) != 1:
            break
        error = errors.errors[0]
        duplicate = _DUPLICATE_KEY.search(error.message)
        if duplicate is None or error.location is None or not text.startswith(duplicate[1], error.location.offset):
            break
        found.append(error)
        key, where = duplicate[1], error.location
    return found


_MAX_DUPLICATES = 200
_DUPLICATES_READ = 500_000  # (characters read again in all, about 2 s: a small script 100 times, a large file not)


@lru_cache(maxsize=1)
def _scalars() -> Any:

    return YAML(typ="safe", pure=True)


if _CLoader is not None:
    class _Composer(_CLoader):  # type: ignore[misc]
        """libyaml's composer without PyYAML's tag resolution, which it calls back into Python for
        on every node: ``_construct`` resolves plain scalars itself and reads no tag."""

        def descend_resolver(self, current_node: Any, current_index: Any) -> None:
            pass

        def ascend_resolver(self) -> None:
            pass

        def resolve(self, kind: Any, value: Any, implicit: Any) -> str:
            return ""


def _fast_parse(text: str, source: SourceText) -> tuple[Any, Origin] | None:
    # (the regex only when a tag or merge key can be there at all: most files have neither character)
    if _CLoader is None or (("!" in text or "<<" in text) and _TAG_OR_MERGE.search(text)):
        return None
    try:
        node = _ccompose(text, Loader=_Composer)
        origin = Origin(source)
        if node is None:
            return None, origin
        if "&" in text and "*" in text and _ANCHOR.search(text) and _has_alias(node):
            return None  # an alias may repeat a list, which the round-trip composer bounds before it is expanded
        if "\t" in text and not _tabs_quoted(node, text):
            return None  # libyaml takes a tab after 'key:', which the round-trip parser (and so --fix) refuses
        # a node's offset is libyaml's mark index, except where libyaml breaks lines at characters
        # SourceText does not (a lone CR, NEL, LS, PS): there it is SourceText.offset of its line and column
        start = _START_INDEX if _ODD_BREAKS.search(text) is None else _start_offset(source)
        return _construct(node, (), origin, start), origin
    except Exception:  # any parse problem: the round-trip path reports it, located
        return None


def _has_alias(node: Any) -> bool:
    """Whether a node of the document is met twice (an alias is its anchored node again): each
    node is visited once, so what aliases would repeat is never expanded. ('&amp;' in a text, or
    '&' and a '*' that is no alias, keep the fast path.)"""
    seen: set[int] = set()
    stack = [node]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            return True
        seen.add(id(node))
        if isinstance(node, _CMap):
            stack.extend(part for pair in node.value for part in pair)
        elif isinstance(node, _CSeq):
            stack.extend(node.value)
    return False


def _tabs_quoted(node: Any, text: str) -> bool:
    """Whether every tab of ``text`` is inside a quoted or block text, where both parsers read it as
    text; a tab anywhere else (after 'key:', indenting, in a plain text, a comment, a flow list)
    is for the round-trip parser, which refuses most of them, or reads them its own way."""
    if _ODD_BREAKS.search(text) is not None:
        return False  # (mark indexes are offsets only where breaks are '\n' and '\r\n')
    spans: list[tuple[int, int]] = []
    stack = [node]
    while stack:
        node = stack.pop()
        if isinstance(node, _CMap):
            stack.extend(part for pair in node.value for part in pair)
        elif isinstance(node, _CSeq):
            stack.extend(node.value)
        elif node.style in ("'", '"'):
            spans.append((node.start_mark.index, node.end_mark.index))
        elif node.style in ("|", ">") and (below := text.find("\n", node.start_mark.index)) >= 0:
            spans.append((below, node.end_mark.index))  # (its lines below the '|': ruamel refuses a tab on that line)
    spans.sort()
    starts = [begin for begin, _ in spans]
    at = text.find("\t")
    while at >= 0:
        i = bisect_right(starts, at) - 1
        if i < 0 or not spans[i][0] < at < spans[i][1]:
            return False
        at = text.find("\t", at + 1)
    return True


_ODD_BREAKS = re.compile("\r(?!\n)|[\x85\u2028\u2029]")


def _empty_value_at(text: str, at: int) -> int:
    """Where the round-trip parser puts the empty value of 'key:' (a None), libyaml putting it just
    after the ':' (``at``): where the next key or the end of its mapping is, past blank and comment lines."""
    if text[at - 1:at] != ":":
        raise _Unusual  # (an anchor with nothing after it, an explicit '? key'...)
    end, i = len(text), at
    while i < end and text[i] == " ":
        i += 1
    if i < end and text[i] == "#":
        raise _Unusual  # ('key: # note': ruamel keeps the comment with the ':' or the next token, by what follows)
    while i < end:
        if text[i] in " \r\n":
            i += 1
        elif text[i] == "#":
            i = text.find("\n", i)
            i = end if i < 0 else i
        elif text[i] in "?:" or text.startswith(("---", "..."), i):
            raise _Unusual  # (an explicit key or value, a document marker: their tokens end elsewhere)
        else:
            break
    return i


_START_INDEX = attrgetter("start_mark.index")
_RESOLVED = frozenset(("true", "false", "null"))  # see _scalar


def _start_offset(source: SourceText) -> Callable[[Any], int]:
    starts, size = source._line_starts, len(source.text)

    def offset(node: Any) -> int:  # SourceText.offset, for a node's start
        mark = node.start_mark
        line = mark.line
        return size if line >= len(starts) else min(starts[line] + mark.column, size)

    return offset


def _construct(node: Any, path: tuple[str | int, ...], origin: Origin, start: Callable[[Any], int]) -> Any:
    # (a quoted scalar or a plain word, the commonest, is read inline: _scalar gives the value itself)
    if type(node) is _CScalar:
        return _scalar(node)
    if len(path) >= MAX_NESTING // 2:
        raise _Unusual  # (deep nesting is the round-trip parser's to read, or refuse where it passes MAX_NESTING)
    if isinstance(node, _CMap):
        keys, values = origin.keys, origin.values
        out: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, _CScalar) or key_node.style in ("|", ">"):
                raise _Unusual
            key = key_node.value
            if not (key_node.style or (key[:1].isalpha() and key.lower() not in _RESOLVED)):
                key = str(_scalar(key_node))
            if key in out:
                raise _Unusual  # duplicate key: the round-trip parser words the error
            child = (*path, key)
            keys[child] = start(key_node)
            values[child] = start(value_node)
            if type(value_node) is _CScalar:
                value = value_node.value
                if value_node.style or (value[:1].isalpha() and value.lower() not in _RESOLVED):
                    out[key] = value
                elif value or node.flow_style or start is not _START_INDEX:
                    out[key] = _scalar(value_node)
                else:  # 'guidance:' in a block mapping: no value, placed where the round-trip parser places it
                    out[key] = None
                    values[child] = _empty_value_at(origin.source.text, values[child])
            else:
                out[key] = _construct(value_node, child, origin, start)
        return out
    if isinstance(node, _CSeq):
        values = origin.values
        items: list[Any] = []
        for i, item in enumerate(node.value):
            child = (*path, i)
            values[child] = start(item)
            if type(item) is _CScalar:
                value = item.value
                # ('- ' with nothing after it in a block list: None, at the end of its dash in both parsers)
                items.append(value if item.style or (value[:1].isalpha() and value.lower() not in _RESOLVED)
                             else None if not value and not node.flow_style and start is _START_INDEX
                             else _scalar(item))
            else:
                items.append(_construct(item, child, origin, start))
        return items
    if isinstance(node, _CScalar):
        return _scalar(node)
    raise _Unusual


def _scalar(node: Any) -> Any:
    value = node.value
    if node.style:  # quoted or block: always a string
        return value
    if not value:
        raise _Unusual  # "key:" with no value: the parsers place it differently; keep ruamel's
    if value[0].isalpha() and value.lower() not in _RESOLVED:
        return value  # YAML 1.2: only those words resolve to something other than a string
    yaml = _scalars()
    tag = yaml.resolver.resolve(RuamelScalarNode, value, (True, False))
    if tag == _STR_TAG:
        return value
    return yaml.constructor.construct_object(RuamelScalarNode(tag, value), deep=True)


# ruamel quotes both values of a duplicate key whole, which can be paragraphs
_DUPLICATE_VALUES = re.compile(r'(with value )"(.*)" (\(original value: )"(.*)"\)$', re.S)


def _excerpts(match: re.Match[str]) -> str:
    if match[2].startswith(("{", "[")) or match[4].startswith(("{", "[")):
        return ""  # (a block of settings, which ruamel shows as Python's dict: its line says more than that)
    return f'{match[1]}"{_excerpt(match[2])}" {match[3]}"{_excerpt(match[4])}")'


def _excerpt(text: str, limit: int = 40) -> str:
    """The start of ``text`` on one line, cut at a word within ``limit`` characters."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[:limit + 1].rsplit(" ", 1)[0] if " " in text[:limit + 1] else text[:limit]
    return cut.rstrip(" ,;:.") + "…"


_INDENTED_KEY = re.compile(r"[ ]+([\w.-]+)")  # a line's start up to the colon: only an indented key
# a line whose value starts with '{{' or '{%': "key: {{ x }}", "- {% if %}", "{{ x }}"
_TEMPLATE_START = re.compile(r"[ \t]*(?:-[ \t]+)?(?:[^\s#'\"{\[][^#\n]*?:[ \t]+)?(?=\{[{%])")


def _unquoted_template(text: str, line_start: int) -> tuple[int, str] | None:
    """Where a value starting with an unquoted template begins on the line at ``line_start``, and a
    hint with the line's value quoted; None when the line has no such value."""
    line = _rest_of_line(text, line_start)
    m = _TEMPLATE_START.match(line)
    if m is None:
        return None
    return line_start + m.end(), f"A value that starts with '{{' must be quoted, e.g. {_quoted(line, m.end())}."


_CURLY = {"\u201c": "\u201d", "\u2018": "\u2019"}  # “ ” and ‘ ’, as a word processor types quotes


# a line's key and the start of its value, if any: 'solution: text', '  - label: text', 'acknowledgment:'
_KEY_LINE = re.compile(r"(?P<indent>[ ]*)(?:-[ ]+)?(?P<key>[^\s#'\"{\[-][^#:]*):(?:[ ]+|$)")


def _owner_key(text: str, line_start: int) -> tuple[str, int] | None:
    """The key whose value the indented line at ``line_start`` goes on, and where that key's line
    starts: the nearest line above it that is indented less, if it is a key's line."""
    indent = len(_rest_of_line(text, line_start)) - len(_rest_of_line(text, line_start).lstrip(" "))
    above = line_start
    while above > 0 and indent > 0:
        above = text.rfind("\n", 0, above - 1) + 1
        line = _rest_of_line(text, above)
        if not line.strip():
            continue
        if len(line) - len(line.lstrip(" ")) < indent:
            found = _KEY_LINE.match(line)
            return (found["key"].strip(), above) if found is not None else None
    return None


def _continued_text(text: str, line_start: int, colon: int) -> tuple[str, str] | None:
    """When the line at ``line_start`` goes on a plain text begun on a key's line above it, that
    key and a hint to quote the whole text (shown on the key's line, one line, as YAML reads it)
    or make it a '>-' block; ``colon`` is the ': ' YAML failed on."""
    owner = _owner_key(text, line_start)
    if owner is None:
        return None
    key, key_start = owner
    key_line = _rest_of_line(text, key_start)
    value = _VALUE_START.match(key_line)
    if value is None or key_line[value.end():value.end() + 1] in ("", *_NOT_PLAIN_START):
        return None  # (the key's value is on the lines below, quoted or a block: not a text going on)
    key_indent = len(key_line) - len(key_line.lstrip(" "))
    words, at, pos = [key_line[value.end():].strip()], -1, key_start + len(key_line) + 1
    while pos < len(text):  # the text's lines: those indented past its key, up to the next key
        line = _rest_of_line(text, pos)
        if line.strip() and len(line) - len(line.lstrip(" ")) <= key_indent:
            break
        if pos <= colon < pos + len(line) + 1:  # (where the ': ' falls in the text as one line)
            at = value.end() + sum(len(w) + 1 for w in words) + colon - pos - (len(line) - len(line.lstrip()))
        words += [line.strip()] if line.strip() else []
        pos += len(line) + 1
    whole = key_line[:value.end()] + " ".join(words)
    line_no = text.count("\n", 0, key_start) + 1
    return key, (f"The text of '{key}' goes on from line {line_no}, so the ': ' is in it: quote the whole text, "
                 f"e.g. {_quoted(whole, value.end(), at if at >= 0 else None)}, or write '{key}: >-' and the text "
                 "on the lines below it, indented.")


_CURLY_OPENING = "\u201c\u201d\u201e\u2018\u2019\u00ab"  # “ ” „ ‘ ’ «: a quote a word processor typed


def _rest_of_line(text: str, start: int) -> str:
    """``text`` from ``start`` to the end of its line (without the line break)."""
    end = text.find("\n", start)
    return text[start:end if end >= 0 else len(text)]


def _quoted(line: str, start: int, at: int | None = None) -> str:
    """The line with its value, from ``start``, in double quotes: how the writer's own line is fixed
    (curly quotes around the value, typed as its quotes, dropped). A long value shows its two ends
    (where the quotes go) and, given column ``at``, the words around the part that needs them."""
    value, opened = line[start:].rstrip(), start
    if len(value) > 1 and _CURLY.get(value[0]) == value[-1]:
        value, opened = value[1:-1], start + 1
    if len(value) > _QUOTED_MAX and at is not None and _QUOTED_MAX // 2 - 10 < at - opened < len(value) - 30:
        value = _clip(value, at - opened)  # (its ': ' would fall in the cut between the two ends)
    elif len(value) > _QUOTED_MAX:  # (a pasted page on one line: its two ends show where the quotes go)
        head, tail = value[:_QUOTED_MAX // 2], value[-_QUOTED_MAX // 3:]
        value = f"{head.rsplit(' ', 1)[0]} \u2026 {tail.split(' ', 1)[-1]}"  # (whole words at both ends)
    value = value.replace("\\", "\\\\").replace('"', '\\"')
    return " ".join(filter(None, (line[:start].strip(), f'"{value}"')))


_QUOTED_MAX = 120  # characters of a value quoted whole in a hint


def _clip(line: str, at: int) -> str:
    """A writer's line as a hint shows it fixed: whole when short; when long (a pasted page on one
    line), its start, the words around column ``at`` (where the fix is) and its end, '…' between."""
    if len(line) <= _QUOTED_MAX:
        return line
    at = min(max(at, 0), len(line))
    spans: list[list[int]] = []
    for start, end in ((0, 50), (at - 30, at + 30), (len(line) - 30, len(line))):
        start, end = max(start, 0), min(end, len(line))
        if spans and start <= spans[-1][1] + 10:
            spans[-1][1] = max(spans[-1][1], end)
        else:
            spans.append([start, end])
    pieces = []
    for start, end in spans:
        piece = line[start:end]
        if start > 0 and " " in piece[:15]:
            piece = piece.split(" ", 1)[1]  # (whole words at a cut)
        if end < len(line) and " " in piece[-15:]:
            piece = piece.rsplit(" ", 1)[0]
        pieces.append(piece)
    return " \u2026 ".join(pieces)
# a fallback written as Zendesk's or Intercom's Liquid writes it, inside '{{ }}': '| fallback: "there"'
_LIQUID_FALLBACK = re.compile(r"\{\{[^{}]*\|\s*(?P<filter>fallback|default)\s*(?P<colon>:)\s*"
                              r"(?P<arg>'[^'{}]*'|\"[^\"{}]*\"|\w+)")


# where a line's value starts: after a dash and a key, if it has them
_VALUE_START = re.compile(r"[ \t]*(?:-[ \t]+)?(?:[^\s#'\"{\[][^#\n]*?:[ \t]+)?")


def _quote_template_hint(origin: Origin, path: tuple[str | int, ...]) -> str | None:
    """The hint to quote the value at ``path`` when it is a template YAML read as a mapping."""
    start = origin.values.get(path)
    if start is None:
        return None
    text = origin.source.text
    found = _unquoted_template(text, text.rfind("\n", 0, start) + 1)
    return found[1] if found is not None and found[0] == start else None


# what YAML reads a value starting with these characters as ('{{' is _unquoted_template's)
_INDICATORS = {"*": "a reference to an anchor", "@": "", "`": "", "%": "", "[": "a list", "{": "a mapping",
               ">": "the start of a block of text on the lines below", "|": "the start of a block of text on "
               "the lines below", "-": "a list item", "?": "a key", "&": "an anchor's name"}


def _indicator(mark: Any, text: str, source: SourceText) -> tuple[str, Location, str] | None:
    """A value that starts with a character YAML gives a meaning ('*Thanks* for waiting', '@Sam'),
    on the line where the error is: the problem, where, and the line quoted as the fix."""
    if mark is None:
        return None
    line_start = mark.index - mark.column
    line = _rest_of_line(text, line_start)
    value = _VALUE_START.match(line)
    first = line[value.end():value.end() + 1] if value is not None else ""
    if value is None or first not in _INDICATORS or value.end() > mark.column:
        return None
    if first in "[{" and line[value.end() + 1:value.end() + 2] in ("'", '"'):
        return None  # (['I get it', 'I see']: a list of quoted texts meant as one; the slip is inside it)
    meaning = _INDICATORS[first]
    hint = f"Quote the text: {_quoted(line, value.end())}."
    slot = re.match(r"[ \t]*(?:-[ \t]+)?(\w+):", line)
    if first == "-" and slot is not None and slot[1] in REPLY_SLOTS and line[value.end() + 1:value.end() + 2] == " ":
        # ('acknowledgment: - Being locked out...': variants meant, and quoting would send the '- ' to the customer)
        variant = _clip(line[value.end():].strip(), 0)
        hint = (f"For variants, write '{slot[1]}:' alone on its line and each variant on a line of its own under "
                f"it, indented: '  {variant}'. To send the '- ' to the customer too, quote the text: "
                f"{_quoted(line, value.end())}.")
    return (f"this value starts with '{first}', which YAML " + (f"reads as {meaning}" if meaning else "reserves"),
            source.location(line_start + value.end()), hint)


def _slip(exc: MarkedYAMLError, text: str, source: SourceText) -> tuple[str, Location, str] | None:
    """A writer's common slip said in a writer's words, where YAML's are its parser's states
    ("expected <block end>, but found '<block mapping start>'"): the problem, where, and the fix."""
    problem, mark, cmark = exc.problem or "", exc.problem_mark, exc.context_mark
    if mark is None:
        return None
    if cmark is not None and (problem == "found unexpected end of stream" or problem.endswith("'<stream end>'")):
        # a quote or bracket left open to the end of the file: said at the opening one, where the fix goes
        opener = text[cmark.index:cmark.index + 1]
        if exc.context == "while scanning a quoted scalar" and opener in ("'", '"'):
            return ("this quoted value has no closing quote: it runs on to the end of the file",
                    source.location(cmark.index), f"Add the closing {opener} where the text ends.")
        if opener in ("[", "{"):
            if (flow := _cut_flow(text, cmark.index, source)) is not None:
                return flow  # ('tags: [delivery, box #2]' on the last line: the comment took the ']')
            closer, what = ("]", "list") if opener == "[" else ("}", "mapping")
            where_ends = "the list ends" if opener == "[" else "it ends"
            return (f"this '{opener}' {what} has no closing '{closer}' before the end of the file",
                    source.location(cmark.index),
                    f"Add the '{closer}' where {where_ends}, or quote the text if the '{opener}' is part of it.")
    line_start = mark.index - mark.column
    backslash = text.rfind("\\", line_start, mark.index + 1) if _UNKNOWN_ESCAPE.match(problem) else -1
    if backslash >= 0:
        # 'I\'m sorry', '10\%' or 'C:\Users' in double quotes: YAML knows \n, \t, \" and a few more, nothing else
        line = _rest_of_line(text, line_start).rstrip()
        at, char = backslash - line_start, text[backslash + 1:backslash + 2]
        if char == "'":
            how, fixed = "An apostrophe needs no backslash inside double quotes", line[:at] + line[at + 1:]
        else:
            how, fixed = "Delete the backslash, or write it twice to keep it", line[:at] + "\\" + line[at:]
        return (f"'\\{char}' inside double quotes is not an escape YAML knows", source.location(backslash),
                f"{how}: {_clip(fixed.strip(), at - (len(fixed) - len(fixed.lstrip())))}")
    if problem == "expected <block end>, but found '<block mapping start>'":
        return ("this line is indented differently from the lines above it", source.location(mark.index),
                "Keys of one mapping start in the same column: line this one up with the keys above it (spaces only).")
    if problem == "expected <block end>, but found '<block sequence start>'":
        return ("this list item is indented differently from the one above it", source.location(mark.index),
                "Start each '- ' of a list in the same column.")
    if problem == "expected <block end>, but found '?'" and (item := _key_under_dash(text, mark, source)) is not None:
        return item
    quote = text[mark.index - 1:mark.index]
    line_start = mark.index - mark.column
    if problem == "expected <block end>, but found '<scalar>'" and not text[line_start:mark.index].strip() \
            and (cut := _cut_above(text, line_start)) is not None:
        # 'solution: box #2 of' over '  your order.': the comment ended the text, and this line is left over
        return (f"YAML reads ' #' as the start of a comment, so the text stops before "
                f"'{_excerpt(_rest_of_line(text, cut).rstrip(), 30)}' and the line under it is left over",
                source.location(cut), "Put the whole text in double quotes to keep the '#' in it "
                "(a comment here needs a line of its own).")
    if cmark is not None and (exc.context or "").startswith("while parsing a flow") \
            and (flow := _cut_flow(text, cmark.index, source)) is not None:
        return flow
    if problem == "expected <block end>, but found '<scalar>'" and not text[line_start:mark.index].strip():
        # a line of a '|' text less indented than its first: the text ended, and this line is no key
        return ("this line is indented differently from the lines above it", source.location(mark.index),
                "Indent every line of a text at least as far as its first line (spaces only).")
    if quote == "'" and text[mark.index - 2:mark.index - 1].isalnum() and text[mark.index:mark.index + 1].isalpha():
        # 'Shipping's late': the apostrophe closed the quotes
        opening = text.rfind("'", line_start, mark.index - 1)
        inner = _rest_of_line(text, opening + 1).rstrip()
        after = ""
        if opening >= 0 and exc.context is not None and exc.context.startswith("while parsing a flow") \
                and (item_end := re.compile(r"'(?=\s*[,\]}])").search(inner, mark.index - opening - 1)):
            # (['I see', 'I get why you'd like a break']: the item with the apostrophe ends at its quote)
            inner, after = inner[:item_end.end()], inner[item_end.end():]
        if opening >= 0 and inner.endswith("'"):
            fixed = text[line_start:opening].strip() + ' "' + inner[:-1].replace('"', '\\"') + '"' + after
            at = len(fixed) - len(inner) + mark.index - 1 - opening  # (the apostrophe, in the line fixed)
            return ("the apostrophe ends the single quotes the text starts with", source.location(mark.index - 1),
                    f"Use double quotes: {_clip(fixed.strip(), at)} (or write the apostrophe twice: '').")
    if problem == "expected <block end>, but found '<scalar>'" and (closed := _closed_early(text, mark)) is not None:
        return (f"this quote ends the quoted text that starts at column {closed[0] - line_start + 1}",
                source.location(closed[1]), closed[2])
    if problem.startswith("expected <block end>, but found") and quote in ("'", '"'):
        # a quote left open reads on to the next one, which closes it, and what follows that is the error
        opening = mark.index - 1
        while True:
            opening = text.rfind(quote, 0, opening)
            if opening <= 0 or text[opening - 1] != ("\\" if quote == '"' else "'"):
                break
            opening -= 1  # (an escaped or doubled quote is inside the text)
        closed_on = source.location(mark.index - 1).line
        if opening >= 0 and "\n" in text[opening:mark.index]:
            return (f"this quoted value is not closed on its line, so it runs on to the quote on line {closed_on}",
                    source.location(opening), "A quoted value is missing its closing quote.")
    if (cmark is not None and problem in ("could not find expected ':'", "expected <block end>, but found '<scalar>'")
            and (dash := _glued_dash(text, cmark.index - cmark.column, source)) is not None):
        return dash
    if problem == "could not find expected ':'" and cmark is not None:
        # 'solution:\u00a0text', pasted: a no-break space does not end a key
        nbsp = text.find(":\u00a0", cmark.index, mark.index)
        if nbsp >= 0:
            return ("a no-break space follows the ':'", source.location(nbsp + 1),
                    "Type an ordinary space after the ':'.")
        block = _block_not_indented(text, cmark.index - cmark.column)
        if block is not None:
            return _BLOCK_NOT_INDENTED, source.location(cmark.index), _BLOCK_INDENT_HINT.format(block)
        if cmark.column == 0:  # a line at the left edge that YAML began to read as a key
            line = _rest_of_line(text, cmark.index).rstrip()
            if (glued := re.match(r"([A-Za-z_][\w.-]*):(?=\S)", line)) is not None:  # 'solution:I will'
                return ("there is no space after the ':'", source.location(cmark.index + glued.end()),
                        f"Write it so: {_clip(glued[0] + ' ' + line[glued.end():], glued.end())}")
            first, _, rest = line.partition(" ")
            if first in _KNOWN_KEYS and rest.strip():  # 'solution I will'
                return (f"'{first}' has no ':' after it", source.location(cmark.index + len(first)),
                        f"Write it so: {_clip(first + ': ' + rest.strip(), len(first))}")
            return ("this line is neither a key with ':' nor indented under one", source.location(cmark.index),
                    "If it goes on with the text above, indent it; if it starts a new setting, put ':' after its key.")
    return None


_DASHED_KEY = re.compile(r"-([ \t]+)([^\s#'\"-][^#:\n]*):(?=[ \t]|$)", re.MULTILINE)


def _key_under_dash(text: str, mark: Any, source: SourceText) -> tuple[str, Location, str] | None:
    """'- name: day' over 'prompt: ...' in the column of its '- ' (YAML: "expected <block end>, but found
    '?'"): the key is outside the item it was meant for. The problem, where (the key), and how far to move it."""
    key = re.match(r"[^\s#'\"-][^#:\n]*(?=:)", text[mark.index:])
    end = mark.index - mark.column - 1
    while key is not None and end > 0:  # (up past the item's other lines, indented further, to its '- ')
        start = text.rfind("\n", 0, end) + 1
        line = text[start:end]
        indent = len(line) - len(line.lstrip(" "))
        if line.strip() and not line.lstrip().startswith("#") and indent <= mark.column:
            item = _DASHED_KEY.match(line, indent)
            if indent < mark.column or item is None:
                return None  # (a list of texts, or no list: the key is meant elsewhere)
            more = len(item[1]) + 1
            return (f"'{key[0].strip()}' is in the column of the '- ' on line {source.location(start).line}, "
                    "so it is not part of that item", source.location(mark.index),
                    f"Indent it {'two' if more == 2 else more} more spaces, in line with '{item[2].strip()}' "
                    "above it.")
        end = start - 1
    return None


def _cut_above(text: str, line_start: int) -> int | None:
    """Where a ' #' (or a '#' opening it) ends the plain text on the line above the one at
    ``line_start`` (blank lines between skipped), or None."""
    above_end = text.rfind("\n", 0, line_start)
    while above_end > 0 and not text[text.rfind("\n", 0, above_end) + 1:above_end].strip():
        above_end = text.rfind("\n", 0, above_end)
    if above_end <= 0:
        return None
    above = text.rfind("\n", 0, above_end) + 1
    line = text[above:above_end]
    value = _VALUE_START.match(line)  # (every line matches: each part is optional)
    at = value.end() if value is not None else 0
    indent = len(line) - len(line.lstrip())
    if line[at:at + 1] == "#" and at == indent:
        # a comment line where more of the text was: '#2 of your order' (one written as a comment, '# note', is one)
        return above + at if line[at + 1:at + 2].strip() and line[at + 1:at + 2] != "#" else None
    if line[at:at + 1] in _NOT_PLAIN_START or (at == indent and _in_block_text(text, above, indent)):
        return None
    cut = _PLAIN_CUT.search(line, at)
    return above + cut.end() - 1 if cut is not None else None


_PLAIN_CUT = re.compile(r"[ \t]#")
_BLOCK_START = re.compile(r"[|>][-+0-9]*[ \t]*(?:#.*)?$")


def _in_block_text(text: str, line_start: int, indent: int) -> bool:
    """Whether the line at ``line_start``, indented ``indent`` and holding no key, is a line of a '|' or '>'
    text (where '#' is text): the nearest line above it indented less ends with '|' or '>'. (200 lines back
    at most.)"""
    end = line_start - 1
    for _ in range(200):
        if end <= 0:
            return False
        start = text.rfind("\n", 0, end) + 1
        line = text[start:end].rstrip("\r")
        if line.strip() and len(line) - len(line.lstrip()) < indent:
            return _BLOCK_START.search(line.rstrip()) is not None
        end = start - 1
    return False


def _cut_flow(text: str, opening: int, source: SourceText) -> tuple[str, Location, str] | None:
    """A list or mapping in brackets ('tags: [delivery, box #2]') that a ' #' on its line left open:
    the comment took the rest of the line, ']' and all. The problem, where (the '#'), and the line with
    the item quoted."""
    bracket = text[opening:opening + 1]
    if bracket not in ("[", "{"):
        return None
    line_start = text.rfind("\n", 0, opening) + 1
    line = _rest_of_line(text, line_start).rstrip("\r")
    at = opening - line_start
    cut = _PLAIN_CUT.search(line, at)
    if cut is None or any(ch in line[at:cut.start()] for ch in "]}'\""):
        return None  # (closed before it, or quoted text: another slip)
    hash_at = cut.end() - 1
    item = max(line.rfind(",", at, hash_at), at) + 1
    ends = [i for i in (line.find(",", hash_at), line.find("]" if bracket == "[" else "}", hash_at)) if i >= 0]
    item_end = min(ends) if ends else len(line)
    written = line[item:item_end]
    if bracket == "{" and ": " in written:  # (the value of 'label: Refund #2')
        item += written.index(": ") + 2
        written = line[item:item_end]
    lead = len(written) - len(written.lstrip())
    fixed = f'{line[:item + lead]}"{written.strip()}"{line[item_end:]}' if '"' not in written else None
    what = "list" if bracket == "[" else "mapping"
    return (f"YAML reads ' #' as the start of a comment, so the {what} stops before "
            f"'{_excerpt(line[hash_at:], 30)}' and is never closed", source.location(line_start + hash_at),
            f"Quote the text: {_clip(fixed.strip(), hash_at)}." if fixed is not None else
            "Put the text with the '#' in single quotes.")


_GLUED_DASH = re.compile(r"([ \t]*)-(?=[^\s\d-])")  # '  -"I can see"', '  -Opening': no space after the dash
_GLUED_DASH_PROBLEM = "a '-' with no space after it does not start a list item: YAML reads it as text"


def _glued_dash(text: str, line_start: int, source: SourceText) -> tuple[str, Location, str] | None:
    """A list item whose '-' has no space after it, on the line at ``line_start``: the problem,
    where (its dash), and the line fixed."""
    dash = _GLUED_DASH.match(text, line_start)
    if dash is None:
        return None
    line = _rest_of_line(text, line_start).rstrip()
    indent = len(dash[1])
    return (_GLUED_DASH_PROBLEM, source.location(dash.end(1)),
            f"Put a space after the '-': {_clip('- ' + line[indent + 1:], 0)}")


def _check_glued_dashes(origin: Origin, errors: ErrorCollector) -> bool:
    """Whether a value under its key starts with a dash glued to its text. ('acknowledgment:' then
    '  -"I can see..."' and '  - "Opening..."' parses: one text, the two variants glued into it
    with their dash and quotes, sent to the customer as written.)"""
    text, found = origin.source.text, False
    for path, start in origin.values.items():
        if text[start:start + 1] != "-":
            continue
        key = origin.keys.get(path)
        if key is None or "\n" not in text[key:start]:
            continue  # (only a value on the lines under its key, as a list is written)
        line_start = text.rfind("\n", 0, start) + 1
        glued = _glued_dash(text, line_start, origin.source)
        if glued is not None and not text[line_start:start].strip():
            errors.add(f"YAML syntax error: {glued[0]}", glued[1], glued[2])
            found = True
    return found


# ('\%', '\''; '\U' and '\x' start a number in hex, so 'C:\Users' fails on the 's')
# a line that opens a block text: 'solution: >', '  - |-', '    - text: >2 # note'
_BLOCK_OPENER = re.compile(r"(?P<indent>[ \t]*)(?P<dash>-[ \t]+)?(?:(?P<key>[^\s#'\"-][^#:]*):[ \t]+)?[|>][-+0-9]*"
                           r"[ \t]*(?:#.*)?")


_BLOCK_NOT_INDENTED = "this text is not indented under the '|' or '>' above it, so that text is empty"
_BLOCK_INDENT_HINT = "Indent each line of the text further than {}."


def _block_not_indented(text: str, line_start: int) -> str | None:
    """What the line at ``line_start`` should be indented further than, when the line above it
    opens a '|' or '>' text and this one is not indented under it ('- >' with the text in the
    dash's column: YAML ends the text there, empty, and fails on the next line)."""
    above_end = text.rfind("\n", 0, line_start)
    while above_end > 0 and not text[text.rfind("\n", 0, above_end) + 1:above_end].strip():
        above_end = text.rfind("\n", 0, above_end)  # (blank lines between are part of the text)
    if above_end <= 0:
        return None
    above = text[text.rfind("\n", 0, above_end) + 1:above_end].rstrip("\r")
    opener = _BLOCK_OPENER.fullmatch(above)
    if opener is None or not (opener["dash"] or opener["key"]):
        return None
    # (the column of the key the text belongs to, or of the dash)
    owner = len(opener["indent"]) + (len(opener["dash"] or "") if opener["key"] else 0)
    indent = len(text[line_start:]) - len(text[line_start:].lstrip(" "))
    if indent > owner:
        return None
    return f"'{opener['key'].strip()}:'" if opener["key"] else "the '-' above it"


_UNKNOWN_ESCAPE = re.compile(r"found unknown escape character|expected escape sequence of \d+ hexdecimal numbers")


def _closed_early(text: str, mark: Any) -> tuple[int, int, str] | None:
    """'"We call it the "fast lane""': a quote inside a text quoted with the same kind closed it,
    and YAML stopped at the words after it. Where the quoted text opens, the quote that closed it,
    and the writer's line fixed."""
    line_start = mark.index - mark.column
    before = text[line_start:mark.index].rstrip()
    closing = line_start + len(before) - 1
    value = _VALUE_START.match(before)
    opening = line_start + value.end() if value is not None else -1
    quote = text[opening:opening + 1]
    if quote not in ("'", '"') or before[-1:] != quote or opening >= closing:
        return None
    inner = _rest_of_line(text, opening + 1).rstrip()
    if not inner.endswith(quote):
        return None  # (not closed on the line: another slip)
    inner, key = inner[:-1], text[line_start:opening].strip()
    other = "'" if quote == '"' else '"'
    if other not in inner:
        how, fixed = "Put the text in the other quotes", f"{other}{inner}{other}"
    elif quote == "'":
        how, fixed = "Write each ' inside the text twice", "'" + inner.replace("'", "''") + "'"
    else:
        how, fixed = 'Write each " inside the text as \\"', '"' + inner.replace('"', '\\"') + '"'
    written = ' '.join(filter(None, (key, fixed)))
    return opening, closing, f"{how}: {_clip(written, len(written) - len(fixed) + closing - opening)}"


_KNOWN_KEYS = frozenset((*Script.model_fields, *PackMeta.model_fields))


def _comment_hint(origin: Origin, path: tuple[str | int, ...]) -> str | None:
    """For a key (or a list item) with no value whose line goes on with '#': the text, read as a
    comment, quoted."""
    text = origin.source.text
    if path and isinstance(path[-1], int):  # ('- #1 worst feeling': the item's dash, then '#')
        start = origin.values.get(path)
        if start is None:
            return None
        line = _rest_of_line(text, text.rfind("\n", 0, start) + 1)
        comment = re.match(r"[ \t]*-[ \t]+(?=#)", line)
        after = "'- '"
    else:
        start = origin.keys.get(path)
        if start is None:
            return None
        line = _rest_of_line(text, start)
        comment = re.match(r"[^:#]+:[ \t]+(?=#)", line)
        after = "': '"
    if comment is None:
        return None
    return (f"'#' after {after} starts a comment, so YAML reads no text: quote it, "
            f"e.g. {_quoted(line, comment.end())}.")


_NULLS = frozenset(("null", "Null", "NULL", "~"))  # what YAML 1.2 reads as no value


def _null_hint(origin: Origin, path: tuple[str | int, ...]) -> str | None:
    """For a key (or a list item) with no value because its text is one YAML reads as none ('title:
    Null'): why, and the writer's line with it quoted."""
    written = _written(origin, path)
    if written not in _NULLS:
        return None
    start = origin.values[path]
    line_start = origin.source.text.rfind("\n", 0, start) + 1
    line = origin.source.text[line_start:start + len(written)]
    return f"YAML reads {written} as no value; quote it: {_quoted(line, start - line_start)}."


# a key's line whose value YAML read as a comment that reads as text: '#1 priority', '#thanks' (a
# '# ' with a space is a writer's comment, left to be one)
_COMMENT_TEXT = re.compile(r"[^:#\n]+:[ \t]+#[^\s#]")


def _check_comment_texts(data: Any, origin: Origin, errors: ErrorCollector) -> set[tuple[str | int, ...]]:
    """Keys left with no value because their text starts with '#', which YAML reads as a comment:
    'warm_language: #1 priority for us' lost its text without a word where the key may be empty
    (an optional slot, guidance, a channel's own text). Reported at the key; the paths said, so
    that validation does not say them again."""
    text, said = origin.source.text, set()
    for path, start in origin.keys.items():
        if value_at(data, path) is None and _COMMENT_TEXT.match(text, start) is not None:
            errors.add(f"'{path[-1]}' has no value", origin.location(path, key=True), _comment_hint(origin, path))
            said.add(path)
    return said


# the values that are text someone reads (the customer, the agent, whoever picks a macro by its name);
# a setting's (an id, a tag, a locale, a rule's) note after it is a comment, however it is written
_SCRIPT_TEXTS = re.compile(r"(?:by_channel/[^/]+/)?(?:acknowledgment|warm_language|solution)(?:/\d+)?|title"
                           r"|scenario|flexibility(?:/guidance)?|flexibility/(?:blanks/\d+/(?:prompt|example)"
                           r"|alternatives/\d+/(?:label|text)|conditions/\d+/(?:when|text))")
_PACK_TEXTS = re.compile(r"name|description|constants/[^/]+|placeholders/[^/]+/(?:description|sample|fallback|called)"
                         r"|channels/[^/]+/(?:greeting|signoff|separator)")
# where a plain text ends at a comment on its line: the spaces before the '#', and the comment
_CUT = re.compile(r"([ \t]+)#([^\n]*)")
# a comment written as one: after two spaces, with a space after its '#' (or nothing). (YAML refuses a tab
# before a comment after text)
_KEPT_COMMENT = re.compile(r"(?<![ ])[ ]{2,}#(?:[ \t]|$)")  # (from a run's first space: one pass over a run)
_COMMENT_HINT = "(A comment after text needs two spaces before its '# '.)"


def _reads_as_text(gap: str, comment: str, value: str) -> bool:
    """Whether a comment after a plain text (``value``; ``gap``: the spaces before its '#'; ``comment``:
    what follows the '#') reads as more of the text: a '#' glued to a word or number ('#2', '#FORKED10'),
    or, after one space, words that go on with the sentence ('box # 2 of 3', '# of boxes'). Two spaces
    and '# ', '# TODO', or a '# ' after a finished sentence ('...happened. # check with Sam') is a note."""
    first = comment[:1]
    if first and not first.isspace() and first != "#":
        return True
    words = comment.lstrip()
    return len(gap) == 1 and (words[:1].isdigit() or words[:1].islower()) and value.rstrip()[-1:] not in ".!?"


def _owner_column(text: str, origin: Origin, path: tuple[str | int, ...], start: int) -> int:
    """The column a plain text's further lines must be indented past: its key's, or its list item's dash's."""
    at = origin.keys.get(path)
    if at is None:
        line_start = text.rfind("\n", 0, start) + 1
        dash = text.rfind("-", line_start, start)
        at = dash if dash >= 0 else start
    return at - (text.rfind("\n", 0, at) + 1)


def _check_cut_texts(data: Any, origin: Origin, errors: ErrorCollector, texts: re.Pattern[str]) -> None:
    """Plain (unquoted) text that a ' #' ended: 'box #2 of your order hasn't arrived.' was 'box' in
    every preview and export, and check said nothing. YAML reads ' #' as a comment's start; one that
    reads as more of the text (``_reads_as_text``), on the text's line or a line of its own under it,
    is reported at its '#'. ``texts``: the paths ('solution', 'flexibility/guidance') holding text."""
    text = origin.source.text
    if "#" not in text:
        return
    if "\r" in text:
        text = lone_cr_as_newline(text)
    source = origin.source
    seen: set[int] = set()
    for path, start in origin.values.items():
        value = value_at(data, path)
        if not isinstance(value, str) or not value or texts.fullmatch("/".join(map(str, path))) is None \
                or start in seen:  # (an alias's value is where its anchor's is: said there once)
            continue
        seen.add(start)
        if text[start:start + 1] == "&" and (anchor := _ANCHOR_BEFORE.match(text, start)) is not None:
            start = anchor.end()  # ('title: &box Box #2': the text after its anchor's name)
        if text[start:start + 1] in _NOT_PLAIN_START:
            continue
        end = start + len(value) if text.startswith(value, start) else scalar_offsets(text, start, value)[-1] + 1
        name = f"variant {path[-1] + 1} of '{path[-2]}'" if isinstance(path[-1], int) else f"'{path[-1]}'"
        first, last = source.location(start).line, source.location(end).line
        cut = _CUT.match(text, end)
        if cut is not None and _reads_as_text(cut[1], cut[2], value):
            line_start = text.rfind("\n", 0, end) + 1  # (the text's last line: the one the comment is on)
            line = _rest_of_line(text, line_start).rstrip("\r")
            hash_at = cut.end(1) - line_start
            kept = _KEPT_COMMENT.search(line, hash_at + 1)  # (a note after it stays a note, out of the quotes)
            written = line[:kept.start()] if kept else line
            if first == last:
                quoted = _quoted(written, start - line_start) + (line[kept.start():] if kept else "")
                how = f"Quote the text to keep it all: {_clip(quoted, hash_at)}."
            else:
                how = _QUOTE_LINES.format(first, last)
            errors.add(f"YAML reads ' #' as the start of a comment, so {name} ends before "
                       f"'{_excerpt(written[hash_at:], 30)}'", source.location(cut.end(1)), f"{how} {_COMMENT_HINT}")
            continue
        # a line of its own under the text, indented as more of it, starting with a '#' glued to a word
        below = text.find("\n", end)
        after = _COMMENT_LINE.match(text, below + 1) if below >= 0 and not text[end:below].strip() else None
        if after is not None and len(after[1]) > _owner_column(text, origin, path, start):
            errors.add(f"YAML reads this line as a comment (it starts with '#'), so {name} ends on the line above",
                       source.location(after.end(1)),
                       f"{_QUOTE_LINES.format(first, last + 1)} (A comment needs a space after its '#'.)")


_ANCHOR_BEFORE = re.compile(r"&[^\s\[\]{},]+[ \t]+")
# a key whose value is only an anchor ('defaults: &d', its mapping below, for a '<<: *d' merge)
_ANCHOR_ONLY = re.compile(r"[^\n:#]+:[ \t]+&[^\s\[\]{},]+[ \t]*(?:#[^\n]*)?(?:\r?\n|\r|$)")
_ANCHOR_ONLY_HINT = ("A key only to hold an anchor is not allowed here: put the anchor on the first value it "
                     "repeats ('acknowledgment: &ack I know...', then '*ack'), or put shared text in pack.yaml "
                     "constants.")
_QUOTE_LINES = "Put the whole text, lines {} to {}, in double quotes to keep it all."
_COMMENT_LINE = re.compile(r"([ ]*)#[^\s#]")


def _colon_hint(origin: Origin, path: tuple[str | int, ...]) -> str:
    """The hint for text that YAML read as a key and a value: the writer's line, quoted from the value."""
    hint = "A ': ' inside the text makes YAML read a key and a value: quote the whole text"
    start = origin.values.get(path)
    if start is None:
        return hint + "."
    text = origin.source.text
    line_start = text.rfind("\n", 0, start) + 1
    return f"{hint}, e.g. {_quoted(_rest_of_line(text, line_start), start - line_start)}."


_DUPLICATE_KEY = re.compile(r'found duplicate key "(.*?)" with value')


def _duplicate_hint(key: str, text: str, mark: Any, mapping: Any, source: SourceText) -> str:
    """Where the key was first written (the same indentation, in the same mapping), and for a
    reply slot, that variants keep both texts."""
    hint = "Each key may appear once in a mapping"
    indent = text[mark.index - mark.column:mark.index]
    if not indent.strip():  # (the key starts its line)
        # (from the start of the mapping's line: its first key follows the indentation '^' needs before it)
        since = text.rfind("\n", 0, mapping.index) + 1 if mapping is not None else 0
        first = re.compile(rf"(?m)^{re.escape(indent)}{re.escape(key)}[ \t]*:").search(text, since, mark.index)
        if first is not None:
            hint += f"; the first '{key}' is on line {source.location(first.start()).line}"
    if key in REPLY_SLOTS:
        hint += f". To keep both texts, make them variants: one '{key}:' with a '- ' line for each"
    return hint + "."


def _yaml_hint(problem: str, after_colon: bool = False) -> str:
    if "mapping values are not allowed" in problem:
        return "A value containing ': ' must be quoted, e.g. title: \"Billing: refund\"."
    if "found character '\\t'" in problem:
        return "Put a space after the ':', not a tab." if after_colon else \
            "YAML does not allow tabs for indentation; use spaces."
    if "duplicate key" in problem:
        return "Each key may appear once in a mapping."
    if "quoted scalar" in problem:
        return "A quoted value is missing its closing quote."
    return "Check the indentation and quoting around this position."


def _index(node: Any, path: tuple[str | int, ...], origin: Origin,
           tagged: list[tuple[tuple[str | int, ...], str]] | None = None, merges: bool = False) -> None:
    """Record where each key and value starts, and (into ``tagged``) each value with a tag of its own; with
    ``merges``, a key a '<<:' merge brought in too, where its anchored mapping writes it (a pack's origins: a
    finding there points at that text. --fix's checks read each place by its own path, and leave them out)."""
    tag = getattr(getattr(node, "tag", None), "value", None)
    if tag is not None and tagged is not None and not (tag == _STR_TAG and isinstance(node, TaggedScalar)):
        tagged.append((path, tag))  # (YAML's own tag for text, '!!str', is read as text by plain_data)
    src = origin.source
    if isinstance(node, CommentedMap):
        for key in node:
            try:
                kl, kc = node.lc.key(key)
                vl, vc = node.lc.value(key)
            except (KeyError, TypeError):
                merged = _merged_position(node, key) if merges else None
                if merged is None:
                    continue
                (kl, kc), (vl, vc) = merged
            child = (*path, str(key))
            origin.keys[child] = src.offset(kl, kc)
            origin.values[child] = src.offset(vl, vc)
            _index(node[key], child, origin, tagged, merges)
    elif isinstance(node, CommentedSeq):
        for i, item in enumerate(node):
            try:
                il, ic = node.lc.item(i)
            except (KeyError, TypeError):
                continue
            origin.values[(*path, i)] = src.offset(il, ic)
            _index(item, (*path, i), origin, tagged, merges)


def _merged_position(node: CommentedMap, key: Any) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """Where a key that a '<<: *anchor' merge brought into ``node`` is written (its key and value), in the
    anchored mapping: a finding in its text points there, as one through a plain alias does."""
    for source in getattr(node, "merge", None) or ():
        if isinstance(source, CommentedMap) and key in source:
            try:
                return source.lc.key(key), source.lc.value(key)
            except (KeyError, TypeError):
                return _merged_position(source, key)
    return None


def plain_data(node: Any) -> Any:
    """ruamel's round-trip types -> plain Python (quoted strings become str)."""
    if isinstance(node, dict):
        return {str(k): plain_data(v) for k, v in node.items()}
    if isinstance(node, list):
        return [plain_data(v) for v in node]
    if isinstance(node, str):
        return str(node)
    if isinstance(node, TaggedScalar):  # ('!!str 100%': _index refuses any other tag)
        return str(node.value)
    return node


def _clean_loc(raw_loc: tuple[Any, ...], data: Any) -> tuple[tuple[str | int, ...], int | None, Any]:
    """Drop pydantic's union tags (``str``, ``list[str]``) from an error path, walking the data so a
    user's key that merely looks like a tag (``flexibilit[y``) is kept. Returns the path, where the
    first ``str | list[str]`` tag was (its index in the cleaned path) if any, and the value written
    there (None where the path leaves the data)."""
    loc: list[str | int] = []
    slot_tag: int | None = None
    tagged: Any = None
    current = data
    for part in raw_loc:
        in_dict = isinstance(current, dict) and part in current
        in_list = isinstance(current, list) and isinstance(part, int) and 0 <= part < len(current)
        if in_dict or in_list:
            current = current[part]
        elif isinstance(part, str) and ("[" in part or part in _UNION_TAGS):
            if slot_tag is None and part in ("str", "list[str]"):
                slot_tag, tagged = len(loc), current
            continue
        else:
            current = None
        loc.append(part)
    return tuple(loc), slot_tag, tagged


def _model_errors(exc: ValidationError, model: type[BaseModel], origin: Origin,
                  errors: ErrorCollector, prefix: tuple[str | int, ...] = (), data: Any = None,
                  said: set[tuple[str | int, ...]] | frozenset[tuple[str | int, ...]] = frozenset()) -> None:
    slot_types_reported: set[tuple[str | int, ...]] = set()  # (and constants: one message each)
    misspelled: set[tuple[str | int, ...]] = set()  # required keys that an unknown key is a typo of
    unknown, more_at = 0, None  # unknown keys: the first MAX_UNKNOWN_KEYS each, then how many more
    # unknown keys first, so a missing key that is only misspelled is reported once
    for err in sorted(exc.errors(), key=lambda e: e["type"] != "extra_forbidden"):
        loc, slot_tag, slot_value = _clean_loc(tuple(err["loc"]), data)
        path = (*prefix, *loc)
        kind = err["type"]
        if path in said or (slot_tag is not None and (*prefix, *loc[:slot_tag]) in said):
            continue  # (a text YAML read as a comment: said already, at its key)
        if model is PackMeta and path == ("placeholders",) and kind == "value_error":
            for name in data.get("placeholders", {}) if isinstance(data, dict) else ():
                if not is_placeholder_name(str(name)):  # (each at its key, with an example)
                    suggested = re.sub(r"\W+", "_", str(name).rsplit(".", 1)[-1].strip().lower()) or "field"
                    errors.add(f"placeholder name '{name}' must look like 'namespace.field'",
                               origin.location((*path, name), key=True),
                               f"Give it a namespace, e.g. order.{suggested}, and write it as "
                               f"{{{{ order.{suggested} }}}} in the scripts.")
            continue
        if model is PackMeta and len(path) == 2 and path[0] == "constants":
            # a constant is ``str | int | float | bool``: one message for it, not one per type
            if path not in slot_types_reported:
                slot_types_reported.add(path)
                errors.add(f"constant '{path[1]}' must be text or a number",
                           origin.location(path, key=err.get("input") is None),
                           _quote_template_hint(origin, path) or _null_hint(origin, path)
                           or "A constant is text or a number, "
                           "e.g. refund_days: 5; write lists and sentences into the scripts.")
            continue
        if slot_tag is not None and kind.endswith("_type"):
            # a slot is ``str | list[str]``: one message for the field, not one per union branch
            field = (*prefix, *loc[:slot_tag])
            if field not in slot_types_reported:
                slot_types_reported.add(field)
                if slot_value is None:  # "solution:" with nothing after it (an optional slot may be left so)
                    errors.add(f"'{field[-1]}' has no value", origin.location(field, key=True),
                               _comment_hint(origin, field) or _null_hint(origin, field)
                               or f"Write the text after '{field[-1]}:'.")
                    continue
                if isinstance(slot_value, list) and None in slot_value:  # "- " with no text: each at its dash
                    for i, item in enumerate(slot_value):
                        if item is None:
                            errors.add(f"variant {i + 1} of '{field[-1]}' is empty", origin.location((*field, i)),
                                       _comment_hint(origin, (*field, i)) or _null_hint(origin, (*field, i))
                                       or "Write text after the dash, or delete the line.")
                    continue
                if isinstance(slot_value, list) and any(isinstance(item, dict) for item in slot_value):
                    for i, item in enumerate(slot_value):  # ("- I know: it's late": each at its text)
                        if isinstance(item, dict):
                            errors.add(f"variant {i + 1} of '{field[-1]}' is read as a key and a value, not text",
                                       origin.location((*field, i)),
                                       _quote_template_hint(origin, (*field, i)) or _colon_hint(origin, (*field, i)))
                    continue
                template = _quote_template_hint(origin, field)
                mapping = isinstance(slot_value, dict) and template is None
                errors.add(f"'{field[-1]}' must be text, or a list of texts (one per variant)"
                           + (", not a mapping" if mapping else ""), origin.location(field), template
                           or (_colon_hint(origin, field) if mapping
                               else "Quote values that YAML reads as numbers or booleans."))
            continue
        if kind == "extra_forbidden":
            key = str(path[-1])
            start = origin.keys.get(path)
            text = origin.source.text
            block = (_block_not_indented(text, text.rfind("\n", 0, start) + 1)
                     if start is not None and " " in key else None)
            if block is not None:  # ('solution: >' over 'It left today: ...' at the left edge: a key, to YAML)
                errors.add(_BLOCK_NOT_INDENTED, origin.location(path, key=True), _BLOCK_INDENT_HINT.format(block))
                continue
            odd = re.match(f"[ ]*([{_ODD_SPACE}])", key)
            if odd is not None:  # ('\u00a0 guidance:' pasted: YAML took the no-break space for part of the key)
                errors.add(f"YAML syntax error: {_odd_space_name(odd[1])} indents this line",
                           origin.location(path, key=True),
                           "Delete the spaces at the start of the line and type ordinary ones: it was pasted "
                           "from a document or web page.")
                continue
            unknown += 1
            if unknown > MAX_UNKNOWN_KEYS:  # (10,000 keys: a pasted table, not typos; no suggestion each)
                if unknown == MAX_UNKNOWN_KEYS + 1:
                    more_at = origin.location(path, key=True)
                continue
            pack_setting = (_script_language_hint(key, err.get("input")) or _script_rules_hint(key, err.get("input"))
                            if model is Script and len(loc) == 1 else None)
            if pack_setting is not None:  # ('language: es' is no misspelt 'warm_language', 'rules:' no 'title:')
                errors.add(f"unknown key '{key}'", origin.location(path, key=True), pack_setting)
                continue
            options = _fields_at(model, loc[:-1])
            close = difflib.get_close_matches(key, options, n=1, cutoff=0.6)
            if not close and _KEY_SYNONYMS.get(key) in options:  # ('if:' for a condition's 'when:')
                close = [_KEY_SYNONYMS[key]]
            home = _home_of(key, model, loc) if not close else None
            if home is not None:
                misspelled.add((*prefix, key))  # (not also 'missing required key' for it)
            hint = (f"Did you mean '{close[0]}'?" if close else home
                    or (_ANCHOR_ONLY_HINT if start is not None and _ANCHOR_ONLY.match(text, start) else None)
                    or f"Known keys here: {', '.join(sorted(options))}.")
            if close:
                misspelled.add((*path[:-1], close[0]))
            errors.add(f"unknown key '{key}'", origin.location(path, key=True), hint)
        elif kind == "missing":
            key = str(path[-1])
            if path in misspelled:
                continue  # the unknown-key message already says how to fix it
            errors.add(f"missing required key '{key}'", origin.location(path[:-1], key=True),
                       f"Add '{key}:' to this {'item' if len(path) > 1 else 'script' if model is Script else 'file'}.")
        elif kind == "literal_error":  # (a channel's name: the one Literal of the models)
            value = str(err.get("input"))
            # ('SMS': the case alone, where difflib sees no likeness; 'text', 'twitter': a word for a channel that
            # spells none alike, read as an import reads it; else the nearest spelling)
            named = channel_named(value)
            close = [named] if named else difflib.get_close_matches(value.lower(), CHANNELS, n=1, cutoff=0.6)
            hint = (f"Did you mean '{close[0]}'? " if close else "") + \
                f"The channels are {', '.join(CHANNELS[:-1])} and {CHANNELS[-1]}."
            on_key = err["loc"][-1] == "[key]"  # a mapping's key (by_channel's and the layouts' channel names)
            errors.add(f"'{value}' is not a channel", origin.location(path, key=on_key), hint)
        elif kind == "string_pattern_mismatch":
            hint = ("Use lower-case letters, digits and '_', starting with a letter, e.g. "
                    f"{slug(str(err.get('input')), '_') or 'delay_reason'}."
                    if "blanks" in path else
                    "Use lower-case letters, digits, '-', '_' and '.', starting with a letter or digit"
                    + (f", e.g. {written}." if (written := slug(str(err.get("input")), "-")) else "."))
            errors.add(f"'{err.get('input')}' is not a valid {path[-1]}", origin.location(path), hint)
        elif kind == "too_short":
            errors.add(f"'{path[-1]}' needs at least one item", origin.location(path),
                       "List the channels this script is written for, e.g. [email, chat]."
                       if path[-1] == "channels" else None)
        elif kind in _WRONG_TYPE:
            wrong, how = _wrong_type(kind, path, err.get("input"), _written(origin, path))
            if model is PackMeta and path == ("channels",) and isinstance(err.get("input"), list):
                how = ("Here each channel names how its replies open and close, e.g. channels: {email: {greeting: "
                       "'Hi!'}}; a script lists the channels it is sent on in its own channels: [email, chat].")
            empty = err.get("input") is None and bool(path) and not isinstance(path[-1], int)
            if err.get("input") is None and path:  # ('title: #1 pick', '- #billing': a comment, not text)
                how = _comment_hint(origin, path) or _null_hint(origin, path) or how
            if kind == "string_type" and isinstance(err.get("input"), dict):
                how = _quote_template_hint(origin, path) or how
            if model is PackMeta and kind == "dict_type" and len(path) == 1 and not empty and how is None:
                how = _setting_example(str(path[0]), err.get("input"))
            errors.add(wrong, origin.location(path, key=empty), how)  # (a key without a value: at the key)
        elif kind == "model_type" and err.get("input") is None:  # "chat:" with nothing under it
            no_value, how = _wrong_type("dict_type", path, None)
            errors.add(no_value, origin.location(path, key=True), how)
        elif kind == "model_type":
            shorthand = " (or the agent's guidance as text)" if path == ("flexibility",) else ""
            how = f"Known keys here: {', '.join(sorted(_fields_at(model, loc)))}."
            if model is PackMeta and len(path) == 2 and path[0] == "placeholders" and isinstance(err.get("input"), str):
                how = (f"Put the text under description:, e.g. {path[1]}: "
                       f"{{description: {_excerpt(err['input'])}}}.")  # ('order.carrier: The delivery company')
            what = f"'{path[-1]}'"
            if isinstance(path[-1], int) and len(path) > 1:  # ('blanks: [item]': item 1 of a list, not '0')
                what = f"item {path[-1] + 1} of '{path[-2]}'"
                example = _ITEM_EXAMPLES.get(str(path[-2]))
                given = err.get("input")
                if example is not None:
                    how = example.format(_excerpt(given) if isinstance(given, str) else "...")
            errors.add(f"{what} must be a mapping of keys and values{shorthand}", origin.location(path), how)
        else:
            msg = err["msg"].removeprefix("Value error, ")
            errors.add(f"{'.'.join(map(str, path)) or 'document'}: {msg}", origin.location(path))
    if more_at is not None:
        errors.add(f"{unknown - MAX_UNKNOWN_KEYS:,} more unknown keys in this file, from here on (the first "
                   f"{MAX_UNKNOWN_KEYS} are listed one by one)", more_at,
                   "Was a table or another file pasted in? Take those lines out, then run check again.")


MAX_UNKNOWN_KEYS = 50  # unknown keys of one file reported one by one, each with its suggestion


_UNION_TAGS = {"str", "list[str]", "Flexibility", "int", "float", "bool"}

_WRONG_TYPE = {"list_type": "a list", "string_type": "text", "dict_type": "a mapping of keys and values",
               "bool_type": "true or false", "bool_parsing": "true or false"}
# an example of each list a script has; a single word given for a list of texts is put in brackets
_LIST_EXAMPLES = {"channels": "[email, chat]", "tags": "[billing, refund]", "ignore": "[SK104]",
                  "blanks": "[{name: delay_reason}]", "alternatives": "[{label: Refund, text: ...}]",
                  "conditions": "[{when: ..., text: ...}]"}
_TEXT_LISTS = ("channels", "tags", "ignore")


def _wrong_type(kind: str, path: tuple[str | int, ...], value: Any,
                written: str | None = None) -> tuple[str, str | None]:
    """The message and hint for a value of the wrong type: what the key takes, and how to write it
    (``written``: the value as its line writes it, 'version: 1.10' quoted as "1.10", not as the 1.1 read)."""
    item = bool(path) and isinstance(path[-1], int)
    key = str(path[-2] if item and len(path) > 1 else path[-1] if path else "document")
    subject = f"each item of '{key}'" if item else f"'{key}'"
    expected = _WRONG_TYPE[kind]
    if value is None:  # "key:" with nothing after it
        return (f"an item of '{key}' is empty" if item else f"'{key}' has no value",
                f"Write {expected} after {'the dash' if item else repr(key + ':')}, or delete the line.")
    if kind == "list_type":
        example = _LIST_EXAMPLES.get(key)
        message = f"{subject} must be a list" + (f", e.g. {example}" if example else "")
        if isinstance(value, str) and key in _TEXT_LISTS:
            how = "Put the items in brackets" if "," in value else "For one item, put it in brackets"
            return message, f"{how}: {key}: [{_excerpt(value)}]."
        return message, None if example else "Write it as [first, second], or one '- item' a line."
    if isinstance(value, list | dict):
        return f"{subject} must be {expected}, not {'a list' if isinstance(value, list) else 'a mapping'}", None
    if kind == "string_type" and isinstance(value, int | float):  # (bool is an int)
        shown = written if written is not None and '"' not in written else \
            str(value).lower() if isinstance(value, bool) else str(value)
        example = f'"{shown}"' if item else f'{key}: "{shown}"'
        return f"{subject} must be text", f"Quote a value that YAML reads as a number or true/false, e.g. {example}."
    return f"{subject} must be {expected}", None


def _setting_example(key: str, value: Any) -> str | None:
    """How a pack.yaml setting that takes a mapping is written, for one given as text or a list."""
    if key == "grammar" and isinstance(value, str | bool):  # ('grammar: local', as under rules:)
        mode = value if isinstance(value, str) else "off"
        return f"Write the mode under it: grammar: {{mode: {mode}}}."
    examples = {"rules": "Write the settings under it, e.g. rules: {ignore: [SK105]}.",
                "constants": "Write each constant as a name and its value, e.g. constants: {refund_days: 30}.",
                "placeholders": "Write each placeholder as its name and a description, e.g. "
                                "placeholders: {order.carrier: {description: The delivery company}}.",
                "grammar": "Write the settings under it, e.g. grammar: {mode: local}."}
    return examples.get(key)


# how one item of each list of mappings in a script is written, the writer's text put in its place
_ITEM_EXAMPLES = {
    "blanks": "Write each blank with its name and a prompt for the agent: - name: {0} (then, under it, "
              "prompt: What to fill in).",
    "alternatives": "Write each alternative with a label for the agent and its text: - label: When to use it "
                    "(then, under it, text: {0}).",
    "conditions": "Write each condition with when it applies and its text: - when: the customer asks (then, "
                  "under it, text: {0}).",
}
# a key written under another name a writer knows it by, where no spelling is close
_KEY_SYNONYMS = {"if": "when", "condition": "when", "title": "label", "name": "label", "description": "prompt",
                 "question": "prompt", "label": "prompt"}


def _misnamed_scripts_dir(root: Path) -> Path | None:
    """A folder beside pack.yaml named almost 'scripts' ('Scripts', 'script') that holds YAML files:
    where the writer put the scripts, under a name scriptkit does not read."""
    try:
        folders = sorted(p for p in root.iterdir()
                         if p.is_dir() and p.name != SCRIPTS_DIR and not p.name.startswith("."))
    except OSError:
        return None
    for folder in folders:
        name = folder.name.lower()
        if name == SCRIPTS_DIR or difflib.SequenceMatcher(None, name, SCRIPTS_DIR).ratio() >= 0.8:
            try:
                if any(p.suffix.lower() in (".yaml", ".yml") for p in folder.iterdir()):
                    return folder
            except OSError:  # (a folder we may not read is not where the writer put the scripts)
                continue
    return None


def _home_of(key: str, model: type[BaseModel], loc: tuple[Any, ...]) -> str | None:
    """Where a key in the wrong place belongs, when it is a script's key written one level off:
    'guidance:' at the left edge under an empty 'flexibility:', or 'solution:' indented under it."""
    if model is not Script:
        return None
    if len(loc) == 1 and key in Flexibility.model_fields:
        return (f"'{key}' belongs under 'flexibility:': indent it two spaces under that key "
                "(and the lines that go with it).")
    if loc[:1] == ("flexibility",) and len(loc) == 2 and key in Script.model_fields:
        return f"'{key}' is a key of the script itself: move it to the left edge, in line with 'id:' and 'title:'."
    return None


def _fields_at(model: type[BaseModel], loc: tuple[Any, ...]) -> list[str]:
    """Field names of the (nested) model that ``loc`` points into."""
    current: Any = model
    mapping_key_next = False  # after a dict[str, Model] field comes a free key (channels: email:)
    for part in loc:
        if isinstance(part, int) or current is None or mapping_key_next:
            mapping_key_next = False
            continue
        field = getattr(current, "model_fields", {}).get(part)
        if field is None:
            return []
        mapping_key_next = getattr(field.annotation, "__origin__", None) is dict
        current = _model_in(field.annotation)
    return list(getattr(current, "model_fields", {})) if current else []


def _model_in(annotation: Any) -> Any:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()) or ():
        found = _model_in(arg)
        if found is not None:
            return found
    return None


def _build(model: type[BaseModel], data: Any, origin: Origin, errors: ErrorCollector,
           what: str, said: set[tuple[str | int, ...]] | frozenset[tuple[str | int, ...]] = frozenset()) -> Any:
    if data is None:  # (nothing but comments, or nothing at all)
        lines = [line.strip() for line in origin.source.text.splitlines() if line.strip()]
        comments = bool(lines) and all(line.startswith("#") for line in lines)
        if model is PackMeta:
            errors.add("pack.yaml holds only comments" if comments else "pack.yaml is empty", origin.source.location(0),
                       "Give the pack its settings, at least its name: name: Our support replies")
        else:
            errors.add("the file holds only comments" if comments else "the file is empty", origin.source.location(0),
                       "Write a script below them (`scriptkit init` makes an example), or delete the file."
                       if comments else "Write a script in it (`scriptkit init` makes an example), or delete it.")
        return None
    if isinstance(data, list) and model is not PackMeta:  # (several scripts written as a list)
        errors.add("this file is a list ('- ' at the start), where a script is keys and values",
                   origin.source.location(0), "A file holds one script: write its keys at the start of the lines, "
                   "without '- ', and put any other script in a file of its own.")
        return None
    if not isinstance(data, dict):
        errors.add(f"{what} must be a YAML mapping of keys to values", origin.source.location(0),
                   "Start the file with 'key: value' lines (see `scriptkit init`).")
        return None
    # the fast parse gives plain data already (a plain dict at the top); round-trip types need converting
    plain = data if type(data) is dict else plain_data(data)
    try:
        return model.model_validate(plain)
    except ValidationError as exc:
        _model_errors(exc, model, origin, errors, data=plain, said=said)
        return None


@dataclass(frozen=True)
class LinkOut:
    """A file of a pack reached through a link out of the pack and out of the repository that holds it
    (``link_out``): ``link`` is the link that leads out (the file, a folder holding it, or the pack folder),
    ``real`` where the file is, ``in_repository`` whether the pack is in a git repository."""

    link: Path
    pack: Path
    real: str
    in_repository: bool

    @property
    def outside(self) -> str:
        """What the link leads out of, as an error says it: a pack folder that is a link leads out of its
        repository alone; a pack in no repository has none."""
        if self.link == self.pack:
            return "its repository"
        return "the pack and its repository" if self.in_repository else "the pack (which is in no git repository)"

    def said(self, path: str) -> tuple[str, str]:
        """What the link of script file ``path`` is and what to do instead, as check's and --fix's errors say it
        (the script itself, or a folder holding it: not the pack folder)."""
        from scriptkit.reporters import display_path

        if self.link == Path(os.path.abspath(path)):
            return f"this script is a link to {self.real}", "copy the script into the pack in place of the link"
        return (f"the folder {display_path(str(self.link))} holding this script is a link to "
                f"{os.path.realpath(self.link)}", "copy that folder into the pack in place of the link")


def link_out(path: str) -> LinkOut | None:
    """Where ``path``, a file in a pack, leads out of the pack and out of the repository that holds the pack
    through a link; None for one its pack or repository holds (a script shared by two packs of one repository, a
    link to ../shared/refund.yaml) and for a file in no pack (``check reply.yaml``: the file asked for)."""
    from scriptkit.reporters import work_tree

    written = Path(os.path.abspath(path))
    pack = next((folder for folder in written.parents if (folder / PACK_FILE).is_file()), None)
    if pack is None:
        return None
    root = work_tree(str(pack))  # (the pack, in no repository)
    real, bound = os.path.realpath(written), os.path.realpath(root)
    if os.path.commonpath([real, bound]) == bound:
        return None
    link = next((p for p in (written, *written.parents) if p.is_symlink()), written)
    return LinkOut(link, pack, real, root != str(pack))


def _linked_out(path: Path, errors: ErrorCollector, display: str | None) -> bool:
    """Whether script file ``path`` is a link (or in a folder linked) out of its pack and its repository, said as
    an error at it: it is not read. Read, a link in a pull request (scripts/x.yaml -> ~/.config/secrets.yaml) had
    check quote the other file's values into the CI log; --fix refuses to write such a file for the same reason.
    The pack folder itself may be a link: it is the folder asked for."""
    if os.path.realpath(path) == os.path.abspath(path):  # (no link on the way: most files, a cheap test)
        return False
    out = link_out(str(path))
    # (a path that resolves otherwise with no link on it, a Windows drive letter or short name, is no link out)
    if out is None or out.link in (out.pack, *out.pack.parents) or not _is_link(out.link):
        return False
    if not os.path.isfile(out.real):  # (a device, a pipe, nothing: the reader says which, reading none of it)
        return False
    what, instead = out.said(str(path))
    errors.add(f"{what}, outside {out.outside}: it is not read, so that no file from elsewhere is quoted in the report",
               Location(display or str(path), 1, 1), f"Move or {instead}, or delete the link.")
    return True


def load_script(path: Path, errors: ErrorCollector, display: str | None = None) -> Script | None:
    script, _ = _load_script(path, errors, display)
    return script


def _load_script(path: Path, errors: ErrorCollector,
                 display: str | None = None) -> tuple[Script | None, tuple[dict[str, Any], Origin] | None]:
    """The script, or (when it fails validation) its raw mapping so its templates can still be checked."""
    if _linked_out(path, errors, display):
        return None, None
    parsed = read_yaml(path, errors, display)
    if parsed is None:
        return None, None
    data, origin = parsed
    _check_file_name(path, data, origin, errors)
    if _check_glued_dashes(origin, errors):  # (said alone: 'tags must be a list' would follow from it)
        return None, None
    said = _check_comment_texts(data, origin, errors)
    _check_cut_texts(data, origin, errors, _SCRIPT_TEXTS)
    script = _build(Script, data, origin, errors, "A script file", said)
    _check_private_use(origin, errors)
    if isinstance(data, dict):
        # (on the text as written, valid or not: a mistake elsewhere in the script hides none of these)
        plain = data if type(data) is dict else plain_data(data)
        _check_own_channels(plain, origin, errors)
        _check_blank_variants(plain, origin, errors)
        _check_split_sentences(plain, origin, errors)
        _check_twice(plain, origin, errors)
        _check_used_as_written(plain, origin, errors)
        _check_id_names_a_file(plain, origin, errors)
    if script is not None:
        script._origin = origin
        return script, None
    return None, ((plain_data(data), origin) if isinstance(data, dict) else None)


def _check_id_names_a_file(data: dict[str, Any], origin: Origin, errors: ErrorCollector) -> None:
    # every export names a file by the id ('zendesk/macros/con.json'), as import names the script's: one Windows
    # cannot create failed there, or at the export folder ('File name too long'), after check had passed
    script_id = data.get("id")
    if not isinstance(script_id, str) or not is_script_id(script_id):
        return  # (validation's to report)
    problem = id_file_problem(script_id)
    if problem is not None:
        shorter = script_id[:MAX_SCRIPT_ID_LENGTH].rstrip("-._")
        renamed = script_id.rstrip(".") if script_id.endswith(".") else f"{script_id.split('.')[0]}-reply"
        errors.add(problem, origin.location(("id",)),
                   f"Rename it, e.g. id: {renamed} (and the file, if it is named alike)."
                   if len(script_id) <= MAX_SCRIPT_ID_LENGTH else
                   f"Shorten it to {MAX_SCRIPT_ID_LENGTH} characters or fewer, e.g. id: {shorter[:60]}.")


def _check_file_name(path: Path, data: Any, origin: Origin, errors: ErrorCollector) -> None:
    # a pack is a repository cloned on every system, and Windows cannot hold a file named for a device
    # ('con.yaml') or with a character it keeps ('what?.yaml'): the clone stopped there, whatever the id says
    device = path.name.split(".")[0].lower()
    kept = _WINDOWS_KEPT.search(path.name)
    if device in WINDOWS_DEVICE_NAMES:
        script_id = data.get("id") if isinstance(data, dict) else None
        if isinstance(script_id, str) and script_id.split(".")[0].lower() == device and id_file_problem(script_id):
            return  # (the id's own error says to rename the file named alike)
        problem = f"the file name '{path.name}' is a name Windows keeps for a device, so the pack cannot be " \
                  "cloned there"
    elif kept is not None:
        problem = f"the file name '{path.name}' holds {kept.group(0)!r}, which Windows does not allow in a file " \
                  "name, so the pack cannot be cloned there"
    else:
        return
    renamed = f"{device}-reply" if device in WINDOWS_DEVICE_NAMES else slug(path.stem, "-") or "reply"
    errors.add(problem, Location(origin.source.path, 1, 1), f"Rename it, e.g. {renamed}{path.suffix}.")


#: the characters Windows does not allow in a file name (and those below a space)
_WINDOWS_KEPT = re.compile(r'[<>:"|?*\\\x00-\x1f]')


def _check_private_use(origin: Origin, errors: ErrorCollector) -> None:
    # rendering marks source positions with private-use characters; text may not carry them
    text = origin.source.text
    found = None if text.isascii() else _PRIVATE_USE.search(text)
    if found:
        errors.add("private-use character U+%04X is not allowed in a script" % ord(found.group(0)),
                   origin.source.location(found.start()), "Delete it; it is usually pasted by mistake.")


_PRIVATE_USE = re.compile("[\ue000-\uf8ff]")


def _channels_written(data: dict[str, Any]) -> list[str] | None:
    """The script's channels as written, when each is one scriptkit knows (a script without any is
    sent by email); None where they are not (that mistake is validation's to report)."""
    channels = data.get("channels", ["email"])
    if not isinstance(channels, list) or not channels or not all(c in CHANNELS for c in channels):
        return None
    return channels


def _channel_texts(data: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """by_channel's entries for channels scriptkit knows, each a mapping (others are validation's)."""
    own = data.get("by_channel")
    return {c: v for c, v in own.items() if c in CHANNELS and isinstance(v, dict)} if isinstance(own, dict) else {}


def _check_own_channels(data: dict[str, Any], origin: Origin, errors: ErrorCollector) -> None:
    # text for a channel the script is not sent on would never be rendered, linted or exported
    channels = _channels_written(data)
    if channels is None:
        return  # (a misspelt channel: by_channel's may well be the one meant)
    for channel in _channel_texts(data):
        if channel not in channels:
            errors.add(f"by_channel has text for '{channel}', which is not one of the script's channels "
                       f"({', '.join(channels)})", origin.location(("by_channel", channel), key=True),
                       f"Add {channel} to channels, or remove its by_channel entry.")


_TEMPLATE_TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{\{|\{%")

# the prompt `scriptkit import` writes for a placeholder it could not map: "Was {{ author }} in the
# original (placeholder in a style scriptkit cannot map ({{ … }})). Fill it in or replace it."
_IMPORTED_PROMPT = (" in the original (", "). Fill it in or replace it.")
# text the agent or the helpdesk reads as written, never rendered: what it is called, and its path
_AS_WRITTEN = (("blanks", "prompt", "a blank's prompt"), ("blanks", "example", "a blank's example"),
               ("alternatives", "label", "an alternative's label"), ("conditions", "when", "a condition's 'when'"))


def _check_used_as_written(data: dict[str, Any], origin: Origin, errors: ErrorCollector) -> None:
    """'{{ }}' or '{% %}' in text used as written: the title (the macro's name), and the agent's
    notes beside a reply (a blank's prompt and example, an alternative's label, a condition's
    'when'), which went to every export with the braces in them."""
    title = data.get("title")
    if isinstance(title, str) and (found := _TEMPLATE_TAG.search(title)) is not None:
        errors.add(f"the title is used as written, so '{found[0]}' would not be filled in",
                   origin.location(("title",)),
                   "Write the value itself: constants and placeholders work in the reply's text only.")
    flexibility = data.get("flexibility")
    if not isinstance(flexibility, dict):
        return
    for part, key, what in _AS_WRITTEN:
        items = flexibility.get(part)
        for i, item in enumerate(items if isinstance(items, list) else ()):
            text = item.get(key) if isinstance(item, dict) else None
            if key == "prompt" and isinstance(text, str) and text.startswith("Was ") and \
                    text.endswith(_IMPORTED_PROMPT[1]) and _IMPORTED_PROMPT[0] in text:
                continue  # (the import's note of what the original held, braces and all: the audit reads it)
            if isinstance(text, str) and (found := _TEMPLATE_TAG.search(text)) is not None:
                errors.add(f"{what} is used as written (the agent reads it), so '{found[0]}' would not be filled in",
                           origin.location(("flexibility", part, i, key)),
                           "Write it in words: constants and placeholders are filled in the reply's text only.")


def _check_twice(data: dict[str, Any], origin: Origin, errors: ErrorCollector) -> None:
    # a channel listed twice was rendered and exported twice; a blank declared twice kept one prompt
    channels = data.get("channels")
    seen: set[str] = set()
    for i, channel in enumerate(channels if isinstance(channels, list) else ()):
        if not isinstance(channel, str) or channel not in CHANNELS:
            continue
        if channel in seen:
            errors.add(f"'{channel}' is listed twice in channels", origin.location(("channels", i)),
                       "Delete the second one.")
        seen.add(channel)
    seen.clear()
    flexibility = data.get("flexibility")
    blanks = flexibility.get("blanks") if isinstance(flexibility, dict) else None
    for i, blank in enumerate(blanks if isinstance(blanks, list) else ()):
        name = blank.get("name") if isinstance(blank, dict) else None
        if not isinstance(name, str):
            continue
        if name in seen:
            errors.add(f"blank '{name}' is declared twice",
                       origin.location(("flexibility", "blanks", i, "name")),
                       "Give each blank its own name, or delete the second one.")
        seen.add(name)


def _check_blank_variants(data: dict[str, Any], origin: Origin, errors: ErrorCollector) -> None:
    # a blank variant among others: a reply without that slot, picked at random. (A slot left empty
    # on purpose, or not yet written, is the linter's: SK301 and SK401 point at its key.)
    for path, value in _slot_lists(data):
        if isinstance(value, list) and not all(not (isinstance(item, str) and item.strip()) for item in value):
            for i, item in enumerate(value):
                if isinstance(item, str) and not item.strip():
                    errors.add(f"variant {i + 1} of '{path[-1]}' is empty", origin.location((*path, i)),
                               "Write text after the dash, or delete the line.")


def _check_split_sentences(data: dict[str, Any], origin: Origin, errors: ErrorCollector) -> None:
    # 'acknowledgment: [I understand the wait is frustrating, and I'm sorry.]': YAML's list in brackets ends an
    # item at each comma, so one sentence became two phrasings, each sent alone, and no finding said so. A
    # phrasing of a reply starts as a sentence does: one in brackets, unquoted, that starts in lower case after
    # a comma is the rest of the sentence before it.
    text = origin.source.text
    for path, value in _slot_lists(data):
        if not isinstance(value, list):
            continue
        for i, item in enumerate(value):
            at = origin.values.get((*path, i))
            if i == 0 or at is None or not isinstance(item, str) or not item[:1].islower():
                continue
            before = text[:at].rstrip()
            if before.endswith(",") and text[at:at + 1] not in ("'", '"'):
                errors.add(f"'{path[-1]}' is a list in brackets, so YAML splits it at each comma: '{_excerpt(item)}' "
                           f"is read as a phrasing of its own, apart from the words before it",
                           origin.location((*path, i)),
                           "Quote the whole sentence to keep it one text (\"...\"), or write each phrasing as a "
                           "'- ' item of its own.")
                break


def _slot_lists(data: dict[str, Any]) -> list[tuple[tuple[str | int, ...], Any]]:
    """Each reply slot's value, the script's and each channel's own (``by_channel``), by its path."""
    lists: list[tuple[tuple[str | int, ...], Any]] = [((slot,), data.get(slot)) for slot in REPLY_SLOTS]
    return lists + [(("by_channel", channel, slot), own.get(slot)) for channel, own in _channel_texts(data).items()
                    for slot in REPLY_SLOTS]


def _check_separators(meta: PackMeta, origin: Origin, errors: ErrorCollector) -> None:
    # "" or "-" between the parts prints "Hi!I can see...": no rule reads the joins
    for channel, layout in meta.channels.items():
        separator = layout.separator
        if separator is not None and not (separator[:1].isspace() and separator[-1:].isspace()):
            errors.add(f"the {channel} separator does not start and end with a space or line break, "
                       "so it glues the reply's parts together",
                       origin.location(("channels", channel, "separator")),
                       'Use " " or "\\n", or put spaces around it, e.g. " - ".')


def salvage_meta(data: Any, fallback: PackMeta) -> PackMeta:
    """The valid settings of a pack.yaml that failed validation (already reported).

    Keeps its constants and placeholders so scripts are not blamed for a typo elsewhere in pack.yaml.
    """
    if not isinstance(data, dict):
        return fallback
    try:
        return _salvaged(data, fallback)
    except ValidationError:  # (what is kept was each valid alone; together, the defaults will do)
        return fallback


def _salvaged(data: dict[str, Any], fallback: PackMeta) -> PackMeta:
    kept: dict[str, Any] = {"name": fallback.name}

    def valid(key: str, value: Any) -> bool:
        try:
            PackMeta.model_validate({**kept, key: value})
        except ValidationError:
            return False
        return True

    def valid_entry(key: str, name: str, entry: Any) -> bool:
        return valid(key, {name: entry})

    stand_ins: dict[str, str] = {}  # placeholders without a namespace, standing in as constants
    fields = list(PackMeta.model_fields)
    for key, value in plain_data(data).items():
        meant = meant_key(str(key), fields, data, kept)
        if meant is None:
            continue
        key = meant
        if valid(key, value):
            kept[key] = value
        elif isinstance(value, dict) and isinstance(getattr(fallback, key, None), dict):
            # constants, placeholders, layouts: keep the valid entries ('name: {}' is no such setting)
            kept[key] = {}
            for name, entry in value.items():
                if valid(key, {name: entry}):
                    kept[key][name] = entry
                elif isinstance(entry, dict):
                    # a layout or placeholder with a misspelt key ('sigoff:'): its other keys are checked still
                    # (a broken greeting beside the typo was reported only on the next run), the typo as the
                    # key it stands for
                    part = _valid_part(entry, _fields_at(PackMeta, (key, name)),
                                       partial(valid_entry, key, name))
                    if part:  # (an empty layout would stand in for the channel's default one)
                        kept[key][name] = part
            # an entry whose value is wrong keeps its name (with a stand-in value), so the scripts
            # that use it are not told it is unknown; a placeholder without a namespace stands in
            # as a constant, the bare name the scripts use
            stand_in = {"constants": "", "placeholders": {}}.get(key)
            for name in value.keys() - kept[key].keys():
                if stand_in is not None and valid(key, {name: stand_in}):
                    kept[key][name] = stand_in
                elif key == "placeholders" and str(name).isidentifier():
                    stand_ins[name] = ""  # (beside ``kept``: a key PackMeta does not have fails every later check)
    constants = {**stand_ins, **kept.get("constants", {})}
    return PackMeta.model_validate({**kept, "constants": constants} if constants else kept)


def meant_key(key: str, fields: list[str], *written: Mapping[str, Any]) -> str | None:
    """The field ``key`` of a mapping that failed validation stands for: itself, or the field it is a typo of
    ('constans:', reported with "Did you mean") when no mapping of ``written`` has that field already."""
    if key in fields:
        return key
    close = difflib.get_close_matches(key, fields, n=1, cutoff=0.6)
    if not close or any(close[0] in mapping for mapping in written):
        return None
    return close[0]


def _valid_part(entry: dict[str, Any], fields: list[str], valid: Callable[[dict[str, Any]], bool]) -> dict[str, Any]:
    """The keys of ``entry`` (a mapping that failed validation) that ``valid`` accepts, each read as the field it
    stands for (``meant_key``)."""
    part: dict[str, Any] = {}
    for key, value in entry.items():
        meant = meant_key(str(key), fields, entry, part)
        if meant is not None and valid({**part, meant: value}):
            part[meant] = value
    return part


SCRIPT_PATTERN = "*.y*ml"
# (not a hidden name: editors' swap and backup files, macOS's ._ files from a zip, .git). Any case:
# Windows saves 'Refund.YAML', which Windows and macOS read as a script, so every system does.
_SCRIPT_NAME = re.compile(r"(?!\.)" + fnmatch.translate(SCRIPT_PATTERN), re.IGNORECASE)


def _script_files(folder: Path, packs: list[str] | None = None, saved_as_text: list[str] | None = None,
                  unreadable: list[OSError] | None = None, loops: list[str] | None = None) -> list[str]:
    """Every entry below ``folder`` named like a YAML file in any case, as strings, without hidden
    files and folders (a name starting with '.'), in path order (as ``sorted`` orders Paths). A link
    to a folder is gone into, as a link to a file is read (several packs share a folder of scripts),
    except one that leads back to a folder it is in (listed in ``loops``) or into a folder already
    read (its scripts are read once). Nor any pack.yaml, or folder below one
    holding a pack.yaml (another pack): their pack.yaml files go into ``packs``. Files named like
    a script saved as text ('refund.yaml.txt') go into ``saved_as_text``; a folder that cannot be
    listed (no permission to read it), the error, into ``unreadable`` (os.walk skips it without a word).

    By ``os.walk``, and strings rather than Paths: pathlib's recursive glob makes a Path for
    every entry it passes (5x slower on 10,000 files), and making a Path of each file found was
    still most of the rest (the load workers make them, in parallel).
    """
    found: list[str] = []
    join, match, islink, realpath = os.path.join, _SCRIPT_NAME.match, os.path.islink, os.path.realpath
    read_trees = [realpath(folder)]  # the real folders gone into, each with all below it
    for parent, folders, files in os.walk(folder, onerror=None if unreadable is None else unreadable.append,
                                          followlinks=True):
        if PACK_FILE in files:
            if packs is not None:
                packs.append(join(parent, PACK_FILE))
            if parent != str(folder):  # another pack: none of its files are this pack's scripts
                folders[:] = []
                continue
        # (in name order, so of two links to one folder the first in path order is the one gone into)
        folders[:] = sorted(name for name in folders if name[:1] != ".")  # not entered
        found += [join(parent, name) for name in (*folders, *files) if match(name) and name != PACK_FILE]
        if any(islink(join(parent, name)) for name in folders):  # (nearly always none: one lstat a folder)
            folders[:] = [name for name in folders
                          if not islink(join(parent, name)) or _enter_link(join(parent, name), read_trees, loops)]
        if saved_as_text is not None:
            saved_as_text += [join(parent, name) for name in files if _SAVED_AS_TEXT.search(name)]
    return _in_path_order(found)


def _enter_link(link: str, read_trees: list[str], loops: list[str] | None) -> bool:
    """Whether to go into the linked folder ``link``: not when it leads to a folder it is in (os.walk would go
    round for ever; the link goes into ``loops``), nor into a folder already read (its scripts would be read
    twice, each a duplicate id). A folder it leads to is added to ``read_trees``."""
    real = os.path.realpath(link)
    if os.path.commonpath([real, os.path.realpath(os.path.dirname(link))]) == real:
        if loops is not None:
            loops.append(link)
        return False
    if any(os.path.commonpath([real, tree]) == tree for tree in read_trees):
        return False
    read_trees.append(real)
    return True


def _inside_the_pack(root: Path, files: list[str]) -> tuple[list[str], list[str]]:
    """``files`` apart: those to read, and links out of the pack to a file that is no YAML file, which are not
    read, so that no message quotes a file no script could be (a CI job's secrets, '.env', '/proc/self/environ').
    A link to another folder's script ('../shared/refund.yaml', shared by several packs) is read; one to a device
    is left to the reader, which says what it is."""
    links = [f for f in files if os.path.islink(f)]  # (nearly always none: one lstat a file)
    if not links:
        return files, []
    real_root = os.path.realpath(root)
    outside = set()
    for link in links:
        real = os.path.realpath(link)
        if os.path.commonpath([real, real_root]) != real_root and os.path.isfile(real) \
                and not real.lower().endswith((".yaml", ".yml")):
            outside.add(link)
    return [f for f in files if f not in outside], [f for f in files if f in outside]


# 'refund.yaml.txt': a script Notepad saved as text, shown as 'refund.yaml' where Windows hides
# the extension; left out of the pack without a word
_SAVED_AS_TEXT = re.compile(r"\.ya?ml\.txt$", re.IGNORECASE)


_SCRIPT_KEYS = re.compile(r"(?m)^(?:acknowledgment|solution)\s*:")


def _scripts_beside(root: Path) -> list[Path]:
    """YAML files next to pack.yaml that read like scripts (other YAML, a CI file, is left alone)."""
    found: list[Path] = []
    try:  # (a pack folder that may be entered but not listed: its pack.yaml and scripts/ are read all the same)
        entries = sorted(root.iterdir())
    except OSError:
        return found
    for path in entries:
        if path.name == PACK_FILE or not _SCRIPT_NAME.match(path.name) or not path.is_file():
            continue
        head = _head(path, MAX_FILE_BYTES)
        if head is not None and _SCRIPT_KEYS.search(head):
            found.append(path)
    return found


def _head(path: Path, size: int) -> str | None:
    """The first ``size`` bytes of a file as text, or None where it cannot be read."""
    try:
        with path.open("rb") as handle:
            return handle.read(size).decode("utf-8", "replace")
    except OSError:
        return None


_SCRIPT_ID = re.compile(r"(?m)^id\s*:")
# folders that hold no script of the pack: tools' and packages' own
_NOT_SEARCHED = frozenset(("node_modules", "__pycache__", "venv", "site-packages"))
_SEARCH_DEPTH = 3  # (a misplaced script is a folder or two down: 'drafts/', 'script/billing/')


def _scripts_elsewhere(root: Path) -> list[Path]:
    """YAML files in a folder of the pack other than scripts/ ('script/', 'drafts/', 'Scripts/' beside it)
    that read like scripts (an 'id:' and a slot): check and export leave them out, so they are said.
    Not searched: hidden folders ('.git'), another pack's (a pack.yaml), an export's (its marker file),
    tools' folders (node_modules, a virtualenv), or deeper than a few levels."""
    from scriptkit.exporting import MARKER  # (exporting imports this module)

    try:
        scripts = os.stat(root / SCRIPTS_DIR)
    except OSError:
        scripts = None
    found: list[Path] = []
    for folder, folders, files in os.walk(root):
        here = Path(folder)
        depth = len(here.relative_to(root).parts)
        if depth:
            try:  # (on a case-blind disk 'Scripts' is scripts/ itself, read already)
                same = scripts is not None and os.path.samestat(os.stat(here), scripts)
            except OSError:
                same = True
            if same or any((here / name).exists() for name in (PACK_FILE, MARKER, "pyvenv.cfg")):
                folders.clear()
                continue
            for name in sorted(files):
                if _SCRIPT_NAME.match(name) and (head := _head(here / name, 65536)) is not None \
                        and _SCRIPT_ID.search(head) and _SCRIPT_KEYS.search(head):
                    found.append(here / name)
        folders[:] = sorted(name for name in folders if not name.startswith(".") and name not in _NOT_SEARCHED) \
            if depth < _SEARCH_DEPTH else []
    return found


def _listing(folder: Path) -> list[str] | None:
    """The names in ``folder``, or None where it may not be listed."""
    try:
        return os.listdir(folder)
    except OSError:
        return None


def _in_path_order(files: Iterable[str]) -> list[str]:
    """The paths as ``sorted`` orders them as Paths: where paths are case-sensitive, Path orders
    them by their parts, which a sort by the parts split at the separator gives (without making
    a Path of each)."""
    if os.path.normcase("A") != "A":
        return [str(path) for path in sorted(map(Path, files))]
    return sorted(files, key=lambda path: path.split(os.sep))


def _duplicate_id_hint(*files: str | Path) -> str:
    """How to fix an id used twice: a file named as a copy is said to be one (pack-format.md says so too)."""
    copy = next((Path(f).name for f in files if named_as_a_copy(Path(f).stem)), None)
    if copy is not None:
        return f"'{copy}' looks like a copy: delete the copy or move it out of {SCRIPTS_DIR}/."
    return "Give every script a unique id."


def pack_of(script_file: Path) -> Path | None:
    """The pack folder whose scripts folder holds ``script_file`` (at any depth, there or not yet), if any:
    relative when ``script_file`` is, as the pack's other paths are (its pack.yaml's errors said it whole)."""
    for folder in script_file.resolve().parents:
        if (folder / PACK_FILE).is_file():
            scripts = folder / SCRIPTS_DIR
            if scripts not in script_file.resolve().parents:
                return None
            try:
                return folder if script_file.is_absolute() else Path(os.path.relpath(folder))
            except ValueError:  # (Windows: on another drive than the working folder, so only the whole path)
                return folder
    return None


_LOCALE = re.compile(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*")  # en, en-US, pt_BR, zh-Hant-TW
# a region as people write it after or before a language name: "British English", "english (uk)"
_REGIONS = {"british": "GB", "uk": "GB", "gb": "GB", "england": "GB", "britain": "GB", "american": "US", "us": "US",
            "usa": "US", "america": "US", "australian": "AU", "australia": "AU", "canadian": "CA", "canada": "CA",
            "irish": "IE", "ireland": "IE", "brazilian": "BR", "brazil": "BR", "portugal": "PT"}
# a region's adjective says the language too, when no language is named ("British" is English)
_REGION_LANGUAGES = {"GB": "en", "US": "en", "AU": "en", "CA": "en", "IE": "en", "BR": "pt"}
_ADJECTIVES = ("british", "american", "australian", "canadian", "irish", "brazilian")


def _meant_locale(locale: str) -> str | None:
    """The language code ``locale`` most likely means: 'en-GB' for 'British English' or 'english (uk)'."""
    words = re.findall(r"[a-z]+", locale.lower())
    by_name = {name.lower(): code for code, name in NAMES.items()}
    language = next((by_name[w] for w in words if w in by_name), None)
    region = next((_REGIONS[w] for w in words if w in _REGIONS), None)
    if language is None:  # ("British" says English; "en US" is left to be written as the code it nearly is)
        language = next((_REGION_LANGUAGES[_REGIONS[w]] for w in words if w in _ADJECTIVES), None)
    if language is None:
        return None
    if region is None and "european" in words:  # (European Portuguese, Spanish, French: the European country's)
        region = {"pt": "PT", "es": "ES", "fr": "FR", "en": "GB"}.get(language)
    return f"{language}-{region}" if region else LOCALES[language]


# codes written for what they are not: 'UK' for the United Kingdom, whose region code is GB, and a
# country's code for its language ('jp-JP'), neither of which any helpdesk or language check knows
_NOT_REGIONS = {"UK": ("GB", "the United Kingdom's region code is GB")}
_NOT_LANGUAGES = {"jp": ("ja", "Japan"), "cn": ("zh", "China"), "dk": ("da", "Denmark"), "gr": ("el", "Greece"),
                  "cz": ("cs", "the Czech Republic"), "ua": ("uk", "Ukraine")}
# the language codes a locale may start with: those Python's own locale table knows ('de', 'pt', 'fil', 'yue'),
# so that 'zz-ZZ', 'xx' or 'tlh' is not taken as a pack's language ('the' and 'C' are no languages)
_KNOWN_LANGUAGES = frozenset(code for code in (alias.split(".")[0].split("@")[0].split("_")[0]
                                               for alias in locale_alias.values()) if code.islower()) - {"the"}
# a language as its own speakers name it, for the code meant ('Deutsch' is de-DE)
_ENDONYMS = {"deutsch": "de-DE", "français": "fr-FR", "francais": "fr-FR", "español": "es-ES", "espanol": "es-ES",
             "castellano": "es-ES", "português": "pt-BR", "portugues": "pt-BR", "italiano": "it-IT",
             "nederlands": "nl-NL", "svenska": "sv-SE", "dansk": "da-DK", "norsk": "nb-NO", "suomi": "fi-FI",
             "polski": "pl-PL", "türkçe": "tr-TR", "русский": "ru-RU", "українська": "uk-UA", "ελληνικά": "el-GR",
             "日本語": "ja-JP", "中文": "zh-CN", "한국어": "ko-KR"}
# a region ISO 3166 leaves to private use ('ZZ', 'XX', 'QM' to 'QZ', 'XA' to 'XZ', 'AA'): no country's
_PRIVATE_REGION = re.compile(r"AA|Q[M-Z]|X[A-Z]|ZZ")


def _written_as_code(language: str, rest: list[str]) -> str:
    """A locale's parts as a language code is written: 'en-US', 'zh-Hant-TW', 'es-419'."""
    return "-".join([language.lower(), *(part.title() if len(part) == 4 and part.isalpha()
                                         else part.upper() if len(part) == 2 else part for part in rest)])


def locale_mistake(locale: str, *, as_written: bool = True) -> tuple[str, str | None] | None:
    """Why ``locale`` is no language code, and the code most likely meant: ``(why, meant)``, or None for a code.

    The one judgement of a locale, shared by ``init --locale`` and pack.yaml's ``locale:``, each wording it its
    own way. ``why`` follows "is not a language code": '' when it is not even shaped like one ('Deutsch'),
    ": 'zz' is no language's code", " as written" ('EN', 'en_us'). ``as_written=False`` takes a code in other
    case or with '_' ('en_GB'): pack.yaml has always loaded those, read as the code, while init writes the file."""
    if not _LOCALE.fullmatch(locale):
        words = re.findall(r"[^\W\d_]+", locale.lower())
        return "", _meant_locale(locale) or next((_ENDONYMS[w] for w in words if w in _ENDONYMS), None)
    language, *rest = re.split(r"[-_]", locale)
    code = _NOT_LANGUAGES.get(language.lower(), (language.lower(),))[0]
    region = rest[0].upper() if rest and len(rest[0]) == 2 and rest[0].isalpha() else None
    written = _written_as_code(code, rest)
    if code not in _KNOWN_LANGUAGES:
        return f": '{language}' is no language's code", None
    if language.lower() in _NOT_LANGUAGES:
        country = _NOT_LANGUAGES[language.lower()][1]
        return f": '{language}' is {country}'s country code; its language is '{code}'", \
            written if rest else LOCALES.get(code, code)
    if region in _NOT_REGIONS:
        return f": {_NOT_REGIONS[region][1]}", _written_as_code(code, [_NOT_REGIONS[region][0], *rest[1:]])
    if region is not None and _PRIVATE_REGION.fullmatch(region):
        return f": '{rest[0]}' is no country's code", LOCALES.get(code)
    if as_written and written != locale:  # ('EN', 'en_us', 'DE-de': the helpdesks expect 'en-US')
        return " as written", written if rest else LOCALES.get(code, written)
    return None


_SCRIPT_LANGUAGE_KEYS = frozenset({"language", "lang", "locale", "languages", "langs", "locales"})


def _script_language_hint(key: str, value: object) -> str | None:
    """What to do with a script's 'language:' or 'locale:': a script has none of its own, as the pack's locale sets
    the language of all its scripts (and of their exports); None for any other key."""
    if key.lower() not in _SCRIPT_LANGUAGE_KEYS:
        return None
    written = _written_language(value)
    if _LOCALE.fullmatch(written):
        language, *region = re.split(r"[-_]", written)
        locale = written if region else LOCALES.get(language.lower())
    else:
        locale = _meant_locale(written) if written else None
    return ("A script has no language of its own: the 'locale:' in pack.yaml sets the language of all the pack's "
            "scripts. Delete this line, and keep the scripts in this language in a pack of their own, with "
            f"locale: {locale or 'es-ES'} in its pack.yaml.")


def _script_rules_hint(key: str, value: object) -> str | None:
    """What to do with a script's 'rules:' block (copied from pack.yaml): a script's one rule setting is its own
    'ignore:' list, the others are the pack's; None for any other key."""
    if key.lower() != "rules":
        return None
    ignored = value.get("ignore") if isinstance(value, dict) else None
    listed = ", ".join(map(str, ignored)) if isinstance(ignored, list) else ignored if isinstance(ignored, str) else ""
    example = f"ignore: [{listed}]" if listed else "e.g. ignore: [SK203]"
    return (f"A script's own rule setting is 'ignore:', the rules switched off for it alone: write {example} "
            "at the left edge, in line with 'id:'. The other rule settings (select, severity, options, custom) "
            "are set for the whole pack, under 'rules:' in pack.yaml.")


def _written_language(value: object) -> str:
    """The language a script's 'language:' names: its text, or a list's first ('languages: [es]')."""
    if isinstance(value, list):
        value = next((item for item in value if isinstance(item, str)), "")
    return value.strip() if isinstance(value, str) else ""


def _restate_own_locale(invalid: list[tuple[dict[str, Any], Origin]], meta: PackMeta, errors: ErrorCollector) -> None:
    """A script's 'language: en-US' in a pack whose locale is en-US is told the key is not needed: the hint said
    without the pack (keep such scripts in a pack of their own, with locale: en-US) sent it where it is."""
    pack_language, *pack_region = re.split(r"[-_]", meta.locale.strip().lower())
    for data, origin in invalid:
        for key, value in data.items():
            if str(key).lower() not in _SCRIPT_LANGUAGE_KEYS or (isinstance(value, list) and len(value) != 1):
                continue
            language, *region = re.split(r"[-_]", _written_language(value).lower())
            if language != pack_language or (region and region[:1] != pack_region[:1]):
                continue
            said = "pack.yaml" if "locale" in meta.model_fields_set else "the default, as pack.yaml gives none"
            where = origin.location((key,), key=True)
            for error in errors.errors:
                if error.location == where and error.message == f"unknown key '{key}'":
                    error.hint = (f"The pack's locale is already {meta.locale} ({said}), and it sets the language of "
                                  "all its scripts: this key is not needed. Delete this line.")


def _check_locale(meta: PackMeta, origin: Origin, errors: ErrorCollector) -> None:
    # 'locale: English' was taken as a language called 'english': the English rules stood down for
    # every reply, and the exports told the helpdesk that language ('en-UK', 'zz-ZZ' too)
    mistake = locale_mistake(meta.locale.strip(), as_written=False)
    if mistake is None:
        # ('en_gb' loads as the code it stands for: the rules, the grammar server and every export read 'en-GB')
        language, *rest = re.split(r"[-_]", meta.locale.strip())
        if (written := _written_as_code(language, rest)) != meta.locale:
            meta.locale = written
        return
    why, meant = mistake
    # (shaped like a code: 'Write de-DE: ...'; not: 'Did you mean 'de-DE'? Write a language code ...')
    advice = f"Write {meant}: " if why and meant else \
        (f"Did you mean '{meant}'? " if meant else "") + "Write a language code with its region, such as en-US, " \
        "en-GB or de-DE: "
    errors.add(f"locale '{meta.locale}' is not a language code{why}", origin.location(("locale",)),
               advice + "the helpdesk exports and the language checks read it.")


class _Written:
    """A constant's number as the writer typed it: printed so, and the number in a sum or a comparison."""

    written: str

    def __new__(cls, value: float, written: str) -> Any:
        number = super().__new__(cls, value)  # type: ignore[call-arg]  # (int's or float's, after this one)
        number.written = written
        return number

    def __str__(self) -> str:
        return self.written

    def __reduce__(self) -> tuple[Any, ...]:  # (to a worker process and back, written and all)
        return type(self), (type(self).__mro__[2](self), self.written)


class WrittenInt(_Written, int):
    """A whole number as written ('freephone: 08001234567', 'postcode: 01234'; ``{{ postcode + 1 }}`` counts)."""


class WrittenFloat(_Written, float):
    """A number as written ('fee: 4.50', 'limit: 1e3'; ``{{ fee * 2 }}`` and ``{% if fee > 4 %}`` count)."""


def _constants_as_written(data: Any, origin: Origin) -> dict[str, int | float]:
    """Each constant YAML reads as a number it cannot print as written, or as a date, as the writer wrote it:
    'freephone: 08001234567' was the number 8001234567 in every reply and export, 'fee: 4.50' was 4.5, '+4420...'
    lost its '+', '1e3' was 1000.0, and a date was refused. A constant is text to print, and what the writer
    typed is what they mean; a number still counts as one in a template's sum or comparison (``WrittenInt``,
    ``WrittenFloat``); a date is its text. A number that prints as written, such as 30 or 2.5, stays as read.
    The dates are put in ``data`` (the model takes text); the numbers are returned, to put in the model built
    (which would make them plain numbers again)."""
    constants = data.get("constants") if isinstance(data, dict) else None
    numbers: dict[str, int | float] = {}
    if not isinstance(constants, dict):
        return numbers
    for name, value in list(constants.items()):
        if isinstance(value, bool) or not isinstance(value, int | float | date):
            continue
        written = _written(origin, ("constants", str(name)))
        if written is None:
            continue  # (quoted, tagged or a block: YAML read it as written)
        if not isinstance(value, date):
            printed = str(int(value)) if isinstance(value, int) else str(float(value))
            if written == printed:
                continue
        again = _scalars().resolver.resolve(RuamelScalarNode, written, (True, False)) if written else None
        if str(again) not in _NUMBER_TAGS:
            continue  # (the value is not the one written on its line: left as YAML read it)
        if isinstance(value, date):
            constants[name] = written
        else:
            numbers[str(name)] = WrittenInt(value, written) if isinstance(value, int) else WrittenFloat(value, written)
    return numbers


def _written(origin: Origin, path: tuple[str | int, ...]) -> str | None:
    """The plain (unquoted) value at ``path`` as its line writes it, or None for a quoted one, a block,
    a tag or an alias."""
    start = origin.values.get(path)
    text = origin.source.text
    if start is None or text[start:start + 1] in _NOT_PLAIN_START:
        return None
    return _PLAIN_END.split(_rest_of_line(text, start), 1)[0].rstrip() or None


_NUMBER_TAGS = frozenset(f"tag:yaml.org,2002:{kind}" for kind in ("int", "float", "timestamp"))
# where a plain value on its line ends: a comment, or the ',' or bracket after it in [...] or {...}
_PLAIN_END = re.compile(r"[ \t]#|[,\]}]")


def _read_meta(root: Path, errors: ErrorCollector) -> tuple[PackMeta, Origin | None, bool]:
    """The pack's settings from ``root``'s pack.yaml, where it is, and whether it could not be read at all."""
    parsed = read_yaml(root / PACK_FILE, errors)
    meta, pack_origin = PackMeta(name=root.name), None
    if parsed is not None:
        data, pack_origin = parsed
        numbers = _constants_as_written(data, pack_origin)
        said = _check_comment_texts(data, pack_origin, errors)
        _check_cut_texts(data, pack_origin, errors, _PACK_TEXTS)
        built = _build(PackMeta, data, pack_origin, errors, "pack.yaml", said)
        meta = built or salvage_meta(data, meta)
        meta.constants.update((name, value) for name, value in numbers.items() if name in meta.constants)
        _check_separators(meta, pack_origin, errors)
        _check_locale(meta, pack_origin, errors)
    return meta, pack_origin, parsed is None  # (there, but not YAML)


def load_pack(path: str | Path, *, jobs: int | None = None) -> Pack:
    """Load and validate a pack folder (or a single script file: one inside a pack's scripts folder
    is loaded with that pack's settings, alone, and ``Pack.partial`` says so).

    Raises ``PackError``/``ErrorGroup`` listing every problem found, each with ``file:line:col``.
    Templates are checked too (syntax, undefined names, undeclared blanks). ``jobs``: worker
    processes that parse the script files of a large pack (None = one per CPU, 1 = none).
    """
    from scriptkit.linting import check_argument

    check_argument(path, (str, os.PathLike), "load_pack", "the pack", "a folder's path (or one script file's)",
                   "It is loaded already: pass it on as it is." if isinstance(path, Pack) else None)
    path = os.fspath(path)
    if isinstance(path, bytes):  # (a bytes path: os.PathLike may give one)
        path = os.fsdecode(path)
    try:
        return _load_pack(Path(path), jobs)
    except OSError as exc:  # (a path the system refuses: too long, or a folder above it that may not be opened)
        raise path_error(exc, path, PackError) from None


def load_readable_part(path: str | Path, *, jobs: int | None = None) -> tuple[Pack, ScriptkitError | None]:
    """The pack, and None; or, when every problem is inside some of its script files, the pack of its
    other scripts (``Pack.partial``) and the problems. A report can then hold the other scripts'
    findings beside them: one broken script made a CI report of SK000 alone, and code scanning closed
    every other alert. Raises as ``load_pack`` does when the pack's settings or folder are at fault."""
    part: list[Pack] = []
    try:
        return _load_pack(Path(os.fspath(path)), jobs, part), None
    except ScriptkitError as exc:
        if not part:
            raise
        return part[0], exc
    except OSError as exc:
        raise path_error(exc, os.fspath(path), PackError) from None


def _unreadable_folder(exc: OSError) -> tuple[str, Location, str]:
    """A folder of scripts that cannot be listed, as a located error (its scripts are not read)."""
    folder = exc.filename if isinstance(exc.filename, str) else ""
    return (f"cannot read the folder {folder}: {exc.strerror or exc}, so its scripts are not read",
            Location(folder, 1, 1), f"Give yourself permission to list and open it (chmod u+rx {folder}), "
            "or move its scripts into a folder you may read.")


def _load_pack(root: Path, jobs: int | None, part: list[Pack] | None = None) -> Pack:
    """The pack at ``root`` (see load_pack); before raising, the pack of the scripts with no problem of
    their own goes into ``part`` (when given) if the problems are all in script files."""
    from scriptkit.parallel import load_scripts
    from scriptkit.rendering import check_raw_script, check_templates, script_checker  # avoid an import cycle

    errors = ErrorCollector()
    if not root.exists():
        raise PackError(f"no such pack: {root}", Location(str(root), 1, 1),
                        "Pass a folder holding pack.yaml, or run `scriptkit init NAME` to create one.")
    if not root.is_dir() and not root.is_file():  # (the folder's listing or the file's bytes: neither is there)
        raise PackError(f"{root} is a device, a pipe or a socket, not a pack{link_note(root)}",
                        Location(str(root), 1, 1), "Pass a folder holding pack.yaml, or one script file of it.")
    if root.is_file() and root.name == PACK_FILE:
        root = root.parent  # `scriptkit render my-pack/pack.yaml` means the pack
    home = pack_of(root) if root.is_file() else None
    excluded = 0  # script files pack.yaml's exclude leaves out
    if root.is_file() and home is None:
        script_files: list[str] = [str(root)]
        meta = PackMeta(name=root.stem)
        pack_origin, unread = None, False
    elif home is not None:  # one script of a pack: the pack's settings (constants, layouts) apply to it
        meta, pack_origin, unread = _read_meta(home, errors)
        script_files, root = [str(root)], home
    else:
        meta_file = root / PACK_FILE
        if not meta_file.exists():
            inside = next((folder for folder in root.resolve().parents if (folder / PACK_FILE).is_file()), None)
            # (`scriptkit init` writes only into a new or empty folder: for one that holds files, say what to write)
            listed = _listing(root)
            create = (f"Create {meta_file} holding at least the pack's name (name: {root.resolve().name})"
                      if listed is None or listed else "Create one with `scriptkit init`")
            hint = (f"{os.path.relpath(inside)} is the pack it is in: point at that folder." if inside is not None
                    else f"{create}, or point at the pack's folder.")
            misnamed = next((root / name for name in ("pack.yml", "Pack.yaml", "pack.yaml.txt")
                             if (root / name).is_file() and name in (listed or ())), None)
            if misnamed is not None:  # (os.listdir: a case-blind disk finds 'Pack.yaml' for 'pack.yaml' too)
                hint = f"Rename {misnamed} to {PACK_FILE}: that is the name scriptkit reads."
            raise PackError(f"{root} has no {PACK_FILE}", Location(str(meta_file), 1, 1), hint)
        meta, pack_origin, unread = _read_meta(root, errors)
        packs: list[str] = []
        as_text: list[str] = []
        unreadable: list[OSError] = []
        loops: list[str] = []
        script_files = _script_files(root / SCRIPTS_DIR, packs, as_text, unreadable, loops) \
            if (root / SCRIPTS_DIR).is_dir() else []
        script_files, outside = _inside_the_pack(root, script_files)
        kept = [f for f in script_files if not meta.excluded(Path(f).relative_to(root).as_posix())] \
            if meta.exclude else script_files  # (drafts kept in the repository: neither checked nor exported)
        excluded, script_files = len(script_files) - len(kept), kept
        for link in outside:  # (not read: a pull request linking scripts/x.yaml to a CI secret had it quoted)
            errors.add(f"{os.path.basename(link)} is a link to a file outside the pack that is no YAML file"
                       f"{link_note(Path(link))}, so it is not read", Location(link, 1, 1),
                       f"Copy the script into {SCRIPTS_DIR}/, or link to a script's .yaml file.")
        for link in loops:  # (followed, it would go round for ever)
            errors.add(f"{os.path.basename(link)} is a link to a folder it is in{link_note(Path(link))}, so it is "
                       "not gone into", Location(link, 1, 1),
                       "Delete the link, or link to a folder of scripts that is not above it.")
        for exc in unreadable:  # ('chmod 000 scripts' was said to be a pack with no scripts)
            errors.add(*_unreadable_folder(exc))
        for text_file in as_text:
            name = os.path.basename(text_file)
            errors.add(f"{name} is not read: its name ends in .txt, so it is not a YAML file",
                       Location(text_file, 1, 1), f"Rename it to {name[:-4]}. (Windows may hide the .txt: in "
                       "Notepad, save it with 'Save as type: All files'.)")
        for inner in packs:
            if os.path.dirname(inner) == str(root / SCRIPTS_DIR):
                errors.add("this is a pack's settings file, in the scripts folder, where each file is a script",
                           Location(inner, 1, 1), f"Delete it, or move it next to {SCRIPTS_DIR}/ if it holds this "
                           "pack's settings.")
            else:
                errors.add("this is another pack inside the scripts folder, so its files are not read as scripts",
                           Location(inner, 1, 1), f"Move its folder out of {SCRIPTS_DIR}/ (a pack is a folder of "
                           "its own), or delete this pack.yaml to make its scripts this pack's.")
        if (root / SCRIPTS_DIR).is_file():
            errors.add(f"{SCRIPTS_DIR} is a file, where the pack's scripts folder goes",
                       Location(str(root / SCRIPTS_DIR), 1, 1),
                       f"Make {SCRIPTS_DIR} a folder and put one YAML file per script in it.")
        for stray in _scripts_beside(root):
            errors.add("this script is beside pack.yaml, where scripts are not read", Location(str(stray), 1, 1),
                       f"Move it into {SCRIPTS_DIR}/.")
        elsewhere = _scripts_elsewhere(root)  # ('script/refund.yaml', 'drafts/x.yaml': left out, unseen)
        if elsewhere:  # (one a link in scripts/ leads to is read)
            read = {os.path.realpath(path) for path in script_files}
            elsewhere = [path for path in elsewhere if os.path.realpath(path) not in read]
            left_out = [path for path in elsewhere if meta.excluded(path.relative_to(root).as_posix())]
            excluded += len(left_out)
            elsewhere = [path for path in elsewhere if path not in left_out]
        if not script_files and not (root / SCRIPTS_DIR).is_file() and not unreadable:
            misnamed = _misnamed_scripts_dir(root)
            errors.add(f"no scripts found in {root / SCRIPTS_DIR}", Location(str(meta_file), 1, 1),
                       f"Rename {misnamed} to {SCRIPTS_DIR}: that is the folder scriptkit reads." if misnamed
                       else "Add one YAML file per script under scripts/.")
            elsewhere = [path for path in elsewhere if misnamed is None or misnamed not in path.parents]
        for stray in elsewhere:  # (said as one beside pack.yaml is)
            errors.add(f"this script is in {stray.parent.relative_to(root).as_posix()}/, where scripts are not read",
                       Location(str(stray), 1, 1), f"Move it into {SCRIPTS_DIR}/, or, if it is not to be checked "
                       f"and exported (a draft), add 'exclude: [{stray.relative_to(root).parts[0]}/]' to "
                       f"{PACK_FILE}.")
    scripts: list[Script] = []
    seen: dict[str, Script] = {}
    template_problems: list[ScriptkitError] = []  # each script's, found as it is parsed
    duplicates: list[ScriptkitError] = []  # the template problems of scripts whose id is taken
    invalid: list[tuple[dict[str, Any], Origin]] = []
    # (a script's templates are judged by the pack's settings alone, so no script waits for the others)
    settings = Pack(meta=meta, scripts=[], root=str(root))
    settings._settings_unread = unread
    checker = script_checker(settings)
    for script, raw, problems in load_scripts(script_files, errors, jobs, checker):
        if script is None:
            if raw is not None:
                invalid.append(raw)
            continue
        if script.id in seen:
            first = seen[script.id]
            errors.add(f"duplicate script id '{script.id}' (also used in {first.file})",
                       script.origin.location(("id",)) if script.origin else None,
                       _duplicate_id_hint(script.file, first.file))
            duplicates.extend(problems)
            continue
        seen[script.id] = script
        scripts.append(script)
        template_problems.extend(problems)
    taken = {script_id: script.file for script_id, script in seen.items()}
    for data, origin in invalid:  # (a script with a mistake still holds its id: a second use is said now)
        script_id = data.get("id")
        if not isinstance(script_id, str):
            continue
        if script_id in taken:
            errors.add(f"duplicate script id '{script_id}' (also used in {taken[script_id]})",
                       origin.location(("id",)), _duplicate_id_hint(origin.source.path, taken[script_id]))
        taken.setdefault(script_id, origin.source.path)
    if pack_origin is not None and invalid:  # (with no pack.yaml, no locale to compare with)
        _restate_own_locale(invalid, meta, errors)
    pack = Pack(meta=meta, scripts=scripts, root=str(root))
    pack._origin = pack_origin
    pack._settings_unread = unread
    pack._partial = home is not None
    pack._excluded = excluded
    # every problem in one run: templates of duplicate and invalid scripts are checked too
    errors.extend(check_templates(pack, template_problems))
    errors.extend(duplicates)
    for data, origin in invalid:
        errors.extend(check_raw_script(pack, data, origin))
    if errors.errors and pack_origin is not None and (meta.rules or meta.grammar):
        # the lint settings are read once the pack loads: a mistake elsewhere would hide theirs until it was fixed
        from scriptkit.config import load_config

        try:
            load_config(pack, project=False)
        except ScriptkitError as exc:
            errors.extend([exc])
    if errors.errors and part is not None and pack_origin is not None and not unread:
        broken = {e.location.file if e.location else "" for e in errors.errors}
        readable = [script for script in scripts if script.file not in broken]
        if readable and broken <= set(script_files):
            part.append(Pack(meta=meta, scripts=readable, root=str(root)))
            part[0]._origin, part[0]._partial, part[0]._excluded = pack_origin, True, excluded
    errors.raise_if_any()
    return pack
