"""Importing scriptkit's own export back restores what scriptkit encoded in it: the script's channels (a macro per
channel, merged back into one script, a channel's differing text as its by_channel text) and the title's
``Cat::Sub`` path, wherever the export marks the macro as scriptkit's (Gorgias's external_id, Salesforce's Channel
and Category fields). A team's own titles holding " / " are left as written."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from scriptkit import export, import_library
from scriptkit.loading import load_pack

STARTER = Path(__file__).resolve().parent.parent / "templates" / "starter"

_PACK = """\
name: Shop
version: 0.1.0
channels:
  email: {greeting: "Hello,", signoff: "Best wishes"}
  chat: {greeting: "Hi there!"}
  sms: {greeting: ""}
"""

_SCRIPT = """\
id: size-swap
title: "Returns::Size swap"
channels: [email, chat, sms]
acknowledgment: "I'm sorry the coat you picked turned out too small."
warm_language: "Thanks for letting us know so quickly."
solution: "I've booked a swap for the larger size, and a prepaid label is on its way to your inbox today."
by_channel:
  sms:
    solution: "Swap booked; label sent by email."
"""

_BUNDLES = {"gorgias": "gorgias/macros.json", "salesforce": "salesforce/quick_text.json"}


def _exported(tmp_path: Path, fmt: str) -> Path:
    pack = tmp_path / "pack"
    (pack / "scripts").mkdir(parents=True)
    (pack / "pack.yaml").write_text(_PACK)
    (pack / "scripts" / "size-swap.yaml").write_text(_SCRIPT)
    export(pack, [fmt], tmp_path / "out", lint=False)
    return tmp_path / "out" / _BUNDLES[fmt]


def _sms_reply(bundle: Path) -> str:
    text = bundle.read_text()
    data = json.loads(text)
    records = data.get("macros") or data.get("records")
    sms = [r for r in records if str(r.get("name") or r.get("Name")).endswith("(sms)")]
    assert len(sms) == 1, text
    return json.dumps(sms[0].get("actions") or sms[0].get("Message"))


@pytest.mark.parametrize("fmt", sorted(_BUNDLES))
def test_own_export_comes_back_as_one_script_with_its_channels_and_category(tmp_path: Path, fmt: str) -> None:
    bundle = _exported(tmp_path, fmt)
    library = import_library(bundle, fmt)
    assert [m.title for m in library.macros] == ["Returns::Size swap"]
    library.write(tmp_path / "back")
    back = load_pack(tmp_path / "back")
    (script,) = back.scripts
    assert script.title == "Returns::Size swap"
    assert script.channels == ["email", "chat", "sms"]
    assert "Swap booked; label sent by email." in str(script.by_channel["sms"].solution)
    assert "prepaid label" not in str(script.by_channel["sms"].solution)
    # exported again, the SMS macro says what the first export's did (its length rules apply to it)
    export(tmp_path / "back", [fmt], tmp_path / "again", lint=False, force=True)
    assert _sms_reply(tmp_path / "again" / _BUNDLES[fmt]) == _sms_reply(bundle)
    again = json.loads((tmp_path / "again" / _BUNDLES[fmt]).read_text())
    names = sorted(str(r.get("name") or r.get("Name")) for r in again.get("macros") or again.get("records"))
    assert names == ["Returns / Size swap", "Returns / Size swap (chat)", "Returns / Size swap (sms)"]
    if fmt == "salesforce":
        assert {r["Category"] for r in again["records"]} == {"Returns"}


def test_a_teams_own_gorgias_title_with_a_slash_stays_as_written(tmp_path: Path) -> None:
    macros = [{"id": 1, "name": "Returns / Size swap", "external_id": "crm-77",
               "actions": [{"name": "setResponseText", "arguments": {"body_text": "We can swap it for you."}}]},
              {"id": 2, "name": "Returns / Size swap (chat)",
               "actions": [{"name": "setResponseText", "arguments": {"body_text": "Swap it? Sure."}}]}]
    source = tmp_path / "macros.json"
    source.write_text(json.dumps({"data": macros}))
    library = import_library(source, "gorgias")
    assert sorted(m.title for m in library.macros) == ["Returns / Size swap", "Returns / Size swap (chat)"]


def test_a_quick_text_whose_category_is_not_its_names_start_stays_as_written(tmp_path: Path) -> None:
    records = [{"attributes": {"type": "QuickText"}, "Name": "Returns / Size swap", "Category": "Orders",
                "Channel": "Email", "Message": "We can swap it for you."},
               {"attributes": {"type": "QuickText"}, "Name": "Size swap (chat)", "Category": "Orders",
                "Channel": "Email", "Message": "Swap it? Sure."}]
    source = tmp_path / "quick_text.json"
    source.write_text(json.dumps({"records": records}))
    library = import_library(source, "salesforce")
    assert sorted(m.title for m in library.macros) == ["Returns / Size swap", "Size swap (chat)"]


def test_the_per_macro_files_merge_as_the_one_file_does(tmp_path: Path) -> None:
    """Gorgias's export is macros.json and macros/, a file per macro: imported from the folder's files, a chat
    macro (a file of its own) came back as a script of its own, 49 scripts for the starter pack's 24."""
    out = tmp_path / "out"
    export(load_pack(STARTER), ["gorgias"], out, lint=False)
    whole = import_library(out / "gorgias" / "macros.json")
    files = import_library(sorted((out / "gorgias" / "macros").glob("*.json")), "gorgias")
    assert len(files.macros) == len(whole.macros) == len(load_pack(STARTER).scripts)
