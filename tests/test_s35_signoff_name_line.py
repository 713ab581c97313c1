"""A line under a closing counts as the sign-off's name only when it is a name or a team, never a sentence:
"Thank you\\nWe will email you by Friday" was reported as a second sign-off (SK009) whose advice, "Delete it
here", would have deleted the promise. A team's name in German, French or Spanish still counts."""

from __future__ import annotations

import json
from typing import Any

import pytest
from click.testing import CliRunner

from scriptkit.cli import main

SCRIPT = """id: refund
title: Billing::Refund
channels: [email]
acknowledgment: I'm so sorry you were charged twice for the same order.
warm_language: Thank you for letting us know so quickly.
flexibility:
  guidance: Check the payment provider first.
solution: {solution}
"""


def sk009(make_pack: Any, solution: str, pack_yaml: str = "name: Refunds\n") -> list[str]:
    root = make_pack({"refund.yaml": SCRIPT.format(solution=json.dumps(solution))}, pack_yaml=pack_yaml)
    out = CliRunner().invoke(main, ["check", str(root), "--grammar", "off", "--format", "json"])
    assert "Traceback" not in out.output
    return [d["text"] for d in json.loads(out.output)["diagnostics"] if d["code"] == "SK009"]


@pytest.mark.parametrize("ending", [
    "Thank you\nWe will email you by Friday",
    "Thanks!\nWe email you the label today",
    "Thanks!\nIt arrives by Friday",
    "Thank you\nI'll call you back on Monday",
    "Many thanks\nYou should see it within five days",
])
def test_a_sentence_under_a_thank_you_is_not_a_sign_off(make_pack: Any, ending: str) -> None:
    assert sk009(make_pack, "I have refunded the second charge today.\n\n" + ending) == []


@pytest.mark.parametrize("ending", [
    "Kind regards,\nMaya Lopez\nBilling team",
    "Thanks!\nThe Acme Customer Care Team",
    "Best,\nWill Turner",
    "Thanks,\nIT Support",
])
def test_a_name_or_team_under_a_closing_is_still_a_sign_off(make_pack: Any, ending: str) -> None:
    assert sk009(make_pack, "I have refunded the second charge today.\n\n" + ending) == [ending]


@pytest.mark.parametrize(("locale", "solution", "ending"), [
    ("es-ES", "Hoy mismo te devuelvo el segundo cargo a tu tarjeta y te escribo cuando esté hecho.",
     "Un saludo,\nEl equipo de atención al cliente"),
    ("de-DE", "Ich habe Ihnen heute die zweite Abbuchung zurückerstattet und schreibe Ihnen, wenn sie da ist.",
     "Vielen Dank,\nDas Kundenservice-Team"),
    ("fr-FR", "Je vous ai remboursé le deuxième prélèvement aujourd'hui et je vous écris dès qu'il est fait.",
     "Merci,\nL'équipe support"),
])
def test_a_teams_name_in_another_language_is_still_a_sign_off(make_pack: Any, locale: str, solution: str,
                                                               ending: str) -> None:
    assert sk009(make_pack, solution + "\n\n" + ending, f"name: Refunds\nlocale: {locale}\n") == [ending]


@pytest.mark.parametrize(("locale", "solution", "ending"), [
    ("es-ES", "Hoy mismo te devuelvo el segundo cargo a tu tarjeta y lo verás pronto.",
     "Gracias,\nTe escribimos el viernes con el número"),
    ("de-DE", "Ich habe Ihnen heute die zweite Abbuchung zurückerstattet.", "Vielen Dank,\nWir melden uns am Freitag"),
    ("fr-FR", "Je vous ai remboursé le deuxième prélèvement aujourd'hui.", "Merci,\nNous vous écrivons vendredi"),
])
def test_a_sentence_under_thanks_in_another_language_is_not_a_sign_off(make_pack: Any, locale: str, solution: str,
                                                                       ending: str) -> None:
    assert sk009(make_pack, solution + "\n\n" + ending, f"name: Refunds\nlocale: {locale}\n") == []
