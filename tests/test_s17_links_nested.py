"""HTML import of links left unclosed inside each other: a new link ends the open one, as in a browser, so each
part of the text is read by one link (nested, each link read all the text after it: quadratic time)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from scriptkit import import_library


def _zendesk(tmp_path: Path, html: str) -> Path:
    source = tmp_path / "zendesk.json"
    source.write_text(json.dumps({"macros": [{"id": 1, "title": "Reply", "actions": [
        {"field": "comment_value_html", "value": html}]}]}), encoding="utf-8")
    return source


def test_a_link_opened_inside_an_open_link_ends_it(tmp_path: Path) -> None:
    html = ("<p>Sorry for the wait. See <a href='https://e.com/a'>the guide<a href='https://e.com/b'>the form</a>"
            "</a> today.</p>")
    text = import_library(_zendesk(tmp_path, html), "zendesk").macros[0].text
    assert text == "Sorry for the wait. See [the guide](https://e.com/a)[the form](https://e.com/b) today."


@pytest.mark.timeout(60)
def test_thousands_of_nested_unclosed_links_are_each_a_link(tmp_path: Path) -> None:
    n = 1900  # (under the 40,000-character body limit; read once per link, this took seconds)
    html = "<p>" + "<a href='/x'>go " * n + "</a>" * n + "</p>"
    text = import_library(_zendesk(tmp_path, html), "zendesk").macros[0].text
    assert text.count("[go](/x)") == n
