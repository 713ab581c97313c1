"""The pack `scriptkit init` writes shows, commented, how to map its example's order number to a Zendesk
ticket field: the newcomer's first export warned SK503 with nothing in the pack to show the way. The comment
must stay true: uncommented, the export fills the field in and warns no more."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from scriptkit.cli import main


def test_the_commented_zendesk_mapping_works_once_uncommented(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    assert runner.invoke(main, ["init", "team"]).exit_code == 0
    # (the new pack asks the agent for the order number as a blank, 6c4bfa8c; the comment says how to use a ticket
    # field instead: {{ order.number }} in the scripts, then its mapping)
    for script in Path("team/scripts").glob("*.yaml"):
        script.write_text(script.read_text(encoding="utf-8").replace("{{ blank.order_number }}", "{{ order.number }}"),
                          encoding="utf-8")
    before = runner.invoke(main, ["export", "team", "--to", "zendesk", "--out", "a", "--grammar", "off"],
                           env={"NO_COLOR": "1"})
    assert "SK503" in before.output  # (what the comment answers)
    pack_yaml = Path("team/pack.yaml")
    lines = pack_yaml.read_text(encoding="utf-8").splitlines()
    start = lines.index("# export:")
    pack_yaml.write_text("\n".join([*lines[:start], *(line.removeprefix("# ") for line in lines[start:])]) + "\n",
                         encoding="utf-8")
    after = runner.invoke(main, ["export", "team", "--to", "zendesk", "--out", "b", "--grammar", "off"],
                          env={"NO_COLOR": "1"})
    assert after.exit_code == 0 and "SK503" not in after.output, after.output
    bodies = [json.loads(p.read_text(encoding="utf-8")) for p in Path("b/zendesk/macros").glob("*.json")]
    assert bodies and all("{{ticket.ticket_field_360001234567}}" in json.dumps(b) for b in bodies)
