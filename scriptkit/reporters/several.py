"""One report of several packs (``scriptkit check packs/a packs/b``): each pack judged with its own settings, as
when checked alone, and its findings written by the format's own reporter, framed as one document.

- ``text``, ``concise``: each pack's report in turn, then a line for all of them;
- ``json``: today's object (``version``, ``summary``, ``diagnostics``) over every pack, plus ``packs``: each pack
  with its exit code and its own summary (each pack's ``fail_on`` is its own);
- ``sarif``: one run holding every pack's results, with no ``automationDetails``: GitHub code scanning refuses
  an upload with several runs of one tool and category, so the upload step's ``category`` files it;
- ``github``: every pack's findings as one step's annotations (GitHub's limit of 10 a kind is per step);
- ``junit``: one ``testsuites``, a suite per file as for one pack (each file's path names its pack);
- ``gitlab``: one list of issues.
"""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TextIO

from scriptkit.diagnostics import Severity
from scriptkit.reporters import display_path, get_reporter
from scriptkit.reporters.json import SCHEMA_VERSION, writes_utf8

if TYPE_CHECKING:
    from scriptkit.linting import LintResult


@dataclass
class PackReport:
    pack: str  # as given on the command line
    result: LintResult | None  # None: it could not be read, and its errors are said on stderr alone (text)
    exit_code: int


def report(packs: list[PackReport], fmt: str, stream: TextIO,
           text_reporter: Callable[[LintResult, TextIO], None] | None = None) -> None:
    """``text_reporter``: what writes each pack's part in ``text`` (``check --statistics``'s table)."""
    results = [p.result for p in packs if p.result is not None]
    if fmt in ("text", "concise"):
        _one_after_another(packs, fmt, stream, text_reporter)
    elif fmt == "json":
        _json(packs, stream)
    elif fmt == "sarif":
        _sarif(results, stream)
    elif fmt == "gitlab":
        from scriptkit.reporters import gitlab

        issues = [issue for r in results for issue in gitlab.build(r)]
        stream.write(json.dumps(issues, indent=2, ensure_ascii=not writes_utf8(stream)) + "\n")
    elif fmt == "junit":
        from scriptkit.reporters import junit

        root = junit.suites(_merged([]))
        for r in results:
            own = junit.suites(r)
            root.extend(list(own))
            for count in ("tests", "failures"):
                root.set(count, str(int(root.get(count, "0")) + int(own.get(count, "0"))))
        junit.write(root, stream)
    else:  # github: worst first over all of them, as one step shows them
        get_reporter(fmt)(_merged(results), stream)


def _merged(results: list[LintResult]) -> LintResult:
    from scriptkit.linting import LintResult

    return LintResult([d for r in results for d in r.diagnostics])


def _one_after_another(packs: list[PackReport], fmt: str, stream: TextIO,
                       text_reporter: Callable[[LintResult, TextIO], None] | None) -> None:
    reporter = text_reporter or get_reporter(fmt)
    for p in packs:
        shown = display_path(p.pack)
        if fmt == "text":
            stream.write(f"=== {shown} ===\n")
        if p.result is None:
            stream.write(f"{shown}: could not be read (the errors are above, on standard error).\n\n")
            continue
        if fmt == "text":
            reporter(p.result, stream)
            stream.write("\n")
            continue
        buffer = io.StringIO()  # (concise's last line is the pack's summary: named, as the lines above name files)
        reporter(p.result, buffer)
        lines = buffer.getvalue().splitlines(keepends=True)
        stream.write("".join(lines[:-1]) + f"{shown}: {lines[-1]}" if lines else "")
    stream.write(overall(packs) + "\n")


def overall(packs: list[PackReport]) -> str:
    """The last line of a report of several packs: how many, their findings, which fail and which cannot be
    read."""
    results = [p.result for p in packs if p.result is not None]
    n = sum(len(r.diagnostics) for r in results)
    counts = ", ".join(f"{k} {s.value}{'s' if k != 1 else ''}" for s in Severity
                       if (k := sum(r.count(s) for r in results)))
    found = f"{n} problem{'s' if n != 1 else ''} ({counts})" if n else "no problems"
    # (a pack read and judged may exit 2 too, a plug-in rule failing on it: it fails, it was read)
    failing = [display_path(p.pack) for p in packs if p.result is not None and p.exit_code >= 1]
    unread = [display_path(p.pack) for p in packs if p.result is None]
    return (f"Checked {len(packs)} packs: {found}" + (f"; failing: {', '.join(failing)}" if failing else "")
            + (f"; could not be read: {', '.join(unread)}" if unread else "") + ".")


def _json(packs: list[PackReport], stream: TextIO) -> None:
    from scriptkit.reporters.json import build

    built = [(p, build(p.result) if p.result is not None else None) for p in packs]
    summaries = [b["summary"] for _, b in built if b is not None]
    fail_on = {s["fail_on"] for s in summaries}
    summary: dict[str, Any] = {
        "total": sum(s["total"] for s in summaries),
        **{s.value: sum(one[s.value] for one in summaries) for s in Severity},
        "fixable": sum(s["fixable"] for s in summaries),
        "fail_on": fail_on.pop() if len(fail_on) == 1 else None,  # (None: the packs' settings differ)
        "failed": any(s["failed"] for s in summaries),
    }
    for key in ("internal_notes", "internal_notes_by_wording"):
        if count := sum(s.get(key, 0) for s in summaries):
            summary[key] = count
    data = {
        "version": SCHEMA_VERSION,
        "summary": summary,
        "diagnostics": [d for _, b in built if b is not None for d in b["diagnostics"]],
        "packs": [{"pack": display_path(p.pack), "exit_code": p.exit_code, "summary": b and b["summary"]}
                  for p, b in built],
    }
    stream.write(json.dumps(data, indent=2, ensure_ascii=not writes_utf8(stream)) + "\n")


def _sarif(results: list[LintResult], stream: TextIO) -> None:
    from scriptkit.reporters import sarif

    logs = [sarif.build(r) for r in results] or [sarif.build(_merged([]))]
    runs = [log["runs"][0] for log in logs]
    rules: dict[str, dict[str, Any]] = {}
    for run in runs:
        for rule in run["tool"]["driver"]["rules"]:
            rules.setdefault(rule["id"], rule)  # (the first pack's, for a plug-in's code two packs define)
    codes = sorted(rules)
    index = {code: i for i, code in enumerate(codes)}
    one = {key: value for key, value in runs[0].items() if key != "automationDetails"}
    one["tool"] = {"driver": {**runs[0]["tool"]["driver"], "rules": [rules[c] for c in codes]}}
    one["results"] = [{**r, "ruleIndex": index[r["ruleId"]]} for run in runs for r in run["results"]]
    log = {**logs[0], "runs": [one]}
    stream.write(json.dumps(log, indent=2, ensure_ascii=not writes_utf8(stream)) + "\n")
