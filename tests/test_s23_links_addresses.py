"""Words inside a web or email address are clicked, not read: no phrase rule (a team's substitution, existence or
occurrence rule, SK201's corporate phrases) finds them, and --fix never rewrote "example.com/plan/faq" into
"example.com/subscription/faq" or "https://x.example/expedite" into ".../speed up"."""

from __future__ import annotations

from typing import Any

import pytest

from scriptkit import lint_pack, load_pack
from scriptkit.rules.lexicon import address_spans
from tests.conftest import run_cli

ACK = "acknowledgment: I can see how frustrating the price rise is, and I'm sorry.\n"


def _pack(make_pack: Any, solution: str, rules: str) -> Any:
    script = f"id: a\ntitle: A\nchannels: [email]\n{ACK}solution: {solution}\n"
    return make_pack({"a.yaml": script}, f"name: T\nrules:\n  select: [custom, SK201]\n  custom:\n{rules}")


SWAP = "    - name: say-subscription\n      kind: substitution\n      swap: {plan: subscription}\n"


def _found(root: Any) -> list[tuple[str, str]]:
    return [(d.code, d.message) for d in lint_pack(load_pack(root)).diagnostics]


@pytest.mark.parametrize("solution", [
    "I've put the details at https://emberbean.example/plan/faq today.",
    "Write to plan@emberbean.example today.",
    "The steps are at www.emberbean.example/plan today.",
    "The steps are at emberbean.example/plan/steps today.",
])
def test_a_swap_leaves_an_address_alone(make_pack: Any, solution: str) -> None:
    root = _pack(make_pack, solution, SWAP)
    before = (root / "scripts" / "a.yaml").read_text(encoding="utf-8")
    assert _found(root) == []
    run_cli("check", str(root), "--fix")
    assert (root / "scripts" / "a.yaml").read_text(encoding="utf-8") == before


def test_the_same_word_in_the_sentence_is_still_swapped(make_pack: Any) -> None:
    root = _pack(make_pack, "Your plan is at https://emberbean.example/plan/faq today.", SWAP)
    [(_, message)] = _found(root)
    assert message == "Say 'subscription' instead of 'plan'."
    run_cli("check", str(root), "--fix")
    assert ("solution: Your subscription is at https://emberbean.example/plan/faq today.\n"
            in (root / "scripts" / "a.yaml").read_text(encoding="utf-8"))


def test_corporate_phrases_inside_an_address_are_not_found(make_pack: Any) -> None:
    root = _pack(make_pack, "See https://emberbean.example/expedite or kindly@emberbean.example today.", SWAP)
    assert _found(root) == []
    root = _pack(make_pack, "We will expedite it, see https://emberbean.example/expedite today.", SWAP)
    assert [c for c, _ in _found(root)] == ["SK201"]


def test_existence_and_occurrence_terms_skip_addresses_but_an_address_pattern_finds_it(make_pack: Any) -> None:
    rules = ("    - name: no-plan\n      kind: existence\n      terms: [plan]\n"
             "    - name: no-short-links\n      kind: existence\n      patterns: ['bit\\.ly/\\w+']\n"
             "    - name: say-sorry\n      kind: occurrence\n      terms: [sorry]\n      min: 2\n")
    root = _pack(make_pack, "Go to https://bit.ly/plan or https://emberbean.example/sorry today.", rules)
    found = _found(root)
    assert ("SK802", "Avoid 'bit.ly/plan'.") in found
    assert not any(m == "Avoid 'plan'." for _, m in found)
    assert any(c == "SK803" and "(found 1)" in m for c, m in found)  # the acknowledgment's "sorry" alone


def test_addresses_are_found_in_linear_time_shapes() -> None:
    text = "see https://a.example/x, mail me@a.example. Then www.b.example and c.example/d."
    assert [text[a:b] for a, b in address_spans(text)] == [
        "https://a.example/x", "me@a.example", "www.b.example", "c.example/d"]
    for hostile in ("a." * 25_000, "a.aa" * 12_000 + "/", "a@" * 25_000, "a.a@" * 12_000, "x://" * 12_000):
        assert isinstance(address_spans(hostile), list)  # (returns: no pattern backtracks over the text)
