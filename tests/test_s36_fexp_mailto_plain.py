"""A ``mailto:`` link in plain text (Salesforce's Message, Help Scout's chatText) is the address the customer
writes to, not the link's query: no ``?subject=Ticket%20...`` with its ``%20`` shown to the customer."""

from __future__ import annotations

import json
from pathlib import Path

from export_fixtures import PACK_YAML, write_pack

from scriptkit.exporting import export

WRITE = """\
id: write-in
title: Write in
scenario: The customer would rather write.
emotion: confused
channels: [email]
acknowledgment: "I understand the form is confusing."
solution: "Write to [our team](mailto:care@example.org?subject=Case%20{{ ticket.id }}&body=Hello) or to \
[care@example.org](mailto:care@example.org?subject=Help) and we'll answer today."
"""


def test_a_mailto_link_in_plain_text_is_its_address(tmp_path: Path) -> None:
    pack = write_pack(tmp_path / "p", {"write-in.yaml": WRITE}, PACK_YAML)
    out = tmp_path / "out"
    export(pack, ["salesforce", "helpscout"], out, lint=False)
    message = json.loads((out / "salesforce" / "quick_text" / "write-in.json").read_text(encoding="utf-8"))["Message"]
    chat = json.loads((out / "helpscout" / "saved_replies" / "write-in.json").read_text(encoding="utf-8"))
    for plain in (message, chat["chatText"]):
        assert "Write to our team (care@example.org) or to care@example.org and we'll answer today." in plain
        assert "%20" not in plain and "subject" not in plain
    # (the HTML keeps the whole link: a click there opens the mail with its subject)
    assert 'href="mailto:care@example.org?subject=Case%20' in chat["text"]
