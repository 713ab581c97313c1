"""A Help Scout saved reply with no email text (a chat-only one) imports as a chat script and exports back
chat-only: ``text`` empty, the words in ``chatText`` as before."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from scriptkit import export, import_library

CHAT = ("Sorry for the wait, {%customer.firstName,fallback=there%}! The courier has your parcel and it "
        "should reach you within 3 days.")
EMAIL = ("<p>Hi {%customer.firstName,fallback=there%},</p><p>I'm sorry the refund is slow. I've sent it again "
         "today, and it reaches your card within 5 days.</p>")


@pytest.mark.timeout(60)
def test_a_chat_only_saved_reply_round_trips_chat_only(tmp_path: Path) -> None:
    source = tmp_path / "saved-replies.json"
    source.write_text(json.dumps({"_embedded": {"saved-replies": [
        {"id": 1, "name": "Courier update", "text": "", "chatText": CHAT},
        {"id": 2, "name": "Refund resent", "text": EMAIL}]}}), encoding="utf-8")
    pack = import_library(source).write(tmp_path / "pack")
    script = yaml.safe_load((pack / "scripts" / "courier-update.yaml").read_text(encoding="utf-8"))
    assert script["channels"] == ["chat"]
    assert yaml.safe_load((pack / "scripts" / "refund-resent.yaml").read_text(encoding="utf-8"))["channels"] == \
        ["email"]
    export(pack, "helpscout", tmp_path / "out", lint=False)
    replies = json.loads((tmp_path / "out" / "helpscout" / "saved_replies.json").read_text(encoding="utf-8"))
    by_name = {r["name"]: r for r in replies["saved_replies"]}
    assert by_name["Courier update"] == {"name": "Courier update", "text": "", "chatText": CHAT, "id": 1}
    assert by_name["Refund resent"]["text"] == EMAIL
