"""``--format gitlab``: a GitLab Code Quality report (``artifacts: reports: codequality``), which GitLab shows
on the merge request: a JSON array of issues, each with its description, check name, fingerprint, severity
and place (the file from the repository's root, and its lines).

GitLab tells an issue from run to run by its fingerprint alone (one of the same fingerprint is shown once):
made from the line, an edit above a finding made it a new issue and the old one fixed. So it is made, as the
JUnit report's test names are, from what the finding is: the file, the rule, where in the script and the
words it quotes, and how many of the same came before it in the file.

Standard input (``review -``) is no file of the repository, but GitLab requires an issue's path: it stays
``<stdin>`` (what the widget shows beside the issue says where the text came from; '.' would say nothing, and
neither opens), and the description says the line and column, as the github and sarif formats do there."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any, TextIO

from scriptkit.diagnostics import Diagnostic, Severity
from scriptkit.reporters import (
    fingerprint,
    repository_path,
    slot_shown,
    unplaceable,
    whole_reply,
    with_place,
    with_suggestion,
)
from scriptkit.reporters.json import writes_utf8

if TYPE_CHECKING:
    from scriptkit.linting import LintResult

#: GitLab's scale is info, minor, major, critical, blocker; a finding that fails the run by default is "minor"
#: (as linters' GitLab reports rank a warning), an error "major"
SEVERITIES = {Severity.SUGGESTION: "info", Severity.WARNING: "minor", Severity.ERROR: "major"}
#: input that could not be read (exit 2, ``cli.check``'s SK000 findings): nothing past it was judged
LOAD_ERROR_CODE, LOAD_ERROR_SEVERITY = "SK000", "blocker"


def _issue(d: Diagnostic, path: str, fingerprint: str) -> dict[str, Any]:
    lines = {"begin": d.location.line}
    if "end_line" in d.extra:
        lines["end"] = max(d.location.line, int(d.extra["end_line"]))
    return {
        "type": "issue",  # (the Code Climate fields GitLab ignores, so the report is one by that spec too)
        "check_name": d.code,
        "description": f"{d.code} [{d.name}] {with_place(d) if unplaceable(path) else with_suggestion(d)}",
        "categories": ["Style"],
        "fingerprint": fingerprint,
        "severity": LOAD_ERROR_SEVERITY if d.code == LOAD_ERROR_CODE else SEVERITIES[d.severity],
        "location": {"path": path, "lines": lines},
    }


def build(result: LintResult) -> list[dict[str, Any]]:
    whole = whole_reply(result)
    seen: dict[tuple[str, ...], int] = {}
    issues = []
    for d in result.diagnostics:
        path = repository_path(d.location.file)
        issues.append(_issue(d, path, fingerprint(path, d, slot_shown(d, whole), seen)))
    return issues


def report(result: LintResult, stream: TextIO) -> None:
    # (ASCII, each other character as its \\u escape, on a stream that is not UTF-8: valid UTF-8 JSON)
    stream.write(json.dumps(build(result), indent=2, ensure_ascii=not writes_utf8(stream)) + "\n")
