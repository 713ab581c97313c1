"""docs/export/helpscout.md says what a chat-first script's saved reply holds: `text` empty (Help Scout's
`text` is optional; a chat-only saved reply has none), the reply in `chatText`."""

from __future__ import annotations

import json
from pathlib import Path

from export_fixtures import LATE, PACK_YAML, write_pack

from scriptkit.exporting import export

DOC = Path(__file__).resolve().parent.parent / "docs" / "export" / "helpscout.md"


def test_the_docs_say_a_chat_first_script_has_no_email_text(tmp_path: Path) -> None:
    chat_first = LATE.replace("channels: [email, chat, phone]", "channels: [chat, email]")
    pack = write_pack(tmp_path / "p", {"late.yaml": chat_first}, PACK_YAML)
    export(pack, ["helpscout"], tmp_path / "out", lint=False)
    written = json.loads((tmp_path / "out/helpscout/saved_replies/parcel-late.json").read_text(encoding="utf-8"))
    assert written["text"] == "" and "chased the carrier" in written["chatText"]
    flat = " ".join(DOC.read_text(encoding="utf-8").split())
    assert "first channel is chat" in flat and "`text` empty" in flat
