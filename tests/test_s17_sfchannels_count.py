"""The Salesforce target says how many Quick Texts it writes: a script for email and chat with one text is
one record ('Email;Chat'), so the export's summary can count it once (it said '2 Quick Texts')."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from scriptkit import import_library, load_pack
from scriptkit.exporting import build
from scriptkit.rendering import render_pack
from scriptkit.targets.salesforce import target


@pytest.mark.timeout(60)
def test_a_script_for_email_and_chat_counts_as_the_one_record_written(tmp_path: Path) -> None:
    source = tmp_path / "source.json"
    source.write_text(json.dumps({"records": [
        {"attributes": {"type": "QuickText"}, "Name": "Refund resent", "Channel": "Email;Chat",
         "Message": "I'm sorry the refund took so long. I've sent it again today; it reaches you in 3 days."},
        {"attributes": {"type": "QuickText"}, "Name": "Case open", "Channel": "Chat",
         "Message": "Your case is open and I'll update you by Friday."}]}), encoding="utf-8")
    pack = load_pack(str(import_library(source).write(tmp_path / "pack")))
    salesforce = target()
    rendered, _ = build(pack, salesforce, render_pack(pack, None, all_variants=True))
    written = json.loads(salesforce.files(rendered)["salesforce/quick_text.json"])["records"]
    assert sorted((r["Name"], r["Channel"]) for r in written) == [("Case open", "Chat"),
                                                                  ("Refund resent", "Email;Chat")]
    assert len(rendered) == 3
    assert salesforce.records(rendered) == len(written) == 2
