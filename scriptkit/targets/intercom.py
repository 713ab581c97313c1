"""Intercom macros (saved replies). Intercom's macro API is read-only (``GET /macros`` only),
so this target writes what an admin pastes into the macro editor: HTML and plain text with
Intercom's ``{{first_name|fallback:"there"}}`` attributes, plus ``{"macros": [...]}`` holding the fields of the
API's read-back ``macro`` object a pack decides (id, name, body, body_text; not a ``GET /macros`` response) for
comparing after import: as the API spells it, ``body`` holds ``<attribute key=".." default=".."/>`` tags. A macro
an import read keeps its id, which names the macro to paste it into."""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from typing import Any, ClassVar

from scriptkit.csp import policy_meta
from scriptkit.diagnostics import Severity
from scriptkit.language import base_language, written_language
from scriptkit.message import Message, Placeholder
from scriptkit.targets.base import (
    BaseTarget,
    Dialect,
    Limits,
    Payload,
    Problem,
    Rendered,
    display_title,
    dump_json,
    escape_html,
    id_problems,
    lost_folders_note,
    macro_id,
    meant,
    own_id,
    pack_wide_id_problem,
    problem,
    settings,
    text_direction,
    to_html,
    written,
)

PLACEHOLDERS: Mapping[str, str] = {
    "customer.first_name": "user.first_name",
    "customer.full_name": "user.name",
    "customer.email": "user.email",
    # Intercom documents teammate.name only; there is no confirmed first-name attribute.
    "agent.first_name": "teammate.name",
    "agent.full_name": "teammate.name",
}


def write(name: str, fallback: str | None = None, as_html: bool = False) -> str:
    """``{{user.first_name}}`` or ``{{user.first_name|fallback:"there"}}`` (helpdesk name);
    single quotes when the fallback holds a double quote, as Intercom accepts both."""
    if fallback is None:
        return "{{" + name + "}}"
    quote = "'" if '"' in fallback else '"'
    text = escape_html(fallback) if as_html else fallback
    return "{{" + f"{name}|fallback:{quote}{text}{quote}" + "}}"


def placeholder(name: str, fallback: str | None = None, as_html: bool = False) -> str:
    """How Intercom spells canonical placeholder ``name``; the importers read this back."""
    return write(PLACEHOLDERS[name], fallback, as_html)


MISREADS = ("Intercom", "an attribute", "and documents neither an escape nor what it shows in place of an "
            "attribute it does not know: the customer may read a gap there")
# (Intercom documents no way to fill in an attribute inside a link's address: read back, the body spells it as an
# <attribute/> element, which no href can hold; such a link is written as its text and address)
#: (the importer reads {{teammate.first_name}} as agent.first_name and keeps it mapped so, but Intercom documents
#: no such attribute: an export of a pack's agent.first_name writes the documented one, and says so)
STAND_INS: Mapping[str, str] = {"agent.first_name": "the teammate's full name"}
DIALECT = Dialect(PLACEHOLDERS, write, unsafe=("{{",), empty_fallback=True,  # (fallback:"": show nothing)
                  misreads=MISREADS, linked_placeholders=False, stand_ins=STAND_INS)


def write_attribute(name: str, fallback: str | None = None, as_html: bool = True) -> str:
    """``<attribute key="user.first_name" default="there"/>``: how Intercom's API returns a placeholder
    in a macro's HTML ``body`` (its OpenAPI ``macro`` schema), the default HTML-escaped."""
    default = "" if fallback is None else f' default="{_attr(fallback)}"'
    return f'<attribute key="{_attr(name)}"{default}/>'


def _attr(value: str) -> str:
    """Text inside a double-quoted HTML attribute (an apostrophe stays as typed)."""
    return escape_html(value).replace('"', "&quot;")


#: the read-back body's spelling: what macros.json holds, so it compares with ``GET /macros``
READ_BACK = Dialect(PLACEHOLDERS, write_attribute, unsafe=DIALECT.unsafe, empty_fallback=True, misreads=MISREADS,
                    linked_placeholders=False, stand_ins=STAND_INS)

# (the viewport and the wrapping: a long link or reference in a reply ran a phone's page 1,509 px wide; the reply
# is in its own language, where that is told and not the pack's: WCAG 3.1.2)
# (the policy allows the page's style and no script: the reply is anyone's text)
_STYLE = "body{overflow-wrap:anywhere}"
_POLICY = policy_meta([_STYLE])
_PAGE = """<!DOCTYPE html>
<html lang="{lang}"{dir}>
<head><meta charset="utf-8">{policy}<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title><style>{style}</style></head>
<body>
<!-- Intercom has no API to create macros: open this page, copy the reply below and paste it
     into {where}. Placeholders are Intercom attributes.{who} -->
<h1>{title}</h1>
<div class="reply"{told}>
{body}
</div>
</body>
</html>
"""


class IntercomTarget(BaseTarget):
    name = "intercom"
    summary = "Intercom macros to paste (the macro API is read-only)"
    units = ("macro", "macros")
    channels = ("chat", "email", "social", "sms")
    limits = Limits(source="none documented")
    dialect = DIALECT
    macro_ids = True  # (the id setting: the macro an import read, which its page names to paste into)
    id_kind = "text"  # (the API gives each macro's id as text: "123")
    own_settings: ClassVar[dict[str, str]] = {
        "id": "the macro's Intercom id, text such as 123 (an import keeps it): written as its id in macros.json, "
              "and its page says to paste the reply into that macro instead of creating another",
        "variant_ids": "the ids of the script's other macros (an import keeps them), by what the title adds: "
                       "{'variant 2': '124', chat: '125'}",
        "visible_to": "everyone (the default) or specific_teams, with visible_to_team_ids (an import keeps both): "
                      "who may use the macro, which Intercom's API cannot set, so its page says to set it in the "
                      "macro editor",
        "visible_to_team_ids": "the ids of the teams that may use the macro when visible_to is specific_teams: "
                               "['814', '815']",
    }
    readme = """
# Intercom macros — paste, do not post

**Intercom's macro API is read-only**: its OpenAPI description has only `GET /macros` and
`GET /macros/{id}`, no create or update. So this export is what an admin pastes into the
macro editor (Settings > Inbox > Macros):

- `macros/<script>.html`: open in a browser, copy the reply, paste it as the macro body.
- `macros/<script>.txt`: the same reply as plain text.
- `macros.json`: `{"macros": [...]}`, each macro as `{id, name, body, body_text}` (`id` only for
  a macro an import read): the fields of the API's macro object that the pack decides, not a
  whole `GET /macros` response (no `type`, dates, `visible_to` or `available_on`), so an
  imported workspace can be compared with the pack field by field. As the API spells them,
  `body` writes placeholders as `<attribute key="user.first_name" default="there"/>` and
  `body_text` as `{{user.first_name|fallback:"there"}}`.

A macro imported from Intercom keeps its `id` (the script's `export: {intercom: {id: ...}}`, and
a variant's under `variant_ids`): `macros.json` lists it with it, and its page says which macro
to paste the reply into, so the macro is updated rather than copied. A new macro has no `id`.
A macro visible to some teams only keeps them too (`visible_to: specific_teams` and
`visible_to_team_ids`), and its page says which teams to make it visible to: the API cannot set it.

Placeholders are Intercom attributes with fallbacks: `{{user.first_name|fallback:"there"}}`.
Intercom documents no escape for a literal `{{`, so scriptkit refuses such text (SK505).
`[[...]]` markers (highlighted) are blanks the agent must replace before sending.

Macros have no notes field: a script's guidance, alternatives and conditions are not exported
(SK508 names them, once a script). Give agents the playbook export, which lists them beside
each reply.

Macros have no folders either (the API's macro object has none): a title's categories stay in
the macro's name (`Billing / Refunds / ...`), and the folders the scripts had in another helpdesk
(Freshdesk's, Front's or Salesforce's `folder_id`) are not kept; the export's summary counts them.
Put the folder's name into the titles (`Billing::...`) to keep the grouping.
"""

    def setting_problems(self, conf: Mapping[str, Any]) -> list[Problem]:
        return super().setting_problems(conf) + id_problems("intercom", conf, "text", "'123'") + _team_problems(conf)

    def check(self, message: Message) -> list[Problem]:
        found = super().check(message) + pack_wide_id_problem(message, "intercom")
        names = self.names(message)
        for seg in message.segments:
            # (a fallback Intercom never gets, of an attribute it lacks, cannot break its placeholder)
            fallback = DIALECT.written_fallback(seg, names) if isinstance(seg, Placeholder) else None
            where = seg.source.start if isinstance(seg, Placeholder) and seg.source else None
            if fallback and '"' in fallback and "'" in fallback:
                found.append(problem("SK505", f"the fallback \"{fallback}\" holds both quote kinds, which an "
                                              "Intercom fallback cannot", "Use only one kind of quote.",
                                     location=where))
            elif fallback and "}}" in fallback and "{{" not in fallback:
                # (written inside the attribute's own braces, '{{user.first_name|fallback:"friend }} of ours"}}':
                # its '}}' ends the attribute there, and the customer reads the rest of it; with a '{{', the
                # literal text's SK505 says so already)
                found.append(problem("SK505", f"the fallback \"{fallback}\" holds '}}}}', which would end the "
                                              "Intercom attribute it is written in", "Write the fallback without '}}'.",
                                     location=where))
        return found

    def render(self, message: Message) -> Payload:
        body = to_html(message.segments, READ_BACK, self.names(message))
        out: dict[str, Any] = {"name": display_title(message), "body": body, "body_text": self.plain(message)}
        if (ident := own_id(message, "intercom", "text")) is not None:
            out["id"] = ident  # (the macro it was imported from, which its page names)
        return out

    def measure(self, payload: Payload) -> tuple[str, str]:
        return str(payload["name"]), str(payload["body"])

    def records_note(self, rendered: Sequence[Rendered]) -> str:
        return lost_folders_note(rendered, "Intercom")

    def files(self, rendered: Sequence[Rendered]) -> dict[str, bytes]:
        out: dict[str, bytes] = {}
        for r in rendered:
            lang = str(r.message.meta.get("locale") or "en")
            # the page is copied as text from a browser, which shows no <attribute> tag: {{...}} it is
            ident = r.payload.get("id")
            where = (f"macro {ident} in Settings > Inbox > Macros, in place of its text" if ident is not None
                     else "Settings > Inbox > Macros")
            teams = _teams(settings(r.message))
            # (who may use it, which the API cannot set either: a team-only macro pasted as new is everyone's)
            who = (f"\n     Make it visible to {'team' if len(teams) == 1 else 'teams'} {', '.join(teams)} only "
                   "(Visible to: specific teams)." if teams else "")
            # (a right-to-left pack's page reads so; the reply's paragraphs take the direction of the language it
            # is written in, so an Arabic reply in an English pack reads right to left even where a paragraph
            # starts with a Latin brand name, and where that is not told, each its first letter's: the page is
            # only ours, the body Intercom keeps is what its editor makes of the paste)
            rtl = text_direction(lang)
            told = written_language(r.message)
            body = to_html(r.message.segments, DIALECT, self.names(r.message), text_direction(told or lang) or "auto")
            told = "" if told is None or told == base_language(lang) else f' lang="{told}"'
            page = _PAGE.format(policy=_POLICY, style=_STYLE, lang=html.escape(lang),
                                dir=f' dir="{rtl}"' if rtl else "", told=told,
                                title=html.escape(r.payload["name"]), body=body, where=where,
                                who=who)  # (ids: letters, digits, _ and -)
            out[f"intercom/macros/{r.stem}.html"] = page.encode("utf-8")
            out[f"intercom/macros/{r.stem}.txt"] = (r.payload["body_text"] + "\n").encode("utf-8")
        out["intercom/macros.json"] = dump_json({"macros": [r.payload for r in rendered]})
        return {**out, **self.readme_file()}


def team_id(value: object) -> str | None:
    """A team's id as Intercom gives it, text such as '814' (or a whole number YAML read as one); else None."""
    # (as a macro's own id: it stands as it is in the page that names it, and 1.5 or true names no team)
    ident = macro_id(str(value), "text") if isinstance(value, (str, int)) and not isinstance(value, bool) else None
    return None if ident is None else str(ident)


def _teams(conf: Mapping[str, Any]) -> list[str]:
    """The teams a macro is visible to, where ``visible_to`` is specific_teams and names them; else []."""
    listed = conf.get("visible_to_team_ids")
    ids = [team_id(i) for i in (listed if isinstance(listed, list) else [listed])]
    return [i for i in ids if i is not None] if conf.get("visible_to") == "specific_teams" and None not in ids else []


def _team_problems(conf: Mapping[str, Any]) -> list[Problem]:
    """SK512 for a ``visible_to`` that is not Intercom's, team ids that are none, or specific teams naming none."""
    shown = conf.get("visible_to", "everyone")
    if shown not in ("everyone", "specific_teams"):
        return [problem("SK512", f"intercom setting 'visible_to' must be everyone or specific_teams, not "
                                 f"{written(shown)}",
                        meant(shown, ("everyone", "specific_teams"))
                        + "Leave it out for every teammate, or write specific_teams with visible_to_team_ids.",
                        severity=Severity.ERROR, setting=("visible_to",))]
    listed = conf.get("visible_to_team_ids")
    items = listed if isinstance(listed, list) else [] if listed is None else [listed]
    if (wrong := next((i for i in items if team_id(i) is None), None)) is not None or None in items:
        return [problem("SK512", f"intercom setting 'visible_to_team_ids' must be a team id or a list of them, not "
                                 f"{written(wrong)}",
                        "Write the ids Intercom gives the teams (scriptkit import writes them): ['814', '815'].",
                        severity=Severity.ERROR, setting=("visible_to_team_ids",))]
    if shown == "specific_teams" and not items:
        return [problem("SK506", "intercom setting 'visible_to_team_ids' missing: the macro is for specific teams "
                                 "(visible_to: specific_teams) but names none",
                        "Add export: {intercom: {visible_to_team_ids: ['814']}} to this script, or leave "
                        "visible_to out for every teammate.", severity=Severity.ERROR,
                        setting=("visible_to_team_ids",) if "visible_to_team_ids" in conf else ("visible_to",))]
    return []


def target() -> IntercomTarget:
    return IntercomTarget()
