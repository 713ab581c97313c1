"""Front message templates: ``{"_results": [...]}`` or a list of ``{id, name, subject, body}``;
``body`` is HTML. Placeholders are ``{{recipient.first_name}}``-style variables."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from scriptkit.importers.common import (
    Entry,
    Export,
    ItemProblem,
    RawItem,
    Read,
    ReadOptions,
    attachment_note,
    read_export,
)
from scriptkit.importers.html import html_field

LABEL = "Front message templates (API JSON)"
EXPORT = Export("Front export", ("_results", "message_templates", "results"), "message template", title_key="name")


def read(path: Path, options: ReadOptions) -> Read:
    return read_export(path, EXPORT, _template)


def _template(entry: Entry) -> RawItem | ItemProblem:
    found = entry.reply("body")
    if isinstance(found, ItemProblem):
        return found
    body, html = html_field(found[0])
    settings: dict[str, Any] = {}  # the Front export target's settings, so the template comes back as it was
    subject, inboxes = entry.fields.get("subject"), entry.fields.get("inbox_ids")
    if isinstance(subject, str) and subject.strip():
        settings["subject"] = subject
    if isinstance(inboxes, list) and inboxes and all(isinstance(i, str) for i in inboxes):
        settings["inbox_ids"] = inboxes
    return entry.item(body, html=html, dialect="front", settings=settings,
                      notes=attachment_note(entry.fields.get("attachments"), "Front"))
