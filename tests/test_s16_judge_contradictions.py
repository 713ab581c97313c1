"""The audit's contradictions: a parcel the customer drops off is a return, not a delivery, so a return
window of 30 days clashes with one of 14 days "of delivery", and not with a delivery time."""

from __future__ import annotations

from scriptkit.sprawl import find_contradictions, quantities

LABEL = "Print the label, drop the parcel at any post office within 30 days, and I'll refund you."
SHIPPING = "Your order arrives in 2-4 days."
WINDOW = "You can send it back within 14 days of delivery."


def test_a_return_window_clashes_with_another_not_with_a_delivery_time() -> None:
    [found] = find_contradictions([("return-label", LABEL), ("shipping", SHIPPING), ("return-window", WINDOW)])
    assert found.topic == "return" and found.unit == "days"
    assert {v: [q.macro for q in qs] for v, qs in found.values.items()} == {
        "30": ["return-label"], "14": ["return-window"]}


def test_a_parcel_dropped_off_is_returned_and_one_on_its_way_is_delivered() -> None:
    assert [q.topic for q in quantities("a", LABEL)] == ["return"]
    assert [q.topic for q in quantities("a", "Drop it off at the depot within 10 days and we'll do the rest.")] \
        == ["return"]
    assert [q.topic for q in quantities("a", "Your parcel will reach you within 3 days.")] == ["delivery"]
    assert [q.topic for q in quantities("a", "The parcel is held at the post office for 14 days.")] == ["delivery"]


def test_a_drop_off_named_with_its_brand_or_carrier_is_a_return() -> None:
    for text in ("Drop the parcel off at an InPost locker within 30 days.",
                 "Drop it at a Royal Mail post office within 14 days.",
                 "Drop the parcel off with any courier within 30 days.",
                 "Drop it at your nearest UPS Access Point within 30 days."):
        assert [q.topic for q in quantities("a", text)] == ["return"], text
    assert find_contradictions([("shipping", "Your parcel will arrive within 3 days."),
                                ("returns", "Drop the parcel off at an InPost locker within 30 days.")]) == []
