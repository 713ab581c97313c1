"""A blank an import kept a helpdesk's template logic in ('case', 'for'): exported, its marker is named from the
variable the logic reads, and a helpdesk without agent notes names the logic it stands for (SK508)."""

from __future__ import annotations

import json
from pathlib import Path

from export_fixtures import write_pack

from scriptkit.exporting import export

PACK = "name: Logic blanks\nversion: 1.0.0\nchannels:\n  email:\n    greeting: ''\n    signoff: ''\n"
SCRIPT = """\
id: late-order
title: Late order
channels: [email]
flexibility:
  blanks:
    - name: case
      prompt: "Was {% case ticket.brand.name %}{% when 'Kite' %}Kite Care{% else %}our shop{% endcase %} in the \\
original (Zendesk template logic). Fill it in or replace it."
    - name: for
      prompt: "Was {% for n in ticket.comments limit:1 %}{{n.value}}{% endfor %} in the original (Zendesk template \\
logic). Fill it in or replace it."
    - name: new_date
      prompt: The day the carrier now promises
acknowledgment: "Thanks for writing to {{ blank.case }}, and I'm sorry the parcel is late."
solution: "It should reach you on {{ blank.new_date }}. {{ blank.for }}"
"""


def test_logic_blanks_are_named_by_what_they_read_and_their_logic_is_named(tmp_path: Path) -> None:
    pack = write_pack(tmp_path / "p", {"late.yaml": SCRIPT}, PACK)
    result = export(pack, ["front", "intercom"], tmp_path / "out", lint=False)
    front = json.loads(next((tmp_path / "out" / "front").rglob("late-order.json")).read_text(encoding="utf-8"))
    intercom = next((tmp_path / "out" / "intercom").rglob("late-order.txt")).read_text(encoding="utf-8")
    for body in (front["body"].replace("<mark>", "").replace("</mark>", ""), intercom):
        assert "Thanks for writing to [[brand name]]" in body and "[[ticket comments]]" in body
        assert "[[case]]" not in body and "[[for]]" not in body
        assert "[[new date]]" in body  # (a blank the writer named keeps its name)
    for target in ("front", "intercom"):
        [sk508] = [d for d in result.diagnostics if d.code == "SK508" and d.extra["target"] == target]
        assert "[[brand name]]" in sk508.message and "{% case ticket.brand.name %}" in sk508.message
        assert "[[ticket comments]]" in sk508.message and "{% for n in ticket.comments" in sk508.message
        assert "new date" not in sk508.message
        assert sk508.location is not None and sk508.location.line == 7  # (the first logic blank's prompt)


def test_the_json_export_keeps_the_names_it_reads_back(tmp_path: Path) -> None:
    pack = write_pack(tmp_path / "p", {"late.yaml": SCRIPT}, PACK)
    export(pack, ["json"], tmp_path / "out", lint=False)
    written = "".join(p.read_text(encoding="utf-8") for p in (tmp_path / "out" / "json").rglob("*.json"))
    assert "brand_name" not in written and "ticket_comments" not in written
