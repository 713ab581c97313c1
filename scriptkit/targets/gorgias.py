"""Gorgias macros: ``POST /api/macros`` bodies with ``setResponseText`` (``body_html`` and
``body_text``), ``addTags`` and ``setStatus`` actions, then the macro's other actions (the ``actions``
setting, which an import fills); ``external_id`` keeps the script id.

``language`` (ISO 639-1) is the ``language`` setting where a script has one (the import of a
macro writes its own), else the pack's locale's language: a pack has one locale, a Gorgias
library a language per macro.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any, ClassVar

from scriptkit.diagnostics import Severity
from scriptkit.language import base_language, language_of, name_of
from scriptkit.message import Message, Placeholder, plain_text
from scriptkit.models import REPLY_SLOTS
from scriptkit.targets.base import (
    BaseTarget,
    Dialect,
    Limits,
    Payload,
    Problem,
    Rendered,
    as_list,
    bundle_files,
    carried_action_problems,
    display_title,
    id_problems,
    lost_fallback_hint,
    lost_folders_note,
    one_of,
    own_id,
    pack_wide_id_problem,
    problem,
    settings,
    tags_of,
    true_or_false,
    written,
)
from scriptkit.targets.curly import UNCONFIRMED, UNSAFE, spells_default, write_curly, write_default

PLACEHOLDERS: Mapping[str, str] = {
    "customer.first_name": "ticket.customer.firstname",
    "customer.full_name": "ticket.customer.name",
    "agent.first_name": "current_user.firstname",
    "agent.full_name": "current_user.name",
    "ticket.id": "ticket.id",
}

#: Gorgias: "If the information isn't available, the variable will be replaced with a blank space."
MISREADS = ("Gorgias", "a variable", "and a variable it has no value for is replaced with a blank space: the "
            "customer reads a gap where the text stood")
DIALECT = Dialect(PLACEHOLDERS, write_curly, fallbacks=False, unsafe=UNSAFE, unconfirmed=UNCONFIRMED,
                  misreads=MISREADS)
#: with ``default_filter: true``: fallbacks as ``|default("...")``, which the team's own macros already use
DEFAULT_FILTER = Dialect(PLACEHOLDERS, write_default, spells=spells_default, unsafe=UNSAFE, unconfirmed=UNCONFIRMED,
                         misreads=MISREADS)
STATUSES = ("open", "closed")
#: a macro's ``language``: an ISO 639-1 code, as Gorgias documents it
LANGUAGE = re.compile(r"[a-z]{2}")


def placeholder(name: str, fallback: str | None = None, as_html: bool = False) -> str:
    return write_curly(PLACEHOLDERS[name], fallback, as_html)


def _action(name: str, title: str, arguments: dict[str, Any]) -> dict[str, Any]:
    return {"name": name, "title": title, "type": "user", "arguments": arguments}


class GorgiasTarget(BaseTarget):
    name = "gorgias"
    summary = "Gorgias macros (setResponseText, addTags, setStatus actions)"
    units = ("macro", "macros")
    macro_ids = True  # (the id setting: the macro an import read, which its file updates)
    channels = ("email", "chat", "social", "sms")
    limits = Limits(source="none documented")
    dialect = DIALECT
    own_settings: ClassVar[dict[str, str]] = {
        "status": "ticket status the macro sets: open or closed",
        "tags": "extra tags the macro adds (besides the script's tags)",
        "intent": "Gorgias intent, e.g. shipping/status",
        "default_filter": "true to write fallbacks as |default(\"...\") (undocumented by Gorgias; an import "
                          "sets it where the library already uses it): filled in for a missing value, not an "
                          "empty one (SK504)",
        "external_id": "the macro's external_id, instead of scriptkit:<script id> (an import keeps one that "
                       "another tool gave the macro)",
        "language": "the macro's language, a two-letter ISO 639-1 code such as fr (default: the pack's locale's; "
                    "an import keeps each macro's own)",
        "actions": "the macro's other actions, as Gorgias writes them ({name, title, type, arguments}), such as "
                   "[{name: setPriority, title: Set priority, type: user, arguments: {priority: high}}] (an import "
                   "keeps those scriptkit does not write): written after the reply, tags and status",
        "id": "the macro's Gorgias id (an import keeps it): written as the macro's id, so the file updates that "
              "macro (PUT /api/macros/{id}) instead of adding another",
        "variant_ids": "the ids of the script's other macros (an import keeps them), by what the title adds: "
                       "{'variant 2': 9002, chat: 9003, 'chat, variant 2': 9004}",
    }
    readme = """
# Gorgias macros

Each file in `macros/` is the JSON body of one `POST /api/macros`; `macros.json` lists them all.
The reply is a `setResponseText` action with both `body_html` and `body_text`; the script's
tags become an `addTags` action (comma-separated) and a configured status a `setStatus` action.
`external_id` is `scriptkit:<script id>` (or the `external_id` setting, which an import keeps)
so a later export can be matched to the macro; a macro imported from Gorgias also keeps its `id`
(the script's `export: {gorgias: {id: ...}}`, and a variant's or chat macro's under
`variant_ids`): send that file without the `id` field with
`PUT /api/macros/{id}`, which updates the macro, and a file without one with `POST`.
`language` is the script's `language` setting (which an import keeps from each macro), else the
pack's locale's language; a reply that reads as another language without that setting is
named (SK506) with the setting to write, not given a guessed one.

- Placeholders: `{{ticket.customer.firstname}}`, `{{current_user.firstname}}`, `{{ticket.id}}`.
  Gorgias documents no fallback (a missing value becomes blank), so fallbacks are dropped
  with a warning (SK504), unless `default_filter: true` writes them as `|default("there")`
  (an import sets it for macros that already did), which fills in a missing value but, as
  Jinja's `default` does, not an empty one (SK504 says so); and no escape for literal `{{`, which
  scriptkit refuses (SK505).
- Macros have no notes field: a script's guidance, alternatives and conditions are not exported
  (SK508 names them, once a script). Give agents the playbook export, which lists them beside
  each reply.
- Macros have no folders (none is documented; a library is sorted by name, tags, language and
  intent): a title's categories stay in the macro's name (`Billing / Refunds / ...`), and the folders
  the scripts had in another helpdesk (Freshdesk's, Front's or Salesforce's `folder_id`) are not kept;
  the export's summary counts them. Put the folder's name into the titles (`Billing::...`) to keep
  the grouping.
- `[[...]]` markers are blanks the agent must replace before sending.
"""

    def dialect_for(self, message: Message) -> Dialect:
        return DEFAULT_FILTER if settings(message).get("default_filter") is True else DIALECT

    def setting_problems(self, conf: Mapping[str, Any]) -> list[Problem]:
        found = super().setting_problems(conf) + id_problems("gorgias", conf)
        flag = conf.get("default_filter")
        if flag is not None and not isinstance(flag, bool):
            found.append(problem("SK512", "gorgias setting 'default_filter' must be true or false, not "
                                          f"{written(flag)}", true_or_false(flag),
                                 severity=Severity.ERROR, setting=("default_filter",)))
        status = conf.get("status")
        if status is not None and status not in STATUSES:
            found.append(problem("SK512", f"gorgias status '{status}' is not one of {', '.join(STATUSES)}",
                                 one_of(status, STATUSES), severity=Severity.ERROR, setting=("status",)))
        found.extend(_action_problems(conf.get("actions")))
        own_id = conf.get("external_id")
        if own_id is not None and not (isinstance(own_id, str) and own_id.strip()):
            found.append(problem("SK512", f"gorgias setting 'external_id' must be text, not {written(own_id)}",
                                 "Remove it to use scriptkit:<script id>.", severity=Severity.ERROR,
                                 setting=("external_id",)))
        language = conf.get("language")
        if language is not None and not (isinstance(language, str) and LANGUAGE.fullmatch(language)):
            base = base_language(language) if isinstance(language, str) else ""
            found.append(problem("SK512", f"gorgias setting 'language' must be a two-letter ISO 639-1 code such as "
                                          f"'fr', not {written(language)}",
                                 f"Write '{base}'." if LANGUAGE.fullmatch(base) else
                                 "Write the language's two-letter code (fr, de, es), or remove it to use the "
                                 "pack's locale.", severity=Severity.ERROR, setting=("language",)))
        return found

    def check(self, message: Message) -> list[Problem]:
        found = super().check(message) + pack_wide_id_problem(message, "gorgias")
        # addTags takes one comma-separated string, so Gorgias reads a tag holding a comma as several
        own = {t.strip() for t in as_list(settings(message).get("tags"))}
        script_tags = [t.strip() for t in as_list(message.meta.get("tags"))]
        for tag in (t for t in tags_of(message) if "," in t):
            # (placed at the gorgias block's tags where it is one of those; else at the script's own tag)
            found.append(problem("SK506", f"gorgias reads the tag '{tag}' as "
                                          f"{len([p for p in tag.split(',') if p.strip()])} tags: addTags "
                                          "takes them as one comma-separated text",
                                 "Write it without the comma, or as separate tags.",
                                 setting=("tags",) if tag in own else (),
                                 script_key=("tags", script_tags.index(tag)) if tag not in own else ()))
        return found + _language_problems(message) + self._empty_value_problems(message)

    def _empty_value_problems(self, message: Message) -> list[Problem]:
        """SK504 once per script written with ``|default("...")``: Jinja's ``default`` fills in a missing value
        but not an empty one, so a customer whose first name is blank still reads "Hi ,". Gorgias documents
        neither the filter nor its engine, so ``default("...", true)``, Jinja's form for empty values too, is
        not written on a guess."""
        if self.dialect_for(message) is not DEFAULT_FILTER:
            return []
        names = self.names(message)
        seg = next((s for s in message.segments if isinstance(s, Placeholder)
                    and DEFAULT_FILTER.written_fallback(s, names) is not None), None)
        if seg is None:
            return []
        return [problem("SK504", f"gorgias writes the fallback \"{seg.fallback}\" as |default(...), which (as "
                                 f"Jinja's default does) fills in a missing '{seg.name}' but not an empty one: a "
                                 "customer whose value is blank still reads a gap",
                        ("Check the sentence reads well without the value. " if seg.slot not in ("greeting", "signoff")
                         else lost_fallback_hint("gorgias", message.channel, seg.slot) + " ")
                        + "Gorgias does not document |default(\"...\", true), the form that fills in an empty value "
                          "too; test it on one macro before writing it in by hand.",
                        location=seg.source.start if seg.source else None)]

    def render(self, message: Message) -> Payload:
        conf = settings(message)
        actions = [_action("setResponseText", "Response text",
                           {"body_html": self.html(message), "body_text": self.plain(message)})]
        tags = tags_of(message)
        if tags:
            actions.append(_action("addTags", "Add tags", {"tags": ", ".join(tags)}))
        if conf.get("status") in STATUSES:
            actions.append(_action("setStatus", "Set status", {"status": conf["status"]}))
        if not _action_problems(conf.get("actions")):  # (a forced export leaves out a list check refuses)
            actions.extend(dict(action) for action in conf.get("actions") or ())
        suffix = str(message.meta.get("record_suffix", ""))  # ":chat", ":v2": one macro per channel or variant
        out: dict[str, Any] = {"name": display_title(message), "actions": actions,
                               "external_id": _external_id(conf.get("external_id"), message.script_id) + suffix,
                               "language": None if "language" in conf and conf["language"] is None
                               else _language(conf.get("language"), message)}
        if conf.get("intent"):
            out["intent"] = str(conf["intent"])
        if (ident := own_id(message, "gorgias")) is not None:
            out["id"] = ident  # (the macro it was imported from: the file updates it)
        return out

    def measure(self, payload: Payload) -> tuple[str, str]:
        body = payload["actions"][0]["arguments"]["body_html"]
        return str(payload["name"]), str(body)

    def records_note(self, rendered: Sequence[Rendered]) -> str:
        return lost_folders_note(rendered, "Gorgias")

    def files(self, rendered: Sequence[Rendered]) -> dict[str, bytes]:
        return {**bundle_files("gorgias", "macros", rendered, lambda p: p), **self.readme_file()}


# the actions scriptkit writes itself, and what says what they do
OWN_ACTIONS: Mapping[str, str] = {"setResponseText": "the script's reply",
                                  "addTags": "the script's tags (or the 'tags' setting)",
                                  "setStatus": "the 'status' setting"}


def _action_problems(value: object) -> list[Problem]:
    """The ``actions`` setting's problems: it is a list of Gorgias action objects, none one scriptkit writes."""
    return carried_action_problems("gorgias", value, "a list of Gorgias action objects, such as [{name: setPriority, "
                                   "arguments: {priority: high}}]", "an action object with a name", action_name,
                                   OWN_ACTIONS)


def action_name(action: object) -> str | None:
    """An action's name, where it is an action object with one (the export can write it back), else None."""
    name = action.get("name") if isinstance(action, Mapping) else None
    return name if isinstance(name, str) and name.strip() else None


def _language_problems(message: Message) -> list[Problem]:
    """SK506 for a macro given the pack's locale's language (no ``language`` setting of its own) whose text
    reads as another: the export writes the pack's, as the writer set it, and names the setting to write
    rather than guess one (a reply may quote another language, and SK006 reads only so far)."""
    if "language" in settings(message):
        return []
    # (the script's own words: the pack's greeting and sign-off are its locale's, known here by their slots, not
    # guessed from their lines as language_of must for a whole reply; and a script's channels share them, so one
    # reading of its reply, which language_of keeps, serves all its macros)
    own = plain_text(seg for seg in message.segments if seg.slot in REPLY_SLOTS)
    told, written_as = language_of(own), _language(None, message)
    if told is None or told == written_as or not LANGUAGE.fullmatch(told):
        return []
    locale = message.meta.get("locale") or "en-US"
    return [problem("SK506", f"gorgias macro language is written as '{written_as}' (the pack's locale, {locale}), "
                             f"but the reply reads as {name_of(told)}",
                    f"Set export: {{gorgias: {{language: {told}}}}} in the script if it is {name_of(told)}, or "
                    "language: en if it is not; a pack all in one language says so with its locale.")]


def _language(own: object, message: Message) -> str:
    """The macro's own language (its setting), else the pack's locale's."""
    if isinstance(own, str) and LANGUAGE.fullmatch(own):
        return own
    return base_language(str(message.meta.get("locale") or "en"))


def _external_id(own: object, script_id: str) -> str:
    return own if isinstance(own, str) and own.strip() else f"scriptkit:{script_id}"


def target() -> GorgiasTarget:
    return GorgiasTarget()
