"""The pack writer's YAML, written directly: byte for byte what ruamel.yaml writes, ~10x faster.

ruamel.yaml's pure-Python emitter spent three quarters of a 3,000-macro import. The documents
the writer makes have a few shapes only (mappings, block and flow lists, text, literal blocks,
numbers, true/false, comments before a key of the top mapping), so they are written here with
ruamel's own choices: its scalar analysis (``analyze_scalar``, ported), its implicit-type
resolver (so ``yes`` or ``1.0`` are quoted) and its indentation (mapping 2, sequence 4, offset
2). Anything else (a value of another kind, a line long enough for ruamel to fold, a comment
elsewhere) raises ``Unsupported`` and the caller lets ruamel write that document.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from scriptkit.quiet_ruamel import YAML  # (before any ruamel import: it keeps the warnings filters)

# isort: split
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.nodes import ScalarNode
from ruamel.yaml.resolver import VersionedResolver
from ruamel.yaml.scalarstring import LiteralScalarString

#: longer lines may be folded by ruamel (its width is 4096): left to ruamel
_LONGEST = 3000
_BREAKS = "\n\x85\u2028\u2029"
_SPACES = "\0 \t\r\n\x85\u2028\u2029"
_STR_TAG = "tag:yaml.org,2002:str"
#: text ruamel surely writes plain in block context: no indicator first, no ': ' or ' #', no break,
#: no space at either end, only printable characters
_PLAIN = re.compile(r"[^\W_](?:[\w .'/()&+=!?;*@$%~^<>|\"`,\[\]{}-]|:(?=[^\s]))*(?<! )")
_ESCAPES = {"\0": "0", "\x07": "a", "\x08": "b", "\x09": "t", "\x0a": "n", "\x0b": "v", "\x0c": "f", "\x0d": "r",
            "\x1b": "e", '"': '"', "\\": "\\", "\x85": "N", "\xa0": "_", "\u2028": "L", "\u2029": "P"}


class Unsupported(Exception):
    """A document (or a part of it) this writer does not produce exactly as ruamel would."""


@dataclass(frozen=True)
class _Analysis:
    block_plain: bool
    flow_plain: bool
    single_quoted: bool


def _printable(ch: str) -> bool:
    return ("\x20" <= ch <= "\x7e" or ch == "\x85" or "\xa0" <= ch <= "\ud7ff" or "\ue000" <= ch <= "\ufffd"
            or "\U00010000" <= ch <= "\U0010ffff") and ch != "\ufeff"


def _analyze(text: str) -> _Analysis:
    """ruamel's Emitter.analyze_scalar (allow_unicode, YAML 1.2), reduced to the answers used here."""
    block = flow = False
    line_breaks = special = False
    leading_space = leading_break = trailing_space = trailing_break = break_space = space_break = False
    if text.startswith(("---", "...")):
        block = flow = True
    preceded_by_space = True
    followed_by_space = len(text) == 1 or text[1] in _SPACES
    previous_space = previous_break = False
    last = len(text) - 1
    for index, ch in enumerate(text):
        if index == 0:
            if ch in "#,[]{}&*!|>'\"%@`":
                flow = block = True
            if ch in "?:":
                if len(text) == 1:
                    flow = True
                if followed_by_space:
                    block = True
            if ch == "-" and followed_by_space:
                flow = block = True
        else:
            if ch in ",[]{}":
                flow = True
            if ch == ":" and followed_by_space:
                flow = block = True
            if ch == "#" and preceded_by_space:
                flow = block = True
        if ch in _BREAKS:
            line_breaks = True
        if not (ch == "\n" or "\x20" <= ch <= "\x7e") and not _printable(ch):
            special = True
        if ch == " ":
            leading_space = leading_space or index == 0
            trailing_space = trailing_space or index == last
            break_space = break_space or previous_break
            previous_space, previous_break = True, False
        elif ch in _BREAKS:
            leading_break = leading_break or index == 0
            trailing_break = trailing_break or index == last
            space_break = space_break or previous_space
            previous_space, previous_break = False, True
        else:
            previous_space = previous_break = False
        preceded_by_space = ch in _SPACES
        followed_by_space = index + 2 >= len(text) or text[index + 2] in _SPACES
    plain = not (leading_space or leading_break or trailing_space or trailing_break or break_space
                 or special or space_break or line_breaks)
    single = not (break_space or special or space_break)
    return _Analysis(plain and not block, plain and not flow, single)


@lru_cache(maxsize=1)
def _resolver() -> VersionedResolver:
    return YAML().resolver  # type: ignore[no-any-return]


@lru_cache(maxsize=4096)
def _reads_as_text(value: str) -> bool:
    """Whether ``value`` written plain reads back as text (not a number, date, true or null)."""
    return bool(_resolver().resolve(ScalarNode, value, (True, False)) == _STR_TAG)


def _double_quoted(text: str) -> str:
    out = ['"']
    for ch in text:
        if ch in '"\\\x85\u2028\u2029\ufeff' or not _printable(ch):
            if ch in _ESCAPES:
                out.append("\\" + _ESCAPES[ch])
            elif ch <= "\xff":
                out.append(f"\\x{ord(ch):02X}")
            elif ch <= "\uffff":
                out.append(f"\\u{ord(ch):04X}")
            else:
                out.append(f"\\U{ord(ch):08X}")
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def scalar(value: object, flow: bool = False) -> str:
    """One value as ruamel writes it on the line of its key (or inside ``[...]`` when ``flow``)."""
    if value is True or value is False:
        return "true" if value else "false"
    if type(value) is int:
        return str(value)
    if type(value) is not str:
        raise Unsupported(type(value).__name__)
    if len(value) > _LONGEST:
        raise Unsupported("long line")
    if not value:
        return "''"
    if not flow and _PLAIN.fullmatch(value) and _reads_as_text(value):
        return value  # what _analyze would say, without its walk over every character
    analysis = _analyze(value)
    if (analysis.flow_plain if flow else analysis.block_plain) and _reads_as_text(value):
        return value
    if "'" in value or "\n" in value:
        return _double_quoted(value)
    if analysis.single_quoted:
        if any(ch in value for ch in _BREAKS):
            raise Unsupported("line break in single quotes")  # ruamel folds it onto a new line
        return f"'{value}'"
    return _double_quoted(value)


def _literal(text: str, indent: int) -> list[str]:
    """A ``|-`` block: only text that starts and ends with a character (no indentation or keep hints)."""
    if not text or text[0] in " " + _BREAKS or text[-1] in " " + _BREAKS or "\r" in text \
            or any(ch in text for ch in "\x85\u2028\u2029"):
        raise Unsupported("literal needing block hints")
    pad = " " * indent
    return ["|-", *(pad + line if line else "" for line in text.split("\n"))]


@lru_cache(maxsize=1024)
def _key(key: object) -> str:
    if type(key) is not str or not key:
        raise Unsupported("key")
    written = scalar(key)
    if written != key:
        raise Unsupported("quoted key")
    return key


def _value(lines: list[str], head: str, value: Any, indent: int) -> None:
    """Append ``head`` (``key:`` or ``- ``) and ``value`` whose block content goes at ``indent``."""
    if isinstance(value, LiteralScalarString):
        first, *rest = _literal(str(value), indent)
        lines.append(f"{head} {first}" if head.endswith(":") else head + first)
        lines.extend(rest)
    elif isinstance(value, CommentedSeq) and value.fa.flow_style():
        if not value or _has_comments(value):
            raise Unsupported("flow list")
        items = "[" + ", ".join(scalar(v, flow=True) for v in value) + "]"
        lines.append(f"{head} {items}" if head.endswith(":") else head + items)
    elif type(value) in (CommentedSeq, list):
        if not value or _has_comments(value) or not head.endswith(":"):
            raise Unsupported("block list")
        lines.append(head)
        for item in value:
            _item(lines, item, indent)
    elif type(value) in (CommentedMap, dict):
        if not value or _has_comments(value) or not head.endswith(":"):
            raise Unsupported("mapping")
        lines.append(head)
        _mapping(lines, value, indent)
    elif isinstance(value, (Mapping, Sequence)) and not isinstance(value, str):
        raise Unsupported(type(value).__name__)
    else:
        lines.append(f"{head} {scalar(value)}" if head.endswith(":") else head + scalar(value))


def _item(lines: list[str], item: Any, dash_indent: int) -> None:
    """One item of a block list: ``- `` at ``dash_indent``, its content two further in."""
    head = " " * dash_indent + "- "
    content = dash_indent + 2
    if type(item) in (CommentedMap, dict):
        if not item or _has_comments(item):
            raise Unsupported("mapping in a list")
        start = len(lines)
        _mapping(lines, item, content)
        lines[start] = head + lines[start][content:]
    elif isinstance(item, (Mapping, Sequence)) and not isinstance(item, str):
        raise Unsupported("list in a list")
    else:
        _value(lines, head, item, content)


def _mapping(lines: list[str], doc: Mapping[str, Any], indent: int,
             comments: Mapping[str, list[str]] | None = None) -> None:
    pad = " " * indent
    for key, value in doc.items():
        lines.extend(comments.get(key, ()) if comments else ())
        _value(lines, f"{pad}{_key(key)}:", value, indent + 2)


def _has_comments(node: object) -> bool:
    ca = getattr(node, "ca", None)
    return ca is not None and bool(ca.comment or ca.items or ca.end)


def _comment_lines(tokens: object) -> list[str]:
    if not isinstance(tokens, list):
        raise Unsupported("comment")
    lines = []
    for token in tokens:
        text = getattr(token, "value", None)
        if getattr(token, "column", None) != 0 or not isinstance(text, str) or not text.startswith("#") \
                or not text.endswith("\n") or "\n" in text[:-1]:
            raise Unsupported("comment")
        lines.append(text[:-1])
    return lines


def dump(doc: CommentedMap) -> str:
    """The document as ruamel.yaml (width 4096, indent mapping 2, sequence 4, offset 2) writes it;
    ``Unsupported`` when it holds anything this writer does not reproduce exactly."""
    if not doc or doc.ca.end or doc.ca.pre:
        raise Unsupported("document")
    lines: list[str] = []
    if doc.ca.comment is not None:
        if len(doc.ca.comment) != 2 or doc.ca.comment[0] is not None:
            raise Unsupported("comment")
        lines.extend(_comment_lines(doc.ca.comment[1]))
    before: dict[str, list[str]] = {}
    for key, slots in doc.ca.items.items():
        if key not in doc or len(slots) != 4 or slots[0] is not None or slots[2:] != [None, None]:
            raise Unsupported("comment")
        before[key] = _comment_lines(slots[1])
    _mapping(lines, doc, 0, before)
    return "\n".join(lines) + "\n"
