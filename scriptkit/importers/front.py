"""Front message templates: ``{"_results": [...]}`` or a list of ``{id, name, subject, body}``;
``body`` is HTML. Placeholders are ``{{recipient.first_name}}``-style variables."""

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
from scriptkit.importers.html import looks_like_html

LABEL = "Front message templates (API JSON)"


def read(path: Path, options: ReadOptions) -> Read:
    source = read_text(path, "Front export")
    data = load_json(source, "Front export")
    for index, item in enumerate(records(data, ("_results", "message_templates", "results"), source,
                                         "Front export")):
        problem = check_item(item, index, source, "message template")
        if problem:
            yield problem
            continue
        key, title = item_name(item, index, title_key="name")
        where = locate(source, title or key)
        name = f"message template {key} {title!r}" if title else f"message template {key}"
        body = text_field(item, "body", where, name)
        if isinstance(body, ItemProblem):
            yield body
        elif not title.strip():
            yield ItemProblem(where, name, "has no 'name'")
        elif not body.strip():
            yield ItemProblem(where, name, "has no 'body'")
        else:
            yield RawItem(key=key, title=title, body=body, location=where, html=looks_like_html(body),
                          dialect="front")
