"""Placeholders written with a brace (or Help Scout's '%') missing, and a helpdesk field one slip away from a
known one: a located import note, a blank the audit holds the macro at 50 for, and a 'did you mean'."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from scriptkit import audit_library, import_library
from tests.conftest import run_cli

_TAIL = ", thanks for waiting. I have sent the parcel again today and it arrives by Friday."


def _zendesk(tmp_path: Path, *bodies: str) -> Path:
    path = tmp_path / "macros.json"
    macros = [{"id": 10 + i, "title": f"Reply {i}", "actions": [{"field": "comment_value", "value": body}]}
              for i, body in enumerate(bodies)]
    path.write_text(json.dumps({"macros": macros}, indent=1), encoding="utf-8")
    return path


@pytest.mark.timeout(60)
def test_a_closing_brace_missing_is_a_located_note_and_a_held_blank(tmp_path: Path) -> None:
    source = _zendesk(tmp_path, "Hello {{ticket.requester.first_name}" + _TAIL)
    result = run_cli("import", str(source), "-o", str(tmp_path / "pack"))
    assert result.exit_code == 0, result.output
    line = next(x for x in result.output.splitlines() if "'{{ticket.requester.first_name}' is a placeholder" in x)
    text = source.read_text(encoding="utf-8")
    at = text.index("{{ticket.requester.first_name}")
    assert f"{source}:{text.count(chr(10), 0, at) + 1}:" in line and "sends it as written" in line
    assert "{{ticket.requester.first_name}}" in line and "{{ customer.first_name }}" in line
    report = audit_library(source)
    macro = report.macros[0]
    assert [u.text for u in macro.unmapped] == ["{{ticket.requester.first_name}"]
    assert macro.overall == 50.0


@pytest.mark.timeout(60)
def test_an_opening_brace_missing_is_read_too(tmp_path: Path) -> None:
    source = _zendesk(tmp_path, "Hello {ticket.requester.first_name}}" + _TAIL)
    macro = import_library(source).macros[0]
    [blank] = macro.blanks.values()
    assert blank.original == "{ticket.requester.first_name}}"
    assert "did you mean {{ticket.requester.first_name}}?" in blank.reason
    assert any("is a placeholder with a brace missing" in note for note in macro.notes)


@pytest.mark.timeout(60)
def test_help_scout_percent_missing(tmp_path: Path) -> None:
    source = tmp_path / "replies.json"
    source.write_text(json.dumps([
        {"id": 4, "name": "Late", "text": "<p>Hello {%customer.firstName,fallback=there}" + _TAIL + "</p>"},
        {"id": 5, "name": "Offer", "text": "<p>I'm sorry. I have applied {%custom.discount,fallback=10% off%} "
                                          "to your order today.</p>"},
    ]), encoding="utf-8")
    library = import_library(source, "helpscout")
    late, offer = library.macros
    note = next(n for n in late.notes if "is a placeholder with '%' missing" in n)
    assert note.startswith(f"{source}:1:") and "write it {%customer.firstName,fallback=there%}" in note
    assert audit_library(source, "helpscout").macro(late.id).overall == 50.0
    # a fallback that holds a '%' is the placeholder's, not text
    assert not offer.blanks and "{{helpscout.custom_discount}}" in offer.text


@pytest.mark.timeout(60)
def test_a_field_one_slip_from_a_known_one_says_which(tmp_path: Path) -> None:
    source = _zendesk(tmp_path, "Hello {{ticket.requester.frist_name}}" + _TAIL,
                      "Hello {{ticket.organization.name}}" + _TAIL)
    result = run_cli("import", str(source), "-o", str(tmp_path / "pack"))
    assert result.exit_code == 0, result.output
    line = next(x for x in result.output.splitlines() if "{{ticket.requester.frist_name}} ->" in x)
    assert "did you mean {{ticket.requester.first_name}}?" in line
    assert "{{ticket.requester.frist_name}} -> {{ zendesk." not in result.output  # not a field of the team's own
    # a field no known one is near stays the team's own
    assert "{{ticket.organization.name}} -> {{ zendesk.ticket_organization_name }}" in result.output
