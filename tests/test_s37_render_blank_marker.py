"""render showed an unfilled blank as '[[new_day]]' while every export writes it '[[new day]]', the marker the agent
finds and fills in the helpdesk: render now shows the exports' marker (targets.base's blank_marker), in the reply
and in the agent's lines. (Its JSON, for tools, keeps the blank's name as the pack writes it.)"""

from __future__ import annotations

import json
from pathlib import Path

from conftest import run_cli
from export_fixtures import PACK_YAML, write_pack

from scriptkit.exporting import export

LATE = """\
id: late
title: Late parcel
channels: [email]
acknowledgment: "I can see how worrying the wait for your parcel has been."
flexibility:
  guidance: Check the courier's page first.
  blanks:
    - name: new_day
      prompt: The day the courier gives
solution: "I've chased the courier today, and it will arrive by {{ blank.new_day }}."
"""


def test_render_shows_a_blank_as_the_exports_write_it(tmp_path: Path) -> None:
    pack = write_pack(tmp_path / "pack", {"late.yaml": LATE}, PACK_YAML)
    export(pack, ["salesforce"], tmp_path / "out", lint=False)
    exported = json.loads((tmp_path / "out/salesforce/quick_text/late.json").read_text(encoding="utf-8"))["Message"]
    assert "arrive by [[new day]]." in exported
    result = run_cli("render", str(pack), "--preview")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert any(line.endswith("it will arrive by [[new day]].") for line in lines), result.output
    assert "agent · fill in [[new day]]: The day the courier gives" in lines, result.output
    assert "new_day" not in result.output, result.output
    # (JSON is for tools: the blank's name, as the pack writes it)
    data = json.loads(run_cli("render", str(pack), "--format", "json").output)
    assert "[[new_day]]" in data[0]["text"]
