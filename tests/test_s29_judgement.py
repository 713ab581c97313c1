"""Judgements a reader disagreed with (session 29 review): concrete steps SK402 missed (a report published or
posted, a service told as back up and working again), SK404 asking for a date where the wait is tied to a named
event ("as soon as it's fixed"), and SK301 missing a plain acknowledgment ("I know a price rise is unwelcome")."""

from __future__ import annotations

import pytest

from scriptkit.config import LintConfig, Selector
from scriptkit.linting import lint_text


def _codes(text: str, *codes: str) -> set[str]:
    config = LintConfig(select=tuple(Selector(c) for c in codes), grammar="off")
    return {d.code for d in lint_text(text, channel="email", config=config).diagnostics}


_SORRY = "Hi Ana, I can see why the outage upset you, and I'm sorry."

# ---------------------------------------------------------------- SK402: concrete steps it missed


@pytest.mark.parametrize("step", [
    "I'll post what went wrong on our status page by Friday.",
    "We will post a full account of the outage on the blog tomorrow.",
    "Our engineers will publish a full report by Friday.",
    "I've published the corrected price list on our website today.",
    "We'll deploy the fix to your account tonight.",
    "Our developers are rolling out the fix this afternoon.",
    "Everything is back up, and I've checked your account is working again.",
    "Your dashboard is back online as of this morning.",
    "The booking page is now up and running again.",
])
def test_a_deliverable_act_is_a_next_step(step: str) -> None:
    assert "SK402" not in _codes(f"{_SORRY} {step}", "SK402")


@pytest.mark.parametrize("vague", [
    "We will look into it.",
    "I'll keep you posted.",
    "Our team will investigate the matter.",
    "I've reviewed it and the charge is correct.",
    "We have read your post about the outage.",
    "Your account is not working again.",
    "The app isn't back up yet.",
    "I've checked your account.",
])
def test_vague_looks_and_states_are_still_no_step(vague: str) -> None:
    assert "SK402" in _codes(f"{_SORRY} {vague}", "SK402")
