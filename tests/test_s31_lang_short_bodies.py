"""A short Spanish, Portuguese, French, German or Italian reply is told as such (SK006), not judged as English;
an English reply with a foreign name, a loan word or one foreign phrase stays English."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from scriptkit.cli import main
from scriptkit.language import language_of

FRAME = "Hi María,\n\n{}\n\nThanks so much,\nLuis\n"

SHORT = {
    "es": ["Lamentamos mucho el retraso. Le enviaremos otro pedido hoy.",
           "Siento mucho que no pueda utilizar el servicio.",
           "Perdón por la espera, ya está resuelto."],
    "pt": ["Pedimos desculpa pelo atraso. Enviamos hoje um novo.",
           "Lamentamos muito, vamos resolver isso agora."],
    "fr": ["Désolé pour le retard, votre colis part aujourd'hui.",
           "Nous sommes vraiment désolés."],
    "de": ["Es tut uns leid, das Paket kommt heute noch.",
           "Entschuldigung für die Verspätung."],
    "it": ["Ci dispiace molto per il ritardo.",
           "Il pacco è già partito oggi."],
}
ENGLISH = [
    "Sorry about the wait, José. It ships today.",
    "Your café order is ready, Zoë!",
    "Gracias for waiting. See you soon!",
    "Muchas gracias for your order!",
    "We shipped it to Calle de la Paz.",
    "The piñata arrives on Monday.",
    "Bon voyage, and enjoy the trip!",
    "Sorry, the naïve fix did not work.",
]


@pytest.mark.parametrize(("code", "body"), [(c, b) for c, bodies in SHORT.items() for b in bodies])
def test_a_short_reply_in_another_language_is_told(code: str, body: str) -> None:
    assert language_of(body) == code
    assert language_of(FRAME.format(body)) == code
    assert language_of("Hi {{ customer.first_name | fallback('there') }},\n\n" + body + "\n\nBest,\nSam") == code


@pytest.mark.parametrize("body", ENGLISH)
def test_an_english_reply_with_a_foreign_name_or_phrase_stays_english(body: str) -> None:
    assert language_of(body) in ("en", None)
    assert language_of(FRAME.format(body)) == "en"


def test_review_of_a_short_spanish_reply_reports_sk006_and_judges_nothing(tmp_path: Path) -> None:
    reply = tmp_path / "reply.txt"
    reply.write_text(FRAME.format(SHORT["es"][0]), encoding="utf-8")
    result = CliRunner().invoke(main, ["review", str(reply), "--grammar", "off"])
    assert "SK006" in result.output and "Spanish" in result.output
    assert "Found 1 problem (1 warning)" in result.output, result.output  # (SK006 alone: no SK401 error)
    assert "SK401" not in result.output and "SK301" not in result.output
