"""Asking the customer to report a problem to someone who can fix it ("please report the bug to the author") is a
concrete step: it got SK402 'no concrete next step', as 'report' was read as the noun only."""

from __future__ import annotations

import pytest

from scriptkit.linting import lint_text


@pytest.mark.parametrize("reply", [
    "Thanks for the heads-up, but this theme isn't made by us, please report the bug to its maker.",
    "You can report it on the plugin's issue tracker.",
])
def test_asking_to_report_it_elsewhere_is_a_step(reply: str) -> None:
    codes = {d.code for d in lint_text(reply).diagnostics}
    assert not codes & {"SK401", "SK402"}, codes


def test_thanks_for_the_report_is_still_no_step() -> None:
    codes = {d.code for d in lint_text("Thanks for the report, we appreciate it.").diagnostics}
    assert "SK401" in codes or "SK402" in codes, codes
