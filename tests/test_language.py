"""The language of a reply (scriptkit.language) and SK006: English-only rules judge English only."""

from __future__ import annotations

from pathlib import Path

import pytest

from scriptkit.language import base_language, language_of
from scriptkit.linting import lint_pack, lint_text
from scriptkit.loading import load_pack

ENGLISH = [
    "Hi Sam, I'm so sorry the parcel hasn't arrived yet. I've asked the courier to look for it and "
    "I'll write to you by Friday with what they find.",
    "Thanks for letting us know about the double charge on your card. That is annoying, and we have "
    "refunded the second payment today.",
    # foreign names and a foreign sign-off do not make a reply foreign
    "Thank you for your patience while we checked with our partner in Lisbon, Transportes Rápidos "
    "do Norte. Your order is on its way and you will have it tomorrow. Saludos, Marta",
    # order numbers and "N/A" fields are not words of any language
    "Order A1E0EK09: status NA, NA, NA. I can see it is stuck, and I'll chase it for you today.",
]
OTHER = {
    "es": "Hola Lucía, sentimos mucho la demora con su pedido. Ya hemos hablado con la empresa de transporte "
          "y le enviaremos uno nuevo hoy mismo. Gracias por su paciencia.",
    "pt": "Olá Pedro, pedimos desculpa pelo atraso na entrega. Já falamos com a transportadora e o seu "
          "reembolso será feito hoje. Obrigado pela paciência.",
    "fr": "Bonjour Claire, nous sommes désolés pour le retard de votre commande. Nous avons contacté le "
          "transporteur et vous recevrez un nouveau colis cette semaine. Merci pour votre patience.",
    "de": "Sehr geehrte Frau Vogel, vielen Dank für Ihre Nachricht. Wir haben die doppelte Abbuchung geprüft "
          "und Ihnen den Betrag heute zurücküberwiesen. Mit freundlichen Grüßen",
    "it": "Ciao Marco, ci dispiace molto per il ritardo. Abbiamo contattato il corriere e il tuo pacco "
          "arriverà domani. Grazie per la pazienza.",
    "nl": "Hallo Anne, het spijt ons dat uw bestelling te laat is. Wij hebben de vervoerder gebeld en u "
          "krijgt het pakket morgen. Bedankt voor uw geduld.",
    "ru": "Здравствуйте, Ольга! Нам очень жаль, что заказ задерживается. Мы уже связались со службой доставки.",
    "uk": "Добрий день, Іване! Нам дуже шкода, що замовлення затримується. Ми вже зв'язалися з перевізником.",
    "el": "Γεια σας, λυπούμαστε πολύ για την καθυστέρηση της παραγγελίας σας.",
    "ja": "ご注文の配送が遅れてしまい、大変申し訳ございません。本日中に新しい商品を発送いたします。",
    "ko": "주문하신 상품의 배송이 늦어져서 정말 죄송합니다. 오늘 새 상품을 보내 드리겠습니다.",
}


@pytest.mark.parametrize("text", ENGLISH)
def test_english_replies_read_as_english(text: str) -> None:
    assert language_of(text) == "en"


@pytest.mark.parametrize(("code", "text"), OTHER.items(), ids=list(OTHER))
def test_other_languages_are_told_apart(code: str, text: str) -> None:
    assert language_of(text) == code


@pytest.mark.parametrize("text", ["Thanks!", "Gracias", "OK", "", "12345 A1B2C3", "Hi {{ name }},"])
def test_a_few_words_are_too_few_to_tell(text: str) -> None:
    assert language_of(text) in (None, "en")
    assert language_of(text) is None or len(text.split()) > 1


def test_an_english_reply_quoting_a_spanish_line_is_never_spanish() -> None:
    text = ("I can see why the note confused you. It says 'su pedido está en camino', which means your order "
            "is on its way, and I'll send you the tracking link today so you can follow it.")
    assert language_of(text) == "en"


@pytest.mark.parametrize(("locale", "code"), [("en-US", "en"), ("pt_BR", "pt"), ("DE", "de"), ("", "en")])
def test_base_language(locale: str, code: str) -> None:
    assert base_language(locale) == code


SPANISH_SCRIPT = """id: retraso
title: Retraso
acknowledgment: "Sentimos mucho la demora con su pedido, sabemos que es muy molesto esperar."
solution: "Hoy mismo le enviamos uno nuevo y le escribimos con el número de seguimiento."
"""
COLD_ENGLISH_SCRIPT = """id: cold
title: Cold
acknowledgment: "We regret any inconvenience caused."
solution: "Please be advised that the matter is under review."
"""
ENGLISH_ONLY_FAMILIES = ("SK1", "SK2", "SK3", "SK4")


def _codes(result, script_id: str) -> set[str]:  # type: ignore[no-untyped-def]
    return {d.code for d in result.diagnostics if d.script_id == script_id}


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_spanish_script_in_an_english_pack_is_reported_not_judged(make_pack, jobs: int) -> None:
    pack = load_pack(make_pack({"retraso.yaml": SPANISH_SCRIPT, "cold.yaml": COLD_ENGLISH_SCRIPT}))
    result = lint_pack(pack, jobs=jobs)
    spanish = _codes(result, "retraso")
    assert "SK006" in spanish
    assert not {c for c in spanish if c.startswith(ENGLISH_ONLY_FAMILIES) and c not in ("SK104", "SK406", "SK407")}
    assert {"SK201", "SK301"} <= _codes(result, "cold")  # the English one is judged as before
    (diag,) = [d for d in result.diagnostics if d.code == "SK006" and d.channel == "email"]
    assert "Spanish" in diag.message and "locale: es-ES" in (diag.suggestion or "")
    assert diag.location.file.endswith("retraso.yaml") and diag.location.line == 3


def test_a_pack_in_another_language_says_so_once_at_its_locale(make_pack) -> None:
    pack_yaml = "name: Soporte\nversion: 1.0.0\nlocale: es-ES\n"
    pack = load_pack(make_pack({"retraso.yaml": SPANISH_SCRIPT, "cold.yaml": COLD_ENGLISH_SCRIPT}, pack_yaml))
    result = lint_pack(pack)
    notes = [d for d in result.diagnostics if d.code == "SK006" and d.script_id is None]
    assert len(notes) == 1 and notes[0].location.line == 3 and notes[0].severity.value == "suggestion"
    assert not {c for c in _codes(result, "retraso") if c.startswith(ENGLISH_ONLY_FAMILIES)} - {"SK406"}
    cold = _codes(result, "cold")  # an English reply in a Spanish pack: said, and judged as English
    assert {"SK006", "SK201", "SK301"} <= cold


def test_review_of_a_reply_in_another_language(tmp_path: Path) -> None:
    result = lint_text(OTHER["pt"], file=str(tmp_path / "reply.txt"))
    assert [d.code for d in result.diagnostics] == ["SK006"]
    assert "Portuguese" in result.diagnostics[0].message


@pytest.mark.parametrize(("bodies", "locale"), [
    ([OTHER["es"], OTHER["es"].replace("Lucía", "Ana"), "Gracias"], "es-ES"),  # (too short to tell: not counted)
    ([ENGLISH[0], ENGLISH[1], OTHER["es"]], None),  # mixed: English, with SK006 on the Spanish one
])
def test_an_imported_library_in_another_language_gets_its_locale(tmp_path: Path, bodies: list[str],
                                                                  locale: str | None) -> None:
    import json

    from click.testing import CliRunner

    from scriptkit.cli import main

    source = tmp_path / "library.jsonl"
    source.write_text("".join(json.dumps({"title": f"Reply {i}", "body": body}) + "\n"
                              for i, body in enumerate(bodies)), encoding="utf-8")
    result = CliRunner().invoke(main, ["import", str(source), "--out", str(tmp_path / "pack")])
    assert result.exit_code == 0, result.output
    pack = load_pack(tmp_path / "pack")
    assert pack.meta.locale == (locale or "en-US")
    said = (tmp_path / "pack" / "pack.yaml").read_text(encoding="utf-8")
    assert ("read as Spanish, hence the locale" in said) == (locale is not None)
    codes = [(d.code, d.script_id) for d in lint_pack(pack).diagnostics if d.code == "SK006"]
    assert codes == ([("SK006", None)] if locale else [("SK006", "reply-2")])
