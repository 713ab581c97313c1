"""Text that was never markup stays text on the round trip: brackets that read as a link ('Type [1](2)') are
escaped by the HTML import (\\[) and written back as typed, not as a link; a writer's sign-off, 'Thanks,' and
'- Sam' under it, stays two lines, not a list of one."""

from __future__ import annotations

import json
from pathlib import Path

from scriptkit import export, import_library


def _zendesk(tmp_path: Path, html: str) -> Path:
    source = tmp_path / "zendesk.json"
    source.write_text(json.dumps({"macros": [{"id": 1, "title": "Reply", "actions": [
        {"field": "comment_value_html", "value": html}]}]}), encoding="utf-8")
    return source


def _round_trip(tmp_path: Path, html: str) -> tuple[str, str]:
    library = import_library(_zendesk(tmp_path, html), "zendesk")
    export(library.write(tmp_path / "pack"), ["zendesk", "salesforce"], tmp_path / "out", lint=False)
    macro = json.loads((tmp_path / "out" / "zendesk" / "macros.json").read_text(encoding="utf-8"))["macros"][0]
    body = next(a["value"] for a in macro["actions"] if a["field"] == "comment_value_html")
    return library.macros[0].text, body


def test_brackets_that_read_as_a_link_come_back_as_typed(tmp_path: Path) -> None:
    html = ("<p>Sorry for the trouble. Type [1](2) in the code box, or [3]<b>(4)</b>, then "
            "<a href='https://e.com/a'>send it</a>.</p>")
    text, body = _round_trip(tmp_path, html)
    assert text == "Sorry for the trouble. Type \\[1](2) in the code box, or \\[3](4), then [send it](https://e.com/a)."
    assert "Type [1](2) in the code box, or [3](4), then <a href=\"https://e.com/a\">send it</a>." in body
    assert 'href="2"' not in body and 'href="4"' not in body
    plain = (tmp_path / "out" / "salesforce" / "quick_text.json").read_text(encoding="utf-8")
    assert "Type [1](2) in the code box, or [3](4), then send it (https://e.com/a)." in plain


def test_a_sign_off_under_a_closing_line_is_no_list(tmp_path: Path) -> None:
    text, body = _round_trip(tmp_path, "<p>I've refunded it today.</p><p>Thanks,<br>- Sam</p>")
    assert text == "I've refunded it today.\n\nThanks,\n- Sam"
    assert body.endswith("<p>Thanks,<br>- Sam</p>") and "<ul>" not in body
    # a list of one item of its own stays a list
    (tmp_path / "b").mkdir()
    _, body = _round_trip(tmp_path / "b", "<p>I've refunded it today.</p><ul><li>Keep the receipt</li></ul>")
    assert "<ul><li>Keep the receipt</li></ul>" in body
