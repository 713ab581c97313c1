"""A script whose channels a helpdesk does not carry (a phone script: no helpdesk keeps call scripts)
is named in the export's count, where it was left out without a word ('zendesk: 0 macros')."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from click.testing import CliRunner

from scriptkit.cli import main


def script(script_id: str, channels: str) -> str:
    return (f"id: {script_id}\ntitle: Orders::{script_id}\nchannels: [{channels}]\n"
            "acknowledgment: I can see how frustrating it is that your parcel is late.\n"
            "warm_language: Thanks so much for bearing with us.\n"
            "solution: I've sent a new one today, and it arrives by Friday.\n")


def export(root: Path, out: Path, *args: str) -> Any:
    return CliRunner().invoke(main, ["export", str(root), "--out", str(out), "--grammar", "off", *args],
                              env={"NO_COLOR": "1"})


def test_a_phone_script_left_out_of_a_helpdesk_is_named_in_its_count(make_pack: Any, tmp_path: Path) -> None:
    root = make_pack({"call.yaml": script("call", "phone"), "mail.yaml": script("mail", "email")})
    result = export(root, tmp_path / "out", "--to", "zendesk,playbook")
    assert result.exit_code == 0, result.output
    assert ("zendesk: 1 macro (1 script for phone only left out: zendesk carries email, chat, social, sms; "
            "the playbook export has every channel)") in result.stderr
    assert "playbook: 2 replies\n" in result.stderr  # (a target that carries phone says nothing more)


def test_nothing_is_said_of_a_channel_not_asked_for(make_pack: Any, tmp_path: Path) -> None:
    root = make_pack({"call.yaml": script("call", "phone"), "mail.yaml": script("mail", "email, phone")})
    result = export(root, tmp_path / "out", "--to", "zendesk", "--channel", "email")
    assert result.exit_code == 0, result.output
    assert "zendesk: 1 macro\n" in result.stderr
    both = export(root, tmp_path / "out2", "--to", "zendesk")
    assert "zendesk: 1 macro (1 script for phone only left out" in both.stderr  # (mail.yaml's email is carried)
