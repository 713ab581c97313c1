"""A JSON export edited by hand with two commas in a row or a comment was told 'a value is missing here. The file may
be truncated; export it again.'; each is now named as what it is, at its file:line:col."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import run_cli as _run

ITEM = json.dumps({"id": 1, "title": "Refund sent",
                   "actions": [{"field": "comment_value", "value": "I've sent your refund."}]})


@pytest.mark.parametrize(("text", "line", "col", "said"), [
    ('{"macros": [\n  ' + ITEM + ',,\n  ' + ITEM + '\n]}\n', 2, len(ITEM) + 4, "two commas in a row"),
    ('{"macros": [\n  // refunds, checked by Dana\n  ' + ITEM + '\n]}\n', 2, 3, "comments are not allowed in JSON"),
    ('{"macros": [' + ITEM + ']  /* kept */\n}\n', 1, len(ITEM) + 16, "comments are not allowed in JSON"),
    ('{"macros": [' + ITEM[:-1] + ',, "x": 1}]}\n', 1, len(ITEM) + 13, "two commas in a row"),
])
def test_a_hand_edit_json_refuses_is_named_at_its_place(tmp_path: Path, text: str, line: int, col: int,
                                                        said: str) -> None:
    export = tmp_path / "macros.json"
    export.write_text(text, encoding="utf-8")
    for fmt in ("zendesk", None):  # (named, and told by its shape)
        result = _run("import", str(export), *(["--from", fmt] if fmt else []), "--out", str(tmp_path / "out"))
        assert result.exit_code == 2, result.output
        assert f"{export}:{line}:{col}: error: " in result.output, result.output
        assert said in result.output, result.output
        assert "truncated" not in result.output and "a value is missing" not in result.output, result.output


@pytest.mark.parametrize(("line", "col", "said"), [
    ('{"title": "Refund sent",, "body": "I\'ve sent your refund."}', 25, "two commas in a row"),
    ('{"title": "Refund sent", "body": "I\'ve sent your refund."} // ok', 60,
     "a comment ('//'): comments are not allowed in JSON"),
])
def test_a_hand_edit_in_a_jsonl_line_is_named_too(tmp_path: Path, line: str, col: int, said: str) -> None:
    export = tmp_path / "replies.jsonl"
    export.write_text(line + "\n", encoding="utf-8")
    result = _run("import", str(export), "--out", str(tmp_path / "out"))
    assert result.exit_code == 2, result.output
    assert f"{export}:1:{col}: error: line 1: is not valid JSON: {said}" in result.output, result.output
