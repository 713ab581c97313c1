"""SK406 reads a guidance of one or two words as a label that says nothing ("Refunds"). It counted words by spaces,
so a Japanese or Chinese guidance, written without them, was always "one word": a whole sentence of advice to the
agent was a warning that failed CI. Characters of a script written without spaces count as words now (about two
a word)."""

from __future__ import annotations

from typing import Any

from scriptkit import lint_pack, load_pack

PACK = "name: Nihon\nlocale: ja-JP\n"


def _script(guidance: str) -> str:
    return ("id: okure\ntitle: 配送の遅れ\nchannels: [email]\n"
            "acknowledgment: お待たせしてしまい、誠に申し訳ございません。\n"
            f"flexibility:\n  guidance: {guidance}\n"
            "solution: 本日、代わりの品を発送いたしました。明日の夕方までにお届けします。\n")


def _sk406(make_pack: Any, guidance: str) -> list[str]:
    pack = load_pack(make_pack({"okure.yaml": _script(guidance)}, PACK))
    return [d.message for d in lint_pack(pack).diagnostics if d.code == "SK406"]


def test_a_japanese_sentence_of_guidance_is_room_to_adapt(make_pack: Any) -> None:
    assert _sk406(make_pack, "急ぎのお客様には、無料の速達便をご案内してください。") == []


def test_a_japanese_label_is_still_a_label(make_pack: Any) -> None:
    said = _sk406(make_pack, "返品")
    assert said and "'返品', a label that says nothing" in said[0]


def test_english_labels_are_counted_as_before(make_pack: Any) -> None:
    assert _sk406(make_pack, "Late parcels")
    assert _sk406(make_pack, "If they mention a deadline, offer express shipping.") == []
