"""SK201 rewrites a word as a phrasal verb ("expedite" -> "speed up", "ascertain" -> "find out") only where it is
a verb: "the expedite fee" is a noun's modifier, where "the speed up fee" garbles it, so it is a suggestion there.
A pronoun object goes inside the phrasal verb with the quantifier it carries ("speed them both up")."""

from __future__ import annotations

import textwrap
from typing import Any

import pytest

from scriptkit import lint_text
from tests.conftest import run_cli


def _rewritten(sentence: str) -> tuple[str, list[str]]:
    """The sentence with SK201's safe fixes made, and the phrases reported without a fix."""
    found = [d for d in lint_text(sentence).diagnostics if d.code == "SK201"]
    out = sentence
    edits = [e for d in found if d.fix is not None and d.fix.safe for e in d.fix.edits]
    for edit in sorted(edits, key=lambda e: -e.start):
        out = out[:edit.start] + edit.replacement + out[edit.end:]
    return out, [d.text for d in found if d.fix is None or not d.fix.safe]


@pytest.mark.parametrize(("sentence", "fixed"), [
    ("I'll expedite your order today.", "I'll speed up your order today."),
    ("I will expedite it today.", "I will speed it up today."),
    ("We can expedite them both today.", "We can speed them both up today."),
    ("Could you expedite it for me?", "Could you speed it up for me?"),
    ("Please expedite the refund.", "Please speed up the refund."),
    ("I've asked the warehouse to expedite your order.", "I've asked the warehouse to speed up your order."),
    ("I'll try to expedite your order.", "I'll try to speed up your order."),
    ("I'll ascertain what happened.", "I'll find out what happened."),
])
def test_the_verb_is_rewritten(sentence: str, fixed: str) -> None:
    assert _rewritten(sentence)[0] == fixed


@pytest.mark.parametrize(("sentence", "left"), [
    ("I've upgraded you to expedite shipping at no cost.", "expedite"),
    ("I'll waive the expedite fee this time.", "expedite"),
    ("You can pick the expedite option at checkout.", "expedite"),
    ("I've put in an expedite request for you.", "expedite"),
    ("Expedite shipping is free on this order.", "Expedite"),
])
def test_elsewhere_it_is_a_suggestion(sentence: str, left: str) -> None:
    out, suggested = _rewritten(sentence)
    assert out == sentence
    assert suggested == [left]


SCRIPT = textwrap.dedent("""\
    id: art
    title: Art
    channels: [email]
    acknowledgment: I can see the wait has been frustrating, and I'm sorry.
    solution: >-
      I've upgraded you to expedite shipping and will waive the expedite fee. I've put in an expedite
      request, and I'll expedite them both today.
    """)


@pytest.mark.timeout(60)
def test_fix_leaves_the_noun_uses_alone(make_pack: Any) -> None:
    root = make_pack({"a.yaml": SCRIPT})
    run_cli("check", str(root), "--fix", "--select", "SK201")
    text = (root / "scripts" / "a.yaml").read_text(encoding="utf-8")
    assert "upgraded you to expedite shipping and will waive the expedite fee. I've put in an expedite\n" in text
    assert "and I'll speed them both up today." in text


def test_a_determiner_before_it_makes_it_a_noun_whatever_follows() -> None:
    sentence = "I've booked the expedite that you asked for."
    assert _rewritten(sentence) == (sentence, ["expedite"])
