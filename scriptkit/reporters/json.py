"""``--format json``: every diagnostic with its location, slot, suggestion and fix, plus a summary."""

from __future__ import annotations

import codecs
import json
from typing import TYPE_CHECKING, Any, TextIO

from scriptkit.diagnostics import Diagnostic, Severity
from scriptkit.linting import NOT_JUDGED
from scriptkit.reporters import display_path, not_judged, slot_shown, whole_reply_apart

if TYPE_CHECKING:
    from scriptkit.linting import LintResult
    from scriptkit.sourcetext import SourceText

SCHEMA_VERSION = 1


def diagnostic_dict(d: Diagnostic, whole: frozenset[int] = frozenset()) -> dict[str, Any]:
    """``whole``: the ids of review's findings about the whole reply, which name no slot (``whole_reply``)."""
    out: dict[str, Any] = {
        "code": d.code, "name": d.name, "severity": d.severity.value, "message": d.message,
        "file": display_path(d.location.file), "line": d.location.line, "col": d.location.col,
        "end_line": d.end_line, "end_col": d.end_col,
        # (0-based, in the text given: a service marks the words without counting lines)
        "offset": d.location.offset if d.location.offset >= 0 else None,
        "end_offset": d.end_offset if d.end_offset >= 0 else None,
        "slot": slot_shown(d, whole), "text": d.text, "suggestion": d.suggestion, "script": d.script_id,
        "channels": d.extra.get("channels", d.channel or "").split(",") if (d.extra.get("channels") or d.channel)
        else [],
        "fix": None,
    }
    if d.fix is not None:
        out["fix"] = {"description": d.fix.description, "safe": d.fix.safe,
                      "edits": [{"file": display_path(e.file), "start": e.start, "end": e.end,
                                 "replacement": e.replacement} for e in d.fix.edits]}
    return out


def build(result: LintResult) -> dict[str, Any]:
    inside, across = whole_reply_apart(result) if result.sentences else ([], [])
    whole = frozenset(map(id, across))
    data: dict[str, Any] = {
        "version": SCHEMA_VERSION,
        "summary": {
            "total": len(result.diagnostics),
            **{s.value: result.count(s) for s in Severity},
            "fixable": len(result.fixes),
            "fail_on": result.config.fail_on.value,
            "failed": result.has_failures,
        },
        "diagnostics": [diagnostic_dict(d, whole) for d in result.diagnostics],
    }
    if result.internal_notes:  # (judged on hygiene only: why a cold note has no warmth or flexibility findings)
        data["summary"]["internal_notes"] = len(result.internal_notes)
        if result.notes_by_wording:  # (told by their wording, not a setting: inference.reads_as_note)
            data["summary"]["internal_notes_by_wording"] = len(result.notes_by_wording)
    if result.sentences:
        from scriptkit.inference import practice_shown  # (read only when a reply is reviewed, as the text report)

        why = not_judged(result)
        if why:  # (no practice per sentence then: slot and confidence are null, not a guess)
            data["not_judged"] = why
        data["sentences"] = [
            # (the practice as the text report shows it: a question for the customer's answer "asks")
            {"text": s.text, "slot": None if unjudged else practice_shown(s.slot, s.text),
             "confidence": None if unjudged else s.confidence, "judged": not unjudged, "line": s.location.line,
             "col": s.location.col, "codes": [d.code for d in diags]}
            for s, diags in zip(result.sentences, inside, strict=True)
            for unjudged in (bool(why) or s.slot == NOT_JUDGED,)  # (another language's sentence beside English)
        ]
        # (the codes of the findings about the whole reply, which no sentence's codes list: in the
        # first sentence's, a Spanish reply's greeting read as what was in Spanish)
        data["whole_reply"] = [d.code for d in across]
    if result.reading_notes:  # (the parts not judged, and caveats, as the text report says them)
        data["reading_notes"] = [{"kind": n.kind, "line": n.location.line, "col": n.location.col,
                                  "message": n.message} for n in result.reading_notes]
    if result.turns:  # a transcript: the agent's turns, the only text judged
        from scriptkit.sourcetext import SourceText

        file = result.files[0] if result.files else "<text>"
        source = SourceText(file, result.sources.get(file, ""))
        data["turns"] = [{"speaker": t.speaker, "text": source.text[t.start:t.end] if t.said is None else t.said,
                          **_line_col(source, t.start)} for t in result.turns]
    return data


def _line_col(source: SourceText, offset: int) -> dict[str, int]:
    where = source.location(offset)
    return {"line": where.line, "col": where.col}


def writes_utf8(stream: object) -> bool:
    """Whether ``stream`` writes what it is given as UTF-8 (or keeps it as text: a StringIO, which has no
    encoding). A report on another (a Windows pipe in cp1252, ``PYTHONIOENCODING=ascii``) is written in
    ASCII, each other character as the format's escape: cp1252's bytes for 'é' or a curly quote made JSON
    that is not UTF-8, and a JUnit file that said UTF-8 and was not."""
    encoding = getattr(stream, "encoding", None)
    if not isinstance(encoding, str) or not encoding:
        return True
    try:
        return codecs.lookup(encoding).name in ("utf-8", "utf-8-sig")
    except LookupError:
        return False


def report(result: LintResult, stream: TextIO) -> None:
    # (ASCII, each other character as its \\u escape, on a stream that is not UTF-8: valid UTF-8 JSON)
    encoder = json.JSONEncoder(indent=2, ensure_ascii=not writes_utf8(stream), sort_keys=False)
    # (written as it is encoded, a batch at a time: json.dumps held every piece of the report in a list, then the
    # report joined, several hundred bytes a finding on top of the findings: 1.5 GB for a 2 MB reply's review)
    batch: list[str] = []
    size = 0
    for piece in encoder.iterencode(build(result)):
        batch.append(piece)
        size += len(piece)
        if size >= 1 << 16:
            stream.write("".join(batch))
            batch, size = [], 0
    batch.append("\n")
    stream.write("".join(batch))
