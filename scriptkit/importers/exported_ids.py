"""The script ids of a library scriptkit's own export wrote, read back from its files' names.

A helpdesk's macro holds no script id (a Gorgias macro's external_id aside), so a macro read back took an id made
from its title: exported and imported again, 'refund-late' came back as 'billing-refunds-late-refund', unsaid. The
export folder's marker lists every file it wrote, and each script's own file is named by its id
(``zendesk/macros/refund-late.json``): a library read from that folder (its whole-library file, or one of those
files) takes each macro's id from the file that holds its title."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from typing import Any

from scriptkit.importers.channels import CHANNEL_TITLE

#: a script's own file larger than this is not one scriptkit wrote (a macro's file is a few kilobytes)
_MAX_FILE_BYTES = 1_000_000
#: a title of the export's files -> the helpdesk id (None where the file has none) and script id of each file of it
ExportedIds = dict[str, list[tuple[object, str]]]
#: the title as each target's file writes it (Zendesk's 'title' under 'macro', Help Scout's 'name', Salesforce's
#: 'Name')
_TITLE_KEYS = ("title", "name", "Name")


def exported_ids(file: Path) -> ExportedIds | None:
    """The titles of the export's files beside ``file``, each with the script id its file is named by; None where
    ``file`` is not in a folder scriptkit's export wrote (its marker does not list it)."""
    from scriptkit.exporting import MARKER, _manifest  # (the export's machinery only when a library is read)
    from scriptkit.models import is_script_id

    file = file.resolve()
    for out in file.parents[:3]:
        if not (out / MARKER).is_file():
            continue
        listed = _manifest(out) or {}
        rel = file.relative_to(out).as_posix()
        if rel not in listed:
            return None
        # (the whole library, 'zendesk/macros.json', has its scripts' files in 'zendesk/macros/'; one of those
        # files has them beside it)
        folder = rel.removesuffix(file.suffix) if file.with_suffix("").is_dir() else rel.rpartition("/")[0]
        ids: ExportedIds = {}
        for path in sorted(listed):
            parent, _, name = path.rpartition("/")
            stem, _, suffix = name.rpartition(".")
            if parent != folder or not is_script_id(stem):
                continue
            # (Intercom's own files are a page to paste, titled, and its text: no JSON)
            title, helpdesk_id = _title(out / path) if suffix == "json" else (
                (_page_title(out / path), None) if suffix == "html" else (None, None))
            if title is not None:
                ids.setdefault(title, []).append((helpdesk_id, stem))
        if folder == rel.rpartition("/")[0]:  # one script's file: a channel's own macro is of its script
            _channel_macros_to_their_script(ids)
        return ids
    return None


def _channel_macros_to_their_script(ids: ExportedIds) -> None:
    """A channel's own macro ('Late parcel (chat)' in ``late-chat.json``, beside 'Late parcel' in ``late.json``)
    takes its script's id: read on its own it is that script's text, which the file named ``late-chat`` gave an id
    no script has. (Read with its script, in the whole library, it is merged into it by title.)"""
    for title, found in ids.items():
        named = CHANNEL_TITLE.fullmatch(title)
        script = ids.get(named["base"], []) if named else []
        if named and len(found) == 1 and len(script) == 1 and found[0][1] == f"{script[0][1]}-{named['channel']}":
            ids[title] = [(found[0][0], script[0][1])]


def exported_id(ids: ExportedIds, title: str, helpdesk_id: object) -> str | None:
    """The script id of the file of ``ids`` that writes ``title``; where several do (scripts sharing a title),
    the one that writes ``helpdesk_id`` too; else None."""
    found = ids.get(title, [])
    if len(found) > 1:
        found = [(ident, stem) for ident, stem in found if ident is not None and ident == helpdesk_id]
    return found[0][1] if len(found) == 1 else None


def _page_title(path: Path) -> str | None:
    """The title of a page the export wrote (Intercom's ``macros/<id>.html``), else None."""
    try:
        if path.stat().st_size > _MAX_FILE_BYTES:
            return None
        found = re.search(r"<title>(.*?)</title>", path.read_text(encoding="utf-8"), re.DOTALL)
    except (OSError, ValueError):
        return None
    return html.unescape(found[1]) if found else None


def _title(path: Path) -> tuple[str | None, object]:
    """The title one script's file writes (else None), and its helpdesk id (else None)."""
    try:
        if path.stat().st_size > _MAX_FILE_BYTES:
            return None, None
        data: Any = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None, None
    if isinstance(data, dict) and len(data) == 1 and isinstance(next(iter(data.values())), dict):
        data = next(iter(data.values()))  # (Zendesk's {"macro": {...}}, the body of its API's request)
    if not isinstance(data, dict):
        return None, None
    return next((data[key] for key in _TITLE_KEYS if isinstance(data.get(key), str)), None), data.get("id")
