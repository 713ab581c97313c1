"""SK301 hears a reply that takes the customer's reason as the ordinary thing it is ("Life gets busy, and sometimes
you need a break from deliveries"), as it hears "that makes sense"; and its advice after an opening thank-you shows
a pattern, not one case's words (a double charge told to someone pausing a subscription read as pasted)."""

from __future__ import annotations

import pytest

from scriptkit import lint_text
from scriptkit.config import LintConfig

_CONFIG = LintConfig().override(grammar="off")


def sk301(body: str) -> list[str]:
    """SK301's suggestions on ``body`` (one a finding)."""
    return [d.suggestion or "" for d in lint_text(body, channel="email", config=_CONFIG).diagnostics
            if d.code == "SK301"]


@pytest.mark.parametrize("body", [
    "Thanks for writing in! Of course, life gets busy and sometimes you need a break from fresh coffee. "
    "I've paused your subscription until June.",
    "Life gets hectic sometimes. I've paused your coffee box until June.",
    "Plans change, and that's completely fine. I've moved your booking to June.",
    "We all need a break now and then! Your coffee box is paused until June.",
    "Sometimes you just need a breather from deliveries. I've paused your box until June.",
])
def test_taking_their_reason_as_ordinary_acknowledges_it(body: str) -> None:
    assert sk301(body) == []


@pytest.mark.parametrize("body", [
    "Thanks for writing in. Your coffee box has been reshipped.",
    "Delays happen. Your coffee box has been reshipped.",
    "Sometimes parcels need a break too. Your coffee box has been reshipped.",
])
def test_a_reply_that_hears_nothing_is_still_reported(body: str) -> None:
    assert len(sk301(body)) == 1


def test_advice_after_thanks_names_no_case_of_its_own() -> None:
    [advice] = sk301("Thanks for writing in. Your coffee box has been reshipped.")
    assert advice.startswith("after the thanks, say what you heard")
    # (a pattern with room for this customer's words, not another customer's double charge)
    assert "charged twice" not in advice
    assert "<" in advice and ">" in advice


def test_advice_on_an_apology_names_no_case_of_its_own() -> None:
    [advice] = sk301("We apologise for the inconvenience. Your coffee box has been reshipped.")
    assert advice.startswith("say in the apology what happened to them")
    assert "a week late" not in advice
    assert "<" in advice and ">" in advice


@pytest.mark.parametrize("body", [
    "This is a known issue, and a fix ships next week. You can use the web app until then.",
    "We've had several reports of this since Monday. You can use the web app until then.",
    "We are aware of the sync problem and our engineers are on it. You can use the web app until then.",
    "There are known problems with some older routers. You can use the web app until then.",
])
def test_confirming_their_problem_is_known_acknowledges_it(body: str) -> None:
    # (as "Other customers have reported the same thing" does: they are not alone with it, and it is real)
    assert sk301(body) == []


@pytest.mark.parametrize("body", [
    "We've had a high volume of requests this week. You can use the web app until then.",
    "We are aware of your request. You can use the web app until then.",
    "Is this a known issue? You can use the web app until then.",
])
def test_a_reply_that_only_sounds_like_it_is_still_reported(body: str) -> None:
    assert len(sk301(body)) == 1
