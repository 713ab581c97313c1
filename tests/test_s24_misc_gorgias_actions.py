"""A Gorgias macro's action the pack does not keep is named by what it does (its name and arguments), as the
Zendesk note names one ("priority 'low'"), not by its title, free text a writer chose ("prio")."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from scriptkit.cli import main

REPLY = {"name": "setResponseText", "title": "Response text", "type": "user",
         "arguments": {"body_html": "<p>I've sent a new label today.</p>", "body_text": "I've sent a new label today."}}


def _imported(tmp_path: Path, *actions: dict[str, Any]) -> str:
    source = tmp_path / "gorgias.json"
    source.write_text(json.dumps({"data": [{"id": 503, "name": "Returns", "language": "en",
                                            "actions": [REPLY, *actions]}]}), encoding="utf-8")
    result = CliRunner().invoke(main, ["import", str(source), "--from", "gorgias", "-o", str(tmp_path / "pack")],
                                env={"NO_COLOR": "1"})
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    return result.output


@pytest.mark.parametrize(("action", "named"), [
    ({"name": "setPriority", "title": "prio", "type": "user", "arguments": {"priority": "high"}},
     "setPriority 'high'"),
    # arguments as JSON text (Gorgias's older API), or null (snoozeTicket's may be)
    ({"name": "setSubject", "title": "subj", "type": "user", "arguments": "{\"subject\": \"Your return\"}"},
     "setSubject 'Your return'"),
    ({"name": "snoozeTicket", "title": "Snooze", "type": "user", "arguments": None}, "snoozeTicket"),
    # a user's {id, name}: its name; several arguments: each named; a list or object (headers): left out
    ({"name": "setAssignee", "title": "me", "type": "user", "arguments": {"assignee_user": {"id": 7, "name": "Priya"}}},
     "setAssignee 'Priya'"),
    ({"name": "http", "title": "ping", "type": "user",
      "arguments": {"method": "POST", "url": "https://hooks.example.com/returns", "headers": [{"k": "v"}]}},
     "http method='POST', url='https://hooks.example.com/returns'"),
])
def test_an_action_left_out_is_named_by_what_it_does(tmp_path: Path, action: dict[str, Any], named: str) -> None:
    output = _imported(tmp_path, action)
    assert f"its other action(s) in Gorgias ({named}) are not in the pack" in output, output
    title = action["title"]
    assert f"({title})" not in output and f"'{title}'" not in output
    script = (tmp_path / "pack" / "scripts" / "returns.yaml").read_text(encoding="utf-8")
    assert named in script  # (the script's own note says it too)


def test_a_long_argument_is_cut_short_and_two_actions_are_both_named(tmp_path: Path) -> None:
    output = _imported(
        tmp_path,
        {"name": "setPriority", "title": "prio", "type": "user", "arguments": {"priority": "high"}},
        {"name": "forwardByEmail", "title": "fwd", "type": "user",
         "arguments": {"to": "returns-desk@example.com " * 10}})
    assert "(setPriority 'high', forwardByEmail 'returns-desk@example.com returns-desk@example.com" in output
    assert "…')" in output
    assert "returns-desk@example.com " * 4 not in output
