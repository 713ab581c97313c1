"""Duplicate detection on libraries of replies that differ mainly in their numbers stays linear-ish: every such
reply lands in one bucket (their words match once numbers are folded), and each new one was compared with
every earlier one (3,000 replies: 4.5 million comparisons, 18 s, 540 MB). The groups are the same as before."""

from __future__ import annotations

import random

import pytest

from scriptkit import sprawl
from scriptkit.sprawl import ALL_PAIRS, find_duplicates
from tests.test_sprawl_groups import _find_duplicates_before


def _priced_replies(count: int, seed: int) -> list[tuple[str, str]]:
    pick = random.Random(seed)
    return [(f"m{i}", f"Sorry for the wait on this one. We will return {pick.randint(2, 99)} euros within "
                      f"{pick.randint(2, 60)} days and add {pick.randint(2, 9)} coupons worth {pick.randint(5, 95)} "
                      f"euros each, before {pick.randint(1, 12)} pm.") for i in range(count)]


def _counting_comparisons(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    calls = [0]
    real = sprawl.jaccard

    def counted(a: set[str], b: set[str]) -> float:
        calls[0] += 1
        return real(a, b)

    monkeypatch.setattr(sprawl, "jaccard", counted)
    return calls


def test_replies_alike_but_for_their_numbers_are_not_compared_pair_by_pair(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = _priced_replies(1500, 3)
    calls = _counting_comparisons(monkeypatch)
    groups = find_duplicates(texts)
    assert any(g.kind == "near" for g in groups)  # some copies share enough numbers to be near duplicates
    assert calls[0] <= 50 * len(texts)  # (every pair: 1.1 million; 61,000 now)


@pytest.mark.parametrize(("count", "seed", "threshold"), [(ALL_PAIRS + 200, 1, 0.7), (800, 2, 0.6), (250, 4, 0.8)])
def test_replies_alike_but_for_their_numbers_group_as_before(count: int, seed: int, threshold: float) -> None:
    texts = _priced_replies(count, seed)
    assert find_duplicates(texts, threshold) == _find_duplicates_before(texts, threshold)
