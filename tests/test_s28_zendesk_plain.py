"""A Zendesk macro whose reply is plain text (comment_value) is exported back as plain text, not as HTML."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from scriptkit import export, import_library
from scriptkit.cli import main

REPLY = ("Hi {{ticket.requester.first_name}},\n\nI'm sorry the parcel is late. I've asked the courier to trace it "
         "today, and I'll write by Friday.\n\nSee https://example.com/track for updates.")


def test_a_plain_text_macro_comes_back_plain_and_unchanged(tmp_path: Path) -> None:
    source = tmp_path / "macros.json"
    source.write_text(json.dumps({"macros": [{"id": 7, "title": "Late parcel", "actions": [
        {"field": "comment_value", "value": REPLY}, {"field": "comment_mode_is_public", "value": "true"}]}]}),
        encoding="utf-8")
    library = import_library(source, "zendesk")
    (macro,) = library.macros
    assert macro.raw.settings["plain_text"] is True
    pack = library.write(tmp_path / "pack")
    export(pack, ["zendesk"], tmp_path / "out", lint=False)
    exported = json.loads((tmp_path / "out/zendesk/macros/late-parcel.json").read_text(encoding="utf-8"))["macro"]
    actions = {a["field"]: a["value"] for a in exported["actions"]}
    assert actions["comment_value"] == REPLY and "comment_value_html" not in actions


def test_an_html_macro_stays_html(tmp_path: Path) -> None:
    source = tmp_path / "macros.json"
    source.write_text(json.dumps({"macros": [{"id": 8, "title": "Late parcel", "actions": [
        {"field": "comment_value_html", "value": "<p>I'm sorry the parcel is late. I've asked the courier to trace "
                                                 "it today.</p>"}]}]}), encoding="utf-8")
    library = import_library(source, "zendesk")
    assert "plain_text" not in library.macros[0].raw.settings
    export(library.write(tmp_path / "pack"), ["zendesk"], tmp_path / "out", lint=False)
    exported = json.loads((tmp_path / "out/zendesk/macros/late-parcel.json").read_text(encoding="utf-8"))["macro"]
    assert exported["actions"][0]["field"] == "comment_value_html"


def test_plain_text_that_is_not_true_or_false_is_refused_at_its_line(tmp_path: Path) -> None:
    root = tmp_path / "pack"
    (root / "scripts").mkdir(parents=True)
    (root / "pack.yaml").write_text("name: Plain\n", encoding="utf-8")
    (root / "scripts" / "late.yaml").write_text(
        "id: late\ntitle: Late\nacknowledgment: \"I can see how frustrating this wait has been.\"\n"
        "solution: \"I've asked the courier to trace it today, and I'll write by Friday.\"\n"
        "export:\n  zendesk:\n    plain_text: 'yes'\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["export", str(root), "--to", "zendesk", "--out", str(tmp_path / "out"),
                                       "--grammar", "off"], env={"NO_COLOR": "1"})
    assert result.exit_code == 2, result.output  # (bad input, as check says; it was a finding, SK506, exit 1)
    assert "late.yaml:7:17: error: zendesk setting 'plain_text' must be true or false, not 'yes'. Did you mean " \
           "true? Write true or false, without quotes." in result.output
    assert not (tmp_path / "out" / "zendesk").exists()
