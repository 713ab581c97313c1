"""A delivery promised for a day is the reply's next step (SK402); each sentence written for these tests."""

from __future__ import annotations

import pytest

from scriptkit import lint_text

SORRY = "I'm so sorry the new charger still hasn't come, that's really annoying. "


def codes(reply: str, channel: str = "email") -> set[str]:
    return {d.code for d in lint_text(reply, channel=channel, grammar="off", file="r.txt").diagnostics}


@pytest.mark.parametrize("channel", ["email", "chat", "sms"])
@pytest.mark.parametrize("promise", [
    "The courier says it's at the sorting office. It'll be with you by Friday.",
    "Your charger will arrive on Tuesday morning.",
    "The replacement should reach you within 2 working days.",
])
def test_a_delivery_promised_for_a_day_is_a_next_step(promise: str, channel: str) -> None:
    assert "SK402" not in codes(SORRY + promise, channel)


@pytest.mark.parametrize("no_promise", [
    "We'll be with you shortly.",  # (the writer coming back, nothing sent)
    "Our thoughts will be with you.",
])
def test_being_with_the_customer_that_sends_nothing_names_no_step(no_promise: str) -> None:
    assert "SK402" in codes(SORRY + no_promise)


def test_a_delivery_said_as_arriving_is_read_as_arrive_is() -> None:
    # ("It will arrive" counts already; its synonyms now do too, and still owe a when without one)
    assert "SK404" in codes(SORRY + "It'll be with you soon.")
