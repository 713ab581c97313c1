"""A reply in two languages reads as the language of most of it (scriptkit.language, SK006).

One English sentence in a Spanish macro made it English (four English words in a row were
enough, and " you" was found inside " your"), so the English rules judged Spanish text.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from scriptkit.language import language_of
from scriptkit.linting import lint_pack, lint_text
from scriptkit.loading import load_pack

SPANISH = ("Hola Ana,\n\nLamentamos sinceramente el retraso de su pedido. Hemos contactado con la empresa de "
           "transporte y su paquete llegará en un plazo de 3 días hábiles.\n\nQuedamos a su entera disposición "
           "para cualquier consulta adicional.\n\n{x}Saludos,\nLuis")
ENGLISH_LINE = "Please be advised that we value your business.\n\n"
ENGLISH_FOOTER = ("\n\nThis email and the files sent with it are for you only. If it reached you by mistake, "
                  "please tell us and delete it.")
FRENCH = ("Bonjour Claire,\n\nNous sommes désolés pour le retard de votre commande. Nous avons contacté le "
          "transporteur et vous recevrez un nouveau colis cette semaine.\n\nCordialement,\nLéa")
GERMAN = ("Sehr geehrte Frau Vogel,\n\nvielen Dank für Ihre Nachricht. Wir haben die doppelte Abbuchung geprüft "
          "und Ihnen den Betrag heute zurücküberwiesen. Es tut uns leid, dass Sie warten mussten.\n\n"
          "{x}Mit freundlichen Grüßen\nJonas")
ENGLISH_BODY = ("I'm sorry your parcel is late. I have asked the courier to look for it today, and I will write "
                "to you by Friday with what they find. If it is lost, we will send a new one at no cost.")

MOSTLY_OTHER = {
    "es, one English sentence": (SPANISH.format(x=ENGLISH_LINE), "es"),
    "es, an English footer": (SPANISH.format(x="") + ENGLISH_FOOTER, "es"),
    "fr, an English footer": (FRENCH + "\n\nPlease do not reply to this email: it is not read, and we are sorry "
                              "for that.", "fr"),
    "de, an English line": (GERMAN.format(x="Thank you for your patience, and we hope this is sorted for you "
                                            "now.\n\n"), "de"),
}
MOSTLY_ENGLISH = {
    "a Spanish greeting": "¡Hola María! Gracias por escribirnos.\n\n" + ENGLISH_BODY + "\n\nBest,\nSam",
    "a Spanish sign-off": ENGLISH_BODY + "\n\nUn saludo cordial,\nEquipo de Atención al Cliente",
    "a French phrase": "Thanks for your patience, and je suis désolé pour le retard. " + ENGLISH_BODY,
    "a German firm and sign-off": ("Thank you for your order from Müller und Söhne Gartenbedarf. " + ENGLISH_BODY
                                   + "\n\nMit freundlichen Grüßen, Jonas"),
}


@pytest.mark.parametrize(("text", "code"), MOSTLY_OTHER.values(), ids=list(MOSTLY_OTHER))
def test_a_reply_mostly_in_another_language_is_not_english(text: str, code: str) -> None:
    assert language_of(text) == code


@pytest.mark.parametrize("text", MOSTLY_ENGLISH.values(), ids=list(MOSTLY_ENGLISH))
def test_a_reply_mostly_in_english_stays_english(text: str) -> None:
    assert language_of(text) == "en"


def test_words_are_whole_words() -> None:
    # ("YouTube" holds no "you", "A1E0" no Portuguese "e"; a film called "Back to the Future" and a shop called
    # "For Kids" are names in a Spanish sentence)
    spanish = ("Hola, su pedido A1E0 (la película Back to the Future y la suscripción YouTube Premium) ya salió: lo "
               "recibirá mañana en la tienda For Kids, junto con su regalo.")
    assert language_of(spanish) == "es"


def test_review_of_a_spanish_reply_with_an_english_sentence_is_not_judged_in_english(tmp_path: Path) -> None:
    plain = lint_text(SPANISH.format(x=""), file=str(tmp_path / "a.txt"))
    mixed = lint_text(SPANISH.format(x=ENGLISH_LINE), file=str(tmp_path / "b.txt"))
    assert [d.code for d in plain.diagnostics] == ["SK006"]
    assert [d.code for d in mixed.diagnostics] == ["SK006"]
    assert "Spanish" in mixed.diagnostics[0].message


def _script(script_id: str, body: str) -> str:
    import json

    first, rest = body.split(". ", 1)  # (the acknowledgment, then the solution)
    return (f"id: {script_id}\ntitle: {script_id}\nacknowledgment: {json.dumps(first + '.', ensure_ascii=False)}\n"
            f"solution: {json.dumps(rest, ensure_ascii=False)}\n")


@pytest.mark.parametrize("locale", ["en-US", "es-ES"])
def test_in_a_pack_the_mixed_replies_are_judged_by_their_main_language(make_pack, locale: str) -> None:
    cold_english = ("¡Hola! We regret any inconvenience caused. Please be advised that the matter is under review "
                    "and that we will revert in due course.")
    root = make_pack({"mixed.yaml": _script("mixed", SPANISH.format(x=ENGLISH_LINE)),
                      "cold.yaml": _script("cold", cold_english)},
                     f"name: Pack\nversion: 1.0.0\nlocale: {locale}\n")
    result = lint_pack(load_pack(root))
    mixed = {d.code for d in result.diagnostics if d.script_id == "mixed"}
    cold = {d.code for d in result.diagnostics if d.script_id == "cold"}
    english_only = {c for c in mixed if c[:3] in ("SK1", "SK2", "SK3", "SK4")} - {"SK104", "SK406", "SK407"}
    assert not english_only, mixed
    assert ("SK006" in mixed) == (locale == "en-US")
    assert "SK201" in cold and ("SK006" in cold) == (locale == "es-ES")
