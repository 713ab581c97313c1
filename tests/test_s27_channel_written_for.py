"""`check` or `export` with --channel naming only channels no script is written for did nothing and said "All clear"
(exit 0): a CI gate on that channel passed having judged nothing. It is bad input, said as render says it."""

from __future__ import annotations

from typing import Any

from tests.conftest import run_cli

SCRIPT = ("id: late\ntitle: Late parcel\nchannels: [email, chat]\nacknowledgment: I know the wait is a worry.\n"
          "solution: I've sent a new one today, and it arrives by Friday.\n")


def test_a_channel_no_script_is_written_for_is_refused(make_pack: Any, tmp_path: Any) -> None:
    root = make_pack({"late.yaml": SCRIPT})
    for args in (["check", str(root), "--channel", "sms", "--grammar", "off"],
                 ["export", str(root), "--to", "zendesk", "--channel", "sms", "-o", str(tmp_path / "out")]):
        result = run_cli(*args)
        assert result.exit_code == 2, result.output
        assert f"{root}: error: no script in this pack is written for the sms channel" in result.output
    assert not (tmp_path / "out").exists()


def test_a_channel_some_script_is_written_for_is_checked(make_pack: Any) -> None:
    root = make_pack({"late.yaml": SCRIPT})
    result = run_cli("check", str(root), "--channel", "sms", "--channel", "chat", "--grammar", "off")
    assert result.exit_code in (0, 1) and "no script in this pack" not in result.output
