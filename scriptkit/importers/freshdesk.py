"""Freshdesk canned responses: a list (or ``{"canned_responses": [...]}``) of
``{id, title, content_html, content, folder_id, ...}``. Placeholders are Liquid."""

from __future__ import annotations

from pathlib import Path

from scriptkit.importers.common import Entry, Export, ItemProblem, RawItem, Read, ReadOptions, read_export

LABEL = "Freshdesk canned responses (API JSON)"
EXPORT = Export("Freshdesk export", ("canned_responses", "canned_response"), "canned response")


def read(path: Path, options: ReadOptions) -> Read:
    return read_export(path, EXPORT, _canned_response)


def _canned_response(entry: Entry) -> RawItem | ItemProblem:
    found = entry.reply("content_html", "content")
    if isinstance(found, ItemProblem):
        return found
    html, plain = found
    return entry.item(html or plain, html=bool(html), dialect="freshdesk")
