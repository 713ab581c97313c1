"""Bold, italics or underline around a link (or any other tag) lost its look on import as any other emphasis, but
the import note named only emphasis with plain text inside: ``<strong><a href=...>fill in this form</a></strong>``
went unsaid."""

from __future__ import annotations

import json
from pathlib import Path

from scriptkit.importers.html import html_emphasis
from tests.conftest import run_cli


def test_bold_around_a_link_is_named(tmp_path: Path) -> None:
    export = tmp_path / "freshdesk.json"
    body = ("<p>Hi {{ticket.requester.firstname}},</p><p>I'm sorry. Please <strong><a href=\"https://example.com/"
            "form\">fill in this form</a></strong> and I'll process it within 2 days.</p>")
    export.write_text(json.dumps([{"id": 12, "title": "Strong link", "content_html": body, "folder_id": 5,
                                   "visibility": 0}]), encoding="utf-8")
    result = run_cli("import", str(export), "-o", str(tmp_path / "pack"), "--from", "freshdesk")
    assert result.exit_code == 0, result.output
    said = " ".join(result.output.split())
    assert "strong-link: its bold, italic or underlined words ('fill in this form') are plain text" in said


def test_emphasis_is_named_whatever_it_holds() -> None:
    assert html_emphasis("<strong><a href='x'>fill in</a> this form</strong>") == (["fill in this form"], 1)
    assert html_emphasis("<a href='x'><b>fill in</b></a>") == (["fill in"], 1)
    # (nested emphasis is one stretch of text; a line break in it a space)
    assert html_emphasis("<i>see <b>now</b></i> and <em>one<br>two</em>") == (["see now", "one two"], 2)
    assert html_emphasis("<p>Due <span style='font-weight: bold'>Friday</span>, <span>no</span> "
                         "<span style=\"text-decoration: underline\"><span>later</span></span></p>") == (
        ["Friday", "later"], 2)
    assert html_emphasis("<b>never closed <a href='x'>link</a>") == ([], 0)


def test_emphasis_around_tags_is_read_in_one_pass() -> None:
    # (the old pattern took only text with no tag inside, so that it stayed linear; the parse reads each tag once,
    # and a close pops what it closes: these finish at once, where a scan of the open tags per close would not)
    assert html_emphasis("<b><i>" * 25_000) == ([], 0)
    assert html_emphasis("<b>" * 25_000 + "</i>" * 25_000) == ([], 0)
    assert html_emphasis("<u><a href='x'>" * 8_000 + "y" + "</a></u>" * 8_000) == (["y"], 1)
    assert html_emphasis("<span style='font-weight:bold'>" * 2_000 + "z" + "</span>" * 2_000) == (["z"], 1)
