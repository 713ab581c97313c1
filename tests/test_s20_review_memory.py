"""Memory of `review` on a long reply: each finding is slotted (no per-instance __dict__), findings that
repeat a sentence share its strings, and the JSON report is written as it is encoded, not held whole.
(Figures: benchmarks/review_memory.py; no sizes or times are asserted here.)"""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

import scriptkit
from scriptkit.diagnostics import Diagnostic, Edit, Fix
from scriptkit.linting import SentenceNote
from scriptkit.message import Text
from scriptkit.reporters import get_reporter
from scriptkit.reporters.json import build

REPEATED = "I am so sorry. We cannot do that. " * 400


@pytest.mark.parametrize("kind", [Diagnostic, Fix, Edit, SentenceNote, Text])
def test_per_finding_objects_have_no_instance_dict(kind: type) -> None:
    assert "__dict__" not in dir(kind) and hasattr(kind, "__slots__")


@pytest.mark.timeout(60)
def test_findings_that_repeat_a_sentence_share_its_strings() -> None:
    result = scriptkit.lint_text(REPEATED, grammar="off")
    by_code: dict[str, list[Diagnostic]] = {}
    for d in result.diagnostics:
        by_code.setdefault(d.code, []).append(d)
    repeated = [ds for ds in by_code.values() if len(ds) >= 100]
    assert repeated, sorted(by_code)
    for ds in repeated:
        first = ds[0]
        same = [d for d in ds if d.text == first.text and d.message == first.message]
        assert all(d.text is first.text and d.message is first.message for d in same)
    notes = [n for n in result.sentences if n.text == "I am so sorry."]
    assert len(notes) == 400 and all(n.text is notes[0].text for n in notes)


class _Writes(io.StringIO):
    def __init__(self) -> None:
        super().__init__()
        self.writes = 0

    def write(self, s: str) -> int:
        self.writes += 1
        return super().write(s)


@pytest.mark.timeout(60)
def test_the_json_report_is_written_as_encoded_and_reads_as_before(tmp_path: Path) -> None:
    reply = tmp_path / "reply.txt"
    reply.write_text(REPEATED * 3, encoding="utf-8")
    result = scriptkit.lint_text(reply.read_text(encoding="utf-8"), file=str(reply), grammar="off")
    out = _Writes()
    get_reporter("json")(result, out)
    assert out.getvalue() == json.dumps(build(result), indent=2, ensure_ascii=False) + "\n"
    assert out.writes > 1  # (a batch at a time, never the whole report as one string)
    assert json.loads(out.getvalue())["summary"]["total"] == len(result.diagnostics)
