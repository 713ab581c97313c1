"""A Help Scout saved reply keeps its chat version (``chatText``) through import and export, and a
script sent on chat too gives its chat text as the chat version of its email saved reply."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema

from scriptkit import export, import_library
from scriptkit.loading import load_pack
from tests.export_fixtures import schema

# written as scriptkit writes HTML (paragraphs, <br>), so the email text also comes back byte for byte
EMAIL = ("<p>Hi {%customer.firstName,fallback=there%},</p><p>I'm sorry you were charged twice: that's on us. "
         "I've refunded the second charge today, and it reaches your card within 5 days.</p>"
         "<p>Best,<br>{%user.firstName%}</p>")
CHAT = ("Hi {%customer.firstName,fallback=there%}! Sorry about the double charge.\n"
        "I've refunded it just now: 5 days to reach your card, and {%user.firstName%} will check on Friday.")
SAME = ("<p>Thanks for waiting, {%customer.firstName,fallback=there%}. I've reset your password now; check "
        "your inbox in the next few minutes.</p>")


def _round_trip(tmp_path: Path, replies: list[dict[str, Any]]) -> list[dict[str, Any]]:
    source = tmp_path / "saved-replies.json"
    source.write_text(json.dumps({"_embedded": {"saved-replies": replies}}), encoding="utf-8")
    pack = import_library(source).write(tmp_path / "pack")
    export(pack, "helpscout", tmp_path / "out", lint=False)
    written = json.loads((tmp_path / "out" / "helpscout" / "saved_replies.json").read_text(encoding="utf-8"))
    out: list[dict[str, Any]] = written["saved_replies"]
    for payload in out:  # (what is sent: the body without its id, which an update's address gives)
        jsonschema.validate({k: v for k, v in payload.items() if k != "id"}, schema("helpscout"))
    return out


def test_a_chat_version_that_differs_survives_import_and_export(tmp_path: Path) -> None:
    out = _round_trip(tmp_path, [{"id": 7, "name": "Billing / Double charge", "text": EMAIL, "chatText": CHAT},
                                 {"id": 8, "name": "Password reset", "text": SAME, "chatText": SAME[3:-4]}])
    assert out[0] == {"name": "Billing / Double charge", "text": EMAIL, "chatText": CHAT, "id": 7}
    # no chat version of its own (the same text): the email text as plain text, as before
    assert out[1] == {"name": "Password reset", "text": SAME, "chatText": SAME[3:-4], "id": 8}
    script = load_pack(tmp_path / "pack").script("billing-double-charge")
    assert script.flexibility is not None and [a.label for a in script.flexibility.alternatives] == ["Chat version"]


def test_helpscouts_own_line_break_comes_back_as_scriptkit_writes_it(tmp_path: Path) -> None:
    """Help Scout's API examples write ``<br />``; the export writes ``<br>`` (docs/export/helpscout.md)."""
    out = _round_trip(tmp_path, [{"id": 7, "name": "Double charge", "text": EMAIL.replace("<br>", "<br />"),
                                  "chatText": CHAT}])
    assert out[0]["chatText"] == CHAT and out[0]["text"] == EMAIL


def test_a_written_chat_version_is_the_chat_text_and_a_chat_channel_keeps_its_own(tmp_path: Path) -> None:
    pack = tmp_path / "pack"
    (pack / "scripts").mkdir(parents=True)
    (pack / "pack.yaml").write_text(
        "name: Two channels\nversion: 0.1.0\n"
        "channels: {email: {greeting: 'Hi there,', signoff: 'Best, Sam'}, chat: {greeting: 'Hi!', signoff: ''}}\n",
        encoding="utf-8")
    (pack / "scripts" / "refund.yaml").write_text(
        "id: refund\ntitle: Refund\nchannels: [email, chat]\nacknowledgment: I'm sorry the jacket didn't fit.\n"
        "flexibility:\n  blanks: [{name: days, prompt: Days the bank takes}]\n  alternatives:\n"
        "    - label: Chat version\n      text: \"Sorry, {{ customer.first_name | fallback('there') }}! "
        "Refunded: {{ blank.days }} days.\"\n"
        "solution: I've refunded it today, and it reaches your card within {{ blank.days }} days.\n"
        "by_channel:\n  chat:\n    solution: Refunded just now, it lands in {{ blank.days }} days.\n",
        encoding="utf-8")
    export(pack, "helpscout", tmp_path / "out", lint=False)
    folder = tmp_path / "out" / "helpscout" / "saved_replies"
    email, chat = (json.loads((folder / f"{stem}.json").read_text(encoding="utf-8"))
                   for stem in ("refund", "refund-chat"))
    assert email["chatText"] == "Sorry, {%customer.firstName,fallback=there%}! Refunded: [[days]] days."
    assert "<p>I've refunded it today, and it reaches your card within" in email["text"]
    # the chat channel's own saved reply: its chat rendering, not the alternative
    assert chat["chatText"] == "Hi! I'm sorry the jacket didn't fit. Refunded just now, it lands in [[days]] days."
    for payload in (email, chat):  # (what is sent: the body without its id, which an update's address gives)
        jsonschema.validate({k: v for k, v in payload.items() if k != "id"}, schema("helpscout"))
