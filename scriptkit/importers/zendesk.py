"""Zendesk macros: the ``GET /api/v2/macros`` export (``{"macros": [...]}``, a list, or one macro).

The reply is the ``comment_value_html`` action (HTML) or ``comment_value`` (a string, or a
``["channel:all", text]`` pair). ``comment_mode_is_public: false`` marks an internal note.
Tags come from ``current_tags``/``set_tags``. Placeholders are Liquid.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

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
    tags_from,
    text_field,
)

LABEL = "Zendesk macros export (GET /api/v2/macros JSON)"


def read(path: Path, options: ReadOptions) -> Read:
    source = read_text(path, "Zendesk export")
    data = load_json(source, "Zendesk export")
    for index, item in enumerate(records(data, ("macros", "macro", "results"), source, "Zendesk export")):
        problem = check_item(item, index, source, "macro")
        if problem:
            yield problem
            continue
        key, title = item_name(item, index)
        where = locate(source, title or key)
        name = f"macro {key} {title!r}" if title else f"macro {key}"
        if not isinstance(item.get("title"), str) or not item["title"].strip():
            yield ItemProblem(where, name, "has no 'title'")
            continue
        actions = item.get("actions")
        if not isinstance(actions, list):
            yield ItemProblem(where, name, "'actions' should be a list of {field, value} objects")
            continue
        body, html, public, tags, bad = "", False, True, [], None
        for action in actions:
            if not isinstance(action, dict) or not isinstance(action.get("field"), str):
                bad = "an action is not a {field, value} object"
                break
            field, value = action["field"], action.get("value")
            if field in ("comment_value", "comment_value_html"):
                text = _comment(value)
                if text is None:
                    bad = f"'{field}' should be text or a [\"channel:all\", text] pair"
                    break
                if field == "comment_value_html" or not html:
                    body, html = text, field == "comment_value_html"
            elif field == "comment_mode_is_public":
                public = str(value).lower() not in ("false", "0")
            elif field in ("current_tags", "set_tags"):
                tags.extend(tags_from(value))
        if bad:
            yield ItemProblem(where, name, bad)
            continue
        checked = text_field({"body": body}, "body", where, name)
        if isinstance(checked, ItemProblem):
            yield checked
            continue
        if not body.strip():
            yield ItemProblem(where, name, "has no comment action (no reply text); skipped", skipped=True)
            continue
        description = item.get("description")
        yield RawItem(key=key, title=title, body=body, location=where, html=html, dialect="zendesk",
                      tags=tags, guidance=description if isinstance(description, str) else "",
                      internal=not public)


def _comment(value: Any) -> str | None:
    if isinstance(value, str):
        return value
    if isinstance(value, list) and len(value) == 2 and all(isinstance(v, str) for v in value):
        return str(value[1])
    return None
