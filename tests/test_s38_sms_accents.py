"""An SMS in Spanish, Portuguese or French goes UCS-2 on one letter ("á", "ã", "ç") or on French's no-break space
before "!" and "?": SK104 said "Replace 'á', '\\xa0' with plain characters (straight quotes, no emoji)", advice for
English typography that a writer of accents could not act on. It now says what to type for each ("'á' as 'a'", "the
no-break space as ' '"), which accents GSM-7 carries anyway, and what to leave out (an emoji)."""

from __future__ import annotations

from typing import Any

from scriptkit.linting import lint_pack, lint_text
from scriptkit.loading import load_pack


def _sk104(text: str) -> tuple[str, str]:
    (found,) = [d for d in lint_text(text, channel="sms", grammar="off", locale="es-ES").diagnostics
                if d.code == "SK104"]
    return found.message, found.suggestion or ""


def test_spanish_accents_are_written_without_them_and_the_free_ones_are_named() -> None:
    message, suggestion = _sk104("¡Lamento mucho el retraso de tu pedido! Sale hoy y llegará el jueves. "
                                 "¿Quieres que te envíe el número de seguimiento por correo?")
    assert "'á', 'é'" not in message  # (é is GSM-7: never named)
    assert suggestion.startswith("Write 'á' as 'a', 'í' as 'i', 'ú' as 'u' "
                                 "(GSM-7 has é, è, à, ù, ì, ò, ñ, ä, ö, ü, ¿ and ¡")
    assert "straight quotes" not in suggestion


def test_portuguese_tilde_and_cedilla_have_their_plain_letters() -> None:
    _, suggestion = _sk104("Poxa, sinto muito pelo atraso! Sua encomenda sai hoje e chega na quinta. Se precisar "
                           "de mais informações, é só responder aqui.")
    assert suggestion.startswith("Write 'ç' as 'c', 'õ' as 'o', 'ó' as 'o' (GSM-7 has")


def test_a_french_no_break_space_is_named_and_a_plain_space_is_the_advice(make_pack: Any) -> None:
    # (review keeps it too: tests/test_s38_l10n2.py)
    script = ("id: retard\ntitle: Retard\nchannels: [sms]\n"
              'acknowledgment: "Désolée pour le retard de votre commande\\u00a0!"\n'
              'solution: "Elle part aujourd\'hui et arrive jeudi. Besoin d\'autre chose\\u00a0? Répondez à ce SMS."\n'
              "flexibility:\n  guidance: Proposez la livraison express si le client est pressé.\n")
    root = make_pack({"retard.yaml": script}, "name: Colis\nlocale: fr-FR\nchannels:\n  sms:\n    greeting: ''\n")
    (found,) = [d for d in lint_pack(load_pack(root)).diagnostics if d.code == "SK104"]
    assert "the no-break space is outside the GSM-7 set" in found.message and "\\xa0" not in found.message
    assert (found.suggestion or "").startswith("Write the no-break space as ' ' to get the 160-character limit back")
    assert "GSM-7 has" not in (found.suggestion or "")  # (no accent to tell about)


def test_an_emoji_is_left_out_and_typography_made_plain() -> None:
    _, suggestion = _sk104("We\u2019re so sorry about the wait \U0001F64F Your parcel leaves today \u2014 it "
                           "arrives on Thursday\u2026 Reply here if anything else comes up.")
    assert suggestion.startswith("Write '\u2019' as \"'\", '\u2014' as '-', '\u2026' as '...' and leave out "
                                 "'\U0001F64F' to get")
