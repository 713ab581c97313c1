"""A channel's greeting (or sign-off) and the body are separate segments with slots of their own: a sentence
running across them, as a greeting with no full stop does ("Freshly Forked:"), is cut where they meet, so the
acknowledgment after the greeting is read as the acknowledgment."""

from __future__ import annotations

import textwrap
from bisect import bisect_right
from typing import Any

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from scriptkit.cli import main
from scriptkit.inference import _FRAME_SLOTS, _analyse, _cues_by_sentence, _frames_apart, _pieces
from scriptkit.text import trimmed

SCRIPT = textwrap.dedent("""\
    id: missing
    title: Missing ingredient
    channels: [sms]
    acknowledgment: I can see how frustrating a missing ingredient is.
    warm_language: Thanks for telling us.
    flexibility: Check the delivery date on the box first.
    solution: I've added a $15 credit; it comes off your next box.
    """)


@pytest.mark.parametrize("greeting", ["Freshly Forked:", "Freshly Forked -", "Freshly Forked.",
                                      "Hi from Freshly Forked"])
def test_the_acknowledgment_after_a_greeting_with_no_full_stop_counts(make_pack: Any, greeting: str) -> None:
    root = make_pack({"a.yaml": SCRIPT}, f'name: SMS\nchannels:\n  sms:\n    greeting: "{greeting}"\n')
    run = CliRunner().invoke(main, ["check", str(root), "--select", "SK301,SK302,SK303"], env={"NO_COLOR": "1"})
    assert run.exit_code == 0, run.output


def test_a_sign_off_on_the_solution_s_line_is_not_the_solution(make_pack: Any) -> None:
    script = SCRIPT.replace("it comes off your next box.", "it comes off your next box")
    root = make_pack({"a.yaml": script}, 'name: SMS\nchannels:\n  sms:\n    signoff: "Thanks, Freshly Forked"\n')
    run = CliRunner().invoke(main, ["check", str(root), "--select", "SK4"], env={"NO_COLOR": "1"})
    assert run.exit_code == 0, run.output


def test_a_sentence_is_cut_where_the_greeting_meets_the_acknowledgment() -> None:
    text = "Freshly Forked: I can see how frustrating that is. I've added a credit today."
    layout = ((0, "greeting"), (15, "layout"), (16, "acknowledgment"), (50, "layout"), (51, "solution"))
    found, body = _analyse(text, layout)
    assert [(s.text, s.slot) for s in found] == [
        ("Freshly Forked:", "greeting"), ("I can see how frustrating that is.", "acknowledgment"),
        ("I've added a credit today.", "solution")]
    assert [s.slot for s in body] == ["acknowledgment", "solution"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from([
    "Hi Sam,", "Freshly Forked:", "I'm so sorry about the delay.", " ", "\n\n", "- ", "I will refund you today.",
    "Best,\nAlex", "{{order}}", "ok", "...", "Kind regards,", "Please restart the app. Then sign in."]),
    st.sampled_from(["greeting", "acknowledgment", "warm_language", "solution", "signoff", "layout", "other"])),
    min_size=1, max_size=8))
def test_sentences_are_cut_where_a_frame_meets_the_body(segments: list[tuple[str, str]]) -> None:
    """A message with slots of its own: its sentences are those of the text, each cut at the start of a segment
    where the greeting or sign-off meets the body (joiners between them aside); each takes the slot of the last
    segment that starts at or before its first word (the first segment's before any), or its last character's
    for a joiner."""
    text, layout, at = "", [], 0
    for part, slot in segments:
        layout.append((at, slot))
        text += part
        at += len(part)
    starts = [s for s, _ in layout]

    def slot_at(i: int) -> str:
        return layout[max(0, bisect_right(starts, i) - 1)][1]

    found, body = _analyse(text, tuple(layout))
    own = not all(slot in ("other", "layout") for _, slot in layout)
    pieces = _frames_apart(text, _pieces(text), tuple(layout)) if own else _pieces(text)
    assert [(s.start, s.end, s.text) for s in found] == [(a, b, text[a:b]) for a, b in pieces]
    assert [s.cues for s in found] == list(_cues_by_sentence(text, pieces))
    # (the cuts: a sentence of the text is cut only where a frame segment meets a body one)
    kinds = [(start, slot in _FRAME_SLOTS) for start, slot in layout if slot != "layout"]
    cuts = {trimmed(text, start, len(text))[0]  # (a segment's first word: the cut's spaces are trimmed)
            for (start, frame), (_, before) in zip(kinds[1:], kinds, strict=False) if frame != before}
    for a, b in _pieces(text):
        inside = [p for p in pieces if a <= p[0] and p[1] <= b]
        assert inside and (inside[0][0], inside[-1][1]) == (a, b)
        assert all(trimmed(text, x, y) == (x, y) for x, y in inside)
        assert all(p[0] in cuts or p[0] == a for p in inside), (inside, cuts)
    if not own:
        return  # (slots inferred instead)
    for s in found:
        first = next((i for i in range(s.start, s.end) if text[i].isalnum()), s.end)
        expected = slot_at(first)
        assert s.slot == (slot_at(s.end - 1) if expected == "layout" else expected)
        assert type(s).__name__ == "Sentence" and not s.inferred
    assert body == tuple(s for s in found if not (s.slot in _FRAME_SLOTS or s.cues.greeting or s.cues.signoff))
