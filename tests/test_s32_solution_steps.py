"""SK4xx as an empathy coach read them: the customer's own step ("Just reboot the modem.", "Please sign out and
log back in."), a fix done now ("..., and you should be good to go"), a refusal that offers nothing (with or
without an apology), the review's ticks beside a whole-reply finding, and SK105's advice on a short reply."""

from __future__ import annotations

import pytest

from scriptkit import lint_text

STEPS = {"SK401", "SK402", "SK403", "SK404"}


def codes(text: str, channel: str | None = None) -> set[str]:
    return {d.code for d in lint_text(text, channel=channel, config=None, grammar="off").diagnostics}


@pytest.mark.parametrize("line", [
    "Just restart the modem.",
    "Simply reinstall the app from the store.",
    "Please reboot the modem.",
])
def test_a_customers_step_with_just_is_theirs_and_done(line: str) -> None:
    # "Just reboot the modem." was a step nobody owned (SK403) with no time frame (SK404), where "Please ..." was clean
    assert not codes(line) & STEPS


@pytest.mark.parametrize("line", [
    "Please sign out and log back in.",
    "Please log out of the app and back in.",
    "Could you refresh the page and try once more?",
])
def test_logging_out_and_in_is_a_concrete_step(line: str) -> None:
    assert "SK402" not in codes(line)


@pytest.mark.parametrize("line", [
    "I've reset the stuck voucher on my end. Give the page a reload and you should be good to go.",
    "I've reset the stuck voucher on my end, so you're good to go.",
    "I've unlocked the account. Try signing in now and it should be all set.",
])
def test_a_fix_done_now_owes_no_time_frame(line: str) -> None:
    assert "SK404" not in codes(line, "chat")


def test_good_to_go_after_an_event_still_owes_a_when() -> None:
    assert "SK404" in codes("I'll order the part, and you'll be good to go once it arrives.", "chat")
