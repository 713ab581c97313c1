"""The Gorgias export tells the language of each script's reply once, not once per macro: a script's
channels (and its macros' checks) share the reply's own words, and ``language_of`` keeps what it read."""

from __future__ import annotations

import json
from pathlib import Path

from export_fixtures import PACK_YAML, write_pack

from scriptkit.exporting import export
from scriptkit.language import language_of

SCRIPT = """\
id: late-{n}
title: Parcel {n} is late
channels: [email, chat, social, sms]
acknowledgment: "I'm so sorry parcel {n} is late, I know how annoying the wait has been."
solution: I've sent a new one today and I'll email you the tracking number tomorrow.
"""


def test_each_script_s_reply_is_read_once_for_all_its_macros(tmp_path: Path) -> None:
    pack = write_pack(tmp_path / "p", {f"late-{n}.yaml": SCRIPT.format(n=n) for n in range(3)}, PACK_YAML)
    language_of.cache_clear()
    export(pack, ["gorgias"], tmp_path / "out", lint=False)
    macros = json.loads((tmp_path / "out" / "gorgias" / "macros.json").read_text(encoding="utf-8"))["macros"]
    assert len(macros) == 12  # (three scripts, four channels each)
    assert language_of.cache_info().misses == 3
