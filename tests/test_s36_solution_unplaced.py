"""The solution rules (SK401-SK404) on a reply read sentence by sentence with nothing placed in the solution: what
was asked, told as done ("Done! ..."), and a chat's holding line ("Bear with me while I check.")."""
from __future__ import annotations

import pytest

from scriptkit.linting import lint_text

SOLUTION_CODES = {"SK401", "SK402", "SK403", "SK404"}


def _codes(text: str, channel: str | None = None) -> set[str]:
    return {d.code for d in lint_text(text, channel=channel).diagnostics}



# ---------------------------------------------------------------- 2. what was asked, done

@pytest.mark.parametrize("reply", [
    "Done! Your membership is paused until March. You won't be charged before then.",
    "All sorted. Your subscription is paused until 4 May.",
    "I've paused your deliveries until next month.",
])
def test_a_request_confirmed_done_is_the_solution(reply: str) -> None:
    assert not _codes(reply) & SOLUTION_CODES, reply


# ---------------------------------------------------------------- 4. a holding line is the agent's next step

@pytest.mark.parametrize("reply", [
    "Bear with me while I check.",
    "Bear with me while I look into it.",
    "Hello! Let me check that for you, one moment please.",
    "Give me a few minutes to look into this.",
    "One moment please, let me look into it.",
])
@pytest.mark.parametrize("channel", [None, "chat"])
def test_a_holding_line_is_left_to_the_answer_that_follows(reply: str, channel: str | None) -> None:
    assert not _codes(reply, channel) & SOLUTION_CODES, reply


def test_a_hold_beside_a_step_still_owes_a_when() -> None:
    assert "SK404" in _codes("I'm sorry about the mix-up. Bear with me, I'll send a new card.")
