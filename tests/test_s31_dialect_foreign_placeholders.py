"""Another helpdesk's placeholder pasted into a Zendesk macro ({{ticket.contact.name}}: Freshdesk's) is no
Zendesk field: Zendesk's Liquid sends it empty, so the import says whose it is and Zendesk's own spelling, and the
audit holds the macro as it holds a misspelt one. A placeholder written with single braces gets the same hint."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from scriptkit import audit_library, import_library
from scriptkit.importers.dialects import BlankPiece, PlaceholderPiece, parse_body

_BODY = ("Hi {name},\n\nI'm so sorry the parcel went astray. I've sent a new one today and it arrives by Friday."
         "\n\nBest,\n{agent}")


def _zendesk(tmp_path: Path, name: str, agent: str = "{{current_user.first_name}}") -> Path:
    path = tmp_path / "macros.json"
    body = _BODY.format(name=name, agent=agent)
    path.write_text(json.dumps({"macros": [{"id": 7, "title": "Parcel lost", "active": True, "actions": [
        {"field": "comment_value", "value": body}]}]}, indent=1), encoding="utf-8")
    return path


@pytest.mark.parametrize(("written", "owner", "meant"), [
    ("{{ticket.contact.name}}", "Freshdesk", "{{ticket.requester.name}}"),
    ("{{ticket.agent.name}}", "Freshdesk", "{{ticket.assignee.name}}"),
    ("{{ ticket.contact.email }}", "Freshdesk", "{{ ticket.requester.email }}"),
    ("{{ticket.customer.firstname}}", "Gorgias", "{{ticket.requester.first_name}}"),
])
def test_another_helpdesks_placeholder_in_a_zendesk_macro_is_a_blank_with_zendesks_spelling(
        written: str, owner: str, meant: str) -> None:
    [blank] = [p for p in parse_body(f"Hi {written},", "zendesk", "Zendesk") if isinstance(p, BlankPiece)]
    assert blank.original == written
    assert f"{owner}'s placeholder" in blank.reason and "Zendesk's Liquid sends it empty" in blank.reason
    assert "cannot map" in blank.reason and blank.reason.endswith(f"did you mean {meant}?")


def test_another_helpdesks_field_with_no_zendesk_equivalent_says_so_without_a_guess() -> None:
    [blank] = [p for p in parse_body("Ref {{ticket.contact.phone}}.", "zendesk", "Zendesk")
               if isinstance(p, BlankPiece)]
    assert "Freshdesk's placeholder" in blank.reason and "did you mean" not in blank.reason


@pytest.mark.parametrize(("written", "field"), [
    ("{{ticket.ticket_field_123}}", "zendesk.ticket_ticket_field_123"),
    ("{{ticket.ticket_field_option_title_123}}", "zendesk.ticket_ticket_field_option_title_123"),
    ("{{dc.name}}", "zendesk.dc_name"),
    ("{{ticket.organization.name}}", "zendesk.ticket_organization_name"),
])
def test_zendesks_own_fields_stay_placeholders(written: str, field: str) -> None:
    [own] = [p for p in parse_body(f"Hi {written},", "zendesk", "Zendesk") if isinstance(p, PlaceholderPiece)]
    assert own.name == field


def test_freshdesks_own_export_keeps_its_contact_field() -> None:
    pieces = parse_body("Hi {{ticket.contact.name}},", "freshdesk", "Freshdesk")
    assert not any(isinstance(p, BlankPiece) for p in pieces)


def test_audit_holds_a_zendesk_macro_with_a_freshdesk_placeholder(tmp_path: Path) -> None:
    export = _zendesk(tmp_path, "{{ticket.contact.name}}", "{{ticket.agent.name}}")
    [macro] = audit_library(export, "zendesk").macros
    assert sorted(u.text for u in macro.unmapped) == ["{{ticket.agent.name}}", "{{ticket.contact.name}}"]
    assert {u.how_sent for u in macro.unmapped} == {"empty"}
    assert macro.held_because is not None and "empty" in macro.held_because


@pytest.mark.parametrize(("dialect", "written", "whole"), [
    ("zendesk", "{ticket.requester.first_name}", "{{ticket.requester.first_name}}"),
    ("zendesk", "{ticket.requester.frist_name}", "{{ticket.requester.first_name}}"),
    ("freshdesk", "{ticket.requester.firstname}", "{{ticket.requester.firstname}}"),
    ("helpscout", "{customer.firstName}", "{%customer.firstName%}"),
])
def test_a_placeholder_in_single_braces_says_how_it_is_written_whole(dialect: str, written: str,
                                                                     whole: str) -> None:
    [blank] = [p for p in parse_body(f"Hi {written},", dialect, dialect) if isinstance(p, BlankPiece)]
    assert blank.original == written and blank.reason.endswith(f"did you mean {whole}?")


def test_a_team_fill_in_in_single_braces_gets_no_guess() -> None:
    [blank] = [p for p in parse_body("Your order {order number} left today.", "zendesk", "Zendesk")
               if isinstance(p, BlankPiece)]
    assert blank.reason == "fill-in written as {name}"


def test_the_import_note_of_a_single_brace_placeholder_names_zendesks_spelling(tmp_path: Path) -> None:
    export = _zendesk(tmp_path, "{ticket.requester.first_name}")
    [macro] = import_library(export, "zendesk").macros
    [blank] = macro.blanks.values()
    assert blank.reason.endswith("did you mean {{ticket.requester.first_name}}?")
