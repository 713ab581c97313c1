"""A Help Scout saved-replies list is read as Help Scout when only some replies have the optional chatText: read
generic, every {%customer.firstName%} became a blank for the agent to fill in."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from scriptkit.cli import main

REPLIES = [
    {"id": 1, "name": "Locked out", "text": "Hi {%customer.firstName,fallback=there%}, I've unlocked your account.",
     "chatText": "Hi! I've unlocked your account."},
    {"id": 2, "name": "Reset link", "text": "Hi {%customer.firstName%}, I've sent you a new reset link."},
]


def _import(tmp_path: Path, replies: list[dict[str, object]]) -> tuple[str, str]:
    source = tmp_path / "replies.json"
    source.write_text(json.dumps(replies), encoding="utf-8")
    result = CliRunner().invoke(main, ["import", str(source), "-o", str(tmp_path / "pack")])
    assert result.exit_code == 0, result.output
    return result.output, (tmp_path / "pack" / "scripts" / "reset-link.yaml").read_text(encoding="utf-8")


def test_a_list_where_some_replies_have_chat_text_is_help_scouts(tmp_path: Path) -> None:
    said, script = _import(tmp_path, REPLIES)
    assert "read as a Help Scout saved replies export" in said
    assert "{{ customer.first_name }}" in script and "helpscout:" in script


def test_name_and_text_with_no_chat_text_anywhere_is_not_taken_for_help_scout(tmp_path: Path) -> None:
    said, _ = _import(tmp_path, [{k: v for k, v in r.items() if k != "chatText"} for r in REPLIES])
    assert "Help Scout" not in said
