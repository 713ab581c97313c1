"""Front message templates: ``{"_results": [...]}`` or a list of ``{id, name, subject, body}``;
``body`` is HTML. Placeholders are ``{{recipient.first_name}}``-style variables. The template's ``id``
(``rsp_16yc``) becomes the ``id`` setting, which the export writes back, so the file updates the
template it came from (``PATCH /message_templates/{id}``)."""

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
from scriptkit.targets.base import macro_id

LABEL = "Front message templates (API JSON)"
EXPORT = Export("Front export", ("_results", "message_templates", "results"), "message template", title_key="name")


def read(path: Path, options: ReadOptions) -> Read:
    return read_export(path, EXPORT, _template, options)


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
    links = entry.fields.get("_links")
    related = links.get("related") if isinstance(links, dict) else None
    related = related if isinstance(related, dict) else {}
    folder = entry.fields.get("folder_id") or _last_part(related.get("parent_folder"), "message_template_folders")
    if isinstance(folder, str) and folder:
        settings["folder_id"] = folder  # the API gives the folder as a link: its last part is the id
    if (ident := macro_id(entry.fields.get("id"), "text")) is not None:
        settings["id"] = ident  # exported back as its id: its file updates this template, not a copy of it
    # an inline image is an attachment too: the text's image is named once, as the image it is
    attached = entry.fields.get("attachments")
    files = [a for a in attached if not (isinstance(a, dict) and isinstance(a.get("metadata"), dict)
                                         and a["metadata"].get("is_inline") is True)
             ] if isinstance(attached, list) else attached
    notes = attachment_note(files, "Front")
    if owner := _last_part(related.get("owner"), "teammates"):
        notes.append(f"a private template of teammate {owner} in Front: exported back as a shared template "
                     "(POST /teammates/{id}/message_templates keeps it private)")
    return entry.item(body, html=html, dialect="front", settings=settings, notes=notes)


def _last_part(link: Any, collection: str) -> str | None:
    """The id at the end of a Front API link to ``collection`` ('.../message_template_folders/rsf_77')."""
    if not isinstance(link, str) or f"/{collection}/" not in link:
        return None
    return link.rstrip("/").rsplit("/", 1)[-1] or None
