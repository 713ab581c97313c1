"""Help Scout: a script's "Chat version" alternative is the chat text of its own saved reply, not of the copy
made for another channel (sms, social), whose chat text is that channel's own reply."""

from __future__ import annotations

import json
from pathlib import Path

from export_fixtures import PACK_YAML, write_pack

from scriptkit.exporting import export

REFUND = """\
id: refund
title: "Billing::Refund"
scenario: A refund is late.
emotion: frustrated
channels: [email, sms, social]
acknowledgment: "I know a late refund is a worry."
solution: "I've sent your refund today and it arrives within five days."
flexibility:
  alternatives:
    - label: Chat version
      text: "Sent it today! It should show up within five days, and I'm here in this chat if it doesn't."
by_channel:
  sms:
    solution: "Refund sent today, due in 5 days."
"""


def test_the_chat_version_stays_on_the_scripts_own_saved_reply(tmp_path: Path) -> None:
    pack = write_pack(tmp_path / "p", {"refund.yaml": REFUND}, PACK_YAML)
    export(pack, ["helpscout"], tmp_path / "out", lint=False)
    replies = tmp_path / "out" / "helpscout" / "saved_replies"
    own = json.loads((replies / "refund.json").read_text(encoding="utf-8"))
    sms = json.loads((replies / "refund-sms.json").read_text(encoding="utf-8"))
    social = json.loads((replies / "refund-social.json").read_text(encoding="utf-8"))
    assert own["chatText"].startswith("Sent it today!")
    assert "Refund sent today, due in 5 days." in sms["chatText"] and "Sent it today!" not in sms["chatText"]
    assert "I've sent your refund today" in social["chatText"] and "Sent it today!" not in social["chatText"]
