"""A Salesforce Quick Text's Message is plain text (its object reference: a textarea): a tag in it ('press
<b>Ctrl</b>') is read word for word with its paragraphs, not as HTML, which took the tags out and ran the
paragraphs into one; a note says the tags are kept as written. Exported again, the Message is the same."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from tests.conftest import run_cli as _run

_MESSAGE = ("Hi {!Contact.FirstName},\n\nI can see how confusing the editor is when the save button is hidden.\n\n"
            "I've checked your account today: press <b>Ctrl</b> then <b>S</b> to save your draft.\n\n"
            "If that doesn't work, reply and I'll call you within 1 hour.\n\nWarm wishes,\n{!User.FirstName}")


def _records(path: Path) -> list[dict[str, object]]:
    records = json.loads(path.read_text(encoding="utf-8"))["records"]
    assert isinstance(records, list)
    return records


@pytest.mark.timeout(60)
@pytest.mark.parametrize("sheet", [False, True], ids=["query-json", "data-loader-csv"])
def test_a_quick_text_with_a_tag_comes_back_word_for_word(tmp_path: Path, sheet: bool) -> None:
    if sheet:
        source = tmp_path / "quick_text.csv"
        quoted = _MESSAGE.replace('"', '""')
        source.write_text(f'Name,Message,Channel,FolderId,IsInsertable\nKeyboard shortcut,"{quoted}",Email,00l7,true\n',
                          encoding="utf-8")
    else:
        source = tmp_path / "quick_text.json"
        source.write_text(json.dumps({"records": [{"attributes": {"type": "QuickText"}, "Name": "Keyboard shortcut",
                                                   "Channel": "Email", "Message": _MESSAGE}]}), encoding="utf-8")
    result = _run("import", str(source), "-o", str(tmp_path / "back"))
    assert result.exit_code == 0, result.output
    (path,) = (tmp_path / "back" / "scripts").glob("*.yaml")
    written = path.read_text(encoding="utf-8")
    script = yaml.safe_load(written)
    assert "I can see how confusing the editor" in str(script["acknowledgment"])
    assert "press <b>Ctrl</b> then <b>S</b> to save your draft.\n\nIf that doesn't work" in str(script["solution"])
    note = "plain text, so its tags (<b>, </b>) are kept as written"
    assert note in written and note in result.output
    again = _run("export", str(tmp_path / "back"), "--to", "salesforce", "--force", "-o", str(tmp_path / "out"))
    assert again.exit_code == 0, again.output
    (record,) = _records(tmp_path / "out" / "salesforce" / "quick_text.json")
    assert record["Message"] == _MESSAGE


@pytest.mark.timeout(60)
def test_a_quick_text_without_a_tag_has_no_note(tmp_path: Path) -> None:
    source = tmp_path / "quick_text.json"
    plain = _MESSAGE.replace("<b>", "").replace("</b>", "")
    source.write_text(json.dumps({"records": [{"attributes": {"type": "QuickText"}, "Name": "Keyboard shortcut",
                                               "Channel": "Email", "Message": plain}]}), encoding="utf-8")
    result = _run("import", str(source), "-o", str(tmp_path / "back"))
    assert result.exit_code == 0, result.output
    assert "kept as written" not in result.output
