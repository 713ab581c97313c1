"""HTML import of lists: a list left unclosed does not swallow the paragraphs after it."""

from __future__ import annotations

import json
from pathlib import Path

from scriptkit import import_library


def _zendesk(tmp_path: Path, html: str) -> Path:
    source = tmp_path / "zendesk.json"
    source.write_text(json.dumps({"macros": [{"id": 1, "title": "Reply", "actions": [
        {"field": "comment_value_html", "value": html}]}]}), encoding="utf-8")
    return source


def test_a_paragraph_after_an_unclosed_list_is_a_paragraph_of_its_own(tmp_path: Path) -> None:
    html = ("<p>Sorry the app keeps closing.</p><ol><li>Update it</li><li>Restart the phone</li>"
            "<p>If it still closes, write back.</p><p>We are here all week.</p>")
    text = import_library(_zendesk(tmp_path, html), "zendesk").macros[0].text
    assert text == ("Sorry the app keeps closing.\n\n1. Update it\n2. Restart the phone\n\n"
                    "If it still closes, write back.\n\nWe are here all week.")


def test_paragraphs_inside_an_item_stay_in_the_list(tmp_path: Path) -> None:
    html = "<ol><li><p>Update it</p></li><li><p>Restart</p></li></ol><p>Then write back.</p>"
    text = import_library(_zendesk(tmp_path, html), "zendesk").macros[0].text
    assert text == "1. Update it\n2. Restart\n\nThen write back."


def test_a_list_inside_a_list_is_indented_under_its_item_and_exported_nested(tmp_path: Path) -> None:
    from scriptkit import export

    html = ("<p>Sorry the card screen is confusing.</p><ol><li>Open Settings<ul><li>Cards</li></ul></li>"
            "<li>Press Delete</li></ol><p>Write back if it stays.</p>")
    library = import_library(_zendesk(tmp_path, html), "zendesk")
    assert library.macros[0].text == ("Sorry the card screen is confusing.\n\n1. Open Settings\n  - Cards\n"
                                      "2. Press Delete\n\nWrite back if it stays.")
    export(library.write(tmp_path / "pack"), ["zendesk"], tmp_path / "out", lint=False)
    macro = json.loads((tmp_path / "out" / "zendesk" / "macros.json").read_text(encoding="utf-8"))["macros"][0]
    body = next(a["value"] for a in macro["actions"] if a["field"] == "comment_value_html")
    assert "<ol><li>Open Settings<ul><li>Cards</li></ul></li><li>Press Delete</li></ol>" in body


def test_a_line_break_or_a_second_paragraph_in_an_item_stays_in_the_item(tmp_path: Path) -> None:
    from scriptkit import export

    html = ("<p>Sorry it keeps closing.</p><ul><li>Open it<br>then close it</li><li><p>Restart</p><p>and wait a "
            "minute</p></li></ul><p>Write back if it stays.</p>")
    library = import_library(_zendesk(tmp_path, html), "zendesk")
    assert library.macros[0].text == ("Sorry it keeps closing.\n\n- Open it\n  then close it\n- Restart\n"
                                      "  and wait a minute\n\nWrite back if it stays.")
    export(library.write(tmp_path / "pack"), ["zendesk"], tmp_path / "out", lint=False)
    macro = json.loads((tmp_path / "out" / "zendesk" / "macros.json").read_text(encoding="utf-8"))["macros"][0]
    body = next(a["value"] for a in macro["actions"] if a["field"] == "comment_value_html")
    assert body == ("<p>Sorry it keeps closing.</p><ul><li>Open it<br>then close it</li><li>Restart<br>and wait a "
                    "minute</li></ul><p>Write back if it stays.</p>")
