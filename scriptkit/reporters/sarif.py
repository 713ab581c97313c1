"""``--format sarif``: SARIF 2.1.0 for code-scanning dashboards, with every rule's metadata."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO
from urllib.parse import quote

from scriptkit.diagnostics import SPREAD, Diagnostic, Severity
from scriptkit.reporters import (
    fingerprint,
    repository_path,
    repository_root,
    rule_lookup,
    slot_shown,
    unplaceable,
    whole_reply,
    with_place,
    with_suggestion,
)
from scriptkit.reporters.json import writes_utf8
from scriptkit.sourcetext import PACK_FILE, SourceText

if TYPE_CHECKING:
    from scriptkit.linting import LintResult

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
#: the key of a result's partialFingerprints: code scanning tells an alert from run to run by it, not by the line
#: hash it computes itself, so an edit above a finding leaves the alert open rather than fixed and new again
FINGERPRINT = "scriptkitFinding/v1"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.SUGGESTION: "note"}


def _rule(code: str, rule: Any, diag: Diagnostic | None) -> dict[str, Any]:
    if rule is None:  # a config diagnostic (SK800) or a pack that cannot be read (SK000): not a rule class
        name = diag.name if diag else code
        return {"id": code, "name": name, "shortDescription": {"text": name.replace("-", " ")},
                "defaultConfiguration": {"level": LEVELS[diag.severity] if diag else "warning"},
                "properties": {"family": diag.extra.get("family", "config") if diag else "config"}}
    docs = rule.docs()
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary()},
        "fullDescription": {"text": docs or rule.summary()},
        "help": {"text": docs or rule.summary(), "markdown": docs or rule.summary()},
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
        "properties": {"family": rule.family(), "fixSafe": bool(rule.fix_safe)},
    }


#: the base the artifact locations' relative URIs are read from: the repository's root (``repository_root``)
SRCROOT = "%SRCROOT%"


def _artifact(file: str) -> dict[str, str]:
    """A SARIF artifact location: a URI reference relative to ``%SRCROOT%``, the repository's root, and
    percent-encoded (a space, a '#'), as code scanning reads it; an absolute file: URI for a file outside
    it. Relative to the working folder, a check run in a subfolder uploaded '../pack.yaml'."""
    shown = repository_path(file)
    if Path(shown).is_absolute():
        return {"uri": Path(shown).as_uri()}
    return {"uri": quote(shown, safe="/"), "uriBaseId": SRCROOT}


class _Files:
    """The texts of the files the findings are in (``LintResult.sources``), each read into lines once."""

    def __init__(self, sources: dict[str, str]) -> None:
        self.sources = sources
        self.read: dict[str, SourceText] = {}

    def snippet(self, d: Diagnostic) -> str | None:
        """The file's text in ``d``'s region, as SARIF's snippet is: None where the region is a point (a
        finding on a whole script, at its start), or runs over more than the finding's text (the YAML keys
        between the slots of a finding on the whole reply), or the file's text is not known."""
        if "end_line" not in d.extra or SPREAD in d.extra:
            return None
        where = d.location
        text = self.sources.get(where.file)
        if text is None:
            return None
        end_line, end_col = int(d.extra["end_line"]), int(d.extra["end_col"])
        if end_line == where.line and 0 <= where.offset <= len(text):  # (most: on one line, from the offset)
            start, end = where.offset, where.offset + end_col - where.col
        else:  # (the file read into lines once)
            if where.file not in self.read:
                self.read[where.file] = SourceText(where.file, text)
            source = self.read[where.file]
            start, end = source.offset(where.line - 1, where.col - 1), source.offset(end_line - 1, end_col - 1)
        return text[start:end] if start < end else None


def _result(d: Diagnostic, index: int, slot: str | None, files: _Files, seen: dict[tuple[str, ...], int]
            ) -> dict[str, Any]:
    partial = {FINGERPRINT: fingerprint(repository_path(d.location.file), d, slot, seen)}
    if unplaceable(d.location.file):
        # (standard input, a text given to the API: no file to point at, and a URI '%3Cstdin%3E' code scanning
        # cannot place. SARIF omits the locations of a result it cannot locate; the line is in the message.)
        return {"ruleId": d.code, "ruleIndex": index, "level": LEVELS[d.severity], "message": {"text": with_place(d)},
                "partialFingerprints": partial, "properties": _properties(d, slot)}
    text = with_suggestion(d)
    region: dict[str, Any] = {"startLine": d.location.line, "startColumn": d.location.col}
    if "end_line" in d.extra:
        region["endLine"], region["endColumn"] = int(d.extra["end_line"]), int(d.extra["end_col"])
    # (the file's own text: the reply's, as the rules read it, is the property 'text')
    snippet = files.snippet(d)
    if snippet is not None:
        region["snippet"] = {"text": snippet}
    out: dict[str, Any] = {
        "ruleId": d.code,
        "ruleIndex": index,
        "level": LEVELS[d.severity],
        "message": {"text": text},
        "locations": [{"physicalLocation": {
            "artifactLocation": _artifact(d.location.file),
            "region": region,
        }}],
        "partialFingerprints": partial,
        "properties": _properties(d, slot),
    }
    if d.fix is not None and d.fix.safe and not any(unplaceable(e.file) for e in d.fix.edits):
        # (a tool may apply a SARIF fix: only one --fix would make, in a file it can find)
        out["fixes"] = [{
            "description": {"text": d.fix.description},
            "artifactChanges": [{
                "artifactLocation": _artifact(e.file),
                "replacements": [{"deletedRegion": {"charOffset": e.start, "charLength": e.end - e.start},
                                  "insertedContent": {"text": e.replacement}}],
            } for e in d.fix.edits],
        }]
    return out


def _properties(d: Diagnostic, slot: str | None) -> dict[str, Any]:
    # (a finding on pack.yaml has no script, one on a whole script no slot: left out, not null)
    return {**({"slot": slot} if slot else {}), **({"script": d.script_id} if d.script_id else {}),
            "channels": d.extra.get("channels", ""), **({"text": d.text} if d.text else {})}


#: the tool's part of each run's ``automationDetails.id``
CATEGORY = "scriptkit"


def _pack_folder(result: LintResult) -> str | None:
    """The folder of the pack the result is of, found from its files: a pack.yaml's folder (one that cannot be read,
    or is missing, too), or the pack whose scripts folder holds a file; None for text in no pack (``review``)."""
    from scriptkit.loading import pack_of  # (a reporter need not load the pack machinery otherwise)

    files = sorted({*result.sources, *(d.location.file for d in result.diagnostics)} - {""})
    files = [f for f in files if not unplaceable(f)]
    for file in files:
        if Path(file).name == PACK_FILE:
            return str(Path(file).parent)
    # (the first file in a pack is enough: a result holds one pack's scripts, and a rules file outside it, if any)
    return next((str(home) for f in files if (home := pack_of(Path(f))) is not None), None)


def _automation_details(result: LintResult) -> dict[str, str]:
    """``{"id": "scriptkit/<the pack's folder from the repository's root>/"}``: code scanning files a run under the
    category its id names up to its last '/', so each pack of a repository is an analysis of its own (one SARIF
    per pack uploaded under one category replaced the last pack's, whose alerts were then shown as fixed; several
    uploaded at once were refused). The folder, not pack.yaml's name: two packs may share a name. ``{}`` for text
    in no pack: the upload's category decides (the upload step's ``category`` applies only to a run with no id)."""
    folder = _pack_folder(result)
    if folder is None:
        return {}
    where = repository_path(folder)
    return {"id": f"{CATEGORY}/" if where == "." else f"{CATEGORY}/{where.strip('/')}/"}


def _suppressions(result: LintResult) -> list[dict[str, str]]:
    """A result's ``suppressions`` for a finding ``result``'s baseline accepted: external (kept in a file, not in
    the script), with the file named."""
    where = repository_path(result.baseline) if result.baseline else ""
    return [{"kind": "external", "justification": f"accepted in the baseline {where}".rstrip()}]


def build(result: LintResult) -> dict[str, Any]:
    """The SARIF log of ``result``. The findings a baseline accepted (``result.accepted``) are results too, each
    with its ``suppressions``: code scanning shows them as closed alerts, where left out an alert opened before the
    baseline was written was closed as fixed. In the report's order with the others, so each keeps the
    fingerprint it has in a run without the baseline."""
    from scriptkit import __version__
    from scriptkit.linting import sorted_diagnostics

    lookup = rule_lookup(result)
    found = sorted_diagnostics([*result.diagnostics, *result.accepted]) if result.accepted else result.diagnostics
    accepted = {id(d) for d in result.accepted}
    suppressed = _suppressions(result) if accepted else None
    codes = sorted({*lookup, *(d.code for d in found)})
    first = {d.code: d for d in reversed(found)}
    rules = [_rule(c, lookup.get(c), first.get(c)) for c in codes]
    index = {c: i for i, c in enumerate(codes)}
    whole = whole_reply(result)
    files = _Files(result.sources)
    seen: dict[tuple[str, ...], int] = {}
    details = _automation_details(result)
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "scriptkit", "version": __version__, "rules": rules}},
            **({"automationDetails": details} if details else {}),
            "originalUriBaseIds": {SRCROOT: {"uri": Path(repository_root()).as_uri().rstrip("/") + "/"}},
            "columnKind": "unicodeCodePoints",
            "results": [{**_result(d, index[d.code], slot_shown(d, whole), files, seen),
                         **({"suppressions": suppressed} if id(d) in accepted else {})} for d in found],
        }],
    }


def report(result: LintResult, stream: TextIO) -> None:
    # (ASCII, each other character as its \\u escape, on a stream that is not UTF-8: valid UTF-8 JSON)
    stream.write(json.dumps(build(result), indent=2, ensure_ascii=not writes_utf8(stream)) + "\n")
