"""A source file's text, and the map from a YAML scalar's value back to file offsets.

The map is what lets a diagnostic inside a slot say ``file:line:col`` and lets ``--fix``
edit the YAML text itself (keeping comments and formatting) instead of re-dumping it.
"""

from __future__ import annotations

import errno
import os
import re
import shlex
import stat
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise
from pathlib import Path

from scriptkit.diagnostics import Location

#: a pack's settings file
PACK_FILE = "pack.yaml"
#: the largest source file scriptkit reads: a script (or a reply to review) larger than this is a mistake
MAX_FILE_BYTES = 2_000_000



class NotAFileError(OSError):
    """A path that names a device, a pipe or a socket (a link to /dev/zero, a FIFO), not a file."""


def link_note(path: Path) -> str:
    """For a symbolic link, where it leads, as a message says it (" (a link to /dev/zero)"); else ""."""
    return f" (a link to {os.readlink(path)})" if path.is_symlink() else ""


def read_capped(path: str | Path, limit: int = MAX_FILE_BYTES) -> bytes:
    """The bytes of the file at ``path``, at most ``limit + 1`` of them: one byte over tells the
    caller it is too large without reading it all. A link to /dev/zero read to its end took every
    byte of memory the machine had, and a pipe waited for ever; both raise ``NotAFileError``."""
    # (os.read of the size the file says, not a buffered read(limit + 1): that allocated and freed
    # 2 MB for each script, 43 us of a small file's 50; reads go on to the end all the same, for a
    # file that grew or that says 0 bytes and holds more, as /proc's do)
    fd = _open_nonblocking(os.fspath(path), os.O_RDONLY | _BINARY)
    try:
        status = os.fstat(fd)
        if stat.S_ISDIR(status.st_mode):  # (as open() says it: read_yaml then says which folder)
            raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))
        if not stat.S_ISREG(status.st_mode):
            raise NotAFileError(0, "it is a device, a pipe or a socket, not a file", str(path))
        parts, size = [], 0
        while size <= limit and (part := os.read(fd, min(limit + 1 - size, max(status.st_size + 1 - size, 1 << 16)))):
            parts.append(part)
            size += len(part)
        return parts[0] if len(parts) == 1 else b"".join(parts)
    finally:
        os.close(fd)


_BINARY = getattr(os, "O_BINARY", 0)  # (Windows: no newline translation, as open(..., "rb"))


def _open_nonblocking(path: str, flags: int) -> int:
    # (a pipe with no writer blocks open() itself; O_NONBLOCK only matters to pipes and devices,
    # which are refused before a byte is read)
    return os.open(path, flags | getattr(os, "O_NONBLOCK", 0))


_NEWLINE = re.compile("\n")
# a line ends at "\n", "\r\n" or a "\r" alone (old Mac files), as YAML and the parsers' line numbers read them
_ANY_NEWLINE = re.compile("\r\n?|\n")
_new = object.__new__
_set = object.__setattr__


@dataclass
class SourceText:
    path: str
    text: str
    _line_starts: list[int] = field(default_factory=list, repr=False)

    def __post_init__(self) -> None:
        breaks = _ANY_NEWLINE if "\r" in self.text else _NEWLINE
        self._line_starts = [0, *(m.end() for m in breaks.finditer(self.text))]

    def location(self, offset: int) -> Location:
        if not 0 <= offset <= len(self.text):  # (clamped only when out of the text: the builtins cost more)
            offset = max(0, min(offset, len(self.text)))
        starts = self._line_starts
        line = bisect_right(starts, offset)
        # (every finding is located at its start and end: a frozen dataclass's __init__ sets
        # each field through object.__setattr__, one call for all of them costs half as much)
        location = _new(Location)
        _set(location, "__dict__", {"file": self.path, "line": line, "col": offset - starts[line - 1] + 1,
                                    "offset": offset})
        return location

    def offset(self, line: int, col: int) -> int:
        """Offset of a 0-based (line, col) as ruamel reports them."""
        if line >= len(self._line_starts):
            return len(self.text)
        return min(self._line_starts[line] + col, len(self.text))

    def at(self, line: int, col: int) -> Location:
        """Location of a 0-based (line, col)."""
        return self.location(self.offset(line, col))


def byte_location(path: str, raw: bytes, offset: int) -> Location:
    """Where byte ``offset`` of a file's bytes is, counted in characters as every location is (a
    byte order mark not counted). For where decoding stopped, pass the error's ``object`` and
    ``start``: a ``utf-8-sig`` decoding counts its offset after the mark, in bytes without it."""
    before = raw[:offset].decode("utf-8-sig", "replace")
    return SourceText(path, before).location(len(before))


#: how Notepad, the editor of most Windows writers, saves a file as UTF-8 (``not_utf8_hint``'s ``save_as``)
NOTEPAD_UTF8 = "Notepad: Save As, Encoding 'UTF-8'"


def not_utf8_hint(path: str, raw: bytes, start: int, end: int, *, save_as: str = "", redo: str = "",
                  in_place: bool = False, piped_into: str = "") -> str:
    """What to do about a file that is not UTF-8 from byte ``start`` to ``end`` of ``raw`` (its bytes after
    any byte order mark, as a ``utf-8-sig`` UnicodeDecodeError has them). ``save_as`` says how its editor
    saves UTF-8, ``redo`` how else to get the text again; ``in_place`` converts the file itself (a copy
    beside a script would be read as a second script); ``piped_into``, the command that read the text from
    standard input (``scriptkit review -``): no file to convert, so it is converted as it is piped in."""
    # UTF-8 letters before the bad byte, or after it: the file mixes encodings (text pasted from
    # elsewhere), and converting all of it from Windows-1252 would garble the parts that were right ('CafÃ©')
    mixed = any(byte >= 0x80 for byte in raw[:start])
    after = "" if mixed else raw[end:].decode("utf-8", "replace")
    if mixed or any(ord(ch) >= 0x80 and ch != "\ufffd" for ch in after):
        return (f"The file mixes encodings: the text {'before' if mixed else 'after'} this point is UTF-8, this "
                f"character is not (likely Windows-1252). Retype it here{redo and ', or '}{redo}.")
    editor = f" ({save_as})" if save_as else ""
    if piped_into:
        return (f"The text is likely Windows-1252. Save it as UTF-8{editor}, or convert it as you pipe it: "
                f"iconv -f WINDOWS-1252 -t UTF-8 reply.txt | {piped_into}")
    source = Path(path)
    converted = shlex.quote(str(source.with_name(f"{source.stem}-utf8{source.suffix}")))
    convert = f"iconv -f WINDOWS-1252 -t UTF-8 {shlex.quote(path)} > {converted}"
    if in_place:
        convert += f" && mv {converted} {shlex.quote(path)}"
    return f"The file is likely Windows-1252. Save it as UTF-8{editor}, or convert it: {convert}"


_LONE_CR = re.compile("\r(?!\n)")


@lru_cache(maxsize=4)
def lone_cr_as_newline(text: str) -> str:
    """``text`` with each "\r" that no "\n" follows made a "\n" (a file's every scalar is walked in it)."""
    return _LONE_CR.sub("\n", text)


def scalar_offsets(text: str, start: int, value: str) -> Sequence[int]:
    """File offset of each character of a YAML scalar's ``value`` that starts at ``start``.

    Works for plain, quoted, literal and folded scalars by walking value and file together;
    characters the file spells differently (escapes, folded line breaks) map to the nearest
    file character, which is why a fix also checks that the file text equals the value.
    """
    if "\r" in text:  # (a line that a "\r" alone ends is walked as one "\n" ends: same length, same offsets)
        text = lone_cr_as_newline(text)
    n = len(text)
    j = start
    quote = text[j] if j < n and text[j] in "\"'" else ""
    if value and not (j < n and text[j] in "|>"):
        # the common case, spelled in the file exactly as the value (no escapes, one line):
        # the walk below would give these same consecutive offsets, character by character
        first = j + 1 if quote else j
        if text.startswith(value, first):
            return range(first, first + len(value))
    indent = -1  # a block scalar's indentation: only that much is skipped after a line break
    if j < n and text[j] in "|>":
        j = text.find("\n", j)
        j = n if j < 0 else j + 1
        line_start = j
        while j < n and text[j] == " ":
            j += 1
        # an indentation indicator ('|2', '>-2') can leave spaces at the start of the value's first
        # line: those are the value's, and the indentation is what is left of the line's spaces
        first_line = value.split("\n", 1)[0]
        own = len(first_line) - len(first_line.lstrip(" "))
        if 0 < own <= j - line_start:
            j -= own
        indent = j - line_start
    elif j < n and text[j] in "\"'":
        j += 1
    out: list[int] = []
    for ch in value:
        # skip file characters that the value does not hold (indentation, quotes doubled)
        guard = 0
        while j < n and text[j] != ch and guard < 200:
            fc = text[j]
            if ch in " \n" and fc == "\n":
                break
            if fc == "\\" and quote == '"' and j + 1 < n:
                # an escaped line break ("today, \⏎  kindly") is no character of the value: neither
                # is the next line's indentation, so the walk goes on after them
                broken = 2 if text[j + 1] == "\n" else 3 if text.startswith("\r\n", j + 1) else 0
                if not broken:
                    break
                j += broken
                while j < n and text[j] in " \t":
                    j += 1
                continue
            j += 1
            guard += 1
        if j >= n:
            out.append(n - 1 if n else 0)
            continue
        out.append(j)
        escaped = text[j] == "\\" and quote == '"'
        doubled = quote == "'" and text[j] == "'" and j + 1 < n and text[j + 1] == "'"
        if escaped and ord(ch) > 0xFFFF and text.startswith("\\u", j + 6):
            j += 12  # (both halves of a UTF-16 pair, '\ud83d\ude00': one character of the value)
        elif escaped or doubled:
            j += 2
        elif text[j] == "\n":
            j += 1
            skipped = 0
            # deeper indentation inside a block scalar is part of the value, not to be skipped
            while j < n and text[j] in " \t" and (indent < 0 or skipped < indent):
                j += 1
                skipped += 1
        else:
            j += 1
    if out and out[-1] - out[0] == len(out) - 1 and all(b - a == 1 for a, b in pairwise(out)):
        return range(out[0], out[-1] + 1)  # one unbroken run (most scalars): no int object per character
    return tuple(out)


#: the longest ``{{ expression }}`` read back from a file (a slot's is a line; a file is read once per finding)
MAX_EXPRESSION = 2000


def expression_end(text: str, start: int) -> int | None:
    """Where the ``{{ expression }}`` that starts at ``start`` of ``text`` ends (after its ``}}``), or
    None when none starts there or it does not end within ``MAX_EXPRESSION`` characters. A ``}}``
    inside a quoted string (``fallback('}}')``) does not end it."""
    if not text.startswith("{{", start):
        return None
    quote = ""
    stop = min(len(text), start + MAX_EXPRESSION)
    i = start + 2
    while i < stop:
        ch = text[i]
        if quote:
            if ch == quote:
                quote = ""
        elif ch in "'\"":
            quote = ch
        elif ch == "}" and text.startswith("}}", i):
            return i + 2
        i += 1
    if quote:  # (a quote the YAML escapes or doubles may leave one open: the first '}}' then)
        end = text.find("}}", start + 2, stop)
        return end + 2 if end >= 0 else None
    return None


#: a placeholder or a blank as a message's text holds it: '{{customer.first_name}}', '[[day]]'
_MARKER = re.compile(r"\{\{[\w.]+\}\}|\[\[\w+\]\]")


def extent_of(text: str, start: int, rendered: str) -> int | None:
    """Where the source of ``rendered`` (a message's text: placeholders and blanks as ``{{name}}`` and
    ``[[name]]``) ends when it is written at ``start`` of ``text``: its words as they are, each
    placeholder or blank as a ``{{ expression }}``. None when the file does not spell it so there."""
    if not rendered or start < 0:
        return None
    pos = start
    last = 0
    for m in _MARKER.finditer(rendered):
        words = rendered[last:m.start()]
        if not text.startswith(words, pos):
            return None
        end = expression_end(text, pos + len(words))
        if end is None:
            return None
        pos, last = end, m.end()
    words = rendered[last:]
    return pos + len(words) if text.startswith(words, pos) else None
