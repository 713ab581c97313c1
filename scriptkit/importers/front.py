"""Front message templates: ``{"_results": [...]}`` or a list of ``{id, name, subject, body}``, or one such
template alone (a file of scriptkit's export, ``GET /message_templates/{id}``);
``body`` is HTML. Placeholders are ``{{recipient.first_name}}``-style variables. The template's ``id``
(``rsp_16yc``) becomes the ``id`` setting, which the export writes back, so the file updates the
template it came from (``PATCH /message_templates/{id}``). A teammate's private template (its
``_links.related.owner`` a teammate's link, or an item of scriptkit's own ``teammates/<teammate>/``
bundle) keeps that teammate as the ``teammate_id`` setting, so the export sends it back to them, not
to every teammate as a shared template; a team's shared template (its owner link a team's, or an item of the
``teams/<team>/`` bundle) keeps that team as the ``team_id`` setting, so the export writes it for that team's
workspace, not the default one."""

from __future__ import annotations

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
    export_items,
    load_json,
    locate,
    own_id,
    read_as_categories,
    read_text,
)
from scriptkit.importers.html import html_field
from scriptkit.targets.front import team, teammate

LABEL = "Front message templates (API JSON)"
EXPORT = Export("Front export", ("_results", "message_templates", "results"), "message template", title_key="name",
                own_list="message_templates")


#: the fields of one message template as Front's API gives it (MessageTemplateResponse) or scriptkit's export
#: writes it (CreateSharedMessageTemplate's, and the id an import kept): a document of these alone is one template
FIELDS = frozenset({"_links", "id", "name", "subject", "body", "folder_id", "inbox_ids", "attachments",
                    "is_available_for_all_inboxes"})


def is_template(data: Any) -> bool:
    """Whether ``data`` is one message template on its own, not a list: a file of scriptkit's export
    (``message_templates/<script>.json``) or ``GET /message_templates/{id}``'s response."""
    return isinstance(data, dict) and isinstance(data.get("name"), str) and isinstance(data.get("body"), str) \
        and data.keys() <= FIELDS


def read(path: Path, options: ReadOptions) -> Read:
    owner = _bundle_owner(path)
    source = read_text(path, EXPORT.what)
    data = load_json(source, EXPORT.what)  # (once: a lone template is told by its fields, not by a failed list read)
    if not is_template(data):  # (a template's fields hold no list of them: no export's items are missed)
        yield from export_items(source, data, EXPORT, lambda entry: _template(entry, owner), options)
        return
    key = str(data["id"]) if isinstance(data.get("id"), str) and data["id"] else "#1"
    item = _template(Entry(data, key, data["name"], locate(source, data["name"]),
                           f"{EXPORT.noun} {key} {data['name']!r}", EXPORT.title_key, source), owner)
    if isinstance(item, RawItem) and "_links" not in data and path.absolute().parent.name == "message_templates":
        # (a file of scriptkit's export, where it writes it and without the links every template of Front's API
        # has: its " / " joins the script's categories; a template of Front's API, alone, keeps its title as written)
        read_as_categories(item, "a template file of scriptkit's Front export, which writes a script's categories so")
    yield item


def _bundle_owner(path: Path) -> tuple[str, str] | None:
    """Whose templates the Front export's ``teammates/<teammate>/message_templates.json`` or
    ``teams/<team>/message_templates.json`` (or one file of its ``message_templates/`` beside it) holds (its
    bodies name no owner: their folder does): ``("teammates", teammate)`` or ``("teams", team)``, else None."""
    folder = path.absolute().parent
    if folder.name == "message_templates" and path.suffix == ".json":  # (one template's own file)
        folder = folder.parent
    elif path.name != "message_templates.json":
        return None
    found = teammate(folder.name) if folder.parent.name == "teammates" else \
        team(folder.name) if folder.parent.name == "teams" else None
    return (folder.parent.name, found) if found else None


def _template(entry: Entry, bundle_owner: tuple[str, str] | None = None) -> RawItem | ItemProblem:
    found = entry.reply("body")
    if isinstance(found, ItemProblem):
        return found
    body, html = html_field(found[0])
    settings: dict[str, Any] = {}  # the Front export target's settings, so the template comes back as it was
    notes: list[str] = []
    links = entry.fields.get("_links")
    related = links.get("related") if isinstance(links, dict) else None
    related = related if isinstance(related, dict) else {}
    # a teammate's private template stays theirs: exported back shared, every teammate would see it. (An owner
    # link whose id is not a teammate's is kept as written too: check names it, rather than share the template;
    # a body of scriptkit's own teammate bundle names no owner, and its folder does.)
    kind, named = bundle_owner or ("", None)
    link = related.get("owner")  # (a link it cannot read is said)
    owner = _last_part(link, "teammates") if "owner" in related else named if kind == "teammates" else None
    # a team's shared template is in that team's workspace: exported to POST /message_templates, it went to the
    # token's oldest workspace instead (Front's CreateSharedMessageTemplate)
    workspace = _last_part(link, "teams") if "owner" in related else named if kind == "teams" else None
    if (workspace is not None or (isinstance(link, str) and "/teams/" in link)) and team(workspace) is None:
        # ('.../teams/' with no id, or one no team of Front's has)
        notes.append(f"its owner in Front ({str(link)[:80]!r}) names no team Front takes: imported as a shared "
                     "template for the workspace you post to; if it was a team's, give it their front setting team_id")
        workspace = None
    elif owner is None and workspace is None and link not in (None, ""):
        notes.append(f"its owner link in Front ({str(link)[:80]!r}) names no teammate: imported as a "
                     "shared template; if it was a teammate's own, give it their front setting teammate_id")
    if owner:
        settings["teammate_id"] = owner
        notes.append(f"a private template of teammate {owner} in Front: kept as its front setting teammate_id, "
                     "so the export sends it back to that teammate's templates, not as a shared one")
    if workspace:
        settings["team_id"] = workspace
        notes.append(f"a shared template of team {workspace}'s workspace in Front: kept as its front setting "
                     f"team_id, so the export writes it under front/teams/{workspace}/ for POST /teams/{workspace}/"
                     "message_templates, into that workspace, not the default one")
    subject, inboxes = entry.fields.get("subject"), entry.fields.get("inbox_ids")
    if isinstance(subject, str) and subject.strip():
        settings["subject"] = subject
    if isinstance(inboxes, list) and inboxes and all(isinstance(i, str) for i in inboxes):
        if owner:  # (Front's private templates take no inboxes: CreatePrivateMessageTemplate has no inbox_ids)
            notes.append(f"its inboxes in Front ({', '.join(inboxes)}) are not kept: a private template has none")
        else:
            settings["inbox_ids"] = inboxes
    folder = entry.fields.get("folder_id") or _last_part(related.get("parent_folder"), "message_template_folders")
    if isinstance(folder, str) and folder:
        settings["folder_id"] = folder  # the API gives the folder as a link: its last part is the id
    ident, about_id = own_id(entry, "Front", "text")
    notes.extend(about_id)
    if ident is not None:
        settings["id"] = ident  # exported back as its id: its file updates this template, not a copy of it
    # an inline image is an attachment too: the text's image is named once, as the image it is
    attached = entry.fields.get("attachments")
    files = [a for a in attached if not (isinstance(a, dict) and isinstance(a.get("metadata"), dict)
                                         and a["metadata"].get("is_inline") is True)
             ] if isinstance(attached, list) else attached
    notes[:0] = attachment_note(files, "Front")
    item = entry.item(body, html=html, dialect="front", settings=settings, notes=notes)
    return item


def _last_part(link: Any, collection: str) -> str | None:
    """The id at the end of a Front API link to ``collection`` ('.../message_template_folders/rsf_77')."""
    if not isinstance(link, str) or f"/{collection}/" not in link:
        return None
    # (what follows the collection: '.../teammates/' names no teammate, not one called "teammates")
    return re.split(r"[/?#]", link.rsplit(f"/{collection}/", 1)[1].lstrip("/"), maxsplit=1)[0] or None
