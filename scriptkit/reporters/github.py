"""``--format github``: workflow commands that GitHub Actions shows as annotations on the diff."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, TextIO

from scriptkit.diagnostics import Location, Severity
from scriptkit.errors import ErrorGroup, ScriptkitError, two_sentences
from scriptkit.reporters import display_path, with_suggestion

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
        end = (f"endLine={d.extra['end_line']},endColumn={d.extra['end_col']},"
               if "end_line" in d.extra else "")
        props = f"{_where(d.location)}{end}title={_prop(f'{d.code} [{d.name}]')}"
        stream.write(f"::{LEVELS[d.severity]} {props}::{_data(message)}\n")


def report_errors(error: ScriptkitError, stream: TextIO) -> None:
    """Input the run could not read (exit 2) as error annotations: without them a CI job failed
    with nothing on the diff, and the reason only in its log."""
    errors: Iterable[ScriptkitError] = error.errors if isinstance(error, ErrorGroup) else [error]
    for e in errors:
        where = _where(e.location) if e.location else ""
        stream.write(f"::error {where}title=scriptkit::{_data(two_sentences(e.message, e.hint))}\n")


def _where(location: Location) -> str:
    return f"file={_prop(display_path(location.file))},line={location.line},col={location.col},"
