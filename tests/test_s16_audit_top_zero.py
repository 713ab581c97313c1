"""audit --top 0 lists no macros: the text does not say the macros judged in part are "ranked apart from the
worst macros", a list it does not show; it says none is listed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from scriptkit.cli import main

GOOD = ("Hi {{ticket.requester.first_name}},\n\nI can see how frustrating the wait for your parcel has been, and I'm "
        "sorry it hasn't arrived. I've chased the carrier this morning and they've promised delivery by Friday. If "
        "it hasn't come by then, reply here and I'll send a replacement the same day.\n\nThanks for your patience,"
        "\n{{current_user.first_name}}")
SPANISH = ("Hola,\n\nGracias por escribirnos. Entiendo lo molesto que es esperar un reembolso. Hoy he tramitado la "
           "devolución del pago y llegará a su tarjeta en un plazo de cinco días hábiles. Si tiene alguna pregunta, "
           "responda a este correo y le ayudaré con gusto.\n\nUn saludo")


@pytest.mark.parametrize("bodies", [[("Late parcel", GOOD), ("Reembolso", SPANISH)], [("Reembolso", SPANISH)]])
def test_top_zero_says_none_is_listed(tmp_path: Path, bodies: list[tuple[str, str]]) -> None:
    export = tmp_path / "zendesk.json"
    export.write_text(json.dumps({"macros": [{"id": n, "title": t, "actions": [{"field": "comment_value", "value": b}]}
                                             for n, (t, b) in enumerate(bodies, 1)]}), encoding="utf-8")
    result = CliRunner().invoke(main, ["audit", str(export), "--from", "zendesk", "--top", "0"])
    assert result.exit_code == 0, result.output
    assert "Judged in part: 1 macro(s) scored on flexibility only; --top 0 lists none\n" in result.stdout
    assert "ranked apart" not in result.stdout and "Worst" not in result.stdout
