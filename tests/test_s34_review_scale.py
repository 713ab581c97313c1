"""A long transcript is one message of thousands of segments: the readability rules asked for each sentence's
segments, and each finding with an apostrophe for its slot's bounds, by scanning them all (1.25 MB took 19 s).
They are now found by bisection, and once per message: the same segments and bounds as the scan."""

from __future__ import annotations

from scriptkit.message import Blank, Message, Placeholder, Text

_SEGMENTS = (Text("Hi ", "greeting"), Placeholder("customer.first_name", "greeting"), Text(",\n\n", "layout"),
             Text("Sorry it is late. ", "acknowledgment"), Text("", "acknowledgment"), Text("", "layout"),
             Text("I sent ", "solution"), Blank("tracking_number", "solution"), Text(" today.", "solution"),
             Text("\n\n", "layout"), Text("Thanks for waiting.", "acknowledgment"), Text("", "signoff"))


def test_the_spans_over_a_part_are_those_the_scan_finds() -> None:
    message = Message("s", "S", "email", 0, _SEGMENTS)
    n = len(message.text)
    for start in range(-1, n + 2):
        for end in range(start - 1, n + 2):
            scanned = [(a, b, seg) for a, b, seg in message.spans() if a < end and b > start]
            assert list(message.spans_over(start, end)) == scanned, (start, end)


def test_a_slots_bounds_run_from_its_first_segment_to_its_last() -> None:
    message = Message("s", "S", "email", 0, _SEGMENTS)
    for slot in ("greeting", "layout", "acknowledgment", "solution", "signoff", "warm_language"):
        rows = [(a, b) for a, b, seg in message.spans() if seg.slot == slot]
        assert message.slot_bounds(slot) == ((rows[0][0], rows[-1][1]) if rows else None), slot
    text = message.text  # (the acknowledgment's two parts, with the solution between them)
    assert message.slot_bounds("acknowledgment") == (text.index("Sorry"), text.index("waiting.") + len("waiting."))
