"""SK301 leaves alone a reply that needs no opening acknowledgment, or that gives one in other words: the good news
told first ("Great news! I've refunded you."), an answer to the customer's thanks ("You're welcome!"), "you're not
alone", and the problem reproduced on the writer's side. A cold reply is still reported."""

from __future__ import annotations

import pytest

from scriptkit.config import LintConfig, Selector
from scriptkit.linting import lint_text


def _sk301(text: str) -> list[str]:
    config = LintConfig(select=(Selector("SK301"),), grammar="off")
    return [d.code for d in lint_text(text, channel="email", config=config).diagnostics]


@pytest.mark.parametrize("heard", [
    # the good news first: what the customer waited for
    "Great news! I've cancelled the second charge, and the money will be back on your card by Thursday.",
    "Good news: your replacement headphones left our warehouse this morning.",
    # an answer to their thanks: there is no problem left to acknowledge
    "You're welcome! 😊",
    "Happy to help!",
    "You are very welcome, Priya. If anything else comes up, just reply to this email.",
    "My pleasure! Enjoy the new lamp.",
    "Glad I could help! Have a lovely weekend.",
    # told they are not alone with it
    "You're not alone in this: we know the app is logging people out, and our engineers are on it.",
    "You aren't the only one seeing this — the team is already working on a fix.",
    # the problem reproduced: their report confirmed
    "I tried your steps on my own laptop and reproduced the crash, so I've passed it to our developers.",
    "We were able to reproduce the missing export button, and a fix goes out on Monday.",
])
def test_a_reply_that_needs_or_gives_no_other_acknowledgment_is_left_alone(heard: str) -> None:
    assert _sk301(heard) == []


@pytest.mark.parametrize("cold", [
    "Your ticket has been received.",
    # (a request granted is news that hears them, "Your refund has been approved and will reach you within 5 days.";
    # a fix of what went wrong still owes hearing it)
    "Your order has been reshipped and will arrive within 5 days.",
    "Good news is something we love to share. Your ticket has been received.",
    "Happy to help with your request. Please send your order number.",
    "You're welcome, and sorry for the wait. Your order number is 4411.",
    "We couldn't reproduce the crash. Please send your logs.",
    "If we can reproduce the problem, we'll let you know.",
    "Can you reproduce it on another device?",
    "We tried to reproduce the crash, but the export worked every time.",
    "We could not reproduce the bug on our side.",
    "I'll try to reproduce it tomorrow.",
    "Please send a sample project, so that we as a small team can quickly reproduce the issue.",
    "Please attach the file. We need it to reproduce the error.",
    "You're the only one who has reported this.",
])
def test_a_cold_reply_is_still_reported(cold: str) -> None:
    assert _sk301(cold) == ["SK301"]
