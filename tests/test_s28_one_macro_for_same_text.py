"""A script whose channels say the same words is one macro in a helpdesk with no channels, not a '(chat)' copy."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from scriptkit import export, load_pack

SCRIPT = ("id: late\ntitle: Late parcel\nchannels: [email, chat]\n"
          "acknowledgment: I'm so sorry your parcel is late, that's really frustrating.\n"
          "solution: I've sent a new one today, and it will arrive by Friday.\n")


# as `scriptkit import` writes an imported library's: the macros carry their own greetings, and chat's text reads as
# email's (a Quick Text or macro kept for both)
PACK = ("name: Imported\nchannels:\n  email: {greeting: '', signoff: ''}\n"
        "  chat: {greeting: '', signoff: '', separator: \"\\n\\n\"}\n")


def written(make_pack: Any, tmp_path: Path, target: str, script: str = SCRIPT) -> list[str]:
    root = make_pack({"late.yaml": script}, PACK)
    export(load_pack(root), [target], tmp_path / "out", lint=False)
    return sorted(p.name for p in (tmp_path / "out" / target).rglob("*.json") if p.name != "macros.json")


def test_the_same_words_for_email_and_chat_are_one_gorgias_macro(make_pack: Any, tmp_path: Path) -> None:
    assert written(make_pack, tmp_path, "gorgias") == ["late.json"]


def test_a_channel_laid_out_its_own_way_keeps_its_macro(make_pack: Any, tmp_path: Path) -> None:
    root = make_pack({"late.yaml": SCRIPT})  # (the default layouts: chat greets and joins the lines its own way)
    export(load_pack(root), ["gorgias"], tmp_path / "out", lint=False)
    assert sorted(p.name for p in (tmp_path / "out/gorgias/macros").glob("*.json")) == ["late-chat.json", "late.json"]


def test_a_channel_with_words_of_its_own_keeps_its_macro(make_pack: Any, tmp_path: Path) -> None:
    own = SCRIPT + "by_channel:\n  chat:\n    solution: New one sent today, with you by Friday!\n"
    assert written(make_pack, tmp_path, "gorgias", own) == ["late-chat.json", "late.json"]


def test_a_channel_macro_with_its_own_id_is_kept_to_update_it(make_pack: Any, tmp_path: Path) -> None:
    ids = SCRIPT + "export:\n  zendesk:\n    id: 101\n    variant_ids: {chat: 102}\n"
    assert written(make_pack, tmp_path, "zendesk", ids) == ["late-chat.json", "late.json"]
    chat = json.loads((tmp_path / "out/zendesk/macros/late-chat.json").read_text(encoding="utf-8"))
    assert chat["macro"]["id"] == 102
