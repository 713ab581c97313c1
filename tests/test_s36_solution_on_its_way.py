"""The solution rules (SK401-SK404) on a step done told as news: a new thing "on its way" to the customer,
whoever's it is called, and a state set until a date they asked for ("Your box is paused until June")."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from scriptkit import load_pack, render_pack
from scriptkit.linting import lint_text
from scriptkit.rules.base import RuleContext
from scriptkit.rules.solution import MissingSolution, NoNextStep, NoOwner, NoTimeFrame

SOLUTION_CODES = {"SK401", "SK402", "SK403", "SK404"}


def _codes(text: str, channel: str | None = None) -> set[str]:
    return {d.code for d in lint_text(text, channel=channel).diagnostics}


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


# ---------------------------------------------------------------- 1. a new one on its way, whoever's it is

@pytest.mark.parametrize("solution", [
    "A replacement is on its way today.",
    "A replacement is on its way.",
    "The new charger is already on its way to you.",
    "A refund of $15 is on the way.",
])
def test_a_thing_on_its_way_to_the_customer_is_a_step_done(solution: str) -> None:
    assert not _codes(f"I'm so sorry the mug arrived chipped. {solution}") & SOLUTION_CODES


def test_on_its_way_to_us_still_needs_a_step() -> None:
    assert _codes("I'm sorry the mug arrived chipped. The parcel is on its way to our warehouse.") & SOLUTION_CODES


# ---------------------------------------------------------------- 2. what was asked, set until a date

def test_a_state_confirmed_until_a_date_in_a_script_needs_no_owner(tmp_path: Path) -> None:
    assert not _pack_codes(tmp_path, "Your membership is paused until March. No charges until then.")


def test_may_the_month_is_no_maybe(tmp_path: Path) -> None:
    assert not _pack_codes(tmp_path, "Your membership is paused until 4 May.")


def test_a_state_alone_is_still_no_step() -> None:
    assert "SK402" in _codes("I'm sorry you can't pay online. Your card is locked.")


