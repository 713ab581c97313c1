"""scriptkit's own JSON export reads back into a pack that exports the same messages again."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from scriptkit import export, import_library, load_pack
from scriptkit.cli import main

PACK = """\
name: Round trip
version: 2.1.0
locale: en-GB
constants:
  shop: Tilly's Teas
channels:
  email:
    greeting: "Dear {{ customer.first_name | fallback('friend') }},"
    signoff: "Cheers,\\n{{ agent.first_name }} at {{ shop }}"
  chat:
    greeting: "Hey {{ customer.first_name | fallback('there') }}!"
    separator: "\\n"
"""

SCRIPT = """\
id: leaky-teapot
title: "Returns::Leaky teapot"
scenario: A teapot arrived with a crack and leaked on the table.
emotion: upset
channels: [email, chat]
tags: [returns, damage]
acknowledgment:
  - "A leaking teapot on your table is the last thing you wanted, and I'm sorry it happened."
  - "I'm sorry the teapot cracked and made a mess of your table."
warm_language: "Thanks for the photo; it helps me sort this quickly."
flexibility:
  guidance: "Check the photo shows the crack before you promise a refund."
  blanks:
    - {name: refund_amount, prompt: "The amount refunded, with currency", example: "$24.50"}
  alternatives:
    - label: They want a replacement
      text: "I've sent a new teapot from {{ shop }} today; it'll arrive by Friday."
  conditions:
    - when: they paid by gift card
      text: "The refund goes back onto your gift card within the hour."
solution: "I've refunded {{ blank.refund_amount }} to your card today, and I'll email {{ customer.email }} the receipt."
"""


def _pack(root: Path) -> Path:
    (root / "scripts").mkdir(parents=True)
    (root / "pack.yaml").write_text(PACK, encoding="utf-8")
    (root / "scripts" / "leaky-teapot.yaml").write_text(SCRIPT, encoding="utf-8")
    return root


def _messages(path: Path) -> dict[tuple[str, str, int], dict[str, Any]]:
    doc = json.loads(path.read_text(encoding="utf-8"))
    out = {}
    for m in doc["messages"]:
        out[(m["script_id"], m["channel"], m["variant"])] = {
            "text": m["text"], "slots": m["slots"], "title": m["title"], "scenario": m["scenario"],
            "emotion": m["emotion"], "tags": m["tags"],
            "notes": [(n["kind"], n["label"], n["text"]) for n in m["notes"]],
            "blanks": [(s["name"], s["prompt"], s.get("example")) for s in m["segments"] if s["type"] == "blank"],
        }
    return out


def test_export_import_export_gives_the_same_messages(tmp_path: Path) -> None:
    export(_pack(tmp_path / "pack"), ["json"], tmp_path / "first", force=True, lint=False)
    library = import_library(tmp_path / "first" / "json" / "pack.json")  # guessed from .json, then recognised
    assert library.format == "scriptkit"
    back = library.write(tmp_path / "back")
    export(back, ["json"], tmp_path / "second", force=True, lint=False)
    first = _messages(tmp_path / "first" / "json" / "pack.json")
    second = _messages(tmp_path / "second" / "json" / "pack.json")
    assert len(first) == 4  # two channels x two acknowledgment variants
    assert second == first
    pack = load_pack(back)
    assert pack.meta.name == "Round trip" and pack.meta.version == "2.1.0" and pack.meta.locale == "en-GB"
    script = pack.scripts[0]
    assert script.variants("acknowledgment")[1].startswith("I'm sorry the teapot cracked")
    assert script.flexibility is not None and script.flexibility.conditions[0].when == "they paid by gift card"
    # a blank's example is exported and comes back (a writer's hint to the agent is not lost)
    blanks = [blank for m in first.values() for blank in m["blanks"]]
    assert len(blanks) == 4 and all(blank[2] == "$24.50" for blank in blanks)
    assert [(b.name, b.example) for b in script.flexibility.blanks] == [("refund_amount", "$24.50")]


def test_the_cli_reads_it_back_without_a_review_list(tmp_path: Path) -> None:
    export(_pack(tmp_path / "pack"), ["json"], tmp_path / "out", force=True, lint=False)
    result = CliRunner().invoke(main, ["import", str(tmp_path / "out" / "json" / "pack.json"), "--from", "scriptkit",
                                       "--out", str(tmp_path / "back")])
    assert result.exit_code == 0, result.output
    assert "Imported 1 macro(s)" in result.output and "kept as blanks" not in result.output


def test_from_scriptkit_refuses_another_json_with_its_location(tmp_path: Path) -> None:
    other = tmp_path / "replies.json"
    other.write_text('[{"title": "Hi", "body": "Hello"}]', encoding="utf-8")
    result = CliRunner().invoke(main, ["import", str(other), "--from", "scriptkit", "--out", str(tmp_path / "p")])
    assert result.exit_code == 2
    assert f"{other}:1:1:" in result.output and "not a scriptkit export" in result.output
    assert "Traceback" not in result.output and not (tmp_path / "p").exists()


def test_a_mangled_message_is_named_and_the_rest_read(tmp_path: Path) -> None:
    export(_pack(tmp_path / "pack"), ["json"], tmp_path / "out", force=True, lint=False)
    path = tmp_path / "out" / "json" / "pack.json"
    doc = json.loads(path.read_text(encoding="utf-8"))
    doc["messages"].append({"script_id": "broken", "channel": "email", "variant": 0, "segments": [{"type": "gif"}]})
    path.write_text(json.dumps(doc), encoding="utf-8")
    library = import_library(path)
    assert [m.id for m in library.macros] == ["leaky-teapot"]
    assert [p.item for p in library.problems] == ["broken"]
    assert "unknown segment type 'gif'" in library.problems[0].message


SECOND = """\
id: late-parcel
title: Late parcel
acknowledgment: "I'm sorry your parcel is late; I know you were counting on it."
solution: "I've asked the courier to deliver it tomorrow, and I'll email you the tracking link today."
"""


def _export_two(tmp_path: Path) -> tuple[Path, dict[str, Any]]:
    root = _pack(tmp_path / "pack")
    (root / "scripts" / "late-parcel.yaml").write_text(SECOND, encoding="utf-8")
    export(root, ["json"], tmp_path / "out", force=True, lint=False)
    path = tmp_path / "out" / "json" / "pack.json"
    return path, json.loads(path.read_text(encoding="utf-8"))


def _first(doc: dict[str, Any]) -> dict[str, Any]:
    """The leaky-teapot email message of variant 0: the one the tests break."""
    return next(m for m in doc["messages"] if m["script_id"] == "leaky-teapot" and m["channel"] == "email"
                and m["variant"] == 0)


@pytest.mark.parametrize(("damage", "expected", "at"), [
    (lambda m: m.update(slots=5), "'slots' should be an object of slot texts, found a number", '"slots": 5'),
    (lambda m: m.update(segments="oops"), "'segments' should be a list of segments, found text", '"oops"'),
    (lambda m: m.update(notes="oops"), "'notes' should be a list of notes, found text", '"notes": "oops"'),
    (lambda m: m["notes"][1].pop("kind"), "note 2 has no 'kind' (guidance, alternative or condition)", "{"),
    (lambda m: m["notes"][0].update(kind="memo"), "note 1 has an unknown 'kind' 'memo'", '"kind": "memo"'),
    (lambda m: m["segments"][0].pop("type"), "segment 1 has no 'type' (text, placeholder or blank)", "{"),
    (lambda m: m["segments"][1].pop("name"), "segment 2 (placeholder) has no 'name'", "{"),
    (lambda m: m["segments"].__setitem__(0, 5), "segment 1 should be an object, found a number", "5"),
    (lambda m: m.pop("channel"), "has no 'channel'", "{"),
    (lambda m: m.update(variant="first"), "'variant' should be a whole number, found text", '"variant": "first"'),
    (lambda m: m["notes"][0]["segments"][0].update(type="gif"), "note 1: segment 1: unknown segment type 'gif'",
     '"type": "gif"'),
])
def test_a_malformed_message_is_named_at_its_place_and_the_rest_can_be_read(
        tmp_path: Path, damage: Callable[[dict[str, Any]], object], expected: str, at: str) -> None:
    path, doc = _export_two(tmp_path)
    damage(_first(doc))
    path.write_text(json.dumps(doc, indent=2, sort_keys=True), encoding="utf-8")
    result = CliRunner().invoke(main, ["import", str(path), "--from", "scriptkit", "--out", str(tmp_path / "back")])
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output and not (tmp_path / "back").exists()
    found = re.search(rf"{re.escape(str(path))}:(\d+):(\d+): error: leaky-teapot: message #\d+ "
                      rf"\((?:email)?(?:, )?(?:variant 0)?\): (.*)", result.output)
    assert found is not None, result.output
    assert found.group(3).startswith(expected)
    line = path.read_text(encoding="utf-8").splitlines()[int(found.group(1)) - 1]
    assert line[int(found.group(2)) - 1:].startswith(at.split(": ")[-1]) or at in line, (line, at)
    # --skip-bad reads the other script and names the broken one
    result = CliRunner().invoke(main, ["import", str(path), "--from", "scriptkit", "--out", str(tmp_path / "back"),
                                       "--skip-bad"])
    assert result.exit_code == 0, result.output
    assert "Imported 1 macro(s)" in result.output and expected in result.output
    assert [p.name for p in (tmp_path / "back" / "scripts").iterdir()] == ["late-parcel.yaml"]


@pytest.mark.parametrize(("version", "expected"), [
    (99, "this is version 99 of scriptkit's export format; this scriptkit reads version 1"),
    ("1", "'version' should be a whole number, found text"),
    (None, "no 'version'"),
    ("pack", "'pack' should be an object (name, version, locale), found a list"),
])
def test_an_export_of_an_unknown_version_is_refused_where_it_says_so(tmp_path: Path, version: object,
                                                                     expected: str) -> None:
    path, doc = _export_two(tmp_path)
    if version is None:
        del doc["version"]
    elif version == "pack":  # (the right version, the pack's header broken)
        doc["pack"] = ["Round trip"]
    else:
        doc["version"] = version
    text = json.dumps(doc, indent=2, sort_keys=True)
    path.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(main, ["import", str(path), "--from", "scriptkit", "--out", str(tmp_path / "back")])
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output and not (tmp_path / "back").exists()
    lines = text.splitlines()
    # the top-level "version" is the last key
    line = 1 if version is None else len(lines) - 1 if version != "pack" else lines.index('  "pack": [') + 1
    assert f"{path}:{line}:" in result.output and expected in result.output, result.output
    assert "scriptkit export" in result.output
    if version == 99:
        assert "upgrade scriptkit" in result.output.lower()


def test_the_packs_own_placeholders_come_back_declared(tmp_path: Path) -> None:
    """A pack's declared placeholders (description, sample, can it be blank) were not in the export: read
    back, the pack used {{ order.number }} undeclared, and its blank-greeting check (SK001) went quiet."""
    pack = _pack(tmp_path / "pack")
    (pack / "pack.yaml").write_text(PACK + "placeholders:\n  order.number:\n    description: The order's number\n"
                                    "    sample: A-1001\n  order.total:\n    can_be_blank: false\n", encoding="utf-8")
    (pack / "scripts" / "leaky-teapot.yaml").write_text(
        SCRIPT.replace("to your card today", "for order {{ order.number }} ({{ order.total }}) today"),
        encoding="utf-8")
    export(pack, ["json"], tmp_path / "out", force=True, lint=False)
    back = load_pack(import_library(tmp_path / "out" / "json" / "pack.json").write(tmp_path / "back"))
    declared = {name: (p.description, p.sample, p.can_be_blank) for name, p in back.meta.placeholders.items()}
    assert declared == {"order.number": ("The order's number", "A-1001", True), "order.total": ("", "sample", False)}
    # a pack that declares none exports as before, with no 'placeholders' key
    export(_pack(tmp_path / "plain"), ["json"], tmp_path / "plain-out", force=True, lint=False)
    assert "placeholders" not in json.loads((tmp_path / "plain-out" / "json" / "pack.json").read_text())["pack"]
    # declarations a hand edit broke are named, not dropped (the scripts would not load without them)
    doc = json.loads((tmp_path / "out" / "json" / "pack.json").read_text(encoding="utf-8"))
    doc["pack"]["placeholders"]["order.total"] = {"can_be_blank": "no"}
    (tmp_path / "bad.json").write_text(json.dumps(doc), encoding="utf-8")
    result = CliRunner().invoke(main, ["import", str(tmp_path / "bad.json"), "--out", str(tmp_path / "bad")])
    assert result.exit_code == 2 and "'pack.placeholders' should map each placeholder" in result.output
