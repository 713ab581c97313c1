"""A personal Freshdesk canned response goes in the agent's own personal folder (Freshdesk's API puts that
folder's id in place of any folder_id sent with it): the export writes it with no folder_id, and folders.json
does not ask for a folder it never uses. A response exported personal only for want of a folder id still asks."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from click.testing import CliRunner

from scriptkit.cli import main

SCRIPT = """\
id: {id}
title: {title}
acknowledgment: I can see how annoying the scratch is.
solution: I've sent a free replacement today, and it arrives by Friday.
"""


def _export(root: Path, out: Path) -> dict[str, Any]:
    result = CliRunner().invoke(main, ["export", str(root), "--to", "freshdesk", "--out", str(out)],
                                env={"NO_COLOR": "1"})
    assert result.exit_code == 0, result.output
    folder = out / "freshdesk"
    return {"folders": json.loads((folder / "folders.json").read_text(encoding="utf-8")),
            "responses": {p.stem: json.loads(p.read_text(encoding="utf-8"))
                          for p in (folder / "canned_responses").glob("*.json")},
            "readme": (folder / "README.md").read_text(encoding="utf-8")}


def test_an_imported_personal_response_asks_for_no_folder(tmp_path: Path) -> None:
    source = tmp_path / "fd.json"
    source.write_text(json.dumps([{"id": 103, "title": "My note reply", "folder_id": None, "visibility": 1,
                                   "content_html": "<p>I've sent a free replacement today.</p>"}]), encoding="utf-8")
    imported = CliRunner().invoke(main, ["import", str(source), "--from", "freshdesk", "-o",
                                         str(tmp_path / "team-replies")])
    assert imported.exit_code == 0, imported.output
    out = _export(tmp_path / "team-replies", tmp_path / "out")
    assert out["folders"] == {"canned_response_folders": []}  # (not the pack's name, "Team Replies")
    assert out["responses"]["my-note-reply"]["visibility"] == 1
    assert "folder_id" not in out["responses"]["my-note-reply"]


def test_only_a_response_that_needs_a_folder_lists_one(make_pack: Any, tmp_path: Path) -> None:
    root = make_pack({
        "mine.yaml": SCRIPT.format(id="mine", title="Mine::Scratch")
        + "export:\n  freshdesk:\n    visibility: personal\n",
        "shared.yaml": SCRIPT.format(id="shared", title="Orders::Scratch"),
    })
    out = _export(root, tmp_path / "out")
    # the shared one is personal only until its folder has an id: its folder is asked for, the personal one's is not
    assert out["folders"] == {"canned_response_folders": [{"name": "Orders"}]}
    assert {k: r["visibility"] for k, r in out["responses"].items()} == {"mine": 1, "shared": 1}
    assert "its folder is not listed: Freshdesk files it in the agent's own personal folder" in \
        " ".join(out["readme"].split())


def test_a_personal_response_is_written_without_the_folder_set_for_the_pack(make_pack: Any, tmp_path: Path) -> None:
    root = make_pack(
        {"mine.yaml": SCRIPT.format(id="mine", title="Orders::Mine")
         + "export:\n  freshdesk:\n    visibility: personal\n",
         "shared.yaml": SCRIPT.format(id="shared", title="Orders::Shared")},
        pack_yaml="name: Test pack\nexport:\n  freshdesk:\n    folders: {Orders: 12}\n")
    out = _export(root, tmp_path / "out")
    assert out["responses"]["shared"] | {"content_html": ""} == {
        "title": "Orders / Shared", "content_html": "", "visibility": 0, "folder_id": 12}
    assert out["responses"]["mine"]["visibility"] == 1 and "folder_id" not in out["responses"]["mine"]
    assert out["folders"] == {"canned_response_folders": []}
