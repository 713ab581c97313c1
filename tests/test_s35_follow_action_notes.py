"""The import note for a Zendesk or Gorgias macro's other actions says what becomes of them in each export: back to
that helpdesk verbatim, to the other one the priority, subject and tag removal in its own terms, and SK511 names
the rest."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from click.testing import CliRunner

from scriptkit.cli import main

ZENDESK = {"macros": [{
    "id": 51, "title": "Refund sent",
    "actions": [
        {"field": "comment_value", "value": "Hi there, I'm sorry about the double charge. I refunded it this morning."},
        {"field": "priority", "value": "high"},
        {"field": "group_id", "value": "77"},
    ],
}]}
GORGIAS = {"data": [{
    "id": 52, "name": "Refund sent", "language": "en",
    "actions": [
        {"name": "setResponseText", "title": "Response text", "type": "user",
         "arguments": {"body_text": "Hi there, I'm sorry about the double charge. I refunded it this morning."}},
        {"name": "setPriority", "title": "Priority", "type": "user", "arguments": {"priority": "high"}},
        {"name": "setTeamAssignee", "title": "Team", "type": "user", "arguments": {"assignee_team": {"id": 3}}},
    ],
}]}


def run(*args: str) -> Any:
    return CliRunner().invoke(main, list(args), env={"NO_COLOR": "1", "COLUMNS": "200"})


def _imported(tmp_path: Path, helpdesk: str, data: object) -> str:
    source = tmp_path / "library.json"
    source.write_text(json.dumps(data), encoding="utf-8")
    result = run("import", str(source), "--from", helpdesk, "-o", str(tmp_path / "pack"))
    assert result.exit_code == 0, result.output
    return " ".join("".join(p.read_text(encoding="utf-8") for p in (tmp_path / "pack").rglob("*.yaml")).split())


def test_zendesk_note_says_where_its_actions_go(tmp_path: Path) -> None:
    text = _imported(tmp_path, "zendesk", ZENDESK)
    assert "kept in its 'actions' setting and exported back to Zendesk with them; an export to Gorgias writes " \
           "a priority (low, normal or high), a subject or removed tags its own way, one to Front a subject, and " \
           "SK511 names the rest" in text
    # and so it is: Gorgias sets the priority, and SK511 names the group
    result = run("export", str(tmp_path / "pack"), "--to", "gorgias", "--out", str(tmp_path / "out"))
    assert "SK511" in result.output and "group_id" in result.output and "priority" not in result.output
    macro = json.loads(next((tmp_path / "out" / "gorgias" / "macros").glob("*.json")).read_text(encoding="utf-8"))
    assert {"name": "setPriority", "title": "Set priority", "type": "user",
            "arguments": {"priority": "high"}} in macro["actions"]


def test_gorgias_note_says_where_its_actions_go(tmp_path: Path) -> None:
    text = _imported(tmp_path, "gorgias", GORGIAS)
    assert "kept in its 'actions' setting and exported back to Gorgias with them; an export to Zendesk writes " \
           "a priority (low, normal or high), a subject or removed tags its own way, one to Front a subject, and " \
           "SK511 names the rest" in text
