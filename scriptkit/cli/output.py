"""Shared terminal output: consoles that honour NO_COLOR, located error reports, and standard
streams that print every character, whatever their encoding."""

from __future__ import annotations

import codecs
import errno
import io
import os
import re
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn, TextIO

from scriptkit.diagnostics import Location
from scriptkit.errors import ConfigError, ScriptkitError, each_error, no_file_in_the_way, two_sentences

if TYPE_CHECKING:
    from collections.abc import Iterable

    from _typeshed import ReadableBuffer
    from rich.console import Console

    from scriptkit.diagnostics import Diagnostic


#: what a standard stream that cannot encode a character writes instead (see ``printable_streams``)
ESCAPE = "scriptkit-escape"
_ESCAPE_KEEPING_BYTES = "scriptkit-escape-surrogates"  # (for a stream that had errors='surrogateescape')


def escape_unencodable(text: str) -> str:
    """``text``'s characters as JSON writes them escaped: ``\\u2713``, and a character past U+FFFF
    as its two halves (``\\ud83d\\ude00``, as JSON has it). Valid inside a JSON string, and
    plain text in a report or an XML document."""
    out = []
    for char in text:
        code = ord(char)
        if code > 0xFFFF:
            code -= 0x10000
            out.append(f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}")
        else:
            out.append(f"\\u{code:04x}")
    return "".join(out)


def _escape_error(exc: UnicodeError) -> tuple[str, int]:
    if not isinstance(exc, UnicodeEncodeError):
        raise exc
    return escape_unencodable(exc.object[exc.start:exc.end]), exc.end


def _escape_keeping_bytes(exc: UnicodeError) -> tuple[str | bytes, int]:
    # a byte the system's encoding could not decode (a file's name, read with surrogateescape) is
    # written back as that byte, as the stream did; any other character is escaped
    if not isinstance(exc, UnicodeEncodeError):
        raise exc
    text, start, end = exc.object, exc.start, exc.end
    if "\udc80" <= text[start] <= "\udcff":
        stop = start + 1
        while stop < end and "\udc80" <= text[stop] <= "\udcff":
            stop += 1
        return bytes(ord(c) - 0xDC00 for c in text[start:stop]), stop
    stop = start + 1
    while stop < end and not "\udc80" <= text[stop] <= "\udcff":
        stop += 1
    return escape_unencodable(text[start:stop]), stop


codecs.register_error(ESCAPE, _escape_error)
codecs.register_error(_ESCAPE_KEEPING_BYTES, _escape_keeping_bytes)


def printable_streams() -> None:
    """Let stdout and stderr write every character, whatever their encoding.

    A pipe on Windows (cp1252), ``PYTHONIOENCODING=ascii`` or a C locale cannot encode a '✓', an
    arrow or a customer's emoji, and the first one ended the command with a UnicodeEncodeError,
    the report half written. Such a stream now writes what it cannot encode as its escape
    (``\\u2713``), which keeps a JSON or SARIF report valid JSON and a JUnit report valid XML; what
    it can encode is written as before, and a UTF-8 stream is left as it is (byte for byte).
    Files written with --output are UTF-8 whatever the streams are."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        encoding = getattr(stream, "encoding", None)
        if reconfigure is None or not encoding or getattr(stream, "errors", None) in (ESCAPE, _ESCAPE_KEEPING_BYTES):
            continue
        try:
            "\U0001f600\u2713".encode(encoding)
            continue  # (UTF-8, UTF-16, GB 18030: every character; a lone surrogate is the stream's own business)
        except UnicodeEncodeError:
            pass
        except LookupError:  # (an encoding Python does not know: nothing can be written anyway)
            continue
        # (stderr too, where the system reads names with surrogateescape (a C locale): a folder named on the command
        # line, 'outcafé', was said as 'outcaf\udcc3\udca9' on stderr and as typed on stdout)
        keep = "surrogateescape" in (getattr(stream, "errors", None), sys.getfilesystemencodeerrors())
        try:
            reconfigure(errors=_ESCAPE_KEEPING_BYTES if keep else ESCAPE)
        except (OSError, ValueError):  # (a closed stream)
            continue


class _ReaderGone(io.FileIO):
    """Standard output's file, whose writes after its reader has gone (``scriptkit check PACK | head -1``) are
    dropped instead of raising BrokenPipeError: the command runs to its end and exits with its own code. Ending
    at the first such write exited 0, and under ``set -o pipefail`` a failing check passed the CI job.

    A write the system refuses otherwise (a full disk: ``> /dev/full``) is kept in ``failed`` and the rest are
    dropped: ``stdout_reader_may_go`` then says so once, exit 2. The error raised there was reported, then met
    again by the last flush, a traceback and exit 1 (which a CI job reads as "findings")."""

    def write(self, data: ReadableBuffer) -> int:
        size = memoryview(data).nbytes
        if self.reader_gone or self.failed is not None:
            return size
        try:
            return super().write(data)
        except BrokenPipeError:
            self.reader_gone = True
            return size
        except OSError as exc:
            self.failed = exc
            return size

    reader_gone = False
    failed: OSError | None = None


@contextmanager
def stdout_reader_may_go() -> Iterator[None]:
    """Standard output, while the command runs, as a stream whose writes after its reader has gone are dropped
    (``_ReaderGone``). A stdout that is no file (a test's, a program's own) is left as it is."""
    stream = sys.stdout
    if stream is not sys.__stdout__ or not isinstance(stream, io.TextIOWrapper):
        yield
        return
    try:
        stream.flush()
        raw = _ReaderGone(stream.fileno(), "w", closefd=False)
    except (OSError, ValueError):  # (a closed or fileless stdout: nothing to guard)
        yield
        return
    sys.stdout = io.TextIOWrapper(io.BufferedWriter(raw), encoding=stream.encoding, errors=stream.errors,
                                  line_buffering=stream.line_buffering, write_through=stream.write_through)
    try:
        yield
    finally:
        guarded, sys.stdout = sys.stdout, stream
        try:
            guarded.flush()
        finally:
            guarded.detach()  # (the file stays open: it is the original stdout's)
        if raw.failed is not None:
            _standard_output_failed(raw.failed)


def _standard_output_failed(exc: OSError) -> NoReturn:
    """Say that standard output could not be written (the output is cut short), and end with exit code 2,
    whatever the command's own: its findings were not all written."""
    with suppress(OSError):  # (stderr on the same full disk: the exit code still says it)
        report_error(ConfigError(f"cannot write to standard output: {_why(exc)}",
                                 hint=_write_hint(exc, "the disk standard output goes to")))
    raise SystemExit(2)


def _why(exc: OSError) -> str:
    """The system's reason, said plainly where it is a common one."""
    if exc.errno == errno.ENOSPC:
        return f"the disk is full ({exc.strerror})"
    return str(exc.strerror or exc)


def _write_hint(exc: OSError, where: str) -> str:
    """What to do about a write the system refused, by its reason: freeing space, not checking permissions,
    for a full disk."""
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return f"Free some space on {where}, or write elsewhere."
    if exc.errno == errno.EROFS:  # (no permission would let it be written)
        return f"{where[:1].upper()}{where[1:]} is mounted read-only; write elsewhere."
    return "Check that its folder exists and that you may write there."


def as_typed(name: str) -> str:
    """``name``, from the command line or the file system, as text a file can hold: where a C locale could not
    decode its bytes (surrogates, 'caf\\udcc3\\udca9'), those bytes read as UTF-8, what a terminal most likely
    typed; any not UTF-8 as U+FFFD. A name the system decoded is returned as it is."""
    if not any("\udc80" <= char <= "\udcff" for char in name):
        return name
    return os.fsencode(name).decode("utf-8", "replace")


def counted_by_rule(diagnostics: Iterable[Diagnostic]) -> list[str]:
    """One line per rule, the most frequent first: '   6,276  SK201  corporate-phrase  (12 fixable)'. (check
    --statistics prints them, and export where its findings are too many to list.)"""
    counts: dict[tuple[str, str], list[int]] = {}
    for d in diagnostics:
        row = counts.setdefault((d.code, d.name), [0, 0])
        row[0] += 1
        row[1] += d.fix is not None and d.fix.safe
    return [f"{n:>6,}  {code}  {name}" + (f"  ({fixable:,} fixable)" if fixable else "")
            for (code, name), (n, fixable) in sorted(counts.items(), key=lambda kv: (-kv[1][0], kv[0]))]


def console(stderr: bool = False, emoji: bool = False, file: TextIO | None = None) -> Console:
    """A console for the command's output (or for ``file``, an ``-o`` report's text). No emoji codes: a place in a
    file ('front.json:100:16') would print as 'front.json💯16', and a writer's text may hold ':smile:' as written."""
    from scriptkit.reporters.text import SafeConsole  # (rich, when something is printed: --format json needs none)

    no_color = bool(os.environ.get("NO_COLOR"))
    return SafeConsole(stderr=stderr, file=file, no_color=no_color, highlight=False, soft_wrap=True, emoji=emoji)


def report_error(exc: ScriptkitError) -> None:
    """Print every problem as ``file:line:col: error: message. hint`` on stderr."""
    err = console(stderr=True)
    errors = each_error(exc)
    lines: list[str] = []
    per_file: dict[str, int] = {}  # problems of each file; past MAX_PER_FILE, counted, not printed
    for e in errors:
        file = e.location.file if e.location else ""
        per_file[file] = per_file.get(file, 0) + 1
        if file and per_file[file] > MAX_PER_FILE:
            continue
        where = f"{_place(e.location)}: " if e.location else ""
        text = two_sentences(e.message, e.hint)
        hint_at = len(text) - len(e.hint or "")  # the hint ends the text and is printed dimmed
        hint = f"[dim]{_escape(e.hint)}[/dim]" if e.hint else ""
        lines.append(f"{_escape(where)}[bold red]error:[/bold red] {_escape(text[:hint_at])}{hint}")
    for file, count in per_file.items():
        if file and count > MAX_PER_FILE:
            more = count - MAX_PER_FILE
            lines.append(f"{_escape(file)}: {more:,} more problem{'s' if more > 1 else ''} in this file "
                         f"not shown (the first {MAX_PER_FILE} are above); fix those and run again.")
    if len(errors) > 1:
        lines.append(f"{len(errors)} problems found.")
    err.print("\n".join(lines))  # (one print: rich's own cost is per call)


MAX_PER_FILE = 100  # problems of one file printed one by one (then how many more)


def _place(location: Location) -> str:
    """``file:line:col``; a folder or a missing path alone: it has no line to point at, and 'my-pak:1:1' read as a
    place in a file."""
    standard_stream = location.file == "-" or location.file.startswith("<")  # ('<stdin>': a place in it is one)
    # os.path's tests, not Path's: they answer False for a name the system refuses (too long) instead of raising
    no_file = os.path.isdir(location.file) or not os.path.exists(location.file)
    if (location.line, location.col) == (1, 1) and not standard_stream and no_file:
        return location.file
    return str(location)


def _escape(text: str) -> str:
    return escape_markup(_visible(text))


# a backslash before a '[' that opens no tag: rich reads the pair as an escaped '[' and drops the backslash
_LONE_ESCAPE = re.compile(r"\\\[(?![a-z#/@][^\[]*?\])")


def escape_markup(text: str) -> str:
    """``text`` as rich console markup that prints it as written: rich's own escape, and a backslash kept
    before a bracket that opens no tag (a hint's '\\[0-9]' or a path's 'C:\\[x' printed without it)."""
    from rich.markup import escape

    return _LONE_ESCAPE.sub(r"\\\\[", escape(text))


# characters a terminal shows as nothing, or as a space: a message quoting the writer's text
# ("'\u200bchat' is not a channel. Did you mean 'chat'?") read as if it named the right word; and
# U+0085, which breaks the line, and a lone half of a character, which cannot be printed at all
_INVISIBLE = re.compile("[\u00a0\u00ad\u115f\u1160\u180e\u2000-\u200f\u2028-\u202f\u205f-\u206f\u3000\ufeff"
                        "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")  # (not \t, \n or \r)


def _visible(text: str) -> str:
    # (a line break quoted from the writer's text, as in a key written "\\n", is shown escaped: each
    # error stays one line that starts with its file:line:col, as editors and CI annotations read them)
    return _INVISIBLE.sub(lambda m: f"<U+{ord(m[0]):04X}>", text).replace("\r", "\\r").replace("\n", "\\n")


@contextmanager
def writing(what: str, path: str | Path) -> Iterator[None]:
    """A failure to write ``path`` (no such folder, a file in the way, no permission, a full
    disk) becomes a usage error naming it (exit code 2), not a traceback, with a hint for its reason."""
    try:
        yield
    except OSError as exc:
        raise ConfigError(f"cannot write {what} to {path}: {_why(exc)}", Location(str(path), 1, 1),
                          _write_hint(exc, "its disk")) from None


def make_folder_for(what: str, path: str | Path) -> None:
    """Create the folders ``path`` goes in, as pytest's --junitxml does: ``-o reports/scriptkit.xml`` in a fresh
    CI checkout was an exit 2 and the findings lost. A file in the way, or no permission, is a usage error
    naming it (exit code 2)."""
    folder = Path(path).parent
    if folder.is_dir():
        return
    no_file_in_the_way(folder, path, what)
    with writing(what, path):
        folder.mkdir(parents=True, exist_ok=True)


#: seconds before a run's first "still working" line in a log (stderr not a terminal), and between the next ones
STAGE_LINE_AFTER, STAGE_LINE_EVERY = 10.0, 30.0
_COMMAND_STARTED = time.monotonic()  # (the command's clock: its stages are said with the time since it began)


def _pause(done: threading.Event, seconds: float) -> bool:
    return done.wait(seconds)


#: the teller's clock, and its pause: (the block's end, seconds) -> whether the block has ended. A test gives its own
#: (``stages(clock=..., pause=...)``, or these replaced): what is said is then not a race of its sleeps and the thread.
stage_clock: Callable[[], float] = time.monotonic
stage_pause: Callable[[threading.Event, float], bool] = _pause


#: the setting that turns the stage lines and the spinner off
NO_PROGRESS = "SCRIPTKIT_NO_PROGRESS"


def progress_off() -> bool:
    return os.environ.get(NO_PROGRESS, "") not in ("", "0")


@contextmanager
def stages(clock: Callable[[], float] | None = None,
           pause: Callable[[threading.Event, float], bool] | None = None) -> Iterator[Callable[[str], None]]:
    """Say which stage of a long run is going on, on stderr. At a terminal, a spinner names it. Elsewhere
    (a CI log), a line names it once the command has taken ``STAGE_LINE_AFTER`` seconds, then every
    ``STAGE_LINE_EVERY``: a 20,000-script audit printed nothing for minutes and looked hung, and a short
    run still prints nothing. Yields the function that names the current stage. ``clock`` and ``pause``:
    the teller's (default ``stage_clock`` and ``stage_pause``).

    ``SCRIPTKIT_NO_PROGRESS`` set (to anything but 0) says nothing at all. A dumb terminal (``TERM=dumb``, an
    editor's console) cannot redraw a line, and its spinner left blank lines: it gets the log's lines. So does
    ``NO_COLOR``: it promises no escape codes, and the spinner's redraws are cursor codes."""
    if progress_off():
        yield lambda label: None
        return
    if sys.stderr.isatty() and os.environ.get("TERM") != "dumb" and not os.environ.get("NO_COLOR"):
        from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

        with Progress(SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(),
                      console=console(stderr=True), transient=True) as bar:
            task = bar.add_task("Starting", total=None)
            yield lambda label: bar.update(task, description=label)
        return
    now, wait_for = clock or stage_clock, pause or stage_pause
    current: list[str] = []
    done = threading.Event()

    def tell_now_and_then() -> None:
        # (counted from the command's start, not the block's: a check's loading and its judging are two blocks,
        # and a 9 s load then a 9 s judgement printed nothing; a stage that starts late waits a second at least)
        wait = max(STAGE_LINE_AFTER - (now() - _COMMAND_STARTED), min(STAGE_LINE_EVERY, 1.0))
        while not wait_for(done, wait):
            print(f"scriptkit: {current[0]} ({now() - _COMMAND_STARTED:.0f} s so far)", file=sys.stderr, flush=True)
            wait = STAGE_LINE_EVERY

    teller = threading.Thread(target=tell_now_and_then, name="scriptkit-stages", daemon=True)

    def tell(label: str) -> None:
        # (the teller starts with the first stage named: never a line naming none)
        current[:] = [label]
        if not teller.is_alive() and teller.ident is None:
            teller.start()

    try:
        yield tell
    finally:
        done.set()
        if teller.ident is not None:
            teller.join()
