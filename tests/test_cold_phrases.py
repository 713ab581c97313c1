"""Cold stock phrases a support lead finds in real libraries, each with the rule that names it,
and near misses that must stay clean."""

from __future__ import annotations

import pytest

from scriptkit.linting import lint_text

FRAME = "I can see how frustrating this is. {} I'll email you by Friday with the next step.\n"


def _found(sentence: str) -> list[tuple[str, str]]:
    return [(d.code, d.text) for d in lint_text(FRAME.format(sentence), file="r.txt").diagnostics
            if d.code in ("SK201", "SK204", "SK305")]


@pytest.mark.parametrize(("sentence", "code", "text"), [
    ("As per my last email, the refund was sent.", "SK305", "As per my last email"),
    ("Per my previous message, it shipped.", "SK305", "Per my previous message"),
    ("As stated in my earlier reply, it shipped.", "SK305", "As stated in my earlier reply"),
    ("No further action is possible at this time.", "SK305", "No further action is possible"),
    ("Nothing further can be done.", "SK305", "Nothing further can be done"),
    ("This is outside of our control.", "SK305", "outside of our control"),
    ("Refunds are processed according to company guidelines.", "SK305", "according to company guidelines"),
    ("It was declined in accordance with our policy.", "SK305", "in accordance with our policy"),
    ("Your patience is appreciated.", "SK201", "Your patience is appreciated"),
    ("Please refer to our FAQ for more.", "SK201", "Please refer to"),
    ("We apologize for the delay.", "SK201", "We apologize for"),
    ("We apologise for the mix-up.", "SK201", "We apologise for"),
    # (the company's apology for "any inconvenience" is SK204's, and only SK204's)
    ("We apologize for any inconvenience.", "SK204", "We apologize for any inconvenience"),
])
def test_a_cold_phrase_is_named_by_its_rule(sentence: str, code: str, text: str) -> None:
    assert _found(sentence) == [(code, text)]


@pytest.mark.parametrize("sentence", [
    "According to our records, it left the warehouse on Monday.",
    "My last email had the tracking link, so here it is again.",
    "It's outside our office hours, but I'm here.",
    "I'm sorry for the delay.",
    "No further charge will be taken.",
])
def test_a_near_miss_stays_clean(sentence: str) -> None:
    assert _found(sentence) == []
