"""SK404: time frames as written in the UK, Australia and India ("by close of business", "by COB",
"within a fortnight", "within 48h", "by teatime") are time frames."""

from __future__ import annotations

import pytest

from scriptkit import lint_text

ACK = "I can see the replacement card still hasn't come, which is worrying."


def _no_time_frame(solution: str) -> list[str]:
    text = f"Hi Sam,\n\n{ACK} {solution}\n\nBest,\nAlex\n"
    return [d.message for d in lint_text(text).diagnostics if d.code == "SK404"]


@pytest.mark.parametrize("solution", [
    "I'll post a new card by close of business.",
    "I'll post a new card by COB.",
    "I'll post a new card before close of play.",
    "I'll post a new card by end of play.",
    "I'll post a new card within a fortnight.",
    "Your new card will arrive in a fortnight's time.",
    "I'll post a new card within the next fortnight.",
    "I'll post a new card within 48h.",
    "I'll post a new card within 48hrs.",
    "I'll post a new card in 24hr.",
    "I'll post a new card by teatime.",
    "I'll post a new card by tea time.",
])
def test_a_british_time_frame_is_a_time_frame(solution: str) -> None:
    assert _no_time_frame(solution) == []


@pytest.mark.parametrize("solution", [
    "I'll post a new card soon.",
    "I'll post the bread cob and a new card to you.",
    "I'll pass your note on to the team at play.",
])
def test_words_alike_are_no_time_frame(solution: str) -> None:
    assert _no_time_frame(solution)
