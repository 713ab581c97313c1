"""A terse German, Spanish or French macro ("Paket zurück, Erstattung angewiesen.") holds too few common words to
be told by them, and was judged as a failed English reply (score 27: missing acknowledgment, no owner, no time
frame). With no English word and a word only another language writes, it is told as that language now; terse
English with a loan word, a name or a Latin word stays English."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from scriptkit.cli import main
from scriptkit.language import language_of

TERSE = {
    "Versand heute möglich. Zustellung morgen.": "de",
    "Rechnung beigefügt. Zahlung per Überweisung.": "de",
    "Gutschrift erfolgt. Betrag in 5 Tagen auf dem Konto.": "de",
    "Devolución aceptada. Abono en 3-5 días laborables.": "es",
    "Pedido enviado. Llega el lunes.": "es",
    "Échange accepté, colis en route.": "fr",
}
ENGLISH_TERSE = [
    "Refund approved by José.",  # (a name is no language)
    "Price per unit plus tax.",  # ("per" and "plus" are English words too)
    "Non-refundable.",
    "Your café voucher is ready.",
    "Sorry, the naïve fix did not work.",
    "Gracias",
]


@pytest.mark.parametrize(("text", "code"), TERSE.items())
def test_a_terse_macro_in_another_language_is_told(text: str, code: str) -> None:
    assert language_of(text) == code


@pytest.mark.parametrize("text", ENGLISH_TERSE)
def test_terse_english_stays_english_or_untold(text: str) -> None:
    assert language_of(text) in (None, "en")


def test_audit_does_not_score_terse_german_or_spanish_macros_as_english(tmp_path: Path) -> None:
    english = [{"title": f"Late {n}", "body": "I'm sorry the parcel is late. I've sent a replacement today and it "
                                              f"arrives within {n + 2} days."} for n in range(6)]
    terse = [{"title": f"Kurz {n}", "body": text} for n, text in enumerate(TERSE)]
    path = tmp_path / "macros.jsonl"
    path.write_text("\n".join(json.dumps(item, ensure_ascii=False) for item in english + terse), encoding="utf-8")
    result = CliRunner().invoke(main, ["audit", str(path), "--format", "json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    macros = {m["title"]: m for m in report["macros"]}
    for n in range(len(TERSE)):
        macro = macros[f"Kurz {n}"]
        assert macro["other_language"] is not None and macro["scores"]["acknowledgment"] is None, macro
        assert not {"SK301", "SK403", "SK404"} & {d["code"] for d in macro["diagnostics"]}, macro
