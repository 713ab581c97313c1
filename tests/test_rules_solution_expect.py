"""SK403 on a passive status with "you can expect": it promises what "you'll receive" promises, so it is
still to happen, and nobody owns it unless someone is named."""

from __future__ import annotations

from pathlib import Path

import pytest

from scriptkit.rules.solution import NoOwner
from tests.test_rules_solution import flagged, write


@pytest.mark.parametrize("solution, owned", [
    ("Your claim has been accepted. You can expect the credit on your card within 3 days.", False),
    ("Your claim has been accepted. You'll receive the credit on your card within 3 days.", False),
    ("I've accepted your claim, and you can expect the credit on your card within 3 days.", True),
    ("Your claim has been accepted and the credit has been paid.", True),  # (finished: nothing left to own)
])
def test_you_can_expect_is_still_to_happen(tmp_path: Path, solution: str, owned: bool) -> None:
    root = write(tmp_path / "p", {"s": {"solution": solution}})
    assert flagged(NoOwner, root) == (set() if owned else {"s"})
