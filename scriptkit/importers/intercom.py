"""Intercom macros, read API shape: ``{"type": "list", "data": [macro...]}``, a list, or one macro.

``body`` is HTML with ``<attribute key=.. default=../>`` placeholders, read as ``body_text`` spells
them (``{{user.first_name|fallback:"there"}}``); it is preferred, as it keeps a link's address, and a
note says where ``body_text`` says something else.

A list response (``GET /macros``) may leave ``body`` null: Intercom renders no bodies in a list of 30
or more macros. Such macros are named in one error that says how to fetch them (``GET /macros/{id}``),
not one error a macro.
"""

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
    kept_id,
    own_id,
    read_export,
)
from scriptkit.importers.html import rich_or_plain
from scriptkit.targets.intercom import IntercomTarget, team_id

LABEL = "Intercom macros (GET /macros JSON)"
EXPORT = Export("Intercom export", ("data", "macros"), "macro", title_key="name", own_list="macros")


#: the problem of a macro whose body the list response did not render
_UNRENDERED = "its 'body' is null"


def read(path: Path, options: ReadOptions) -> Read:
    unrendered: list[ItemProblem] = []
    for item in read_export(path, EXPORT, _macro, options):
        if isinstance(item, ItemProblem) and item.message.startswith(_UNRENDERED):
            unrendered.append(item)
        else:
            yield item
    if len(unrendered) == 1:
        yield unrendered[0]
    elif unrendered:
        first = unrendered[0]
        names = ", ".join(p.item for p in unrendered[:3]) + (", ..." if len(unrendered) > 3 else "")
        yield ItemProblem(first.location, f"{len(unrendered)} macros ({names})",
                          "have 'body' null: Intercom's list response (GET /macros) does not render the bodies "
                          "of 30 or more macros. Fetch each macro with GET /macros/{id} and import those "
                          "responses (a list of them in one file is read too)")


def _macro(entry: Entry) -> RawItem | ItemProblem:
    kind = entry.fields.get("type", "macro")
    if kind != "macro":
        return entry.problem(f"is a '{kind}', not a macro")
    if entry.fields.get("body") is None and "body" in entry.fields and not entry.fields.get("body_text"):
        return entry.problem(f"{_UNRENDERED} (a list response of 30 or more macros leaves it out): fetch the "
                             "macro with GET /macros/{id}")
    found = entry.reply("body_text", "body")
    if isinstance(found, ItemProblem):
        return found
    text, rich = found
    notes: list[str] = []
    body, html = rich_or_plain(rich, text, "body", "body_text", notes, "intercom")
    # (kept as its id, as every helpdesk's is: the export names the macro it came from, and audit links to it)
    # (the API writes an id as text, "123"; an export that wrote it as the number 123 names the same macro)
    value = entry.fields.get("id")
    ident = kept_id(IntercomTarget, str(value) if isinstance(value, int) and not isinstance(value, bool) else value)
    if ident is None and value is not None:  # (dropped unsaid, the page named no macro to paste into)
        notes.extend(own_id(entry, "Intercom", "text")[1])
    settings: dict[str, Any] = {"id": ident} if ident is not None else {}
    listed = entry.fields.get("visible_to_team_ids")
    teams = [t for t in map(team_id, listed) if t is not None] if isinstance(listed, list) else []
    if entry.fields.get("visible_to") == "specific_teams" and teams:
        # (kept as the Intercom export's settings, as the API spells them: its page says to set them again, and
        # another helpdesk's export names the macro (SK510), which would be every agent's there)
        settings.update(visible_to="specific_teams", visible_to_team_ids=teams)
        notes.append(f"visible only to team(s) {', '.join(teams)} in Intercom: kept as its intercom setting "
                     "visible_to_team_ids, and its page says to set it again after pasting")
    # where agents may use it (Intercom's available_on, inbox and/or messenger): the paste-in export cannot set it,
    # so a macro kept from one of them is named, never narrowed or widened in silence
    places = entry.fields.get("available_on")
    if isinstance(places, list) and (shown := {str(p) for p in places}) != {"inbox", "messenger"}:
        where = " and ".join(sorted(shown)) or "nowhere"
        listed = ", ".join(sorted(shown)) or "none"
        notes.append(f"available only on {where} in Intercom (available_on: {listed}): the pack does not "
                     "carry it; pasted back into this macro it stays so, and a new macro is set in Intercom's editor")
    item = entry.item(body, html=html, dialect="intercom", notes=notes, settings=settings)
    return item
