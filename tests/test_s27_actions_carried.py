"""A Zendesk or Gorgias macro's actions scriptkit does not model survive import -> export (the 'actions'
setting), Zendesk's set_tags stays a replace ('replace_tags'), and a wrong 'actions'
setting is refused (SK512, exit 2)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from click.testing import CliRunner

from scriptkit.cli import main

ZENDESK_OTHERS = [
    {"field": "subject", "value": "Your refund"},
    {"field": "group_id", "value": "360004471"},
    {"field": "priority", "value": "high"},
    {"field": "custom_fields_360011223", "value": "refund_requested"},
]
ZENDESK = {"macros": [{
    "id": 360200300, "title": "Billing::Refund on its way", "active": True, "position": 4,
    "actions": [
        {"field": "comment_value_html", "value": "<p>Hi {{ticket.requester.first_name}}, I'm sorry for the "
                                                 "double charge. I've refunded it today.</p>"},
        {"field": "comment_mode_is_public", "value": "true"},
        {"field": "set_tags", "value": "refund billing"},
        *ZENDESK_OTHERS,
    ],
}]}
GORGIAS_OTHERS = [
    {"name": "setSubject", "title": "Set subject", "type": "user", "arguments": {"subject": "Your refund"}},
    {"name": "setPriority", "title": "prio", "type": "user", "arguments": {"priority": "high"}},
    {"name": "setTeamAssignee", "title": "Team", "type": "user", "arguments": {"assignee_team": {"id": 12}}},
    {"name": "http", "title": "Notify ERP", "type": "user",
     "arguments": {"method": "POST", "url": "https://erp.example.com/hook", "headers": [], "params": [],
                   "json": {"ticket": "{{ticket.id}}"}}},
]
GORGIAS = {"data": [{
    "id": 9001, "name": "Refund on its way", "language": "en",
    "actions": [
        {"name": "setResponseText", "title": "Response text", "type": "user",
         "arguments": {"body_text": "Hi {{ticket.customer.firstname}}, I'm sorry for the double charge. "
                                    "I've refunded it today."}},
        *GORGIAS_OTHERS,
        {"name": "addTags", "title": "Add tags", "type": "user", "arguments": {"tags": "refund"}},
    ],
}]}


def run(*args: str) -> Any:
    return CliRunner().invoke(main, list(args), env={"NO_COLOR": "1", "COLUMNS": "200"})


def round_trip(tmp_path: Path, target: str, data: object) -> tuple[str, list[dict[str, Any]]]:
    """Import ``data`` from ``target``, export it back: the import's output and the macros written."""
    source = tmp_path / "library.json"
    source.write_text(json.dumps(data, indent=2), encoding="utf-8")
    imported = run("import", str(source), "--from", target, "-o", str(tmp_path / "pack"))
    assert imported.exit_code == 0, imported.output
    exported = run("export", str(tmp_path / "pack"), "--to", target, "--force", "--out", str(tmp_path / "out"))
    assert exported.exit_code == 0, exported.output
    macros = [json.loads(p.read_text(encoding="utf-8")) for p in (tmp_path / "out" / target / "macros").glob("*.json")]
    return imported.output + "".join(p.read_text(encoding="utf-8") for p in (tmp_path / "pack").rglob("*.yaml")), \
        macros


def test_zendesk_other_actions_and_set_tags_survive_the_round_trip(tmp_path: Path) -> None:
    text, macros = round_trip(tmp_path, "zendesk", ZENDESK)
    assert len(macros) == 1
    actions = macros[0]["macro"]["actions"]
    assert actions[-len(ZENDESK_OTHERS):] == ZENDESK_OTHERS  # verbatim, after scriptkit's own
    tags = [a for a in actions if a["field"] in ("set_tags", "current_tags")]
    assert tags == [{"field": "set_tags", "value": "refund billing"}]  # still replaces the ticket's tags
    assert "kept in its 'actions' setting and exported back to " in text
    assert "add them to the macro again" not in text


def test_gorgias_other_actions_survive_the_round_trip(tmp_path: Path) -> None:
    text, macros = round_trip(tmp_path, "gorgias", GORGIAS)
    assert len(macros) == 1
    actions = macros[0]["actions"]
    assert [a["name"] for a in actions[:2]] == ["setResponseText", "addTags"]
    assert actions[-len(GORGIAS_OTHERS):] == GORGIAS_OTHERS
    assert "kept in its 'actions' setting and exported back to " in text
    assert "add them to the macro again" not in text


def _pack(tmp_path: Path, block: str) -> Path:
    root = tmp_path / "pack"
    (root / "scripts").mkdir(parents=True)
    (root / "pack.yaml").write_text("name: Billing\n", encoding="utf-8")
    (root / "scripts" / "refund.yaml").write_text(
        "id: refund\ntitle: Refund\nacknowledgment: I'm sorry for the double charge.\n"
        "solution: I've refunded it today.\n"
        f"export:\n{block}", encoding="utf-8")
    return root


def test_zendesk_actions_setting_that_scriptkit_writes_itself_is_refused_naming_the_setting(tmp_path: Path) -> None:
    pack = _pack(tmp_path, "  zendesk:\n    actions:\n      - {field: status, value: solved}\n")
    result = run("export", str(pack), "--to", "zendesk", "--out", str(tmp_path / "out"))
    assert result.exit_code == 2 and "Traceback" not in result.output, result.output  # bad input, as check says
    assert "'status' setting" in result.output
    assert "refund.yaml:8:7: error: zendesk setting 'actions'" in result.output  # at the action
    assert not (tmp_path / "out" / "zendesk").exists()


def test_zendesk_actions_setting_not_a_list_of_field_value_objects_is_refused(tmp_path: Path) -> None:
    pack = _pack(tmp_path, "  zendesk:\n    replace_tags: yes please\n    actions:\n      - priority high\n")
    result = run("export", str(pack), "--to", "zendesk", "--out", str(tmp_path / "out"))
    assert result.exit_code == 2 and "Traceback" not in result.output, result.output  # bad input, as check says
    assert "is not a {field, value} object" in result.output and "'replace_tags' must be true or false" in \
        result.output


def test_gorgias_actions_setting_with_set_response_text_is_refused(tmp_path: Path) -> None:
    pack = _pack(tmp_path, "  gorgias:\n    actions:\n      - {name: addTags, arguments: {tags: x}}\n"
                           "      - {title: no name}\n")
    result = run("export", str(pack), "--to", "gorgias", "--out", str(tmp_path / "out"))
    assert result.exit_code == 2 and "Traceback" not in result.output, result.output  # bad input, as check says
    assert "addTags, which scriptkit writes itself" in result.output and "'tags' setting" in result.output
    assert "action 2" in result.output and "not an action object with a name" in result.output
