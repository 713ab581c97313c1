"""`--format github` past GitHub's 10 annotations a kind: the findings written as plain lines of the log carry a
file's name and a script's words, which the Actions runner must not read as workflow commands (a name with a line
feed started a line `::error file=x::...`; `##[warning]` anywhere in a line is a command too)."""

from __future__ import annotations

import io
import re

import pytest

from scriptkit.diagnostics import Diagnostic, Location, Severity
from scriptkit.linting import LintResult
from scriptkit.reporters import github

#: the commands the runner registers (its command extensions and stop-commands)
RUNNER_COMMANDS = {"set-env", "set-output", "save-state", "add-mask", "add-path", "add-matcher", "remove-matcher",
                   "debug", "warning", "error", "notice", "group", "endgroup", "echo", "stop-commands"}


def runner_commands(log: str) -> list[tuple[str, str]]:
    """(command, line) for each line the Actions runner would run, as its ActionCommandManager reads a step's log:
    `::name ...::data` at a line's start (after spaces), the old `##[name ...]data` anywhere in the line, nothing
    between `::stop-commands::TOKEN` and `::TOKEN::` but that resuming line."""
    found: list[tuple[str, str]] = []
    stopped_until = ""
    for line in log.split("\n"):
        new = re.match(r"::([^ :]+)[^:]*::", line.lstrip())
        old = re.search(r"##\[([^ \]]+)[^\]]*\]", line)
        name = new[1] if new else old[1] if old else ""
        if stopped_until:
            if name == stopped_until:
                stopped_until = ""
            continue
        if name in RUNNER_COMMANDS:
            found.append((name, line))
            if name == "stop-commands" and new:
                stopped_until = line.lstrip()[len("::stop-commands::"):]
    return found


HOSTILE_FILES = ["pack/scripts/zz\n::error file=x::injected.yaml", "pack/scripts/##[add-mask]secret: a,b 100% é.yaml",
                 "::set-output name=x::pack/scripts/a.yaml", "pack/scripts/plain.yaml"]


@pytest.mark.parametrize("file", HOSTILE_FILES)
def test_findings_past_ten_run_no_workflow_command(file: str) -> None:
    found = [Diagnostic("SK801", "no-unfortunately", f"Avoid 'Unfortunately' ##[error]{i}.", Severity.ERROR,
                        Location(file, i, 1)) for i in range(1, 14)]
    out = io.StringIO()
    github.report(LintResult(found), out)
    log = out.getvalue()
    commands = runner_commands(log)
    # the first ten are annotations; the three past them, the summary and any file's name run nothing
    assert [name for name, _ in commands if name != "stop-commands"] == ["error"] * 10, commands
    # every finding is in the log once, the three past ten with their place (a line feed in a name shown as \n)
    shown = github.repository_path(file).replace("\n", "\\n")
    for i in range(11, 14):
        assert sum(line.startswith(f"{shown}:{i}:1: error SK801") for line in log.splitlines()) == 1, log
    assert "3 finding(s) above are not shown" in log


def test_an_annotation_escapes_its_file_as_a_property() -> None:
    d = Diagnostic("SK801", "no-unfortunately", "50% off\nnext", Severity.ERROR,
                   Location("pack/scripts/a: b,c 100%\né ü.yaml", 2, 3))
    line = github.annotation(d)
    assert line == ("::error file=pack/scripts/a%3A b%2Cc 100%25%0Aé ü.yaml,line=2,col=3,"
                    "title=SK801 [no-unfortunately]::50%25 off%0Anext")
    assert runner_commands(line) == [("error", line)]
