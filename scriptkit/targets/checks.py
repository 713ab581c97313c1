"""The export checks (SK5xx): what each means, in the same six sections as a rule's docs.

They are not rules: they judge one message against one helpdesk while ``scriptkit export``
runs, and cannot be selected or ignored in the linter's settings. ``scriptkit rule SK503``
and the documentation site show these texts.
"""

from __future__ import annotations

from dataclasses import dataclass

from scriptkit.diagnostics import Severity
from scriptkit.targets.base import EXPORT_CODES


@dataclass(frozen=True)
class ExportCheck:
    code: str
    name: str
    severity: Severity
    summary: str
    docs: str  # Markdown: the six sections a rule's docs have

    family = "export"
    fix_safe = False


_DOCS: dict[str, str] = {
    "SK501": """
## What it does
Compares each exported title with the helpdesk's limits (Zendesk 255 characters by default,
Freshdesk 3 to 240, Salesforce Quick Text names 255; each export guide lists its helpdesk's)
and reports a title that is longer or shorter.

## Why it matters
The helpdesk's import refuses the whole macro, or cuts the title so two macros read alike in
the agent's picker.

## Example
`title: "Hi"` exported to Freshdesk, which wants at least 3 characters; or a title of 300
characters exported to Zendesk.

## Use instead
A title that names the situation in a few words, with the detail in `scenario:` (which agents
see in the playbook): `title: "Billing::Refund issued"`.

## Options
`export: {TARGET: {limits: {title: N, body: N}}}` overrides a target's limits (Zendesk's are
assumed, not documented).

## Fix safety
No automatic fix: only a person can choose the shorter words.
""",
    "SK502": """
## What it does
Measures each exported reply body (HTML or plain text, as the helpdesk stores it) against the
helpdesk's limit (Zendesk 65,535 characters by default, a Salesforce Quick Text message 4,096)
and reports one that is longer.

## Why it matters
An over-long body is refused by the helpdesk's API, or silently truncated mid-sentence.

## Example
A script whose solution pastes a whole returns policy, exported to Salesforce.

## Use instead
Keep the reply to what this customer needs and link to the policy page for the rest.

## Options
`export: {TARGET: {limits: {body: N}}}` overrides a target's limit.

## Fix safety
No automatic fix.
""",
    "SK503": """
## What it does
Reports a placeholder the helpdesk has no field for (for example `order.number` in Zendesk
without a custom field). The export writes a visible fill-in marker instead, so the agent
types the value.

It reports, too, a link the export writes as its text and address rather than as a link, and a
`mailto:` link with a query (`?subject=...&body=...`) in a reply written as plain text (Salesforce's
Quick Text, a Zendesk macro with `plain_text: true`): the customer reads the address alone, and the
subject a click would have filled in is lost.

## Why it matters
The reply still goes out right, but only if the agent notices the marker; a team may prefer to
map the placeholder to a custom field. A mail that arrives without the subject the team files
mails by is read late.

## Example
This reply, exported to Zendesk:

```yaml
solution: "I've refunded order {{ order.number }}."
```

## Use instead
Map it to the helpdesk's own field with the target's `placeholders` setting in `pack.yaml`:

```yaml
export:
  zendesk:
    placeholders:
      order.number: ticket.custom_fields.order_id
```

Or make it a blank the agent fills:

```yaml
solution: "I've refunded order {{ blank.order_number }}."
```

For a `mailto:` subject in plain text, tell the customer what to write as the subject
("with your order number in the subject"), or leave the query out of the link.

## Options
The `placeholders` setting of each target, in `pack.yaml` or a script's `export:` block.

## Fix safety
No automatic fix.
""",
    "SK504": """
## What it does
Reports a placeholder fallback (`| fallback("there")`) that the helpdesk cannot express, so the
fallback is dropped from the export.

## Why it matters
When the helpdesk has no value for the field, the customer reads a gap: "Hi ,".

## Example
This greeting, exported to Front:

```
Hi {{ customer.first_name | fallback('there') }},
```

## Use instead
A greeting that reads well without the name on that helpdesk, set for that helpdesk alone under
`layouts` in `pack.yaml`'s `export:` block; the other helpdesks keep the pack's own:

```yaml
export:
  front:
    layouts:
      email:
        greeting: "Hello,"
      chat:
        greeting: "Hello!"
```

Each channel's keys there (`greeting`, `signoff`, `separator`) replace the pack's `channels:` ones
for that helpdesk; those left out stay the pack's. A fallback in a reply's own text: reword the
sentence so it reads well without the value.

## Options
`export: {TARGET: {layouts: {CHANNEL: {greeting: ..., signoff: ...}}}}` in `pack.yaml`; Gorgias's
`default_filter: true` writes fallbacks as `|default("...")`, which fills in a missing value but
not an empty one.

## Fix safety
No automatic fix.
""",
    "SK505": """
## What it does
Reports literal text that the helpdesk would read as its own template syntax and that has no
documented escape there (a literal `{!` in Salesforce, `{%` in Help Scout, `{{` in Gorgias,
Front and Intercom), at the line that holds it, and says what the helpdesk does with it where
that is known. Zendesk and Freshdesk are not reported: their Liquid's `{% raw %}` escapes it,
and a Zendesk or Freshdesk macro's `{% raw %}` text is what `scriptkit import` brings in as
literal `{{` (`{{ '{{' }}` in the script).

## Why it matters
The helpdesk would try to fill in what the writer meant as plain text, and the customer would
read something else, or nothing: Gorgias replaces a variable it has no value for with a blank
space.

## Example
This reply, exported to Help Scout:

```yaml
solution: "Type {% raw %} into the search box."
```

## Use instead
Reword the text so it does not contain the helpdesk's delimiters, or leave the example out of
that helpdesk's version.

## Options
None.

## Fix safety
No automatic fix.
""",
    "SK506": """
## What it does
Reports an export setting the helpdesk needs that is not there: Freshdesk `visibility: groups`
without `group_ids`, Intercom `visible_to: specific_teams` without `visible_to_team_ids`, a
Freshdesk folder without a folder id (exported as a personal response until it has one), a Gorgias
macro whose text is not in the pack's locale and that has no `language` of its own, settings for a
target that is not installed. It reports, too, what the helpdesk would read otherwise than written
(a folder name Freshdesk refuses, a Gorgias tag holding a comma, a Salesforce category longer
than a Quick Text's).

A setting that is there with a value the helpdesk does not accept is `SK512` (invalid-setting).

## Why it matters
The helpdesk's import fails, or applies the macro to the wrong people. A setting two others need
(the groups of `visibility: groups`) is an error, as a wrong value is: `scriptkit check` and
`scriptkit export` stop at its line with exit code 2, and `--force` does not pass it.

## Example
```yaml
export:
  freshdesk:
    visibility: groups
```

## Use instead
```yaml
export:
  freshdesk:
    visibility: groups
    group_ids: [4001]
```

## Options
None.

## Fix safety
No automatic fix.
""",
    "SK507": """
## What it does
Reports two scripts whose exported titles would be identical in one helpdesk.

## Why it matters
Agents cannot tell the macros apart in the picker, and some helpdesks refuse the second one on
import. Titles clash where one picker shows both: a Front teammate's private template
(`teammate_id`) is judged against that teammate's other private templates and the shared and
team ones, not against another teammate's; a Front team's template (`team_id`) against that
team's, the shared and the private ones, not against another team's (a template with no
`team_id` may land in any team's workspace, and which teams a teammate is in is not known, so
those are judged against every team's); a Freshdesk shared response against the others in its
folder (Freshdesk refuses a title twice only there); a personal one against none (Freshdesk
exempts personal responses), as is one written personal until its folder's id is set, which is
judged in that folder once it is.

## Example
Two scripts both titled `"Shipping::Delayed order"`, one for email and one for chat.

## Use instead
Distinct titles (`"Shipping::Delayed order (chat)"`), or one script with both channels.

## Options
None.

## Fix safety
No automatic fix.
""",
    "SK508": """
## What it does
Reports a script with several variants (a slot written as a list) exported to a helpdesk whose
macro holds one reply and has no notes field: Freshdesk, Help Scout, Intercom, Gorgias, Front and
Salesforce. The first variant is exported; the message names the slots whose other phrasings are
not. Zendesk keeps them in the macro's description, so it is not reported there.

It reports in the same way a script's chat version, the `Chat version` alternative `scriptkit
import` writes for a Help Scout saved reply's own chat text, exported to such a helpdesk other
than Help Scout (which exports it as the saved reply's `chatText`): the reply exported is the
script's own, and the chat version is not.

It reports, too, each of a script's agent notes such a helpdesk has no place for: its
`flexibility` guidance, each alternative (at its `label`) and each condition (at its `when`), and
the template logic each blank `scriptkit import` kept a helpdesk's `{% case %}`, `{% if %}` or
`{% for %}` in stands for (its prompt). Such a blank's marker is named from the variable the
logic reads (`[[brand name]]` for `{% case ticket.brand.name %}`), not the tag (`[[case]]`).
Zendesk keeps them in the macro's description, and the CSV, JSON and playbook exports keep them,
so they are not reported there.

## Why it matters
A writer who wrote three ways to say it finds one in the helpdesk and no word of the others. An
agent who never sees "Offer the annual plan" cannot offer it.

## Example
`acknowledgment: ["I'm sorry it's late.", "Waiting all week is exhausting."]` exported to Help Scout.

## Use instead
`export: {helpscout: {variants: each}}` in pack.yaml (or one script's `export:`): each variant
becomes a saved reply of its own, titled `... (variant 2)`, and `scriptkit import` of that export
merges them back into one script with its variants. Or hand agents the playbook export, which
also lists each script's guidance, alternatives and conditions beside its reply.

## Options
The `variants` setting: `first` (the default) or `each`.

## Fix safety
No automatic fix.
""",
    "SK509": """
## What it does
Reports a script that is an internal note in Zendesk (`public: false` under `export:` and
`zendesk:`, as `scriptkit import` writes for a Zendesk macro that adds a private comment)
exported to another helpdesk, where nothing marks it as one: its text becomes a reply like any
other.

## Why it matters
Internal notes hold what the customer must not read ("VIP: check the fraud flag first"). In the
new helpdesk an agent can insert it into a reply to the customer without a warning.

## Example
A Zendesk escalation-note macro imported and exported with `--to freshdesk`.

## Use instead
Leave it out of that helpdesk in the script:

```yaml
export:
  freshdesk:
    skip: true
```

Or give it a title that says what it is (`"Internal::Escalation note"`) once you have checked
its text is safe.

## Options
None.

## Fix safety
No automatic fix.
""",
    "SK510": """
## What it does
Reports a script that another helpdesk keeps from some agents, exported to a helpdesk that has no
such setting: a Zendesk macro switched off (`active: false`) or restricted to a group or user
(`restriction`), a Freshdesk canned response that is personal or shared with some groups only
(`visibility: personal` or `groups`), a Front message template available in some inboxes only
(`inbox_ids`), an Intercom macro visible to some teams only (`visible_to: specific_teams` with
`visible_to_team_ids`), or a Salesforce Quick Text left out of its channels (`insertable: false`), as
`scriptkit import` writes them under `export:`. In the new helpdesk it
becomes a reply every agent can insert. The setting is read as export reads it: the script's own
over the pack's. Its own helpdesk keeps the setting, so exporting there is not reported.

A macro switched off is exported switched off where the helpdesk has a switch of its own, and not
reported: a Zendesk macro with `active: false` becomes a Quick Text with `IsInsertable: false` in
the Salesforce export, and a Quick Text with `insertable: false` a Zendesk macro with `active:
false`. That helpdesk's own setting, where the script or pack gives one, is written instead.

## Why it matters
A macro is switched off because it is out of date or wrong, and restricted because only some
agents should send it (VIP apologies, refunds above a limit, one brand's inbox). Migrated
silently, it is live for everyone.

## Example
A Zendesk macro with `active: false` imported and exported with `--to front`, or a Front template
with `inbox_ids: [inb_5]` exported with `--to zendesk`.

## Use instead
Leave it out of that helpdesk in the script:

```yaml
export:
  front:
    skip: true
```

In Zendesk or Salesforce you can switch it off instead (`active: false`, `insertable: false` under
that helpdesk's name). Or, if it should be in use everywhere, remove the setting (then its own
helpdesk gets it in use for all agents too); set the new helpdesk's own sharing by hand after the
import.

## Options
None.

## Fix safety
No automatic fix.
""",
    "SK511": """
## What it does
Reports, once a script, what its macro does to the ticket in another helpdesk besides the reply that
the helpdesk exported to does not do: the status it sets, its priority, the tags it adds, replaces
(Zendesk `set_tags`, `replace_tags: true`) or removes, the subject it sets, and any other action
(a group or custom status, say), as `scriptkit import` writes them under `export:` (Zendesk
`status`, `replace_tags`, `actions`; Gorgias `status`, `actions`; Front `subject`). It points at the
first such setting. A Gorgias macro's `intent`, which no other helpdesk has, is named too: it files
the macro, not the ticket, so the finding says so and suggests the intent's name in the title or tags.

Where the new helpdesk has the same action it is written there and not reported: a Zendesk
status `solved` or `open` is Gorgias's `closed` or `open` (and back), a priority `low`, `normal` or
`high` is Gorgias's `setPriority`, a subject is Gorgias's `setSubject`, a Front template's
`subject` or Zendesk's `subject` action, removed tags are Gorgias's `removeTags`. Zendesk's
`set_tags` replaces the ticket's tags, and Gorgias's `addTags` only adds them, so that is reported.
Ids of groups, custom statuses or fields are the old helpdesk's, so they are never carried over.

## Why it matters
An agent who inserts the reply trusts the macro to close the ticket, raise its priority or hand
it to billing. Migrated silently, the ticket stays open, unassigned and untagged.

## Example
A Zendesk macro that sets the status to solved and the priority to high, imported and exported
with `--to front`: Front templates set neither.

## Use instead
Set it up as a rule or automation in the new helpdesk (or tell agents to do it by hand after
sending), or leave the script out of that helpdesk:

```yaml
export:
  front:
    skip: true
```

## Options
None.

## Fix safety
No automatic fix.
""",
    "SK512": """
## What it does
Reports an export setting in `pack.yaml` or a script's `export:` block whose value the helpdesk
does not accept: a status or visibility that is not one of the helpdesk's
(with the nearest one, `solvd`: "Did you mean 'solved'?"), `yes` or `"true"` where the setting
takes true or false, a Zendesk restriction without the id of a group or user, a placeholder
mapping that is not a field name, a macro `id` that is not a whole number (or, for Help Scout,
Intercom and Salesforce, an id of theirs), one set in pack.yaml's block, which would send every
script to that one macro, or one that an earlier script already gives, as a copied script file
does.

It is bad input, not a finding: `scriptkit check` and `scriptkit export` both stop with exit
code 2 and say each wrong value at its `file:line:col`, the value given and what the setting
takes; the export writes nothing, with `--force` too. A setting of a helpdesk that is not
exported does not stop the export (a typo in the `zendesk:` block does not stop `--to csv`);
`scriptkit check` reads every helpdesk's.

## Why it matters
The helpdesk's import refuses the macro, or reads it otherwise than meant: a restriction without
ids applies the macro to everyone, and a status the macro cannot set is dropped.

## Example
```yaml
export:
  zendesk:
    status: solvd
    restriction: "support team"
```

## Use instead
```yaml
export:
  zendesk:
    status: solved
    restriction: {type: Group, ids: [360001234]}
```

## Options
None.

## Fix safety
No automatic fix.
""",
}


def export_checks() -> list[ExportCheck]:
    """Every export check, by code."""
    return [ExportCheck(code, name, severity, summary, _DOCS[code].strip())
            for code, (name, severity, summary) in sorted(EXPORT_CODES.items())]


def find(selector: str) -> ExportCheck | None:
    """An export check by code (SK503) or name (unsupported-placeholder)."""
    return next((c for c in export_checks() if selector.upper() == c.code or selector.lower() == c.name), None)
