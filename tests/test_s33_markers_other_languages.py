"""SK407 knew fill-in markers by English words only: a Spanish reply's "[Nombre del cliente]" or "[fecha]", a
German one's "[Kundenname]", went to the customer as written while the docs said blanks are still checked in
another language's replies."""

from __future__ import annotations

import pytest

from scriptkit.config import LintConfig
from scriptkit.linting import lint_text

OFF = LintConfig().override(grammar="off")


@pytest.mark.parametrize(("locale", "text", "markers"), [
    ("es-ES", "Hola [Nombre del cliente], te escribo el [fecha] con el [importe].",
     ["[Nombre del cliente]", "[fecha]", "[importe]"]),
    ("es-ES", "Tu [número de pedido] sale mañana.", ["[número de pedido]"]),
    ("de-DE", "Hallo [Kundenname], wir erstatten [Betrag] bis zum [Datum].", ["[Kundenname]", "[Betrag]", "[Datum]"]),
    ("fr-FR", "Bonjour [prénom], votre [numéro de commande] part demain.", ["[prénom]", "[numéro de commande]"]),
    ("pt-BR", "Olá [nome], seu pedido chega em [data].", ["[nome]", "[data]"]),
])
def test_a_marker_in_another_language_is_found(locale: str, text: str, markers: list[str]) -> None:
    found = [d.text for d in lint_text(text, locale=locale, config=OFF).diagnostics
             if d.code == "SK407"]
    assert found == markers


def test_a_button_in_another_language_is_still_no_marker() -> None:
    text = "Pulsa [Guardar] y luego [Continuar]; te escribo mañana."
    assert not [d for d in lint_text(text, locale="es-ES", config=OFF).diagnostics if d.code == "SK407"]
