"""One line per finding, ``path:line:col: severity CODE [name] message``, as ruff, flake8 and gcc write them: grep
keeps the file with each finding, and an editor's problem matcher opens it at the place. The summary is the text
report's, on the last line. No colour: a line is read by tools."""

from __future__ import annotations

from typing import TYPE_CHECKING, TextIO

from scriptkit.reporters import display_path, with_suggestion

if TYPE_CHECKING:
    from scriptkit.linting import LintResult


def report(result: LintResult, stream: TextIO) -> None:
    from scriptkit.reporters.text import summary

    lines = []
    for d in result.diagnostics:
        where = d.location
        # (one line each: a line break quoted from the writer's text is written escaped)
        message = with_suggestion(d).replace("\r", "\\r").replace("\n", "\\n")
        lines.append(f"{display_path(where.file)}:{where.line}:{where.col}: {d.severity.value} {d.code} "
                     f"[{d.name}] {message}\n")
    lines.append(summary(result).plain + "\n")
    stream.write("".join(lines))
