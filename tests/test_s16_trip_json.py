"""scriptkit's own JSON export reads back as the pack it was (docs/guides/import-audit.md): the pack's
description, `rules:` and `grammar:` settings, each channel it sets (one no script is sent on too) and each
script's `ignore:` come back, a script without an emotion gets none, and `check` finds the same in both."""

from __future__ import annotations

import json
import shutil
from collections import Counter
from pathlib import Path

import pytest

from scriptkit import ImportFormatError, export, import_library, lint_pack, load_pack

STARTER = Path(__file__).resolve().parent.parent / "templates" / "starter"


def _pack(tmp_path: Path) -> Path:
    """The starter pack with what the export lost: settings, a script's ignore, a script with no emotion."""
    pack = tmp_path / "pack"
    shutil.copytree(STARTER, pack)
    yaml = pack / "pack.yaml"
    yaml.write_text(yaml.read_text(encoding="utf-8")
                    + "rules: {ignore: [SK105], severity: {SK201: error}}\n", encoding="utf-8")
    lockout = pack / "scripts" / "account-lockout.yaml"
    lockout.write_text(lockout.read_text(encoding="utf-8").replace("\nemotion: anxious\n", "\nignore: [SK207]\n")
                       .replace("  blanks:\n", "  blanks:\n    - name: spare\n      prompt: A blank no text uses\n"),
                       encoding="utf-8")
    return pack


def _trip(tmp_path: Path, pack: Path) -> Path:
    export(pack, ["json"], tmp_path / "out", lint=False)
    return import_library(tmp_path / "out" / "json" / "pack.json").write(tmp_path / "again")


def _findings(pack: Path) -> Counter[tuple[str, str, str]]:
    return Counter((d.code, Path(d.location.file).stem if d.location else "", d.severity.value)
                   for d in lint_pack(load_pack(pack)).diagnostics)


def test_json_round_trip_keeps_the_packs_settings_and_each_scripts_ignore(tmp_path: Path) -> None:
    pack = _pack(tmp_path)
    before, after = load_pack(pack), load_pack(_trip(tmp_path, pack))
    assert after.meta.description == before.meta.description != ""
    assert after.meta.rules == {"ignore": ["SK105"], "severity": {"SK201": "error"}}
    assert after.meta.grammar == before.meta.grammar == {"dictionary": ["Northwind"]}
    # each channel the pack sets, social too (no script is sent on it), and none it leaves to the defaults
    assert set(after.meta.channels) == set(before.meta.channels)
    for channel, layout in before.meta.channels.items():
        theirs = after.meta.channels[channel]
        assert (theirs.greeting.replace('"', "'"), theirs.signoff, theirs.separator) == \
            (layout.greeting, layout.signoff.rstrip("\n"), layout.separator)
    lockout = after.script("account-lockout")
    assert lockout.ignore == ["SK207"] and lockout.emotion == ""  # (not 'neutral')
    for script in before.scripts:
        twin = after.script(script.id)
        assert (twin.channels, twin.ignore, twin.emotion, twin.tags) == \
            (script.channels, script.ignore, script.emotion, script.tags)
        assert list(twin.blanks.values()) == list(script.blanks.values())  # (in the order declared)
    assert list(lockout.blanks) == ["spare", "call_time"]


def test_check_finds_the_same_before_and_after_the_round_trip(tmp_path: Path) -> None:
    pack = _pack(tmp_path)
    # a short reply (SK105, which the pack ignores) with a corporate phrase (SK201, an error in this pack)
    # that gives the agent no room (SK406, which the script ignores)
    (pack / "scripts" / "short.yaml").write_text(
        'id: short\ntitle: "Test::Short"\nemotion: upset\nignore: [SK406]\n'
        'acknowledgment: "I\'m sorry your parcel is late."\n'
        'solution: "Please be advised that I\'ve sent a new one today, and it arrives by Friday."\n', encoding="utf-8")
    found = _findings(pack)
    assert found == Counter({("SK201", "short", "error"): 1, ("SK003", "account-lockout", "warning"): 1})
    assert _findings(_trip(tmp_path, pack)) == found


def test_an_earlier_version_of_the_export_still_reads_without_the_settings(tmp_path: Path) -> None:
    pack = _pack(tmp_path)
    export(pack, ["json"], tmp_path / "out", lint=False)
    path = tmp_path / "out" / "json" / "pack.json"
    doc = json.loads(path.read_text(encoding="utf-8"))
    assert doc["version"] == 3
    doc["version"] = 2
    for key in ("description", "channels", "rules", "grammar"):
        del doc["pack"][key]
    for message in doc["messages"]:
        message.pop("ignore", None)
        message.pop("blanks", None)
    path.write_text(json.dumps(doc), encoding="utf-8")
    again = load_pack(import_library(path).write(tmp_path / "again"))
    lockout = again.script("account-lockout")
    assert again.meta.rules == {} and lockout.ignore == [] and list(lockout.blanks) == ["call_time"]
    assert "imported from" in again.meta.description
    assert "social" not in again.meta.channels  # (the channels the messages show)


@pytest.mark.parametrize(("key", "value", "said"), [
    ("channels", [], "'pack.channels' should be an object"),
    ("channels", {"fax": {"greeting": [], "signoff": []}}, "'pack.channels.fax' is no channel"),
    ("channels", {"email": {"greeting": []}}, "'pack.channels.email' has no 'signoff'"),
    ("rules", ["SK105"], "'pack.rules' should be an object of settings"),
    ("description", 3, "'pack.description' should be text"),
])
def test_a_bad_setting_in_the_export_is_named_where_it_is(tmp_path: Path, key: str, value: object,
                                                          said: str) -> None:
    pack = _pack(tmp_path)
    export(pack, ["json"], tmp_path / "out", lint=False)
    path = tmp_path / "out" / "json" / "pack.json"
    doc = json.loads(path.read_text(encoding="utf-8"))
    doc["pack"][key] = value
    path.write_text(json.dumps(doc, indent=1), encoding="utf-8")
    with pytest.raises(ImportFormatError, match=said) as caught:
        import_library(path)
    assert caught.value.location is not None and caught.value.location.line > 1
    assert not (tmp_path / "again").exists()


def test_a_rules_file_the_settings_name_comes_back_as_its_rules(tmp_path: Path) -> None:
    # (the export holds the file's rules, not its path: the file is not beside the imported pack)
    pack = tmp_path / "pack"
    shutil.copytree(STARTER, pack)
    (pack / "voice.yaml").write_text("- name: no-today\n  kind: existence\n  terms: [today]\n"
                                     "  message: say when '{match}' is\n", encoding="utf-8")
    yaml = pack / "pack.yaml"
    yaml.write_text(yaml.read_text(encoding="utf-8") + "rules: {files: [voice.yaml]}\n", encoding="utf-8")
    again = _trip(tmp_path, pack)
    rules = load_pack(again).meta.rules
    assert "files" not in rules and [r["name"] for r in rules["custom"]] == ["no-today"]
    found = _findings(pack)
    assert any(code.startswith("SK8") for code, _, _ in found)  # (the rule of the file speaks)
    assert _findings(again) == found


def test_a_blank_name_no_pack_could_hold_is_named_where_it_is(tmp_path: Path) -> None:
    # (it imported, and the pack it wrote was refused by check)
    pack = _pack(tmp_path)
    export(pack, ["json"], tmp_path / "out", lint=False)
    path = tmp_path / "out" / "json" / "pack.json"
    doc = json.loads(path.read_text(encoding="utf-8"))
    message = next(m for m in doc["messages"] if m.get("blanks"))
    message["blanks"][0]["name"] = "Bad Name"
    path.write_text(json.dumps(doc, indent=1), encoding="utf-8")
    (problem,) = import_library(path).problems  # (the CLI refuses the import unless --skip-bad skips it)
    assert "'blanks' should be a list of blanks" in problem.message and "each name in lower-case" in problem.message
    assert problem.location is not None and problem.location.line > 1


def test_a_blank_segment_name_no_pack_could_hold_is_named_where_it_is(tmp_path: Path) -> None:
    # (a renamed blank in the text, with no declared blanks: it wrote {{ blank.Bad Name }}, which check refused)
    pack = _pack(tmp_path)
    export(pack, ["json"], tmp_path / "out", lint=False)
    path = tmp_path / "out" / "json" / "pack.json"
    doc = json.loads(path.read_text(encoding="utf-8"))
    message = next(m for m in doc["messages"] if any(s["type"] == "blank" for s in m["segments"]))
    message.pop("blanks", None)
    next(s for s in message["segments"] if s["type"] == "blank")["name"] = "Bad Name"
    path.write_text(json.dumps(doc, indent=1), encoding="utf-8")
    (problem,) = import_library(path).problems
    assert "(blank) 'name' should be a blank's name" in problem.message
    assert problem.location is not None and problem.location.line > 1
