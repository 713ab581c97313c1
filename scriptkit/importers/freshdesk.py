"""Freshdesk canned responses: a list (or ``{"canned_responses": [...]}``) of
``{id, title, content_html, content, folder_id, ...}``. Placeholders are Liquid."""

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
    kind_of,
    read_export,
)
from scriptkit.targets.freshdesk import VISIBILITY

LABEL = "Freshdesk canned responses (API JSON)"
EXPORT = Export("Freshdesk export", ("canned_responses", "canned_response"), "canned response")


def read(path: Path, options: ReadOptions) -> Read:
    return read_export(path, EXPORT, _canned_response)


_VISIBILITY_NAMES = {number: name for name, number in VISIBILITY.items()}  # the export target's, read back


def _canned_response(entry: Entry) -> RawItem | ItemProblem:
    found = entry.reply("content_html", "content")
    if isinstance(found, ItemProblem):
        return found
    html, plain = found
    # who may use it, as the Freshdesk export target's settings (visibility 0 all, 1 personal, 2 groups)
    settings: dict[str, Any] = {}
    shown = entry.fields.get("visibility")
    visibility = _VISIBILITY_NAMES.get(shown) if isinstance(shown, int) else None
    listed = entry.fields.get("group_ids")
    if listed is not None and not isinstance(listed, list):
        return entry.problem(f"'group_ids' should be a list of group ids, not {kind_of(listed)}")
    groups = [g for g in listed or [] if isinstance(g, int) and not isinstance(g, bool)]
    folder = entry.fields.get("folder_id")
    notes = attachment_note(entry.fields.get("attachments"), "Freshdesk")
    if visibility and (visibility != "groups" or groups):
        settings["visibility"] = visibility
    if visibility == "groups" and groups:
        settings["group_ids"] = groups
    elif visibility == "groups":
        notes.append("visible to selected groups in Freshdesk, but the export names none: exported back as a "
                     "personal response, so choose its groups again")
    if isinstance(folder, int) and not isinstance(folder, bool):
        settings["folder_id"] = folder
    return entry.item(html or plain, html=bool(html), dialect="freshdesk", settings=settings, notes=notes)
