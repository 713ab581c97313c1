"""SK004 reads words of every script, not only Latin ones, as the audit's sprawl does."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from scriptkit import lint_pack, load_pack
from scriptkit.rules.template import fingerprint, fingerprints, shingles
from scriptkit.sprawl import find_duplicates

HELLO = "Здравствуйте! Ваш заказ отправлен сегодня, Paysend."
SORRY = "Уважаемый клиент, к сожалению мы не можем вернуть деньги, Paysend."


def _script(sid: str, solution: str) -> str:
    return f"id: {sid}\ntitle: {sid}\nchannels: [email]\nacknowledgment: ''\nsolution: \"{solution}\"\n"


def _sk004(root: Path) -> list[str]:
    return [d.message for d in lint_pack(load_pack(root)).diagnostics if d.code == "SK004"]


def test_different_cyrillic_scripts_are_not_identical(make_pack: Any) -> None:
    assert _sk004(make_pack({"a.yaml": _script("a", HELLO), "b.yaml": _script("b", SORRY)})) == []
    # the audit's duplicate finder agrees
    assert find_duplicates([("a", HELLO), ("b", SORRY)]) == []


def test_cyrillic_copies_that_differ_only_in_punctuation_are_identical(make_pack: Any) -> None:
    (message,) = _sk004(make_pack({"a.yaml": _script("a", SORRY), "b.yaml": _script("b", SORRY.replace(",", ""))}))
    assert "identical to 'a'" in message


def test_non_latin_and_accented_words_are_shingled_whole() -> None:
    assert shingles("Ваш заказ") == frozenset({"ваш заказ"})
    assert shingles("Un café crème") == frozenset({"un café", "café crème"})
    # the piecewise fingerprints (cut at sentence ends) are the whole text's
    texts = [HELLO, SORRY, "Ihr Paket ist unterwegs. Grüße! Μας ΣΥΓΧΩΡΕΊΤΕ. Ευχαριστούμε"]
    assert fingerprints(texts, 0.85) == [fingerprint(t, 4) for t in texts]
