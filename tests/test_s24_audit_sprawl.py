"""Macro sprawl finds every pair of near duplicates in a small library: two copies of a short reply that differ in
one number (0.83 alike) were missed by MinHash banding about one time in fifty."""

from __future__ import annotations

import json
import random
from itertools import combinations
from pathlib import Path

from scriptkit.sprawl import ALL_PAIRS, find_duplicates, fold_identifiers, jaccard, normalise, shingles
from tests.conftest import run_cli

FRAMES = ("I'm sorry for the trouble. I've refunded your order today, and you'll see the money on your card within "
          "{} days.",
          "Thanks for waiting. Your replacement ships this week and should reach you in {} days.",
          "We can hold the booking for {} days while you decide, and I'll email you before it lapses.")


def _similarity(one: str, other: str) -> float:
    return jaccard(shingles(fold_identifiers(normalise(one))), shingles(fold_identifiers(normalise(other))))


def test_every_pair_above_the_threshold_is_grouped() -> None:
    missed = []
    for frame in FRAMES:
        for a, b in combinations(range(1, 41), 2):
            one, other = frame.format(a), frame.format(b)
            if _similarity(one, other) >= 0.7:
                groups = find_duplicates([("a", one), ("b", other)])
                if [g.members for g in groups if g.kind == "near"] != [["a", "b"]]:
                    missed.append((frame[:20], a, b))
    assert missed == []


def test_a_library_below_all_pairs_groups_as_brute_force_does() -> None:
    texts = [(f"{f}-{n}", frame.format(n)) for f, frame in enumerate(FRAMES) for n in (3, 5, 7, 10, 14, 30, 45, 60)]
    assert len(texts) <= ALL_PAIRS
    found = {frozenset(g.members) for g in find_duplicates(texts) if g.kind == "near"}
    # connected components of the pairs that reach the threshold
    parent = {ident: ident for ident, _ in texts}

    def root(x: str) -> str:
        while parent[x] != x:
            x = parent[x]
        return x

    for (a, one), (b, other) in combinations(texts, 2):
        if _similarity(one, other) >= 0.7:
            parent[root(b)] = root(a)
    components: dict[str, set[str]] = {}
    for ident, _ in texts:
        components.setdefault(root(ident), set()).add(ident)
    assert found == {frozenset(c) for c in components.values() if len(c) > 1}


def test_audit_groups_two_macros_that_differ_in_one_number(tmp_path: Path) -> None:
    body = "Hi {{ticket.requester.first_name}},\n\n" + FRAMES[0]
    macros = [{"id": i, "title": f"Refund {i}", "active": True,
               "actions": [{"field": "comment_value", "value": body.format(days)}]}
              for i, days in ((2, 30), (3, 5), (4, 14))]
    for count in (2, 3):
        export = tmp_path / f"z{count}.json"
        export.write_text(json.dumps({"macros": macros[:count]}), encoding="utf-8")
        result = run_cli("audit", str(export), "--format", "json")
        assert result.exit_code == 0, result.output
        report = json.loads(result.stdout)
        assert [(g["kind"], len(g["macros"])) for g in report["duplicates"]] == [("near", count)]


def test_a_large_library_compares_copies_that_differ_only_in_a_number() -> None:
    # 3 and 5 days: a pair MinHash banding leaves out, in a library above ALL_PAIRS where every pair is not compared
    words = ["order", "refund", "card", "parcel", "courier", "label", "account", "team", "bank", "store", "photo",
             "email", "address", "box", "item", "week", "reply", "help", "check", "money"]
    pick = random.Random(7)
    others = [(f"other{i}", " ".join(pick.choice(words) for _ in range(30))) for i in range(ALL_PAIRS + 20)]
    copies = [("three", FRAMES[0].format(3)), ("five", FRAMES[0].format(5))]
    assert _similarity(copies[0][1], copies[1][1]) >= 0.7
    groups = find_duplicates([*others[:150], copies[0], *others[150:], copies[1]])
    assert any(g.kind == "near" and g.members == ["three", "five"] for g in groups)
