"""Intercom macros, read API shape: ``{"type": "list", "data": [macro...]}``, a list, or one macro.

``body_text`` keeps the original placeholder syntax (``{{user.first_name|fallback:"there"}}``)
and is preferred; ``body`` is HTML with ``<attribute key=.. default=../>`` placeholders.
"""

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

LABEL = "Intercom macros (GET /macros JSON)"


def read(path: Path, options: ReadOptions) -> Read:
    source = read_text(path, "Intercom export")
    data = load_json(source, "Intercom export")
    for index, item in enumerate(records(data, ("data", "macros"), source, "Intercom export")):
        problem = check_item(item, index, source, "macro")
        if problem:
            yield problem
            continue
        key, title = item_name(item, index, title_key="name")
        where = locate(source, title or key)
        name = f"macro {key} {title!r}" if title else f"macro {key}"
        if item.get("type", "macro") != "macro":
            yield ItemProblem(where, name, f"is a '{item.get('type')}', not a macro")
            continue
        text = text_field(item, "body_text", where, name)
        html = text_field(item, "body", where, name)
        if isinstance(text, ItemProblem):
            yield text
        elif isinstance(html, ItemProblem):
            yield html
        elif not title.strip():
            yield ItemProblem(where, name, "has no 'name'")
        elif not (text or html).strip():
            yield ItemProblem(where, name, "has no 'body_text' or 'body'")
        else:
            yield RawItem(key=key, title=title, body=text or html, location=where, html=not text,
                          dialect="intercom")
