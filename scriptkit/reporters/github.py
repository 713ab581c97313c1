"""``--format github``: workflow commands that GitHub Actions shows as annotations on the diff.

GitHub shows at most 10 annotations of each kind (error, warning, notice) a step, and 50 a job, and drops
the rest without a word: a 3-script pack printed 13 warnings, a long reply's review a thousand. So the
annotations come worst first, 10 of each kind; the others are plain lines of the log (with their place), and
a last line says how many the pull request does not show and where to see them all (SARIF, this log).

Those plain lines carry file names and a script's words, and the Actions runner runs a line that starts with ``::``
and one that holds ``##[command]`` anywhere: they are written between ``::stop-commands::TOKEN`` and ``::TOKEN::``
(GitHub's way to log text that must not run), with a token no pack can know in advance."""

from __future__ import annotations

import secrets
from collections import Counter
from collections.abc import Mapping
from typing import TYPE_CHECKING, TextIO

from scriptkit.diagnostics import Diagnostic, Location, Severity
from scriptkit.reporters import repository_path, unplaceable, with_place, with_suggestion
from scriptkit.reporters.text import pictures

if TYPE_CHECKING:
    from scriptkit.linting import LintResult

LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.SUGGESTION: "notice"}
#: the annotations of each kind GitHub shows from one step (its documented limit; more are dropped)
SHOWN_PER_KIND = 10


def _data(text: str) -> str:
    # (control characters as their pictures: an ESC in a file's name or a message reached the log as a command)
    return pictures(text).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _prop(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def report(result: LintResult, stream: TextIO) -> None:
    annotated: Counter[Severity] = Counter()
    unshown: list[str] = []
    # (worst first, each kind in the report's order: the 10 errors GitHub shows are the first 10)
    for d in sorted(result.diagnostics, key=lambda d: d.severity, reverse=True):
        annotated[d.severity] += 1
        if annotated[d.severity] > SHOWN_PER_KIND:  # (GitHub would drop it: a line of the log, with its place)
            where = f"{_plain_path(repository_path(d.location.file))}:{d.location.line}:{d.location.col}"
            unshown.append(f"{where}: {d.severity.value} {d.code} [{d.name}] {_plain(with_suggestion(d))}\n")
            continue
        stream.write(annotation(d) + "\n")
    if unshown:  # (a plain line, not an 11th notice GitHub would drop too)
        token = secrets.token_hex(16)
        stream.write(f"::stop-commands::{token}\n")
        stream.writelines(unshown)
        stream.write(f"::{token}::\n")
        stream.write(f"scriptkit: {len(unshown)} finding(s) above are not shown as annotations (GitHub shows "
                     f"{SHOWN_PER_KIND} of each kind a step): they are in this log; upload --format sarif to code "
                     "scanning to see every finding on the pull request.\n")


def annotation(d: Diagnostic) -> str:
    """``d`` as a workflow command: its level, place, title (code and name) and message. A finding in standard
    input names no file (GitHub shows it on the run, not on a diff it cannot find ``<stdin>`` in), and its line
    and column are said in the message."""
    title = f"title={_prop(f'{d.code} [{d.name}]')}"
    if unplaceable(d.location.file):
        return f"::{LEVELS[d.severity]} {title}::{_data(with_place(d))}"
    return f"::{LEVELS[d.severity]} {_region(d.location, d.extra)}{title}::{_data(with_suggestion(d))}"


def _plain(text: str) -> str:
    """``text`` on one line of the log, its control characters shown."""
    return " ".join(pictures(text).split())


def _plain_path(path: str) -> str:
    """``path`` on one line of the log, each character kept (a line break written as ``\\n``, a control character
    as its picture), so the name can be found."""
    return pictures(path).replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t")


def _where(location: Location) -> str:
    return f"file={_prop(repository_path(location.file))},line={location.line},col={location.col},"


def _region(location: Location, extra: Mapping[str, str]) -> str:
    """A finding's place: its columns on one line; over several lines (a whole reply, a paragraph), the lines
    alone. GitHub takes col and endColumn only where the annotation starts and ends on one line: the Actions
    runner drops the columns of one that spans lines."""
    end_line = str(extra.get("end_line", ""))
    if not end_line or end_line == str(location.line):
        end = f"endLine={end_line},endColumn={extra['end_col']}," if end_line and "end_col" in extra else ""
        return _where(location) + end
    return f"file={_prop(repository_path(location.file))},line={location.line},endLine={end_line},"
