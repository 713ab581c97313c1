"""``--format text``: for people. Grouped by file, each problem with its source line and a
caret under the offending text, the suggestion, the slot and channels; a summary at the end.
Colour only on a terminal, never when NO_COLOR is set."""

from __future__ import annotations

import os
import re
import sys
import unicodedata
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, TextIO

from rich.console import Console
from rich.control import STRIP_CONTROL_CODES
from rich.text import Text

from scriptkit.diagnostics import SPREAD, Diagnostic, Severity
from scriptkit.linting import NOT_JUDGED
from scriptkit.reporters import display_path, not_judged, whole_reply_apart
from scriptkit.text import DIRECTION_CONTROLS, holds_right_to_left

if TYPE_CHECKING:
    from scriptkit.linting import LintResult, SentenceNote

STYLES = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.SUGGESTION: "cyan"}
SLOT_LABELS = {"acknowledgment": "acknowledges", "warm_language": "warm", "solution": "solution",
               "greeting": "greeting", "signoff": "sign-off", "other": "other", NOT_JUDGED: "not judged"}
EMPATHY_SLOTS = ("acknowledgment", "warm_language", "solution")
FRAME_SLOTS = ("greeting", "signoff")
#: the whole-reply findings that say a practice is missing from the reply, and that practice's slot
WHOLE_REPLY_SLOT = {"SK401": "solution", "SK301": "acknowledgment", "SK207": "warm_language"}
#: findings about the whole reply's manner found at each instance, each with its own fix: review says why at the first
#: and only where and the rewrite at the others ("We will" three times said "sounds stiff" three times)
SAID_ONCE = frozenset({"SK203"})


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
            value.plain = pictures(plain)
        return value
    return pictures(value) if isinstance(value, str) else value


def pictures(text: str) -> str:
    """``text`` with each control character as its picture (not tab, line feed or carriage return: a
    caller that writes one line escapes those itself)."""
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
        self.window = _window_columns(self)

    def symbol(self, char: str) -> str:
        """The report's own ``char``, or its ASCII stand-in where the stream cannot encode it."""
        return char if self.encoding is None or self.can_encode(char) else ASCII_SYMBOLS[char]

    def can_encode(self, text: str) -> bool:
        return self.encoding is None or text.isascii() or _encodes(text, self.encoding)

    def readable(self, text: str) -> str:
        """A writer's ``text`` with its punctuation in ASCII where the stream cannot encode it (``ascii_stand_ins``)."""
        return text if self.encoding is None else _punctuation_for(text, self.encoding)

    def shown(self, text: str) -> str:
        """``text`` as the stream writes it: on a stream that cannot encode every character (a
        Windows pipe, PYTHONIOENCODING=ascii), with those characters escaped as the stream escapes
        them (``\\u2713``; ``\\x..`` where it would have raised), so that a caret stays under its
        words and nothing is left for the stream to fail on. Unchanged on UTF-8."""
        if self.encoding is None or text.isascii():
            return text
        text = pictures(_STRIPPED.sub("", text))
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
        page = pictures(_STRIPPED.sub("", "\n".join(self.plain)))
        if "\t" in page:
            page = "\n".join(_expand_tabs(line) if "\t" in line else line for line in page.split("\n"))
        self.stream.write(page)
        self.stream.write("\n")
        self.stream.flush()


#: the report's own symbols where the stream cannot encode them
ASCII_SYMBOLS = {"✓": "+", "│": "|", "·": "-", "…": "...", "⟨": "<", "⟩": ">"}

#: a writer's punctuation where the stream cannot encode it (an ASCII or C locale): escaped, 'We\u2019re' was read
#: aloud by a screen reader as "backslash u 2 0 1 9". For display only: json, sarif and the rest keep the text.
ASCII_PUNCTUATION = str.maketrans({
    "‘": "'", "’": "'", "‚": "'", "‛": "'", "′": "'",
    "“": '"', "”": '"', "„": '"', "‟": '"', "″": '"',
    "‐": "-", "‑": "-", "‒": "-", "–": "-", "—": "--", "―": "--", "−": "-",
    "…": "...", "·": "-", "•": "*",
    " ": " ", " ": " ", " ": " ", " ": " "})


def ascii_stand_ins(text: str, stream: IO[str]) -> str:
    """``text`` to show on ``stream``, its common punctuation (curly quotes, dashes, '…', '·', no-break spaces)
    as ASCII where the stream cannot encode it; unchanged where it can (UTF-8, a StringIO, a file written
    with -o), and any other character left for the stream to escape."""
    encoding, _errors = _narrow(stream)
    return text if encoding is None else _punctuation_for(text, encoding)


def _punctuation_for(text: str, encoding: str) -> str:
    if text.isascii():
        return text
    return "".join(char if char.isascii() or ord(char) not in ASCII_PUNCTUATION or _encodes(char, encoding)
                   else char.translate(ASCII_PUNCTUATION) for char in text)


def _encodes(char: str, encoding: str) -> bool:
    try:
        char.encode(encoding)
    except UnicodeEncodeError:
        return False
    return True


def _narrow(stream: IO[str]) -> tuple[str | None, str]:
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
    shown, lead, under, right_to_left = _window(con, line, col, width)
    gutter = f"{d.location.line:>6} {con.bar} "
    con.print((gutter, "dim"), (shown, ""))
    # (a finding over several lines, the whole reply's length or grade, is shown by its first line: said so, its
    # carets under the acknowledgment read as the acknowledgment's fault)
    last = d.extra.get("end_line", "")
    through = f" {con.more} through line {last}" if last.isdigit() and int(last) > d.location.line else ""
    if right_to_left:
        # (a terminal may lay a right-to-left line out mirrored, or not, as it does bidi: a caret counted in the
        # file's order points at other words on one and the right ones on another; the words, quoted, are right on
        # both)
        words = "".join(_cells(con, line, col - 1, min(len(line), col - 1 + width)))
        con.print((" " * 6 + f" {con.bar} ", "dim"), (f'marked: "{words}"', STYLES[d.severity]),
                  (" (right-to-left text, which a terminal may reorder: no carets)" + through, "dim"))
        return
    con.print((" " * 6 + f" {con.bar} ", "dim"), (" " * lead + "^" * under, STYLES[d.severity]), (through, "dim"))


def _columns(text: str) -> int:
    """The columns ``text`` takes in a terminal: two for a wide character (Japanese, Chinese, Korean, a full-width
    letter), none for a mark stored apart from its letter (an accent pasted decomposed, "a" then U+0308) or a
    format character (a joiner inside an emoji)."""
    if text.isascii():
        return len(text)
    return sum(0 if unicodedata.category(c) in _NO_COLUMN else 2 if unicodedata.east_asian_width(c) in "WF" else 1
               for c in text)


_NO_COLUMN = frozenset(("Mn", "Me", "Cf"))

#: characters no one sees that change the line: shown in a snippet by their code point (as the audit's HTML shows
#: them), or a caret after a zero-width space stood one column right of its words, and the space went unseen.
#: The joiners only between Latin letters: emoji sequences and scripts such as Persian need them (as SK012 has it)
_UNSEEN = DIRECTION_CONTROLS | frozenset("\u200b\u2060\ufeff\u00ad")
_JOINERS = frozenset("\u200c\u200d")
_LATIN = re.compile("[A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff]")

#: off a terminal (a file, a pipe, a CI log) a source line longer than this many columns is shown as a window around
#: the finding, the same in every log whatever window it ran in; on a terminal the window is the terminal's width
#: (a paragraph written on one line, printed whole under each of its findings, made the report grow with its square)
WINDOW = 120
NARROWEST = 30  # columns of the line shown however narrow the terminal: fewer leave the words no context
GUTTER = len("     4 | ")


def _window_columns(con: _Page) -> int:
    """The columns of a source line the snippet shows, the cut marks aside: the terminal's (COLUMNS, else its own
    width: a 120-column window in a pane of 50 wrapped each line onto three, the carets onto lines of their own)."""
    own = con.stream is sys.stdout or con.stream is sys.stderr
    if own and (os.environ.get("COLUMNS", "").isdigit() or con.console.is_terminal):
        return max(NARROWEST, con.console.width - GUTTER - 2 * _columns(con.more))
    return WINDOW


def _cells(con: _Page, line: str, start: int, end: int) -> list[str]:
    """Each character of ``line[start:end]`` as the snippet shows it: a tab as a space (it keeps the columns), an
    unseen character as its code point, a character the stream cannot encode escaped as the stream will."""
    part = line[start:end]
    if part.isascii():  # (most lines: no character to look at one by one)
        return list(part.replace("\t", " "))
    shown = []
    for i in range(start, end):
        char = line[i]
        if char == "\t":
            char = " "
        elif char in _UNSEEN or (char in _JOINERS and 0 < i < len(line) - 1 and _LATIN.match(line[i - 1])
                                 and _LATIN.match(line[i + 1])):
            char = f"{con.symbol('⟨')}U+{ord(char):04X}{con.symbol('⟩')}"
        elif not char.isascii() and not con.can_encode(char):
            char = con.shown(con.readable(char))
        shown.append(char)
    return shown


def _window(con: _Page, line: str, col: int, width: int) -> tuple[str, int, int, bool]:
    """The part of ``line`` to show, the columns before the caret and under it, and whether the part holds
    right-to-left text; a line wider than the window is cut around the finding (``con.more`` marks a cut)."""
    room = con.window
    at = min(col - 1, len(line))
    past_end = col - 1 - at  # (a finding just after the line's last character)
    if len(line) <= 4 * room:  # (a longer line is wider than any window: not measured whole)
        cells = _cells(con, line, 0, len(line))
        if _columns("".join(cells)) <= room:
            right_to_left = holds_right_to_left(line)
            return ("".join(cells), _columns("".join(cells[:at])) + past_end,
                    max(1, _columns("".join(cells[at:at + width]))), right_to_left)
    # (measured a character at a time from the finding out, never the whole line: it may be a paragraph of 2 MB)
    cell_of: dict[int, int] = {}

    def cost(i: int) -> int:
        if i not in cell_of:
            cell_of[i] = _columns(_cells(con, line, i, i + 1)[0])
        return cell_of[i]

    start, end, used, steps = at, at, 0, 8 * room  # (steps: a run of zero-width marks costs nothing, but time)
    while start > 0 and steps and used + cost(start - 1) <= room // 3:
        start, used, steps = start - 1, used + cost(start - 1), steps - 1
    while end < len(line) and steps and used + cost(end) <= room:
        end, used, steps = end + 1, used + cost(end), steps - 1
    while start > 0 and steps and used + cost(start - 1) <= room:  # (the finding near the end: more before it)
        start, used, steps = start - 1, used + cost(start - 1), steps - 1
    while start < at and unicodedata.category(line[start]) in ("Mn", "Me"):  # (no accent without its letter)
        start += 1
    cells = _cells(con, line, start, end)
    before = con.more if start else ""
    shown = before + "".join(cells) + (con.more if end < len(line) else "")
    lead = _columns(before) + _columns("".join(cells[:at - start])) + past_end
    under = max(1, _columns("".join(cells[at - start:max(at, min(at + width, end)) - start])))
    return shown, lead, under, holds_right_to_left(line[start:end])


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
    for note in result.reading_notes:  # (the thread, signature, disclaimer, HTML part left out; a charset unknown)
        con.print((f"  {note.message}", "dim"))
    why = not_judged(result)
    if why:
        con.print((f"  {why}", "dim"))
    # (a finding about the whole reply that says a practice is missing takes that practice's tick away: "✓ solution"
    # above "SK401 the reply has no solution" said both)
    missing = {WHOLE_REPLY_SLOT[d.code] for d in across if d.code in WHOLE_REPLY_SLOT}
    said: dict[str, str] = {}  # (SAID_ONCE's codes shown, and where first)
    for s, diags in zip(notes, inside, strict=True):
        good = not why and _shows_practice(s) and not diags and s.slot not in missing
        mark = (f"  {con.tick} ", "green") if good else ("  ! ", "yellow") if diags else ("    ", "")
        practice = "not judged" if why else "asks" if _asks(s) else SLOT_LABELS.get(s.slot, s.slot)
        con.print(mark, (f"{s.location.line}:{s.location.col}".ljust(7), ""),
                  (f"{practice:<13}", "green" if good else "dim"), (con.readable(" ".join(s.text.split())), ""))
        _findings(con, diags, said)
    if across:
        con.print(("  the whole reply:", "dim"))
        _findings(con, across, said)
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
    # (a sentence in another language beside English, not judged, is outside the count as a frame is)
    body = sum(1 for s in notes if s.slot not in FRAME_SLOTS and s.slot != NOT_JUDGED)
    flagged = sum(1 for s, diags in zip(notes, inside, strict=True)
                  if diags and s.slot not in FRAME_SLOTS and s.slot != NOT_JUDGED)
    framed, other = (any(s.slot in slots for s in notes) for slots in (FRAME_SLOTS, (NOT_JUDGED,)))
    left = ("greeting, sign-off and sentences in another language" if framed and other
            else "sentences in another language" if other else "greeting and sign-off")
    aside = f" of the reply ({left} aside)" if body < len(notes) else ""
    if body == 0:  # (a greeting and a sign-off with nothing between: "0 of 0" says nothing)
        con.print(("  the reply is a greeting and a sign-off only: nothing acknowledges the customer or "
                   f"offers a solution.{_frames_marked(notes, inside, counted=False)}", "dim"))
    else:
        # (every counted sentence is ticked, marked or neither: "2 of 3 ... cleanly; 0 marked" left one unexplained,
        # a question for the customer or a sentence that reads as none of the three, such as a fact about the product)
        asks = sum(1 for s, diags in zip(notes, inside, strict=True)
                   if not diags and s.slot not in FRAME_SLOTS and s.slot != NOT_JUDGED and _asks(s))
        plain = body - clean - flagged - asks
        neither = "".join([f"; {asks} ask(s) the customer a question"] * bool(asks) + [
            f"; {plain} unmarked: no finding, but not clearly an acknowledgment, warmth or a solution"] * bool(plain))
        con.print((f"  {clean} of {body} sentence(s){aside} acknowledge, show warmth or offer a solution "
                   f"cleanly; {flagged} marked ! could improve{neither}.{_frames_marked(notes, inside)}", "dim"))
    con.print()


def _findings(con: _Page, diags: list[Diagnostic], said: dict[str, str]) -> None:
    # (the location and the severity in words, as check has them: "1 error" in the summary named no finding, and the
    # sentence's "!" reads as "exclamation" aloud)
    for d in diags:
        where = f"      {d.location.line}:{d.location.col}".ljust(14)
        message = d.message
        if d.code in SAID_ONCE:
            first = said.setdefault(d.code, f"{d.location.line}:{d.location.col}")
            if first != f"{d.location.line}:{d.location.col}":
                message = f"again, as at {first}"
        con.print((where, ""), (d.severity.value.ljust(11), STYLES[d.severity]), (d.code, "bold"),
                  (f" [{d.name}] {message}", ""))
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
    return s.slot in EMPATHY_SLOTS and s.confidence >= 0.5 and not _asks(s)


def _asks(s: SentenceNote) -> bool:
    """A question for the customer's answer in the solution ("Do you see an error message?"): the rules read it as
    what happens next, but it is no solution of the writer's, so it is shown as asking and has no tick."""
    from scriptkit.inference import ASKS, practice_shown  # (read only when a reply is reviewed)

    return practice_shown(s.slot, s.text) == ASKS


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
    if result.internal_notes:  # (said once: a cold note's missing warmth and flexibility findings are no oversight)
        from scriptkit.linting import notes_told  # (by a setting or by their wording)

        con.print(("Not judged as replies to a customer, so checked by the template, export and custom rules only: "
                   f"{len(result.internal_notes)} internal note(s) (for the agents, never sent)"
                   f"{notes_told(len(result.internal_notes), len(result.notes_by_wording))}", "dim"))
    con.write()


def summary(result: LintResult, *, export: bool = False) -> Text:
    n = len(result.diagnostics)
    if n == 0:
        scripts = {m.script_id for m in result.messages}
        files = {m.file for m in result.messages} - {""}
        # one script checked alone is named, so a writer sees which file was cleared
        scope = "the text" if result.sentences or not result.messages else \
            f"1 script ({display_path(next(iter(files)))})" if len(scripts) == 1 and len(files) == 1 else \
            f"{len(scripts)} script(s)"
        left_out = f"; {result.excluded} left out by exclude in pack.yaml" if result.excluded else ""
        return Text(f"All clear: no problems in {scope}{left_out}.", style="green")
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
