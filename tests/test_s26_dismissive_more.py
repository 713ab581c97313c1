"""SK305 hears a customer sent away ("Take it up with them.") and their use of the product judged ("That is not how
the feature is meant to be used."), and not the writer's own step or a fault owned."""

from __future__ import annotations

import pytest

from scriptkit.config import LintConfig, Selector
from scriptkit.linting import lint_text


def _sk305(text: str) -> list[str]:
    config = LintConfig(select=(Selector("SK305"),), grammar="off")
    return [d.text for d in lint_text(text, channel="email", config=config).diagnostics]


@pytest.mark.parametrize("cold", [
    "Take it up with them.",
    "You'll need to take this up with the courier.",
    "That is not how the feature is meant to be used.",
    "Unfortunately that's not how it's meant to be used.",
])
def test_sending_away_and_judging_their_use_are_dismissive(cold: str) -> None:
    assert _sk305(cold)


@pytest.mark.parametrize("warm", [
    "I'll take it up with the courier today and let you know what they say.",
    "Let me take this up with the warehouse for you.",
    "That isn't how it's supposed to work, and I'm sorry it let you down.",
])
def test_the_writers_own_step_and_a_fault_owned_are_not(warm: str) -> None:
    assert _sk305(warm) == []
