"""Freshdesk refuses a title used twice only within one shared folder, "unless the response is personal"
(CannedResponse validate_title): two personal responses of one title, an agent's own or two agents', were refused
on the way back (SK507) though Freshdesk already holds them."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from click.testing import CliRunner, Result

from scriptkit import import_library
from scriptkit.cli import main

BODY = "<p>Hi {{ticket.requester.firstname}}, I'm sorry. I'll call you today.</p>"


def _response(ident: int, visibility: int, folder: int | None = None) -> dict[str, Any]:
    return {"id": ident, "title": "Personal A", "content_html": BODY, "visibility": visibility,
            **({"folder_id": folder} if folder is not None else {})}


def _export(tmp_path: Path, *responses: dict[str, Any]) -> Result:
    source = tmp_path / "canned.json"
    source.write_text(json.dumps(list(responses)), encoding="utf-8")
    imported = CliRunner().invoke(main, ["import", str(source), "-o", str(tmp_path / "pack")])
    assert imported.exit_code == 0, imported.output
    return CliRunner().invoke(main, ["export", str(tmp_path / "pack"), "--to", "freshdesk", "-o",
                                     str(tmp_path / "out"), "--grammar", "off"], env={"NO_COLOR": "1"})


def test_two_personal_responses_of_one_title_go_back(tmp_path: Path) -> None:
    exported = _export(tmp_path, _response(22, 1), _response(23, 1))
    assert exported.exit_code == 0 and "SK507" not in exported.output, exported.output
    bodies = json.loads((tmp_path / "out" / "freshdesk" / "canned_responses.json").read_text(encoding="utf-8"))
    assert [r["id"] for r in bodies["canned_responses"]] == [22, 23]


def test_a_personal_response_and_a_shared_one_of_one_title_go_back(tmp_path: Path) -> None:
    # (the personal folder is a folder of its own in the picker, as two shared folders are: Freshdesk takes both)
    exported = _export(tmp_path, _response(22, 1), _response(24, 0, folder=6))
    assert exported.exit_code == 0 and "SK507" not in exported.output, exported.output


def test_two_shared_responses_in_one_folder_still_clash(tmp_path: Path) -> None:
    exported = _export(tmp_path, _response(24, 0, folder=6), _response(25, 0, folder=6))
    assert exported.exit_code == 1 and "SK507" in exported.output


def test_the_import_does_not_warn_of_a_clash_between_personal_responses(tmp_path: Path) -> None:
    """The import's note said an export would ask for distinct titles (SK507), which it no longer does."""
    source = tmp_path / "responses.json"
    source.write_text(json.dumps([
        {"id": n, "title": "Personal A", "folder_id": 9, "visibility": 1,
         "content_html": "<p>I'm sorry the parcel is late. I've sent a new one today and it arrives by Friday.</p>"}
        for n in (22, 23)]), encoding="utf-8")
    library = import_library(source, "freshdesk")
    assert not [n for m in library.macros for n in m.notes if "title" in n and "too" in n]
