"""``scriptkit import``: a helpdesk export (or CSV/JSONL/...) -> a pack a team can improve."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import click

from scriptkit.cli.options import LazyChoice, no_dash, one_line
from scriptkit.cli.output import console, stages, writing
from scriptkit.diagnostics import Location
from scriptkit.message import CHANNELS

if TYPE_CHECKING:
    from scriptkit.importers import Library


def _formats() -> list[str]:
    from scriptkit.importers import FORMATS

    return list(FORMATS)


def _bodies() -> tuple[str, ...]:
    from scriptkit.importers.common import BODIES

    return BODIES


def source_options(func: Callable[..., object]) -> Callable[..., object]:
    """``--from``, ``--map``, ``--where``, ``--skip-bad`` and ``--channel``: shared by import and audit."""
    func = click.option("--channel", type=click.Choice(CHANNELS), default=None,
                        help="The channel the macros are sent on, for its length limits (default: chat for an "
                             "Intercom export, else email). Their paragraphs are kept either way.")(func)
    func = click.option("--skip-bad", is_flag=True,
                        help="Go on without the items that cannot be read (they are listed), instead of "
                             "stopping with exit code 2.")(func)
    func = click.option("--where", "where", multiple=True, metavar="COL=VALUE",
                        help="Generic formats: keep only items whose column equals VALUE (repeatable).")(func)
    func = click.option("--map", "mapping", metavar="FIELD=COL,...",
                        help="Generic formats: which columns hold title, body, html, id, tags, guidance, channel, "
                             "e.g. --map title=Name,body=Text.")(func)
    func = click.option("--from", "fmt", type=LazyChoice(_formats), default=None,
                        help="Source format (default: a helpdesk's export told by its shape, "
                             "else guessed from the file suffix).")(func)
    return func


def bodies_option(func: Callable[..., object]) -> Callable[..., object]:
    """``--bodies``: how a generic file's plain bodies are read, shared by import and audit (which judges the
    replies the import writes)."""
    return click.option("--bodies", type=LazyChoice(_bodies), default=None,
                        help="Generic formats (CSV, JSON lines, JSON, YAML, JavaScript): read each plain body word "
                             "for word ('plain', the default) or as Markdown ('markdown': [text](url) is a link, "
                             "**bold** the word), as --from markdown reads a reply. An HTML body is read as HTML "
                             "either way.")(func)


def say_detected(file: str, given: str | None, read_as: str) -> None:
    """The note that the file was read as the helpdesk export its shape says it is (no --from given)."""
    from scriptkit.importers import DETECTED

    if given is None and read_as in DETECTED:
        console(stderr=True).print(f"{Location(file, 1, 1)}: note: read as {DETECTED[read_as]} (from its shape); "
                                   "--from chooses another format.", markup=False, highlight=False)


def read_library(files: tuple[str, ...], fmt: str | None, mapping: str | None, where: tuple[str, ...],
                 skip_bad: bool, bodies: str | None = None) -> Library:
    from scriptkit.importers import CLI_WORDING, import_libraries
    from scriptkit.importers.tabular import parse_mapping, parse_where

    reading = f"Reading {Path(files[0]).name}"
    with stages() as tell:
        tell(reading)
        library = import_libraries(files, fmt, mapping=parse_mapping(mapping), where=parse_where(where), bodies=bodies,
                                   progress=lambda n: tell(f"{reading}: {n} items"), wording=CLI_WORDING)
    for part in library.parts or [library]:
        say_detected(part.source, fmt, part.read_as)
    library.hold_back_too_long()  # (a macro check would refuse once written: unreadable, named)
    if not skip_bad:
        library.raise_if_unreadable()
    err = console(stderr=True)
    for problem in library.problems:
        err.print(f"{problem}", markup=False, highlight=False)
    return library


@click.command("import")
@click.argument("files", metavar="FILE...", nargs=-1, required=True, type=click.Path())
@source_options
# (a file given as --out is refused by the import itself, at file:1:1, as every other folder it will not write to)
@click.option("--out", "-o", "out", required=True, type=click.Path(), metavar="DIRECTORY", callback=no_dash("a pack"),
              help="The pack folder to create.")
@click.option("--name", callback=one_line("a pack's name"),
              help="The pack's display name (default: from the folder name).")
@click.option("--force", is_flag=True, help="Replace --out if it already holds a pack (an earlier import); "
                                            "not the files you edited since: see --overwrite-edits.")
@click.option("--overwrite-edits", "overwrite", is_flag=True,
              help="With --force: replace the earlier import's files even where you edited them since.")
@bodies_option
def import_command(files: tuple[str, ...], fmt: str | None, mapping: str | None, where: tuple[str, ...],
                   skip_bad: bool, channel: str | None, out: str, name: str | None, force: bool,
                   overwrite: bool, bodies: str | None) -> None:
    """Turn FILE, a helpdesk export or a CSV/JSONL/JSON/YAML/Markdown library, into a pack.

    Several files (a folder's Markdown files, named: replies/*.md; an export per language)
    become one pack. A folder itself is not read: name the files in it.

    Formats: zendesk, freshdesk, helpscout, intercom, gorgias, front, salesforce (their
    API exports; Salesforce's Quick Text as REST query JSON or Data Loader CSV), csv,
    jsonl, json, yaml, js, markdown (with --map for the columns).

    Placeholders become scriptkit's; ones it cannot map are kept as blanks and listed.
    """
    from scriptkit.importers import refuse_folder
    from scriptkit.importers.tabular import parse_where
    from scriptkit.importers.writer import destination, edited_since_import, own_placeholders

    for folder in (Path(file) for file in files if Path(file).is_dir()):
        refuse_folder(folder, "import")
    target = destination(Path(out), force, overwrite=overwrite)  # (before the read, which can be long: fail fast)
    edits = edited_since_import(target) if overwrite and target.is_dir() else []
    library = read_library(files, fmt, mapping, where, skip_bad, bodies)
    library.raise_if_empty("import", parse_where(where))
    with writing("the pack", out):
        pack = library.write(target, name=name, force=force, channel=channel, overwrite=overwrite)
    con = console(stderr=True)  # (a summary, as export's: stdout is for data)
    if edits:
        con.print(f"Overwrote your edits (--overwrite-edits) to {len(edits)} file(s): {', '.join(edits[:10])}"
                  + (f" and {len(edits) - 10} more" if len(edits) > 10 else ""), markup=False)
    con.print(f"Imported {len(library.macros)} macro(s) from {library.label} into {pack}/.", markup=False)
    if len(library.parts) > 1:  # (a file that gave none is seen here, not lost in the total)
        con.print("  " + ", ".join(f"{Path(part.source).name} {len(part.macros)}" for part in library.parts),
                  markup=False)
    if library.titled_ids:  # (exported and imported again, 'refund-late' came back named after its title, unsaid)
        con.print(f"The ids of {library.titled_ids} script(s) were made from their titles, as the export holds no "
                  "script id: each names its script's file (scripts/<id>.yaml); to give one another, rename the file "
                  "and its 'id:' together.", markup=False)
    for note in library.notes:  # (about an export file as a whole, not one macro)
        con.print(f"note (also in pack.yaml's header): {note}.", markup=False)
    for item in library.skipped:
        con.print(f"skipped: {item}", markup=False)
    if library.problems:
        con.print(f"left out {len(library.problems)} unreadable item(s), listed above.", markup=False)
    about = [(m.id, note) for m in library.macros for note in m.about]
    if about:
        con.print(f"{len(about)} note(s) on settings and content besides the text (also in each script file):",
                  markup=False)
        _list_notes(about)
    own = own_placeholders(library.macros)
    if own:
        con.print(f"{len(own)} field(s) of the helpdesk's own kept as placeholders, declared in pack.yaml "
                  "(another helpdesk's export asks you to map them):", markup=False)
        for name, piece in own.items():
            con.print(f"  {piece.original} -> {{{{ {name} }}}}", markup=False)
    # (the blanks of scriptkit's own export were declared by its writers: nothing to review)
    blanks = [(m, n, b) for m in library.macros if m.native is None for n, b in m.blanks.items()]
    if blanks:
        con.print(f"{len(blanks)} placeholder(s) kept as blanks to review:", markup=False)
        _list_notes([(macro.id, f"{blank.original} -> {{{{ blank.{blank_name} }}}} ({blank.reason})")
                     for macro, blank_name, blank in blanks])
    con.print(f"Next: scriptkit audit {pack}   (or scriptkit render {pack} --preview)", markup=False)


#: a note this many macros share is one line with their count, not one line each
_SHARED = 3
#: the wordings shown of a kind of note (``note_kind``) said in several
_EXAMPLES = 3
#: the notes of single macros listed, at most
_LISTED = 50


def _list_notes(notes: list[tuple[str, str]]) -> None:
    """``(script id, note)`` pairs, a line each; a note shared by several macros (489 times "has no language in
    Gorgias") once, with their count and the first of them, so the notes of single macros are not buried."""
    from scriptkit.importers.common import note_kind, shared_note

    con = console(stderr=True)  # (a summary, as export's: stdout is for data)
    forms = [shared_note(note) for _, note in notes]
    shared = Counter(forms)  # (a note of one or two macros keeps its own words)
    notes = [(script, form if shared[form] >= _SHARED else note)
             for (script, note), form in zip(notes, forms, strict=True)]
    counts = Counter(note for _, note in notes)
    first: dict[str, list[str]] = {}  # (each shared note's first three macros, in one pass: not a pass per note)
    for script, note in notes:
        if counts[note] >= _SHARED and len(ids := first.setdefault(note, [])) < 3:
            ids.append(script)
    # (notes of one kind that differ in their particulars, a line each kind with a few examples: an import of
    # 5,000 macros said "its HTML (...) and plain text (...) say different things" in 25 wordings)
    kinds: dict[str, list[tuple[str, str]]] = {}
    for script, note in notes:
        kinds.setdefault(note_kind(note), []).append((script, note))
    grouped = {kind: found for kind, found in kinds.items()
               if len(found) >= _SHARED and len({note for _, note in found}) > 1}
    said: set[str] = set()
    for kind, found in grouped.items():
        wordings = Counter(note for _, note in found)
        con.print(f"  {len(found)} macros, {len(wordings)} wordings of: {kind}; for example:", markup=False)
        for note, count in wordings.most_common(_EXAMPLES):
            script = next(s for s, n in found if n == note)
            con.print(f"    {script}{f' and {count - 1} more' if count > 1 else ''}: {note}", markup=False)
        if len(wordings) > _EXAMPLES:
            con.print(f"    ... and {len(wordings) - _EXAMPLES} more (see the comments in each script file).",
                      markup=False)
        said.update(wordings)
    for note, ids in first.items():
        if note in said:
            continue
        count = counts[note]
        con.print(f"  {count} macros ({', '.join(ids)}{', ...' if count > 3 else ''}): {note}", markup=False)
    single = [(script, note) for script, note in notes if counts[note] < _SHARED and note not in said]
    for script, note in single[:_LISTED]:
        con.print(f"  {script}: {note}", markup=False)
    if len(single) > _LISTED:
        con.print(f"  ... and {len(single) - _LISTED} more (see the comments in each script file).", markup=False)


commands = [import_command]
