"""Intercom macros, read API shape: ``{"type": "list", "data": [macro...]}``, a list, or one macro.

``body_text`` keeps the original placeholder syntax (``{{user.first_name|fallback:"there"}}``)
and is preferred; ``body`` is HTML with ``<attribute key=.. default=../>`` placeholders.
"""

from __future__ import annotations

from pathlib import Path

from scriptkit.importers.common import Entry, Export, ItemProblem, RawItem, Read, ReadOptions, read_export

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
    text, html = found
    teams = entry.fields.get("visible_to_team_ids")
    notes = [f"visible only to team(s) {', '.join(map(str, teams))} in Intercom: set it again after pasting"
             ] if entry.fields.get("visible_to") == "specific_teams" and isinstance(teams, list) and teams else []
    return entry.item(text or html, html=not text, dialect="intercom", notes=notes)
