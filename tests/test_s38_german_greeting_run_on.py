"""SK005 in a German pack: German writes every noun and the polite "Sie", "Ihr" with a capital, so "Hallo Maya, Ihr
Paket ist unterwegs" on one chat line is right; SK005 called every such capital a greeting run on. Only a word German
writes small ("Es", "Ich", "Leider") is reported now; an English pack is judged as before."""

from __future__ import annotations

from typing import Any

import pytest

from scriptkit.linting import lint_pack
from scriptkit.loading import load_pack


def _sk005(make_pack: Any, locale: str, first: str) -> list[str]:
    root = make_pack({"paket.yaml": (
        f"id: paket\ntitle: Bestellungen::Verspätet\nchannels: [chat]\nacknowledgment: \"{first}\"\n"
        "solution: Ich habe heute einen Nachforschungsauftrag gestellt und melde mich bis Freitag.\n")},
        f"name: Paket\nversion: 0.1.0\nlocale: {locale}\nchannels:\n  chat:\n"
        "    greeting: \"Hallo {{ customer.first_name | fallback('und guten Tag') }},\"\n")
    return [d.message for d in lint_pack(load_pack(root)).diagnostics if d.code == "SK005"]


@pytest.mark.parametrize("first", [
    "Ihr Paket ist leider noch nicht angekommen, das tut mir leid.",  # (the polite "Ihr")
    "Sie warten schon lange, das tut mir wirklich leid.",
    "Paketverzögerungen sind ärgerlich, das verstehe ich.",  # (a noun)
    "es tut mir wirklich leid, dass Ihr Paket noch nicht da ist.",
])
def test_a_german_capital_that_is_right_after_the_comma_is_left_alone(make_pack: Any, first: str) -> None:
    assert _sk005(make_pack, "de-DE", first) == []


@pytest.mark.parametrize(("first", "word"), [
    ("Es tut mir wirklich leid, dass Ihr Paket noch nicht da ist.", "Es"),
    ("Ich verstehe, wie ärgerlich das ist.", "Ich"),  # (German writes "ich" small: not English's "I")
    ("Leider ist Ihr Paket noch nicht da.", "Leider"),
])
def test_a_german_word_written_small_after_the_comma_is_reported(make_pack: Any, first: str, word: str) -> None:
    (message,) = _sk005(make_pack, "de-AT", first)
    assert f"}}, {word}...'" in message


def test_an_english_pack_still_reports_any_capital(make_pack: Any) -> None:
    assert _sk005(make_pack, "en-US", "Parcels that run late are frustrating, I know.")
