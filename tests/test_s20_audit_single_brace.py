"""A helpdesk's field written with single braces ('{ticket.requester.first_name}', '{customer.firstName}',
'{current_user.first_name}') is sent to the customer as written: a placeholder that did not map, no room for
the agent. It scored flexibility 100 and overall 98, while '{customer_name}' and '{agent.first_name}' were
held at 50."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

import scriptkit

REPLY = ("{greeting} I'm so sorry your parcel is late; I know how worrying that is. I've asked the courier to "
         "prioritise it, and it will reach you within 2 days.{sign}")
ROWS = [
    ("requester", "Hi {ticket.requester.first_name},", "", "customer.first_name"),
    ("freshdesk-spelling", "Hi {ticket.requester.firstname},", "", "customer.first_name"),
    ("helpscout-spelling", "Hi {customer.firstName},", "", "customer.first_name"),
    ("zendesk-agent", "Hi there,", " {current_user.first_name}", "agent.first_name"),
    ("catalogue-agent", "Hi there,", " {agent.first_name}", "agent.first_name"),
    ("plain-name", "Hi {customer_name},", "", "customer.first_name"),
    ("odd-field", "Hi {ticket.requester.nickname},", "", None),
]


def _export(tmp_path: Path) -> Path:
    path = tmp_path / "replies.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle)
        out.writerow(["id", "title", "body"])
        for ident, greeting, sign, _ in ROWS:
            out.writerow([ident, ident, REPLY.format(greeting=greeting, sign=sign)])
    return path


@pytest.mark.timeout(60)
def test_single_brace_fields_are_placeholders_that_did_not_map(tmp_path: Path) -> None:
    export = _export(tmp_path)
    pack = scriptkit.import_library(export).write(tmp_path / "pack")
    for report in (scriptkit.audit_library(export, grammar="off"), scriptkit.audit_library(pack, grammar="off")):
        macros = {m.id: m for m in report.macros}
        for ident, greeting, sign, placeholder in ROWS:
            macro = macros[ident]
            written = (greeting + sign).split("{", 1)[1].split("}", 1)[0]
            assert [(u.text, u.placeholder) for u in macro.unmapped] == [("{" + written + "}", placeholder)], ident
            assert macro.scores["flexibility"] == 0 and macro.overall == 50, ident


def test_a_field_of_the_helpdesks_own_in_double_braces_stays_the_helpdesks() -> None:
    from scriptkit.audit import field_placeholder
    from scriptkit.placeholders import DEFAULT_CATALOGUE as cat

    assert field_placeholder("{{ticket.tags}}", cat) == (False, None)
    assert field_placeholder("[Customer Name]", cat) == (False, None)
    assert field_placeholder("{current_user.first_name}", cat) == (True, "agent.first_name")
    assert field_placeholder("{{ customer.firstname }}", cat) == (True, "customer.first_name")
