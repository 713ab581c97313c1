"""Contradictions compare one policy with itself: delivery options named side by side in one reply (standard and
express) are no contradiction, a replacement's delivery time is neither the shop's delivery time nor a warranty's
length, and an exchange window is not a return window."""

from __future__ import annotations

import pytest

from scriptkit.sprawl import find_contradictions, quantities


def _read(text: str) -> list[tuple[str | None, str, str, str]]:
    return [(q.topic, q.option, q.unit, q.value) for q in quantities("m", text)]


def test_delivery_options_side_by_side_are_no_contradiction() -> None:
    options = "Standard shipping takes 4 business days and express shipping takes 1 business day; tracking follows."
    assert _read(options) == [("delivery", "", "business days", "4"), ("delivery", "express", "business days", "1")]
    other = "I'm sorry for the wait: your parcel left today and delivery takes 4 business days."
    assert find_contradictions([("options", options), ("other", other)]) == []
    # each option still compares with the same option elsewhere
    [found] = find_contradictions([("options", options), ("express", "Express shipping takes 2 business days.")])
    assert found.topic == "delivery (express)" and set(found.values) == {"1", "2"}
    [standard] = find_contradictions([("options", options), ("slow", "Delivery takes 6 business days.")])
    assert standard.topic == "delivery" and set(standard.values) == {"4", "6"}


def test_a_replacements_delivery_is_its_own_figure() -> None:
    warranty = ("Your blender has a 3-year warranty, so I've posted a replacement this morning; it arrives "
                "within 2 business days.")
    assert _read(warranty) == [("warranty", "", "years", "3"), ("delivery", "replacement", "business days", "2")]
    # under a warranty, a replacement's time is its delivery, not the warranty's length
    assert _read("Under the warranty, a replacement takes 2 business days.") == [
        ("delivery", "replacement", "business days", "2")]
    assert _read("Our 90-day guarantee covers a replacement.") == [("warranty", "", "days", "90")]
    assert _read("The warranty lasts 12 months.") == [("warranty", "", "months", "12")]
    shop = "Standard delivery takes 4 business days."
    assert find_contradictions([("warranty", warranty), ("shop", shop),
                                ("other-warranty", "Every blender has a 3-year warranty.")]) == []
    # a replacement named after the time is not what arrives: "if it doesn't arrive ..., I'll send a replacement"
    assert _read("If it doesn't arrive within 4 business days, I'll send a replacement.") == [
        ("delivery", "", "business days", "4")]


def test_an_exchange_window_is_not_a_return_window() -> None:
    exchange = "Swapping sizes is easy: exchanges are free within 45 days of delivery."
    returns = "You can return anything within 21 days of delivery for a full refund."
    assert _read(exchange) == [("exchange", "", "days", "45")]
    assert find_contradictions([("exchange", exchange), ("returns", returns)]) == []
    # two exchange windows still clash, and a reply naming both keeps the return window
    [found] = find_contradictions([("exchange", exchange), ("again", "Exchanges are accepted within 30 days.")])
    assert found.topic == "exchange" and set(found.values) == {"45", "30"}
    assert _read("You can return or exchange it within 21 days.") == [("return", "", "days", "21")]


@pytest.mark.timeout(60)
@pytest.mark.parametrize("text", [
    "Delivery takes " + "5 days, " * 6000,
    "Express delivery " + "2 days and standard 5 days and " * 1700,
    "replacement " * 4000 + "arrives in 3 days " * 2000,
    "warranty " * 3000 + "replacement takes 3 days, " * 1500,
    "please allow " + "3 days " * 7000,
])
def test_a_long_sentence_of_quantities_does_not_hang(text: str) -> None:
    # (each quantity looked through the whole sentence for its clause, topic and context: 50 KB took minutes)
    found = list(quantities("m", text[:50_000]))
    assert found and all(q.sentence == found[0].sentence for q in found)
