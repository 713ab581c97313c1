"""A German, French or Spanish reply pasted from an email ("Hallo Frau Meier," ... "Mit freundlichen Grüßen")
gave the customer two greetings and two sign-offs with no finding: SK008 and SK009 knew only English ones.
They now know the common German, French and Spanish greetings and closings too."""

from __future__ import annotations

import json
from typing import Any

import pytest
from click.testing import CliRunner

from scriptkit.cli import main

SCRIPT = """id: spaet
title: Lieferung::Verspätet
channels: [email]
acknowledgment: {ack}
warm_language: {warm}
flexibility:
  guidance: Check the carrier first.
solution: {solution}
"""

GERMAN = ("Es tut mir wirklich leid, dass Ihr Paket noch nicht bei Ihnen angekommen ist.",
          "Vielen Dank für Ihre Geduld mit uns.",
          "Ich habe heute ein neues Paket für Sie auf den Weg gebracht und schicke Ihnen die Sendungsnummer.")
FRENCH = ("Je suis vraiment désolée que votre colis ne soit pas encore arrivé chez vous.",
          "Merci beaucoup pour votre patience.",
          "Je vous ai envoyé un nouveau colis aujourd'hui et je vous écris avec le numéro de suivi.")
SPANISH = ("Siento mucho que tu paquete todavía no haya llegado, sé que lo esperabas para el sábado.",
           "Muchas gracias por tu paciencia con nosotros.",
           "Hoy mismo te mando otro paquete por mensajero y te escribo con el número de seguimiento.")
LAYOUT = """name: Pakete
locale: {locale}
channels:
  email:
    greeting: "{greeting}"
    signoff: "{signoff}"
"""
LAYOUTS = {"de-DE": ("Hallo {{ customer.first_name | fallback('und guten Tag') }},",
                     "Viele Grüße\\n{{ agent.first_name }}"),
           "fr-FR": ("Bonjour {{ customer.first_name | fallback('Madame, Monsieur') }},",
                     "Cordialement,\\n{{ agent.first_name }}"),
           "es-ES": ("¡Hola, {{ customer.first_name | fallback('buenos días') }}!",
                     "Un saludo,\\n{{ agent.first_name }}")}


def codes(make_pack: Any, locale: str, body: tuple[str, str, str], opening: str, closing: str) -> list[tuple[str, str]]:
    ack, warm, solution = body
    greeting, signoff = LAYOUTS[locale]
    script = SCRIPT.format(ack=json.dumps(opening + ack), warm=json.dumps(warm),
                           solution=json.dumps(solution + closing))
    root = make_pack({"spaet.yaml": script}, pack_yaml=LAYOUT.format(locale=locale, greeting=greeting, signoff=signoff))
    out = CliRunner().invoke(main, ["check", str(root), "--grammar", "off", "--format", "json"])
    assert "Traceback" not in out.output
    return [(d["code"], d["text"]) for d in json.loads(out.output)["diagnostics"] if d["code"] in ("SK008", "SK009")]


@pytest.mark.parametrize(("locale", "body", "opening", "closing", "greeting", "signoff"), [
    ("de-DE", GERMAN, "Hallo Frau Meier,\n\n", "\n\nMit freundlichen Grüßen\nJonas Weber", "Hallo Frau Meier,",
     "Mit freundlichen Grüßen\nJonas Weber"),
    ("de-DE", GERMAN, "Sehr geehrte Damen und Herren,\n\n", "\n\nViele Grüße\nJonas", "Sehr geehrte Damen und Herren,",
     "Viele Grüße\nJonas"),
    ("de-DE", GERMAN, "Guten Tag Herr Schulz,\n\n", "\n\nBeste Grüße,\nJonas", "Guten Tag Herr Schulz,",
     "Beste Grüße,\nJonas"),
    ("fr-FR", FRENCH, "Bonjour Madame Martin,\n\n", "\n\nCordialement,\nClaire", "Bonjour Madame Martin,",
     "Cordialement,\nClaire"),
    ("fr-FR", FRENCH, "Madame, Monsieur,\n\n", "\n\nBien à vous,\nClaire Dubois\nService client",
     "Madame, Monsieur,", "Bien à vous,\nClaire Dubois\nService client"),
    ("fr-FR", FRENCH, "Bonjour Paul !\n\n", "\n\nBien cordialement", "Bonjour Paul !", "Bien cordialement"),
    ("es-ES", SPANISH, "¡Hola, Marta!\n\n", "\n\nUn saludo,\nLucía", "¡Hola, Marta!", "Un saludo,\nLucía"),
    ("es-ES", SPANISH, "Estimada Sra. García:\n\n", "\n\nAtentamente,\nLucía Pérez", "Estimada Sra. García:",
     "Atentamente,\nLucía Pérez"),
    ("es-ES", SPANISH, "Buenos días, Marta:\n\n", "\n\nSaludos cordiales", "Buenos días, Marta:",
     "Saludos cordiales"),
    # (a greeting on the line of the reply's first sentence, and a team's name of six words under the closing)
    ("es-ES", SPANISH, "¡Hola, Marta! ", "\n\nUn saludo,\nEl equipo de atención al cliente", "¡Hola, Marta!",
     "Un saludo,\nEl equipo de atención al cliente"),
])
def test_a_pasted_greeting_and_closing_in_german_french_or_spanish_are_reported(
        make_pack: Any, locale: str, body: tuple[str, str, str], opening: str, closing: str,
        greeting: str, signoff: str) -> None:
    assert codes(make_pack, locale, body, opening, closing) == [("SK008", greeting), ("SK009", signoff)]


@pytest.mark.parametrize(("locale", "body", "opening", "closing"), [
    # (a sentence that opens with an address word, and a last line of thanks or good wishes with no name)
    ("fr-FR", FRENCH, "Madame Martin nous a écrit hier. ", "\n\nMerci encore et bonne journée !"),
    ("de-DE", GERMAN, "Liebe Grüße hat sie uns geschickt. ", "\n\nVielen Dank für Ihr Verständnis!"),
    ("es-ES", SPANISH, "Hola a todos los clientes que nos escriben hoy les decimos lo mismo. ",
     "\n\n¡Gracias de nuevo!"),
])
def test_a_greeting_word_inside_a_sentence_and_thanks_with_no_name_are_left_alone(
        make_pack: Any, locale: str, body: tuple[str, str, str], opening: str, closing: str) -> None:
    assert codes(make_pack, locale, body, opening, closing) == []
