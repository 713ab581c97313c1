"""Zendesk Support macros: the ``POST /api/v2/macros`` body, one file per macro plus a bundle.

Facts (see docs/targets.md): title with ``::`` categories; the reply is a ``comment_value_html``
action; ``comment_mode_is_public`` picks public reply or internal note; ``status`` and
``current_tags`` (or ``set_tags``) actions; ``restriction`` limits who sees it; the macro's other actions
(an import keeps them in the ``actions`` setting) follow scriptkit's own. Placeholders are Liquid.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any, ClassVar

from scriptkit.diagnostics import Severity
from scriptkit.message import Blank, Message, Placeholder
from scriptkit.targets.base import (
    NOTE_WORDS,
    BaseTarget,
    Dialect,
    Limits,
    Payload,
    Problem,
    Rendered,
    blank_marker,
    blanks_of,
    bundle_files,
    carried_action_problems,
    catalogue_of,
    categories,
    id_problems,
    mailto_query_problems,
    note_lines,
    note_words,
    one_of,
    own_id,
    pack_wide_id_problem,
    placeholder_words,
    problem,
    replace_line,
    settings,
    tags_of,
    true_or_false,
    variant_label,
    whole_number,
    written,
    written_blank,
)
from scriptkit.targets.liquid import escape_liquid, write_liquid

PLACEHOLDERS: Mapping[str, str] = {
    "customer.first_name": "ticket.requester.first_name",
    "customer.last_name": "ticket.requester.last_name",
    "customer.full_name": "ticket.requester.name",
    "customer.email": "ticket.requester.email",
    "agent.first_name": "current_user.first_name",
    "agent.full_name": "current_user.name",
    "ticket.id": "ticket.id",
    "ticket.subject": "ticket.title",
    "ticket.url": "ticket.url",
    "brand.name": "ticket.brand.name",
}

# (an empty fallback is written, {% else %}{% endif %}: the pack said to write nothing, as an import of that
# conditional reads it, so it goes back as it came)
DIALECT = Dialect(PLACEHOLDERS, write_liquid, escape_liquid, empty_fallback=True)
STATUSES = ("open", "pending", "hold", "solved")  # macros take neither "new" nor "closed"
# the actions scriptkit writes itself, and the setting (or pack field) that says what they do
OWN_ACTIONS: Mapping[str, str] = {
    "comment_value_html": "the script's reply", "comment_value": "the script's reply",
    "comment_mode_is_public": "the 'public' setting", "status": "the 'status' setting",
    "current_tags": "the script's tags (or the 'tags' setting)",
    "set_tags": "the script's tags with 'replace_tags: true'",
}
# a line of a description as scriptkit writes another agent note than guidance ('base.note_lines', 'replace_line'),
# in any language it writes them in
_NOTE_LINE = re.compile(r"\s*(?:" + "|".join(sorted({
    re.escape(head) for w in NOTE_WORDS.values()
    for head in (f"{w.alternative} (", f"{w.phrasing} (", f"{w.condition} ", f"{w.replace} [[")})) + r")[^:\n]*:")


def placeholder(name: str, fallback: str | None = None, as_html: bool = False) -> str:
    """How Zendesk spells canonical placeholder ``name`` (with its fallback as a Liquid conditional)."""
    return write_liquid(PLACEHOLDERS[name], fallback, as_html)


def tag(value: str) -> str:
    """Zendesk tags are space-delimited in actions, so a tag cannot hold spaces."""
    return re.sub(r"\s+", "_", value.strip().lower())


class ZendeskTarget(BaseTarget):
    name = "zendesk"
    summary = "Zendesk Support macros (POST /api/v2/macros bodies)"
    units = ("macro", "macros")
    macro_ids = True  # (the id setting: the macro an import read, which its file updates)
    channels = ("email", "chat", "social", "sms")
    # Not documented by Zendesk; 255 matches its string columns and 64 KB its comment bodies.
    limits = Limits(title_max=255, body_max=65_535, source="assumed; override with export.zendesk.limits")
    dialect = DIALECT
    keeps_phrasings = True  # in the description, as "Or say (acknowledgment): ..."
    #: guidance, alternatives and conditions reach the agent, in the description: no SK508 for them
    keeps_notes = True
    own_settings: ClassVar[dict[str, str]] = {
        "status": "ticket status the macro sets: open, pending, hold or solved",
        "public": "false to add the reply as an internal note (default true: public reply)",
        "plain_text": "true to write the reply as plain text (comment_value; an import of a macro written so keeps "
                      "it) instead of HTML (comment_value_html, the default)",
        "tags": "extra tags the macro adds (besides the script's tags)",
        "replace_tags": "true to replace the ticket's tags with the macro's (set_tags; an import keeps it) "
                        "instead of adding them (current_tags, the default)",
        "actions": "the macro's other actions, as Zendesk writes them: [{field: priority, value: high}, "
                   "{field: custom_fields_360001, value: '42'}] (an import keeps those scriptkit has no setting "
                   "for): written after the reply, status and tags",
        "restriction": "who may use it: {type: Group, ids: [123]} or {type: User, id: 456}",
        "active": "false to import the macro switched off",
        "id": "the macro's Zendesk id (an import keeps it): written as the macro's id, so the file updates that "
              "macro (PUT /api/v2/macros/{id}) instead of adding another",
        "position": "the macro's place in Zendesk's list of macros, a whole number (an import keeps it)",
        "variant_ids": "the ids of the script's other macros (an import keeps them), by what the title adds: "
                       "{'variant 2': 360002, chat: 360003, 'chat, variant 2': 360004}",
        "variant_positions": "the places of the script's other macros in the list (an import keeps them), by what "
                             "the title adds: {'variant 2': 7}; the others take position",
    }
    readme = """
# Zendesk macros

Each file in `macros/` is the JSON body of one `POST /api/v2/macros` request
(`{"macro": {...}}`); `macros.json` holds them all as `{"macros": [...]}` for a script that
posts them one by one (Zendesk has no bulk create for macros).

- A macro imported from Zendesk keeps its `id` (the script's `export: {zendesk: {id: ...}}`, and
  a variant's or chat macro's under `variant_ids`): send that file without the `id` field with
  `PUT /api/v2/macros/{id}`, which updates the macro; a file without an `id` is a new macro for
  `POST /api/v2/macros`.

- Title: categories are separated by `::`, which Zendesk shows as macro categories.
- The reply is the `comment_value_html` action (`comment_value`, plain text, with the script's
  `plain_text: true`, which the import sets for a macro written so). Placeholders are Liquid; a fallback is written
  as `{% if x and x != blank %}{{x}}{% else %}fallback{% endif %}`; literal `{{` or `{%` in
  the text is wrapped in `{% raw %}...{% endraw %}`.
- Agent guidance, alternatives and blanks to fill in are in `description`, never in the reply.
- `[[...]]` markers (highlighted) are blanks the agent must replace before sending, and placeholders
  Zendesk has no field for; the description says what each one is (`Replace [[order number]]: ...`), its
  headings in the pack's language where scriptkit has them (`Sustituir [[número de pedido]]: ...`).
"""

    def setting_problems(self, conf: Mapping[str, Any]) -> list[Problem]:
        found = super().setting_problems(conf) + id_problems("zendesk", conf)
        if "position" in conf and whole_number(conf["position"], least=0) is None:
            found.append(problem("SK512", "zendesk setting 'position' must be a whole number (the macro's place in "
                                          f"the list), not {written(conf['position'])}",
                                 severity=Severity.ERROR, setting=("position",)))
        found.extend(_variant_position_problems(conf))
        restriction = conf.get("restriction")
        if restriction is not None and not _valid_restriction(restriction):
            found.append(problem("SK512", f"zendesk restriction {restriction!r} is not {{type: Group, ids: [...]}}, "
                                          "{type: Group, id: ...} or {type: User, id: ...}",
                                 "Give the numeric id of the group(s) or user who may use the macro.",
                                 severity=Severity.ERROR, setting=("restriction",)))
        found.extend(_action_problems(conf.get("actions")))
        for key in ("public", "active", "replace_tags", "plain_text"):
            if key in conf and not isinstance(conf[key], bool):
                found.append(problem("SK512", f"zendesk setting '{key}' must be true or false, not "
                                              f"{written(conf[key])}", true_or_false(conf[key]),
                                     severity=Severity.ERROR, setting=(key,)))
        status = conf.get("status")
        if status is not None and status not in STATUSES:
            found.append(problem("SK512", f"zendesk status '{status}' is not one a macro can set",
                                 one_of(status, STATUSES), severity=Severity.ERROR, setting=("status",)))
        return found

    def check(self, message: Message) -> list[Problem]:
        plain = mailto_query_problems(message, "zendesk") if settings(message).get("plain_text") is True else []
        return super().check(message) + pack_wide_id_problem(message, "zendesk") + plain

    def render(self, message: Message) -> Payload:
        conf = settings(message)
        cats, name = categories(message.title)
        title = "::".join([*cats, name + str(message.meta.get("title_suffix", ""))])
        actions: list[dict[str, Any]] = [
            {"field": "comment_value", "value": self.plain(message)} if conf.get("plain_text") is True else
            {"field": "comment_value_html", "value": self.html(message)},
            {"field": "comment_mode_is_public", "value": "false" if conf.get("public") is False else "true"},
        ]
        if conf.get("status") in STATUSES:
            actions.append({"field": "status", "value": conf["status"]})
        tags = list(dict.fromkeys(tag(t) for t in tags_of(message)))  # (in the order written)
        if tags:
            actions.append({"field": "set_tags" if conf.get("replace_tags") is True else "current_tags",
                            "value": " ".join(tags)})
        if not _action_problems(conf.get("actions")):  # (a forced export leaves out a list check refuses)
            actions.extend(dict(action) for action in conf.get("actions") or ())
        macro: Payload = {"title": title, "active": conf.get("active", True) is not False, "actions": actions}
        notes = self._notes(message)
        if notes:
            macro["description"] = notes
        if _valid_restriction(conf.get("restriction")):  # (a forced export leaves out one check refuses)
            macro["restriction"] = dict(conf["restriction"])
        if (ident := own_id(message, "zendesk")) is not None:
            macro["id"] = ident  # (the macro it was imported from: the file updates it)
        if (position := _position(message, conf)) is not None:
            macro["position"] = position
        return {"macro": macro}

    def _notes(self, message: Message) -> str:
        """The description: the agent notes, then a line for each marker the agent replaces: first each blank
        only the notes hold (an alternative's, another phrasing's: ``blanks_of``), then the reply's, in its order
        (a blank's, and a placeholder's Zendesk has no field for, which the reply shows as a marker too). The
        import reads such a line back as the blank's prompt (without one for a placeholder, the import's own
        prompt joined the description of a macro exported, imported and exported again), and keeps the line of a
        blank its reply does not hold in the guidance, which is written first: hence the notes' blanks first."""
        names = {**PLACEHOLDERS, **self.names(message)}
        catalogue = catalogue_of(message)  # (a pack's own placeholder is named by its description)
        words = note_words(message)  # (in the pack's language, as the agent reads the reply)
        lines = {"\n".join(note_lines(message)): None}  # (the notes and other phrasings)
        held = {seg.name for seg in message.segments if isinstance(seg, Blank)}
        for blank in blanks_of(message):
            if blank.name not in held:
                lines[replace_line(blank, words)] = None
        for seg in message.segments:
            if isinstance(seg, Blank):
                if written_blank(seg.name, names) is None:  # (a marker as the team wrote it had no line: none)
                    lines[replace_line(seg, words)] = None
            elif isinstance(seg, Placeholder) and seg.name not in names:
                marker = blank_marker(seg.name)
                if not any(line.startswith(f"{words.replace} {marker}") for line in lines):
                    lines[f"{words.replace} {marker}{words.colon}{placeholder_words(seg, catalogue)} "
                          f"({words.unplaced.format(helpdesk='Zendesk')})"] = None
        if len(lines) == 1 and all(note.kind == "guidance" for note in message.notes) \
                and not message.meta.get("phrasings"):
            # guidance alone: written as it stands, with no 'Guidance: ' to set it apart from other lines (a
            # macro's description, imported as its guidance, is exported back unchanged), unless a line of it
            # reads as another note's ('If ...: ', 'Replace [[...]]: '), as scriptkit's own export of a
            # condition or blank, imported back as guidance, does: that export's description is kept too
            bare = "\n".join(note_lines(message, headed=False))
            if not any(_NOTE_LINE.match(line) for line in bare.split("\n")):
                return bare
        return "\n".join(line for line in lines if line)

    def measure(self, payload: Payload) -> tuple[str, str]:
        macro = payload["macro"]
        body = next(a["value"] for a in macro["actions"] if a["field"] in ("comment_value_html", "comment_value"))
        return str(macro["title"]), str(body)

    def files(self, rendered: Sequence[Rendered]) -> dict[str, bytes]:
        out = bundle_files("zendesk", "macros", rendered, lambda p: p,
                           bundle=lambda items: {"macros": [i["macro"] for i in items]})  # type: ignore[index]
        return {**out, **self.readme_file()}


def _position(message: Message, conf: Mapping[str, Any]) -> int | None:
    """The macro's place in the list: a variant's or chat macro's own (``variant_positions``, which an import
    keeps with its id, so an update leaves it where it was), else the script's ``position``."""
    label = message.meta.get("record_label")
    own = conf.get("variant_positions")
    if message.meta.get("record_suffix") and label and isinstance(own, Mapping) and label in own \
            and (position := whole_number(own[label], least=0)) is not None:
        return position
    return whole_number(conf.get("position"), least=0)


def _variant_position_problems(conf: Mapping[str, Any]) -> list[Problem]:
    """SK512 for a ``variant_positions`` that is not a mapping of the export's record names to whole numbers."""
    if "variant_positions" not in conf:
        return []
    own = conf["variant_positions"]
    if not isinstance(own, Mapping):
        return [problem("SK512", "zendesk setting 'variant_positions' must map each other macro of the script, as "
                                 f"its title names it, to its place in the list, not {written(own)}",
                        "Write variant_positions: {'variant 2': 7}.", severity=Severity.ERROR,
                        setting=("variant_positions",))]
    found: list[Problem] = []
    for key, value in own.items():
        if variant_label(key) is None:
            found.append(problem("SK512", f"zendesk variant_positions entry {written(key)} names no macro the "
                                          "export writes besides the script's own",
                                 "Name it as the export titles it: 'variant 2', chat, or 'chat, variant 2' (the "
                                 "script's own macro takes position).", severity=Severity.ERROR,
                                 setting=("variant_positions", str(key))))
        elif whole_number(value, least=0) is None:
            found.append(problem("SK512", f"zendesk variant_positions entry '{key}' must be a whole number (the "
                                          f"macro's place in the list), not {written(value)}",
                                 severity=Severity.ERROR, setting=("variant_positions", str(key))))
    return found


def _action_problems(value: object) -> list[Problem]:
    """The ``actions`` setting's problems: it is a list of {field, value} objects, none one scriptkit writes."""
    return carried_action_problems("zendesk", value, "a list of {field, value} objects, such as [{field: priority, "
                                   "value: high}]", "a {field, value} object", _action_field, OWN_ACTIONS)


def _action_field(action: object) -> str | None:
    if not isinstance(action, Mapping) or set(action) != {"field", "value"}:
        return None
    field = action["field"]
    return field if isinstance(field, str) and field.strip() else None


def _valid_restriction(value: object) -> bool:
    """Zendesk's restriction: ``type`` Group or User and the numeric ``id`` of one, or for groups ``ids``
    (numeric group ids). Without an id Zendesk has nobody to restrict the macro to; ``ids`` names groups,
    so a User restriction takes ``id`` alone."""
    if not isinstance(value, Mapping) or value.get("type") not in ("Group", "User"):
        return False
    if set(value) - {"type", "id", "ids"} or not ({"id", "ids"} & set(value)):
        return False
    if "ids" in value and value["type"] != "Group":
        return False
    ids = value.get("ids", [1])
    one = value.get("id", 1)
    return (isinstance(ids, list) and bool(ids) and all(type(i) is int for i in ids)) and type(one) is int


def target() -> ZendeskTarget:
    return ZendeskTarget()
