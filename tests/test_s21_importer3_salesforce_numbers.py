"""A Salesforce Quick Text record whose Name or Message is a number is refused by name and place, as every other
helpdesk's export refuses it, not imported as the digits; a hand-written JSON file's number is still read as text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from scriptkit import import_library
from scriptkit.cli import main

_REPLY = "I'm sorry the parcel is late. I have sent a new one today and it arrives by Friday."


def _records(**second: object) -> dict[str, object]:
    first = {"attributes": {"type": "QuickText"}, "Name": "Late parcel", "Message": _REPLY, "Channel": "Email"}
    return {"records": [first, {"attributes": {"type": "QuickText"}, "Channel": "Chat", **second}]}


@pytest.mark.timeout(60)
@pytest.mark.parametrize("given", [["--from", "salesforce"], []])
@pytest.mark.parametrize(("field", "record"), [("Message", {"Message": 123, "Name": "Late parcel (chat)"}),
                                               ("Name", {"Message": _REPLY, "Name": 123}),
                                               # (its settings too: they were dropped without a word)
                                               ("Category", {"Message": _REPLY, "Name": "Late", "Category": 7}),
                                               ("FolderId", {"Message": _REPLY, "Name": "Late", "FolderId": 0})])
def test_a_number_is_refused_at_its_record(tmp_path: Path, given: list[str], field: str,
                                           record: dict[str, object]) -> None:
    path = tmp_path / "quick-texts.json"
    path.write_text(json.dumps(_records(**record), indent=2))
    result = CliRunner().invoke(main, ["import", str(path), *given, "-o", str(tmp_path / "out")],
                                env={"NO_COLOR": "1"})
    assert result.exit_code == 2, result.output
    assert f"'{field}' should be text but is a number" in result.output
    second = next(n for n, line in enumerate(path.read_text().splitlines(), 1) if '"Chat"' in line)
    located = result.output.split(": error:")[0].rsplit(":", 2)
    assert located[0].endswith("quick-texts.json") and int(located[1]) > second, result.output
    assert not (tmp_path / "out").exists()


@pytest.mark.timeout(60)
def test_a_hand_written_file_s_number_is_still_text(tmp_path: Path) -> None:
    path = tmp_path / "macros.json"
    path.write_text(json.dumps([{"title": 404, "body": _REPLY}]))
    [macro] = import_library(path).macros
    assert macro.title == "404"


@pytest.mark.timeout(60)
def test_a_channel_that_is_not_text_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "quick-texts.json"
    path.write_text(json.dumps({"records": [{"attributes": {"type": "QuickText"}, "Name": "Late parcel",
                                             "Message": _REPLY, "Channel": ["Email"]}]}, indent=2))
    library = import_library(path)
    assert library.macros == []
    [problem] = library.problems
    assert "'Channel' should be text but is a list" in problem.message and problem.location.line == 7  # (at its Name)
