"""Freshdesk refuses a canned response's title twice only within one folder (personal responses aside), and its
picker lists responses under their folders: an unchanged library with "Refund confirmation" in two folders was
refused on the way back (SK507) and noted at import as needing distinct titles."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from click.testing import CliRunner, Result

from scriptkit.cli import main

BODY = ("<p>Hi {{ticket.requester.firstname}}, I'm sorry for the trouble with your order. I've issued your refund "
        "today, and it will reach your card within 5 business days.</p>")


def _response(ident: int, folder: int, visibility: int = 0) -> dict[str, Any]:
    return {"id": ident, "title": "Refund confirmation", "folder_id": folder, "visibility": visibility,
            "content_html": BODY}


def _round_trip(tmp_path: Path, *responses: dict[str, Any]) -> tuple[Result, Result]:
    source = tmp_path / "canned.json"
    source.write_text(json.dumps(list(responses)), encoding="utf-8")
    imported = CliRunner().invoke(main, ["import", str(source), "-o", str(tmp_path / "pack")])
    assert imported.exit_code == 0, imported.output
    exported = CliRunner().invoke(main, ["export", str(tmp_path / "pack"), "--to", "freshdesk", "-o",
                                         str(tmp_path / "out"), "--grammar", "off"], env={"NO_COLOR": "1"})
    return imported, exported


def test_one_title_in_two_folders_goes_back_unchanged(tmp_path: Path) -> None:
    imported, exported = _round_trip(tmp_path, _response(1, 4), _response(2, 8))
    assert "distinct titles" not in imported.output
    assert exported.exit_code == 0 and "SK507" not in exported.output, exported.output


def test_one_title_twice_in_one_folder_still_clashes(tmp_path: Path) -> None:
    imported, exported = _round_trip(tmp_path, _response(1, 4), _response(2, 4))
    assert imported.output.count("distinct titles (SK507)") == 2
    assert exported.exit_code == 1 and "SK507" in exported.output


def test_a_personal_response_does_not_meet_the_shared_ones(tmp_path: Path) -> None:
    # (it once clashed with them, SK507; but Freshdesk refuses no personal response's title ("unless the response
    # is personal"), and the agent's personal folder is a folder of its own in the picker, as folder 4 is beside 8)
    _, exported = _round_trip(tmp_path, _response(1, 4), _response(2, 9, visibility=1))
    assert exported.exit_code == 0 and "SK507" not in exported.output, exported.output
