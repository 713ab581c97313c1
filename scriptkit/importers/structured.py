"""Generic JSON, YAML and JavaScript-literal libraries, read through a column mapping.

Accepted shapes: a list of objects; an object holding such a list under some key (e.g.
``replies:``); or an object mapping each title to its reply text. JavaScript files may hold
several ``export const name = [ {title: '…', text: "…"}, … ]`` arrays: each array literal is
read (keys unquoted, strings in ' " or ` quotes); code is never run.
"""

from __future__ import annotations

import json
import math
import re
import sys
from bisect import bisect_right
from collections.abc import Iterator, Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any

import scriptkit.quiet_ruamel  # noqa: F401  (before any ruamel import: it keeps the warnings filters)

# isort: split
from ruamel.yaml.error import MarkedYAMLError
from ruamel.yaml.nodes import ScalarNode

from scriptkit.diagnostics import Location
from scriptkit.errors import ErrorCollector, ImportFormatError
from scriptkit.importers.common import (
    EMPTY_FILE,
    LONG_NUMBER,
    ItemProblem,
    RawItem,
    Read,
    ReadOptions,
    UnexpectedShape,
    item_starts,
    kind_of,
    later_pages,
    load_json,
    locate,
    read_text,
    title_location,
)
from scriptkit.importers.tabular import check_columns, column, from_record
from scriptkit.loading import _ANCHOR_BEFORE as ANCHOR_BEFORE
from scriptkit.loading import _LONG_NUMBER as LONG_YAML_NUMBER
from scriptkit.loading import _NOT_PLAIN_START as NOT_PLAIN_START
from scriptkit.loading import MAX_NESTING
from scriptkit.loading import _check_comment_texts as check_comment_texts
from scriptkit.loading import _check_cut_texts as check_cut_texts
from scriptkit.loading import _fast_parse as fast_parse
from scriptkit.loading import _index as index_yaml
from scriptkit.loading import _scalar as plain_scalar
from scriptkit.loading import _slip as yaml_slip
from scriptkit.loading import _too_deep as too_deep
from scriptkit.loading import _yaml as bounded_yaml
from scriptkit.models import Origin
from scriptkit.sourcetext import SourceText

LABEL_JSON = "JSON library: a list of objects, {key: [objects]}, or {title: text}"
LABEL_YAML = "YAML library: a list of objects, {key: [objects]}, or {title: text}"
LABEL_JS = "JavaScript arrays of {title, text} object literals"


def read_json(path: Path, options: ReadOptions) -> Read:
    from scriptkit.importers import native

    source = read_text(path, "JSON file")
    data = load_json(source, "JSON file")
    if native.is_native(data):  # scriptkit's own export: read back exactly, no column mapping
        yield from native.read(data, source)
        return
    if isinstance(data, dict):
        from scriptkit.importers import lone_item_hint  # (the package's: it knows every helpdesk's reader)

        # (all text, it was read as {title: text}: 'name', 'text')
        if (hint := lone_item_hint(data, options.wording)) is not None:
            raise UnexpectedShape(f"unexpected shape: found {kind_of(data)}", source.location(0), hint)
    if (unread := later_pages(data, source, "item")) is not None:
        yield unread
    yield from _items(data, source, options, json=True)


def read_yaml(path: Path, options: ReadOptions) -> Read:
    source = read_text(path, "YAML file")
    # (libyaml's C parser, as check reads a pack: ruamel's round-trip parser, pure Python, took 16 of the 42 CPU
    # seconds a 20,000-item library's import took (2 now); what libyaml's reading does not take (a syntax error, a
    # tag, an alias, a tab, a key with no value) is read by ruamel, which words and places the problem)
    data, origin = fast_parse(source.text, source) or _round_trip(source)
    if data is None and all(not line.strip() or line.lstrip().startswith("#") for line in source.text.splitlines()):
        comments = " (it holds comments only)" if source.text.strip() else ""
        raise ImportFormatError(f"YAML file is empty{comments}", source.location(0), EMPTY_FILE)
    yield from _items(data, source, options, origin=origin)


def _round_trip(source: SourceText) -> tuple[Any, Origin]:
    """The document read by ruamel's round-trip parser, and where each key and value is in it."""
    # (check's loader: nesting past its limit, and an alias inside what it repeats or repeating too much, are
    # refused where they are, before Python's recursion limit or an endless merge)
    yaml = bounded_yaml()
    yaml.preserve_quotes = False  # (the values as text, as an export's are read)
    try:
        data = yaml.load(source.text)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = source.at(mark.line, mark.column) if mark else source.location(0)
        problem, hint = exc.problem or exc.context, getattr(exc, "hint", None)
        # (a writer's slip in check's words: a ' #' that cut a text and left its next line over, or took the
        # '}' closing an item, is said at the '#' with the fix)
        if hint is None and (slip := yaml_slip(exc, source.text, source)) is not None:
            problem, where, hint = slip
        if problem and "found another document" in problem:  # (ruamel's words cut from "expected a single document")
            raise ImportFormatError("YAML file holds more than one document: this '---' line starts a second", where,
                                    "An import reads one document, a list of items: delete this '---' line (and any "
                                    "'...' before it) to make one list, or put each document in a file of its own "
                                    "and import each.") from None
        raise ImportFormatError(f"YAML file cannot be read: {problem}", where, hint) from None
    except RecursionError:  # (deeper than Python's stack before the loader's limit: where the limit is passed)
        raise ImportFormatError(f"YAML file cannot be read: lists or mappings are nested more than {MAX_NESTING} "
                                "deep", source.location(too_deep(source.text) or 0)) from None
    except ValueError as exc:  # (a whole number longer than Python reads: 'id: 999…', 5,000 digits)
        if (long := LONG_YAML_NUMBER.search(source.text)) is None:
            raise ImportFormatError(f"YAML file cannot be read: {exc}".splitlines()[0], source.location(0)) from None
        raise ImportFormatError(f"YAML file has a whole number of {len(long[0]):,} digits here, longer than can be "
                                "read", source.location(long.start()), LONG_NUMBER) from None
    except Exception as exc:  # ruamel raises a few unmarked errors
        raise ImportFormatError(f"YAML file cannot be read: {exc}".splitlines()[0], source.location(0)) from None
    origin = Origin(source)
    index_yaml(data, (), origin)
    return data, origin


def read_js(path: Path, options: ReadOptions) -> Read:
    source = read_text(path, "JavaScript file")
    refused: list[tuple[int, int]] = []  # (where each array of objects holds a value that is code, not a literal)
    arrays = list(_js_arrays(source, refused))
    if not arrays and refused:  # (the list is there: said at its value that is code, "I am " + name)
        start, end = refused[0]
        code = " ".join(source.text[start:end].split())
        code = code if len(code) <= 60 else code[:57] + "..."
        raise ImportFormatError(f"this value is not literal text ({code}): only literal values can be read from a "
                                "JavaScript file, not code", source.location(start),
                                "Write it as one text in quotes ('I am sorry.'), a number, true, false or null; "
                                "or export the macros as JSON.")
    if not arrays:
        raise ImportFormatError("no array literal of objects found in the JavaScript file", source.location(0),
                                "Expected e.g. export const macros = [{title: '…', text: '…'}].")
    for data, start in arrays:
        yield from _items(data, source, options, start)


def _items(data: Any, source: SourceText, options: ReadOptions, start: int = 0, origin: Origin | None = None,
           json: bool = False) -> Read:
    """``origin``: where a YAML document's keys and values are, to place its items and find the texts YAML cut at
    a ' #';
    ``json``: the source is the JSON document ``data`` was parsed from (an item without a text title is
    placed by its own text)."""
    document = data
    within: tuple[str | int, ...] = ()  # (the path to the list of items in the document)
    cut: dict[int, tuple[Location, str]] = {}  # (the items whose text YAML cut at a ' #')
    if isinstance(data, dict):
        # (the list of items: one all objects first, else one with objects among a malformed item or two,
        # which are listed as such rather than the whole file refused)
        lists = sorted(((k, v) for k, v in data.items() if isinstance(v, list) and any(isinstance(i, dict) for i in v)),
                       key=lambda kv: not all(isinstance(i, dict) for i in kv[1]))
        if lists:
            within, data = (str(lists[0][0]),), lists[0][1]
        # (or a YAML title whose text YAML read as none, '102: #1 tip': said at its key, below, as check says it)
        elif data and all(isinstance(v, str) or (v is None and origin is not None) for v in data.values()) \
                and any(isinstance(v, str) for v in data.values()):
            # (each title as the file writes it: YAML reads 'true:', '~:' or '0x1F:' as true, none or 31, which
            # Python spells 'True', 'None', '31'; with the origin's path to it, by text)
            entries = [(_as_written(title, origin.keys.get((str(title),)) if origin else None, source.text),
                        (str(title),), body) for title, body in data.items()]
            if origin is not None:
                # (by the titles as written, so that a cut is said in the file's words: a number key ('101: ...')
                # is checked too)
                named = Origin(source, {(t,): origin.values[k] for t, k, _ in entries if k in origin.values},
                               {(t,): origin.keys[k] for t, k, _ in entries if k in origin.keys})
                cut = _cut_texts({t: body for t, _, body in entries}, named,
                                 {index: ((t,), [()]) for index, (t, _, _) in enumerate(entries)}, key=True)
            for index, (written, key, body) in enumerate(entries):
                at = origin.keys.get(key) if origin else None
                where = locate(source, written, start) if at is None else source.location(at)
                item = from_record({"title": written, "body": body}, index, where, replace(options, mapping={}),
                                   what="item")
                if index in cut and isinstance(item, RawItem | ItemProblem):
                    item = _cut_item(item, cut[index])
                if item is not None:
                    yield item
            return
        elif [] in data.values() and not any(column(list(map(str, data)), want, options) for want in ("title", "body")):
            data = []  # a list response of no macros ({"macros": [], "count": 0}): an empty export, not one item
    if not isinstance(data, list):
        raise UnexpectedShape(f"unexpected shape: found {kind_of(data)}", source.location(start),
                                "Expected a list of objects, {key: [objects]}, or {title: text}.")
    if origin is not None:  # (the fields each record's text is read from: as from_record reads them)
        cut = _cut_texts(document, origin, {
            index: ((*within, index), [(name,) for name in {column(list(map(str, record)), field, options)
                                                           for field in _TEXT_FIELDS} if name is not None])
            for index, record in enumerate(data) if isinstance(record, dict)})
    checked = False
    starts: list[int] | None = None  # (where each item begins, worked out only for one whose title is not text)
    after = start  # (items stand in file order: each title looked for after the one before it, not from the start
    # of the file each time, which took 40 s for 40,000 items and placed every namesake at the first)
    for index, record in enumerate(data):
        at = origin.values.get((*within, index)) if origin else None
        where = source.location(start if at is None else at)
        if not isinstance(record, dict):
            if json:  # (at the item, not at the file's start)
                starts = item_starts(source.text, document, data) if starts is None else starts
                where = source.location(starts[index]) if index < len(starts) else where
            yield ItemProblem(where, f"item {index + 1}", f"should be an object, found {kind_of(record)}")
            continue
        fields = [str(k) for k in record]
        if not checked:
            check_columns(fields, options, where, f"{source.path.rsplit('.', 1)[-1].upper()} file", "field")
            checked = True
        if origin is None:
            title_col = column(fields, "title", options)
            title = record.get(title_col) if title_col else None
            if isinstance(title, str):
                where = locate(source, title, after)
                if where.offset == 0 and after:  # (not after the item before it: anywhere)
                    where = locate(source, title, start)
                after = max(after, where.offset + 1)
            elif json and title_col:  # (a title of 404, which a Quick Text refuses: at it, not at the file's start)
                starts = item_starts(source.text, document, data) if starts is None else starts
                where = title_location(source, starts, index, title_col) or where
        item = from_record(dict(record), index, where, options, what="item")
        if index in cut and isinstance(item, RawItem | ItemProblem):
            item = _cut_item(item, cut[index])
        if item is not None:
            yield item


def _as_written(key: Any, at: int | None, text: str) -> str:
    """A YAML key as the file writes it (``at``: where it starts in ``text``), where YAML reads it as something
    other than text: 'true', '~', '0x1F', which ``str`` spells 'True', 'None', '31' (and libyaml's reading has
    spelled so already); a key whose text is not at hand as YAML spells its value ('true', 'null')."""
    if at is not None:
        if text[at:at + 1] == "&" and (anchor := ANCHOR_BEFORE.match(text, at)) is not None:
            at = anchor.end()  # ('&a true: ...')
        if text[at:at + 1] not in NOT_PLAIN_START:  # (a quoted key is text as written)
            end = text.find("\n", at)  # (searched in place: a flow mapping's keys may share one long line)
            stop = _KEY_END.search(text, at, end if end >= 0 else len(text))
            written = text[at:stop.start() if stop else end if end >= 0 else len(text)].rstrip()
            if written == str(key):
                return written  # (text, the commonest: no need to read it again)
            try:  # (only the key's own text: what YAML reads it as is the key)
                if written and str(plain_scalar(ScalarNode("", written))) == str(key):
                    return written
            except Exception:  # (a number too long to read, a text YAML does not take: not the key)
                pass
    if isinstance(key, str):
        return key
    if isinstance(key, bool) or key is None:
        return {True: "true", False: "false", None: "null"}[key]
    if isinstance(key, float) and not math.isfinite(key):
        return ".nan" if math.isnan(key) else ".inf" if key > 0 else "-.inf"
    return str(key)


#: where a plain key ends on its line: the ': ' after it, or in a flow mapping the ',' or bracket after it
_KEY_END = re.compile(r":(?:[ \t]|$)|[ \t]#|[,\[\]{}]")


#: the fields of an item that hold text someone reads (an id's or a tag's note after it is a comment)
_TEXT_FIELDS = ("title", "body", "html", "guidance")


def _cut_texts(data: Any, origin: Origin, items: Mapping[int, tuple[tuple[str | int, ...], list[tuple[str, ...]]]],
               key: bool = False) -> dict[int, tuple[Location, str]]:
    """The items whose text YAML cut where a ' #' starts what it reads as a comment ('Use code #FORKED10' read
    as 'Use code'), or read as none ('body: #1 tip'), found as check finds them in a pack (scriptkit.loading):
    by index, where (the '#', or the key) and the problem with its fix. ``items``: each item's path in the
    document and the paths of its text fields within it (``()``: the item itself, a {title: text}'s text);
    ``key``: the items start at their keys."""
    paths = {(*at, *field) for at, fields in items.values() for field in fields}
    texts = Origin(origin.source, {p: at for p, at in origin.values.items() if p in paths},
                   {p: at for p, at in origin.keys.items() if p in paths})
    errors = ErrorCollector()
    check_comment_texts(data, texts, errors)
    check_cut_texts(data, texts, errors, _ANY_PATH)
    if not errors.errors:
        return {}
    table = origin.keys if key else origin.values
    starts = sorted((table[at], index) for index, (at, _) in items.items() if at in table)
    offsets = [offset for offset, _ in starts]
    found: dict[int, tuple[Location, str]] = {}
    for error in errors.errors:
        if error.location is None or (at := bisect_right(offsets, error.location.offset) - 1) < 0:
            continue
        hint = f"; {error.hint[:1].lower()}{error.hint[1:]}" if error.hint else ""
        found.setdefault(starts[at][1], (error.location, f"{error.message}{hint}"))
    return found


def _cut_item(item: RawItem | ItemProblem, cut: tuple[Location, str]) -> ItemProblem:
    """The problem of an item YAML cut a text of: the cut, where the item was read (or skipped for no reply
    text, which it held); an item that cannot be read for another reason keeps that problem."""
    if isinstance(item, ItemProblem) and not item.skipped:
        return item
    return ItemProblem(cut[0], item.name if isinstance(item, RawItem) else item.item, cut[1])


_ANY_PATH = re.compile(r"(?s:.*)")  # (the paths to check are chosen by the Origin given: each text's)


_JS_TOKEN = re.compile(
    r"(?P<ws>\s+|//[^\n]*|/\*.*?\*/)"
    r"|(?P<str>'(?:[^'\\\n]|\\.)*'|\"(?:[^\"\\\n]|\\.)*\"|`(?:[^`\\$]|\\.|\$(?!\{))*`)"
    r"|(?P<num>-?\d+(?:\.\d+)?)"
    r"|(?P<ident>[A-Za-z_$][\w$]*)"
    r"|(?P<punct>[\[\]{}(),:;=.])",
    re.S,
)
_JS_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "b": "\b", "f": "\f", "v": "\v", "0": "\0"}


def _js_string(token: str) -> str:
    body = token[1:-1]

    def unescape(m: re.Match[str]) -> str:
        ch = m.group(1)
        if ch.startswith("u"):
            return chr(int(ch[1:], 16))
        if ch == "\n":
            return ""
        return _JS_ESCAPES.get(ch, ch)

    return re.sub(r"\\(u[0-9a-fA-F]{4}|.)", unescape, body, flags=re.S)


def _js_arrays(source: SourceText, refused: list[tuple[int, int]]) -> Iterator[tuple[Any, int]]:
    """Each top-level array literal of objects in a JavaScript file, as JSON data, with its offset; ``refused``
    gets where each array of objects that holds code ('"a" + b') has its first value that is not a literal (its
    start and end)."""
    text = source.text
    pos = 0
    tokens: list[tuple[str, str, int]] = []
    while pos < len(text):
        m = _JS_TOKEN.match(text, pos)
        if m is None:
            tokens.append(("other", text[pos], pos))
            pos += 1
            continue
        if m.lastgroup != "ws":
            tokens.append((str(m.lastgroup), m.group(0), pos))
        pos = m.end()
    i = 0
    while i < len(tokens):
        kind, value, at = tokens[i]
        if value == "[" and kind == "punct" and i + 1 < len(tokens) and tokens[i + 1][1] == "{":
            out, j = _js_value(tokens, i, source)
            if out is not None:
                yield out, at
                i = j
                continue
            if j - 1 < len(tokens) and tokens[j - 1][0] != "punct":  # (code: at the start of its value)
                start = next(k for k in range(j - 1, i, -1) if tokens[k - 1][1] in ":,[")
                refused.append((tokens[start][2], _js_value_end(tokens, start, len(text))))
        i += 1


def _js_value(tokens: list[tuple[str, str, int]], i: int, source: SourceText) -> tuple[Any, int]:
    """Convert the literal starting at ``tokens[i]`` to JSON text and parse it."""
    parts: list[str] = []
    depth = 0
    j = i
    while j < len(tokens):
        kind, value, at = tokens[j]
        if kind == "num" and "." not in value and len(value.lstrip("-")) > (sys.get_int_max_str_digits() or len(value)):
            raise ImportFormatError(f"JavaScript file has a whole number of {len(value.lstrip('-')):,} digits, longer "
                                    f"than the {sys.get_int_max_str_digits():,} that can be read", source.location(at),
                                    LONG_NUMBER)
        if kind == "punct" and value in "[{":
            depth += 1
            parts.append(value)
        elif kind == "punct" and value in "]}":
            if parts and parts[-1] == ",":
                parts.pop()  # trailing comma
            depth -= 1
            parts.append(value)
            if depth == 0:
                break
        elif kind == "str":
            parts.append(json.dumps(_js_string(value)))
        elif kind == "ident":
            nxt = tokens[j + 1][1] if j + 1 < len(tokens) else ""
            if nxt == ":":
                parts.append(json.dumps(value))
            elif value in ("true", "false", "null"):
                parts.append(value)
            else:
                return None, j + 1  # code, not data
        elif kind == "num" or (kind == "punct" and value in ",:"):
            parts.append(value)
        else:
            return None, j + 1
        j += 1
    try:
        return json.loads("".join(parts)), j + 1
    except json.JSONDecodeError:
        return None, j + 1


def _js_value_end(tokens: list[tuple[str, str, int]], start: int, end_of_text: int) -> int:
    """Where the value starting at ``tokens[start]`` ends: at the ',' or closing bracket after it."""
    depth = 0
    for kind, value, at in tokens[start:]:
        if value in "([{" and kind == "punct":
            depth += 1
        elif value in ")]}" and kind == "punct":
            depth -= 1
        if depth < 0 or (depth == 0 and value == "," and kind == "punct"):
            return at
    return end_of_text


__all__ = ["read_js", "read_json", "read_yaml"]
