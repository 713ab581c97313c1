"""SK403/SK404 on a closing offer of more help put casually ("just drop me a line") as formally ("please let me
know"): both are the customer's own step, so neither reply is marked down for nobody owning it."""

from __future__ import annotations

from pathlib import Path

import pytest

from scriptkit.rules.solution import NoOwner, NoTimeFrame
from tests.test_rules_solution import flagged, run, write


@pytest.mark.parametrize("solution", [
    "If the charge shows up again, just drop me a line.",
    "If anything else goes wrong with the order, just send me a message.",
    "Just give us a shout if the app freezes again.",
    "If the code still fails, simply reply to this email.",
    "If it happens again, let me know.",
    "Please let me know if the code still fails.",  # (the formal form, read so before)
])
def test_a_casual_offer_is_the_customers_step(tmp_path: Path, solution: str) -> None:
    root = write(tmp_path / "p", {"s": {"solution": solution}})
    assert flagged(NoOwner, root) == set()


@pytest.mark.parametrize("solution", [
    "If the charge shows up again, a refund will be issued.",  # (a step of the company's with nobody in it)
    "If the parcel is late, the courier will be chased.",
    "Just so you know, the parcel will be resent today.",  # ("just" without asking the customer for anything)
    "The old plan will probably be dropped next year.",
])
def test_no_casual_offer(tmp_path: Path, solution: str) -> None:
    root = write(tmp_path / "p", {"s": {"solution": solution}})
    assert flagged(NoOwner, root) == {"s"}


def test_dropping_a_line_hands_something_back(tmp_path: Path) -> None:
    # the customer's message is where their wait starts, as with "let me know": SK404 asks what happens then
    root = write(tmp_path / "p", {"s": {"solution": "If the charge shows up again, just drop me a line."}})
    assert run(NoTimeFrame, root)[0] == []  # (their answer is next)
