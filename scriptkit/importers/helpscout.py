"""Help Scout saved replies: ``[{id, name, text, chatText}]`` (or ``{"_embedded": {"saved-replies": [...]}}``).

``text`` is the email version (HTML); ``chatText`` the chat version, kept as an alternative
labelled ``CHAT_VERSION`` when it differs, which the Help Scout export writes back as ``chatText``. A saved
reply with no email text (``"text": ""``, or HTML that shows none, ``<p><br></p>``) is a chat-only
one: a script for chat, exported back chat-only.
Placeholders are Help Scout's ``{%customer.firstName,fallback=there%}``. The saved reply's ``id``
becomes the ``id`` setting, which the export writes back, so the file updates the saved reply it came
from (``PUT /v2/mailboxes/{mailboxId}/saved-replies/{id}``).
"""

from __future__ import annotations

from pathlib import Path

from scriptkit.importers.common import (
    Entry,
    Export,
    ItemProblem,
    RawItem,
    Read,
    ReadOptions,
    own_id,
    read_export,
)
from scriptkit.importers.convert import clean_text
from scriptkit.importers.html import html_field, looks_like_html
from scriptkit.targets.helpscout import CHAT_VERSION

LABEL = "Help Scout saved replies (API JSON)"
EXPORT = Export("Help Scout export", ("saved-replies", "savedReplies", "saved_replies"), "saved reply",
                title_key="name", within="_embedded", own_list="saved_replies")


def read(path: Path, options: ReadOptions) -> Read:
    return read_export(path, EXPORT, _saved_reply, options)


def _saved_reply(entry: Entry) -> RawItem | ItemProblem:
    listed = " (a list export holds only 'preview': fetch each reply with GET "\
             "/v2/mailboxes/{id}/saved-replies/{replyId})" if "preview" in entry.fields else ""
    found = entry.reply("text", "chatText", hint=listed)
    if isinstance(found, ItemProblem):
        return found
    text, chat = found
    # (an email text that shows nothing, '<p><br></p>' or '<p>&nbsp;</p>', is none: the reply is its chatText)
    if text and chat.strip() and not clean_text(*html_field(text))[0]:
        text = ""
    body, html = html_field(text) if text else (chat, looks_like_html(chat))  # (chatText: plain text)
    alternatives = [(CHAT_VERSION, chat, False)] if text and chat.strip() else []
    ident, about_id = own_id(entry, "Help Scout")
    # (exported back as its id: its file updates this saved reply, not a copy of it)
    item = entry.item(body, html=html, dialect="helpscout", alternatives=alternatives, notes=about_id,
                      settings={"id": ident} if ident is not None else {})
    if not text:  # a chat-only saved reply: a chat script, which the Help Scout export writes back so
        item.channel = "chat"
    return item
