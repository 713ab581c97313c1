"""SK510 for a Front template private to one teammate: exported to a helpdesk with no such scope, it became
a reply every agent could insert, without a word; exported back to Front it stays private, so nothing is said."""

from __future__ import annotations

import json
from pathlib import Path

from scriptkit import import_library
from scriptkit.exporting import export

REPLY = "I'm sorry the parcel was late. I've refunded your shipping in full; it reaches your card in 3-5 days."
FRONT = {"_results": [
    {"_links": {"self": "https://acme.api.frontapp.com/message_templates/rsp_1",
                "related": {"owner": "https://acme.api.frontapp.com/teammates/tea_4", "parent_folder": None}},
     "id": "rsp_1", "name": "My refund", "subject": "Your refund", "body": f"<p>{REPLY}</p>", "attachments": [],
     "is_available_for_all_inboxes": True, "inbox_ids": None}]}


def _sk510(tmp_path: Path, targets: list[str]) -> dict[str, list[str]]:
    file = tmp_path / "front.json"
    file.write_text(json.dumps(FRONT), encoding="utf-8")
    pack = import_library(file, "front").write(tmp_path / "pack")
    found: dict[str, list[str]] = {}
    for d in export(pack, targets, tmp_path / "out", lint=False).diagnostics:
        if d.code == "SK510":
            found.setdefault(str(d.extra["target"]), []).append(d.message)
    return found


def test_a_teammates_private_front_template_is_named_when_exported_elsewhere(tmp_path: Path) -> None:
    found = _sk510(tmp_path, ["zendesk", "intercom"])
    assert sorted(found) == ["intercom", "zendesk"]
    for messages in found.values():
        (message,) = messages
        assert "a private template of teammate tea_4 (teammate_id)" in message, message


def test_exported_back_to_front_it_stays_private_and_nothing_is_said(tmp_path: Path) -> None:
    assert _sk510(tmp_path, ["front"]) == {}


def test_the_export_summary_says_how_many_front_templates_are_private(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from scriptkit.cli import main

    file = tmp_path / "front.json"
    file.write_text(json.dumps(FRONT), encoding="utf-8")
    pack = import_library(file, "front").write(tmp_path / "pack")
    done = CliRunner().invoke(main, ["export", str(pack), "--to", "front", "-o", str(tmp_path / "out")],
                              env={"NO_COLOR": "1"})
    assert done.exit_code == 0, done.output
    assert "front: 1 message template (1 private, under front/teammates/)" in done.output
