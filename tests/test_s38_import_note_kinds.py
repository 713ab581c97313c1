"""An import's summary says each kind of note once where its macros word it differently: thirty macros whose HTML and
plain text differ, each in its own words, and macros setting priority 'low', 'normal' or 'high' were a line per
wording (or per macro). Now: one line per kind with the count and a few examples; a note worded alike keeps its line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from scriptkit.importers.common import note_kind
from tests.conftest import run_cli


def _macro(ident: int, html: str, plain: str, priority: str) -> dict[str, object]:
    return {"id": ident, "title": f"Parcel {ident}", "active": True, "actions": [
        {"field": "comment_value_html", "value": f"<p>{html}</p>"}, {"field": "comment_value", "value": plain},
        {"field": "priority", "value": priority}]}


@pytest.mark.timeout(120)
def test_notes_of_one_kind_are_one_line_with_examples(tmp_path: Path) -> None:
    sorry = "I'm sorry your parcel is late. It arrives by {day}."
    macros = [_macro(i, sorry.format(day=f"day {i}"), sorry.format(day=f"week {i}"), ("low", "normal", "high")[i % 3])
              for i in range(1, 31)]
    export = tmp_path / "macros.json"
    export.write_text(json.dumps({"macros": macros}), encoding="utf-8")
    ran = run_cli("import", str(export), "-o", str(tmp_path / "pack"))
    assert ran.exit_code == 0, ran.output
    said = ran.stderr
    assert ("30 macros, 30 wordings of: its HTML (…) and plain text (…) say different things; for example:"
            in said)
    assert "30 macros, 3 wordings of: its other action(s) in Zendesk (…) are not in the pack's text" in said
    assert "and 9 more: its other action(s) in Zendesk (priority 'low')" in said
    assert "... and 27 more (see the comments in each script file)." in said
    # (none of them is listed a macro each besides)
    assert "say different things" not in said.split("for example:")[-1].split("\n", 4)[-1]


def test_a_kind_is_the_note_without_its_particulars() -> None:
    assert note_kind("replaces the ticket's tags with 'vip' in Zendesk (set_tags): exported back") == \
        "replaces the ticket's tags with '…' in Zendesk (…)"
    assert note_kind("has two 'comment_value' actions: the last is the reply") == "has two '…' actions"
