"""A blank written only in a script's second variant keeps its prompt and example through an export with
``variants: each`` and an import back: the variant's own macro (or CSV row) carries them, and merging that
macro into the script's must not leave the blank with the import's stand-in prompt."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from ruamel.yaml import YAML

from scriptkit.cli import main

PACK = """\
name: Variant blanks
version: 0.1.0
locale: en-US
channels:
  email:
    greeting: "Hello,"
    signoff: "Best wishes, the team"
export:
  zendesk: {variants: each}
"""

SCRIPT = """\
id: broken-vase
title: "Orders::Broken on arrival"
channels: [email]
acknowledgment:
  - "I'm sorry the parcel reached you in pieces."
  - "Opening the box to a cracked {{ blank.thing_broken }} is a real letdown, and I understand."
warm_language: "Thanks for letting us know so quickly."
flexibility:
  blanks:
    - name: thing_broken
      prompt: The object that broke, in a few words
      example: glass vase
solution: "A new one leaves our warehouse tomorrow morning, and you can keep the broken one."
"""


def _pack(tmp_path: Path) -> Path:
    pack = tmp_path / "pack"
    (pack / "scripts").mkdir(parents=True)
    (pack / "pack.yaml").write_text(PACK, encoding="utf-8")
    (pack / "scripts" / "broken-vase.yaml").write_text(SCRIPT, encoding="utf-8")
    return pack


def _round_trip(tmp_path: Path, target: str, exported: str) -> dict[str, object]:
    pack = _pack(tmp_path)
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["export", str(pack), "--to", target, "-o", str(out), "--grammar", "off"])
    assert result.exit_code in (0, 1), result.output
    back = tmp_path / "back"
    result = CliRunner().invoke(main, ["import", str(out / target / exported), "-o", str(back)])
    assert result.exit_code == 0, result.output
    scripts = list((back / "scripts").glob("*.yaml"))
    assert len(scripts) == 1, [s.name for s in scripts]  # the variant merged back into its script
    doc: dict[str, object] = YAML(typ="safe").load(scripts[0].read_text(encoding="utf-8"))
    return doc


def _blank(doc: dict[str, object]) -> dict[str, str]:
    flexibility = doc["flexibility"]
    assert isinstance(flexibility, dict)
    (blank,) = [b for b in flexibility["blanks"] if b["name"] == "thing_broken"]
    assert isinstance(blank, dict)
    return blank


@pytest.mark.parametrize(("target", "exported"), [("zendesk", "macros.json"), ("csv", "scripts.csv")])
def test_a_blank_of_the_second_variant_keeps_its_prompt(tmp_path: Path, target: str, exported: str) -> None:
    blank = _blank(_round_trip(tmp_path, target, exported))
    assert blank["prompt"] == "The object that broke, in a few words"


def test_a_blank_of_the_second_variant_keeps_its_example_from_csv(tmp_path: Path) -> None:
    blank = _blank(_round_trip(tmp_path, "csv", "scripts.csv"))
    assert blank.get("example") == "glass vase"
