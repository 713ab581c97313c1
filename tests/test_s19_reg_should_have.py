"""SK305: "you should have had a look / had the sense / been able to read the terms" blames the customer again,
while "you should have had your refund" and "you should've been able to log in" (what they were owed) stay clean."""

from __future__ import annotations

import pytest

from scriptkit import lint_text


def _blame(text: str) -> list[str]:
    return [d.text for d in lint_text(text, config=None).diagnostics if d.code == "SK305"]


@pytest.mark.parametrize("sentence", [
    "You should have had a look at the FAQ before ordering.",
    "You should have had the sense to call us first.",
    "You should have had the foresight to keep the box.",
    "You should have been able to read the terms before paying.",
    "You should've been able to check the instructions yourself.",
    "You should have been able to see the small print on the order page.",
])
def test_the_customers_failure_is_blame_again(sentence: str) -> None:
    assert _blame(sentence), sentence


@pytest.mark.parametrize("sentence", [
    "You should have had your refund days ago, and I'm sorry it's late.",
    "You should have had a reply from us on Monday.",
    "You should have been able to log in straight away.",
    "You should have been able to see your new balance by now.",
    "That isn't the welcome you should have had.",
])
def test_what_the_customer_was_owed_stays_clean(sentence: str) -> None:
    assert _blame(sentence) == [], sentence
