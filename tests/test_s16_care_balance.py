"""SK405 weighs the care and the solution a customer reads: a greeting alone in the acknowledgment is not care,
and an acknowledgment at the head of the solution (where an import keeps a whole paragraph) is."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from scriptkit import lint_pack, load_pack

PACK = "name: Test pack\nchannels:\n  email:\n    greeting: ''\n    signoff: ''\n"
SOLUTION = ("I've chased the courier today and they have promised your parcel by Friday. If it still hasn't "
            "arrived by then, reply to this email and I'll send a replacement straight away, with tracking.")


def _sk405(make_pack: Any, acknowledgment: str, solution: str) -> list[str]:
    script = (f"id: late\ntitle: Late parcel\nacknowledgment: {acknowledgment!r}\nsolution: {solution!r}\n"
              "flexibility:\n  guidance: Check the tracking first.\n  blanks:\n    - name: name\n"
              "      prompt: the customer's first name\n")
    result = lint_pack(load_pack(make_pack({"late.yaml": script}, PACK)), grammar="off")
    return [d.message for d in result.diagnostics if d.code == "SK405"]


def test_an_acknowledgment_kept_with_the_solution_paragraph_is_care(make_pack: Any) -> None:
    # (as `scriptkit import` writes a Zendesk macro whose greeting holds a placeholder it cannot keep)
    head = "I can see your parcel is late and I know how frustrating that is. "
    assert _sk405(make_pack, "Hi {{ blank.name }},", head + SOLUTION) == []


def test_a_greeting_alone_is_not_a_token_acknowledgment(make_pack: Any) -> None:
    # (no care at all is SK301's to say, not "after only 4 words of acknowledgment")
    assert _sk405(make_pack, "Hi {{ blank.name }},", SOLUTION + " " + SOLUTION) == []


def test_a_token_acknowledgment_before_a_long_solution_is_still_flagged(make_pack: Any) -> None:
    (said,) = _sk405(make_pack, "Sorry!", SOLUTION + " " + SOLUTION)
    assert said.endswith("words of solution after only 1 of acknowledgment")


def test_care_after_the_first_step_stays_solution(make_pack: Any, tmp_path: Path) -> None:
    # (only the solution's head is care: a sympathetic line among the steps does not balance a thin opening)
    tail = " I know how frustrating this is."
    (said,) = _sk405(make_pack, "Sorry!", SOLUTION + tail + " " + SOLUTION)
    assert "after only 1 of acknowledgment" in said
