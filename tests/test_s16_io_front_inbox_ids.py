"""Front's inbox ids are whole numbers or inb_... text: a number YAML reads as a float (1.5, 1e3) is refused
by check at its line, and a forced export leaves it out rather than send "1000.0"."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from export_fixtures import write_pack

from scriptkit.cli import main
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
    inbox_ids: {value}
"""


@pytest.mark.parametrize(("value", "shown"), [("1.5e300", "1.5e+300"), ("1.5", "1.5"), ("1e3", "1000.0"),
                                              ("[inb_1, 2.0]", "2.0")])
def test_a_fractional_inbox_id_is_refused_at_its_line(tmp_path: Path, value: str, shown: str) -> None:
    pack = write_pack(tmp_path / "p", {"late.yaml": SCRIPT.format(value=value)})
    # (bad input, as check says, and --force does not pass it: it was a finding, and a forced export left it out)
    for force in (False, True):
        with pytest.raises(ConfigError) as refused:
            export(pack, ["front"], tmp_path / "out", lint=False, force=force)
        found = refused.value
        assert (found.location and found.location.line, found.message, found.hint) == (
            8, f"front setting 'inbox_ids' must be an inbox id or a non-empty list of them, not the number {shown}",
            "An inbox id is a whole number or text such as inb_1a2b.")
        assert not (tmp_path / "out").exists()


def test_check_refuses_it_too(tmp_path: Path) -> None:
    pack = write_pack(tmp_path / "p", {"late.yaml": SCRIPT.format(value="1.5")})
    checked = CliRunner().invoke(main, ["check", str(pack), "--grammar", "off"], env={"NO_COLOR": "1"})
    assert checked.exit_code == 2, checked.output  # (a wrong setting value: bad input)
    assert "late.yaml:8:16: error: front setting 'inbox_ids'" in " ".join(checked.output.split())


@pytest.mark.parametrize(("value", "ids"), [("7", ["7"]), ("[inb_1, 9]", ["inb_1", "9"])])
def test_whole_numbers_and_inbox_text_still_pass(tmp_path: Path, value: str, ids: list[str]) -> None:
    pack = write_pack(tmp_path / "p", {"late.yaml": SCRIPT.format(value=value)})
    export(pack, ["front"], tmp_path / "out", lint=False)
    template = json.loads((tmp_path / "out/front/message_templates/late.json").read_text(encoding="utf-8"))
    assert template["inbox_ids"] == ids
