"""An English reply with Spanish, French, Dutch or German names, addresses or firms reads as English (SK006).

Reading a reply by the language most of its sentences are in counted "de", "la", "los", "y" of
"Juan Carlos de la Cruz y Santos" or "Calle de la Paz" as Spanish: a short English reply signed
with a Spanish name and address read as Spanish, and no English rule judged it.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from scriptkit.cli import main
from scriptkit.language import language_of
from scriptkit.linting import lint_pack, lint_text
from scriptkit.loading import load_pack

ENGLISH_ONLY = ("SK1", "SK2", "SK3", "SK4")
SIGNED = "Hi Ana,\nYour refund is done.\nBest,\nJuan Carlos de la Cruz y Santos\nCalle de la Paz 12, Madrid"

# (a name, an English reply giving it on lines of its own, and a reply in the name's language that gives it)
NAMED = {
    "Banco de la Nación": (
        "Hi Marta,\nYour card is ready for you.\nBanco de la Nación\nSucursal de los Andes y del Mar",
        "Hola Marta,\nSu tarjeta ya está lista en el Banco de la Nación, Sucursal de los Andes y del Mar. Puede "
        "pasar a recogerla cuando quiera.\nSaludos", "es"),
    "Casa de la Cultura": (
        "Hello,\nThe talk is at six.\nCasa de la Cultura\nSala de los Reyes y de las Artes",
        "Hola,\nLa charla es a las seis en la Casa de la Cultura, Sala de los Reyes. Le esperamos con mucho "
        "gusto.\nUn saludo", "es"),
    "Juan de la Cruz": (
        "Hi,\nThe parcel is with your neighbour:\nJuan de la Cruz y Vega\nCalle de las Flores 9",
        "Hola,\nEl paquete lo tiene su vecino, Juan de la Cruz y Vega, en la Calle de las Flores 9. Si no es "
        "correcto, escríbanos y lo revisamos.\nGracias", "es"),
    "Rue de la Paix": (
        "Hi Claire,\nYour ring is at the shop.\nGaleries du Nord et de la Reine\n8 Rue de la Paix, Les Halles",
        "Bonjour Claire,\nVotre bague vous attend à la boutique, 8 Rue de la Paix. Nous sommes ouverts du lundi "
        "au samedi et vous pouvez passer quand vous le souhaitez.\nCordialement", "fr"),
    "Van der Berg GmbH": (
        "Hi,\nThe invoice is from:\nVan der Berg GmbH\nVon der Heide und Söhne\nAm Markt 4, Den Haag",
        "Hallo,\nIhre Rechnung ist von der Firma Van der Berg GmbH. Bei Fragen sind wir gerne für Sie da und "
        "helfen Ihnen auch mit der Abbuchung.\nViele Grüße", "de"),
}
# (short English replies signed by, or naming, Spanish people and firms: too few words to be sure of English, and
# no other language either)
SHORT = {
    "signed with two surnames": "Hi Lucía,\nIt is fixed.\nBest,\nMaría de los Ángeles del Río",
    "a name and a bank": "Thanks for waiting!\nJosé Luis de la Fuente y Ortega\nBanco del Sol",
}


def test_an_english_reply_signed_with_a_spanish_name_and_address_is_judged_in_english(tmp_path: Path) -> None:
    assert language_of(SIGNED) in ("en", None)
    codes = [d.code for d in lint_text(SIGNED, file=str(tmp_path / "reply.txt")).diagnostics]
    assert "SK006" not in codes
    assert any(code.startswith(ENGLISH_ONLY) for code in codes), codes


def test_review_of_an_english_reply_naming_spanish_places_judges_it(tmp_path: Path) -> None:
    reply = tmp_path / "reply.txt"
    reply.write_text("Hi,\nThe item: Casa de la Cultura, Sala de los Reyes.\nThanks for waiting.\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["review", str(reply)])
    assert result.exit_code in (0, 1), result.output
    assert "not judged" not in result.output and "Spanish" not in result.output
    assert language_of(reply.read_text(encoding="utf-8")) == "en"


@pytest.mark.parametrize(("english", "other", "code"), NAMED.values(), ids=list(NAMED))
def test_a_name_reads_as_no_language(english: str, other: str, code: str) -> None:
    # (the English reply is English, and the name's own language still tells a reply written in it)
    assert language_of(english) == "en"
    assert language_of(other) == code


@pytest.mark.parametrize("text", SHORT.values(), ids=list(SHORT))
def test_a_short_english_reply_with_spanish_names_is_not_spanish(text: str, tmp_path: Path) -> None:
    assert language_of(text) in ("en", None)
    assert "SK006" not in [d.code for d in lint_text(text, file=str(tmp_path / "reply.txt")).diagnostics]


def test_in_an_english_pack_a_reply_signed_in_spanish_is_judged(make_pack) -> None:
    script = ("id: refund\ntitle: Refund\nacknowledgment: \"We regret any inconvenience caused.\"\n"
              f"solution: {json.dumps('Your refund is done.' + SIGNED.split('done.', 1)[1], ensure_ascii=False)}\n")
    result = lint_pack(load_pack(make_pack({"refund.yaml": script}, "name: Pack\nversion: 1.0.0\nlocale: en-US\n")))
    codes = {d.code for d in result.diagnostics if d.script_id == "refund"}
    assert "SK006" not in codes
    assert "SK201" in codes, codes
