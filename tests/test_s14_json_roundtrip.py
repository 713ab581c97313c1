"""scriptkit's JSON export carries the helpdesk settings (`export:`), and reads them back exactly."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner
from export_fixtures import schema

from scriptkit.cli import main

PACK = """\
name: Settings trip
version: 1.4.0
channels:
  email:
    greeting: "Hi {{ customer.first_name | fallback('there') }},"
    signoff: "Best,\\nThe support team"
export:
  zendesk:
    restriction: {type: Group, ids: [41, 42]}
  gorgias:
    status: open
"""

NOTE = """\
id: refund-check
title: "Internal::Before a refund"
channels: [email]
acknowledgment: "Check the order was paid before you refund it."
solution: "Refund only once the payment shows as settled."
export:
  zendesk:
    public: false
"""

FRENCH = """\
id: colis-retard
title: "Shipping::Late parcel (French)"
channels: [email, chat]
acknowledgment: "Je suis désolé que votre colis soit en retard."
solution: "Je l'ai relancé aujourd'hui et vous écris dès qu'il part."
export:
  gorgias:
    language: fr
    status: closed
  freshdesk:
    visibility: groups
    group_ids: [7, 9]
"""


def _pack(root: Path) -> Path:
    (root / "scripts").mkdir(parents=True)
    (root / "pack.yaml").write_text(PACK, encoding="utf-8")
    (root / "scripts" / "refund-check.yaml").write_text(NOTE, encoding="utf-8")
    (root / "scripts" / "colis-retard.yaml").write_text(FRENCH, encoding="utf-8")
    return root


def _run(*args: str) -> str:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def _yaml(path: Path) -> str:
    """The file without its comments (which name the file it was read from)."""
    return "".join(line for line in path.read_text(encoding="utf-8").splitlines(keepends=True)
                   if not line.startswith("#"))


def _export_import(pack: Path, tmp: Path, name: str) -> Path:
    _run("export", str(pack), "--to", "json", "--out", str(tmp / f"{name}-out"))
    back = tmp / f"{name}-back"
    _run("import", str(tmp / f"{name}-out" / "json" / "pack.json"), "-o", str(back))
    return back


def test_the_json_export_carries_each_scripts_settings_and_the_packs(tmp_path: Path) -> None:
    pack = _pack(tmp_path / "pack")
    _run("export", str(pack), "--to", "json", "--out", str(tmp_path / "out"))
    doc = json.loads((tmp_path / "out" / "json" / "pack.json").read_text(encoding="utf-8"))
    assert doc["version"] == 3
    jsonschema.validate(doc, schema("json"))  # the format's schema names the settings
    assert doc["pack"]["export"] == {"zendesk": {"restriction": {"type": "Group", "ids": [41, 42]}},
                                     "gorgias": {"status": "open"}}
    by_script = {(m["script_id"], m["channel"]): m.get("export") for m in doc["messages"]}
    assert by_script[("refund-check", "email")] == {"zendesk": {"public": False}}
    french = {"gorgias": {"language": "fr", "status": "closed"}, "freshdesk": {"visibility": "groups",
                                                                                 "group_ids": [7, 9]}}
    assert by_script[("colis-retard", "email")] == by_script[("colis-retard", "chat")] == french


def test_export_import_export_keeps_the_settings_byte_for_byte(tmp_path: Path) -> None:
    pack = _pack(tmp_path / "pack")
    back = _export_import(pack, tmp_path, "first")
    again = _export_import(back, tmp_path, "second")
    for name in ("pack", "scripts/refund-check", "scripts/colis-retard"):  # read back the same the second time
        assert _yaml(back / f"{name}.yaml") == _yaml(again / f"{name}.yaml")
    first = json.loads((tmp_path / "first-out" / "json" / "pack.json").read_text(encoding="utf-8"))
    second = json.loads((tmp_path / "second-out" / "json" / "pack.json").read_text(encoding="utf-8"))
    assert json.dumps(second["pack"]["export"]) == json.dumps(first["pack"]["export"])
    assert [json.dumps(m.get("export")) for m in second["messages"]] == \
        [json.dumps(m.get("export")) for m in first["messages"]]
    # each helpdesk's own export of the pack read back is the original's, byte for byte
    for helpdesk in ("zendesk", "gorgias", "freshdesk"):
        _run("export", str(pack), "--to", helpdesk, "--out", str(tmp_path / f"orig-{helpdesk}"))
        _run("export", str(back), "--to", helpdesk, "--out", str(tmp_path / f"back-{helpdesk}"))
        originals = sorted(p.relative_to(tmp_path / f"orig-{helpdesk}")
                           for p in (tmp_path / f"orig-{helpdesk}").rglob("*") if p.is_file())
        assert originals
        for rel in originals:
            assert (tmp_path / f"back-{helpdesk}" / rel).read_bytes() == \
                (tmp_path / f"orig-{helpdesk}" / rel).read_bytes(), f"{helpdesk}: {rel}"


def test_an_internal_note_read_back_stays_internal_in_zendesk(tmp_path: Path) -> None:
    back = _export_import(_pack(tmp_path / "pack"), tmp_path, "first")
    script = (back / "scripts" / "refund-check.yaml").read_text(encoding="utf-8")
    assert "export:\n  zendesk:\n    public: false\n" in script
    _run("export", str(back), "--to", "zendesk", "--out", str(tmp_path / "zd"))
    macro = json.loads((tmp_path / "zd" / "zendesk" / "macros" / "refund-check.json").read_text(encoding="utf-8"))
    actions = {a["field"]: a["value"] for a in macro["macro"]["actions"]}
    assert actions["comment_mode_is_public"] == "false"


def test_an_export_of_version_1_still_reads_without_settings(tmp_path: Path) -> None:
    pack = _pack(tmp_path / "pack")
    _run("export", str(pack), "--to", "json", "--out", str(tmp_path / "out"))
    path = tmp_path / "out" / "json" / "pack.json"
    doc = json.loads(path.read_text(encoding="utf-8"))
    doc["version"] = 1  # as an earlier scriptkit wrote it: no settings at all
    del doc["pack"]["export"]
    for message in doc["messages"]:
        message.pop("export", None)
    path.write_text(json.dumps(doc, indent=2), encoding="utf-8")
    _run("import", str(path), "-o", str(tmp_path / "back"))
    assert "\nexport:" not in _yaml(tmp_path / "back" / "scripts" / "refund-check.yaml")
    assert "\nexport:" not in _yaml(tmp_path / "back" / "pack.yaml")


@pytest.mark.parametrize(("where", "message"), [
    ("message", "'export' should be an object of helpdesk settings (zendesk: {...}), found a list"),
    ("pack", "'pack.export' should be an object of helpdesk settings (zendesk: {...}), found text"),
    ("version", "this is version 4 of scriptkit's export format; this scriptkit reads version 1, 2 or 3"),
])
def test_settings_not_as_written_are_refused_where_they_stand(tmp_path: Path, where: str, message: str) -> None:
    pack = _pack(tmp_path / "pack")
    _run("export", str(pack), "--to", "json", "--out", str(tmp_path / "out"))
    path = tmp_path / "out" / "json" / "pack.json"
    doc = json.loads(path.read_text(encoding="utf-8"))
    if where == "message":
        doc["messages"][0]["export"] = ["zendesk"]
    elif where == "pack":
        doc["pack"]["export"] = "zendesk"
    else:
        doc["version"] = 4
    text = json.dumps(doc, indent=2)
    path.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(main, ["import", str(path), "-o", str(tmp_path / "back")])
    assert message in result.output
    lines = text.splitlines()
    marks = {"message": '"export": [', "pack": '"export": "zendesk"', "version": '"version": 4'}
    line = next(i for i, s in enumerate(lines, 1) if s.strip().startswith(marks[where]))
    assert f"pack.json:{line}:" in result.output
    assert "Traceback" not in result.output
    # nothing is written: a script without its settings would export differently (--skip-bad leaves it out)
    assert result.exit_code == 2 and not (tmp_path / "back").exists()


def test_a_setting_yaml_reads_as_a_date_is_written_as_its_text(tmp_path: Path) -> None:
    pack = _pack(tmp_path / "pack")
    with (pack / "scripts" / "refund-check.yaml").open("a", encoding="utf-8") as script:
        script.write("  custom:\n    reviewed: 2026-03-01\n")  # (another tool's block: YAML reads a date)
    back = _export_import(pack, tmp_path, "first")
    doc = json.loads((tmp_path / "first-out" / "json" / "pack.json").read_text(encoding="utf-8"))
    note = next(m for m in doc["messages"] if m["script_id"] == "refund-check")
    assert note["export"]["custom"] == {"reviewed": "2026-03-01"}
    assert "  custom:\n    reviewed: '2026-03-01'\n" in _yaml(back / "scripts" / "refund-check.yaml")
