"""A step already taken, told as news with nobody in it ("Your card shipped today and should arrive by Monday."),
is an owned, finished step (SK403) and help given (SK304): what it means for the customer, said after an unsaid
"it" ("... and should arrive Friday"), is no step still to happen."""

from __future__ import annotations

import pytest

from scriptkit.config import LintConfig, Selector
from scriptkit.linting import lint_text

NEWS = [
    "Good news: your new card shipped today and should arrive by Monday.",
    "Your package left our warehouse today and should arrive Friday.",
    "Good news: your refund was processed today and should show on your card within 5 days.",
    "Your replacement order shipped this morning and will arrive by Wednesday.",
    "Your order is on its way and arrives tomorrow.",
]


def _codes(text: str, *codes: str) -> set[str]:
    config = LintConfig(select=tuple(Selector(c) for c in codes), grammar="off")
    return {d.code for d in lint_text(text, channel="email", config=config).diagnostics}


@pytest.mark.parametrize("news", NEWS)
def test_a_step_done_told_as_news_needs_no_owner(news: str) -> None:
    assert _codes(f"Hi Kim,\n\nSo sorry for the wait! {news}\n\nBest,\nLee", "SK403") == set()


@pytest.mark.parametrize("news", NEWS)
def test_sorry_with_a_step_done_is_not_sympathy_alone(news: str) -> None:
    assert _codes(f"Hi Kim, sorry for the wait! {news}", "SK304") == set()


@pytest.mark.parametrize("pending", [
    "Your refund was processed today and will be sent to your bank.",  # (a step still to happen, by nobody)
    "Your claim was approved today and should be paid soon.",
    "I've checked your order and will get back to you.",  # (the writer's own step still to happen)
])
def test_what_is_still_to_happen_is_not_a_step_done(pending: str) -> None:
    from scriptkit.rules.solution import finished
    assert not finished(pending)


@pytest.mark.parametrize("receipt", ["We got your message.", "We have received your email.",
                                     "Your ticket has been received."])
def test_a_message_received_is_no_help(receipt: str) -> None:
    assert _codes(f"Hi Kim, {receipt} I'm sorry that happened.", "SK304") == {"SK304"}


def test_a_thank_you_for_praise_with_a_forecast_is_not_judged_as_a_complaint() -> None:
    text = ("Hi Beth,\n\nThank you so much for the lovely words about Sam! I'll pass them on to him today, and I know "
            "it will make his week.\n\nWe're glad the new set-up suits your family. If you ever need a hand, we're "
            "always here.\n\nAll the best,\nTara")
    assert _codes(text, "SK3", "SK4") == set()


def test_a_thank_you_for_praise_that_hears_the_customer_is_still_judged() -> None:
    # ("I hear you" is said to them: a stance on something of theirs, which names nothing)
    assert _codes("Thank you for the kind words about Sam! I hear you.", "SK303") == {"SK303"}


@pytest.mark.parametrize("ack", ["I'm sorry the sync problem ate your morning.",
                                 "I'm sorry the outage cost you a day of sales."])
def test_an_apology_naming_what_went_wrong_in_an_irregular_verb_acknowledges(ack: str) -> None:
    assert _codes(f"{ack} I've fixed it on your account today, and your files are back.", "SK301") == set()


@pytest.mark.parametrize("ack", ["That would frustrate anyone.", "Two charges for one order would worry anybody."])
def test_a_feeling_said_as_the_verb_of_anyone_acknowledges(ack: str) -> None:
    assert _codes(f"{ack} I've refunded the second charge just now, and it reaches you by Friday.",
                  "SK301", "SK302", "SK303") == set()


@pytest.mark.parametrize("given", ["Here's 50% off your next order, applied automatically.",
                                   "Here is a $20 credit for the trouble."])
def test_an_amount_handed_over_is_help(given: str) -> None:
    assert _codes(f"I'm so sorry your parcel arrived damaged. {given}", "SK304", "SK403") == set()


def test_a_share_of_something_is_no_amount_handed_over() -> None:
    assert _codes("I'm sorry that happened. Here's 50% of the story.", "SK304") == {"SK304"}
