"""Front's inbox_ids: null means every inbox (as Front's docs say); a blank id is refused by check."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from export_fixtures import write_pack

from scriptkit.errors import ConfigError
from scriptkit.exporting import export

SCRIPT = """\
id: late
title: Parcel late
channels: [email]
acknowledgment: I know a late parcel is a worry, and I'm sorry it hasn't reached you.
solution: I've asked the courier to deliver it tomorrow, and I'll email you the new tracking link today.
export:
  front:
    inbox_ids:{value}
"""


@pytest.mark.parametrize("value", ["", " null", " ~"])
def test_null_inbox_ids_mean_every_inbox(tmp_path: Path, value: str) -> None:
    pack = write_pack(tmp_path / "p", {"late.yaml": SCRIPT.format(value=value)})
    export(pack, ["front"], tmp_path / "out", lint=False)
    template = json.loads((tmp_path / "out/front/message_templates/late.json").read_text(encoding="utf-8"))
    assert "inbox_ids" not in template  # (left out: the template is in every inbox)


@pytest.mark.parametrize("value", [' ""', ' " "', ' [""]', " [inb_1, '  ']"])
def test_a_blank_inbox_id_is_refused_at_its_line(tmp_path: Path, value: str) -> None:
    pack = write_pack(tmp_path / "p", {"late.yaml": SCRIPT.format(value=value)})
    # bad input, as check says, forced or not (a forced export left the blank id out)
    for force in (False, True):
        with pytest.raises(ConfigError) as refused:
            export(pack, ["front"], tmp_path / "out", lint=False, force=force)
        assert (refused.value.location and refused.value.location.line, refused.value.message) == (
            8, "front setting 'inbox_ids' must be an inbox id or a non-empty list of them, not a blank id")
        assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(("value", "ids"), [(" inb_7", ["inb_7"]), (" 42", ["42"]), (" [inb_1, 9]", ["inb_1", "9"])])
def test_inbox_ids_given_are_exported(tmp_path: Path, value: str, ids: list[str]) -> None:
    pack = write_pack(tmp_path / "p", {"late.yaml": SCRIPT.format(value=value)})
    export(pack, ["front"], tmp_path / "out", lint=False)
    template = json.loads((tmp_path / "out/front/message_templates/late.json").read_text(encoding="utf-8"))
    assert template["inbox_ids"] == ids
