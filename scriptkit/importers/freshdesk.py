"""Freshdesk canned responses: a list (or ``{"canned_responses": [...]}``) of
``{id, title, content_html, content, folder_id, ...}``. Placeholders are Liquid. The response's ``id``
becomes the ``id`` setting, which the export writes back, so the file updates the response it came
from (``PUT /api/v2/canned_responses/{id}``)."""

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
    own_id,
    read_export,
)
from scriptkit.targets.freshdesk import VISIBILITY

LABEL = "Freshdesk canned responses (API JSON)"
EXPORT = Export("Freshdesk export", ("canned_responses", "canned_response"), "canned response",
                own_list="canned_responses")


def read(path: Path, options: ReadOptions) -> Read:
    return read_export(path, EXPORT, _canned_response, options)


_VISIBILITY_NAMES = {number: name for name, number in VISIBILITY.items()}  # the export target's, read back
_CODES = "0 all agents, 1 personal, 2 selected groups"


def _number(value: Any) -> int | None:
    """An id or code as Freshdesk writes it, or as a sheet or script re-typed it ("12"); None if it is not one."""
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().isascii() and value.strip().isdigit():
        return int(value.strip())
    return None


def _canned_response(entry: Entry) -> RawItem | ItemProblem:
    found = entry.reply("content_html", "content")
    if isinstance(found, ItemProblem):
        return found
    html, plain = found
    listed = entry.fields.get("group_ids")
    if listed is not None and not isinstance(listed, list):
        return entry.problem(f"'group_ids' should be a list of group ids, not {kind_of(listed)}")
    notes = attachment_note(entry.fields.get("attachments"), "Freshdesk")
    # who may use it, as the Freshdesk export target's settings (visibility 0 all, 1 personal, 2 groups); a value
    # that cannot be read is named, with what the export writes instead, never dropped in silence
    settings: dict[str, Any] = {}
    shown, folder_shown = entry.fields.get("visibility"), entry.fields.get("folder_id")
    code, folder = _number(shown), _number(folder_shown)
    visibility = _VISIBILITY_NAMES.get(code) if code is not None else None
    groups = [n for n in map(_number, listed or []) if n is not None]
    unread = [g for g in listed or [] if _number(g) is None]
    if unread:
        notes.append(f"its Freshdesk group_ids hold {', '.join(map(repr, unread))}, not group numbers: left out, "
                     "so add those groups again")
    if visibility and (visibility != "groups" or groups):
        settings["visibility"] = visibility
    elif shown is not None and visibility is None:
        # a code Freshdesk does not document may narrow access in a way the pack cannot say: exported back
        # personal (only the importing agent sees it) rather than to every agent, until someone chooses
        settings["visibility"] = "personal"
    if visibility == "groups" and groups:
        settings["group_ids"] = groups
    elif visibility == "groups":
        settings["visibility"] = "personal"  # (as the note says: left unset, the export shares it with every agent)
        notes.append("visible to selected groups in Freshdesk, but the export names none: exported back as a "
                     "personal response, so choose its groups again")
    if folder is not None:
        settings["folder_id"] = folder
    ident, about_id = own_id(entry, "Freshdesk")
    notes.extend(about_id)
    if ident is not None:
        settings["id"] = ident  # exported back as its id: its file updates this response, not a copy of it
    shared = visibility == "all" or (visibility == "groups" and bool(groups))
    instead = "a personal response (visibility 1)" + (" in that folder" if folder is not None else "")
    if shown is not None and visibility is None:
        notes.append(f"its Freshdesk visibility {shown!r} is not one Freshdesk documents ({_CODES}): exported "
                     f"back as {instead}, so set export: {{freshdesk: {{visibility: ...}}}} in the script if it "
                     "should be another")
    if folder_shown is not None and folder is None:
        notes.append(f"its Freshdesk folder_id {folder_shown!r} is not a folder number: exported back without a "
                     "folder" + (", so as a personal response (visibility 1): set export: {freshdesk: "
                                 "{folder_id: <id>}} in the script to share it again" if shared else ""))
    elif folder_shown is None and shared:
        notes.append(f"shared in Freshdesk (visibility {code}) but the export gives no folder_id: exported back "
                     "as a personal response (visibility 1), so set export: {freshdesk: {folder_id: <id>}} in the "
                     "script to share it again")
    item = entry.item(html or plain, html=bool(html), dialect="freshdesk", settings=settings, notes=notes)
    return item
