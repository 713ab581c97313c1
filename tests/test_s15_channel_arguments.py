"""A caller's channels that are not names (a number, None) get a ConfigError that says so, not an
AttributeError from inside: lint_pack, export and lint_text all read them through one check."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import scriptkit

SCRIPT = ("id: late\ntitle: Late\n"
          "acknowledgment: I can see how frustrating it is that your parcel is late.\n"
          "solution: I've sent a new one today, and it arrives by Friday.\n")


@pytest.mark.parametrize(("channels", "said"), [
    ([1], "a channel is a name, not 1"),
    ([None], "a channel is a name, not None"),
    (5, "channels must be a list of names, not 5"),
    (b"email", "channels must be a list of names, not the text b'email'"),
])
def test_channels_that_are_not_names_are_refused_in_words(make_pack: Any, tmp_path: Path, channels: Any,
                                                          said: str) -> None:
    pack = scriptkit.load_pack(make_pack({"late.yaml": SCRIPT}))
    with pytest.raises(scriptkit.ConfigError, match=said):
        scriptkit.lint_pack(pack, grammar="off", channels=channels)
    with pytest.raises(scriptkit.ConfigError, match=said):
        scriptkit.export(pack, "csv", tmp_path / "out", channels=channels, grammar="off")
    assert not (tmp_path / "out").exists()
