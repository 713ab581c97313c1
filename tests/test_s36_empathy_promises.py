"""SK304 hears a promise of the writer's ("I'll keep an eye on it", "we'll let the courier know") as help offered,
not sympathy alone; a promise of nothing ("I'll be honest", "we'll have to wait and see", "we will not be able
to") leaves the apology alone still."""

from __future__ import annotations

import pytest

from scriptkit import lint_text
from scriptkit.config import LintConfig

_CONFIG = LintConfig().override(grammar="off")


def codes(body: str, channel: str = "email") -> set[str]:
    return {d.code for d in lint_text(body, channel=channel, config=_CONFIG).diagnostics}


@pytest.mark.parametrize("body", [
    "Sorry your lamp hasn't turned up yet! I'll keep an eye on it.",
    "So sorry the lamp is running late. We'll keep a close eye on the delivery for you.",
    "Sorry the lamp is late! I'll let the courier know.",
    "I'm sorry your lamp is late. I'll keep you posted.",
    "Sorry about the delay with your lamp. We'll be monitoring it all week.",
    "Sorry the lamp is late! I'll make sure it reaches you.",
    "Sorry your lamp is late. I will get back to you about it.",
])
def test_sorry_with_a_promise_is_help(body: str) -> None:
    assert "SK304" not in codes(body)


def test_sorry_with_a_promise_on_sms_is_help() -> None:
    assert "SK304" not in codes("Sorry your lamp is late! I'll keep an eye on it.", channel="sms")


@pytest.mark.parametrize("body", [
    "Sorry your lamp is late. I'll be honest, it's out of our hands.",
    "Sorry your lamp is late. We'll have to wait and see.",
    "Sorry your lamp is late. We will not be able to change the courier.",
    "Sorry your lamp is late. I'll always remember to use a better courier.",
    "Sorry your lamp is late. We will continue to improve our service.",
    "Sorry your lamp is late. We will take your comments on board.",
    "I'm sorry that happened.",
])
def test_sorry_with_a_promise_of_nothing_is_still_reported(body: str) -> None:
    assert "SK304" in codes(body)
