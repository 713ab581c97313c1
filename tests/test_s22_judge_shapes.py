"""Help and owned slips read by what the sentence says: "Here's the deal: we can't do anything" hands nothing over
(an item must be named after "here's"), and "we think you typed the wrong postcode" blames, where "we gave you the
wrong code" owns the slip."""

from __future__ import annotations

import pytest

from scriptkit import lint_text
from scriptkit.rules.empathy import _OWNED_SLIP, hands_over


@pytest.mark.parametrize(("text", "gives"), [
    ("Here's the deal: we can't do anything.", False),
    ("Here's the situation with your order.", False),
    ("I know it's confusing, so here's a simple explanation:", False),
    ("Here's an update on your order.", False),
    ("Here's the right one: SPRING20.", True),
    ("Here is your new tracking link: example.com/t/1.", True),
    ("Here are the steps again: open Settings, then Account.", True),
    ("Here's the correct information about your plan:", True),
    ("Here you go: example.com/reset.", True),
])
def test_hands_over_needs_an_item(text: str, gives: bool) -> None:
    assert hands_over(text) is gives


@pytest.mark.parametrize(("text", "owned"), [
    ("sorry we gave you the wrong code", True),
    ("sorry I sent your order to the wrong address", True),
    ("sorry we sent you a wrong item", True),
    ("sorry we think you typed the wrong postcode", False),
    ("sorry we can see you picked the wrong plan", False),
    ("sorry I believe the wrong box was chosen by you", False),
])
def test_an_owned_slip_is_the_writers_act(text: str, owned: bool) -> None:
    assert (_OWNED_SLIP.match(text) is not None) is owned


def test_sympathy_then_the_deal_is_still_sympathy_without_help() -> None:
    codes = {d.code for d in lint_text("I'm sorry your parcel is late. Here's the deal: we can't do anything about "
                                       "couriers.", channel="chat").diagnostics}
    assert "SK304" in codes


def test_blame_dressed_as_a_slip_is_no_acknowledgment() -> None:
    codes = {d.code for d in lint_text("Sorry, we think you typed the wrong postcode. Please check it and order "
                                       "again.", channel="chat").diagnostics}
    assert "SK301" in codes


@pytest.mark.parametrize("text", [
    "Hi Sam, I'm sorry it's late. We've shipped it this morning and it arrives Friday.",
    "I'm sorry this arrived broken. I've sent a new one today by tracked post.",
])
def test_an_apology_for_what_went_wrong_told_of_it_acknowledges(text: str) -> None:
    """As "I'm sorry the parcel is late" does: "it" names the same thing. (A bare "Sorry for the wait!" stays a
    courtesy, as tests/test_rules_empathy.py holds: it hears no feeling and names no mishap.)"""
    assert "SK301" not in {d.code for d in lint_text(text, channel="email").diagnostics}


@pytest.mark.parametrize("text", [
    "Sorry, it's taken a while to check. Your order shipped this morning.",
    "Sorry for the wait! Your order shipped this morning.",
    "Sorry, what was the order number? I'll look it up right away.",
])
def test_a_sorry_naming_nothing_wrong_is_no_acknowledgment(text: str) -> None:
    assert "SK301" in {d.code for d in lint_text(text, channel="email").diagnostics}


@pytest.mark.parametrize(("text", "expected"), [
    # "update" the noun is news, no step: the step itself is judged
    ("Hi Sam, I'm sorry it's late. Here's an update: it shipped this morning and arrives Friday.", set()),
    ("Sure thing. We'll keep an eye out for your update.", {"SK402", "SK404"}),
    # "update" the verb is a step
    ("I'm sorry it's late. I'll update you by Friday.", set()),
    ("I'm sorry it's late. We've updated your address, so the next box goes to the new flat.", set()),
    ("I'm sorry the app crashed. Please update the app from the store and sign in again.", set()),
    # finished news told of "it" needs nobody to own it (as "The replacement shipped this morning" does)
    ("Hi Sam, I'm sorry it's late. It shipped this morning and arrives Friday.", set()),
])
def test_update_and_news_of_it(text: str, expected: set[str]) -> None:
    codes = {d.code for d in lint_text(text, channel="chat").diagnostics}
    assert codes & {"SK401", "SK402", "SK403", "SK404"} == expected


@pytest.mark.parametrize("text", [
    "Hello Sam, sorry you're locked out — that's no fun. Use this link to reset it.",
    "Hello Sam, sorry you're locked out. Use this link to reset it.",
    "Hello Sam, being locked out is no fun at all. Use this link to reset it.",
    "Hi Ana, sorry you are still waiting. I've chased the courier and it arrives tomorrow.",
])
def test_sorry_you_are_and_no_fun_acknowledge(text: str) -> None:
    """As 'sorry you were' and 'being locked out is a pain' did (the migration review's false alarms)."""
    assert "SK301" not in {d.code for d in lint_text(text, channel="email").diagnostics}
