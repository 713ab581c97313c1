"""Zendesk macros: the ``GET /api/v2/macros`` export (``{"macros": [...]}``, a list, or one macro).

The reply is the ``comment_value_html`` action (HTML) or ``comment_value`` (a string, or a
``["channel:all", text]`` pair); a note says where a macro with both has them say different things.
``comment_mode_is_public: false`` marks an internal note. Tags come from
``current_tags``/``set_tags`` (``set_tags`` sets ``replace_tags``); a ``status`` action becomes the ``status``
setting, the macro's other actions (priority, group, custom fields...) the ``actions`` setting, verbatim, and
its ``id`` and ``position`` the settings of the same names (the export writes them all back, so the file
updates the macro it came from). Placeholders are Liquid.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
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
    read_export,
    tags_from,
)
from scriptkit.importers.html import rich_or_plain
from scriptkit.importers.tabular import IN_WORDS, WORDS_FALLBACK, built_in_words
from scriptkit.targets.actions import elsewhere
from scriptkit.targets.base import NOTE_WORDS, blank_marker, whole_number
from scriptkit.targets.liquid import write_liquid
from scriptkit.targets.zendesk import PLACEHOLDERS, STATUSES

LABEL = "Zendesk macros export (GET /api/v2/macros JSON)"
EXPORT = Export("Zendesk export", ("macros", "macro", "results"), "macro")


def read(path: Path, options: ReadOptions) -> Read:
    return read_export(path, EXPORT, _macro, options)


def _macro(entry: Entry) -> RawItem | ItemProblem:
    if untitled := entry.untitled():
        return untitled
    actions = entry.fields.get("actions")
    if not isinstance(actions, list):
        return entry.problem("'actions' should be a list of {field, value} objects")
    body, html, public, tags, reply_field, status = "", False, True, [], "comment_value", None
    comments: dict[str, list[str]] = {}  # field -> its texts: a second one of a field replaces the first
    others: list[dict[str, Any]] = []  # actions the pack has no setting for (priority, group, custom fields...)
    replaced = ""  # set_tags' tags: the macro replaces the ticket's tags
    for action in actions:
        if not isinstance(action, dict) or not isinstance(action.get("field"), str):
            return entry.problem("an action is not a {field, value} object")
        field, value = action["field"], action.get("value")
        if field in ("comment_value", "comment_value_html"):
            if value is None:  # (a null value is no text: the other comment action, if any, is the reply)
                continue
            text = _comment(value)
            if text is None:
                return entry.problem(f"'{field}' should be text or a [\"channel:all\", text] pair")
            comments.setdefault(field, []).append(text)
            if field == "comment_value_html" or not html:
                body, html, reply_field = text, field == "comment_value_html", field
        elif field == "comment_mode_is_public":
            public = str(value).lower() not in ("false", "0")
        elif field in ("current_tags", "set_tags"):
            tags.extend(tags_from(value))
            replaced = " ".join(tags_from(value)) if field == "set_tags" else replaced
        elif field == "status":
            status = value
        else:
            others.append({"field": field, "value": value})
    differ: list[str] = []
    if "comment_value" in comments and "comment_value_html" in comments:  # the text twice: said where they differ
        body, html = rich_or_plain(comments["comment_value_html"][-1], comments["comment_value"][-1],
                                   "comment_value_html", "comment_value", differ, "zendesk")
        reply_field = "comment_value_html" if html else "comment_value"
    checked = entry.texts(reply_field, within={reply_field: body})  # the length limit
    if isinstance(checked, ItemProblem):
        return checked
    if not body.strip():
        return entry.problem("has no comment action (no reply text); skipped", skipped=True)
    description = entry.fields.get("description")
    settings: dict[str, Any] = {}
    notes = [*differ, *attachment_note(entry.fields.get("attachments"), "Zendesk")]
    for field, texts in comments.items():
        if len(set(texts)) > 1:
            left = "; ".join(repr(t) for t in dict.fromkeys(texts[:-1]) if t != texts[-1])
            notes.append(f"has {'two' if len(texts) == 2 else len(texts)} '{field}' actions: the last is the "
                         f"reply imported, the text of the other(s) is not in the pack: {left}")
    if others:  # written back verbatim after the reply, status and tags
        settings["actions"] = others
        named = ", ".join(f"{a['field']} {a['value']!r}" for a in others)
        notes.append(f"its other action(s) in Zendesk ({named}) are not in the pack's text: "
                     f"kept in its 'actions' setting and {elsewhere('zendesk')}")
    if replaced:
        settings["replace_tags"] = True
        notes.append(f"replaces the ticket's tags with '{replaced}' in Zendesk (set_tags): exported back the same "
                     "way (the 'replace_tags' setting)")
    if entry.fields.get("active") is False:
        settings["active"] = False
        notes.append("switched off (inactive) in Zendesk: exported back switched off")
    restriction = entry.fields.get("restriction")
    if isinstance(restriction, dict):
        kept = _restriction(restriction)
        if kept is None:
            notes.append(f"only the restriction {restriction} may use it in Zendesk: not carried over, set it again")
        else:
            settings["restriction"] = kept
            who = f"group {', '.join(map(str, kept['ids']))}" if "ids" in kept else f"user {kept['id']}"
            notes.append(f"only {who} may use it in Zendesk: exported back with the same restriction")
    ident, about_id = own_id(entry, "Zendesk")
    notes.extend(about_id)
    if ident is not None:
        settings["id"] = ident  # exported back as the macro's id: its file updates this macro, not a copy of it
    position = entry.fields.get("position")
    if whole_number(position, least=0) is not None:
        settings["position"] = whole_number(position, least=0)  # its place in the agents' list of macros
    elif position is not None:
        notes.append(f"its position in Zendesk's list of macros, {position!r}, is not a whole number: not carried "
                     "over, so the macro is exported back without one")
    if not public:
        settings["public"] = False  # an internal note stays one when exported back
    if reply_field == "comment_value":
        settings["plain_text"] = True  # written back as plain text, the field it came from
    if status in STATUSES:
        settings["status"] = status  # the ticket status the macro sets, set again when exported back
    elif status is not None:
        notes.append(f"sets the ticket status {status!r}, which a Zendesk macro cannot set "
                     f"({', '.join(STATUSES)}): not carried over")
    agent = _agent_notes(description if isinstance(description, str) else "")
    if (read_note := _read_note(agent)) is not None:
        notes.append(read_note)
    return entry.item(body, html=html, dialect="zendesk", tags=tags, guidance=agent.guidance, prompts=agent.prompts,
                      alternatives=agent.alternatives, conditions=agent.conditions, phrasings=agent.phrasings,
                      internal=not public, settings=settings, notes=notes,
                      unused="switched off" if entry.fields.get("active") is False else "")


def _said(attr: str) -> str:
    """A note heading's words in every language the export writes them in ('base.NOTE_WORDS'), as one pattern."""
    return "(?:" + "|".join(sorted({re.escape(getattr(w, attr)) for w in NOTE_WORDS.values()}, key=len,
                                   reverse=True)) + ")"


_COLON = "(?:" + "|".join({re.escape(w.colon) for w in NOTE_WORDS.values()}) + ")"
#: each language's name of a slot in 'Or say (...)', lower-cased -> the slot
_SLOT_OF = {name.lower(): slot for w in NOTE_WORDS.values() for slot, name in w.slots.items()}
_GUIDANCE_HEAD = re.compile(_said("guidance") + _COLON)
_PROMPT = re.compile(_said("replace") + r" (\[\[[^\[\]\n]+\]\])" + _COLON + "(.+)")
#: the lines scriptkit's Zendesk export writes into a description ('base.note_lines', 'replace_line'), in the order
#: it writes them, in any language it writes them in: a description is read as scriptkit's notes only when every
#: line is one of them, in that order (a team's own note that merely starts so stays guidance)
_NOTE_HEADS = (
    ("guidance", re.compile(_said("guidance") + _COLON + "(?P<text>.+)")),
    ("alternative", re.compile(_said("alternative") + r" \((?P<label>[^\n]+?)\)" + _COLON + "(?P<text>.+)")),
    ("condition", re.compile(_said("condition") + r" (?P<when>[^:\n]+?)" + _COLON + "(?P<text>.+)")),
    ("phrasing", re.compile(_said("phrasing") + r" \((?P<slot>" + "|".join(map(re.escape, sorted(_SLOT_OF)))
                            + r")\)" + _COLON + "(?P<text>.+)", re.I)),
    ("prompt", re.compile(_said("replace") + r" (\[\[[^\[\]\n]+\]\])(?:" + _COLON + "(.+))?")),
)

@dataclass
class _Notes:
    guidance: str = ""
    prompts: dict[str, str] = field(default_factory=dict)
    alternatives: list[tuple[str, str, bool]] = field(default_factory=list)
    conditions: list[tuple[str, str, bool]] = field(default_factory=list)
    phrasings: list[tuple[str, str, str]] = field(default_factory=list)


def _agent_notes(description: str) -> _Notes:
    """The description as guidance, and the blanks' prompts the Zendesk export writes into it
    ("Replace [[new date]]: ..."; the converter puts back any whose blank the reply does not hold). Where it is
    scriptkit's own notes as a whole (``_own_notes``), its alternatives, conditions and other phrasings are read
    back too."""
    own = _own_notes(description)
    if own is not None:
        return own
    notes = _Notes()
    kept: list[str] = []
    for line in description.split("\n"):
        if (found := _PROMPT.fullmatch(line.strip())) and found[1] not in notes.prompts:
            notes.prompts[found[1]] = found[2].strip()
        else:
            kept.append(line)
    # (scriptkit's own export heads the guidance as such, and writes a guidance of several lines so)
    guidance = "\n".join(kept).strip()
    notes.guidance = guidance[head.end():] if (head := _GUIDANCE_HEAD.match(guidance)) else guidance
    return notes


def _own_notes(description: str) -> _Notes | None:
    """scriptkit's notes, read back: None unless the description is written wholly as the export writes it, every
    line one of ``_NOTE_HEADS``, in their order (one 'Guidance: ' at most, first; a blank's 'Replace' lines last)."""
    entries: list[tuple[int, re.Match[str]]] = []  # head's rank, its match
    for line in description.strip().split("\n"):
        heading = next(((i, m) for i, (_, head) in enumerate(_NOTE_HEADS) if (m := head.fullmatch(line))), None)
        if heading is None or (entries and (heading[0] < entries[-1][0] or heading[0] == entries[-1][0] == 0)):
            return None
        entries.append(heading)
    notes = _Notes()
    guidance: list[str] = []
    for rank, found in entries:
        kind = _NOTE_HEADS[rank][0]
        if kind == "guidance":
            guidance.append(found["text"])
        elif kind == "condition":
            notes.conditions.append((found["when"], _spelled(found["text"]), False))
        elif kind == "alternative":
            notes.alternatives.append((found["label"], _spelled(found["text"]), False))
        elif kind == "phrasing":
            notes.phrasings.append((_SLOT_OF[found["slot"].lower()], _spelled(found["text"]), found[0]))
        elif found[2] and found[1] not in notes.prompts:
            notes.prompts[found[1]] = found[2].strip()
    notes.guidance = "\n".join(guidance).strip()
    return notes


def _read_note(notes: _Notes) -> str | None:
    """The header note of a macro whose description was read as scriptkit's notes (``_own_notes``): what became
    the script's structure, for a lead to check it was not a team's own note written alike."""
    counts = [(len(notes.alternatives), "alternative"), (len(notes.conditions), "condition"),
              (len(notes.phrasings), "other phrasing")]
    read = [f"{n} {what}{'s' if n > 1 else ''}" for n, what in counts if n]
    if not read:
        return None
    return (f"its description is written as scriptkit's own Zendesk export writes a script's notes, so its lines "
            f"were read as the script's {', '.join(read)}: check them, and move any that is an agents' note into "
            "the guidance")


def _spelled(text: str) -> str:
    """A note's text as the reply spells it in Zendesk: a built-in placeholder the notes name in words
    ('{customer's first name, or "there"}') as its Liquid, or as its marker ('[[order number]]') where Zendesk
    has no field for it, as the reply writes it; words of no built-in one are left as written."""

    def placeholder(m: re.Match[str]) -> str:
        said = WORDS_FALLBACK.fullmatch(m[1])
        name = built_in_words().get(said["words"]) if said is not None else None
        if said is None or name is None:
            return m[0]
        if name not in PLACEHOLDERS:
            return blank_marker(name)
        return write_liquid(PLACEHOLDERS[name], "" if said["nothing"] else said["fallback"], False)

    return IN_WORDS.sub(placeholder, text) if "{" in text else text


def _restriction(value: dict[str, Any]) -> dict[str, Any] | None:
    """A macro's restriction as the Zendesk export target writes it, or None if it is not one."""
    # (Zendesk returns a group restriction with both; an empty ids beside an id still names that group)
    listed: list[Any] = value["ids"] if isinstance(value.get("ids"), list) and value["ids"] else [value.get("id")]
    ids = [int(i) for i in listed if (isinstance(i, int) and not isinstance(i, bool)) or
           (isinstance(i, str) and i.isdigit())]
    if value.get("type") == "Group" and ids:
        return {"type": "Group", "ids": ids}
    if value.get("type") == "User" and ids:
        return {"type": "User", "id": ids[0]}
    return None


def _comment(value: Any) -> str | None:
    if isinstance(value, str):
        return value
    if isinstance(value, list) and len(value) == 2 and all(isinstance(v, str) for v in value):
        return str(value[1])
    return None
