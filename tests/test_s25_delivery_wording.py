"""A delivery time said as its arrival ("should reach you within 5 business days", "you should receive your order
within 7 business days") is a delivery time: three replies promising 3, 5 and 7 days were no contradiction."""

from __future__ import annotations

from scriptkit.sprawl import find_contradictions, quantities


def test_reach_you_and_receive_your_order_are_delivery_times() -> None:
    replies = [("eu", "I'm sorry it's taking a while. Your order should reach you within 5 business days."),
               ("uk", "Your parcel was dispatched today and will arrive within 3 business days."),
               ("late", "I'm sorry for the wait. You should receive your order within 7 business days.")]
    [found] = find_contradictions(replies)
    assert found.topic == "delivery" and set(found.values) == {"3", "5", "7"}


def test_trying_to_reach_you_or_receiving_a_refund_is_no_delivery() -> None:
    assert all(q.topic != "delivery" for q in quantities("m", "We'll try to reach you within 2 days by phone."))
    assert all(q.topic != "delivery" for q in quantities("m", "You'll receive your refund within 5 days."))
