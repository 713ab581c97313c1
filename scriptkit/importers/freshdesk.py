"""Freshdesk canned responses: a list (or ``{"canned_responses": [...]}``) of
``{id, title, content_html, content, folder_id, ...}``. Placeholders are Liquid."""

from __future__ import annotations

from pathlib import Path

from scriptkit.importers.common import (
    ItemProblem,
    RawItem,
    Read,
    ReadOptions,
    check_item,
    item_name,
    load_json,
    locate,
    read_text,
    records,
    text_field,
)

LABEL = "Freshdesk canned responses (API JSON)"


def read(path: Path, options: ReadOptions) -> Read:
    source = read_text(path, "Freshdesk export")
    data = load_json(source, "Freshdesk export")
    for index, item in enumerate(records(data, ("canned_responses", "canned_response"), source,
                                         "Freshdesk export")):
        problem = check_item(item, index, source, "canned response")
        if problem:
            yield problem
            continue
        key, title = item_name(item, index)
        where = locate(source, title or key)
        name = f"canned response {key} {title!r}" if title else f"canned response {key}"
        html = text_field(item, "content_html", where, name)
        plain = text_field(item, "content", where, name)
        for value in (html, plain):
            if isinstance(value, ItemProblem):
                yield value
                break
        else:
            assert isinstance(html, str) and isinstance(plain, str)
            if not title.strip():
                yield ItemProblem(where, name, "has no 'title'")
            elif not (html or plain).strip():
                yield ItemProblem(where, name, "has no 'content_html' or 'content'")
            else:
                yield RawItem(key=key, title=title, body=html or plain, location=where, html=bool(html),
                              dialect="freshdesk")
