"""A script written for several channels comes back from scriptkit's own CSV export as one script: each row's
script_id names the script and its channel column the channel, as Gorgias's external_id and a Quick Text's Channel
do. Before, each further channel's rows came back as a script of their own ('late-parcel-chat', 'Late (chat)')."""

from __future__ import annotations

import csv
from pathlib import Path

from click.testing import CliRunner
from ruamel.yaml import YAML

from scriptkit import load_pack
from scriptkit.cli import main

PACK = """\
name: Channels
version: 0.1.0
locale: en-US
channels:
  email:
    greeting: "Hello,"
    signoff: "Best wishes, the team"
  chat:
    greeting: "Hi there!"
  sms:
    greeting: "Hi!"
"""

SCRIPT = """\
id: late-parcel
title: "Orders::Late"
channels: [email, chat, sms]
acknowledgment:
  - "I'm sorry your parcel is later than we promised."
  - "A late parcel is frustrating, and I'm sorry."
warm_language: "Thanks for your patience while I look into it."
solution: "I've asked the courier for an update and will write again by tomorrow evening."
by_channel:
  sms:
    solution: "I've chased the courier and will text you tomorrow."
"""


def test_a_scripts_channels_come_back_as_one_script_from_csv(tmp_path: Path) -> None:
    pack = tmp_path / "pack"
    (pack / "scripts").mkdir(parents=True)
    (pack / "pack.yaml").write_text(PACK, encoding="utf-8")
    (pack / "scripts" / "late-parcel.yaml").write_text(SCRIPT, encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["export", str(pack), "--to", "csv", "-o", str(out), "--grammar", "off"])
    assert result.exit_code in (0, 1), result.output
    exported = out / "csv" / "scripts.csv"
    with exported.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert {r["script_id"] for r in rows} == {"late-parcel"} and len(rows) == 6  # (3 channels, 2 variants)
    back = tmp_path / "back"
    result = CliRunner().invoke(main, ["import", str(exported), "-o", str(back)])
    assert result.exit_code == 0, result.output
    assert [p.name for p in (back / "scripts").glob("*.yaml")] == ["late-parcel.yaml"]
    doc = YAML(typ="safe").load((back / "scripts" / "late-parcel.yaml").read_text(encoding="utf-8"))
    assert doc["title"] == "Orders::Late" and doc["channels"] == ["email", "chat", "sms"]
    script = load_pack(back).script("late-parcel")
    assert len(script.acknowledgment) == 2
    assert "text you tomorrow" in str(script.by_channel["sms"]) and "text you" not in str(script.solution)


STARTER = Path(__file__).resolve().parent.parent / "templates" / "starter"


def test_the_starters_csv_reads_back_as_its_scripts_and_exports_the_same_csv(tmp_path: Path) -> None:
    runner = CliRunner()
    one, two = tmp_path / "one" / "csv" / "scripts.csv", tmp_path / "two" / "csv" / "scripts.csv"
    result = runner.invoke(main, ["export", str(STARTER), "--to", "csv", "-o", str(tmp_path / "one"),
                                  "--grammar", "off"])
    assert result.exit_code in (0, 1), result.output
    result = runner.invoke(main, ["import", str(one), "-o", str(tmp_path / "back")])
    assert result.exit_code == 0, result.output
    back = sorted(p.name for p in (tmp_path / "back" / "scripts").glob("*.yaml"))
    assert back == sorted(p.name for p in (STARTER / "scripts").glob("*.yaml"))
    result = runner.invoke(main, ["export", str(tmp_path / "back"), "--to", "csv", "-o", str(tmp_path / "two"),
                                  "--grammar", "off"])
    assert result.exit_code in (0, 1), result.output
    assert two.read_bytes() == one.read_bytes()
