"""``--format text``: for people. Grouped by file, each problem with its source line and a
caret under the offending text, the suggestion, the slot and channels; a summary at the end.
Colour only on a terminal, never when NO_COLOR is set."""

from __future__ import annotations

import os
import re
import sys
import unicodedata
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from rich.console import Console
from rich.control import STRIP_CONTROL_CODES
from rich.text import Text

from scriptkit.diagnostics import SPREAD, Diagnostic, Severity
from scriptkit.reporters import display_path, not_judged, whole_reply_apart
from scriptkit.text import DIRECTION_CONTROLS

if TYPE_CHECKING:
    from scriptkit.linting import LintResult, SentenceNote

STYLES = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.SUGGESTION: "cyan"}
SLOT_LABELS = {"acknowledgment": "acknowledges", "warm_language": "warm", "solution": "solution",
               "greeting": "greeting", "signoff": "sign-off", "other": "other"}
EMPATHY_SLOTS = ("acknowledgment", "warm_language", "solution")
FRAME_SLOTS = ("greeting", "signoff")
#: the whole-reply findings that say a practice is missing from the reply, and that practice's slot
WHOLE_REPLY_SLOT = {"SK401": "solution", "SK301": "acknowledgment", "SK207": "warm_language"}


# A control character shown as its picture ('␛' for ESC), one character for one so that every
# span of a Text stays where it was: a reviewed file or an excerpt holding ESC ] 52 ... would
# otherwise reach the terminal as a command (write the clipboard, retitle the window, clear it).
_VISIBLE = {**{c: 0x2400 + c for c in (*range(0x00, 0x09), *range(0x0B, 0x0D), *range(0x0E, 0x20))},
            0x7F: 0x2421, **dict.fromkeys(range(0x80, 0xA0), 0xFFFD),
            # the direction controls, which reorder the rest of the terminal's line (the report would show
            # other words than the file holds): '�' in their place
            **dict.fromkeys(map(ord, DIRECTION_CONTROLS), 0xFFFD)}
# (found by a search, then replaced: ``str.translate`` with a table is some 15 times slower on a
# text that is not ASCII, 0.3 s on a report of 2 MB)
_CONTROL = re.compile("[" + "".join(map(chr, _VISIBLE)) + "]")
_STRIPPED = re.compile("[" + "".join(map(chr, STRIP_CONTROL_CODES)) + "]")  # (what a rich Text removes)


class SafeConsole(Console):
    """A rich Console that prints the control characters of what it is given as visible pictures,
    never as terminal commands (its own styles are written after, so they are kept).

    With ``no_color`` (NO_COLOR set) it writes no style at all: rich drops only the colours, and
    kept bold, underline and dim, escape codes in what the docs call plain output."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        if kwargs.get("no_color"):
            kwargs["color_system"] = None
        super().__init__(*args, **kwargs)

    def print(self, *objects: Any, **options: Any) -> None:
        super().print(*(_visible(o) for o in objects), **options)


def _visible(value: Any) -> Any:
    if isinstance(value, Text):
        plain = value.plain
        if _CONTROL.search(plain):
            value = value.copy()
            value.plain = _pictures(plain)
        return value
    return _pictures(value) if isinstance(value, str) else value


def _pictures(text: str) -> str:
    """``text`` with each control character as its picture."""
    return _CONTROL.sub(lambda m: chr(_VISIBLE[ord(m[0])]), text) if _CONTROL.search(text) else text


def make_console(stream: TextIO) -> Console:
    # Colour only on this process's own output, where a terminal (or FORCE_COLOR) asks for it: a
    # report written to a file (-o) or into a caller's stream is read in an editor, not a terminal.
    own = stream is sys.stdout or stream is sys.stderr
    return SafeConsole(file=stream, no_color=bool(os.environ.get("NO_COLOR")), highlight=False, soft_wrap=True,
                       emoji=False, force_terminal=None if own else False)


#: a line of the report: its pieces, each with its style ("" for none); the first piece's style is
#: that of the whole line, under the others' (as ``Text(a, style=s) + Text(b)`` has it)
Line = tuple[tuple[str, str], ...]


class _Page:
    """The report's lines, written in one go: rich's own cost is per print call and per ``Text``
    (its options, its buffer, its copies), and a line each made ``review`` of a long text of short
    sentences take 45 ms a KB, and ``check`` of 20,000 findings 14 s (0.5 s now).

    Without colour (a file, a pipe, TERM=dumb) the page is its text as rich prints it, written
    without rich: its control characters removed or shown (as ``SafeConsole`` does), each line's
    tabs expanded as rich expands them; with colour, one ``Text`` printed once."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.console = make_console(stream)
        self.colour = self.console.color_system is not None
        self.lines: list[Line | Text] = []  # (with colour)
        self.plain: list[str] = []  # (without)
        self.encoding, self.errors = _narrow(stream)
        self.tick, self.bar, self.dot, self.more = (self.symbol(s) for s in ("✓", "│", "·", "…"))

    def symbol(self, char: str) -> str:
        """The report's own ``char``, or its ASCII stand-in where the stream cannot encode it."""
        return char if self.encoding is None or self.can_encode(char) else ASCII_SYMBOLS[char]

    def can_encode(self, text: str) -> bool:
        if self.encoding is None or text.isascii():
            return True
        try:
            text.encode(self.encoding)
        except UnicodeEncodeError:
            return False
        return True

    def shown(self, text: str) -> str:
        """``text`` as the stream writes it: on a stream that cannot encode every character (a
        Windows pipe, PYTHONIOENCODING=ascii), with those characters escaped as the stream escapes
        them (``\\u2713``; ``\\x..`` where it would have raised), so that a caret stays under its
        words and nothing is left for the stream to fail on. Unchanged on UTF-8."""
        if self.encoding is None or text.isascii():
            return text
        text = _pictures(_STRIPPED.sub("", text))
        return text.encode(self.encoding, self.errors).decode(self.encoding, "surrogateescape")

    def print(self, *pieces: tuple[str, str]) -> None:
        if self.encoding is not None:
            pieces = tuple((self.shown(piece), style) for piece, style in pieces)
        if self.colour:
            self.lines.append(pieces)
        else:
            self.plain.append("".join([piece for piece, _ in pieces]))

    def text(self, text: Text) -> None:
        if self.colour:
            self.lines.append(text)
        else:
            self.plain.append(text.plain)

    def write(self) -> None:
        if self.colour:
            self.console.print(Text("\n").join(_text(line) for line in self.lines))
            return
        page = _pictures(_STRIPPED.sub("", "\n".join(self.plain)))
        if "\t" in page:
            page = "\n".join(_expand_tabs(line) if "\t" in line else line for line in page.split("\n"))
        self.stream.write(page)
        self.stream.write("\n")
        self.stream.flush()


#: the report's own symbols where the stream cannot encode them
ASCII_SYMBOLS = {"✓": "+", "│": "|", "·": "-", "…": "..."}


def _narrow(stream: TextIO) -> tuple[str | None, str]:
    """The stream's encoding and errors handler where it cannot encode every character, else
    (None, ""). A stream that would raise is given Python's backslash escapes instead."""
    encoding = getattr(stream, "encoding", None)
    if not isinstance(encoding, str) or not encoding:  # (a StringIO: text, no bytes)
        return None, ""
    try:
        "\U0001f600\u2713".encode(encoding)
        return None, ""
    except UnicodeEncodeError:
        pass
    except LookupError:
        return None, ""
    errors = getattr(stream, "errors", None)
    return encoding, errors if isinstance(errors, str) and errors != "strict" else "backslashreplace"


def _text(line: Line | Text) -> Text:
    if isinstance(line, Text):
        return line
    if not line:
        return Text()
    (first, style), *rest = line
    text = Text(first, style=style)
    for piece, piece_style in rest:
        text.append(piece, piece_style or None)
    return text


def _expand_tabs(line: str) -> str:
    text = Text(line)
    text.expand_tabs(8)  # (a Console's tab_size)
    return text.plain


class _Lines:
    """Source lines by file, read once (from what the run already holds, else from disk)."""

    def __init__(self, sources: dict[str, str]) -> None:
        self.sources = sources
        self.cache: dict[str, list[str] | None] = {}

    def get(self, file: str, line: int) -> str | None:
        if file not in self.cache:
            text = self.sources.get(file)
            if text is None and not file.startswith("<"):
                try:
                    text = Path(file).read_text(encoding="utf-8-sig")
                except (OSError, UnicodeDecodeError):
                    text = None
            self.cache[file] = text.splitlines() if text is not None else None
        lines = self.cache[file]
        return lines[line - 1] if lines is not None and 0 < line <= len(lines) else None


def _context(con: _Page, d: Diagnostic, lines: _Lines) -> None:
    line = lines.get(d.location.file, d.location.line)
    if line is None:
        return
    col = max(1, d.location.col)
    first = d.text.split("\n", 1)[0] if d.text else ""
    if d.extra.get("end_line") == str(d.location.line):  # the file's own extent of the text
        first = " " * (int(d.extra["end_col"]) - col)
    width = max(1, min(len(first) or 1, len(line) - col + 1))
    shown, col, width = _window(line, col, width, con.more)
    shown = shown.replace("\t", " ")  # (a tab as one space keeps the columns; the window only: a line may be long)
    if not con.can_encode(shown):  # (each character escaped as the stream will: the caret under the same words)
        before, words = con.shown(shown[:col - 1]), con.shown(shown[col - 1:col - 1 + width])
        shown, col, width = before + words + con.shown(shown[col - 1 + width:]), len(before) + 1, max(1, len(words))
    gutter = f"{d.location.line:>6} {con.bar} "
    con.print((gutter, "dim"), (shown, ""))
    # (a finding over several lines, the whole reply's length or grade, is shown by its first line: said so, its
    # carets under the acknowledgment read as the acknowledgment's fault)
    last = d.extra.get("end_line", "")
    through = f" {con.more} through line {last}" if last.isdigit() and int(last) > d.location.line else ""
    # (in the columns a terminal gives the words: counted in characters, carets under Japanese fell short and before)
    lead, under = _columns(shown[:col - 1]), max(1, _columns(shown[col - 1:col - 1 + width]))
    con.print((" " * 6 + f" {con.bar} ", "dim"), (" " * lead + "^" * under, STYLES[d.severity]), (through, "dim"))


def _columns(text: str) -> int:
    """The columns ``text`` takes in a terminal: two for a wide character (Japanese, Chinese, Korean, a full-width
    letter), none for a mark stored apart from its letter (an accent pasted decomposed, "a" then U+0308)."""
    if text.isascii():
        return len(text)
    return sum(0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


#: a source line longer than this is shown as a window around the finding: a paragraph written
#: on one line, printed whole under each of its findings, made the report grow with its square
WINDOW = 120
LEAD = 40  # characters of the window before the finding


def _window(line: str, col: int, width: int, more: str = "…") -> tuple[str, int, int]:
    """The part of ``line`` to show, with the caret's column and width in it (``more`` marks a cut)."""
    if len(line) <= WINDOW:
        return line, col, width
    start = max(0, min(col - 1 - LEAD, len(line) - WINDOW))
    end = start + WINDOW
    shown = (more if start else "") + line[start:end] + (more if end < len(line) else "")
    return shown, col - start + (len(more) if start else 0), max(1, min(width, end - (col - 1)))


def _diagnostic(con: _Page, d: Diagnostic, lines: _Lines) -> None:
    # (the code, the name and the message are bold, the name dim too: as they were, when the three
    # were one bold Text with the name's dim inside)
    con.print((f"  {d.location.line}:{d.location.col}".ljust(10), ""), (d.severity.value.ljust(11), STYLES[d.severity]),
              (d.code, "bold"), (f" [{d.name}] ", "bold dim"), (d.message, "bold"))
    _context(con, d, lines)
    if d.suggestion:
        con.print(("         suggestion: ", "green"), (d.suggestion, ""))
    # (a region over more than its slot, the whole reply's grade or length, is not that slot's alone)
    slot = f"from {d.slot} on" if d.slot and SPREAD in d.extra else d.slot
    where = [w for w in (slot, d.extra.get("channels", d.channel or "").replace(",", ", "),
                         "fixable" if d.fix is not None and d.fix.safe else "") if w]
    if where:
        con.print(("         " + f" {con.dot} ".join(where), "dim"))


def _sentences(con: _Page, result: LintResult, file: str) -> None:
    notes: list[SentenceNote] = result.sentences
    inside, across = whole_reply_apart(result)
    con.print((display_path(file), "bold underline"))
    if result.turns:
        speakers = ", ".join(dict.fromkeys(t.speaker for t in result.turns))
        count = len({t.turn for t in result.turns})  # (a turn split by a quoted line is still one)
        con.print((f"  a transcript: {count} turn(s) by {speakers} judged as one reply; "
                   "the other speakers' lines are not judged", "dim"))
    elif result.quoted_from is not None:
        source = result.sources[file]
        line = source.count("\n", 0, result.quoted_from) + 1
        col = result.quoted_from - (source.rfind("\n", 0, result.quoted_from) + 1) + 1
        where = f"line {line}" if col == 1 else f"line {line}, column {col}"  # (HTML is often one line)
        con.print((f"  the quoted thread from {where} on is not judged: it is the earlier messages", "dim"))
    why = not_judged(result)
    if why:
        con.print((f"  {why}", "dim"))
    # (a finding about the whole reply that says a practice is missing takes that practice's tick away: "✓ solution"
    # above "SK401 the reply has no solution" said both)
    missing = {WHOLE_REPLY_SLOT[d.code] for d in across if d.code in WHOLE_REPLY_SLOT}
    for s, diags in zip(notes, inside, strict=True):
        good = not why and _shows_practice(s) and not diags and s.slot not in missing
        mark = (f"  {con.tick} ", "green") if good else ("  ! ", "yellow") if diags else ("    ", "")
        practice = "not judged" if why else SLOT_LABELS.get(s.slot, s.slot)
        con.print(mark, (f"{s.location.line}:{s.location.col}".ljust(7), ""),
                  (f"{practice:<13}", "green" if good else "dim"), (" ".join(s.text.split()), ""))
        _findings(con, diags)
    if across:
        con.print(("  the whole reply:", "dim"))
        _findings(con, across)
    flagged = sum(1 for diags in inside if diags)
    if why:
        con.print((f"  none of {len(notes)} sentence(s) judged for acknowledgment, warmth or a solution; "
                   f"{flagged} marked ! could improve.", "dim"))
        con.print()
        return
    clean = sum(1 for s, diags in zip(notes, inside, strict=True)
                if _shows_practice(s) and not diags and s.slot not in missing)
    # (out of the reply's own sentences: a greeting or a sign-off never acknowledges or solves; the
    # marked ones are counted out of the same sentences, and a marked frame is named after them)
    body = sum(1 for s in notes if s.slot not in FRAME_SLOTS)
    flagged = sum(1 for s, diags in zip(notes, inside, strict=True) if diags and s.slot not in FRAME_SLOTS)
    aside = " of the reply (greeting and sign-off aside)" if body < len(notes) else ""
    if body == 0:  # (a greeting and a sign-off with nothing between: "0 of 0" says nothing)
        con.print(("  the reply is a greeting and a sign-off only: nothing acknowledges the customer or "
                   f"offers a solution.{_frames_marked(notes, inside, counted=False)}", "dim"))
    else:
        con.print((f"  {clean} of {body} sentence(s){aside} acknowledge, show warmth or offer a solution "
                   f"cleanly; {flagged} marked ! could improve.{_frames_marked(notes, inside)}", "dim"))
    con.print()


def _findings(con: _Page, diags: list[Diagnostic]) -> None:
    # (the location and the severity in words, as check has them: "1 error" in the summary named no finding, and the
    # sentence's "!" reads as "exclamation" aloud)
    for d in diags:
        where = f"      {d.location.line}:{d.location.col}".ljust(14)
        con.print((where, ""), (d.severity.value.ljust(11), STYLES[d.severity]), (d.code, "bold"),
                  (f" [{d.name}] {d.message}", ""))
        if d.suggestion:
            con.print(("        suggestion: ", "green"), (d.suggestion, ""))


def _frames_marked(notes: list[SentenceNote], inside: list[list[Diagnostic]], counted: bool = True) -> str:
    """The greeting's or sign-off's own findings, named: they are outside the count of the reply's
    sentences (``counted``), so "3 marked !" beside "of 2 sentence(s)" read as a miscount."""
    # (each kind named once, with how many: a text of several replies, each opening "Dear Customer,", had the
    # same sentence said once per greeting)
    marked: dict[str, tuple[int, dict[str, None]]] = {}
    for s, diags in zip(notes, inside, strict=True):
        if diags and s.slot in FRAME_SLOTS:
            times, codes = marked.get(SLOT_LABELS[s.slot], (0, {}))
            marked[SLOT_LABELS[s.slot]] = (times + 1, codes | dict.fromkeys(f"{d.code} [{d.name}]" for d in diags))
    apart, too = (", outside that count,", " too") if counted else ("", "")
    return "".join(f" The {label if times == 1 else f'{times} {label}s'}{apart} {'is' if times == 1 else 'are'} "
                   f"marked !{too}: {', '.join(codes)}." for label, (times, codes) in marked.items())


def _shows_practice(s: SentenceNote) -> bool:
    return s.slot in EMPATHY_SLOTS and s.confidence >= 0.5


def report(result: LintResult, stream: TextIO, *, export: bool = False) -> None:
    """``export``: the findings of ``scriptkit export``, which only errors stop (there is no fail-on to name)."""
    con = _Page(stream)
    lines = _Lines(result.sources)
    by_file: dict[str, list[Diagnostic]] = {}
    for d in result.diagnostics:
        by_file.setdefault(d.location.file, []).append(d)
    if result.sentences:
        file = result.sentences[0].location.file
        _sentences(con, result, file)
        by_file = {f: ds for f, ds in by_file.items() if f != file}
    for file in sorted(by_file, key=display_path):
        con.print((display_path(file), "bold underline"))
        for d in by_file[file]:
            _diagnostic(con, d, lines)
        con.print()
    con.text(summary(result, export=export))
    if result.internal_notes:  # (said once: a cold note's missing warmth findings are no oversight)
        con.print(("Not judged as replies to a customer, so checked for flexibility and hygiene only: "
                   f"{len(result.internal_notes)} internal note(s) (for the agents, never sent)", "dim"))
    con.write()


def summary(result: LintResult, *, export: bool = False) -> Text:
    n = len(result.diagnostics)
    if n == 0:
        scope = "the text" if result.sentences or not result.messages else \
            f"{len({m.script_id for m in result.messages})} script(s)"
        return Text(f"All clear: no problems in {scope}.", style="green")
    counts = ", ".join(f"{result.count(s)} {s.value}{'s' if result.count(s) != 1 else ''}"
                       for s in Severity if result.count(s))
    out = Text(f"Found {n} problem{'s' if n != 1 else ''} ({counts}).",
               style="bold red" if result.has_failures else "yellow")
    fixable = len(result.fixes)
    if fixable and not result.sentences:  # (review has no --fix: its text is not a file to edit)
        out += Text(f" {fixable} fixable with --fix.", style="dim")
    if not result.has_failures:  # (every finding is below fail-on: name them in words, and the setting)
        present = [f"{s.value}s" for s in Severity if result.count(s)]
        below = " and ".join(present).capitalize()
        out += Text(f" {below} do not stop the export." if export else
                    f" {below} do not fail the check (fail-on: {result.config.fail_on.value}).", style="dim")
    return out
