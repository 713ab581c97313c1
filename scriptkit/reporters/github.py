"""``--format github``: workflow commands that GitHub Actions shows as annotations on the diff."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, TextIO

from scriptkit.diagnostics import Location, Severity
from scriptkit.errors import ScriptkitError, each_error, two_sentences
from scriptkit.reporters import repository_path, with_suggestion

if TYPE_CHECKING:
    from scriptkit.linting import LintResult

LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.SUGGESTION: "notice"}


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _prop(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def report(result: LintResult, stream: TextIO) -> None:
    for d in result.diagnostics:
        message = with_suggestion(d)
        props = f"{_region(d.location, d.extra)}title={_prop(f'{d.code} [{d.name}]')}"
        stream.write(f"::{LEVELS[d.severity]} {props}::{_data(message)}\n")


def report_errors(error: ScriptkitError, stream: TextIO) -> None:
    """Input the run could not read (exit 2) as error annotations: without them a CI job failed
    with nothing on the diff, and the reason only in its log."""
    errors: Iterable[ScriptkitError] = each_error(error)
    for e in errors:
        where = _where(e.location) if e.location else ""
        stream.write(f"::error {where}title=scriptkit::{_data(two_sentences(e.message, e.hint))}\n")


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
