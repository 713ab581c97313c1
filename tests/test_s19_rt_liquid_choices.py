"""Liquid a helpdesk uses to choose the customer's words keeps those words through import: a filter that
changes only the case ('| capitalize') is left out of the placeholder, not made a blank; a greeting by name
with other words where there is none ('Hi {{x}}' / 'Hello') is the placeholder with a fallback; text sent
only on a condition ('ticket.priority == "Urgent"') is left out of the reply and kept as the agent's
condition. Each is said in the notes at file:line:col of the export."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from scriptkit import export, import_library


def _zendesk(path: Path, body: str) -> Path:
    path.write_text(json.dumps({"macros": [{"id": 41, "title": "Parcel late", "actions": [
        {"field": "comment_value", "value": body}]}]}, indent=1), encoding="utf-8")
    return path


def _freshdesk(path: Path, html: str) -> Path:
    path.write_text(json.dumps([{"id": 9, "title": "Parcel late", "folder_id": 3, "visibility": 0,
                                 "content_html": html}], indent=1), encoding="utf-8")
    return path


def _where(path: Path, spelled: str) -> str:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if spelled in line:
            return f"{path}:{number}:{line.index(spelled) + 1}"
    raise AssertionError(spelled)


def _script(pack: Path) -> dict[str, Any]:
    (file,) = (pack / "scripts").glob("*.yaml")
    loaded: dict[str, Any] = yaml.safe_load(file.read_text(encoding="utf-8"))
    return loaded


@pytest.mark.timeout(60)
def test_a_case_filter_is_left_out_of_the_placeholder_and_named(tmp_path: Path) -> None:
    source = _zendesk(tmp_path / "macros.json", "Hi {{ticket.requester.first_name | capitalize}}, I'm sorry the "
                      "parcel is late. I've sent a new one today.")
    library = import_library(source)
    (macro,) = library.macros
    assert not macro.blanks
    spelled = "{{ticket.requester.first_name | capitalize}}"
    assert any(note.startswith(f"{_where(source, spelled)}: '{spelled}' changes only the letters' case "
                               "(| capitalize)") for note in macro.notes)
    pack = library.write(tmp_path / "pack")
    assert _script(pack)["solution"].startswith("Hi {{ customer.first_name }}, I'm sorry")
    export(pack, "zendesk", tmp_path / "out", lint=False)
    (written,) = json.loads((tmp_path / "out" / "zendesk" / "macros.json").read_text(encoding="utf-8"))["macros"]
    body = next(a["value"] for a in written["actions"] if a["field"].startswith("comment_value"))
    assert "Hi {{ticket.requester.first_name}}, I'm sorry the parcel is late." in body


@pytest.mark.timeout(60)
def test_freshdesk_filters_and_a_fallback_after_them(tmp_path: Path) -> None:
    source = _freshdesk(tmp_path / "canned.json", "<p>Hi {{ticket.requester.firstname | capitalize}} and "
                        "{{ticket.agent.firstname | default: \"the team\" | upcase}},</p><p>I'm sorry it is late: "
                        "I've sent a new one today.</p>")
    (macro,) = import_library(source).macros
    assert not macro.blanks
    assert macro.text.startswith("Hi {{customer.first_name}} and {{agent.first_name}},")
    fallbacks = [p.fallback for p in macro.pieces if hasattr(p, "fallback")]
    assert fallbacks == [None, "THE TEAM"]  # (the fallback as the customer read it)
    assert sum("changes only the letters' case" in note for note in macro.notes) == 2


@pytest.mark.timeout(60)
@pytest.mark.parametrize("helpdesk", ["freshdesk", "zendesk"])
def test_a_greeting_with_other_words_without_the_name_is_the_placeholder(tmp_path: Path, helpdesk: str) -> None:
    if helpdesk == "freshdesk":
        logic = ("{% if ticket.requester.firstname != blank %}Hi {{ticket.requester.firstname}}{% else %}Hello"
                 "{% endif %}")
        source = _freshdesk(tmp_path / "canned.json", f"<p>{logic},</p><p>I'm sorry the parcel is late. I've "
                                                      "sent a new one today.</p>")
    else:
        logic = "{% if ticket.requester.first_name %}Hi {{ticket.requester.first_name}}{% else %}Hello{% endif %}"
        source = _zendesk(tmp_path / "macros.json", f"{logic},\n\nI'm sorry the parcel is late. I've sent a new "
                                                    "one today.")
    library = import_library(source)
    (macro,) = library.macros
    assert not macro.blanks
    assert any(note.startswith(f"{_where(source, logic)}: {logic!r} ") and "'Hello'" in note
               and "reads 'Hi there' where the name is empty" in note for note in macro.notes)
    pack = library.write(tmp_path / "pack")
    assert _script(pack)["solution"].startswith('Hi {{ customer.first_name | fallback("there") }},\n\nI\'m sorry')


@pytest.mark.timeout(60)
def test_the_exact_greeting_idiom_with_a_case_filter_keeps_its_fallback(tmp_path: Path) -> None:
    logic = ("{% if ticket.requester.firstname != blank %}Hi {{ ticket.requester.firstname | capitalize }}"
             "{% else %}Hi friend{% endif %}")
    source = _freshdesk(tmp_path / "canned.json", f"<p>{logic},</p><p>I'm sorry it is late: I've sent a new one "
                                                  "today.</p>")
    (macro,) = import_library(source).macros
    assert not macro.blanks
    (name,) = [p for p in macro.pieces if hasattr(p, "fallback")]
    assert name.fallback == "friend"
    assert not any("greets the customer by name" in note for note in macro.notes)  # (the same words without it)
    assert any("changes only the letters' case" in note for note in macro.notes)


@pytest.mark.timeout(60)
def test_text_sent_on_a_condition_becomes_the_agents_condition(tmp_path: Path) -> None:
    logic = "{% if ticket.priority == 'Urgent' %}We are treating it as urgent.{% endif %}"
    source = _freshdesk(tmp_path / "canned.json", f"<p>Hi there,</p><p>Your ticket is open. {logic} I'll update "
                                                  "you by Friday.</p>")
    library = import_library(source)
    (macro,) = library.macros
    assert not macro.blanks
    assert "Your ticket is open. I'll update you by Friday." in macro.text
    located = _where(source, logic.replace("'", "\\u0027") if "\\u0027" in source.read_text() else logic)
    assert any(note.startswith(f"{located}: ") and "only where ticket.priority == 'Urgent'" in note
               for note in macro.notes)
    flexibility = _script(library.write(tmp_path / "pack"))["flexibility"]
    assert flexibility["conditions"] == [{"when": "in Freshdesk, ticket.priority == 'Urgent'",
                                          "text": "We are treating it as urgent."}]
