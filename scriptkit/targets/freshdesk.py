"""Freshdesk canned responses: ``POST /api/v2/canned_responses`` bodies and the
``create_multiple`` bulk shape (at most 500 per request).

Facts (see docs/targets.md): ``title`` (3-240 characters), ``content_html`` (parsed as Liquid
and rejected when invalid), ``folder_id`` (required unless personal), ``visibility`` 0 all
agents / 1 personal / 2 groups (+ ``group_ids``).
"""

from __future__ import annotations

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
    as_list,
    bundle_files,
    categories,
    display_title,
    dump_json,
    id_problems,
    one_of,
    own_id,
    pack_wide_id_problem,
    problem,
    settings,
    written,
)
from scriptkit.targets.liquid import escape_liquid, write_liquid

PLACEHOLDERS: Mapping[str, str] = {
    "customer.first_name": "ticket.requester.firstname",
    "customer.full_name": "ticket.requester.name",
    "customer.email": "ticket.requester.email",
    # The placeholder menu offers only the agent's full name; firstname is undocumented.
    "agent.first_name": "ticket.agent.name",
    "agent.full_name": "ticket.agent.name",
    "ticket.id": "ticket.id",
    "ticket.subject": "ticket.subject",
    "ticket.url": "ticket.url",
    "brand.name": "ticket.portal_name",
}

DIALECT = Dialect(PLACEHOLDERS, write_liquid, escape_liquid, empty_fallback=True,  # (as Zendesk's)
                  stand_ins={"agent.first_name": "the agent's full name"})
VISIBILITY = {"all": 0, "personal": 1, "groups": 2}
BULK_MAX = 500


def placeholder(name: str, fallback: str | None = None, as_html: bool = False) -> str:
    """How Freshdesk spells canonical placeholder ``name`` (with its fallback as a Liquid conditional)."""
    return write_liquid(PLACEHOLDERS[name], fallback, as_html)


def folder_name(message: Message) -> str:
    """Freshdesk folders are flat: the title's categories joined, or the pack's name."""
    cats, _ = categories(message.title)
    return " / ".join(cats) if cats else str(message.meta.get("pack_name") or "scriptkit")


#: Freshdesk's folder names: 3 to 240 characters, and not the prefix of the personal folder it makes itself
FOLDER_NAME_LENGTH = (3, 240)
RESERVED_FOLDER_PREFIX = "Personal_"


def folder_name_problem(name: str) -> str | None:
    """Why Freshdesk would refuse a canned-response folder of this name, or None."""
    shortest, longest = FOLDER_NAME_LENGTH
    if not shortest <= len(name) <= longest:
        return f"Freshdesk wants {shortest} to {longest} characters, not {len(name)}"
    if name.startswith(RESERVED_FOLDER_PREFIX):
        return f"Freshdesk keeps names starting '{RESERVED_FOLDER_PREFIX}' for its own personal folders"
    return None


class FreshdeskTarget(BaseTarget):
    name = "freshdesk"
    summary = "Freshdesk canned responses (single and create_multiple bodies)"
    units = ("canned response", "canned responses")
    channels = ("email", "chat", "social", "sms")
    limits = Limits(title_min=3, title_max=240, batch_max=BULK_MAX, source="Freshdesk's API validation")
    dialect = DIALECT
    macro_ids = True  # (the id setting: the canned response an import read, which its file updates)
    own_settings: ClassVar[dict[str, str]] = {
        "folder_id": "the canned-response folder id for every script (or per script)",
        "folders": "folder ids by folder name (the title's categories joined by ' / '), e.g. {Orders: 12}",
        "visibility": "all (default when a folder is known), personal, or groups (with group_ids)",
        "group_ids": "group ids that may use the responses when visibility is groups",
        "id": "the canned response's Freshdesk id (an import keeps it): written as its id, so the file updates that "
              "canned response (PUT /api/v2/canned_responses/{id}) instead of adding another",
        "variant_ids": "the ids of the script's other canned responses (an import keeps them), by what the title "
                       "adds: {'variant 2': 4002, chat: 4003}",
    }
    readme = """
# Freshdesk canned responses

Each file in `canned_responses/` is the JSON body of one `POST /api/v2/canned_responses`;
`canned_responses.json` (and `canned_responses-002.json`... past 500) is the body of
`POST /api/v2/canned_responses/create_multiple`. A response imported from Freshdesk keeps its
`id` (the script's `export: {freshdesk: {id: ...}}`, and a variant's under `variant_ids`): its
file carries it, and is sent without the `id` field with `PUT /api/v2/canned_responses/{id}`,
which updates the response. The bundle lists it with its id too: create_multiple takes only the
responses without one (new ones).
`folders.json` lists the folders the responses belong in (`POST /api/v2/canned_response_folders`
bodies) for any folder whose id is not configured yet.

- Folder ids: set `export: {freshdesk: {folders: {"Orders": 12}}}` (or `folder_id`) in
  pack.yaml. Until then a response is written as personal (`"visibility": 1`, no `folder_id`),
  which Freshdesk accepts without a folder, and scriptkit warns (SK506); its folder is
  listed in `folders.json` to create, so that the next export, with its id, files it there.
- A response meant to be personal (`export: {freshdesk: {visibility: personal}}`) is written the
  same way, but its folder is not listed: Freshdesk files it in the agent's own personal folder.
- Placeholders are Liquid (`{{ticket.requester.firstname}}`); a fallback is a Liquid
  conditional; literal `{{` or `{%` is wrapped in `{% raw %}`, so Freshdesk's Liquid check passes.
- The agent's first name has no documented placeholder: `{{ticket.agent.name}}` is used.
- Canned responses have no notes field: a script's guidance, alternatives and conditions are not
  exported (SK508 names them, once a script). Give agents the playbook export, which lists them
  beside each reply.
- `[[...]]` markers (highlighted) are blanks the agent must replace before sending.
"""

    def _folder_setting(self, message: Message) -> object:
        conf = settings(message)
        folders = conf.get("folders")
        if isinstance(folders, Mapping) and folder_name(message) in folders:
            return folders[folder_name(message)]
        return conf.get("folder_id")

    def _folder(self, message: Message) -> int | None:
        return _int(self._folder_setting(message))

    def title_scope(self, message: Message) -> str | None:
        # Freshdesk refuses a title used twice only within one shared folder: "duplicate titles in the same folder
        # are rejected unless the response is personal" (CannedResponse validate_title), and its picker lists the
        # responses under their folders: two folders' "Refund" never meet. A personal response is exempt, an
        # agent's own two as much as two agents' (whose folders no one sees both of), and sits in its agent's
        # personal folder, apart from the shared ones: it clashes with none (a scope of its own). So is one written
        # personal until its folder has an id ("visibility": 1, SK506): Freshdesk takes it as it is sent, and once
        # the id is set the folder's scope judges it. One of a visibility Freshdesk lacks (SK512) is judged against
        # them all (None).
        vis = settings(message).get("visibility", "all")
        if not _known_visibility(vis):
            return None
        folder = self._folder(message)
        return f"folder {folder}" if vis != "personal" and folder is not None \
            else f"personal {message.script_id} {message.variant}"

    def setting_problems(self, conf: Mapping[str, Any]) -> list[Problem]:
        found = super().setting_problems(conf) + id_problems("freshdesk", conf)
        vis = conf.get("visibility", "all")
        folders = conf.get("folders")
        ids: list[tuple[tuple[str, ...], object]] = [
            (("folder_id",), conf.get("folder_id")),
            *((("folders", str(name)), v) for name, v in (folders.items() if isinstance(folders, Mapping) else ())),
            *((("group_ids",), v) for v in as_list(conf.get("group_ids")))]
        bad = [(key, v) for key, v in ids if v is not None and _int(v) is None]
        if bad:
            found.append(problem("SK512", f"freshdesk folder and group ids are numbers, not {written(bad[0][1])}",
                                 "Use the numeric id Freshdesk shows for the folder or group.",
                                 severity=Severity.ERROR, setting=bad[0][0]))
        if not _known_visibility(vis):
            found.append(problem("SK512", f"freshdesk visibility '{vis}' is not one of {', '.join(VISIBILITY)}",
                                 one_of(vis, VISIBILITY), severity=Severity.ERROR, setting=("visibility",)))
        elif vis == "groups" and not conf.get("group_ids"):
            # (about the group_ids this script lacks, not the visibility the pack may set for all: no block
            # holds them, so the problem is placed at the script's own freshdesk block where it has one; the
            # message names no setting that a block holds, which would draw it back to the pack's)
            found.append(problem("SK506", "freshdesk group_ids missing: the response is for selected groups "
                                          "(visibility: groups) but names none",
                                 "Add export: {freshdesk: {group_ids: [1, 2]}} to this script, or to pack.yaml "
                                 "for every script.", severity=Severity.ERROR, setting=("group_ids",)))
        return found

    def check(self, message: Message) -> list[Problem]:
        found = super().check(message) + pack_wide_id_problem(message, "freshdesk")
        conf = settings(message)
        vis = conf.get("visibility", "all")
        usable = _known_visibility(vis) and not (vis == "groups" and not conf.get("group_ids"))
        if usable and vis != "personal" and self._folder(message) is None:
            name = folder_name(message)
            once = f"folder '{name}'"  # (the same for every script of the folder: told once, at its first)
            if (why := folder_name_problem(name)) is not None:
                found.append(problem(
                    "SK506", f"'{name}' cannot be a Freshdesk folder name ({why}): it is left "
                             "out of folders.json", "Rename the title's category, or give the id of an existing "
                             f"folder: export: {{freshdesk: {{folders: {{\"{name}\": <id>}}}}}}.",
                    said_once_for=once))
            found.append(problem(
                "SK506", f"no freshdesk folder id for folder '{name}': exported as a personal "
                         "response (visibility 1)",
                f"Create the folder (see folders.json) and set export: {{freshdesk: {{folders: "
                f"{{\"{name}\": <id>}}}}}} in pack.yaml.", said_once_for=once))
        return found

    def render(self, message: Message) -> Payload:
        conf = settings(message)
        folder = self._folder(message)
        vis = conf.get("visibility", "all")
        out: dict[str, Any] = {"title": display_title(message), "content_html": self.html(message)}
        if vis == "personal" or not _known_visibility(vis) or folder is None:
            # (with no folder_id even where one is set: Freshdesk files a personal response in the agent's own
            # personal folder, putting that folder's id in place of any it is sent)
            out["visibility"] = VISIBILITY["personal"]
        else:
            out["visibility"] = VISIBILITY[vis]
            out["folder_id"] = folder
            if vis == "groups":
                out["group_ids"] = [i for i in map(_int, as_list(conf.get("group_ids"))) if i is not None]
        if (ident := own_id(message, "freshdesk")) is not None:
            out["id"] = ident  # (the canned response it was imported from: the file updates it)
        return out

    def measure(self, payload: Payload) -> tuple[str, str]:
        return str(payload["title"]), str(payload["content_html"])

    def files(self, rendered: Sequence[Rendered]) -> dict[str, bytes]:
        # (a response with an id, imported from Freshdesk, is listed with it, as in its own file: create_multiple
        # takes only the new ones, so the docs' bulk request leaves those out, and re-importing keeps each id)
        out = bundle_files("freshdesk", "canned_responses", rendered, lambda p: p, batch=BULK_MAX)
        # (a name Freshdesk refuses is named by check, not written as a body that fails; a response set personal
        # goes in the agent's personal folder, so it asks for none: only one exported personal for want of a
        # folder id does)
        missing = sorted({name for r in rendered if "folder_id" not in r.payload
                          and settings(r.message).get("visibility", "all") != "personal"
                          and folder_name_problem(name := folder_name(r.message)) is None})
        out["freshdesk/folders.json"] = dump_json({"canned_response_folders": [{"name": n} for n in missing]})
        return {**out, **self.readme_file()}


def _int(value: object) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.strip().isascii() and value.strip().isdigit():
        return int(value)
    return None


def _known_visibility(value: object) -> bool:
    # a list or mapping written by mistake is reported, not looked up (it cannot be: unhashable)
    return isinstance(value, str) and value in VISIBILITY


def target() -> FreshdeskTarget:
    return FreshdeskTarget()
