"""A helpdesk export with one malformed item (a stray number, an 'actions' that is not a list) is still told by its
well-formed items' shape, without --from, and the bad item is named at its line, as with --from."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from scriptkit.cli import main
from scriptkit.importers import detect_format

_REPLY = "I'm sorry the parcel is late. I have sent a new one today and it arrives by Friday."
_ZENDESK = {"id": 1, "title": "Late parcel", "actions": [{"field": "comment_value", "value": _REPLY}]}


def _import(path: Path, out: Path) -> str:
    result = CliRunner().invoke(main, ["import", str(path), "-o", str(out)], env={"NO_COLOR": "1"})
    assert result.exit_code == 2, result.output
    return result.output


@pytest.mark.timeout(60)
def test_a_stray_number_among_zendesk_macros(tmp_path: Path) -> None:
    path = tmp_path / "macros.json"
    path.write_text(json.dumps({"macros": [123, _ZENDESK]}, indent=2))
    assert detect_format(path) == "zendesk"
    output = _import(path, tmp_path / "out")
    assert "macros.json:3:5: error: #1: each macro should be an object, found a number" in output
    assert "unexpected shape" not in output


@pytest.mark.timeout(60)
def test_actions_that_are_not_a_list(tmp_path: Path) -> None:
    path = tmp_path / "macros.json"
    path.write_text(json.dumps({"macros": [_ZENDESK, {"id": 2, "title": "Broken", "actions": "x"}]}, indent=2))
    assert detect_format(path) == "zendesk"
    output = _import(path, tmp_path / "out")
    line = next(n for n, text in enumerate(path.read_text().splitlines(), 1) if '"Broken"' in text)
    assert f"macros.json:{line}:" in output and "'actions' should be a list of {field, value} objects" in output


@pytest.mark.timeout(60)
def test_a_stray_action_in_one_macro_among_well_formed_ones(tmp_path: Path) -> None:
    path = tmp_path / "macros.json"
    odd = {"id": 2, "title": "Odd", "actions": [{"field": "comment_value", "value": _REPLY}, "set status"]}
    path.write_text(json.dumps({"macros": [_ZENDESK, odd]}, indent=2))
    assert detect_format(path) == "zendesk"
    assert "macro 2 'Odd': an action is not a {field, value} object" in _import(path, tmp_path / "out")


@pytest.mark.timeout(60)
def test_a_stray_number_among_freshdesk_canned_responses(tmp_path: Path) -> None:
    path = tmp_path / "canned.json"
    path.write_text(json.dumps({"canned_responses": [7, {"id": 3, "title": "Late", "folder_id": 1,
                                                         "content_html": f"<p>{_REPLY}</p>"}]}, indent=2))
    assert detect_format(path) == "freshdesk"
    assert "canned.json:3:5: error: #1: each canned response should be an object, found a number" in _import(
        path, tmp_path / "out")


@pytest.mark.timeout(60)
@pytest.mark.parametrize("data", [{"macros": [1, 2]}, {"macros": [1, {"id": 2, "title": "Broken", "actions": "x"}]},
                                  {"macros": [1, {"title": "Late", "body": _REPLY, "actions": []}]}])
def test_no_well_formed_helpdesk_item_tells_no_helpdesk(tmp_path: Path, data: object) -> None:
    path = tmp_path / "macros.json"
    path.write_text(json.dumps(data))
    assert detect_format(path) is None
