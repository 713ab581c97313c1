"""A line in Markdown bold alone ("**Your refund**", "**{{ order.number }}**") is a label or heading over what
follows: a reader takes it as a sentence of its own. The sentence reader ran it into the next line ("**Your refund**
I've sent it today ..."), so review showed the two as one solution sentence and the readability rules measured them
as one."""

from __future__ import annotations

from pathlib import Path

import pytest

from scriptkit.inference import infer_slots, offers_no_step
from scriptkit.linting import lint_text
from scriptkit.loading import load_pack
from scriptkit.rendering import render_pack
from scriptkit.text import sentences


@pytest.mark.parametrize(("text", "expected"), [
    ("**Your refund**\nI've sent it today.", ["**Your refund**", "I've sent it today."]),
    ("__Your refund__\nI've sent it today.", ["__Your refund__", "I've sent it today."]),
    ("Thanks for waiting.\n**Your refund**\nI've sent it today.",
     ["Thanks for waiting.", "**Your refund**", "I've sent it today."]),
    # the line over it ends with no mark: the heading ends it too
    ("Thanks for waiting\n**Your refund**\nI've sent it", ["Thanks for waiting", "**Your refund**", "I've sent it"]),
    # a chat's slots joined on one line: the bold starts its sentence, after a full stop
    ("Thanks so much. **Your refund**\nI've sent it today.",
     ["Thanks so much.", "**Your refund**", "I've sent it today."]),
    ("**{{order.number}}**\nThat's the order I refunded.", ["**{{order.number}}**", "That's the order I refunded."]),
])
def test_a_bold_line_alone_is_a_sentence_of_its_own(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


@pytest.mark.parametrize("text", [
    "Your **refund**\nis on its way.",  # (bold words inside a sentence)
    "**Your refund**\nis on its way today.",  # (the sentence wraps: its next line in lower case)
    "**Note:** see **below**\nThanks",  # (two bold words on a line, not one bold line)
    "Best,\n**Sam**",  # (a closing over its name)
    "Here's an update on your order:\n**{{blank.status}}**",  # (what a lead-in line introduces)
])
def test_bold_inside_a_sentence_is_left_to_it(text: str) -> None:
    assert len(sentences(text)) == 1, sentences(text)


@pytest.mark.parametrize("heading", ["**Your refund**", "**Order A-10432**", "**{{order.number}}**",
                                     "**Order {{ order.number }}**"])
def test_a_bold_heading_offers_no_step(heading: str) -> None:
    assert offers_no_step(heading)


@pytest.mark.parametrize("sentence", ["**I've refunded it today.**", "**Your refund is on its way today**"])
def test_a_bold_sentence_is_still_read_for_its_step(sentence: str) -> None:
    assert not offers_no_step(sentence)


def test_review_judges_the_sentence_under_a_bold_heading_alone() -> None:
    text = ("Hi Maya,\n\nI know how worrying a missing refund is.\n\n**Your refund**\n"
            "I have sent it today, and it will reach your card within 5 days.\n")
    result = lint_text(text)
    notes = {n.text: n.slot for n in result.sentences}
    assert notes["I have sent it today, and it will reach your card within 5 days."] == "solution", notes
    assert notes["**Your refund**"] != "solution", notes
    slots = {text[a:b]: slot for a, b, slot, _ in infer_slots(text, frames=True)}
    assert slots["**Your refund**"] != "solution", slots


def test_a_pack_line_bold_around_a_placeholder_is_its_own_sentence(tmp_path: Path) -> None:
    (tmp_path / "scripts").mkdir()
    (tmp_path / "pack.yaml").write_text("name: Bold\nversion: 0.1.0\n", encoding="utf-8")
    (tmp_path / "scripts" / "refund.yaml").write_text(
        "id: refund\ntitle: Refunds::Sent\nchannels: [email, chat]\n"
        "acknowledgment: I know how worrying a missing refund is.\n"
        "warm_language: Thanks so much for your patience.\n"
        "solution: |\n  **{{ order.number }}**\n"
        "  I've refunded that order today, and it reaches your card in 5 days.\n",
        encoding="utf-8")
    messages = render_pack(load_pack(tmp_path))
    assert {m.channel for m in messages} == {"email", "chat"}
    for m in messages:
        said = sentences(m.as_read.text)
        assert "**{{order.number}}**" in said, (m.channel, said)
        assert "I've refunded that order today, and it reaches your card in 5 days." in said, (m.channel, said)
