"""SK405 weighs the care and the solution a customer reads: an acknowledgment at the head of the solution (where
an import keeps a whole paragraph) is care, and news of the solution after a feeling is not."""

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


def test_news_of_the_solution_after_a_feeling_stays_solution(make_pack: Any) -> None:
    # ("I know it's been frustrating, so I'm glad to say your refund is approved" gives the solution: not care)
    solution = ("I know this has been frustrating, so I'm glad to let you know your refund has now been approved. "
                "You'll receive $40 within 3 business days.")
    assert _sk405(make_pack, "I know this has been a long wait.", solution) == []


def test_a_token_acknowledgment_before_a_long_solution_is_still_flagged(make_pack: Any) -> None:
    (said,) = _sk405(make_pack, "Sorry!", SOLUTION + " " + SOLUTION)
    assert said.endswith("words of solution after only 1 of acknowledgment")


def test_care_after_the_first_step_stays_solution(make_pack: Any, tmp_path: Path) -> None:
    # (only the solution's head is care: a sympathetic line among the steps does not balance a thin opening)
    tail = " I know how frustrating this is."
    (said,) = _sk405(make_pack, "Sorry!", SOLUTION + tail + " " + SOLUTION)
    assert "after only 1 of acknowledgment" in said


def test_care_moved_from_the_solution_is_flagged_where_it_is(make_pack: Any) -> None:
    # (an empty acknowledgment has no place: the finding had landed in the channel's layout)
    care = ("I understand how upsetting this is, and I know how much you were looking forward to wearing it at the "
            "wedding this weekend. I can only imagine how frustrating it has been to wait all this time for a parcel "
            "that never came. ")
    script = (f"id: late\ntitle: Late parcel\nacknowledgment: ''\nsolution: \"{care}I'll refund you today.\"\n"
              "flexibility:\n  guidance: Check the tracking first.\n")
    result = lint_pack(load_pack(make_pack({"late.yaml": script}, PACK)), grammar="off")
    (found,) = [d for d in result.diagnostics if d.code == "SK405"]
    assert found.location is not None and found.location.file.endswith("late.yaml") and found.location.line == 4
    assert found.text.startswith("I understand how upsetting this is")


def test_a_solution_of_sympathy_alone_is_the_thin_one(make_pack: Any) -> None:
    acknowledgment = ("I can see how frustrating it has been to wait all week for this parcel, to chase it twice, and "
                      "to still have no clear answer from us about where it is.")
    (said,) = _sk405(make_pack, acknowledgment, "I completely understand how frustrating this must be.")
    assert said.endswith("words of care but only 8 of solution")
