"""Session 34 (writer review): a common name of a channel ('text', 'e-mail', 'twitter') gets its did-you-mean."""

from __future__ import annotations

from pathlib import Path

import pytest

from scriptkit import PackError, lint_pack, load_pack
from scriptkit.errors import ErrorGroup, ScriptkitError


def _pack(root: Path, script: str, name: str = "a.yaml") -> Path:
    (root / "pack" / "scripts").mkdir(parents=True)
    (root / "pack" / "pack.yaml").write_text("name: Replies\n", encoding="utf-8")
    (root / "pack" / "scripts" / name).write_text(script, encoding="utf-8")
    return root / "pack"


def _errors(pack: Path) -> list[ScriptkitError]:
    with pytest.raises((PackError, ErrorGroup)) as caught:
        load_pack(pack)
    found = caught.value
    return list(found.errors) if isinstance(found, ErrorGroup) else [found]


_REPLY = ("title: Refund\nacknowledgment: \"I can see the refund is late.\"\n"
          "solution: \"I have sent it again today.\"\n")


def test_no_flexibility_of_a_label_guidance_is_reported_at_the_guidance(tmp_path: Path) -> None:
    pack = load_pack(_pack(tmp_path, "id: late\ntitle: Late\nemotion: upset\nchannels: [email]\n"
                                     "acknowledgment: \"I can see the parcel is late.\"\n"
                                     "solution: \"I have sent a new one today.\"\n"
                                     "flexibility:\n  guidance: none\n"))
    [found] = [d for d in lint_pack(pack, jobs=1).diagnostics if d.code == "SK406"]
    assert found.location is not None and (found.location.line, found.location.col) == (8, 13)


@pytest.mark.parametrize(("written", "meant"), [
    ("text", "sms"), ("txt", "sms"), ("sms message", "sms"), ("Text", "sms"), ("e-mail", "email"),
    ("mail", "email"), ("twitter", "social"), ("facebook", "social"), ("phone call", "phone"), ("voice", "phone"),
    ("whatsapp", "chat"), ("Chat", "chat")])
def test_a_common_name_of_a_channel_is_suggested(tmp_path: Path, written: str, meant: str) -> None:
    pack = _pack(tmp_path, f"id: late\ntitle: Late\nchannels: [email, {written}]\n{_REPLY[14:]}")
    [error] = _errors(pack)
    assert f"'{written}' is not a channel" in error.message
    assert error.hint is not None and error.hint.startswith(f"Did you mean '{meant}'?")
