"""A step set for the moment the customer's own step lands ("as soon as we get the old one back") is timed
(SK404); each sentence written for these tests."""

from __future__ import annotations

import pytest

from scriptkit import lint_text

SORRY = "Oh no, I'm sorry the jacket was too small! "


def codes(reply: str) -> set[str]:
    return {d.code for d in lint_text(reply, grammar="off", file="r.txt").diagnostics}


@pytest.mark.parametrize("step", [
    "I've booked your exchange, and the bigger size goes out as soon as we scan the return.",
    "I'll post the new one the moment we receive your parcel.",
    "The refund goes back to your card as soon as you send the form.",
])
def test_as_soon_as_the_customers_own_step_lands_is_a_time_frame(step: str) -> None:
    assert "SK404" not in codes(SORRY + step)


@pytest.mark.parametrize("step", [
    "I'll send the new one once we scan the return.",  # ("once": when, but not how soon after)
    "I'll email you as soon as the supplier restocks it.",  # (an event nobody can date)
])
def test_a_wait_with_no_how_soon_or_on_someone_elses_event_still_owes_a_when(step: str) -> None:
    assert "SK404" in codes(SORRY + step)


def test_as_soon_as_their_step_in_the_words_an_older_test_asked_how_soon_after_of() -> None:
    # (these were flagged "does not say how soon after" though "as soon as" says it)
    assert "SK404" not in codes(SORRY + "I'll refund you as soon as you return the item.")
    assert "SK404" not in codes(SORRY + "As soon as we receive your photo we will send a new one.")
