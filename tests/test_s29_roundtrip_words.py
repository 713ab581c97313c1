"""An imported library exported back to the same helpdesk keeps each fill-in marker the team wrote
(``XXXXXXX``, ``{customer_name}``, ``[date]``) as they wrote it, in plain text and in HTML (no ``<mark>``), and
a macro's description as it was; another helpdesk gets scriptkit's ``[[...]]`` marker. A blank's name keeps
every word of the marker ("brief"). A misspelt Zendesk placeholder, which Zendesk sent empty, comes back as a
marker on purpose (the customer read "Hi ," before)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.conftest import run_cli

_EMAIL = ("Hi {customer_name},\n\nYour email is now XXXXXXX.\n\nI’ve {brief description of fix}, and checked it "
          "twice.\n\nBest,\nxxxagentxxx")
_DELAY = "Sorry, your parcel is late because of [reason for the delay]. It arrives on [date]."
_HTML = "<p>Hi {customer_name},</p><p>Your order XXXXXXX ships today.</p>"


def _zendesk(tmp_path: Path) -> Path:
    path = tmp_path / "zendesk.json"
    path.write_text(json.dumps({"macros": [
        {"id": 101, "title": "Email changed", "active": True, "description": None,
         "actions": [{"field": "comment_value", "value": _EMAIL}]},
        {"id": 102, "title": "Parcel late", "active": True, "description": "Use when the courier is late.",
         "actions": [{"field": "comment_value", "value": _DELAY}]},
        {"id": 103, "title": "Refund sent", "active": True, "description": None,
         "actions": [{"field": "comment_value", "value": "Hi {{ticket.requestor.first_name}},\n\nYour refund is on "
                                                         "its way."}]},
        {"id": 104, "title": "Order ships", "active": True, "description": None,
         "actions": [{"field": "comment_value_html", "value": _HTML}]},
    ]}, indent=1), encoding="utf-8")
    return path


def _freshdesk(tmp_path: Path) -> Path:
    path = tmp_path / "freshdesk.json"
    path.write_text(json.dumps([
        {"id": 7, "title": "Order ships", "content": "Hi {customer_name},\n\nYour order XXXXXXX ships today.",
         "content_html": _HTML, "folder_id": 1, "visibility": 0},
    ], indent=1), encoding="utf-8")
    return path


def _import(source: Path, pack: Path) -> None:
    ran = run_cli("import", str(source), "-o", str(pack))
    assert ran.exit_code == 0, ran.output


def _export(pack: Path, target: str, out: Path) -> None:
    ran = run_cli("export", str(pack), "--to", target, "-o", str(out), "--force", "--grammar", "off")
    assert ran.exit_code == 0, ran.output


def _macros(out: Path) -> dict[str, dict[str, Any]]:
    found = json.loads((out / "zendesk" / "macros.json").read_text(encoding="utf-8"))["macros"]
    return {m["title"]: m for m in found}


def _body(macro: dict[str, Any]) -> tuple[str, str]:
    action = next(a for a in macro["actions"] if a["field"] in ("comment_value", "comment_value_html"))
    return action["field"], action["value"]


def _responses(out: Path) -> dict[str, dict[str, Any]]:
    found = json.loads((out / "freshdesk" / "canned_responses.json").read_text(encoding="utf-8"))
    items = found if isinstance(found, list) else next(v for v in found.values() if isinstance(v, list))
    return {r["title"]: r for r in items}


@pytest.mark.timeout(120)
def test_zendesk_fill_ins_go_back_to_zendesk_as_written(tmp_path: Path) -> None:
    _import(_zendesk(tmp_path), tmp_path / "pack")
    _export(tmp_path / "pack", "zendesk", tmp_path / "out")
    macros = _macros(tmp_path / "out")
    assert _body(macros["Email changed"]) == ("comment_value", _EMAIL)
    assert _body(macros["Parcel late"]) == ("comment_value", _DELAY)
    assert _body(macros["Order ships"]) == ("comment_value_html", _HTML)
    # the description as it was: none, or the team's own words without a 'Guidance: ' or 'Replace' line
    assert "description" not in macros["Email changed"]
    assert "description" not in macros["Order ships"]
    assert macros["Parcel late"]["description"] == "Use when the courier is late."
    # a misspelt placeholder, sent empty ("Hi ,"), comes back as a marker the agent fills in, and says why
    assert _body(macros["Refund sent"]) == ("comment_value", "Hi [[requester first name]],\n\nYour refund is on "
                                                             "its way.")
    assert "did you mean {{ticket.requester.first_name}}?" in macros["Refund sent"]["description"]


@pytest.mark.timeout(120)
def test_a_blank_name_keeps_every_word_of_the_marker(tmp_path: Path) -> None:
    _import(_zendesk(tmp_path), tmp_path / "pack")
    scripts = {doc["title"]: doc for doc in (yaml.safe_load(p.read_text(encoding="utf-8"))
                                             for p in (tmp_path / "pack" / "scripts").glob("*.yaml"))}
    names = [b["name"] for b in scripts["Email changed"]["flexibility"]["blanks"]]
    assert names == ["customer_name", "fill_in", "brief_description_of_fix", "agent"]
    assert [b["name"] for b in scripts["Parcel late"]["flexibility"]["blanks"]] == ["reason_for_the_delay", "date"]


@pytest.mark.timeout(120)
def test_another_helpdesk_gets_scriptkit_markers(tmp_path: Path) -> None:
    _import(_zendesk(tmp_path), tmp_path / "pack")
    _export(tmp_path / "pack", "freshdesk", tmp_path / "out")
    html = _responses(tmp_path / "out")["Email changed"]["content_html"]
    assert "<mark>[[customer name]]</mark>" in html and "<mark>[[brief description of fix]]</mark>" in html
    assert "XXXXXXX" not in html and "{customer_name}" not in html


@pytest.mark.timeout(120)
def test_freshdesk_fill_ins_go_back_to_freshdesk_as_written(tmp_path: Path) -> None:
    _import(_freshdesk(tmp_path), tmp_path / "pack")
    _export(tmp_path / "pack", "freshdesk", tmp_path / "out")
    assert _responses(tmp_path / "out")["Order ships"]["content_html"] == _HTML
    _export(tmp_path / "pack", "zendesk", tmp_path / "other")
    assert _body(_macros(tmp_path / "other")["Order ships"]) == (
        "comment_value_html", "<p>Hi <mark>[[customer name]]</mark>,</p><p>Your order <mark>[[fill in]]</mark> "
                              "ships today.</p>")


@pytest.mark.timeout(120)
def test_a_blank_markers_setting_that_is_no_mapping_is_named_at_its_line(tmp_path: Path) -> None:
    _import(_zendesk(tmp_path), tmp_path / "pack")
    script = next(p for p in (tmp_path / "pack" / "scripts").glob("*.yaml") if "Parcel late" in p.read_text("utf-8"))
    text = script.read_text(encoding="utf-8")
    start = text.index("    blank_markers:")
    end = text.index("\n", text.index("date:", start))
    script.write_text(text[:start] + "    blank_markers: [reason_for_the_delay]" + text[end:], encoding="utf-8")
    ran = run_cli("export", str(tmp_path / "pack"), "--to", "zendesk", "-o", str(tmp_path / "out"), "--grammar", "off")
    assert ran.exit_code == 2, ran.output  # (bad input, as check says: it was an SK506 finding, exit 1)
    line = text[:start].count("\n") + 1
    assert f"{script}:{line}:20: error: zendesk setting 'blank_markers' is not a mapping of blank names to marker " \
           "text" in ran.output
    assert not (tmp_path / "out").exists()
