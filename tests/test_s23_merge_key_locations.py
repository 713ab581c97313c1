"""A channel's text brought in by a '<<: *anchor' merge key is located where the anchored mapping writes it, as a
plain alias is: the SMS copy of "expedite" pointed at 11:18 (or into the main solution when the channel had a key
of its own beside the merge) and was reported apart from the chat one."""

from __future__ import annotations

from typing import Any

from scriptkit import lint_pack, load_pack
from tests.conftest import run_cli

HEAD = ("id: a\ntitle: A\nchannels: [email, chat, sms]\n"
        "acknowledgment: I understand this roast wasn't what you hoped for, and that's disappointing.\n"
        "solution: I've refunded your last box today, and it reaches your card within 5 days.\n"
        "by_channel:\n  chat: &quick\n"
        "    solution: I've refunded your last box today, and will expedite it so it's back within 5 days.\n"
        "  sms:\n    <<: *quick\n")


def _expedite(make_pack: Any, script: str) -> list[tuple[int, int, str]]:
    root = make_pack({"a.yaml": script})
    return [(d.location.line, d.location.col, str(d.extra.get("channels") or d.channel))
            for d in lint_pack(load_pack(root)).diagnostics if d.code == "SK201" and d.text == "expedite it"]


def test_a_merged_channel_text_is_found_where_the_anchor_writes_it_once(make_pack: Any) -> None:
    assert _expedite(make_pack, HEAD) == [(8, 59, "chat,sms")]


def test_beside_a_key_of_its_own_too(make_pack: Any) -> None:
    assert _expedite(make_pack, HEAD + "    acknowledgment: Sorry the roast let you down.\n") == [(8, 59, "chat,sms")]


def test_fix_refuses_it_saying_the_anchor_is_reused(make_pack: Any) -> None:
    root = make_pack({"a.yaml": HEAD})
    out = " ".join(run_cli("check", str(root), "--fix").output.split())
    assert "a.yaml:8:59: fix not applied: the text has an anchor (&quick) that another place reuses (*quick)" in out
    assert "will expedite it" in (root / "scripts" / "a.yaml").read_text(encoding="utf-8")
