"""``--format github``: workflow commands that GitHub Actions shows as annotations on the diff."""

from __future__ import annotations

from typing import TYPE_CHECKING, TextIO

from scriptkit.diagnostics import Severity
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
        props = (f"file={_prop(display_path(d.location.file))},line={d.location.line},col={d.location.col},"
                 f"{end}title={_prop(f'{d.code} [{d.name}]')}")
        stream.write(f"::{LEVELS[d.severity]} {props}::{_data(message)}\n")
