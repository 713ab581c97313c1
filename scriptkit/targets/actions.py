"""What a macro does to the ticket besides its reply (status, priority, subject, tags, its other actions), read from
the settings ``scriptkit import`` writes for the helpdesk it came from, and written in another helpdesk's own terms
where that one has the same action: an export to another helpdesk does not drop them silently (SK511 names the rest).

Only what means the same is carried: Zendesk's ``set_tags`` replaces the ticket's tags, and Gorgias's ``addTags``
adds them, so it is named, not written as ``addTags``. Ids (a Zendesk group, a custom status) are the old helpdesk's
and mean nothing in the new one, so those actions are named too.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

#: the helpdesks whose settings say what their macros do to the ticket, as ``scriptkit import`` writes them
SOURCES = ("zendesk", "gorgias", "front")
#: the priorities both Zendesk and Gorgias name alike (Zendesk's "urgent" has no documented Gorgias match)
PRIORITIES = ("low", "normal", "high")
#: a status in one helpdesk -> the same in another, where it has one (Zendesk's pending and hold, Gorgias: none)
STATUS_IN = {"gorgias": {"open": "open", "solved": "closed"}, "zendesk": {"open": "open", "closed": "solved"}}


@dataclass(frozen=True)
class TicketAction:
    """One thing a macro does to the ticket: its ``kind`` (status, priority, subject, remove_tags, set_tags,
    add_tags or other; or ``intent``, a Gorgias macro's, which files the macro, not the ticket), ``value``, how
    its own helpdesk's macro says it (``said``), and the setting it is read from under ``export: {<helpdesk>:
    ...}`` (``path``)."""

    helpdesk: str
    kind: str
    value: str
    said: str
    path: tuple[str | int, ...]


def ticket_actions(helpdesk: str, conf: Mapping[str, Any], tags: Sequence[str]) -> list[TicketAction]:
    """The ticket actions of a macro of ``helpdesk`` with the settings ``conf`` (as ``scriptkit import`` writes
    them) and the script's ``tags`` (which its macro adds, or with Zendesk's ``replace_tags``, sets)."""
    found: list[TicketAction] = []

    def add(kind: str, value: object, said: str, *path: str | int) -> None:
        found.append(TicketAction(helpdesk, kind, str(value), said, path))

    status = conf.get("status")
    if helpdesk in ("zendesk", "gorgias") and isinstance(status, str) and status:
        add("status", status, f"sets the status to {status}", "status")
    if helpdesk == "gorgias" and isinstance(intent := conf.get("intent"), str) and intent.strip():
        # (not an action on the ticket, but a setting no other helpdesk has: named with them, said for what it is)
        add("intent", intent.strip(), f"is filed under the intent '{intent.strip()}'", "intent")
    if helpdesk == "front" and isinstance(subject := conf.get("subject"), str) and subject.strip():
        add("subject", subject, f"sets the subject '{subject}'", "subject")
    if helpdesk == "zendesk" and tags:
        listed = " ".join(tags)
        if conf.get("replace_tags") is True:
            add("set_tags", listed, f"replaces the ticket's tags with '{listed}' (set_tags)", "replace_tags")
        else:
            add("add_tags", listed, f"adds the tags '{listed}'", "tags")
    if helpdesk == "gorgias" and tags:
        add("add_tags", ", ".join(tags), f"adds the tags '{', '.join(tags)}'", "tags")
    actions = conf.get("actions")
    for index, action in enumerate(actions if isinstance(actions, list) else []):
        if not isinstance(action, Mapping):
            continue
        if helpdesk == "zendesk":
            field, value = str(action.get("field", "")), str(action.get("value", ""))
            kind = {"priority": "priority", "subject": "subject", "remove_tags": "remove_tags"}.get(field, "other")
            said = {"priority": f"sets the priority to {value}", "subject": f"sets the subject '{value}'",
                    "remove_tags": f"removes the tags '{value}'"}.get(field, f"sets {field} to '{value}'")
            add(kind, value, said, "actions", index)
        elif helpdesk == "gorgias":
            name = str(action.get("name", ""))
            given = action.get("arguments")
            args: Mapping[str, Any] = given if isinstance(given, Mapping) else {}
            key = {"setPriority": "priority", "setSubject": "subject", "removeTags": "tags"}.get(name)
            value = str(args.get(key, "")) if key else ""
            if name == "setPriority":
                add("priority", value, f"sets the priority to {value}", "actions", index)
            elif name == "setSubject":
                add("subject", value, f"sets the subject '{value}'", "actions", index)
            elif name == "removeTags":
                add("remove_tags", " ".join(t.strip() for t in value.split(",") if t.strip()),
                    f"removes the tags '{value}'", "actions", index)
            else:
                add("other", name, f"runs its {name} action", "actions", index)
    return found


def elsewhere(source: str) -> str:
    """What becomes of the other actions an import of ``source`` (zendesk or gorgias) keeps in its ``actions``
    setting, as its note says it: written back to that helpdesk as they were, to another as ``carry`` does."""
    other = "Gorgias" if source == "zendesk" else "Zendesk"
    return (f"exported back to {source.title()} with them; an export to {other} writes a priority "
            f"({', '.join(PRIORITIES[:-1])} or {PRIORITIES[-1]}), a subject or removed tags its own way, one to "
            "Front a subject, and SK511 names the rest")


def carry(target: str, actions: Sequence[TicketAction], own: Mapping[str, Any],
          ) -> tuple[dict[str, Any], list[TicketAction], list[tuple[TicketAction, str]]]:
    """What ``target`` does with ``actions`` of another helpdesk's macro, given its own settings ``own``: the
    settings to add to ``own`` (its ``status``, ``subject``, ``actions``), the actions it cannot carry, and those
    it carries with another meaning, each with what differs (a phrase for SK511)."""
    added: dict[str, Any] = {}
    extra: list[dict[str, Any]] = []
    lost: list[TicketAction] = []
    changed: list[tuple[TicketAction, str]] = []
    listed = own.get("actions")
    own_actions: list[Any] = listed if isinstance(listed, list) else []
    for action in actions:
        if target == "zendesk":
            written = _zendesk(action, own, added, own_actions)
        elif target == "gorgias":
            written = _gorgias(action, own, added, own_actions)
            if action.kind == "set_tags":  # (its tags are written, as the script's, by addTags)
                changed.append((action, f"{action.said}, where gorgias's addTags adds them beside the ticket's "
                                        "other tags (it has no action that replaces them)"))
                continue
        elif target == "front":
            written = action.kind == "subject"
            if written and not own.get("subject"):
                added["subject"] = action.value
        else:
            written = False
        if written is None:
            continue
        if written is False:
            lost.append(action)
        elif isinstance(written, dict):
            extra.append(written)
    if extra:
        added["actions"] = [*own_actions, *extra]
    return added, lost, changed


def _status(target: str, action: TicketAction, own: Mapping[str, Any], added: dict[str, Any]) -> bool | None:
    """``target``'s status for a status ``action``, added to ``added``, as ``_zendesk`` says."""
    if own.get("status") is not None:
        return None
    if (status := STATUS_IN[target].get(action.value)) is None:
        return False
    added["status"] = status
    return True


def _zendesk(action: TicketAction, own: Mapping[str, Any], added: dict[str, Any], own_actions: Sequence[Any],
             ) -> dict[str, Any] | bool | None:
    """A Zendesk action for ``action`` (a dict), True where it is written otherwise (a status, the tags), None where
    the macro's own settings already say it, False where Zendesk cannot carry it."""
    fields = {a.get("field") for a in own_actions if isinstance(a, Mapping)}
    if action.kind == "status":
        return _status("zendesk", action, own, added)
    if action.kind == "add_tags":
        return True
    if action.kind == "priority" and action.value not in PRIORITIES and action.value != "urgent":
        return False
    field = {"priority": "priority", "subject": "subject", "remove_tags": "remove_tags"}.get(action.kind)
    if field is None:
        return False
    return None if field in fields else {"field": field, "value": action.value}


def _gorgias(action: TicketAction, own: Mapping[str, Any], added: dict[str, Any], own_actions: Sequence[Any],
             ) -> dict[str, Any] | bool | None:
    """A Gorgias action for ``action``, as ``_zendesk`` says."""
    names = {a.get("name") for a in own_actions if isinstance(a, Mapping)}
    if action.kind == "status":
        return _status("gorgias", action, own, added)
    if action.kind in ("add_tags", "set_tags"):
        return True
    if action.kind == "priority":
        if action.value not in PRIORITIES:
            return False
        name, title, arguments = "setPriority", "Set priority", {"priority": action.value}
    elif action.kind == "subject":
        name, title, arguments = "setSubject", "Set subject", {"subject": action.value}
    elif action.kind == "remove_tags":
        name, title, arguments = "removeTags", "Remove tags", {"tags": ", ".join(action.value.split())}
    else:
        return False
    return None if name in names else {"name": name, "title": title, "type": "user", "arguments": arguments}
