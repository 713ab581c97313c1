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
    return entry.item(text or html, html=not text, dialect="intercom")
