"""Only None means every channel: lint_pack, render_pack and export refuse channels=0, "" or [] (each was read
as None and judged every channel) with a ConfigError that says what to pass."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import scriptkit
from scriptkit.rendering import render_pack

SCRIPT = ("id: late\ntitle: Orders::Late\nchannels: [email, chat]\n"
          "acknowledgment: I can see how frustrating it is that your order is late.\n"
          "solution: I've sent a new one today, and it arrives by Friday.\n")
CALLS = {
    "lint_pack": lambda pack, channels: scriptkit.lint_pack(pack, channels=channels, grammar="off", jobs=1),
    "render_pack": lambda pack, channels: render_pack(pack, channels),
    "export": lambda pack, channels: scriptkit.export(pack, "zendesk", "out", channels=channels, lint=False),
}


@pytest.mark.parametrize("function", sorted(CALLS))
@pytest.mark.parametrize(("channels", "given"), [(0, "0"), ("", "''"), (b"", "b''"), (False, "False"),
                                                 ([], "an empty list"), ((), "an empty list")])
def test_a_value_that_names_no_channel_is_refused(make_pack: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                  function: str, channels: Any, given: str) -> None:
    pack = scriptkit.load_pack(make_pack({"late.yaml": SCRIPT}))
    monkeypatch.chdir(tmp_path)
    with pytest.raises(scriptkit.ConfigError) as raised:
        CALLS[function](pack, channels)
    assert raised.value.message == (f"{function}() takes channels as a list of names, or None for every channel, "
                                    f"not {given}")
    assert raised.value.hint == "Leave channels out (or pass None) for every channel, or name them: ['email', 'chat']."
    assert not (tmp_path / "out").exists()


def test_none_and_named_channels_still_work(make_pack: Any, tmp_path: Path) -> None:
    pack = scriptkit.load_pack(make_pack({"late.yaml": SCRIPT}))
    assert {m.channel for m in render_pack(pack)} == {"email", "chat"}
    assert {m.channel for m in render_pack(pack, ["chat"])} == {"chat"}
    assert {m.channel for m in render_pack(pack, iter(["chat"]))} == {"chat"}
    scriptkit.lint_pack(pack, channels=None, grammar="off", jobs=1)
    # (one name is a name, not the channels 'c', 'h', 'a', 't')
    assert {m.channel for m in render_pack(pack, "chat")} == {"chat"}
