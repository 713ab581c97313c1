"""An internal note is not scored at all (7e0f3246): the text audit's "Judged in part: N macro(s) scored on
flexibility only" counted and listed it with the macros in another language, scored on flexibility, as if it
had that score."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from scriptkit.cli import main

REPLY = ("Hi {{ticket.requester.first_name}},\n\nI can see how frustrating the wait for your parcel has been. I've "
         "chased the carrier this morning and they've promised delivery by Friday; if it hasn't come by then, reply "
         "here and I'll send a replacement the same day.\n\nThanks,\n{{current_user.first_name}}")
SPANISH = ("Hola,\n\nEntiendo lo molesto que es esperar un reembolso. Hoy he tramitado la devolución y llegará a su "
           "tarjeta en tres días hábiles. Si tiene alguna duda, responda a este correo.\n\nUn saludo")
NOTE = "Passing to tier 2 billing: the card was charged twice and the second charge is still pending after a week."


def test_judged_in_part_counts_and_lists_only_the_macros_scored_on_flexibility(tmp_path: Path) -> None:
    export = tmp_path / "macros.json"
    export.write_text(json.dumps({"macros": [
        {"id": 1, "title": "Late parcel", "actions": [{"field": "comment_value", "value": REPLY}]},
        {"id": 2, "title": "Reembolso", "actions": [{"field": "comment_value", "value": SPANISH}]},
        {"id": 3, "title": "Escalate::Billing", "actions": [{"field": "comment_value", "value": NOTE},
                                                            {"field": "comment_mode_is_public", "value": "false"}]},
    ]}), encoding="utf-8")
    result = CliRunner().invoke(main, ["audit", str(export)])
    assert result.exit_code == 0, result.output
    text = result.stdout
    assert "Not judged as replies to a customer, so not scored: 1 internal note(s)" in text
    apart = text[text.index("Judged in part"):text.index("Most common problems")]
    assert apart.startswith("Judged in part: 1 macro(s) scored on flexibility only"), apart
    part, notes = apart.split("Internal notes: ")
    assert "Reembolso  (id 2" in part and "Escalate::Billing" not in part, apart
    # (still named, so a lead sees which macro was read as a note, under a heading that says it is not scored)
    assert notes.startswith("1 not scored (for the agents, never sent)\n") and "Escalate::Billing  (id 3" in notes
