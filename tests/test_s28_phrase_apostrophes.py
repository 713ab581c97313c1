"""SK201's rewrites type their apostrophes as the text around them does: "we can’t" beside "I’ve" and "it’s", not a
straight "can't" in a reply typed with curly ones (the sentence's apostrophes decide, else its slot's)."""

from __future__ import annotations

import textwrap
from typing import Any

import pytest

from scriptkit import lint_text
from tests.conftest import run_cli


def _fixes(text: str) -> list[str]:
    return [e.replacement for d in lint_text(text).diagnostics if d.code == "SK201" and d.fix is not None
            for e in d.fix.edits]


@pytest.mark.parametrize(("text", "fixed"), [
    ("I’ve checked, and we are unable to refund it, but it’s on its way.", ["we can’t"]),
    # none in the sentence: the reply's (a reviewed reply is one slot)
    ("I’ve checked the order. Sadly we are unable to refund it.", ["we can’t"]),
    # the sentence's own say straight, whatever the rest does
    ("I’ve checked. Sadly we are unable to refund it, as it's used.", ["we can't"]),
    ("Sadly we are unable to refund it.", ["we can't"]),
    ("I've checked, and we are unable to refund it.", ["we can't"]),
])
def test_a_rewrite_types_apostrophes_as_the_text_does(text: str, fixed: list[str]) -> None:
    assert _fixes(text) == fixed


def test_the_suggestion_is_typed_so_too() -> None:
    found = [d for d in lint_text("I’ve checked, and we are unable to refund it.").diagnostics if d.code == "SK201"]
    assert [d.suggestion for d in found] == ['"we can’t"']


SCRIPT = textwrap.dedent("""\
    id: a
    title: Refund
    channels: [email]
    acknowledgment: I can see the fee was a surprise, and I’m sorry.
    solution: >-
      I’ve added a coupon to your account. Sadly we are unable to refund the fee, but the coupon’s yours and it’s
      valid for a year.
    """)


@pytest.mark.timeout(60)
def test_fix_writes_curly_apostrophes_into_a_slot_typed_with_them(make_pack: Any) -> None:
    root = make_pack({"a.yaml": SCRIPT})
    run_cli("check", str(root), "--fix", "--select", "SK201")
    text = (root / "scripts" / "a.yaml").read_text(encoding="utf-8")
    assert "Sadly we can’t refund the fee" in text


def test_every_rules_fix_types_its_apostrophes_as_the_text_does(make_pack: Any) -> None:
    """A team's swap beside curly apostrophes was written straight ("don't" beside "I’ve")."""
    root = make_pack({"a.yaml": "id: a\ntitle: A\nacknowledgment: \"I can see how frustrating the wait’s been.\"\n"
                                "solution: \"I’ve checked it, and you do not need the courier’s label today.\"\n"},
                     "name: T\nrules:\n  custom:\n    - name: say-dont\n      kind: substitution\n"
                     "      swap: {do not: \"don't\"}\n")
    result = run_cli("check", str(root), "--grammar", "off", "--select", "SK801", "--fix")
    assert result.exit_code in (0, 1), result.output
    assert "you don’t need the courier’s label" in (root / "scripts" / "a.yaml").read_text(encoding="utf-8")
