"""Help Scout saved replies: ``POST /v2/mailboxes/{mailboxId}/saved-replies`` bodies.

Facts (see docs/targets.md): ``name`` (required), ``text`` (the email version, HTML) and
``chatText`` (the chat version, plain text). Placeholders are Help Scout's own
``{%customer.firstName,fallback=there%}`` syntax, not Liquid.

``chatText`` is the chat version the import of a saved reply kept (its ``CHAT_VERSION``
alternative) where the script has one, else the reply's own text, plain. A script sent on chat
too (``channels: [email, chat]``) already has its chat rendering as a saved reply of its own,
"... (chat)", whose ``chatText`` it is. A script for chat only (first on chat) is a chat-only saved
reply: its ``text`` empty, as Help Scout exports one, and its ``chatText`` the reply.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any, ClassVar

from scriptkit.message import Message, Placeholder
from scriptkit.targets.base import (
    BaseTarget,
    Dialect,
    Limits,
    Payload,
    Problem,
    Rendered,
    bundle_files,
    display_title,
    escape_html,
    id_problems,
    own_id,
    pack_wide_id_problem,
    problem,
    to_plain,
)

PLACEHOLDERS: Mapping[str, str] = {
    "customer.first_name": "customer.firstName",
    "customer.last_name": "customer.lastName",
    "customer.full_name": "customer.fullName",
    "customer.email": "customer.email",
    "agent.first_name": "user.firstName",
    "agent.full_name": "user.fullName",
    "ticket.id": "conversation.number",
    "ticket.subject": "subject",
    "brand.name": "mailbox.name",
}

#: Help Scout's own parser (hsds-react MessageCard.utils) reads ``{%name(,fallback=text)?%}``.
PATTERN = re.compile(r"{%([^,%]+)(,fallback=([^%]*)?)?%}")


def write(name: str, fallback: str | None = None, as_html: bool = False) -> str:
    """``{%customer.firstName%}`` or ``{%customer.firstName,fallback=there%}`` (helpdesk name)."""
    if fallback is None:
        return "{%" + name + "%}"
    return "{%" + name + ",fallback=" + (escape_html(fallback) if as_html else fallback) + "%}"


def placeholder(name: str, fallback: str | None = None, as_html: bool = False) -> str:
    """How Help Scout spells canonical placeholder ``name``; the importers read this back."""
    return write(PLACEHOLDERS[name], fallback, as_html)


DIALECT = Dialect(PLACEHOLDERS, write, unsafe=("{%",), empty_fallback=True)

#: The label of the alternative under which the import of a saved reply keeps its ``chatText`` when
#: it differs from its email ``text``: exported back as ``chatText``, so the chat version survives.
CHAT_VERSION = "Chat version"


class HelpScoutTarget(BaseTarget):
    name = "helpscout"
    summary = "Help Scout saved replies (name, HTML text, plain chatText)"
    units = ("saved reply", "saved replies")
    channels = ("email", "chat", "social", "sms")
    limits = Limits(source="none documented")
    dialect = DIALECT
    macro_ids = True  # (the id setting: the saved reply an import read, which its file updates)
    keeps_chat_version = True  # (as chatText: see _chat_text)
    own_settings: ClassVar[dict[str, str]] = {
        "id": "the saved reply's Help Scout id (an import keeps it): written as its id, so the file updates that "
              "saved reply (PUT /v2/mailboxes/{mailboxId}/saved-replies/{id}) instead of adding another",
        "variant_ids": "the ids of the script's other saved replies (an import keeps them), by what the title "
                       "adds: {'variant 2': 5002, chat: 5003}",
    }
    readme = """
# Help Scout saved replies

Each file in `saved_replies/` is the JSON body of one
`POST /v2/mailboxes/{mailboxId}/saved-replies` (saved replies belong to one mailbox, so
choose it when you import); `saved_replies.json` lists them all. A saved reply imported from
Help Scout keeps its `id` (the script's `export: {helpscout: {id: ...}}`, and a variant's under
`variant_ids`): send that file without the `id` field with
`PUT /v2/mailboxes/{mailboxId}/saved-replies/{id}`, which updates the saved reply.

- `text` is the email version (HTML), `chatText` the plain-text chat version of the same reply: the
  script's "Chat version" alternative where it has one (as `scriptkit import` keeps a saved reply's
  own chat version), else the email text as plain text. A script's saved reply for sms or social,
  "... (sms)", has that channel's text in both. A script also sent on chat is a saved reply
  of its own, "... (chat)". A script for chat only is a chat-only saved reply: `text` empty, the reply
  in `chatText`.
- Placeholders use Help Scout's syntax: `{%customer.firstName,fallback=there%}`.
- Help Scout documents no escape for a literal `{%`, so scriptkit refuses such text (SK505).
- Saved replies have no notes field: a script's guidance, alternatives and conditions are not
  exported (SK508 names them, once a script; the "Chat version" alternative is the `chatText`).
  Give agents the playbook export, which lists them beside each reply.
- `[[...]]` markers (highlighted) are blanks the agent must replace before sending.
"""

    def setting_problems(self, conf: Mapping[str, Any]) -> list[Problem]:
        return super().setting_problems(conf) + id_problems("helpscout", conf)

    def check(self, message: Message) -> list[Problem]:
        found = super().check(message) + pack_wide_id_problem(message, "helpscout")
        names = self.names(message)
        for seg in message.segments:
            # (a fallback Help Scout never gets, of a placeholder it lacks, cannot end one)
            if isinstance(seg, Placeholder) and "%" in (DIALECT.written_fallback(seg, names) or ""):
                found.append(problem("SK505", f"the fallback \"{seg.fallback}\" contains '%', which ends a Help Scout "
                                              "placeholder", "Write the fallback without '%'.",
                                     location=seg.source.start if seg.source else None))
        return found

    def render(self, message: Message) -> Payload:
        # a script whose first channel is chat (a chat-only saved reply, as imported): its chat version alone,
        # no email text, as Help Scout writes such a reply ('text' empty)
        text = "" if _chat_only(message) else self.html(message)
        out: dict[str, Any] = {"name": display_title(message), "text": text, "chatText": self._chat_text(message)}
        if (ident := own_id(message, "helpscout")) is not None:
            out["id"] = ident  # (the saved reply it was imported from: the file updates it)
        return out

    def _chat_text(self, message: Message) -> str:
        """The reply's chat version, plain: its "Chat version" alternative (a saved reply's own chatText,
        imported), else the reply itself. The alternative is the chat version of the script's own saved reply
        alone: the copy for another channel (sms, social) is that channel's text, which its chatText is too."""
        if message.channel != "chat" and not _channel_copy(message):
            for note in message.notes:
                if note.kind == "alternative" and note.label == CHAT_VERSION:
                    return to_plain(note.segments, DIALECT, self.names(message))
        return self.plain(message)

    def measure(self, payload: Payload) -> tuple[str, str]:
        return str(payload["name"]), str(payload["text"] or payload["chatText"])

    def files(self, rendered: Sequence[Rendered]) -> dict[str, bytes]:
        out = bundle_files("helpscout", "saved_replies", rendered, lambda p: p,
                           bundle=lambda items: {"saved_replies": items})
        return {**out, **self.readme_file()}


def _chat_only(message: Message) -> bool:
    """Whether ``message`` is a chat saved reply of its own: the chat text of a script whose first channel is
    chat, not the "... (chat)" copy of a script sent on email first."""
    return message.channel == "chat" and not message.meta.get("record_suffix")


def _channel_copy(message: Message) -> bool:
    """Whether ``message`` is the saved reply of a channel after the script's first ("Refund (sms)"), whose record
    the export names by its channel (``record_suffix`` ":sms", ":sms:v2")."""
    return str(message.meta.get("record_suffix", "")).startswith(f":{message.channel}")


def target() -> HelpScoutTarget:
    return HelpScoutTarget()
