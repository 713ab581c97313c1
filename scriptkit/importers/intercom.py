"""Intercom macros, read API shape: ``{"type": "list", "data": [macro...]}``, a list, or one macro.

``body`` is HTML with ``<attribute key=.. default=../>`` placeholders, read as ``body_text`` spells
them (``{{user.first_name|fallback:"there"}}``); it is preferred, as it keeps a link's address, and a
note says where ``body_text`` says something else.
"""

from __future__ import annotations

from pathlib import Path

from scriptkit.importers.common import Entry, Export, ItemProblem, RawItem, Read, ReadOptions, read_export
from scriptkit.importers.html import rich_or_plain

LABEL = "Intercom macros (GET /macros JSON)"
EXPORT = Export("Intercom export", ("data", "macros"), "macro", title_key="name")


def read(path: Path, options: ReadOptions) -> Read:
    return read_export(path, EXPORT, _macro)


def _macro(entry: Entry) -> RawItem | ItemProblem:
    kind = entry.fields.get("type", "macro")
    if kind != "macro":
        return entry.problem(f"is a '{kind}', not a macro")
    found = entry.reply("body_text", "body")
    if isinstance(found, ItemProblem):
        return found
    text, rich = found
    notes: list[str] = []
    body, html = rich_or_plain(rich, text, "body", "body_text", notes)
    teams = entry.fields.get("visible_to_team_ids")
    if entry.fields.get("visible_to") == "specific_teams" and isinstance(teams, list) and teams:
        notes.append(f"visible only to team(s) {', '.join(map(str, teams))} in Intercom: set it again after pasting")
    return entry.item(body, html=html, dialect="intercom", notes=notes)
