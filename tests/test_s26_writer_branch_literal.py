"""A phrase in a quoted string that a branch of an inline '{{ "..." if ... else "..." }}' prints is located at the
string itself. Written after an '{% if %}' block on the same line, it was located where the text before the
expression ended: at the '{% endif %}', or at the '{% if %}' when that block printed nothing, with the whole
expression underlined. No fix rewrites it: a fix edits only literal text, and the phrase runs on past the string."""

from __future__ import annotations

from typing import Any

import pytest

from scriptkit import lint_pack, load_pack
from scriptkit.message import Text
from scriptkit.rendering import render_script
from tests.conftest import run_cli

HEAD = ("id: fee\ntitle: Delivery fee\nacknowledgment: I know it's annoying to pay for delivery.\n"
        "solution: I've refunded the fee today, and you'll see it on your statement within 3 days.\n")
FOLDED = ('warm_language: >-\n  {% if fee > 9 %}Thanks. {% endif %}{{ "Kindly note" if fee > 99 else "Note" }} that '
          "I'm really sorry this happened.\n")
QUOTED = ('warm_language: "{% if fee > 9 %}Thanks. {% endif %}{{ \\"Kindly note\\" if fee > 99 else \\"Note\\" }} '
          'that I\'m really sorry this happened."\n')


def _sk201(make_pack: Any, body: str, fee: int) -> tuple[Any, list[Any]]:
    root = make_pack({"a.yaml": HEAD + body}, f"name: T\nconstants:\n  fee: {fee}\n")
    return root, [d for d in lint_pack(load_pack(root)).diagnostics if d.code == "SK201"]


@pytest.mark.parametrize("body", [FOLDED, QUOTED], ids=["folded", "quoted"])
@pytest.mark.parametrize("fee", [5, 30, 200])  # (today the phrase is in the branch not taken, or taken)
def test_the_phrase_is_located_at_the_quoted_string_it_is_in(make_pack: Any, body: str, fee: int) -> None:
    _, found = _sk201(make_pack, body, fee)
    line = body.split("\n")[body.startswith("warm_language: >-")]
    assert [(d.location.line, d.location.col, d.text) for d in found] == \
        [(6 if body is FOLDED else 5, line.index("Kindly note") + 1, "Kindly note that")]
    assert found[0].fix is None


def test_fix_leaves_the_expression_as_written(make_pack: Any) -> None:
    root, _ = _sk201(make_pack, QUOTED, 30)
    path = root / "scripts" / "a.yaml"
    before = path.read_text(encoding="utf-8")
    run_cli("check", str(root), "--fix")
    assert path.read_text(encoding="utf-8") == before


def test_a_phrase_wholly_inside_the_quoted_string_is_underlined_there(make_pack: Any) -> None:
    body = ('warm_language: >-\n  {% if fee > 9 %}Thanks. {% endif %}{{ "Kindly note that" if fee > 99 else "" }} '
            "I'm really sorry this happened.\n")
    _, found = _sk201(make_pack, body, 30)
    col = body.split("\n")[1].index("Kindly") + 1
    assert [(d.location.line, d.location.col, d.extra.get("end_line"), d.extra.get("end_col"), d.fix)
            for d in found] == [(6, col, "6", str(col + len("Kindly note that")), None)]


def test_the_text_and_the_export_are_as_before(make_pack: Any, tmp_path: Any) -> None:
    root, _ = _sk201(make_pack, FOLDED, 200)
    result = run_cli("render", str(root), "--channel", "email")
    assert "Thanks. Kindly note that I'm really sorry this happened." in " ".join(result.output.split())


def test_a_code_quoted_in_a_branch_of_an_inline_if_is_text_marked_as_written(make_pack: Any) -> None:
    # (as '{% if show %}{{ '[[Name]]' }}{% endif %}' is: quoted by its writer, not a fill-in left in)
    body = "warm_language: \"Your reference is {{ '[[Name]]' if fee else '' }}, and I'm really sorry.\"\n"
    root, _ = _sk201(make_pack, body, 30)
    assert not [d for d in lint_pack(load_pack(root)).diagnostics if d.code == "SK407"]


def test_a_string_in_a_tuple_printed_is_not_marked(make_pack: Any) -> None:
    body = "warm_language: \"I'm really sorry {{ fee, 'ab' if fee else 'cd' }}.\"\n"
    root, _ = _sk201(make_pack, body, 30)
    assert "I'm really sorry (30, 'ab')." in " ".join(run_cli("render", str(root), "--channel", "email").output.split())


@pytest.mark.parametrize("fee", [3, 30])  # (the '{% if %}' before it prints nothing, or "Thanks. ")
def test_a_value_printed_after_a_tag_is_located_at_its_own_braces(make_pack: Any, fee: int) -> None:
    body = "warm_language: >-\n  {% if fee > 9 %}Thanks. {% endif %}{{ note }} that I'm really sorry this happened.\n"
    root = make_pack({"a.yaml": HEAD + body}, f"name: T\nconstants:\n  fee: {fee}\n  note: Kindly note\n")
    found = [d for d in lint_pack(load_pack(root)).diagnostics if d.code == "SK201"]
    # (since session 28, where the constant's words are written in pack.yaml: 'note: Kindly note', line 4)
    assert [(d.location.line, d.location.col, d.text) for d in found] == [(4, 9, "Kindly note that")]
    assert found[0].location.file.endswith("pack.yaml")


def test_each_value_a_loop_prints_is_located_at_its_own_braces(make_pack: Any) -> None:
    body = ("warm_language: \"{% for i in [1, 2] %}{% if i > 1 %}and {% endif %}{{ i }} {{- ' x' }} {% endfor %}"
            "I'm really sorry.\"\n")
    root = make_pack({"a.yaml": HEAD + body}, "name: T\nconstants:\n  fee: 30\n")
    message = render_script(load_pack(root), "fee", "email")
    line = body.split("\n")[0]
    at = {seg.text: seg.source.start.col for seg in message.segments
          if isinstance(seg, Text) and seg.slot == "warm_language" and seg.source and not seg.source.literal}
    assert at["1"] == at["2"] == line.index("{{ i }}") + 1
    assert at[" x"] == line.index("{{- ' x'") + 1
    assert "1 x and 2 x I'm really sorry." in message.text
