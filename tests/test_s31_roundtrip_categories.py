"""A script's categories come back from scriptkit's own Freshdesk, Help Scout, Front and Intercom exports: those
helpdesks have no categories in a title, so the export writes 'Orders / Shipping / Late delivery'
(display_title), and the import reads it back as 'Orders::Shipping::Late delivery', as the Gorgias, Salesforce and
CSV imports already did; a Zendesk export of the imported pack then has its categories again."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from ruamel.yaml import YAML

from scriptkit.cli import main

PACK = """\
name: Categories
version: 0.1.0
locale: en-US
channels:
  email:
    greeting: "Hello,"
    signoff: "Best wishes, the team"
"""

SCRIPT = """\
id: late-parcel
title: "Orders::Shipping::Late delivery"
channels: [email]
acknowledgment: "I'm sorry your parcel is later than we promised."
warm_language: "Thanks for your patience while I look into it."
solution: "I've asked the courier for an update and will write again by tomorrow evening."
"""

#: the file each export writes its replies to
FILES = {"freshdesk": "canned_responses.json", "helpscout": "saved_replies.json",
         "front": "message_templates.json", "intercom": "macros.json"}


def _run(*args: str) -> None:
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code in (0, 1), result.output  # (1: findings of the check before an export)


@pytest.mark.parametrize("target", sorted(FILES))
def test_categories_come_back_from_scriptkits_own_export(tmp_path: Path, target: str) -> None:
    pack = tmp_path / "pack"
    (pack / "scripts").mkdir(parents=True)
    (pack / "pack.yaml").write_text(PACK, encoding="utf-8")
    (pack / "scripts" / "late-parcel.yaml").write_text(SCRIPT, encoding="utf-8")
    _run("export", str(pack), "--to", target, "-o", str(tmp_path / "out"), "--grammar", "off")
    back = tmp_path / "back"
    _run("import", str(tmp_path / "out" / target / FILES[target]), "-o", str(back))
    (script,) = (back / "scripts").glob("*.yaml")
    assert YAML(typ="safe").load(script.read_text(encoding="utf-8"))["title"] == "Orders::Shipping::Late delivery"
    _run("export", str(back), "--to", "zendesk", "-o", str(tmp_path / "again"), "--grammar", "off")
    macros = json.loads((tmp_path / "again" / "zendesk" / "macros.json").read_text(encoding="utf-8"))["macros"]
    assert [m["title"] for m in macros] == ["Orders::Shipping::Late delivery"]
