"""Salesforce Service Cloud Quick Text records (``QuickText`` sObject): Name, Message (plain
text, at most 4096 characters), Category, Channel, with merge fields such as
``{!Contact.FirstName}``. Also the sObject Collections body (200 records per request)."""

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
    problem,
    settings,
    text_setting,
    text_setting_problems,
    written,
)

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
NAME_MAX, MESSAGE_MAX, CATEGORY_MAX, COLLECTION_MAX = 255, 4096, 40, 200


def write(name: str, fallback: str | None = None, as_html: bool = False) -> str:
    """``{!Contact.FirstName}`` (Quick Text has no documented fallback)."""
    return "{!" + name + "}"


def placeholder(name: str, fallback: str | None = None, as_html: bool = False) -> str:
    return write(PLACEHOLDERS[name], fallback, as_html)


DIALECT = Dialect(PLACEHOLDERS, write, fallbacks=False, unsafe=("{!",))


class SalesforceTarget(BaseTarget):
    name = "salesforce"
    summary = "Salesforce Quick Text records (Name, Message, Category, Channel)"
    units = ("Quick Text", "Quick Texts")
    channels = ("email", "chat", "sms", "social")
    limits = Limits(title_max=NAME_MAX, body_max=MESSAGE_MAX, batch_max=COLLECTION_MAX,
                    source="QuickText field lengths")
    dialect = DIALECT
    writes_links = False  # (Message is plain text: a link is its text and address, as every customer reads it)
    own_settings: ClassVar[dict[str, str]] = {
        "category": "the Category picklist value (default: the title's first category, at most 40 characters)",
        "channels": "Channel picklist values by scriptkit channel, e.g. {chat: Chat, sms: SMS}",
        "folder_id": "the Quick Text folder id (FolderId)",
    }
    readme = """
# Salesforce Quick Text

Each file in `quick_text/` is the body of one `POST /services/data/vXX.X/sobjects/QuickText/`;
`quick_text.json` (and `quick_text-002.json`... past 200 records) is an sObject Collections
body for `POST /services/data/vXX.X/composite/sobjects`.

- `Message` is plain text (at most 4096 characters); merge fields such as `{!Contact.FirstName}`.
- Quick Text documents no fallback for an empty merge field, so fallbacks are dropped with a
  warning (SK504); a literal `{!` cannot be escaped and is refused (SK505).
- `Channel` values are org-specific picklist values: map them under
  `export: {salesforce: {channels: {chat: Chat}}}`.
- Quick Text has no notes field: guidance lives in the playbook export.
- `[[...]]` markers are blanks the agent must replace before sending.
"""

    def check(self, message: Message) -> list[Problem]:
        found = super().check(message)
        category = self._category(message)
        if category and len(category) > CATEGORY_MAX:
            found.append(problem("SK506", f"salesforce Category '{category}' is longer than {CATEGORY_MAX} characters "
                                          "and is cut short", "Set export: {salesforce: {category: <short name>}}."))
        return found

    def setting_problems(self, conf: Mapping[str, Any]) -> list[Problem]:
        found = super().setting_problems(conf) + text_setting_problems(self.name, conf, ("category", "folder_id"))
        mapped = conf.get("channels")
        if mapped is not None and not isinstance(mapped, Mapping):
            found.append(problem("SK506", f"salesforce setting 'channels' maps each scriptkit channel to a Channel "
                                          f"picklist value; it is {written(mapped)}",
                                 "Write it as {email: Email, chat: Chat}.", severity=Severity.ERROR,
                                 setting=("channels",)))
        for channel, value in (mapped.items() if isinstance(mapped, Mapping) else ()):
            if channel not in CHANNEL_VALUES:
                found.append(problem("SK506", f"salesforce setting 'channels' names '{channel}', which is no channel "
                                              "a Quick Text is exported for",
                                     f"Use one of: {', '.join(CHANNEL_VALUES)}.", severity=Severity.ERROR,
                                     setting=("channels", str(channel))))
            elif text_setting(value) is None:
                found.append(problem("SK506", f"salesforce Channel value for {channel} must be a picklist value, not "
                                              f"{written(value)}", severity=Severity.ERROR,
                                     setting=("channels", str(channel))))
        return found

    def _category(self, message: Message) -> str | None:
        cats, _ = categories(message.title)
        return text_setting(settings(message).get("category")) or (cats[0] if cats else None)

    def render(self, message: Message) -> Payload:
        conf = settings(message)
        mapped = conf.get("channels")
        value = mapped.get(message.channel) if isinstance(mapped, Mapping) else None
        out: dict[str, Any] = {
            "Name": display_title(message),
            "Message": self.plain(message),
            "Channel": text_setting(value) or CHANNEL_VALUES[message.channel],
        }
        category = self._category(message)
        if category:
            out["Category"] = category[:CATEGORY_MAX]
        if (folder := text_setting(conf.get("folder_id"))) is not None:
            out["FolderId"] = folder
        return out

    def measure(self, payload: Payload) -> tuple[str, str]:
        return str(payload["Name"]), str(payload["Message"])

    def records(self, rendered: Sequence[Rendered]) -> int:
        """How many Quick Texts ``files`` writes for ``rendered``: a script for several channels with one text
        is one record ('Email;Chat'), so the export's summary counts it once."""
        return len(_one_per_text(rendered))

    def files(self, rendered: Sequence[Rendered]) -> dict[str, bytes]:
        rendered = _one_per_text(rendered)
        out = bundle_files(
            "salesforce", "quick_text", rendered, lambda p: p, batch=COLLECTION_MAX,
            bundle=lambda items: {"allOrNone": False,
                                  "records": [{"attributes": {"type": "QuickText"}, **i} for i in items]})  # type: ignore[dict-item]
        return {**out, **self.readme_file()}


def _one_per_text(rendered: Sequence[Rendered]) -> list[Rendered]:
    """A script exported for several channels with the same text is one Quick Text whose Channel holds each
    channel's value ('Email;Chat', as Salesforce's multi-select picklist writes them), named as its first
    channel's record; where the text (or category, folder) differs by channel, each channel keeps its own."""
    merged: dict[tuple[str, int, str, str, str], int] = {}
    out: list[Rendered] = []
    for r in rendered:
        p = r.payload
        key = (r.message.script_id, r.message.variant, str(p.get("Message")), str(p.get("Category")),
               str(p.get("FolderId")))
        if key in merged:
            first = out[merged[key]]
            values = str(first.payload["Channel"]).split(";")
            if p["Channel"] not in values:
                joined = ";".join([*values, str(p["Channel"])])
                out[merged[key]] = replace(first, payload={**first.payload, "Channel": joined})
            continue
        merged[key] = len(out)
        out.append(r)
    return out


def target() -> SalesforceTarget:
    return SalesforceTarget()
