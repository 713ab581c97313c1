"""SK305's "all you need to do is" after a link handed over still minimises when what follows sends the
customer away to read or work it out ("read our FAQ", "figure it out yourself"); after help, a small concrete step
("drop the parcel at any post office", "click it") is left alone."""

from __future__ import annotations

import pytest

from scriptkit import lint_text
from scriptkit.config import LintConfig

_CONFIG = LintConfig().override(grammar="off")


def codes(body: str, code: str) -> list[str]:
    return [d.message for d in lint_text(body, channel="email", config=_CONFIG).diagnostics if d.code == code]


@pytest.mark.parametrize("body", [
    "I know the import keeps failing. Here's the link: all you need to do is read the help centre article.",
    "Sorry the app won't sync. I've sent you the setup guide link. All you have to do is go through it and work "
    "it out on your own.",
    "Sorry the app won't sync. I've emailed you a link, so all you need to do is figure out the settings yourself.",
])
def test_after_a_link_sending_them_away_to_read_still_minimises(body: str) -> None:
    assert [m for m in codes(body, "SK305") if "all you" in m.lower()] != []


@pytest.mark.parametrize("body", [
    "I know the mug arrived chipped. I've attached a prepaid label, so all you need to do is leave the box at "
    "the front desk.",
    "Sorry the reset email never came. Here's a new reset link: all you have to do is click it and pick a "
    "new password.",
])
def test_after_help_a_small_concrete_step_is_left_alone(body: str) -> None:
    assert [m for m in codes(body, "SK305") if "all you" in m.lower()] == []
