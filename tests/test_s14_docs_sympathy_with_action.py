"""SK304 (sympathy-without-action) and the solution rules read a reply's help the same way.

"I'm so sorry your parcel is late. I've reshipped it today, arriving Friday." got SK304's "the
reply says sorry but neither validates the feeling nor offers help" while SK105 said of the same
reply "It already acknowledges the customer and gives the next step and when", and SK402 and
SK403 found its step and its owner: a support lead reading the review saw the tool contradict
itself. An owned step in the solution (what SK402 and SK403 look for) is help.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import scriptkit


def _codes(text: str) -> list[str]:
    return [d.code for d in scriptkit.lint_text(text).diagnostics]


def test_sorry_with_an_owned_step_in_the_solution_is_not_sympathy_alone() -> None:
    codes = _codes("I'm so sorry your parcel is late. I've reshipped it today, arriving Friday.")
    assert "SK304" not in codes
    assert not {"SK401", "SK402", "SK403"} & set(codes)  # (the step and its owner, as the solution rules read them)


@pytest.mark.parametrize("reply", [
    "I'm sorry that happened. Thanks for your message.",  # no step at all
    "We regret any inconvenience caused. The matter will be reviewed in line with policy.",  # a step nobody owns
])
def test_sorry_without_an_owned_step_is_still_reported(reply: str) -> None:
    assert "SK304" in _codes(reply)


def test_in_a_pack_the_solution_slot_is_read_the_same_way(make_pack: Any) -> None:
    script = (
        "id: late-parcel\ntitle: Orders::Late parcel\n"
        "acknowledgment: I'm so sorry your parcel is late.\n"
        "solution: I've reshipped it today, arriving Friday.\n"
    )
    root: Path = make_pack({"late-parcel.yaml": script})
    result = scriptkit.lint_pack(scriptkit.load_pack(root))
    assert "SK304" not in [d.code for d in result.diagnostics]
    cold = script.replace("I've reshipped it today, arriving Friday.", "Thanks for your message about the parcel.")
    (root / "scripts" / "late-parcel.yaml").write_text(cold, encoding="utf-8")
    result = scriptkit.lint_pack(scriptkit.load_pack(root))
    assert "SK304" in [d.code for d in result.diagnostics]
