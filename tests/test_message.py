"""Message: mapping offsets of the rendered text back to the source (fast paths against their definitions)."""

from __future__ import annotations

import pickle
from dataclasses import FrozenInstanceError

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scriptkit.diagnostics import Location
from scriptkit.message import Message, Placeholder, Segment, SourceSpan, Text
from scriptkit.sourcetext import SourceText

FILES = (SourceText("a.yaml", "key: one two\n  three\n\nfour: 'five''s'\nsix\n"),
         SourceText("b.yaml", "x\ny: z z z\n"))


@st.composite
def segments(draw: st.DrawFn) -> Segment:
    source = draw(st.sampled_from(FILES))
    n = len(source.text)
    kind = draw(st.sampled_from(["run", "scattered", "expression", "placeholder", "layout"]))
    text = draw(st.text(alphabet="ab \n", min_size=0, max_size=8))
    if kind == "run":  # literal text copied from the file: one unbroken range of offsets
        a = draw(st.integers(0, n))
        b = draw(st.integers(a, min(n, a + 8)))
        return Text(source.text[a:b], "solution", SourceSpan(None, True, range(a, b), source)
                    if a < b else SourceSpan(source.location(a), True, (), source))
    if kind == "scattered":  # escapes, folds: offsets in any order, possibly past the file's end
        offsets = tuple(draw(st.lists(st.integers(0, n + 2), min_size=len(text), max_size=len(text))))
        start = source.location(offsets[0]) if offsets else source.location(0)
        return Text(text, "warm_language", SourceSpan(start, True, offsets, source))
    at = source.location(draw(st.integers(0, n)))
    if kind == "expression":
        return Text(text, "acknowledgment", SourceSpan(at, False))
    if kind == "placeholder":
        return Placeholder("customer.first_name", "greeting", None, SourceSpan(at, False))
    return Text(text, "layout", None)


def _located_span(message: Message, start: int, end: int) -> tuple[Location, str | None, tuple[int, int] | None]:
    """What ``locate_span`` means: ``locate`` at the start and at the last character."""
    location, slot = message.locate(start)
    if end <= start:
        return location, slot, None
    last = message.locate(end - 1)[0]
    same = last.file == location.file and (last.line, last.col) >= (location.line, location.col)
    return location, slot, (last.line, last.col) if same else None


@settings(max_examples=300, deadline=None)
@given(st.lists(segments(), max_size=6), st.data())
def test_locate_span_is_locate_at_both_ends(parts: list[Segment], data: st.DataObject) -> None:
    message = Message("s", "S", "email", 0, tuple(parts), file="a.yaml")
    size = len(message.text)
    start = data.draw(st.integers(0, size + 1))
    end = data.draw(st.integers(max(0, start - 1), size + 2))
    assert message.locate_span(start, end) == _located_span(message, start, end)


def test_locate_span_in_a_literal_text_across_lines() -> None:
    source = FILES[0]
    a, b = source.text.index("one"), source.text.index("three") + 5
    message = Message("s", "S", "email", 0, (Text(source.text[a:b], "solution",
                                                   SourceSpan(None, True, range(a, b), source)),))
    for start in range(b - a):
        for end in range(start, b - a + 1):
            assert message.locate_span(start, end) == _located_span(message, start, end)
    assert message.locate_span(0, 3) == (Location("a.yaml", 1, 6, a), "solution", (1, 8))
    assert message.locate_span(4, b - a) == (Location("a.yaml", 1, 10, a + 4), "solution", (2, 7))


def _source_by_walk(message: Message, offset: int) -> SourceText | None:
    """The file of the segment holding ``offset``, found by walking every segment."""
    for s, e, seg in message.spans():
        if s <= offset < e:
            return seg.source.source if seg.source is not None else None
    return None


@settings(max_examples=300, deadline=None)
@given(st.lists(segments(), max_size=6), st.data())
def test_literal_run_is_the_literal_span_and_the_file_holding_its_start(parts: list[Segment],
                                                                        data: st.DataObject) -> None:
    message = Message("s", "S", "email", 0, tuple(parts), file="a.yaml")
    size = len(message.text)
    start = data.draw(st.integers(0, size))
    end = data.draw(st.integers(start + 1, size + 1))
    span, run = message.literal_span(start, end), message.literal_run(start, end)
    if span is None:
        assert run is None
    else:
        assert run == (*span, _source_by_walk(message, start))


def test_a_span_rebuilt_by_pickle_is_the_span_init_makes() -> None:
    source = FILES[0]
    made = SourceSpan(None, True, range(5, 12), source)
    rebuilt = pickle.loads(pickle.dumps(made))
    assert type(rebuilt) is SourceSpan and rebuilt._start is None  # (rebuilt without __init__)
    assert (rebuilt.literal, rebuilt.offsets, rebuilt.source.text) == (True, range(5, 12), source.text)
    assert rebuilt == made and hash(rebuilt) == hash(made) and rebuilt.start == source.location(5)
    with pytest.raises(FrozenInstanceError):
        rebuilt.literal = False  # type: ignore[misc]


def test_a_span_over_two_sentences_of_a_reviewed_reply_ends_at_its_last_character() -> None:
    # review's message has one segment per sentence: a finding about the whole reply runs into the next
    from scriptkit.linting import text_message

    text = "Hi Sam,\n\nI can see how annoying that is.\nI've refunded you today.\n"
    message = text_message(text, file="reply.txt")[0]
    start, end = text.index("I can"), text.index("today.") + len("today.")
    location, _, last = message.locate_span(start, end)
    assert (location.line, location.col) == (3, 1) and last == (4, 24)
    assert message.locate_span(start, end) == _located_span(message, start, end)
