"""Zendesk, Freshdesk, Help Scout and Gorgias exports as the vendors' APIs return them, awkward but
legal (HTML bodies, unicode, empty fields, extra vendor fields, ids as text): import, check and
export back keep what the pack can hold, and a second round changes nothing. A broken file is
named at file:line:col with exit code 2, and no pack is written."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from scriptkit.cli import main

ZENDESK = {"macros": [
    {"id": "360100200", "url": "https://tidewater.zendesk.com/api/v2/macros/360100200.json",
     "title": "Retours::Colis abîmé", "raw_title": "Retours::Colis abîmé", "active": True, "position": 3,
     "default": False, "created_at": "2025-02-03T10:00:00Z", "description": None,
     "actions": [
         {"field": "comment_value_html",
          "value": "<p>Bonjour {% if ticket.requester.first_name != blank %}{{ticket.requester.first_name}}"
                   "{% else %}à vous{% endif %},</p><p>Je suis vraiment désolé que votre colis soit arrivé abîmé "
                   "— c'est frustrant.</p><p>J'ai envoyé un remplacement aujourd'hui &amp; il arrive sous "
                   "3 jours. Ticket #{{ticket.id}}.</p><p>{{current_user.first_name}}</p>"},
         {"field": "comment_mode_is_public", "value": True},
         {"field": "status", "value": "pending"},
         {"field": "current_tags", "value": "retours  colis_abime"}],
     "restriction": {"type": "Group", "id": 360011, "ids": [360011, "360012"]}},
    {"id": 2, "title": "Internal::Escalate", "active": False, "restriction": None,
     "actions": [{"field": "comment_value", "value": ["channel:all", "Escalate to Tier 2 within the hour."]},
                 {"field": "comment_mode_is_public", "value": "false"}]},
]}

FRESHDESK = [
    {"id": "71", "title": "Delayed order – apology", "folder_id": "12", "visibility": 0, "group_ids": [],
     "content_html": "<div>Hi {{ticket.requester.firstname}},</div><div><br></div><div>I'm so sorry your order "
                     "is late. I've chased the courier and it will arrive by Friday.</div><div>— "
                     "{{ticket.agent.name}}</div>",
     "content": "Hi {{ticket.requester.firstname}},\n\nI'm so sorry your order is late.", "attachments": [],
     "created_at": "2024-11-01T00:00:00Z", "updated_at": "2024-11-02T00:00:00Z"},
    {"id": 72, "title": "Grupo: reembolso", "folder_id": 13, "visibility": "2", "group_ids": ["5", 6],
     "content_html": "<p>Hola {% if ticket.requester.firstname != blank %}{{ticket.requester.firstname}}"
                     "{% else %}cliente{% endif %}, siento mucho el cobro doble. Ya lo he reembolsado hoy.</p>"},
    {"id": 73, "title": "Mine only", "visibility": 1, "folder_id": None, "content_html": "",
     "content": "Thanks for waiting. I've reset your password today; use the link in the email."},
]

HELPSCOUT = {"_embedded": {"saved-replies": [
    {"id": 9001, "name": "Billing / Charged twice",
     "text": "Bonjour {%customer.firstName,fallback=mon ami &amp; co%},<br /><br />I'm sorry about the double "
             "charge 😟. I've refunded it today.<br /><br />{%user.firstName%}",
     "chatText": "Hi {%customer.firstName,fallback=%}! Sorry about the double charge. Refunded today."},
    {"id": "9002", "name": "Shipping", "text": "",
     "chatText": "Your parcel ships today. Thanks for your patience, {%customer.fullName%}!"},
    {"id": 9003, "name": "Extra fields", "text": "<p>We've fixed it today.</p>", "chatText": None,
     "mailboxId": 5, "createdAt": "2025-01-01T00:00:00Z"},
]}}

GORGIAS = {"data": [
    {"id": 501, "name": "Where is my order", "language": "FR", "intent": "shipping/status", "external_id": None,
     "usage": 12, "created_datetime": "2024-01-01T00:00:00", "archived_datetime": None,
     "actions": [
         {"name": "setResponseText", "title": "Response text", "type": "user",
          "arguments": {"body_html": "<div>Bonjour {{ticket.customer.firstname|default(\"à vous\")}},</div>"
                                     "<div>Votre commande part aujourd'hui.</div>", "body_text": ""}},
         {"name": "addTags", "title": "Add tags", "type": "user", "arguments": {"tags": "shipping,  wismo"}},
         {"name": "setStatus", "title": "Set status", "type": "user", "arguments": {"status": "closed"}}]},
    {"id": "502", "name": "Refund done", "language": "en", "external_id": "scriptkit:refund-done",
     "actions": [{"name": "setResponseText", "title": "Response text", "type": "user",
                  "arguments": {"body_html": "<p>Hi {{ticket.customer.firstname}},</p><p>I've refunded it today.</p>",
                                "body_text": "Hi {{ticket.customer.firstname}},\n\nI've refunded it today."}}]},
]}

EXPORTS: dict[str, tuple[object, str]] = {
    "zendesk": (ZENDESK, "macros"), "freshdesk": (FRESHDESK, "canned_responses"),
    "helpscout": (HELPSCOUT, "saved_replies"), "gorgias": (GORGIAS, "macros"),
}


def run(*args: str) -> Any:
    return CliRunner().invoke(main, [*args, "--grammar", "off"] if args[0] == "check" else list(args),
                              env={"NO_COLOR": "1", "COLUMNS": "200"})


def round_trip(tmp_path: Path, target: str, data: object, name: str = "first") -> tuple[Path, dict[str, Any]]:
    """Import ``data`` as ``target``'s export, check the pack, export it back; the records by file stem."""
    source = tmp_path / f"{name}.json"
    source.write_text(json.dumps(data, indent=2, ensure_ascii=False), encoding="utf-8")
    imported = run("import", str(source), "--from", target, "-o", str(tmp_path / f"{name}-pack"))
    assert imported.exit_code == 0, imported.output
    checked = run("check", str(tmp_path / f"{name}-pack"))
    assert checked.exit_code in (0, 1) and "Traceback" not in checked.output, checked.output  # findings, no bad input
    exported = run("export", str(tmp_path / f"{name}-pack"), "--to", target, "--force",
                   "--out", str(tmp_path / f"{name}-out"))
    assert exported.exit_code == 0, exported.output
    folder = tmp_path / f"{name}-out" / target / EXPORTS[target][1]
    return tmp_path / f"{name}-out", {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in folder.glob("*.json")}


def test_zendesk_macros_keep_restriction_status_tags_and_internal_note(tmp_path: Path) -> None:
    _, out = round_trip(tmp_path, "zendesk", ZENDESK)
    returns, note = out["retours-colis-abime"]["macro"], out["internal-escalate"]["macro"]
    actions = {a["field"]: a["value"] for a in returns["actions"]}
    assert returns["title"] == "Retours::Colis abîmé" and returns["active"] is True
    assert returns["restriction"] == {"type": "Group", "ids": [360011, 360012]}  # the id written as text, a number
    assert (actions["status"], actions["current_tags"], actions["comment_mode_is_public"]) == (
        "pending", "retours colis_abime", "true")
    body = actions["comment_value_html"]
    assert "{% else %}à vous{% endif %}" in body and "— c'est frustrant" in body and "&amp; il arrive" in body
    assert "#{{ticket.id}}" in body and "{{current_user.first_name}}" in body
    note_actions = {a["field"]: a["value"] for a in note["actions"]}
    assert note_actions["comment_mode_is_public"] == "false" and note["active"] is False  # still an internal note
    assert note_actions["comment_value"] == "Escalate to Tier 2 within the hour."  # (plain text, as it was)
    assert "restriction" not in note  # null: every agent, as before


def test_freshdesk_responses_keep_folder_visibility_and_groups(tmp_path: Path) -> None:
    _, out = round_trip(tmp_path, "freshdesk", FRESHDESK)
    delayed, groups, mine = out["delayed-order-apology"], out["grupo-reembolso"], out["mine-only"]
    assert (delayed["visibility"], delayed["folder_id"], delayed["title"]) == (0, 12, "Delayed order – apology")
    assert (groups["visibility"], groups["folder_id"], groups["group_ids"]) == (2, 13, [5, 6])
    assert mine == {"title": "Mine only", "visibility": 1, "id": 73,
                    "content_html": "<p>Thanks for waiting. I've reset your password today; use the link in the "
                                    "email.</p>"}  # the plain content, when content_html is empty
    assert "{% else %}cliente{% endif %}" in groups["content_html"]
    assert "— {{ticket.agent.name}}" in delayed["content_html"]


def test_helpscout_replies_keep_fallbacks_and_their_own_chat_version(tmp_path: Path) -> None:
    _, out = round_trip(tmp_path, "helpscout", HELPSCOUT)
    billing, shipping, extra = out["billing-charged-twice"], out["shipping"], out["extra-fields"]
    assert "{%customer.firstName,fallback=mon ami &amp; co%}" in billing["text"] and "😟" in billing["text"]
    assert billing["chatText"] == "Hi {%customer.firstName,fallback=%}! Sorry about the double charge. Refunded today."
    assert shipping["chatText"] == "Your parcel ships today. Thanks for your patience, {%customer.fullName%}!"
    assert shipping["text"] == ""  # a chat-only saved reply stays chat-only
    assert extra == {"name": "Extra fields", "text": "<p>We've fixed it today.</p>", "id": 9003,
                     "chatText": "We've fixed it today."}  # chatText null: the email text, plain


def test_gorgias_macros_keep_language_intent_status_tags_and_ids(tmp_path: Path) -> None:
    _, out = round_trip(tmp_path, "gorgias", GORGIAS)
    order, refund = out["where-is-my-order"], out["refund-done"]
    assert (order["language"], order["intent"], order["external_id"]) == ("fr", "shipping/status",
                                                                         "scriptkit:where-is-my-order")
    by_name = {a["name"]: a["arguments"] for a in order["actions"]}
    assert by_name["addTags"] == {"tags": "shipping, wismo"} and by_name["setStatus"] == {"status": "closed"}
    # an empty body_text: the HTML read; the |default fallback written back as it was
    assert by_name["setResponseText"]["body_text"] == ("Bonjour {{ticket.customer.firstname|default(\"à vous\")}},"
                                                       "\n\nVotre commande part aujourd'hui.")
    assert refund["external_id"] == "scriptkit:refund-done" and refund["language"] == "en"


@pytest.mark.parametrize("target", sorted(EXPORTS))
def test_a_second_round_trip_changes_nothing(tmp_path: Path, target: str) -> None:
    first_out, first = round_trip(tmp_path, target, EXPORTS[target][0])
    bundle = json.loads((first_out / target / f"{EXPORTS[target][1]}.json").read_text(encoding="utf-8"))
    _, second = round_trip(tmp_path, target, bundle, name="second")
    assert second == first


# ---------------------------------------------------------------- broken files

BROKEN: list[tuple[str, str, str]] = [
    ("zendesk", '{"macros": [\n  {"id": 1, "title": "A",\n   "actions": [{"field": "comment_value", "value": "Hi"]\n}',
     "3:56: error: Zendesk export is not valid JSON"),
    ("zendesk", '{"macros": [\n {"id": 1, "title": "Late", "actions": {"field": "status"}}\n]}',
     "2:22: error: macro 1 'Late': 'actions' should be a list"),
    ("freshdesk", '[{"id": 1, "title": "Abc", "content_html": "<p>Hi</p>", "visibility": 0,}]',
     "1:72: error: Freshdesk export is not valid JSON: a comma after the last item"),  # (at the comma)
    ("freshdesk", '[\n  {"id": 1, "title": "Late", "content_html": "<p>Sorry.</p>", "group_ids": "5"}\n]',
     "2:23: error: canned response 1 'Late': 'group_ids' should be a list of group ids"),
    ("helpscout", '{"_embedded": {"saved-replies": [{"id": 1, "name": "X", "text": 5}]}}',
     "1:53: error: saved reply 1 'X': 'text' should be text but is a number"),
    ("gorgias", '{"data": [{"id": 1, "name": "X", "actions": "setResponseText"}]}',
     "1:30: error: macro 1 'X': 'actions' should be a list"),
    ("gorgias", '{"data": [{"id": 1, "name": "X", "actions": [{"name": "setResponseText", "arguments": "Hi"}]}]}',
     "1:30: error: macro 1 'X': an action has no 'arguments' object"),
]


@pytest.mark.parametrize(("target", "text", "said"), BROKEN)
def test_a_broken_export_is_located_with_exit_2_and_writes_nothing(tmp_path: Path, target: str, text: str,
                                                                    said: str) -> None:
    source = tmp_path / "broken.json"
    source.write_text(text, encoding="utf-8")
    result = run("import", str(source), "--from", target, "-o", str(tmp_path / "pack"))
    assert result.exit_code == 2, result.output
    assert f"{source}:{said}" in result.output, result.output
    assert "Traceback" not in result.output and "bug in scriptkit" not in result.output
    assert not (tmp_path / "pack").exists()


def test_gorgias_arguments_as_json_text_or_null_on_an_action_not_read(tmp_path: Path) -> None:
    # Gorgias's older API description types an action's `arguments` as a string (JSON text)
    macro = {"id": 9, "name": "Old export", "language": "en", "actions": [
        {"name": "setResponseText", "title": "Response text", "type": "user",
         "arguments": json.dumps({"body_html": "<p>I've reshipped it today.</p>",
                                  "body_text": "I've reshipped it today."})},
        {"name": "addTags", "title": "Add tags", "type": "user", "arguments": "{\"tags\": \"reship\"}"},
        {"name": "snoozeTicket", "title": "Snooze", "type": "user", "arguments": None}]}
    source = tmp_path / "old.json"
    source.write_text(json.dumps([macro]), encoding="utf-8")
    imported = run("import", str(source), "--from", "gorgias", "-o", str(tmp_path / "pack"))
    assert imported.exit_code == 0, imported.output
    assert "its other action(s) in Gorgias (snoozeTicket) are not in the pack" in imported.output
    _, out = round_trip(tmp_path, "gorgias", [macro], name="again")
    by_name = {a["name"]: a["arguments"] for a in out["old-export"]["actions"]}
    assert by_name == {"setResponseText": {"body_html": "<p>I've reshipped it today.</p>",
                                           "body_text": "I've reshipped it today."},
                       "addTags": {"tags": "reship"}, "snoozeTicket": None}  # (carried: the 'actions' setting)


def test_a_zendesk_group_restriction_with_an_empty_ids_keeps_its_id(tmp_path: Path) -> None:
    macro = {"id": 4, "title": "Billing::Refund", "restriction": {"type": "Group", "id": 360077, "ids": []},
             "actions": [{"field": "comment_value", "value": "I've refunded you today."}]}
    _, out = round_trip(tmp_path, "zendesk", [macro])
    assert out["billing-refund"]["macro"]["restriction"] == {"type": "Group", "ids": [360077]}
