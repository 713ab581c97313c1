"""A refund said to reach the customer in N days is a refund timeline, not a delivery time; a parcel's or an
order's arrival stays a delivery."""

from __future__ import annotations

from scriptkit.sprawl import find_contradictions, quantities


def _topics(text: str) -> list[str | None]:
    return [q.topic for q in quantities("m", text)]


def test_a_refund_reaching_the_customer_is_a_refund_timeline() -> None:
    assert _topics("I've issued your refund today and it will reach you within 5 business days.") == ["refund"]
    assert _topics("We've refunded the charge, so the money should arrive within 3 days.") == ["refund"]
    found = find_contradictions([
        ("a", "I've issued your refund today and it will reach you within 5 business days."),
        ("b", "I've issued your refund today and it will reach you within 10 business days."),
    ])
    assert [c.topic for c in found] == ["refund"]


def test_a_delivery_promise_stays_a_delivery() -> None:
    assert _topics("Your order left us today and it will reach you within 5 business days.") == ["delivery"]
    assert _topics("Your refund is approved, and the parcel will arrive within 3 days.") == ["delivery"]
    assert _topics("Once your refund is approved, your new pair will arrive within 3 days.") == ["delivery"]
