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


@pytest.mark.parametrize("reply", [
    "Phone support isn't offered in your area. We can assist you by email or live chat instead.",
    "Unfortunately, phone support isn't available in your region. However, we're happy to assist you promptly via "
    "live chat, which is open around the clock.",
])
def test_a_route_offered_after_a_refusal_is_a_way_forward(reply: str) -> None:
    # (the customer is told how to reach someone: not a reply that offers nothing, SK401)
    codes = {d.code for d in lint_text(reply).diagnostics}
    assert "SK401" not in codes, codes


def test_being_here_to_help_with_no_route_is_still_no_step() -> None:
    codes = {d.code for d in lint_text("Sorry, we can't take phone calls. We're always here to help.").diagnostics}
    assert "SK401" in codes, codes
