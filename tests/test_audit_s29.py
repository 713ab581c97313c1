"""Session 29's lead audit: an export's macros are shown, named and quoted in the helpdesk's own words."""

from __future__ import annotations

import json
from pathlib import Path

from scriptkit.audit import audit

GREETING = ("{% if ticket.requester.first_name != blank %}Hey {{ticket.requester.first_name}}{% else %}Hey there"
            "{% endif %},")
SHIPPED = ("\n\nSorry the lamp is taking its time. I've asked the carrier to hurry it along, and it will reach you "
           "by Monday.\n\nCheers,\n{{current_user.first_name}}")


def _zendesk(tmp_path: Path, *macros: tuple[int, str, str]) -> Path:
    export = tmp_path / "zendesk.json"
    export.write_text(json.dumps({"macros": [
        {"id": i, "title": title, "active": True, "actions": [{"field": "comment_value", "value": body}]}
        for i, title, body in macros]}), encoding="utf-8")
    return export


def test_a_liquid_fallback_greeting_is_shown_once_as_written(tmp_path: Path) -> None:
    report = audit(_zendesk(tmp_path, (7, "Lamp late", GREETING + SHIPPED)))
    macro = report.macro("lamp-late")
    assert macro.text == GREETING + SHIPPED  # (not 'Hey {% if … %}Hey {{…}}…': the greeting's word twice)
    assert not any("Hey {%" in d.text for d in macro.diagnostics)  # (SK105 quotes the whole reply)
    for h in macro.highlights:  # each highlight still marks its finding's quote
        assert (h.code, macro.text[h.start:h.end]) in {(d.code, d.text) for d in macro.diagnostics}
