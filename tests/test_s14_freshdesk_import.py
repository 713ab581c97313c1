"""A Freshdesk canned response's folder and visibility are kept where they can be read, and named where not."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from scriptkit import import_library
from scriptkit.cli import main


def _response(number: int, **fields: Any) -> dict[str, Any]:
    return {"id": number, "title": f"Reply {number}", "content_html": f"<p>I've sorted order {number} today.</p>",
            **fields}


def _import(tmp_path: Path, *responses: dict[str, Any]) -> list[Any]:
    export = tmp_path / "canned.json"
    export.write_text(json.dumps({"canned_responses": list(responses)}, indent=1), encoding="utf-8")
    return list(import_library(export, "freshdesk").macros)


def _exported(tmp_path: Path, *responses: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Each response as `import` then `export --to freshdesk` writes it, by title."""
    export = tmp_path / "canned.json"
    export.write_text(json.dumps(list(responses), indent=1), encoding="utf-8")
    runner = CliRunner()
    result = runner.invoke(main, ["import", str(export), "--from", "freshdesk", "-o", str(tmp_path / "pack")])
    assert result.exit_code == 0, result.output
    result = runner.invoke(main, ["export", str(tmp_path / "pack"), "--to", "freshdesk",
                                  "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    bundle = json.loads((tmp_path / "out" / "freshdesk" / "canned_responses.json").read_text(encoding="utf-8"))
    return {r["title"]: r for r in bundle["canned_responses"]}


def test_ids_and_codes_written_as_text_are_the_numbers(tmp_path: Path) -> None:
    (shared, groups) = _import(tmp_path, _response(1, folder_id="12", visibility="0"),
                               _response(2, folder_id=" 40 ", visibility="2", group_ids=["7", 9]))
    assert shared.raw.settings == {"visibility": "all", "folder_id": 12, "id": 1}
    assert groups.raw.settings == {"visibility": "groups", "group_ids": [7, 9], "folder_id": 40, "id": 2}
    assert not shared.about and not groups.about  # nothing lost, so nothing to say


def test_a_shared_response_with_text_ids_is_exported_back_shared(tmp_path: Path) -> None:
    out = _exported(tmp_path, _response(1, folder_id="12", visibility="0"),
                    _response(2, folder_id="40", visibility="2", group_ids=["7", "9"]))
    assert (out["Reply 1"]["visibility"], out["Reply 1"]["folder_id"]) == (0, 12)
    assert (out["Reply 2"]["visibility"], out["Reply 2"]["folder_id"], out["Reply 2"]["group_ids"]) == (2, 40, [7, 9])


@pytest.mark.parametrize(("fields", "said", "visibility"), [
    ({"folder_id": 12, "visibility": 3},
     "its Freshdesk visibility 3 is not one Freshdesk documents (0 all agents, 1 personal, 2 selected groups): "
     "exported back as a personal response (visibility 1) in that folder", 1),
    ({"visibility": "shared"},
     "its Freshdesk visibility 'shared' is not one Freshdesk documents (0 all agents, 1 personal, 2 selected "
     "groups): exported back as a personal response (visibility 1)", 1),
    ({"folder_id": "Orders", "visibility": 0},
     "its Freshdesk folder_id 'Orders' is not a folder number: exported back without a folder, so as a personal "
     "response (visibility 1)", 1),
    ({"visibility": "0"},
     "shared in Freshdesk (visibility 0) but the export gives no folder_id: exported back as a personal response "
     "(visibility 1)", 1),
    ({"folder_id": 5, "visibility": 2, "group_ids": ["7", "sales"]},
     "its Freshdesk group_ids hold 'sales', not group numbers: left out", 2),
])
def test_what_cannot_be_read_is_named_with_what_the_export_writes(tmp_path: Path, fields: dict[str, Any],
                                                                  said: str, visibility: int) -> None:
    (macro,) = _import(tmp_path, _response(1, **fields))
    assert any(note.startswith(said) for note in macro.about), macro.about
    out = _exported(tmp_path, _response(1, **fields))
    assert out["Reply 1"]["visibility"] == visibility  # what the note said the export would write
    script = (tmp_path / "pack" / "scripts" / "reply-1.yaml").read_text(encoding="utf-8")
    assert f"# Note: {said}" in script  # and the script file says so, where someone editing it reads


def test_a_personal_response_without_a_folder_says_nothing(tmp_path: Path) -> None:
    (macro,) = _import(tmp_path, _response(1, folder_id=None, visibility=1))
    assert macro.raw.settings == {"visibility": "personal", "id": 1}  # (its id: the export updates it)
    assert not macro.about


def test_a_yes_or_no_is_not_a_visibility_code(tmp_path: Path) -> None:
    (macro,) = _import(tmp_path, _response(1, folder_id=12, visibility=True))
    assert macro.raw.settings["visibility"] == "personal"  # narrower than all agents, until someone chooses
    assert any("visibility True is not one Freshdesk documents" in note for note in macro.about)


def test_a_digit_that_is_no_number_is_named_not_a_crash(tmp_path: Path) -> None:
    # ("²".isdigit() is true, and int("²") fails: the import stopped as "a bug in scriptkit")
    (macro,) = _import(tmp_path, _response(1, folder_id="\u00b2", visibility=0))
    assert any("folder_id '\u00b2' is not a folder number" in note for note in macro.about), macro.about


def test_check_names_a_folder_id_that_is_no_number(make_pack: Any) -> None:
    root = make_pack({"late.yaml": "id: late\ntitle: Orders::Late\nacknowledgment: I can see the wait is a worry.\n"
                                   "solution: I've sent a new one today.\nexport:\n  freshdesk:\n"
                                   "    folder_id: \"\u00b2\"\n"})
    run = CliRunner().invoke(main, ["check", str(root), "--grammar", "off"], env={"NO_COLOR": "1"})
    assert run.exit_code == 2 and "bug in scriptkit" not in run.output, run.output
    assert f"{root}/scripts/late.yaml:7:16: error: freshdesk folder and group ids are numbers" in run.output
