"""Gorgias macros: ``{"data": [...]}`` or a list of ``{id, name, actions: [...]}``.

The reply is the ``setResponseText`` action's ``arguments.body_html`` (preferred: it keeps a link's
address) or ``body_text``, and a note says where the two differ; ``addTags.tags`` is a
comma-separated string; ``setStatus`` and ``intent`` become settings, and so do the macro's
``id`` (the export writes it back, so the file updates the macro it came from) and its
``language`` (the pack has one locale; the export writes the setting back). An action's
``arguments`` may be JSON text (Gorgias's older API typed them so); an action the pack does not
read is kept verbatim in the ``actions`` setting (the export writes it back) and named in the notes.
Placeholders are ``{{…}}``; a fallback written
``|default("…")`` is kept, and the macro exported back to Gorgias writes it so again.
"""

from __future__ import annotations

import json
import re
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
    own_id,
    read_as_categories,
    read_export,
    tags_from,
)
from scriptkit.importers.html import html_to_text, rich_or_plain
from scriptkit.targets.actions import elsewhere
from scriptkit.targets.gorgias import LANGUAGE, STATUSES, action_name

LABEL = "Gorgias macros (API JSON)"
EXPORT = Export("Gorgias export", ("data", "macros"), "macro", title_key="name")
#: a variable with Jinja's default filter: the library shows its Gorgias reads fallbacks written so
_DEFAULT_FILTER = re.compile(r"\{\{[^{}]*\|\s*default\s*\(")
#: the external_id scriptkit's Gorgias export writes: the script id, then ":chat" or ":v2" for a later macro
_OWN_ID = re.compile(r"scriptkit:(?P<id>[a-z0-9][a-z0-9._-]*)(?::(?P<suffix>[a-z0-9]+))?")
#: any external_id scriptkit's export writes: a channel's (':chat'), a variant's (':v2'), or both (':chat:v2')
_OWN_RECORD = re.compile(r"scriptkit:(?P<id>[a-z0-9][a-z0-9._-]*)(?::(?P<channel>[a-z0-9]+))?(?P<more>:v[0-9]+)?")
#: the channels the export writes a macro of their own for, after the script's first (exporting.export_records)
CHANNEL_RECORDS = ("email", "chat", "sms", "social")


def read(path: Path, options: ReadOptions) -> Read:
    return read_export(path, EXPORT, _macro, options)


def _macro(entry: Entry) -> RawItem | ItemProblem:
    if untitled := entry.untitled():
        return untitled
    actions = entry.fields.get("actions")
    if not isinstance(actions, list):
        return entry.problem("'actions' should be a list")
    body, html, tags, notes, guidance = "", False, [], [], []
    reply_notes: list[str] = []
    others: list[str] = []  # actions the pack has no setting for (priority, assignee, integrations...)
    kept: list[dict[str, Any]] = []  # those of them the 'actions' setting carries back, verbatim
    settings: dict[str, Any] = {}
    intent = entry.fields.get("intent")
    if isinstance(intent, str) and intent.strip():
        settings["intent"] = intent.strip()
    for action in actions:
        if not isinstance(action, dict):
            return entry.problem("an action has no 'arguments' object")
        if action.get("name") not in _READ:  # (its arguments are not read: snoozeTicket's may be null)
            others.append(_what_it_does(action))
            if action_name(action) is not None:
                kept.append(action)  # (one with no name is no action the export could write back)
            continue
        try:
            args = _arguments(action.get("arguments"))
        except RecursionError:  # (JSON text nested thousands deep in a flat file: this item only)
            return entry.problem(f"the arguments of its {action['name']} action are JSON text nested too "
                                 "deeply to read")
        if args is None:
            return entry.problem("an action has no 'arguments' object")
        if action.get("name") == "setResponseText":
            found = entry.texts("body_text", "body_html", within=args)
            if isinstance(found, ItemProblem):
                return found
            text, rich = found
            reply_notes = []  # (a later setResponseText replaces the reply, and its notes)
            body, html = rich_or_plain(rich, _addresses_out(text, rich), "body_html", "body_text", reply_notes,
                                       "gorgias")
        elif action.get("name") == "addTags":
            tags.extend(tags_from(args.get("tags")))
        elif action.get("name") == "setStatus":
            status = args.get("status")
            if status in STATUSES:
                settings["status"] = status  # set again when exported back
            else:
                notes.append(f"sets the ticket status {status!r}, which the Gorgias export does not write "
                             f"({', '.join(STATUSES)}): not carried over")
        elif action.get("name") == "addAttachments":
            notes.extend(attachment_note(args.get("attachments"), "Gorgias"))
        elif action.get("name") == "addInternalNote":
            # a note for the agents, never sent: the script's guidance keeps its words
            note = entry.texts("body_text", "body_html", within=args)
            if isinstance(note, ItemProblem):
                return note
            rich, is_html = rich_or_plain(note[1], note[0], "addInternalNote body_html",
                                          "addInternalNote body_text", notes, "gorgias")
            if not (text := (html_to_text(rich) if is_html else rich).strip()):
                continue
            guidance.append(text)
            notes.append("its internal note is the script's guidance: exported back to Gorgias it is not an "
                         "'Add internal note' action, so add that again if the agents need it on the ticket")
        else:
            others.append(_what_it_does(action))
    notes[:0] = reply_notes
    if kept:
        settings["actions"] = kept
    if others:
        lost = len(others) - len(kept)
        notes.append(f"its other action(s) in Gorgias ({', '.join(others)}) are not in the pack's text: " + (
            f"kept in its 'actions' setting and {elsewhere('gorgias')}" if not lost else
            f"{lost} with no name {'is' if lost == 1 else 'are'} exported back without, so "
            f"add {'it' if lost == 1 else 'them'} to the macro again; the others are kept in its 'actions' setting and "
            f"{elsewhere('gorgias')}"))
    if not body.strip():
        return entry.problem("has no setResponseText action (no reply text); skipped", skipped=True)
    archived = entry.fields.get("archived_datetime")
    if archived:
        notes.append(f"archived in Gorgias ({archived}): exported back it is a live macro")
    if _DEFAULT_FILTER.search(body):
        settings["default_filter"] = True
        notes.append('its fallbacks are written |default("..."): exported back to Gorgias the same way')
    ident, about_id = own_id(entry, "Gorgias")
    notes.extend(about_id)
    if ident is not None:
        settings["id"] = ident  # exported back as the macro's id: its file updates this macro, not a copy of it
    external_id = entry.fields.get("external_id")
    script_id = _script_id(external_id)
    if isinstance(external_id, str) and external_id.strip() and external_id != f"scriptkit:{script_id}":
        settings["external_id"] = external_id  # another tool's, or a chat macro's: exported back unchanged
    language = entry.fields.get("language")
    if "language" not in entry.fields:
        # (no language: exported back with none, not the pack's locale's, which would set one in Gorgias)
        settings["language"] = None
    elif language is None:
        settings["language"] = None  # (a macro with no language set: exported back with none, not the pack's)
        notes.append("has no language in Gorgias (null): kept as its gorgias setting 'language: null', and "
                     "exported back so")
    elif isinstance(language, str) and language.strip():
        # ("FR" from a sheet someone edited, or a locale, "fr-FR", is French all the same; not
        # base_language, which reads "-de" as English)
        code = re.split(r"[-_]", language.strip().lower(), maxsplit=1)[0]
        if LANGUAGE.fullmatch(code):
            # (written for every macro, English too: the pack's locale is the language most macros read as,
            # which need not be this one's)
            settings["language"] = code
            if code != language.strip():
                notes.append(f"its language in Gorgias is '{language.strip()}': kept as its gorgias setting "
                             f"'language', '{code}', and exported back as '{code}'")
            elif code != "en":
                notes.append(f"its language in Gorgias is '{code}': kept as its gorgias setting "
                             "'language', and exported back so")
        else:
            notes.append(f"its language in Gorgias is '{language.strip()}', not a two-letter ISO 639-1 code: "
                         "exported back with the pack's locale's language")
    item = entry.item(body, html=html, dialect="gorgias", tags=tags, notes=notes, settings=settings,
                      script_id=script_id, guidance="\n\n".join(guidance), unused="archived" if archived else "")
    if isinstance(external_id, str) and (own := _OWN_RECORD.fullmatch(external_id)) is not None:
        # scriptkit's own macro: its title's " / " was the script title's "::" (display_title), and a
        # ':chat' record is the script's chat macro, merged back into the script (importers.channels)
        read_as_categories(item, "its external_id marks it as scriptkit's export of a script, which writes the "
                                 "script's categories so for Gorgias")
        if own["channel"] in CHANNEL_RECORDS and own["more"] is None:
            item.channel, item.channel_of = own["channel"], own["id"]
    return item


#: a link whose address is a placeholder, as the HTML writes it ('<a href="{{...order_status_url}}">')
_PLACEHOLDER_HREF = re.compile(r"""href\s*=\s*["']\s*(\{\{[^{}"']*\}\})\s*["']""", re.IGNORECASE)


def _addresses_out(plain: str, rich: str) -> str:
    """The plain text without the addresses of the HTML's links that are placeholders, as the plain version writes
    them after the link's text ('track it here ({{...tracking_url}})', as Gorgias and scriptkit's export do): the
    words compared with the HTML's, which leave a link's address out, are the same. (Only the comparison reads it:
    the HTML, where it has text, is the reply.)"""
    addresses = {found.group(1) for found in _PLACEHOLDER_HREF.finditer(rich)}
    for address in addresses:
        plain = plain.replace(f"({address})", "")
    return plain


#: the actions whose arguments the import reads
_READ = ("setResponseText", "addTags", "setStatus", "addAttachments", "addInternalNote")


def _what_it_does(action: dict[str, Any]) -> str:
    """An action the pack does not keep, named by what it does ("setPriority 'high'"), as the Zendesk note names
    one ("priority 'low'"): its title is free text a writer chose ("prio"), and says nothing of it."""
    name = action.get("name")
    if not isinstance(name, str) or not name.strip():
        title = action.get("title")
        return repr(title) if isinstance(title, str) and title.strip() else "an action with no name"
    try:
        args = _arguments(action.get("arguments")) or {}
    except RecursionError:  # (JSON text nested thousands deep: the action is named without them)
        args = {}
    values = [(key, shown) for key, value in args.items() if (shown := _shown(value)) is not None]
    if len(values) == 1:
        return f"{name} {values[0][1]}"
    return " ".join([name, ", ".join(f"{key}={shown}" for key, shown in values)]).strip()


def _shown(value: Any) -> str | None:
    """An argument's value as the note shows it (text cut short), or None for one not worth a word: empty, or
    a list or an object (an HTTP action's headers), other than a user's or team's {id, name}."""
    if isinstance(value, dict):
        value = value.get("name") if isinstance(value.get("name"), str) else value.get("id")
    if isinstance(value, (bool, int, float)):
        return repr(value)
    if not isinstance(value, str):
        return None
    text = " ".join(value.split())
    if not text:
        return None
    return repr(text if len(text) <= 60 else text[:59] + "…")


def _arguments(value: Any) -> dict[str, Any] | None:
    """An action's arguments: an object, or (as Gorgias's older API typed them) that object as JSON text."""
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except ValueError:
            return None
    return value if isinstance(value, dict) else None


def _script_id(external_id: Any) -> str:
    """The script id an external_id of scriptkit's names, so exporting again updates the same macro
    (a macro per channel or variant: the id and its suffix); "" for an id another tool wrote."""
    own = _OWN_ID.fullmatch(external_id) if isinstance(external_id, str) else None
    if own is None:
        return ""
    return f"{own['id']}-{own['suffix']}" if own["suffix"] else own["id"]
