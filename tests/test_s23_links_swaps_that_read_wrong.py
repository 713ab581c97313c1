"""A substitution whose word is a verb in the sentence ("We plan to ship") or part of a name ("Plan B") keeps its
finding but offers no fix, and says why: --fix made "We subscription to ship" and "Subscription B"."""

from __future__ import annotations

from typing import Any

import pytest

from scriptkit import lint_pack, load_pack
from tests.conftest import run_cli

ACK = "acknowledgment: I can see how frustrating the price rise is, and I'm sorry.\n"


def _pack(make_pack: Any, solution: str, rules: str) -> Any:
    script = f"id: a\ntitle: A\nchannels: [email]\n{ACK}solution: {solution}\n"
    return make_pack({"a.yaml": script}, f"name: T\nrules:\n  select: [custom, SK201]\n  custom:\n{rules}")


SWAP = "    - name: say-subscription\n      kind: substitution\n      swap: {plan: subscription}\n"


def _found(root: Any) -> list[tuple[str, str]]:
    return [(d.code, d.message) for d in lint_pack(load_pack(root)).diagnostics]


@pytest.mark.parametrize(("solution", "why"), [
    ("We plan to ship Monday.", '"plan" is a verb here ("We plan to"), which "subscription" is not'),
    ("I'll plan the move with you.", '"plan" is a verb here ("I\'ll plan"), which "subscription" is not'),
    ("If you plan to travel, tell me.", '"plan" is a verb here ("you plan to")'),
    ("Plan to arrive early.", '"Plan" is a verb here ("Plan to")'),
    ("Plan B is a pause.", '"Plan B" reads as a name'),
    ("I've moved you to Plan 2 today.", '"Plan 2" reads as a name'),
])
def test_a_swap_that_reads_wrong_is_said_not_made(make_pack: Any, solution: str, why: str) -> None:
    root = _pack(make_pack, solution, SWAP)
    before = (root / "scripts" / "a.yaml").read_text(encoding="utf-8")
    [diagnostic] = lint_pack(load_pack(root)).diagnostics
    assert diagnostic.fix is None
    assert "by hand: no automatic fix, as " + why in (diagnostic.suggestion or "")
    run_cli("check", str(root), "--fix")
    assert (root / "scripts" / "a.yaml").read_text(encoding="utf-8") == before


@pytest.mark.parametrize(("solution", "fixed"), [
    ("The plan to ship Monday still stands.", "The subscription to ship Monday still stands."),
    ("Your plan renews on Monday.", "Your subscription renews on Monday."),
    ("I'll send you plan details today.", "I'll send you subscription details today."),
    ("The Plan I chose renews today.", "The Subscription I chose renews today."),
])
def test_a_swap_of_a_noun_is_still_made(make_pack: Any, solution: str, fixed: str) -> None:
    root = _pack(make_pack, solution, SWAP)
    run_cli("check", str(root), "--fix")
    assert f"solution: {fixed}\n" in (root / "scripts" / "a.yaml").read_text(encoding="utf-8")


def test_a_verb_swapped_for_a_verb_is_made(make_pack: Any) -> None:
    root = _pack(make_pack, "We utilise your card details only to refund you.",
                 "    - name: plain\n      kind: substitution\n      swap: {utilise: use}\n")
    run_cli("check", str(root), "--fix")
    assert "solution: We use your card details" in (root / "scripts" / "a.yaml").read_text(encoding="utf-8")
