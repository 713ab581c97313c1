"""A placeholder never closed (its closing braces, or Help Scout's '%}', left out or typed as a comma) in a
Freshdesk canned response, a Help Scout saved reply or a Zendesk macro: a located note with the whole spelling,
a blank the audit holds; a '{{' or '{%' in prose is text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from scriptkit import audit_library, import_library
from scriptkit.importers.dialects import broken_placeholders
from tests.conftest import run_cli

_TAIL = "</p><p>Thanks for waiting. I have sent the parcel again today and it arrives by Friday.</p>"


def _freshdesk(tmp_path: Path, *bodies: str) -> Path:
    path = tmp_path / "canned.json"
    path.write_text(json.dumps([{"id": 10 + i, "title": f"Reply {i}", "content_html": body}
                                for i, body in enumerate(bodies)], indent=1), encoding="utf-8")
    return path


def _helpscout(tmp_path: Path, *bodies: str) -> Path:
    path = tmp_path / "replies.json"
    path.write_text(json.dumps([{"id": 10 + i, "name": f"Reply {i}", "text": body}
                                for i, body in enumerate(bodies)], indent=1), encoding="utf-8")
    return path


@pytest.mark.timeout(60)
@pytest.mark.parametrize(("written", "whole", "name"), [
    ("{{ticket.requester.firstname", "{{ticket.requester.firstname}}", "customer.first_name"),
    ("{{ticket.requester.name", "{{ticket.requester.name}}", "customer.full_name"),
])
def test_freshdesk_placeholder_never_closed_is_a_located_note(tmp_path: Path, written: str, whole: str,
                                                              name: str) -> None:
    source = _freshdesk(tmp_path, f"<p>Hi {written}," + _TAIL)
    result = run_cli("import", "--from", "freshdesk", str(source), "-o", str(tmp_path / "pack"))
    assert result.exit_code == 0, result.output
    line = next(x for x in result.output.splitlines() if f"'{written}' is a placeholder" in x)
    assert f"{source}:5:" in line and "its closing braces missing" in line and "Freshdesk sends it as written" in line
    assert f"write it {whole} (in the script: {{{{ {name} }}}})" in line
    macro = import_library(source, "freshdesk").macros[0]
    [blank] = macro.blanks.values()
    assert blank.original == written and f"did you mean {whole}?" in blank.reason
    assert [u.text for u in audit_library(source, "freshdesk").macros[0].unmapped] == [written]


@pytest.mark.timeout(60)
def test_freshdesk_slip_in_an_unclosed_placeholder_says_the_right_name(tmp_path: Path) -> None:
    [(written, whole, _)] = broken_placeholders("Hi {{ticket.requester.frstname, sorry", "freshdesk")
    assert (written, whole) == ("{{ticket.requester.frstname", "{{ticket.requester.firstname}}")


@pytest.mark.timeout(60)
@pytest.mark.parametrize(("written", "whole", "missing"), [
    ("{%customer.firstName%", "{%customer.firstName%}", "its closing brace missing"),  # '}' typed as ','
    ("{%customer.firstName", "{%customer.firstName%}", "its closing '%}' missing"),
    ("{%customer.firstName,fallback=there", "{%customer.firstName,fallback=there%}", "its closing '%}' missing"),
])
def test_help_scout_placeholder_never_closed_is_a_located_note(tmp_path: Path, written: str, whole: str,
                                                               missing: str) -> None:
    source = _helpscout(tmp_path, f"<p>Hi {written}," + _TAIL)
    library = import_library(source, "helpscout")
    macro = library.macros[0]
    note = next(n for n in macro.notes if f"{written!r} is a placeholder" in n)
    assert note.startswith(f"{source}:5:") and missing in note and f"write it {whole} " in note
    assert "{{ customer.first_name }}" in note
    [blank] = macro.blanks.values()
    assert blank.original == written
    assert audit_library(source, "helpscout").macros[0].overall == 50.0


@pytest.mark.timeout(60)
def test_zendesk_placeholder_never_closed_is_read_too(tmp_path: Path) -> None:
    path = tmp_path / "macros.json"
    path.write_text(json.dumps({"macros": [{"id": 1, "title": "Late", "actions": [
        {"field": "comment_value", "value": "Hi {{ticket.requester.first_name, thanks for waiting. I sent it."}]}]}),
        encoding="utf-8")
    [blank] = import_library(path).macros[0].blanks.values()
    assert blank.original == "{{ticket.requester.first_name"
    assert "did you mean {{ticket.requester.first_name}}?" in blank.reason


@pytest.mark.timeout(60)
def test_a_literal_opener_in_prose_is_text(tmp_path: Path) -> None:
    fd = _freshdesk(tmp_path, "<p>Hi {{ticket.requester.firstname}},</p><p>Type {{ in the box, or {{name to "
                              "start a block. {{ticket.requester.firstname | upcase is not a thing." + _TAIL)
    macro = import_library(fd, "freshdesk").macros[0]
    assert not macro.blanks and not [n for n in macro.notes if "is a placeholder" in n]
    hs = _helpscout(tmp_path, "<p>Hi {%customer.firstName,fallback=there%},</p><p>Use {% in a template, or "
                              "{%note to start one. A 50 {% discount, and {%custom.code,fallback=10% off%} today."
                              + _TAIL)
    macro = import_library(hs, "helpscout").macros[0]
    assert not macro.blanks and not [n for n in macro.notes if "is a placeholder" in n]


@pytest.mark.timeout(60)
@pytest.mark.parametrize("text", ["{{" + "a." * 25000, "{{ticket.requester.firstname " * 1500, "{%a" * 16000,
                                  "{%customer.firstName,fallback=" + " " * 50000, "{{ " + " " * 50000 + "x"])
@pytest.mark.parametrize("dialect", ["freshdesk", "helpscout", "generic"])
def test_adversarial_openers_are_read(text: str, dialect: str) -> None:
    found = broken_placeholders(text, dialect)
    assert all(written in text for written, _, _ in found)
