"""One CSV row per script, channel and variant, for spreadsheets and reviews."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from scriptkit.message import AgentNote, Blank, Message, Placeholder, plain_text
from scriptkit.targets.base import (
    BaseTarget,
    Limits,
    Payload,
    Rendered,
    blanks_of,
    catalogue_of,
    categories,
    human_text,
)

COLUMNS = ("script_id", "channel", "variant", "category", "name", "scenario", "emotion", "tags", "text",
           "fallbacks", "blanks", "guidance", "alternatives", "conditions")


class CsvTarget(BaseTarget):
    name = "csv"
    summary = "a CSV table: one row per script, channel and variant"
    units = ("row", "rows")
    channels = ("email", "chat", "sms", "phone", "social")
    variants = "all"
    keeps_notes = True  # (its guidance, alternatives and conditions columns: no SK508 for them)
    limits = Limits()
    readme = """
# scriptkit CSV

`scripts.csv` (UTF-8 with a byte order mark, so Excel reads its accents and emoji right;
comma-separated, each record ending in CRLF, RFC 4180 quoting) has one row per script, channel and
variant. `text` is the customer-facing reply with placeholders as `{{customer.first_name}}` and blanks as `[[name]]`;
`fallbacks` lists `name=fallback` pairs (a placeholder whose places differ has a line per place
in the order of the text, then of the alternatives and conditions, `name` alone where it has none);
`blanks` lists `name: prompt`, with an indented `example: ...` line under it where the blank has one.
Guidance, alternatives and conditions are for the agent only. `alternatives` has an entry per
alternative, `label: text`, and `conditions` one per condition, `If when: text`, their text written
as `text` writes it; a text's further lines are indented by two spaces, and a label holding `: `
is in double quotes (`"Refund: partial": ...`, a quote in it doubled), so that `scriptkit import`
tells each entry and its placeholders and blanks apart.

A cell that starts with `=`, `+`, `-`, `@`, a tab, a carriage return or a NUL is written with a
`'` in front of it, so a spreadsheet shows it as text and never runs it as a formula (OWASP's
advice against CSV injection); so is a cell that starts with `'` itself, so the guard can be told
from the text. `scriptkit import` of this file takes the one `'` off again: the text comes back as
it was.
"""

    def render(self, message: Message) -> Payload:
        cats, name = categories(message.title)
        # (an alternative's and a condition's placeholders too, after the text's: written as the text writes
        # them, {{name}}, they take their fallbacks from this column as the text's do)
        sent = [n for n in message.notes if n.kind != "guidance"]
        places: dict[str, list[str | None]] = {}
        for s in (*message.segments, *(s for n in sent for s in n.segments)):
            if isinstance(s, Placeholder):
                places.setdefault(s.name, []).append(s.fallback)

        catalogue = catalogue_of(message)
        guidance = "\n".join(human_text(n.segments, catalogue) for n in message.notes if n.kind == "guidance")

        return {
            "script_id": message.script_id, "channel": message.channel, "variant": str(message.variant + 1),
            "category": " / ".join(cats), "name": name, "scenario": str(message.meta.get("scenario", "")),
            "emotion": str(message.meta.get("emotion", "")),
            # (comma-separated: a tag may hold a space, 'late delivery', and the import splits at commas)
            "tags": ", ".join(str(t) for t in message.meta.get("tags", ())),  # type: ignore[attr-defined]
            "text": message.text,
            "fallbacks": "\n".join(_fallback_lines(places)),
            # (the text's and those only the row's alternatives or conditions hold)
            "blanks": "\n".join(map(_blank_entry, blanks_of(message))),
            "guidance": guidance,
            **{f"{kind}s": "\n".join(note_entry(n) for n in sent if n.kind == kind)
               for kind in ("alternative", "condition")},
        }

    def measure(self, payload: Payload) -> tuple[str, str]:
        return str(payload["name"]), str(payload["text"])

    def files(self, rendered: Sequence[Rendered]) -> dict[str, bytes]:
        buf = io.StringIO()
        # (CRLF between records, as RFC 4180 and Excel write them; a cell's own line breaks stay "\n", as Excel's)
        writer = csv.DictWriter(buf, fieldnames=COLUMNS, lineterminator="\r\n")
        writer.writeheader()
        for r in rendered:
            writer.writerow({key: guard_cell(str(value)) for key, value in r.payload.items()})
        # with a byte order mark: Excel opening the file by double-click reads UTF-8 only with one
        # ('CafÃ©' otherwise); scriptkit's own import reads it as utf-8-sig
        return {"csv/scripts.csv": buf.getvalue().encode("utf-8-sig"), **self.readme_file()}


#: what a spreadsheet takes for the start of a formula (OWASP, CSV injection; OWASP ASVS adds a NUL), and the
#: guard's own quote
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\0", "'")


def guard_cell(text: str) -> str:
    """``text`` as a spreadsheet shows it, never runs it: a ``'`` before a cell that starts a formula, and
    before one that starts with ``'`` (so every cell that starts with one holds the guard)."""
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def unguard_cell(text: str) -> str:
    """A cell of this export as it was before ``guard_cell``: its first ``'`` taken off, where one is
    the guard (before what ``guard_cell`` guards), so "'Tis the season" from an export made before the
    guard, or edited by hand, keeps its quote."""
    return text[1:] if text.startswith("'") and text[1:].startswith(_FORMULA_STARTS) else text


def note_entry(note: AgentNote) -> str:
    """An alternative or condition as its column writes it: ``label: text``, the text as the ``text`` column
    writes the reply's (``{{name}}``, ``[[blank]]``), its further lines indented by two spaces (so a line of
    the text is never read as the next entry), and the label in double quotes where it holds ``: `` or
    starts with one (a quote in it doubled, as a CSV cell writes one)."""
    label = note.label
    if ": " in label or label.startswith('"'):
        label = '"' + label.replace('"', '""') + '"'
    return f"{label}: " + indented(plain_text(note.segments).strip())


def _blank_entry(blank: Blank) -> str:
    """``name: prompt``, and ``  example: ...`` under it where the blank has one."""
    example = f"\n  example: {indented(blank.example)}" if blank.example is not None else ""
    return f"{blank.name}: {indented(blank.prompt)}{example}"


def indented(text: str) -> str:
    """``text``'s lines after the first indented by two spaces (an empty line left empty)."""
    return "\n".join(line and "  " + line if i else line for i, line in enumerate(text.split("\n")))


def _fallback_lines(places: dict[str, list[str | None]]) -> list[str]:
    """``name=fallback`` once for a placeholder with one fallback wherever it stands; one line per place,
    in the order of the text, for one whose places differ (``name`` alone where it has none), so the
    import puts each fallback back where it was."""
    lines: list[str] = []
    for name, fallbacks in places.items():
        if all(f is None for f in fallbacks):
            continue
        if len(set(fallbacks)) == 1:
            lines.append(f"{name}={fallbacks[0]}")
        else:
            lines += [name if f is None else f"{name}={f}" for f in fallbacks]
    return lines


def target() -> CsvTarget:
    return CsvTarget()
