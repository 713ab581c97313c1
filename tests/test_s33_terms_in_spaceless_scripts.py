"""A team's term in a script written without spaces (Japanese, Chinese, Thai) never matched: a term had to have a
non-word character on both sides, and a Japanese sentence has letters right up to it. On a side where the term is
of such a script that is no longer asked; a Latin term keeps its whole-word match."""

from __future__ import annotations

from typing import Any

import pytest

from scriptkit import lint_pack, load_pack

RULES = ("name: Shop\nlocale: ja\nrules:\n  custom:\n    - name: no-gomeiwaku\n      kind: existence\n"
         "      terms: [ご迷惑, SKU]\n    - name: say-henkin\n      kind: substitution\n"
         "      swap: {払い戻し: 返金}\n")


def found(make_pack: Any, acknowledgment: str, solution: str) -> list[tuple[str, str]]:
    script = f"id: late\ntitle: Late\nacknowledgment: {acknowledgment}\nsolution: {solution}\n"
    root = make_pack({"late.yaml": script}, pack_yaml=RULES)
    return [(d.name, d.text) for d in lint_pack(load_pack(root)).diagnostics
            if d.name in ("no-gomeiwaku", "say-henkin")]


def test_a_japanese_term_is_found_between_japanese_letters(make_pack: Any) -> None:
    assert found(make_pack, "配送が遅れてご迷惑をおかけしました。", "本日中に払い戻しを手配しました。") == [
        ("no-gomeiwaku", "ご迷惑"), ("say-henkin", "払い戻し")]


@pytest.mark.parametrize("solution", ["Your SKUS list is ready today.", "Your xSKU code is ready today."])
def test_a_latin_term_still_matches_whole_words_only(make_pack: Any, solution: str) -> None:
    assert found(make_pack, "I know the wait has been a worry.", solution) == []


def test_a_latin_term_next_to_japanese_letters_is_found(make_pack: Any) -> None:
    assert found(make_pack, "ご不便をおかけしております。", "SKUを確認しました。") == [("no-gomeiwaku", "SKU")]
