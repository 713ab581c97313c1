"""SK401 on a solution slot that holds only a closing: a sign-off, thanks, an offer of more help."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from scriptkit import load_pack, render_pack
from scriptkit.rules.base import RuleContext
from scriptkit.rules.solution import MissingSolution, NoNextStep, NoOwner, NoTimeFrame


def _pack_codes(tmp_path: Path, solution: str) -> set[str]:
    (tmp_path / "scripts").mkdir()
    (tmp_path / "pack.yaml").write_text("name: Test\n", encoding="utf-8")
    script = {"id": "s", "title": "S", "acknowledgment": "I can see how annoying it is to wait for this.",
              "solution": solution}
    (tmp_path / "scripts" / "s.yaml").write_text(json.dumps(script), encoding="utf-8")
    pack = load_pack(tmp_path)
    found = set()
    for rule in (MissingSolution, NoNextStep, NoOwner, NoTimeFrame):
        ctx = RuleContext(pack, dict(rule.options))
        found |= {rule.code for m in render_pack(pack) for _ in rule().check(m, ctx)}
    return found


# ---------------------------------------------------------------- 3. a sign-off alone is no solution

@pytest.mark.parametrize("solution", [
    "Kind regards,\nThe Help Desk",
    "Thanks again for bearing with us.\nBest wishes,\nThe Help Desk",
    "Thank you for your patience.",
    "Have a lovely day!",
    "Thanks for the report, which helps us a lot.",
])
def test_a_solution_slot_of_only_a_closing_is_empty(tmp_path: Path, solution: str) -> None:
    assert "SK401" in _pack_codes(tmp_path, solution)


def test_a_closing_after_a_step_keeps_the_step(tmp_path: Path) -> None:
    assert not _pack_codes(tmp_path, "I've refunded the fee today.\nThanks again,\nThe Help Desk") & {"SK401"}




def test_a_thanks_with_a_step_in_it_is_a_solution(tmp_path: Path) -> None:
    assert "SK401" not in _pack_codes(tmp_path, "Thanks for waiting, I've refunded the fee today.")


def test_an_offer_of_more_help_alone_stays_a_missing_step(tmp_path: Path) -> None:
    assert _pack_codes(tmp_path, "Is there anything else I can help you with?") & {"SK401", "SK402"} == {"SK402"}
