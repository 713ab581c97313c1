"""Help Scout saved replies: ``[{id, name, text, chatText}]`` (or ``{"_embedded": {"saved-replies": [...]}}``).

``text`` is the email version (HTML); ``chatText`` the chat version, kept as an alternative
when it differs. Placeholders are Help Scout's ``{%customer.firstName,fallback=there%}``.
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
from scriptkit.importers.html import looks_like_html

LABEL = "Help Scout saved replies (API JSON)"


def read(path: Path, options: ReadOptions) -> Read:
    source = read_text(path, "Help Scout export")
    data = load_json(source, "Help Scout export")
    if isinstance(data, dict) and isinstance(data.get("_embedded"), dict):
        data = data["_embedded"]
    for index, item in enumerate(records(data, ("saved-replies", "savedReplies", "saved_replies"), source,
                                         "Help Scout export")):
        problem = check_item(item, index, source, "saved reply")
        if problem:
            yield problem
            continue
        key, title = item_name(item, index, title_key="name")
        where = locate(source, title or key)
        name = f"saved reply {key} {title!r}" if title else f"saved reply {key}"
        text = text_field(item, "text", where, name)
        chat = text_field(item, "chatText", where, name)
        if isinstance(text, ItemProblem):
            yield text
        elif isinstance(chat, ItemProblem):
            yield chat
        elif not title.strip():
            yield ItemProblem(where, name, "has no 'name'")
        elif not (text or chat).strip():
            listed = " (a list export holds only 'preview': fetch each reply with GET "\
                     "/v2/mailboxes/{id}/saved-replies/{replyId})" if "preview" in item else ""
            yield ItemProblem(where, name, f"has no 'text' or 'chatText'{listed}")
        else:
            body = text or chat
            alternatives = [("Chat version", chat, False)] if text and chat.strip() else []
            yield RawItem(key=key, title=title, body=body, location=where, html=looks_like_html(body),
                          dialect="helpscout", alternatives=alternatives)
