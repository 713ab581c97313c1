"""A JSON export with a comma after its last item (a hand edit) is told as that, at the comma: not as a file that
may be truncated, which sent the team to export it again for nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import run_cli as _run

ITEM = {"id": 1, "title": "Refund sent", "actions": [{"field": "comment_value", "value": "I've sent your refund."}]}


@pytest.mark.parametrize(("text", "line", "col", "closing"), [
    ('{"macros": [\n  ' + json.dumps(ITEM) + ',\n]}\n', 2, len(json.dumps(ITEM)) + 3, "]"),  # after a list's last item
    ('{"macros": [' + json.dumps(ITEM)[:-1] + ',\n  }]}\n', 1, len(json.dumps(ITEM)) + 12, "}"),  # an object's last key
])
def test_a_trailing_comma_is_named_at_its_place(tmp_path: Path, text: str, line: int, col: int, closing: str) -> None:
    export = tmp_path / "macros.json"
    export.write_text(text, encoding="utf-8")
    for fmt in ("zendesk", None):  # (named, and told by its shape)
        result = _run("import", str(export), *(["--from", fmt] if fmt else []), "--out", str(tmp_path / "out"))
        assert result.exit_code == 2, result.output
        assert f"{export}:{line}:{col}: error: " in result.output, result.output
        assert f"a comma after the last item, before '{closing}'" in result.output, result.output
        assert "Remove the comma" in result.output and "truncated" not in result.output, result.output


def test_a_trailing_comma_in_a_jsonl_line_is_named_too(tmp_path: Path) -> None:
    export = tmp_path / "replies.jsonl"
    export.write_text('{"title": "Refund sent", "body": "I\'ve sent your refund.",}\n', encoding="utf-8")
    result = _run("import", str(export), "--out", str(tmp_path / "out"))
    assert result.exit_code == 2, result.output
    said = f"{export}:1:58: error: line 1: is not valid JSON: a comma after the last item, before '}}'"
    assert said in result.output, result.output


def test_a_missing_value_is_still_told_as_a_cut_file(tmp_path: Path) -> None:
    export = tmp_path / "macros.json"
    export.write_text('{"macros": [\n  ' + json.dumps(ITEM) + ',\n', encoding="utf-8")
    result = _run("import", str(export), "--from", "zendesk", "--out", str(tmp_path / "out"))
    assert result.exit_code == 2
    assert "The file may be truncated" in result.output and "comma after the last item" not in result.output
