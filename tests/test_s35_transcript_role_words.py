"""A German, French or Spanish chat transcript is read as turns: "Kunde:" / "Mitarbeiter:" was read as one reply,
the customer's lines judged as the agent's (German), or stopped asking for --agent (Spanish), as the role words
were English only."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from scriptkit.cli import main
from scriptkit.transcript import turns

CHATS = {
    "de": ("Kunde: Die Lieferung fehlt seit zehn Tagen.\n"
           "Mitarbeiterin: Guten Tag, das tut mir leid. Ich prüfe das sofort.\n"
           "Kunde: Bitte bis Montag.\n"
           "Mitarbeiterin: Ich schicke heute Ersatz per Express.\n", "Mitarbeiterin"),
    "de2": ("Kundin: Meine Karte wurde zweimal belastet.\n"
            "Support: Das ist ärgerlich, ich erstatte den zweiten Betrag heute.\n", "Support"),
    "fr": ("Cliente : Ma commande n'est jamais arrivée.\n"
           "Conseillère : Bonjour, je suis désolée pour ce retard. Je renvoie le colis aujourd'hui.\n"
           "Cliente : Merci, j'attends.\n", "Conseillère"),
    "es": ("Cliente: Mi pedido no ha llegado todavía.\n"
           "Asesora: Hola, siento mucho la espera. Hoy mismo le enviamos otro.\n"
           "Cliente: Gracias.\n", "Asesora"),
    "es2": ("Cliente: El cargo aparece dos veces.\n"
            "Agente: Lo siento, ya he devuelto el segundo cargo.\n", "Agente"),
}


@pytest.mark.parametrize("name", CHATS)
def test_role_labels_in_german_french_and_spanish_are_turns(name: str) -> None:
    text, agent = CHATS[name]
    found = turns(text)
    assert found is not None
    speakers = [t.speaker for t in found]
    assert agent in speakers and len(set(speakers)) == 2


def test_review_of_a_german_chat_judges_the_agent_only() -> None:
    text, _ = CHATS["de"]
    result = CliRunner().invoke(main, ["review", "-", "--locale", "de-DE", "--grammar", "off"], input=text)
    assert result.exit_code == 0, result.output
    assert "2 turn(s) by Mitarbeiterin" in result.output, result.output
    assert "Lieferung fehlt" not in result.output and "bis Montag" not in result.output


def test_review_of_a_spanish_chat_needs_no_agent_flag() -> None:
    text, _ = CHATS["es2"]
    result = CliRunner().invoke(main, ["review", "-", "--locale", "es-ES", "--grammar", "off"], input=text)
    assert result.exit_code == 0, result.output
    assert "by Agente" in result.output and "cargo aparece" not in result.output
