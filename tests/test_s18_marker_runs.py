"""A run of '[' or '{' in a reply (pasted junk, an imported body) is read in linear time: the
fill-in marker pattern scanned to the text's end from each '[[' and took minutes on 200 KB."""

from __future__ import annotations

import pytest

from scriptkit.text import MARKERS as markers  # (the one pattern the readability and solution rules use)


@pytest.mark.timeout(60)
@pytest.mark.parametrize("char", ["[", "{"])
def test_a_run_of_brackets_is_no_marker_and_is_read_quickly(char: str) -> None:
    assert markers.sub("X", char * 300_000) == char * 300_000  # (~1 s; quadratic, it took hours)


def test_markers_are_still_found() -> None:
    assert markers.sub("X", "on [[new_date]] or {{ order.number }}, [x] {y}") == "on X or X, [x] {y}"
