"""A file whose every item holds no reply text has nothing to import (exit 2): the error names the items it
skipped, each at its file:line:col with why (a few, then how many more), in every format, for import and audit
and the Python API alike; it said only 'nothing to import: no item holds reply text' at 1:1."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from scriptkit.cli import main
from scriptkit.errors import ImportFormatError
from scriptkit.importers import import_library

# (file name, its text, --from, the first item skipped as the error names it, relative to the file)
CASES = [
    ("replies.csv", "title,body\nLate,\nRefund,  \n", None, ":2:1: row 1 'Late': has no reply text"),
    ("replies.yaml", "- title: Late\n  body: ''\n- title: Refund\n  body:\n", None,
     ":1:3: item 1 'Late': has no reply text"),
    ("replies.json", json.dumps([{"title": "Late", "body": ""}, {"title": "Refund", "body": " "}]), None,
     ":1:13: item 1 'Late': has no reply text"),
    ("replies.jsonl", '{"title": "Late", "body": ""}\n{"title": "Refund", "body": ""}\n', None,
     ":1:1: line 1 'Late': has no reply text"),
    ("replies.js", "export const replies = [{title: 'Late', body: ''}, {title: 'Refund', body: ''}];\n", None,
     "item 1 'Late': has no reply text"),
    ("replies.md", "## Late\n\n## Refund\n", None, ":1:1: section 'Late': has no reply text under its heading"),
    ("macros.json", json.dumps({"macros": [
        {"id": 11, "title": "Tags only", "actions": [{"field": "set_tags", "value": "vip"}]},
        {"id": 12, "title": "Blank", "actions": [{"field": "comment_value", "value": ""}]}]}), "zendesk",
     "macro 11 'Tags only': has no comment action (no reply text)"),
    ("canned.json", json.dumps([{"id": 5005, "title": "Blank", "content_html": "", "content": None}]), "freshdesk",
     "canned response 5005 'Blank': its 'content_html' and 'content' are empty (no reply text)"),
]


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(("name", "text", "fmt", "first"), CASES, ids=[case[0] for case in CASES])
@pytest.mark.parametrize("command", ["import", "audit"])
def test_the_error_names_the_items_skipped(tmp_path: Path, name: str, text: str, fmt: str | None, first: str,
                                           command: str) -> None:
    path = _write(tmp_path, name, text)
    args = [command, str(path), *(["--from", fmt] if fmt else []),
            *(["-o", str(tmp_path / "out")] if command == "import" else ["--grammar", "off"])]
    ran = CliRunner().invoke(main, args)
    assert ran.exit_code == 2, ran.output
    assert "Traceback" not in ran.output
    said = ran.stderr
    assert said.startswith(f"{path}:1:1: error: nothing to {command}: no item holds reply text"), said
    assert (f"{path}{first}" if first.startswith(":") else first) in said, said
    assert said.count("\n") == 1  # (one error, on one line, as editors read them)
    assert not (tmp_path / "out").exists()


def test_a_few_are_named_then_how_many_more(tmp_path: Path) -> None:
    path = _write(tmp_path, "replies.csv", "title,body\n" + "".join(f"Reply {n},\n" for n in range(1, 41)))
    with pytest.raises(ImportFormatError) as caught:
        import_library(path)
    message = caught.value.message
    assert message.startswith("nothing to import: no item holds reply text")
    assert f"{path}:2:1: row 1 'Reply 1': has no reply text" in message
    assert f"{path}:4:1: row 3 'Reply 3': has no reply text" in message
    assert "'Reply 4'" not in message and "and 37 more" in message
    assert caught.value.location is not None and (caught.value.location.line, caught.value.location.col) == (1, 1)


def test_a_markdown_file_of_no_heading_keeps_its_own_message(tmp_path: Path) -> None:
    path = _write(tmp_path, "replies.md", "Just some text, no heading.\n")
    with pytest.raises(ImportFormatError, match="no replies found in the Markdown file") as caught:
        import_library(path)
    assert "under its own heading" in str(caught.value)
