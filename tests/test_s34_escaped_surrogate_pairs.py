"""A script written by a tool with Python's json.dumps (ensure_ascii) spells an emoji as its two UTF-16 halves,
'\\ud83d\\ude00': valid JSON and YAML for the one character, which the loader refused as "half of a character"."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from scriptkit.cli import main
from scriptkit.loading import load_pack
from scriptkit.sourcetext import scalar_offsets

SCRIPT = {"id": "smile", "title": "Smile \N{GRINNING FACE}",
          "acknowledgment": "I'm sorry the parcel is late \N{GRINNING FACE} and I know how annoying that is.",
          "solution": "I've sent a new one today; it arrives by Friday."}


def test_an_escaped_pair_is_read_as_the_character_it_encodes(make_pack) -> None:  # type: ignore[no-untyped-def]
    pack = make_pack({"smile.yaml": json.dumps(SCRIPT, indent=1)})  # ('\ud83d\ude00': the ensure_ascii default)
    assert "\\ud83d\\ude00" in (pack / "scripts" / "smile.yaml").read_text(encoding="utf-8")
    script = load_pack(pack).scripts[0]
    assert script.title == SCRIPT["title"] and script.acknowledgment == SCRIPT["acknowledgment"]
    result = CliRunner().invoke(main, ["render", str(pack)])
    assert result.exit_code == 0 and "\N{GRINNING FACE}" in result.stdout, result.output


def test_a_finding_after_the_pair_is_located_at_its_own_words(make_pack) -> None:  # type: ignore[no-untyped-def]
    script = dict(SCRIPT, solution="Sure \N{GRINNING FACE} Kindly wait for the new one; it arrives by Friday.")
    pack = make_pack({"smile.yaml": json.dumps(script, indent=1)})
    text = (pack / "scripts" / "smile.yaml").read_text(encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(pack), "--grammar", "off", "--format", "json"])
    found = [d for d in json.loads(result.stdout)["diagnostics"] if d["text"] == "Kindly"]
    assert found, result.output
    line = text.splitlines()[found[0]["line"] - 1]
    assert line[found[0]["col"] - 1:].startswith("Kindly"), (line, found[0])


def test_a_lone_half_is_still_refused_where_it_is(make_pack, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    for written in ('"Hi \\ud83d there"', '"Hi \\ude00\\ud83d"', '"Hi \\ud83d\\ud83d"'):
        pack = make_pack({"smile.yaml": f"id: smile\ntitle: {written}\nacknowledgment: Sorry.\nsolution: Done.\n"})
        result = CliRunner().invoke(main, ["check", str(pack), "--grammar", "off"])
        assert result.exit_code == 2 and "smile.yaml:2:" in result.stderr and "half of a character" in result.stderr, \
            (written, result.output)


def test_the_character_after_the_pair_maps_to_its_own_place() -> None:
    text = 'solution: "Sure \\ud83d\\ude00Kindly"'
    offsets = scalar_offsets(text, text.index('"'), "Sure \N{GRINNING FACE}Kindly")
    assert offsets[5] == text.index("\\ud83d") and offsets[6] == text.index("Kindly")
