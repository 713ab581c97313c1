"""`scriptkit render` given --script or --channel more than once renders each one, as `check` and `export` take
--channel: a repeat was silently reduced to its last value."""

from __future__ import annotations

import json

from tests.conftest import run_cli

LATE = """\
id: late
title: "Shipping::Late"
channels: [email, chat]
acknowledgment: "I can see how frustrating it is that your order is late."
solution: "I've asked the carrier to hurry. It'll arrive within 2 days."
"""


def _rendered(*args: str) -> list[tuple[str, str]]:
    result = run_cli("render", *args, "--format", "json")
    assert result.exit_code == 0, result.output
    return [(m["script"], m["channel"]) for m in json.loads(result.output)]


def test_several_scripts_and_channels_are_each_rendered(make_pack):
    root = make_pack({"late.yaml": LATE, "other.yaml": LATE.replace("id: late", "id: other"),
                      "third.yaml": LATE.replace("id: late", "id: third")})
    got = _rendered(str(root), "--script", "other", "--script", "late", "--channel", "email", "--channel", "chat")
    assert got == [("other", "email"), ("other", "chat"), ("late", "email"), ("late", "chat")]


def test_a_script_written_for_some_of_the_channels_is_rendered_on_those(make_pack):
    root = make_pack({"late.yaml": LATE, "mail.yaml": LATE.replace("id: late", "id: mail").replace(
        "[email, chat]", "[email]")})
    assert _rendered(str(root), "--script", "mail", "--script", "late", "--channel", "chat", "--channel",
                     "email") == [("mail", "email"), ("late", "email"), ("late", "chat")]


def test_a_script_written_for_none_of_the_channels_is_still_an_error(make_pack):
    root = make_pack({"late.yaml": LATE, "mail.yaml": LATE.replace("id: late", "id: mail").replace(
        "[email, chat]", "[email]")})
    result = run_cli("render", str(root), "--script", "late", "--script", "mail", "--channel", "chat",
                     "--channel", "sms")
    assert result.exit_code == 2
    assert "script 'mail' is not written for the chat or sms channel" in result.output


def test_each_unknown_script_is_named(make_pack):
    root = make_pack({"late.yaml": LATE})
    result = run_cli("render", str(root), "--script", "late", "--script", "lte")
    assert result.exit_code == 2
    assert "no script with id 'lte'" in result.output and "Did you mean 'late'?" in result.output
