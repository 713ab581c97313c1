"""A safe rewrite must not write what another rule reports: ``check --fix`` turned "You will be contacted in due
course" into "... soon", which SK404 (no-time-frame) then reported as "'soon' is not a time frame". "in due
course" is now advice (say when), with no fix; and no entry with a fix rewrites to a time SK404 calls vague."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from scriptkit.rules import lexicon
from scriptkit.rules.solution import _VAGUE_TIME
from tests.conftest import run_cli


def test_no_safe_rewrite_is_a_vague_time() -> None:
    vague = [(e["phrase"], e["replacement"]) for e in lexicon.data("corporate_phrases.yaml")["phrases"]
             if e.get("safe") and _VAGUE_TIME.search(e.get("replacement", ""))]
    assert vague == []


def test_in_due_course_asks_for_a_time_and_is_not_fixed(make_pack: Callable[..., Path]) -> None:
    pack = make_pack({"late.yaml": (
        "id: complaint-received\ntitle: Complaint received\nchannels: [email]\n"
        "acknowledgment: \"I understand how frustrating a late parcel is.\"\n"
        "warm_language: \"Thank you for telling us.\"\n"
        "solution: \"You will be contacted in due course.\"\n")})
    result = run_cli("check", str(pack), "--select", "SK201")
    line = next(x for x in result.output.splitlines() if "in due course" in x and "SK201" in x)
    assert "suggestion: say when" in result.output.lower() and "by Friday" in result.output
    assert "fixable" not in result.output, line
    run_cli("check", "--fix", str(pack))
    fixed = (pack / "scripts" / "late.yaml").read_text(encoding="utf-8")
    assert "in due course" in fixed and "soon" not in fixed
