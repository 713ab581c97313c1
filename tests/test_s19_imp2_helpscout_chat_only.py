"""A Help Scout saved reply whose email text shows nothing ('<p><br></p>') is a chat-only one, read from chatText."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from scriptkit.cli import main

CHAT = "Hi there! Your refund left us today and shows on your card within 3 days."


@pytest.mark.parametrize("text", ["<p><br></p>", "<p> </p>", "<p>&nbsp;</p>", "<div><br/></div>\n"])
def test_an_email_text_that_shows_nothing_is_a_chat_only_reply(tmp_path: Path, text: str) -> None:
    export = tmp_path / "saved-replies.json"
    export.write_text(json.dumps([{"id": 610, "name": "Refund sent", "text": text, "chatText": CHAT}]), "utf-8")
    result = CliRunner().invoke(main, ["import", str(export), "--from", "helpscout", "-o", str(tmp_path / "pack")],
                                env={"NO_COLOR": "1", "COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    script = (tmp_path / "pack" / "scripts" / "refund-sent.yaml").read_text(encoding="utf-8")
    assert "channels: [chat]" in script and "shows on your card within 3 days" in script
    audit = CliRunner().invoke(main, ["audit", str(export), "--from", "helpscout", "--format", "json"])
    assert audit.exit_code in (0, 1), audit.output
    assert json.loads(audit.stdout)["macros"][0]["text"] == CHAT
