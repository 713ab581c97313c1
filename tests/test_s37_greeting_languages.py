"""A pasted Dutch (or Italian) reply's greeting line was read as its first sentence: SK006 stood at 1:1 on
"Beste Sjoerd," where a German, French or Spanish reply had it at the first sentence of the body."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from scriptkit.cli import main


@pytest.mark.parametrize(("greeting", "body", "closing"), [
    ("Beste Sjoerd,", "Het spijt me dat je pakket te laat is. Ik heb vandaag een nieuw pakket voor je verstuurd.",
     "Met vriendelijke groet,"),
    ("Hoi Anouk!", "Wat vervelend dat de jas niet past. Ik stuur je vandaag een retourlabel, dan ruilen we hem om.",
     "Groetjes,"),
    ("Ciao Marco,", "Mi dispiace molto per il ritardo, il tuo pacco arriverà domani con il corriere.",
     "Cordiali saluti,"),
    ("Buongiorno Giulia,", "Ci dispiace per il problema: abbiamo già spedito un nuovo ordine, arriva domani.",
     "Un saluto,"),
    ("Olá Pedro,", "Pedimos desculpa pelo atraso. Já falamos com a transportadora e o pacote chega amanhã.",
     "Atenciosamente,"),
])
def test_sk006_stands_at_the_body_not_the_greeting(greeting: str, body: str, closing: str) -> None:
    text = f"{greeting}\n\n{body}\n\n{closing}\nSam\n"
    run = CliRunner().invoke(main, ["review", "-", "--grammar", "off", "--format", "json"], input=text.encode())
    found = [(d["line"], d["col"]) for d in json.loads(run.stdout)["diagnostics"] if d["code"] == "SK006"]
    assert found == [(3, 1)], run.stdout
