"""A Quick Text of scriptkit's own Salesforce export names the script's first category as its Category, which
the import reads back into the title ('Orders / Late' -> 'Orders::Late'): it is no tag of the script. Before, it
came back as the script's tags too, [Orders] in place of the tags the script had (Quick Text carries no tags, so
those are not in the export at all: the imported script has none)."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from ruamel.yaml import YAML

from scriptkit.cli import main

PACK = """\
name: Tags
version: 0.1.0
locale: en-US
channels:
  email:
    greeting: "Hello,"
    signoff: "Best wishes, the team"
"""

SCRIPT = """\
id: late-parcel
title: "Orders::Shipping::Late"
channels: [email]
tags: [orders, delivery, vip-customers]
acknowledgment: "I'm sorry your parcel is later than we promised."
warm_language: "Thanks for your patience while I look into it."
solution: "I've asked the courier for an update and will write again by tomorrow evening."
"""


def test_the_category_of_scriptkits_own_quick_text_is_no_tag(tmp_path: Path) -> None:
    pack = tmp_path / "pack"
    (pack / "scripts").mkdir(parents=True)
    (pack / "pack.yaml").write_text(PACK, encoding="utf-8")
    (pack / "scripts" / "late-parcel.yaml").write_text(SCRIPT, encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["export", str(pack), "--to", "salesforce", "-o", str(out), "--grammar", "off"])
    assert result.exit_code in (0, 1), result.output
    back = tmp_path / "back"
    result = CliRunner().invoke(main, ["import", str(out / "salesforce" / "quick_text.json"), "-o", str(back)])
    assert result.exit_code == 0, result.output
    (script,) = (back / "scripts").glob("*.yaml")
    doc = YAML(typ="safe").load(script.read_text(encoding="utf-8"))
    assert doc["title"] == "Orders::Shipping::Late"
    assert "Orders" not in doc.get("tags", []), doc.get("tags")
