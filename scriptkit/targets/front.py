"""Front message templates: ``POST /message_templates`` bodies (a ``folder_id`` setting files one in that folder), valid
against Front's own OpenAPI schema (CreateSharedMessageTemplate); a teammate's private template (the
``teammate_id`` setting) is a ``POST /teammates/{teammate_id}/message_templates`` body
(CreatePrivateMessageTemplate), written in that teammate's folder, never among the shared ones; a team's shared
template (the ``team_id`` setting) a ``POST /teams/{team_id}/message_templates`` body, in that team's folder."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any, ClassVar

from scriptkit.diagnostics import Severity
from scriptkit.message import Message
from scriptkit.targets.base import (
    BaseTarget,
    Dialect,
    Limits,
    Payload,
    Problem,
    Rendered,
    bundle_files,
    display_title,
    id_problems,
    own_id,
    pack_wide_id_problem,
    problem,
    settings,
    text_setting,
    text_setting_problems,
    written,
)
from scriptkit.targets.curly import UNCONFIRMED, UNSAFE, write_curly

PLACEHOLDERS: Mapping[str, str] = {
    "customer.first_name": "recipient.first_name",
    "customer.full_name": "recipient.name",
    "customer.email": "recipient.email",
    "agent.first_name": "user.first_name",
    "agent.full_name": "user.name",
    "ticket.id": "conversation.ticket_id",
}

DIALECT = Dialect(PLACEHOLDERS, write_curly, fallbacks=False, unsafe=UNSAFE, unconfirmed=UNCONFIRMED,
                  misreads=("Front", "a variable", "and documents neither an escape nor what it sends in place of "
                            "a variable it does not know: the customer may read a gap there"))


def placeholder(name: str, fallback: str | None = None, as_html: bool = False) -> str:
    return write_curly(PLACEHOLDERS[name], fallback, as_html)


def _blank(value: object) -> bool:
    """Text that says nothing ("", " "), or a list holding such text."""
    items = value if isinstance(value, list) else [value]
    return any(isinstance(item, str) and not item.strip() for item in items)


def _inbox_ids(value: object) -> list[str] | None:
    """The inbox ids a setting names (one id, or a non-empty list of them), each non-blank text or a
    whole number; None where it names none Front takes."""
    # (a number YAML reads as a float, 1.5 or 1e3, is no id: Front's are whole numbers or inb_... text,
    # and "1000.0" names no inbox)
    ids = [None if isinstance(i, float) else text_setting(i) for i in (value if isinstance(value, list) else [value])]
    return [i for i in ids if i is not None] if ids and None not in ids else None


#: a teammate as ``POST /teammates/{teammate_id}/message_templates`` takes one: the id (``tea_6r55a``), or the
#: email address, which Front takes as the alias ``alt:email:<address>`` (written with or without it); ASCII
#: alone, as it names the teammate's folder of the export too
_TEAMMATE = re.compile(r"(?P<id>tea_[A-Za-z0-9]{1,64})|(?:alt:email:)?"
                       r"(?P<email>[A-Za-z0-9_%+-][A-Za-z0-9._%+-]{0,63}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){1,8})")


def teammate(value: object) -> str | None:
    """The teammate whose private template a ``teammate_id`` setting makes it, as their folder of the export
    names them: the id (``tea_6r55a``) or the email address (lower case: one teammate, one folder); None where
    the setting names none Front takes."""
    found = _TEAMMATE.fullmatch(value) if isinstance(value, str) else None
    if found is None:
        return None
    return found["id"] or found["email"].lower()


#: a team as ``POST /teams/{team_id}/message_templates`` takes one: its id (``tim_s47``), which names its folder
_TEAM = re.compile(r"tim_[A-Za-z0-9]{1,64}")


def team(value: object) -> str | None:
    """The team whose workspace a ``team_id`` setting puts a shared template in (``tim_s47``), as its folder of the
    export names it; None where the setting names none Front takes."""
    return value if isinstance(value, str) and _TEAM.fullmatch(value) else None


def _place(message: Message) -> str | None:
    """The folder of the export under ``front/`` that ``message``'s template is written in: None for the shared
    ``message_templates/``, ``teammates/<teammate>`` for a teammate's own, ``teams/<team>`` for a team's shared
    one; "" where its owner is one Front does not take (check refuses it; a forced export leaves it out rather
    than share it, or post it to another workspace)."""
    owner = _owner(message)
    if owner is not None:
        return f"teammates/{owner}" if owner else ""
    given = settings(message).get("team_id")
    if given is None:
        return None
    found = team(given)
    return f"teams/{found}" if found else ""


def _owner(message: Message) -> str | None:
    """The teammate whose private template ``message`` is (their folder's name), None for a shared one, or ""
    where its ``teammate_id`` names none Front takes (check refuses it; a forced export leaves the template out
    rather than share what the writer meant private)."""
    given = settings(message).get("teammate_id")
    return None if given is None else teammate(given) or ""


class FrontTarget(BaseTarget):
    name = "front"
    summary = "Front message templates (name, subject, HTML body)"
    units = ("message template", "message templates")
    channels = ("email", "chat", "social", "sms")
    limits = Limits(source="none documented")
    dialect = DIALECT
    macro_ids = True  # (the id setting: the template an import read, which its file updates)
    id_kind = "text"  # (Front's ids are text: rsp_16yc)
    own_settings: ClassVar[dict[str, str]] = {
        "subject": "the template's subject line",
        "folder_id": "message template folder id (rsf_...)",
        "inbox_ids": "inbox ids the template is available in (default: all inboxes); a shared template's only",
        "teammate_id": "the teammate whose private template this is, their id (tea_6r55a) or email address (an "
                       "import keeps it): written under teammates/<teammate>/ for POST /teammates/{teammate_id}/"
                       "message_templates, so it stays theirs instead of shared (default: shared)",
        "id": "the message template's Front id, text such as rsp_16yc (an import keeps it): written as its id, "
              "so the file updates that message template (PATCH /message_templates/{id}) instead of adding another",
        "team_id": "the team whose workspace holds this shared template, its id (tim_s47) (an import keeps it): "
                   "written under teams/<team>/ for POST /teams/{team_id}/message_templates, so it is created in that "
                   "workspace, not the token's oldest one (default: message_templates/, for the workspace you post to)",
        "variant_ids": "the ids of the script's other message templates (an import keeps them), by what the title "
                       "adds: {'variant 2': rsp_2b, chat: rsp_2c}",
    }
    readme = """
# Front message templates

Each file in `message_templates/` is the JSON body of one shared template's
`POST /message_templates` (or `POST /teams/{team_id}/message_templates` to pick the workspace);
`message_templates.json` lists them all. Bodies validate against `CreateSharedMessageTemplate` in
Front's OpenAPI.

A teammate's private template (the script's `export: {front: {teammate_id: tea_...}}`, which an
import of a private template writes) is in `teammates/<teammate>/message_templates/` instead, with
that teammate's `message_templates.json` beside it: send each with
`POST /teammates/<teammate>/message_templates` (a folder named by an email address is the teammate
`alt:email:<address>`), which keeps it private. Those bodies validate against
`CreatePrivateMessageTemplate`, which has no `inbox_ids`. Never send them to `/message_templates`:
that would share them with everyone.

A team's shared template (the script's `export: {front: {team_id: tim_...}}`, which an import of a
template whose owner is a team writes) is in `teams/<team>/message_templates/`, with that team's
`message_templates.json` beside it: send each with `POST /teams/<team>/message_templates`, which
creates it in that team's workspace. Those bodies validate against `CreateSharedMessageTemplate`.

A template imported from Front keeps its `id` (the script's `export: {front: {id: rsp_...}}`, and a
variant's under `variant_ids`): send that file without the `id` field with
`PATCH /message_templates/{id}`, which updates the template.

- Placeholders: `{{recipient.first_name}}`, `{{user.first_name}}`, `{{conversation.ticket_id}}`.
  Front documents no fallback, so fallbacks are dropped with a warning (SK504), and no escape
  for a literal `{{`, which scriptkit refuses (SK505).
- Templates have no notes field: a script's guidance, alternatives and conditions are not
  exported (SK508 names them, once a script). Give agents the playbook export, which lists them
  beside each reply.
- `[[...]]` markers (highlighted) are blanks the agent must replace before sending.
"""

    def setting_problems(self, conf: Mapping[str, Any]) -> list[Problem]:
        found = (super().setting_problems(conf) + text_setting_problems(self.name, conf, ("subject", "folder_id"))
                 + id_problems("front", conf, "text"))
        inboxes, owner, workspace = conf.get("inbox_ids"), conf.get("teammate_id"), conf.get("team_id")
        if workspace is not None and team(workspace) is None:
            what = "a blank id" if _blank(workspace) else written(workspace)
            found.append(problem("SK512", f"front setting 'team_id' must be a team's id such as tim_s47, not {what}",
                                 "Write the id at the end of the team's Front link (scriptkit import writes it); "
                                 "remove the setting to export the template for the workspace you post to. (A "
                                 "forced export leaves the template out rather than post it elsewhere.)",
                                 severity=Severity.ERROR, setting=("team_id",)))
        elif workspace is not None and owner is not None:
            # (a private template is its teammate's, in no team's workspace: POST /teammates/{id}/message_templates)
            found.append(problem("SK512", f"front setting 'team_id' does not apply to a private template (teammate_id "
                                          f"{owner}): a teammate's own template belongs to no team",
                                 "Remove team_id (where pack.yaml gives it to every template, write team_id: null in "
                                 "this script's front settings), or remove teammate_id to export a shared template "
                                 "of that team.", severity=Severity.ERROR, setting=("team_id",)))
        if owner is not None and teammate(owner) is None:
            what = "a blank id" if _blank(owner) else written(owner)
            found.append(problem("SK512", f"front setting 'teammate_id' must be a teammate's id such as tea_6r55a or "
                                          f"their email address, not {what}",
                                 "Write the id at the end of the teammate's Front link (scriptkit import writes it) or "
                                 "their email address; remove the setting to export a shared template. (A forced "
                                 "export leaves the template out rather than share it.)",
                                 severity=Severity.ERROR, setting=("teammate_id",)))
        elif owner is not None and inboxes is not None:
            # (CreatePrivateMessageTemplate has no inbox_ids: left out unsaid, the writer's inboxes were lost)
            found.append(problem("SK512", f"front setting 'inbox_ids' does not apply to a private template "
                                          f"(teammate_id {owner}): Front's private templates take no inboxes",
                                 "Remove inbox_ids (where pack.yaml gives them to every template, write inbox_ids: "
                                 "null in this script's front settings), or remove teammate_id to export a shared "
                                 "template available in those inboxes.", severity=Severity.ERROR,
                                 setting=("inbox_ids",)))
        # Front's CreateSharedMessageTemplate: "If unspecified or null, then it will be available in all
        # inboxes. Array should be non-empty." (a blank id, "" or [""], Front refuses)
        elif inboxes is not None and _inbox_ids(inboxes) is None:
            items = inboxes if isinstance(inboxes, list) else [inboxes]
            fraction = next((i for i in items if isinstance(i, float)), None)
            what = ("an empty list" if inboxes == [] else "a blank id" if _blank(inboxes)
                    else written(fraction) if fraction is not None else written(inboxes))
            found.append(problem("SK512", f"front setting 'inbox_ids' must be an inbox id or a non-empty list of "
                                          f"them, not {what}",
                                 "An inbox id is a whole number or text such as inb_1a2b." if fraction is not None else
                                 "Leave inbox_ids out to make the template available in every inbox.",
                                 severity=Severity.ERROR, setting=("inbox_ids",)))
        return found

    def check(self, message: Message) -> list[Problem]:
        return super().check(message) + pack_wide_id_problem(message, "front")

    def render(self, message: Message) -> Payload:
        conf = settings(message)
        out: dict[str, Any] = {"name": display_title(message), "body": self.html(message)}
        # (only values check accepts: a forced export leaves a wrong one out rather than write "['a']")
        for key in ("subject", "folder_id"):
            if (value := text_setting(conf.get(key))) is not None:
                out[key] = value
        # (a private template takes none: CreatePrivateMessageTemplate has no inbox_ids, which check refuses there)
        if (inboxes := _inbox_ids(conf.get("inbox_ids"))) is not None and conf.get("teammate_id") is None:
            out["inbox_ids"] = inboxes
        if (ident := own_id(message, "front", "text")) is not None:
            out["id"] = ident  # (the template it was imported from: the file updates it)
        return out

    def measure(self, payload: Payload) -> tuple[str, str]:
        return str(payload["name"]), str(payload["body"])

    def title_scope(self, message: Message) -> str | None:
        # Front's API asks no distinct names (CreateSharedMessageTemplate, CreatePrivateMessageTemplate: name is
        # any text); SK507 is for the picker, and a private template is in its teammate's picker alone, beside the
        # shared ones (GET /teammates/{teammate_id}/message_templates lists "the message templates belonging to
        # the requested teammate"): two teammates' own "Refund" never meet. A team's template belongs to its
        # workspace (GET /teams/{team_id}/message_templates: "belonging to the requested team (workspace)"): two
        # teams' "Refund" never meet either. How they meet each other: title_scopes_meet
        owner = _owner(message)
        if owner is not None:
            return f"teammate {owner}"
        given = settings(message).get("team_id")
        return None if given is None else f"team {team(given) or given}"

    def title_scopes_meet(self, one: str | None, other: str | None) -> bool:
        # A template with no team is posted to POST /message_templates, which creates it "in the oldest active
        # workspace that the token has access to": the export cannot know which, so it may be any team's (None
        # meets every scope). Which teams a teammate is in, the reference does not say and the pack does not
        # know: to be safe, a private template meets every team's (its owner may see that team's templates
        # beside their own). Two teams, or two teammates, never meet.
        if one is None or other is None or one == other:
            return True
        return one.split(" ", 1)[0] != other.split(" ", 1)[0]

    def records(self, rendered: Sequence[Rendered]) -> int:
        return sum(1 for r in rendered if _place(r.message) != "")

    def records_note(self, rendered: Sequence[Rendered]) -> str:
        places = [place for r in rendered if (place := _place(r.message))]
        private, teams = sum(p.startswith("teammates/") for p in places), sum(p.startswith("teams/") for p in places)
        said = ([f"{private} private, under front/teammates/"] if private else []) \
            + ([f"{teams} of a team's workspace, under front/teams/"] if teams else [])
        return f" ({'; '.join(said)})" if said else ""

    def files(self, rendered: Sequence[Rendered]) -> dict[str, bytes]:
        # a private template in its teammate's folder, a team's in its team's, as the address it is sent to names
        # it: a loop that sends every file of message_templates/ to the shared address never shares a teammate's
        # own, nor posts a team's template to another workspace
        placed = [(r, _place(r.message)) for r in rendered]
        shared = [r for r, place in placed if place is None]
        out = bundle_files("front", "message_templates", shared, lambda p: p) if shared or not rendered else {}
        for folder in sorted({place for _, place in placed if place}):
            own = [r for r, place in placed if place == folder]
            out.update(bundle_files(f"front/{folder}", "message_templates", own, lambda p: p))
        return {**out, **self.readme_file()}


def target() -> FrontTarget:
    return FrontTarget()
