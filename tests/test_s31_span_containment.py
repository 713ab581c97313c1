"""inside_one_of / holding_one_of answer as comparing every pair does, for few spans and for many
(sorted and searched: a 300 KB reply with no full stop compared 10 million pairs)."""

from __future__ import annotations

from hypothesis import example, given
from hypothesis import strategies as st

from scriptkit.text import holding_one_of, inside_one_of

_span = st.tuples(st.integers(0, 60), st.integers(0, 30)).map(lambda p: (p[0], p[0] + p[1]))
_spans = st.lists(_span, max_size=40)


@given(_spans, _spans)
@example([(5, 9)], [(0, 10), (4, 6)])
@example([(5, 9)] * 10, [(0, 3)] * 5 + [(2, 20)] + [(30, 31)] * 5)  # (a wide span among narrow ones)
def test_inside_one_of_is_every_pair_compared(spans: list[tuple[int, int]], outer: list[tuple[int, int]]) -> None:
    inside = inside_one_of(outer)
    for a, b in spans:
        assert inside(a, b) == any(x <= a and b <= y for x, y in outer), (a, b)


@given(_spans, _spans)
@example([(0, 10)], [(12, 13)] * 9 + [(3, 8)])
@example([(2, 10)], [(3, 20), (5, 8)] + [(40, 41)] * 8)  # (a later, narrower span is the one held)
def test_holding_one_of_is_every_pair_compared(spans: list[tuple[int, int]], inner: list[tuple[int, int]]) -> None:
    holding = holding_one_of(inner)
    for x, y in spans:
        assert holding(x, y) == any(x <= a and b <= y for a, b in inner), (x, y)
