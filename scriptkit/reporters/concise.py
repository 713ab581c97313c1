"""One line per finding, ``path:line:col: severity CODE [name] message``, as ruff, flake8 and gcc write them: grep
keeps the file with each finding, and an editor's problem matcher opens it at the place. The summary is the text
report's, on the last line. No colour: a line is read by tools."""

from __future__ import annotations

from typing import TYPE_CHECKING, TextIO

from scriptkit.reporters import display_path, with_suggestion

if TYPE_CHECKING:
    from scriptkit.linting import LintResult


def report(result: LintResult, stream: TextIO) -> None:
    from scriptkit.reporters.text import pictures, summary

    def one_line(text: str) -> str:
        # (a line break in a file's name or quoted from the writer's text is written escaped, or it would start
        # a line of its own, read by CI as a workflow command; other control characters as the text report shows
        # them, never as terminal commands)
        return pictures(text).replace("\r", "\\r").replace("\n", "\\n")

    lines = []
    for d in result.diagnostics:
        where = d.location
        lines.append(f"{one_line(display_path(where.file))}:{where.line}:{where.col}: {d.severity.value} {d.code} "
                     f"[{d.name}] {one_line(with_suggestion(d))}\n")
    lines.append(summary(result).plain + "\n")
    stream.write("".join(lines))
