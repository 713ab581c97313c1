"""Generic records (CSV rows, JSON/YAML objects) -> raw items, through a column mapping.

``--map title=Name,body=Text`` names the columns; fields: title, body (plain text), html (an
HTML body), id, tags, category, guidance, channel. Without a mapping the usual column names are tried
(``DEFAULTS``, then a spreadsheet's own ``SHEET_NAMES``), whatever their case, spaces, "_" or "-".
``--where inbound=False`` keeps only matching rows (e.g. a brand's own replies).
"""

from __future__ import annotations

import difflib
import html as html_lib
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from scriptkit.diagnostics import Location
from scriptkit.errors import ConfigError
from scriptkit.importers.common import (
    MAX_BODY_CHARS,
    MAX_FIELD_CHARS,
    MAX_TITLE_CHARS,
    ItemProblem,
    RawItem,
    ReadOptions,
    kept_id,
    kind_of,
    over_field_cap,
    read_as_categories,
    slashed_categories,
    tags_from,
)
from scriptkit.importers.dialects import read_filters, salesforce_fallbacks
from scriptkit.importers.html import html_tags, looks_like_html
from scriptkit.message import CHANNELS, channel_named
from scriptkit.placeholders import DEFAULT_CATALOGUE
from scriptkit.targets.salesforce import CHANNEL_VALUES, SalesforceTarget

FIELDS = ("title", "body", "html", "id", "tags", "category", "guidance", "channel")
DEFAULTS: dict[str, tuple[str, ...]] = {
    "title": ("title", "name", "subject", "label", "shortcut"),
    "body": ("body", "text", "content", "message", "reply", "response", "body_text"),
    "html": ("content_html", "body_html", "html"),
    "id": ("id", "script_id", "key", "slug", "uid"),  # (script_id: scriptkit's own CSV export)
    "tags": ("tags", "labels"),
    # (the script's category, its title's first part: 'Billing' + 'Refund sent' is 'Billing::Refund sent', as a row
    # of scriptkit's own CSV export reads; read as tags, a sheet with both columns lost its Category)
    "category": ("category", "categories", "cat", "folder"),
    "guidance": ("guidance", "use_when", "usage", "notes", "description"),
    # (a sheet's own 'platform' may say iOS or Android: read as the channel only when --map channel=platform says so)
    "channel": ("channel",),
}
#: the names a support team's spreadsheet gives its columns besides the usual ones ('Macro name', 'Reply text'): tried
#: after them, as exact names (whatever their case and spacing), never as a word among others ('Text length')
SHEET_NAMES: dict[str, tuple[str, ...]] = {
    "title": ("macro name", "macro", "macro title", "template name", "template title", "snippet name",
              "canned response", "canned response name", "response name", "reply name", "shortcut name"),
    "body": ("reply text", "reply body", "macro text", "macro body", "macro content", "response text",
             "template text", "template body", "template content", "message text", "message body", "answer",
             "canned response text", "snippet text"),
    "tags": ("tag", "label", "keywords"),
    "category": ("macro category", "macro folder", "folder name", "section"),
}


def _folded(name: str) -> str:
    """A column's name as the import compares it: 'Macro Name', 'macro_name' and ' macro-name' are one."""
    return re.sub(r"[\s_-]+", "", name.casefold())


def _name_words(name: str) -> set[str]:
    """A column's name as words, to find a usual name among others in it ('Macro text': 'macro', 'text')."""
    return set(re.findall(r"[a-z]+", name.casefold()))


def parse_mapping(text: str | None) -> dict[str, str]:
    """``title=Name,body=Text`` -> {"title": "Name", "body": "Text"}; unknown fields are errors."""
    out: dict[str, str] = {}
    for part in (text or "").split(","):
        if not part.strip():
            continue
        field, sep, column = part.partition("=")
        field = field.strip().lower()
        if not sep or not column.strip():
            raise ConfigError(f"--map entry '{part.strip()}' should look like field=column",
                              hint="For example: --map title=Name,body=Text")
        if field not in FIELDS:
            raise ConfigError(f"--map field '{field}' is not known", hint=f"Fields: {', '.join(FIELDS)}.")
        out[field] = column.strip()
    return out


def parse_where(entries: tuple[str, ...] | list[str]) -> dict[str, str]:
    out: dict[str, str] = {}
    for entry in entries:
        column, sep, value = entry.partition("=")
        if not sep or not column.strip():
            raise ConfigError(f"--where '{entry}' should look like column=value",
                              hint="For example: --where inbound=False")
        out[column.strip()] = value
    return out


def column(fields: list[str], want: str, options: ReadOptions) -> str | None:
    """The column that holds ``want``: the mapped one, or the first usual name present, whatever its case and
    spacing ('Macro Name', 'reply_text')."""
    if want in options.mapping:
        return options.mapping[want]
    folded: dict[str, str] = {}
    for f in fields:
        folded.setdefault(_folded(f), f)
    for name in (*DEFAULTS[want], *SHEET_NAMES.get(want, ())):
        if _folded(name) in folded:
            return folded[_folded(name)]
    return None


def check_columns(fields: list[str], options: ReadOptions, where: Location, what: str, unit: str = "column") -> None:
    """``unit``: what a record's names are called in the file, a CSV's columns or a JSON object's fields."""
    missing = [c for f, c in options.mapping.items() if c not in fields]
    missing += [c for c in options.where if c not in fields]
    names = ", ".join(fields[:20]) or "(none)"
    if missing:
        # (a column named as the header spells it but for case or a letter: 'Macro Text' for 'Macro text')
        folded = {f.casefold(): f for f in fields}
        close = difflib.get_close_matches(missing[0].casefold(), list(folded), n=1, cutoff=0.75)
        meant = f"Did you mean '{folded[close[0]]}'? " if close else ""
        raise ConfigError(f"{what} has no {unit} '{missing[0]}'", where, f"{meant}Its {unit}s: {names}.")
    if column(fields, "body", options) is None and column(fields, "html", options) is None:
        if "actions" in fields:  # (macros whose text is inside their actions: a helpdesk's own export)
            fmt = options.wording.fmt
            raise ConfigError(f"{what}: its items look like a helpdesk's macros, with the reply inside 'actions'",
                              where, f"Read it with {options.wording.given(fmt, 'zendesk')} or "
                                     f"{options.wording.given(fmt, 'gorgias')} (its {unit}s: {names}).")
        likely = _likely_mapping(fields, options) or {"body": unit.upper()}
        raise ConfigError(f"{what}: cannot tell which {unit} holds the reply text", where,
                          f"Name it with {options.wording.given(options.wording.mapping, likely)} ({unit}s: {names}).")


def _likely_mapping(fields: list[str], options: ReadOptions) -> dict[str, str]:
    """A mapping for a sheet whose headers hold a usual name among other words ('Macro text', 'Macro name'),
    to suggest: such a header is too loose a match to read without asking ('Text length' holds 'text')."""
    pairs: dict[str, str] = {}
    for want in ("title", "body"):
        if want == "title" and column(fields, "title", options):
            continue
        found = next((f for f in fields if _name_words(f) & set(DEFAULTS[want])), None)
        if found is not None:
            pairs[want] = found
    return pairs if "body" in pairs else {}


#: the columns a row of scriptkit's own CSV export, or a Salesforce Quick Text, is read from besides the
#: generic ones (``_own_row``, ``_quick_text``), and a record's ``channel`` (folded: Data Loader's MESSAGE)
_OWN_READ = frozenset({"script_id", "channel", "variant", "category", "name", "text", "fallbacks", "blanks",
                       "alternatives", "conditions", "scenario", "emotion"})
_QUICK_TEXT_READ = frozenset({"attributes", "message", "name", "category", "folderid", "channel", "isinsertable"})
#: a Quick Text's fields read as settings or its channel: text in every record Salesforce writes
_QUICK_TEXT_SETTINGS = frozenset({"category", "folderid", "channel"})


@dataclass
class FileNote(ItemProblem):
    """A note on the file as a whole, not on an item (its columns the import does not read): written once,
    into pack.yaml's header, where a reader of the pack finds it, and shown with the import's summary.
    An ItemProblem by type only, so that a reader that passes on the CSV reader's items (Salesforce's)
    passes it on too; ``import_library`` takes it out before it looks for problems."""


def unread_note(where: Location, file_name: str, unread: list[str], options: ReadOptions,
                unit: str = "column") -> FileNote:
    """The note that names a file's columns (a JSON object's fields) no record is read from, once for the file."""
    listed = ", ".join(f"'{c}'" for c in unread)
    return FileNote(where, file_name,
                    f"{file_name}'s {unit}(s) {listed} are not read, for any {'row' if unit == 'column' else 'item'}: "
                    f"their {'cells' if unit == 'column' else 'values'} are not in the pack ({options.wording.mapping} "
                    f"names a {unit} that holds the title, body, html, id, tags, category, guidance or channel)")


def made_titles_note(where: Location, file_name: str, fields: list[str], options: ReadOptions,
                     unit: str = "column") -> FileNote | None:
    """The note, once for the file, that no column holds the titles, so each was made from the reply's first
    words; with the mapping to give where a column may hold them ('Snippet'). None where a column is read as the
    title (or the file is scriptkit's own export or Salesforce's Quick Texts, read by their own columns)."""
    if column(fields, "title", options) is not None or (not options.mapping and set(fields) >= OWN_COLUMNS):
        return None
    unread = unread_columns(fields, options)
    # (a name holding a title's word among others, 'Macro label', before any other column no row is read from)
    named = [f for f in unread if _name_words(f) & {*DEFAULTS["title"], "macro"}]
    guess = (named or unread or [unit.upper()])[0]
    mapping = {**options.mapping, "title": guess}
    where_from = f"if '{guess}' holds them" if named or unread else f"name the {unit} that holds them"
    return FileNote(where, file_name,
                    f"{file_name} has no {unit} scriptkit reads as the title (such as Title, Name or Macro name), so "
                    f"each script's title was made from its reply's first words: {where_from}, import it again "
                    f"with {options.wording.given(options.wording.mapping, mapping)}")


def unread_columns(fields: list[str], options: ReadOptions) -> list[str]:
    """The named columns no row is read from: said once for the file, as a helpdesk's import names the
    fields it leaves out."""
    read = {column(fields, f, options) for f in FIELDS} | set(options.where)
    if not options.mapping:
        read |= _OWN_READ if set(fields) >= OWN_COLUMNS else set()
        folded = {f.casefold() for f in fields}
        if "message" in folded and {"folderid", "isinsertable", "developername"} & folded:
            read |= _QUICK_TEXT_READ
    return [f for f in dict.fromkeys(fields) if f.strip() and f not in read and f.casefold() not in read]


#: the columns of scriptkit's own CSV export (targets/csvfile.py) that say a row is one of its rows
OWN_COLUMNS = frozenset({"script_id", "channel", "variant", "category", "name", "text", "fallbacks"})
_OWN_ID = re.compile(r"[a-z0-9][a-z0-9._-]*")


def _spelled(value: object) -> str:
    """A JSON or YAML scalar as the file spells it: true, false, 1.5, text as it is (not Python's True)."""
    return ("true" if value else "false") if isinstance(value, bool) else "" if value is None else str(value)


def from_record(record: Mapping[str, Any], index: int, where: Location, options: ReadOptions,
                what: str = "row", first_channels: dict[str, str] | None = None) -> RawItem | ItemProblem | None:
    """One record as a raw item; None when --where filters it out.

    ``first_channels`` (one dict for the whole file) makes a row of scriptkit's own CSV export read
    back as the export wrote it: see ``_own_row``."""
    fields = [str(k) for k in record]
    for wanted_col, wanted in options.where.items():
        value = record.get(wanted_col, "")
        if wanted != _spelled(value) and wanted != str(value):  # ('active=true' for JSON's true; 'True' as before)
            return None
    cols = {f: column(fields, f, options) for f in FIELDS}
    ident = record.get(cols["id"]) if cols["id"] else None
    key = _spelled(ident) if isinstance(ident, (str, int)) and str(ident).strip() else f"{what} {index + 1}"
    raw_title = record.get(cols["title"]) if cols["title"] else None
    title = _spelled(raw_title) if isinstance(raw_title, (str, int, float)) and str(raw_title).strip() else ""
    name = f"{key} {title!r}" if title else key
    quick_text = _quick_text(record) if not options.mapping else None
    # (a number is read as text from a file someone wrote (YAML's 'title: 2024'); a Quick Text record is Salesforce's
    # own, which writes every Name and Message as text, so a number there is damage, refused as every helpdesk's is)
    scalars: tuple[type, ...] = (str,) if quick_text is not None else (str, int, float)
    # (a list, object or tagged title was dropped unsaid, the title made from the body's first words instead)
    if raw_title is not None and not isinstance(raw_title, scalars):
        return ItemProblem(where, key, f"'{cols['title']}' should be text but is {kind_of(raw_title)}")
    if quick_text is not None:  # (its picklists and folder too: a number there was dropped without a word)
        damaged = next((f for f in fields if f.casefold() in _QUICK_TEXT_SETTINGS
                        and record[f] is not None and not isinstance(record[f], str)), None)
        if damaged is not None:
            return ItemProblem(where, name, f"'{damaged}' should be text but is {kind_of(record[damaged])}")
    values: dict[str, str] = {}
    for f in ("body", "html", "guidance"):
        name_of = cols[f]
        value = record.get(name_of) if name_of else None
        if value is None:
            values[f] = ""
        elif isinstance(value, scalars):
            values[f] = _spelled(value)
        else:
            return ItemProblem(where, name, f"'{name_of}' should be text but is {kind_of(value)}")
        # (a reply's text is measured once it is read, reply_too_long: an HTML cell's pasted styles are not its text)
        if f != "guidance" and len(values[f]) > MAX_FIELD_CHARS:
            return ItemProblem(where, name, over_field_cap(str(name_of), len(values[f])))
        if f == "guidance" and len(values[f]) > MAX_BODY_CHARS:
            return ItemProblem(where, name, f"'{name_of}' is {len(values[f]):,} characters; the limit is "
                                            f"{MAX_BODY_CHARS:,}")
    if len(title) > MAX_TITLE_CHARS:
        return ItemProblem(where, name, f"the title is {len(title):,} characters; the limit is {MAX_TITLE_CHARS:,}")
    body, html = (values["html"], True) if values["html"].strip() else (values["body"], False)
    if not body.strip():
        return ItemProblem(where, name, "has no reply text; skipped", skipped=True)
    # (a row of scriptkit's own CSV export is in the pack's notation, where a tag is text the writer typed, 'press
    # <b>Ctrl</b>': read as HTML it lost its paragraphs, its fallbacks and its id, and its tags unsaid)
    own_sheet = first_channels is not None and not options.mapping and set(fields) >= OWN_COLUMNS
    settings, notes, unused = quick_text or ({}, [], "")
    if not html and not own_sheet and looks_like_html(body):
        if quick_text is None:
            html = True
        else:  # (a Quick Text's Message is plain text, which Salesforce shows as typed: read as HTML it lost its
            # tags and paragraphs unsaid, and its export then wrote another Message)
            notes = [*notes, f"its Message is plain text, so its tags ({', '.join(html_tags(body))}) are kept as "
                             "written: take them out if they were meant as formatting"]
    if quick_text is not None:  # (said where it is read: the pack keeps it, the Salesforce export cannot write it)
        notes = [*notes, *(f"{whole!r} is read with its fallback \"{value}\", which other helpdesks' exports keep; "
                           "Quick Text documents no BLANKVALUE (nor other formula) in a merge field, so exported back "
                           f"to Salesforce it is {{!{field}}} alone (SK504): check the reply reads well without it"
                           for whole, field, value in salesforce_fallbacks(body))]
    tags = tags_from(record.get(cols["tags"])) if cols["tags"] else []
    if quick_text is not None and cols["tags"] is None:
        # (a Category is one picklist value, 'Order Issues': one tag, not one a word, which every other helpdesk's
        # export then carried as tags of their own)
        tags = [settings["category"]] if "category" in settings else []
    own = own_sheet and not html
    # (--bodies markdown: a plain body as a Markdown library's reply is read; scriptkit's own CSV export's row is
    # in the pack's notation already, and an HTML body is read as HTML)
    markdown = options.bodies == "markdown" and not html and not own
    # (a Quick Text's Category is its picklist's, read above, as is a sheet of a Quick Text's Name, Message and Category
    # alone (one tag, as the Salesforce guide has it); scriptkit's own row's, with its name, in _own_row)
    quick_text_sheet = quick_text is None and not options.mapping and cols["tags"] is None and {
        "name", "message", "category"} <= {f.casefold() for f in fields}
    if quick_text_sheet and cols["category"] and (picked := _spelled(record.get(cols["category"])).strip()):
        tags = [" ".join(picked.split())]  # (one picklist value, 'Order Issues', as a Quick Text's is)
    category = record.get(cols["category"]) if cols["category"] and quick_text is None and not own_sheet \
        and not quick_text_sheet else None
    category = " ".join(_spelled(category).split()) if isinstance(category, (str, int, float)) else ""
    if not html and not own and not markdown and quick_text is None:
        body, title, category = _html_escaped(body), _html_escaped(title), _html_escaped(category)
    if markdown:
        from scriptkit.importers.markdown import markdown_reply

        body, about = markdown_reply(body)
        notes = [*notes, *about]
    if options.dialect is None and quick_text is None and not own:
        notes = list(notes)  # (a Quick Text's own list is not added to)
        body = _mail_merge(body, notes)
    made_title = not title
    title = title or _title_from(body)
    if category:  # ('Billing / Cards' + 'Refund sent': 'Billing::Cards::Refund sent', as scriptkit's CSV export wrote)
        title = f"{slashed_categories(category)}::{title}"
    item = RawItem(key=key, title=title, body=body, location=where, html=html, made_title=made_title,
                   dialect=options.dialect or ("salesforce" if quick_text else "generic"), tags=tags,
                   guidance=values["guidance"], settings=settings, notes=notes, unused=unused, pack_text=markdown,
                   export_id=str(ident) if ident is not None and key == str(ident) else None)
    said = record.get(cols["channel"]) if cols["channel"] else None
    if isinstance(said, str) and said.strip():
        _read_channel(item, said.strip(), "its Channel in Salesforce" if quick_text else "its channel",
                      several=item.dialect == "salesforce")
    if own and first_channels is not None:
        _own_row(item, record, first_channels)
    if not item.script_id and isinstance(ident, str) and re.search(r"[A-Za-z]", ident):
        _own_script_id(item, ident.strip(), str(cols["id"]))
    if item.dialect == "salesforce":
        _own_quick_text(item)
    return item


def _own_script_id(item: RawItem, ident: str, column_name: str) -> None:
    """The record's id as its script's id, as written: a pack kept in a sheet or JSONL file names its scripts
    so (a helpdesk's number is its export id only). One no file can be named by everywhere ('a/b', 'CON') is
    said, and the id made from the title instead."""
    from scriptkit.models import id_file_problem, is_script_id  # (pydantic: not for `import --help`'s formats list)

    problem = None if is_script_id(ident) else "is not a script id (lower-case letters, digits, '.', '_' and '-')"
    problem = problem or id_file_problem(ident)
    if problem is None:
        item.script_id = ident
    else:  # (id_file_problem's reason, "the id 'late.' ends in a dot ...", said of the column's value)
        reason = problem.removeprefix(f"the id {ident!r} ").removeprefix("the id ")
        item.notes.append(f"its {column_name} {ident[:80]!r} {reason}: the script's id is made from its title instead")


# The entities an HTML-escaped plain text holds (a tweet's text from the platform's API: "Sorry &amp; thanks",
# "&lt;3"): plain text that means "&amp;" literally is rare, and sent as is it reads as a glitch to the customer.
# (Not a Quick Text's Message, which Salesforce shows as typed, nor Markdown, whose reader decodes its own.)
_ESCAPED = re.compile(r"&(?:amp|lt|gt|quot|apos|#39|#x27);")
#: what escaped text never holds: a '<' or '>', or an '&' that begins none of its entities ('Q&A', '&nbsp;'):
#: beside one, an '&amp;' is what the customer is sent (SK007's to report), not the export's escaping
_UNESCAPED = re.compile(r"[<>]|&(?!(?:amp|lt|gt|quot|apos|#39|#x27);)")


def _html_escaped(text: str) -> str:
    """``text`` with the entities of HTML-escaped plain text decoded, when it has any and is escaped throughout."""
    return html_lib.unescape(text) if _ESCAPED.search(text) and not _UNESCAPED.search(text) else text


def _own_quick_text(item: RawItem) -> None:
    """A Quick Text as scriptkit's Salesforce export writes one: its Name the title's categories joined by " / ",
    the first of them its Category ('Returns / Size swap', Category 'Returns'), read back as 'Returns::Size swap';
    and a channel's record besides the script's own, its Name ending in its Channel ('... (chat)', Channel 'Chat'),
    marked to merge back into the script of that title (importers.channels). Any other Name is left as written."""
    category = item.settings.get("category")
    if not isinstance(category, str) or not category.strip() or not item.title.startswith(f"{category.strip()} / "):
        return
    read_as_categories(item, f"it starts with its Category, '{category.strip()}', as scriptkit's Salesforce export "
                             "writes a script's categories")
    item.settings.pop("category")  # (the title's first category: the export writes it back as the Category)
    # (so no tag of the script's: Quick Text carries none, and the Category read as one stood in for them)
    item.tags = [tag for tag in item.tags if tag != category.strip()]
    suffix = f" ({item.channel})"
    if item.channel and not item.more_channels and item.title.endswith(suffix):
        item.channel_of = item.title.removesuffix(suffix)


#: a Quick Text's Channel as the Salesforce export writes it (its picklist values), read back
_SALESFORCE_CHANNELS = {value.casefold(): channel for channel, value in CHANNEL_VALUES.items()}


def _read_channel(item: RawItem, said: str, what: str, several: bool = False) -> None:
    """The record's channel column (Salesforce's picklist may hold several: 'Email;Chat'): the first
    channel scriptkit knows is the script's; any other is named in the notes, never dropped unsaid.
    With ``several`` (a Quick Text), a Channel whose values scriptkit all knows gives the script each of
    them (``more_channels``), which the Salesforce export writes back as one Quick Text: read from the
    record itself, so a record without an Id (scriptkit's own export, a Data Loader sheet) keeps them."""
    parts = [part.strip() for part in said.split(";") if part.strip()]
    # (a word for a channel is read as a pack's check reads it: 'platform': twitter is social, whose limits a tweet
    # is judged by; read as no channel, a 20-word reply was told an email reads best at 50-125 words)
    known = [_SALESFORCE_CHANNELS.get(p.casefold()) or channel_named(p) or "" for p in parts]
    item.channel = next((channel for channel in known if channel), "")
    others = [c or p for p, c in zip(parts, known, strict=True) if not c or c != item.channel]
    if several and item.channel and all(c not in CHANNEL_VALUES for c in known if c):
        # ('Phone' alone: a script for phone, which no helpdesk export carries, left out of it unsaid)
        carried = ", ".join(CHANNEL_VALUES)
        item.notes.append(f"{what} is '{said}': the script is for {item.channel}, which the Salesforce export "
                          f"leaves out (it writes Quick Texts for {carried}; the playbook export keeps it): "
                          "add a channel it writes under the script's channels to export it back to Salesforce")
    if not others:
        return
    if several and all(known):
        item.more_channels = list(dict.fromkeys(others))
        channels = list(dict.fromkeys(known))
        written = ";".join(CHANNEL_VALUES[c] for c in channels if c in CHANNEL_VALUES)
        left = [c for c in channels if c not in CHANNEL_VALUES]  # ('Phone': no Quick Text channel the export writes)
        item.notes.append(f"{what} is '{said}': the script is for {' and '.join(channels)}, and the Salesforce "
                          f"export writes it back as one Quick Text with Channel '{written}'"
                          + (f" ({' and '.join(left)} left out: the Salesforce export has no such Quick Text channel)"
                             if left else ""))
        return
    if item.channel:
        item.notes.append(f"{what} is '{said}': the script is for {item.channel}, so add "
                          f"{', '.join(map(repr, others))} under its channels if it is sent there too")
    else:
        item.notes.append(f"{what} is '{said}', which is no scriptkit channel ({', '.join(CHANNELS)}): the "
                          "script is for the pack's channel, so set its channels if another fits")


def _own_row(item: RawItem, record: Mapping[str, Any], first_channels: dict[str, str]) -> None:
    """A row of scriptkit's own CSV export, read as that export wrote it: its title is the category
    and the name (``Orders / Delivery`` + ``Late`` -> ``Orders::Delivery::Late``), its placeholders take
    the ``fallbacks`` column's fallbacks and its blanks the ``blanks`` column's prompts, each entry of the
    ``alternatives`` and ``conditions`` columns an alternative and a condition again, and the script keeps its
    id. A row of another channel or variant is
    titled as a helpdesk export titles it (``Late (chat)``, ``Late (variant 2)``), so variants merge
    back into their script (importers/variants.py), and another channel's row merges into the script its
    script_id names as that channel's text (importers/channels.py)."""
    script_id, channel = str(record.get("script_id") or "").strip(), str(record.get("channel") or "").strip()
    variant = str(record.get("variant") or "1").strip()
    category, name = str(record.get("category") or "").strip(), str(record.get("name") or "").strip()
    if name:
        item.title = "::".join(part for part in (slashed_categories(category), name) if part)
    first = first_channels.setdefault(script_id, channel)
    suffix = [channel] if channel and channel != first else []
    if variant.isdigit() and int(variant) > 1:
        suffix.append(f"variant {variant}")
    if suffix:
        item.title += f" ({', '.join(suffix)})"
    if _OWN_ID.fullmatch(script_id):
        # each row its own key, as the export's file stems name them, so rows of one script are not
        # reported as items sharing one id
        item.key = "-".join([script_id, *(s.replace(" ", "-") for s in suffix)])
        item.export_id = None
        if not (variant.isdigit() and int(variant) > 1):
            item.script_id = item.key
            if channel and channel != first and item.channel == channel:
                # another channel's text of the script its script_id names: merged back into it as that
                # channel's text (importers.channels), as a Gorgias or Quick Text channel record is
                item.channel_of = script_id
    item.pack_text = True  # (the export writes a script's text as the pack does: '[text](address)' a link)
    item.pack_placeholders = True
    item.scenario = " ".join(str(record.get("scenario") or "").split())
    item.emotion = " ".join(str(record.get("emotion") or "").split())
    for blank, prompt in _entries(str(record.get("blanks") or "")):
        prompt, _, example = prompt.partition("\nexample: ")
        if prompt.strip():
            item.prompts["[[" + blank.strip() + "]]"] = prompt.strip()
        if example.strip():
            item.examples["[[" + blank.strip() + "]]"] = example.strip()
    from scriptkit.rendering import CONDITION_PREFIX  # (not at import: `scriptkit import --help` loads no renderer)

    declared = {spelled[2:-2] for spelled in item.prompts}
    alternatives = [(label, _legacy_words(text, declared, f"its alternative {label!r}", item.notes))
                    for label, text in _entries(str(record.get("alternatives") or ""))]
    conditions = [(when.removeprefix(CONDITION_PREFIX), _legacy_words(text, declared, f"its condition {when!r}",
                                                                      item.notes))
                  for when, text in _entries(str(record.get("conditions") or ""))]
    # (an alternative's and a condition's placeholders take their fallbacks after the text's, in the column's order)
    item.body, *texts = _with_fallbacks([item.body, *(t for _, t in (*alternatives, *conditions))],
                                        str(record.get("fallbacks") or ""), item.notes)
    written, added = texts[:len(alternatives)], texts[len(alternatives):]
    item.alternatives = [(label, text, False) for (label, _), text in zip(alternatives, written, strict=True)]
    item.conditions = [(when, text, False) for (when, _), text in zip(conditions, added, strict=True)]


def _quick_text(record: Mapping[str, Any]) -> tuple[dict[str, Any], list[str], str] | None:
    """A Salesforce Quick Text record's settings for the Salesforce export, its notes, and "not
    insertable" where it is kept from the agents (None for any other record): a REST query's record
    says its type; a Data Loader sheet has Message and the object's own columns. Its merge fields
    are then Salesforce's own ({!Asset.Name} stays one)."""
    typed = record.get("attributes")
    # (Data Loader may write the API names in capitals: MESSAGE, FOLDERID)
    record = {str(k).casefold(): v for k, v in record.items()}
    if not ((isinstance(typed, Mapping) and typed.get("type") == "QuickText")
            or ("message" in record and {"folderid", "isinsertable", "developername"} & set(record))):
        # (a hand-made sheet may well have 'message' and 'channel' columns: only the object's own
        # columns say Quick Text, and with it Salesforce's {!...} merge fields instead of {{...}})
        return None
    settings: dict[str, Any] = {}
    notes: list[str] = []
    category, folder = record.get("category"), record.get("folderid")
    if isinstance(category, str) and category.strip():
        settings["category"] = category.strip()  # (its first word would be the title's otherwise)
    if isinstance(folder, str) and folder.strip():
        settings["folder_id"] = folder.strip()
    if (ident := kept_id(SalesforceTarget, record.get("id"))) is not None:
        settings["id"] = ident  # exported back as its Id: its file updates this Quick Text, not a copy of it
    unused = "not insertable" if str(record.get("isinsertable", "")).strip().casefold() in ("false", "0") else ""
    if unused:
        # (a setting, as Zendesk's active: false is: the Salesforce export writes it back, updated or created, and
        # another helpdesk's export, which has none, says the macro is in use for every agent there, SK510)
        settings["insertable"] = False
        notes.append("not included in its channels in Salesforce (IsInsertable false): kept as insertable: false, "
                     "which the Salesforce export writes back; another helpdesk's export has no such setting")
    return settings, notes, unused


def _with_fallbacks(texts: list[str], column: str, notes: list[str]) -> list[str]:
    """``texts`` (the reply's, then each alternative's and condition's) with the ``fallbacks`` column's fallbacks
    on their bare ``{{name}}``: a single ``name=fallback`` for every place of the name, else a line per place in
    the order of the texts (``name`` alone: none there), as scriptkit's CSV export writes them."""
    listed: dict[str, list[str | None]] = {}
    for line in column.splitlines():
        name, sep, fallback = line.partition("=")
        if name.strip():
            listed.setdefault(name.strip(), []).append(fallback if sep else None)
    for name, fallbacks in listed.items():
        # (a hand-edited sheet writes "{{ customer.first_name }}": the same place)
        bare = re.compile(r"\{\{\s*" + re.escape(name) + r"\s*\}\}")
        split = [bare.split(text) for text in texts]
        count = sum(len(parts) - 1 for parts in split)
        if count == 0:
            if any(fallback is not None for fallback in fallbacks):
                notes.append(f"the 'fallbacks' column gives {name} a fallback, but the text has no {{{{{name}}}}} "
                             "to put it on: it is left out, so add it where the text names it")
            continue
        if len(fallbacks) > 1 and count != len(fallbacks):
            notes.append(f"the 'fallbacks' column gives {name} {len(fallbacks)} fallback(s) for its {count} "
                         "place(s) in the text: it is kept without them, so add them again")
            continue
        spelled = iter([_fallback(name, fallbacks[min(i, len(fallbacks) - 1)]) for i in range(count)])
        texts = [parts[0] + "".join(next(spelled) + p for p in parts[1:]) for parts in split]
    return texts


def _entries(cell: str) -> list[tuple[str, str]]:
    """The ``label: text`` entries of a column of scriptkit's CSV export (``alternatives``, ``conditions``,
    ``blanks``): an entry starts at a line that is not indented and holds ``: `` (after its label's closing
    quote where the label is quoted, ``"Refund: partial": ...``); any other line is the entry's text going on,
    its two spaces of indent taken off. (An export before the indent wrote a text's further lines as they
    were: such a line holding no ``: `` is read as going on too.)"""
    out: list[tuple[str, str]] = []
    for line in cell.replace("\r\n", "\n").split("\n"):  # (a sheet saved on Windows ends its cells' lines so)
        head = None if line[:1].isspace() or not line.strip() else _entry_head(line)
        if head is not None or not out:
            out.append(head or (line.strip(), ""))
        else:
            label, text = out[-1]
            out[-1] = (label, f"{text}\n{line.removeprefix('  ')}")
    return [(label, text.strip()) for label, text in out if label or text.strip()]


def _entry_head(line: str) -> tuple[str, str] | None:
    """``(label, text)`` of an entry's first line, None where the line starts none."""
    if line.startswith('"'):
        quoted = _QUOTED_LABEL.match(line)
        if quoted is not None:
            return quoted[1].replace('""', '"'), line[quoted.end():]
    label, sep, text = line.partition(": ")
    return (label.strip(), text) if sep else None


_QUOTED_LABEL = re.compile(r'"((?:[^"]|"")*)": ')
#: a placeholder as an export before scriptkit wrote them in the notes, in words ('{customer's first name, or
#: "there"}'), and a blank as its marker ('[[new date]]')
IN_WORDS = re.compile(r'(?<!\{)\{([^{}\n]{1,200})\}(?!\})')
WORDS_FALLBACK = re.compile(r'(?P<words>.*?)(?:, or (?:"(?P<fallback>[^"\n]*)"|(?P<nothing>nothing)))?')
_MARKER = re.compile(r"\[\[([a-z][a-z0-9 ]{0,100})\]\]")


def _legacy_words(text: str, declared: set[str], what: str, notes: list[str]) -> str:
    """An alternative's or condition's text as an export before this one wrote it, in the ``text`` column's
    notation: a blank's marker (``[[new date]]``) its ``[[new_date]]``, a built-in placeholder in words its
    ``{{name}}``; one in words that is no built-in's (a pack's own) is read as the text has it, and said."""
    text = _MARKER.sub(lambda m: f"[[{n}]]" if (n := m[1].replace(" ", "_")) in declared else m[0], text)
    unknown: list[str] = []

    def placeholder(m: re.Match[str]) -> str:
        said = WORDS_FALLBACK.fullmatch(m[1])
        name = built_in_words().get(said["words"]) if said is not None else None
        if said is None or name is None:
            if " " in m[1]:  # (words: a name in words has a space for its dot; '{x}' is text as written)
                unknown.append(m[0])
            return m[0]
        fallback = "" if said["nothing"] else said["fallback"]
        return _fallback(name, fallback)

    text = IN_WORDS.sub(placeholder, text) if "{" in text else text
    if unknown:
        notes.append(f"{what} names {', '.join(map(repr, unknown[:3]))} in words, as scriptkit's CSV export wrote a "
                     "placeholder before it wrote {{name}}: which placeholder cannot be told from the sheet, so "
                     "write it as the one it stands for ({{ namespace.field }})")
    return text


@cache
def built_in_words() -> dict[str, str]:
    """A built-in placeholder's words, as ``placeholder_words`` writes them, -> its name."""
    from scriptkit.message import Placeholder
    from scriptkit.targets.base import placeholder_words

    return {placeholder_words(Placeholder(spec.name, "")): spec.name for spec in DEFAULT_CATALOGUE}


def _fallback(name: str, fallback: str | None) -> str:
    if fallback is None:
        return "{{" + name + "}}"
    quote = "'" if '"' in fallback else '"'
    return "{{" + f"{name}|fallback:{quote}{fallback}{quote}" + "}}"


#: a mail merge's names for the recipient, as a sheet's replies write them ('Hi {{first_name}},'): in a generic file a
#: bare name could be anyone's, but these are the customer's wherever a sheet is merged (Sheets, Word, Mailchimp)
_MAIL_MERGE = {"first_name": "customer.first_name", "firstname": "customer.first_name",
               "last_name": "customer.last_name", "lastname": "customer.last_name",
               "full_name": "customer.full_name", "fullname": "customer.full_name", "email": "customer.email"}
# (a Sheets column's name is the field's, spaces and capitals too: '{{First Name}}')
_MERGE_FIELD = re.compile(r"\{\{\s*(?P<name>[A-Za-z_](?:[A-Za-z_ ]*[A-Za-z_])?)\s*(?P<filters>\|[^{}\n]*)?\}\}")


def _merge_key(name: str) -> str:
    """A mail-merge field's name as it is looked up: 'First Name', 'first_name' and 'FirstName' alike."""
    return name.casefold().replace(" ", "").replace("_", "")


_MAIL_MERGE_KEYS = {_merge_key(name): canonical for name, canonical in _MAIL_MERGE.items()}


def _mail_merge(body: str, notes: list[str]) -> str:
    """``body`` with its mail-merge names read as the customer's placeholders ({{first_name}} as
    {{customer.first_name}}, its fallback kept), each said once in ``notes``: kept as they were, they became
    blanks, and the customer was sent the name as written."""
    read: dict[str, str] = {}
    kept: list[str] = []

    def placeholder(m: re.Match[str]) -> str:
        canonical = _MAIL_MERGE_KEYS.get(_merge_key(m["name"]))
        if canonical is None or (m["filters"] and read_filters(m["filters"].rstrip()) is None):
            # (a name with a space is no placeholder's: the customer would get it as written; a filter not read,
            # '{{first_name|there}}', stays as the sheet wrote it, a blank whose prompt shows it)
            if " " in m["name"] and m[0] not in kept:
                kept.append(m[0])
            return m[0]
        read.setdefault(m[0], canonical)
        return "{{" + canonical + (m["filters"] or "") + "}}"

    body = _MERGE_FIELD.sub(placeholder, body) if "{{" in body else body
    notes.extend(f"its {spelled} is read as {{{{ {canonical} }}}}, as a mail merge fills it in with the customer's "
                 "details: if it meant someone else's, change it in the script" for spelled, canonical in read.items())
    notes.extend(f"its {spelled} is kept as text, the customer gets it as written: no placeholder is named so; write "
                 "it as the one it stands for ({{ namespace.field }}), or write the words" for spelled in kept)
    return body


def _title_from(body: str) -> str:
    words = body.split()
    return " ".join(words[:8]) + ("…" if len(words) > 8 else "")
