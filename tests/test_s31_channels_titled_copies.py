"""A script sent on several channels comes back from scriptkit's Zendesk, Freshdesk, Help Scout and Front exports
as one script: the export titles each further channel's macro '<title> (chat)', and a macro so titled that says
nothing its script's macro does not (the same tags, notes and settings) is that channel's text again. Before, each
came back as a script of its own ('late-parcel-chat'), and the audit called them duplicates. A team's own
'Refund (chat)' with tags or notes of its own stays a script of its own."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from ruamel.yaml import YAML

from scriptkit.cli import main
from scriptkit.importers import import_library

PACK = """\
name: Parcels
version: 0.1.0
channels:
  email:
    greeting: "Hello {{ customer.first_name | fallback('there') }},"
    signoff: "Best wishes, the parcel team"
  chat:
    greeting: "Hi there!"
  sms:
    greeting: "Hi!"
"""

SCRIPT = """\
id: late-parcel
title: "Orders::Late parcel"
channels: [email, chat, sms]
tags: [delivery]
acknowledgment: "I'm sorry your parcel is later than we promised, and I know you were counting on it."
warm_language: "Thanks for your patience while I look into it."
solution: "I've asked the courier for an update and will write again by tomorrow evening."
by_channel:
  sms:
    solution: "I've chased the courier and will text you tomorrow."
"""

EXPORTS = {"zendesk": "macros.json", "freshdesk": "canned_responses.json", "helpscout": "saved_replies.json",
           "front": "message_templates.json"}


def _export(tmp_path: Path, target: str) -> Path:
    pack = tmp_path / "pack"
    (pack / "scripts").mkdir(parents=True, exist_ok=True)
    (pack / "pack.yaml").write_text(PACK, encoding="utf-8")
    (pack / "scripts" / "late-parcel.yaml").write_text(SCRIPT, encoding="utf-8")
    result = CliRunner().invoke(main, ["export", str(pack), "--to", target, "-o", str(tmp_path / "out"),
                                       "--grammar", "off"])
    assert result.exit_code in (0, 1), result.output
    return tmp_path / "out" / target / EXPORTS[target]


@pytest.mark.parametrize("target", sorted(EXPORTS))
def test_each_channels_macro_comes_back_as_the_scripts_channel(tmp_path: Path, target: str) -> None:
    exported = _export(tmp_path, target)
    back = tmp_path / "back"
    result = CliRunner().invoke(main, ["import", str(exported), "-o", str(back)])
    assert result.exit_code == 0, result.output
    # (its id, 'late-parcel', as the export names its file)
    assert [p.name for p in (back / "scripts").glob("*.yaml")] == ["late-parcel.yaml"], target
    doc = YAML(typ="safe").load((back / "scripts" / "late-parcel.yaml").read_text(encoding="utf-8"))
    assert doc["title"] == "Orders::Late parcel" and doc["channels"] == ["email", "chat", "sms"]
    assert "text you tomorrow" in json.dumps(doc["by_channel"]["sms"]) and "text you" not in doc["solution"]
    # exported again, the same macros under the same titles
    again = tmp_path / "again"
    result = CliRunner().invoke(main, ["export", str(back), "--to", target, "-o", str(again), "--grammar", "off"])
    assert result.exit_code in (0, 1), result.output
    titles = [m.title for m in import_library(again / target / EXPORTS[target]).macros]
    assert titles == ["Orders::Late parcel"]


def test_the_audit_no_longer_counts_a_scripts_channels_as_duplicates(tmp_path: Path) -> None:
    exported = _export(tmp_path, "zendesk")
    result = CliRunner().invoke(main, ["audit", str(exported), "--format", "json"])
    assert result.exit_code in (0, 1), result.output
    report = json.loads(result.stdout)
    assert report["summary"]["macros"] == 1 and report["duplicates"] == []
    assert not [d for m in report["macros"] for d in m["diagnostics"] if d["code"] == "SK004"]


def _zendesk(macros: list[dict[str, object]], tmp_path: Path) -> Path:
    path = tmp_path / "macros.json"
    path.write_text(json.dumps({"macros": macros}), encoding="utf-8")
    return path


def _macro(ident: int, title: str, text: str, tags: str = "refunds", note: str = "") -> dict[str, object]:
    return {"id": ident, "title": title, "active": True, "description": note,
            "actions": [{"field": "comment_value", "value": text}, {"field": "current_tags", "value": tags}]}


def test_a_teams_own_chat_macro_with_tags_of_its_own_stays_a_script(tmp_path: Path) -> None:
    export = _zendesk([
        _macro(1, "Refund", "I'm sorry about the charge. I've refunded it today; it shows within 5 days."),
        _macro(2, "Refund (chat)", "Sorry about that! Refunded just now, you'll see it within 5 days.",
               tags="refunds chat-team"),
        _macro(3, "Refund (sms)", "Refunded today, back within 5 days.", note="Only for card payments."),
    ], tmp_path)
    assert [m.title for m in import_library(export).macros] == ["Refund", "Refund (chat)", "Refund (sms)"]


def test_a_chat_macro_that_says_nothing_more_joins_with_its_id(tmp_path: Path) -> None:
    export = _zendesk([
        _macro(1, "Refund", "I'm sorry about the charge. I've refunded it today; it shows within 5 days."),
        {**_macro(2, "Refund (chat)", "Sorry about that! Refunded just now, you'll see it within 5 days."),
         "position": 7},
    ], tmp_path)
    (macro,) = import_library(export).macros
    assert macro.title == "Refund" and macro.raw.more_channels == ["chat"]
    assert macro.raw.settings["variant_ids"] == {"chat": 2}
    assert macro.raw.settings["variant_positions"] == {"chat": 7}
    assert any("'Refund (chat)'" in note for note in macro.notes)
