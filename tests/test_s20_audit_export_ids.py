"""Auditing an imported pack gives each macro its helpdesk id (``export: {<helpdesk>: {id}}``), as auditing the
export did: export_id was null for every script of a pack. Where a script carries several helpdesks' ids, the
one whose ids most of the pack's scripts carry comes first; ``export_ids`` lists them all."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

import scriptkit
from scriptkit.cli import main


def _script(ident: str, export: str) -> str:
    return (f"id: {ident}\ntitle: Late parcel {ident}\n"
            "acknowledgment: I can see how frustrating it is that your parcel is late.\n"
            "warm_language: Thanks for bearing with me while I sort it out.\n"
            "flexibility:\n  guidance: Check the tracking page before you reply.\n"
            f"solution: I've sent a new one today ({ident}), and it arrives by Friday.\n" + export)


@pytest.mark.timeout(60)
def test_an_imported_packs_macros_keep_their_helpdesk_ids(make_pack: Any) -> None:
    root = make_pack({
        "a.yaml": _script("a", "export:\n  zendesk:\n    id: 360001\n"),
        "b.yaml": _script("b", "export:\n  zendesk:\n    id: 360002\n  freshdesk:\n    id: 77\n"),
        "c.yaml": _script("c", "export:\n  front:\n    id: rsp_16yc\n"),
        "d.yaml": _script("d", ""),
    }, pack_yaml="name: Test pack\nexport:\n  gorgias:\n    id: 5\n")  # (pack.yaml's id names no one macro)
    report = scriptkit.audit_library(root, grammar="off")
    ids = {m.id: (m.export_id, m.export_ids) for m in report.macros}
    assert ids["a"] == ("360001", {"zendesk": "360001"})
    assert ids["b"] == ("360002", {"zendesk": "360002", "freshdesk": "77"})
    assert ids["c"] == ("rsp_16yc", {"front": "rsp_16yc"})
    assert ids["d"] == (None, {})
    ran = CliRunner().invoke(main, ["audit", str(root), "--grammar", "off", "--format", "json"])
    assert ran.exit_code == 0, ran.output
    macros = {m["id"]: m for m in json.loads(ran.output)["macros"]}
    assert macros["b"]["export_id"] == "360002" and macros["b"]["export_ids"] == {"zendesk": "360002",
                                                                                   "freshdesk": "77"}


@pytest.mark.timeout(60)
def test_the_pack_and_its_export_give_the_same_ids(tmp_path: Path) -> None:
    body = ("<p>I can see how frustrating a late parcel is, and I'm sorry. I've sent a new one today and it "
            "arrives by Friday.</p>")
    export = tmp_path / "macros.json"
    export.write_text(json.dumps({"macros": [
        {"id": 360011, "title": "Late", "active": True,
         "actions": [{"field": "comment_value_html", "value": body}]}]}), encoding="utf-8")
    library = scriptkit.import_library(export)
    pack = library.write(tmp_path / "pack")
    direct = scriptkit.audit_library(export)
    imported = scriptkit.audit_library(pack)
    assert [m.export_id for m in direct.macros] == [m.export_id for m in imported.macros] == ["360011"]
