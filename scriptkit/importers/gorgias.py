"""Gorgias macros: ``{"data": [...]}`` or a list of ``{id, name, actions: [...]}``.

The reply is the ``setResponseText`` action's ``arguments.body_text`` (preferred) or
``body_html``; ``addTags.tags`` is a comma-separated string. Placeholders are ``{{…}}``.
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
    tags_from,
    text_field,
)

LABEL = "Gorgias macros (API JSON)"


def read(path: Path, options: ReadOptions) -> Read:
    source = read_text(path, "Gorgias export")
    data = load_json(source, "Gorgias export")
    for index, item in enumerate(records(data, ("data", "macros"), source, "Gorgias export")):
        problem = check_item(item, index, source, "macro")
        if problem:
            yield problem
            continue
        key, title = item_name(item, index, title_key="name")
        where = locate(source, title or key)
        name = f"macro {key} {title!r}" if title else f"macro {key}"
        actions = item.get("actions")
        if not title.strip():
            yield ItemProblem(where, name, "has no 'name'")
            continue
        if not isinstance(actions, list):
            yield ItemProblem(where, name, "'actions' should be a list")
            continue
        body, html, tags, bad = "", False, [], ""
        for action in actions:
            args = action.get("arguments") if isinstance(action, dict) else None
            if not isinstance(args, dict):
                bad = "an action has no 'arguments' object"
                break
            if action.get("name") == "setResponseText":
                text = text_field(args, "body_text", where, name)
                rich = text_field(args, "body_html", where, name)
                if isinstance(text, ItemProblem) or isinstance(rich, ItemProblem):
                    bad = (text if isinstance(text, ItemProblem) else rich).message  # type: ignore[union-attr]
                    break
                body, html = (text, False) if text.strip() else (rich, True)
            elif action.get("name") == "addTags":
                tags.extend(tags_from(args.get("tags")))
        if bad:
            yield ItemProblem(where, name, bad)
        elif not body.strip():
            yield ItemProblem(where, name, "has no setResponseText action (no reply text); skipped", skipped=True)
        else:
            yield RawItem(key=key, title=title, body=body, location=where, html=html, dialect="gorgias", tags=tags)
