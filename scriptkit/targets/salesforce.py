"""Salesforce Service Cloud Quick Text records (``QuickText`` sObject): Name, Message (plain
text, at most 4096 characters), Category, Channel, with merge fields such as
``{!Contact.FirstName}``. Also the sObject Collections bodies (200 records per request): one to create the new
records, one to update those an import kept the Id of (Salesforce refuses an Id on create)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
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
    categories,
    display_title,
    dump_json,
    id_problems,
    mailto_query_problems,
    one_of,
    own_id,
    pack_wide_id_problem,
    problem,
    record_order,
    settings,
    text_setting,
    text_setting_problems,
    true_or_false,
    written,
)
from scriptkit.targets.layouts import example

PLACEHOLDERS: Mapping[str, str] = {
    "customer.first_name": "Contact.FirstName",
    "customer.last_name": "Contact.LastName",
    "customer.full_name": "Contact.Name",
    "customer.email": "Contact.Email",
    "agent.first_name": "User.FirstName",
    "agent.full_name": "User.Name",
    "ticket.id": "Case.CaseNumber",
    "ticket.subject": "Case.Subject",
    "brand.name": "Organization.Name",
}

#: Channel picklist values are defined per org; these are the common defaults (override: channels).
CHANNEL_VALUES = {"email": "Email", "chat": "Chat", "sms": "Messaging", "social": "Social"}
#: the channels whose value Salesforce's docs give (Chat, Email): the others' are a guess at an org's picklist
DOCUMENTED_CHANNELS = ("email", "chat")
NAME_MAX, MESSAGE_MAX, CATEGORY_MAX, COLLECTION_MAX = 255, 4096, 40, 200
#: a Quick Text's Id as Salesforce gives it (15 or 18 characters; QuickText's key prefix is 0QT)
ID_EXAMPLE = "0QT000000000001"


def write(name: str, fallback: str | None = None, as_html: bool = False) -> str:
    """``{!Contact.FirstName}`` (Quick Text has no documented fallback)."""
    return "{!" + name + "}"


def placeholder(name: str, fallback: str | None = None, as_html: bool = False) -> str:
    return write(PLACEHOLDERS[name], fallback, as_html)


DIALECT = Dialect(PLACEHOLDERS, write, fallbacks=False, unsafe=("{!",))


class SalesforceTarget(BaseTarget):
    name = "salesforce"
    summary = "Salesforce Quick Text records (Name, Message, Category, Channel)"
    joins_channels = True  # (one Quick Text for the channels whose text is the same: _one_per_text)
    units = ("Quick Text", "Quick Texts")
    channels = ("email", "chat", "sms", "social")
    # (Salesforce counts a field's length in UTF-16 code units: its help article "Surrogate Pair Characters Are
    # Treated as Two Characters", 005166849)
    limits = Limits(title_max=NAME_MAX, body_max=MESSAGE_MAX, batch_max=COLLECTION_MAX,
                    source="QuickText field lengths", utf16=True,
                    counted_as="counted as Salesforce counts them: an emoji counts as two")
    dialect = DIALECT
    writes_links = False  # (Message is plain text: a link is its text and address, as every customer reads it)
    macro_ids = True  # (the id setting: the Quick Text an import read, which its record updates)
    id_kind = "text"  # (Salesforce's Ids are text: 0QT000000000001)
    own_settings: ClassVar[dict[str, str]] = {
        "category": "the Category picklist value (default: the title's first category, at most 40 characters)",
        "channels": "Channel picklist values by scriptkit channel, e.g. {chat: Chat, sms: SMS}",
        "folder_id": "the Quick Text folder id (FolderId)",
        "insertable": "false to keep the Quick Text out of its channels (IsInsertable false; an import keeps it)",
        "id": f"the Quick Text's Salesforce Id, text such as {ID_EXAMPLE} (an import keeps it): written as its Id, "
              "so its record updates that Quick Text (PATCH /composite/sobjects) instead of adding another",
        "variant_ids": "the Ids of the script's other Quick Texts (an import keeps them), by what the name adds: "
                       "{'variant 2': 0QT000000000002, chat: 0QT000000000003}",
    }
    readme = """
# Salesforce Quick Text

Each file in `quick_text/` is the body of one `POST /services/data/vXX.X/sobjects/QuickText/`;
`quick_text.json` (and `quick_text-002.json`... past 200 records) is an sObject Collections
body for `POST /services/data/vXX.X/composite/sobjects`.

A Quick Text imported from Salesforce keeps its `Id` (the script's `export: {salesforce: {id: ...}}`,
and another channel's or variant's under `variant_ids`). Salesforce refuses an Id on create, so
its record is not in `quick_text.json` but in `quick_text_update.json` (and
`quick_text_update-002.json`...), the body of `PATCH /services/data/vXX.X/composite/sobjects`,
which updates each Quick Text; its own file in `quick_text/` carries the `Id` too: send it without
the `Id` field with `PATCH /services/data/vXX.X/sobjects/QuickText/{Id}`. With no new record,
there is no `quick_text.json`.

- `Message` is plain text (at most 4096 characters, an emoji counting as two); merge fields
  such as `{!Contact.FirstName}`.
- Quick Text documents no fallback for an empty merge field, so fallbacks are dropped with a
  warning (SK504); a literal `{!` cannot be escaped and is refused (SK505).
- `IsInsertable` is written where the `insertable` setting is (an import keeps a Quick Text's
  `false`): `insertable: false` keeps it out of its channels, updated or created.
- `Channel` values are org-specific picklist values: scriptkit writes email as `Email`, chat as
  `Chat`, sms as `Messaging` and social as `Social` (the export's summary names the last two where
  it writes them); map them under `export: {salesforce: {channels: {sms: SMS}}}`.
- Quick Text has no notes field: a script's guidance, alternatives and conditions are not
  exported (SK508 names them, once a script). Give agents the playbook export, which lists them
  beside each reply.
- `[[...]]` markers are blanks the agent must replace before sending.
"""

    def check(self, message: Message) -> list[Problem]:
        found = super().check(message) + pack_wide_id_problem(message, "salesforce") \
            + mailto_query_problems(message, "salesforce")  # (Message is plain text: a mailto's subject is lost)
        category = self._category(message)
        if category and self.limits.length(category) > CATEGORY_MAX:
            found.append(problem("SK506", f"salesforce Category '{category}' is longer than {CATEGORY_MAX} characters"
                                          f"{self.limits.how_counted(category)} "
                                          "and is cut short", "Set export: {salesforce: {category: <short name>}}."))
        if not category and (folder := _freshdesk_folder(message)) is not None:
            # (a Freshdesk export names a response's folder by its number alone, which is no Category and no
            # FolderId of Salesforce's: the grouping would go in silence)
            found.append(problem("SK506", f"its Freshdesk folder (folder_id {folder}) is not carried over: Freshdesk's "
                                          "export gives the folder's number, not its name, so this Quick Text has no "
                                          "Category",
                                 "Set export: {salesforce: {category: <the folder's name>}} in the script (or "
                                 "pack.yaml for every script), or start its title with it: 'Orders::Refund late'.",
                                 said_once_for=f"Freshdesk folder {folder}"))
        return found

    def setting_problems(self, conf: Mapping[str, Any]) -> list[Problem]:
        found = (super().setting_problems(conf) + text_setting_problems(self.name, conf, ("category", "folder_id"))
                 + id_problems("salesforce", conf, "text", ID_EXAMPLE))
        if "insertable" in conf and not isinstance(conf["insertable"], bool):
            found.append(problem("SK512", f"salesforce setting 'insertable' must be true or false, not "
                                          f"{written(conf['insertable'])}", true_or_false(conf["insertable"]),
                                 severity=Severity.ERROR,
                                 setting=("insertable",)))
        mapped = conf.get("channels")
        if mapped is not None and not isinstance(mapped, Mapping):
            found.append(problem("SK512", f"salesforce setting 'channels' maps each scriptkit channel to a Channel "
                                          f"picklist value; it is {written(mapped)}",
                                 "Write it as {email: Email, chat: Chat}.", severity=Severity.ERROR,
                                 setting=("channels",)))
        for channel, value in (mapped.items() if isinstance(mapped, Mapping) else ()):
            if channel not in CHANNEL_VALUES:
                found.append(problem("SK512", f"salesforce setting 'channels' names '{channel}', which is no channel "
                                              "a Quick Text is exported for",
                                     one_of(channel, CHANNEL_VALUES), severity=Severity.ERROR,
                                     setting=("channels", str(channel))))
            elif text_setting(value) is None:
                # (a greeting for Salesforce alone, as pack.yaml's channels: writes one, is the layouts setting)
                layout = "For a greeting or sign-off of Salesforce's own, use " + example("salesforce", str(channel)) \
                    + "." if isinstance(value, Mapping) else ""
                found.append(problem("SK512", f"salesforce Channel value for {channel} must be a picklist value, not "
                                              f"{written(value)}", layout, severity=Severity.ERROR,
                                     setting=("channels", str(channel))))
        return found

    def _category(self, message: Message) -> str | None:
        cats, _ = categories(message.title)
        return text_setting(settings(message).get("category")) or (cats[0] if cats else None)

    def render(self, message: Message) -> Payload:
        conf = settings(message)
        out: dict[str, Any] = {
            "Name": display_title(message),
            "Message": self.plain(message),
            "Channel": _mapped(message) or CHANNEL_VALUES[message.channel],
        }
        category = self._category(message)
        if category:
            out["Category"] = _cut(category, CATEGORY_MAX)
        if (folder := text_setting(conf.get("folder_id"))) is not None:
            out["FolderId"] = folder
        if isinstance(insertable := conf.get("insertable"), bool):
            # (written either way where set: an update by its Id leaves out what it does not name, and a new Quick
            # Text left without it is in its channels, Salesforce's default for one created by the API)
            out["IsInsertable"] = insertable
        if (ident := own_id(message, "salesforce", "text")) is not None:
            out["Id"] = ident  # (the Quick Text it was imported from: its record updates it)
        return out

    def measure(self, payload: Payload) -> tuple[str, str]:
        return str(payload["Name"]), str(payload["Message"])

    def records_note(self, rendered: Sequence[Rendered]) -> str:
        """The Channel values written for a channel whose value Salesforce documents none of (sms as 'Messaging'),
        where no channels setting maps it: an org's picklist without the value refuses the record, so the summary
        names the mapping once, not a warning a script."""
        guessed = {r.message.channel for r in rendered if r.message.channel not in DOCUMENTED_CHANNELS
                   and not _mapped(r.message)}
        if not guessed:
            return ""
        named = [channel for channel in CHANNEL_VALUES if channel in guessed]
        values = ", ".join(f"{channel} as '{CHANNEL_VALUES[channel]}'" for channel in named)
        them = "it" if len(named) == 1 else "them"
        return (f" (Channel: {values}; if your org's Channel picklist names {them} otherwise, map {them} under "
                f"export: {{salesforce: {{channels: {{{named[0]}: <value>}}}}}})")

    def records(self, rendered: Sequence[Rendered]) -> int:
        """How many Quick Texts ``files`` writes for ``rendered``: a script for several channels with one text
        is one record ('Email;Chat'), so the export's summary counts it once."""
        return len(_one_per_text(rendered))

    def files(self, rendered: Sequence[Rendered]) -> dict[str, bytes]:
        rendered = _one_per_text(rendered)
        out = bundle_files("salesforce", "quick_text", rendered, lambda p: p)  # (each record's file)
        # (Salesforce refuses a record with an Id in a create: those go to a collection of their own, for the
        # update, and the create's holds the new ones alone; it is left out where every record is an update, as
        # an empty collection is no request, and written empty only for a pack of no record, as before)
        known = [r for r in rendered if "Id" in r.payload]
        _bundles(out, "quick_text", [r for r in rendered if "Id" not in r.payload], keep_empty=not known)
        _bundles(out, "quick_text_update", known)
        return {**out, **self.readme_file()}


def _mapped(message: Message) -> str | None:
    """The Channel value the channels setting gives ``message``'s channel, if any."""
    mapped = settings(message).get("channels")
    return text_setting(mapped.get(message.channel)) if isinstance(mapped, Mapping) else None


def _cut(text: str, units: int) -> str:
    """The longest start of ``text`` within ``units`` as Salesforce counts a length (UTF-16 code units): an emoji
    is two, and one cut in half is left out."""
    return text.encode("utf-16-le")[:units * 2].decode("utf-16-le", errors="ignore")


def _freshdesk_folder(message: Message) -> str | None:
    """The Freshdesk folder id the script's (else the pack's) freshdesk settings give, as an import writes it."""
    for block in (message.meta.get("script_export"), message.meta.get("pack_export")):
        conf = block.get("freshdesk") if isinstance(block, Mapping) else None
        if isinstance(conf, Mapping) and "folder_id" in conf:
            return text_setting(conf["folder_id"])
    return None


def _collection(items: Sequence[Payload]) -> dict[str, object]:
    """An sObject Collections body: each record with its type."""
    return {"allOrNone": False, "records": [{"attributes": {"type": "QuickText"}, **i} for i in items]}


def _bundles(out: dict[str, bytes], key: str, rendered: Sequence[Rendered], keep_empty: bool = False) -> None:
    """``out`` with ``salesforce/<key>.json`` (``<key>-002.json``... past 200 records) the collections of
    ``rendered``, in the scripts' order (``record_order``), in place of the one ``bundle_files`` wrote; none
    for no record unless ``keep_empty``."""
    out.pop(f"salesforce/{key}.json", None)
    records = [r.payload for r in sorted(rendered, key=record_order)]
    chunks = [records[i:i + COLLECTION_MAX] for i in range(0, len(records), COLLECTION_MAX)]
    for n, chunk in enumerate(chunks or ([[]] if keep_empty else []), 1):
        out[f"salesforce/{key}.json" if n == 1 else f"salesforce/{key}-{n:03d}.json"] = dump_json(_collection(chunk))


def _one_per_text(rendered: Sequence[Rendered]) -> list[Rendered]:
    """A script exported for several channels with the same text is one Quick Text whose Channel holds each
    channel's value ('Email;Chat', as Salesforce's multi-select picklist writes them), named as its first
    channel's record, with its Id (the script's own); where the text (or category, folder) differs by channel,
    or a channel has a Quick Text of its own (an Id under variant_ids), each channel keeps its own."""
    merged: dict[tuple[str, int, str, str, str], int] = {}
    out: list[Rendered] = []
    for r in rendered:
        p = r.payload
        key = (r.message.script_id, r.message.variant, str(p.get("Message")), str(p.get("Category")),
               str(p.get("FolderId")))
        if key in merged and p.get("Id") in (None, out[merged[key]].payload.get("Id")):
            first = out[merged[key]]
            values = str(first.payload["Channel"]).split(";")
            if p["Channel"] not in values:
                joined = ";".join([*values, str(p["Channel"])])
                out[merged[key]] = replace(first, payload={**first.payload, "Channel": joined})
            continue
        merged.setdefault(key, len(out))  # (a channel kept for its own Id leaves the first the one merged into)
        out.append(r)
    return out


def target() -> SalesforceTarget:
    return SalesforceTarget()
