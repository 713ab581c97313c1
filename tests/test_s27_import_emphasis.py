"""An imported reply's bold, italics and underline are plain text in the pack (it has no emphasis), and the export
writes them back without it: the import said nothing, so a lead learnt it from the agents. The note names the words."""

from __future__ import annotations

import json
from pathlib import Path

from scriptkit.importers.html import html_emphasis
from tests.conftest import run_cli


def test_the_words_that_lose_their_emphasis_are_named(tmp_path: Path) -> None:
    export = tmp_path / "zendesk.json"
    body = ("<p>Hi {{ticket.requester.first_name}},</p><p>I'm sorry for the wait. Your parcel is now due "
            "<strong>Thursday</strong>, and your refund was <b>approved</b> today.</p>")
    export.write_text(json.dumps({"macros": [{"id": 1, "title": "Due date", "actions": [
        {"field": "comment_value_html", "value": body}]}]}), encoding="utf-8")
    result = run_cli("import", str(export), "-o", str(tmp_path / "pack"))
    assert result.exit_code == 0, result.output
    said = " ".join(result.output.split())
    assert ("due-date: its bold, italic or underlined words ('Thursday', 'approved') are plain text in the pack: "
            "exported back without the emphasis") in said
    assert "# Note: its bold, italic or underlined words" in (tmp_path / "pack/scripts/due-date.yaml").read_text(
        encoding="utf-8")


def test_emphasis_is_read_in_bounded_time_and_only_where_written() -> None:
    assert html_emphasis("<p>Plain, with a <a href='x'>link</a>.</p>") == ([], 0)
    assert html_emphasis("<em>one</em> <i>two</i> <u>three</u> <b>four</b> <em>one</em>") == (
        ["one", "two", "three"], 4)
    hostile = "<b>" * 20_000 + "x" * 10_000  # (no closing tag: read once, not from each opening)
    assert html_emphasis(hostile) == ([], 0)
