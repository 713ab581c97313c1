"""A helpdesk item whose title (or name) is not text, empty or missing is located at that field, or at the item,
not at the top of the file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from scriptkit.cli import main

_REPLY = "I'm sorry the parcel is late. I have sent a new one today and it arrives by Friday."
_ACTIONS = [{"field": "comment_value", "value": _REPLY}]


def _import(path: Path, helpdesk: str, out: Path) -> str:
    result = CliRunner().invoke(main, ["import", str(path), "--from", helpdesk, "-o", str(out)],
                                env={"NO_COLOR": "1"})
    assert result.exit_code == 2, result.output
    return result.output


def _line_of(path: Path, needle: str, nth: int = 1) -> int:
    lines = [n for n, line in enumerate(path.read_text().splitlines(), 1) if needle in line]
    return lines[nth - 1]


@pytest.mark.timeout(60)
@pytest.mark.parametrize(("title", "message"), [(123, "'title' should be text but is a number"),
                                                (None, "has no 'title'"), ("", "has no 'title'")])
def test_a_zendesk_title_that_is_not_text_is_located_at_it(tmp_path: Path, title: object, message: str) -> None:
    path = tmp_path / "macros.json"
    path.write_text(json.dumps({"macros": [{"id": 1, "title": "Late parcel", "actions": _ACTIONS},
                                           {"actions": _ACTIONS, "title": title}]}, indent=2))
    output = _import(path, "zendesk", tmp_path / "out")
    line = _line_of(path, '"title"', 2)
    assert f"macros.json:{line}:7: error: macro #2: {message}" in output


@pytest.mark.timeout(60)
def test_a_missing_title_is_located_at_the_item(tmp_path: Path) -> None:
    path = tmp_path / "macros.json"
    path.write_text(json.dumps({"macros": [{"id": 1, "title": "Late parcel", "actions": _ACTIONS},
                                           {"actions": _ACTIONS}]}, indent=2))
    output = _import(path, "zendesk", tmp_path / "out")
    second = [n for n, line in enumerate(path.read_text().splitlines(), 1) if line == "    {"][1]
    assert f"macros.json:{second}:5: error: macro #2: has no 'title'" in output


@pytest.mark.timeout(60)
def test_the_item_s_own_name_not_an_action_s(tmp_path: Path) -> None:
    """A Gorgias macro's actions have a 'name' each: the one meant is the macro's own."""
    actions = [{"name": "setResponseText", "arguments": {"body_text": _REPLY}}]
    path = tmp_path / "macros.json"
    path.write_text(json.dumps({"data": [{"id": 1, "name": "Late parcel", "actions": actions},
                                         {"id": 2, "actions": actions, "name": 123}]}, indent=2))
    output = _import(path, "gorgias", tmp_path / "out")
    line = _line_of(path, '"name": 123')
    assert f"macros.json:{line}:7: error: macro 2: 'name' should be text" in output


@pytest.mark.timeout(60)
@pytest.mark.parametrize(("helpdesk", "key", "items"), [
    ("freshdesk", "title", {"canned_responses": [{"title": "Late parcel", "content": _REPLY},
                                                 {"content": _REPLY, "title": 404}]}),
    ("front", "name", {"_results": [{"name": "Late parcel", "body": _REPLY}, {"body": _REPLY, "name": 404}]}),
    ("helpscout", "name", {"saved_replies": [{"name": "Late parcel", "text": _REPLY},
                                             {"text": _REPLY, "name": 404}]}),
    ("intercom", "name", {"data": [{"name": "Late parcel", "body": _REPLY}, {"body": _REPLY, "name": 404}]}),
])
def test_every_helpdesk_locates_its_title(tmp_path: Path, helpdesk: str, key: str, items: object) -> None:
    path = tmp_path / "export.json"
    path.write_text(json.dumps(items, indent=2))
    output = _import(path, helpdesk, tmp_path / "out")
    line = _line_of(path, '"' + key + '": 404')
    assert f"export.json:{line}:7: error: " in output, output
    assert f"'{key}' should be text but is a number" in output
