"""Imported macros -> a pack folder (pack.yaml + scripts/*.yaml) that ``load_pack`` reads.

Placeholders are written in scriptkit's Jinja form, blanks as ``{{ blank.x }}`` declared
under ``flexibility.blanks`` with a prompt naming the original; literal text that Jinja
would read as syntax is written as an expression: ``{{ '{{' }}`` (``{%``, ``{#`` likewise).
Each script file starts with comments saying where it came from and how its slots were guessed.
The folder appears whole or not at all (written beside it, then renamed).
"""

from __future__ import annotations

import io
import json
import os
import re
import shutil
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from scriptkit.quiet_ruamel import YAML  # (before any ruamel import: it keeps the warnings filters)

# isort: split
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import LiteralScalarString

from scriptkit.diagnostics import Location
from scriptkit.english_spelling import spelling_region
from scriptkit.errors import ConfigError, ErrorGroup, make_folder
from scriptkit.importers import yamlout
from scriptkit.importers.common import ItemProblem
from scriptkit.importers.convert import (
    HELPDESKS,
    SLOT_ORDER,
    TARGET_DIALECTS,
    ImportedMacro,
    NativeScript,
    pack_placeholders,
)
from scriptkit.importers.dialects import BlankPiece, Piece, PlaceholderPiece, TextPiece
from scriptkit.language import LOCALES, library_language, name_of
from scriptkit.models import Layout as PackLayout
from scriptkit.models import is_script_id
from scriptkit.targets.base import blank_marker

# what starts Jinja syntax: "{{", "{%" or "{#", or a "{" last (a placeholder may follow); and Salesforce's
# spelling of a placeholder ('{!Contact.FirstName}'), which the loader refuses unless it stands in {% raw %}
_JINJA_OPEN = re.compile(r"(?P<salesforce>\{![A-Za-z_][\w.]*\})|\{[{%#]|\{$")


def _escaped(found: re.Match[str]) -> str:
    if found["salesforce"]:  # (text in the helpdesk it came from, as an email about old codes quotes it)
        return "{% raw %}" + found[0] + "{% endraw %}"
    return "{{ '" + found[0] + "' }}"


def escape_jinja(text: str) -> str:
    """Literal text that Jinja renders back unchanged: ``{{ '{{' }}`` for a literal ``{{`` (so
    ``{{ '{{' }} name }}`` reads as the text ``{{ name }}``), likewise ``{%`` and ``{#``; and
    ``{% raw %}{!Contact.FirstName}{% endraw %}`` for Salesforce's spelling of a placeholder."""
    return _JINJA_OPEN.sub(_escaped, text) if "{" in text else text


def template(pieces: Sequence[Piece], names: dict[str, str]) -> str:
    out: list[str] = []
    for piece in pieces:
        if isinstance(piece, TextPiece):
            out.append(escape_jinja(piece.text))
        elif isinstance(piece, PlaceholderPiece):
            fallback = f" | fallback({json.dumps(piece.fallback, ensure_ascii=False)})" \
                if piece.fallback is not None else ""
            out.append("{{ " + piece.name + fallback + " }}")
        else:
            out.append("{{ blank." + names[piece.original] + " }}")
    return "".join(out).strip()


def _scalar(text: str) -> Any:  # a str, or ruamel's LiteralScalarString (untyped there)
    # literal blocks read best; they cannot hold trailing spaces or a leading space/newline
    if "\n" in text and not re.search(r"[ \t]\n|[ \t]$|^\s", text):
        return LiteralScalarString(text)
    return text


def _excerpt(text: str, n: int = 70) -> str:
    text = " ".join(text.split())
    return json.dumps(text if len(text) <= n else text[: n - 1] + "…", ensure_ascii=False)


def script_document(macro: ImportedMacro, source: str, channel: str = "email",
                    own_channel: bool = True) -> CommentedMap:
    raw, native = macro.raw, macro.native
    names = {b.original: n for n, b in macro.blanks.items()}
    doc = CommentedMap()
    doc["id"] = macro.id
    doc["title"] = raw.title
    scenario, emotion = (native.scenario, native.emotion) if native is not None else (raw.scenario, raw.emotion)
    if scenario:
        doc["scenario"] = _scalar(scenario)
    if emotion:
        doc["emotion"] = emotion
    mine = raw.channel if own_channel and raw.channel else channel
    # (a channel's own macro merged back adds its channel to a macro the export named none for: Gorgias's)
    more = [c for c in raw.more_channels if c != mine] if own_channel else []
    doc["channels"] = CommentedSeq(native.channels if native is not None else list(dict.fromkeys([mine, *more])))
    doc["channels"].fa.set_flow_style()
    if raw.tags:  # (an internal note says so in its notes and settings: a tag would reach the helpdesk's tickets)
        tags = CommentedSeq(dict.fromkeys(raw.tags))
        tags.fa.set_flow_style()
        doc["tags"] = tags
    for slot in SLOT_ORDER:
        options = native.options.get(slot, []) if native is not None else \
            [macro.slots.get(slot, []), *macro.variants.get(slot, [])]
        text = _slot_text(options, names)
        if text or slot != "warm_language":
            doc[slot] = text
    flex = CommentedMap()
    if native is not None and native.guidance:  # (its placeholders stay placeholders)
        flex["guidance"] = _scalar(template(native.guidance, names))
    elif raw.guidance.strip():
        flex["guidance"] = _scalar(escape_jinja(raw.guidance.strip()))
    if macro.blanks:
        blanks = CommentedSeq()
        for name, blank in macro.blanks.items():
            spec = CommentedMap()
            spec["name"] = name
            spec["prompt"] = (native.prompts.get(name, "") if native is not None else raw.prompts.get(blank.original)
                              or f"Was {blank.original} in the original ({blank.reason}). Fill it in or replace it.")
            example = native.examples.get(name) if native is not None else raw.examples.get(blank.original)
            if example is not None:
                spec["example"] = _scalar(example)
            blanks.append(spec)
        flex["blanks"] = blanks
    if macro.alternatives:
        flex["alternatives"] = _entries(macro.alternatives, "label", names)
    if native is not None and native.conditions:
        flex["conditions"] = _entries(native.conditions, "when", names)
    elif macro.conditions:  # (text the helpdesk's logic sent only on a condition)
        flex["conditions"] = _entries(macro.conditions, "when", names)
    if flex:
        doc.insert(len(doc) - 1, "flexibility", flex)  # before solution, in the order of the practices
    by_channel = native.by_channel if native is not None else macro.by_channel if own_channel else {}
    if by_channel:
        doc["by_channel"] = CommentedMap(
            (channel, CommentedMap((slot, _slot_text(opts, names)) for slot, opts in own.items()))
            for channel, own in by_channel.items())
    if native is not None and native.ignore:  # the rules it switches off, as it wrote them
        doc["ignore"] = CommentedSeq(native.ignore)
        doc["ignore"].fa.set_flow_style()
    if native is not None and native.export:  # the script's settings as it wrote them
        doc["export"] = _settings(native.export)
    elif settings := {**raw.settings, **_blank_markers(macro)}:
        # what the export said about the macro besides its text (an internal note, switched off, ...)
        doc["export"] = CommentedMap({raw.dialect: CommentedMap(settings)})
    header = [f"Imported by `scriptkit import` from {source} ({raw.location}, {raw.name})."]
    header += [f"Note: {n}." for n in macro.notes]
    if native is not None:
        header.append("Read back from scriptkit's own export: slots, variants and notes as exported; "
                      "pack constants come back as the text they rendered to.")
    doc.yaml_set_start_comment("\n".join(header))
    if native is not None:
        return doc
    guess = ["Slots guessed sentence by sentence (slot, confidence, sentence); paragraphs keep their order,",
             "so move text between the slots below if a guess is wrong:"]
    for g in macro.guesses:
        moved = "" if g.slot == g.placed else f" -> placed in {g.placed}"
        guess.append(f"  {g.slot} {g.confidence:.2f}{moved}: {_excerpt(g.text)}")
    first = next(s for s in ("acknowledgment", "warm_language", "flexibility", "solution") if s in doc)
    doc.yaml_set_comment_before_after_key(first, before="\n".join(guess))
    return doc


def _blank_markers(macro: ImportedMacro) -> dict[str, CommentedMap]:
    """The ``blank_markers`` setting: each fill-in marker the team wrote ('XXXXXXX', '{customer_name}'), by its
    blank's name, so the export back to the same helpdesk writes it as written and the customer (and agent) read
    the same words; another helpdesk gets scriptkit's ``[[name]]``. A placeholder that did not map is left out:
    as written, the helpdesk sent it empty or as typed; so is scriptkit's own ``[[name]]`` (its export's, which
    goes back highlighted, as that export wrote it)."""
    if macro.raw.dialect not in TARGET_DIALECTS:
        return {}
    markers = CommentedMap((name, blank.original) for name, blank in macro.blanks.items()
                           if blank.team_marker and blank.original != blank_marker(name))
    return {"blank_markers": markers} if markers else {}


def _slot_text(options: Sequence[Sequence[Piece]], names: dict[str, str]) -> str | CommentedSeq:
    """A slot's value: its one text, a list of its variants, or "" when it has none."""
    texts = [template(pieces, names) for pieces in options] or [""]
    return CommentedSeq(_scalar(t) for t in texts) if len(texts) > 1 else _scalar(texts[0])


def _entries(items: Sequence[tuple[str, Sequence[Piece]]], key: str, names: dict[str, str]) -> CommentedSeq:
    """Alternatives (``label``) or conditions (``when``): each with its text as a template."""
    out = CommentedSeq()
    for value, pieces in items:
        entry = CommentedMap()
        entry[key] = value
        entry["text"] = _scalar(template(pieces, names))
        out.append(entry)
    return out


def _settings(value: Any) -> Any:
    """Export settings read back from JSON, as YAML writes them (objects and lists nested as they were)."""
    if isinstance(value, dict):
        return CommentedMap((key, _settings(v)) for key, v in value.items())
    if isinstance(value, list):
        return CommentedSeq(_settings(v) for v in value)
    return value


def too_long(macro: ImportedMacro) -> ItemProblem | None:
    """A macro whose text, as the template the pack holds, is longer than check reads (``MAX_TEMPLATE``):
    each literal ``{{`` grows to ``{{ '{{' }}``, so a body under the import's own limit can be over it.
    Refused at the item, so the import never writes a pack its check refuses."""
    from scriptkit.rendering import MAX_TEMPLATE

    names = {b.original: n for n, b in macro.blanks.items()}
    native = macro.native
    texts: list[tuple[str, str]] = []
    for slot in SLOT_ORDER:
        options = native.options.get(slot, []) if native is not None else \
            [macro.slots.get(slot, []), *macro.variants.get(slot, [])]
        texts += [(slot, template(pieces, names)) for pieces in options]
    texts += [(f"alternative '{label}'", template(pieces, names)) for label, pieces in macro.alternatives]
    if macro.raw.guidance.strip():
        texts.append(("guidance", escape_jinja(macro.raw.guidance.strip())))
    for part, text in texts:
        if len(text) > MAX_TEMPLATE:
            grown = " once its literal '{{', '{%' and '{#' are written for Jinja" if len(text) > len(
                macro.raw.body) else ""
            return ItemProblem(macro.raw.location, macro.raw.label or macro.raw.name,
                               f"its {part} would be a template of {len(text):,} characters{grown}; "
                               f"check reads at most {MAX_TEMPLATE:,}")
    return None


def own_placeholders(macros: Sequence[ImportedMacro]) -> dict[str, PlaceholderPiece]:
    """The helpdesks' own fields the macros use that the catalogue has no name for, by pack name."""
    found: dict[str, PlaceholderPiece] = {}
    for macro in macros:
        for name, piece in macro.own_fields().items():
            found.setdefault(name, piece)
    return dict(sorted(found.items()))


def _declare(doc: CommentedMap, own: dict[str, PlaceholderPiece]) -> None:
    """Declare the helpdesk's own fields as the pack's placeholders, and map each back to its field
    for that helpdesk's export (another helpdesk's export asks for a mapping: SK503)."""
    declared, mapped = CommentedMap(), CommentedMap()
    for name, piece in own.items():
        helpdesk = name.split(".", 1)[0]
        spec = CommentedMap()
        # (read where the agent is told what to fill in: 'Zendesk field ticket.organization.name')
        spec["description"] = f"{HELPDESKS.get(helpdesk, helpdesk)} field {piece.field}"
        # (a Salesforce custom field's '__c' is no word of it: 'Order_Number__c' is 'Order Number')
        spec["sample"] = " ".join(w for w in piece.field.rsplit(".", 1)[-1].removesuffix("__c").split("_") if w)
        if helpdesk == "zendesk" and piece.field.startswith("dc."):  # dynamic content always has a text
            spec["can_be_blank"] = False
        declared[name] = spec
        mapped.setdefault(helpdesk, CommentedMap(placeholders=CommentedMap()))["placeholders"][name] = piece.field
    doc["placeholders"] = declared
    doc["export"] = mapped


def pack_document(name: str, source: str, fmt: str, count: int, native: NativeScript | None = None,
                  own: dict[str, PlaceholderPiece] | None = None, language: str | None = None,
                  channel: str = "email", others: Sequence[str] = (), notes: Sequence[str] = (),
                  declared: Sequence[str] = (), spelling: tuple[str, Counter[str]] | None = None) -> CommentedMap:
    """pack.yaml of an imported library; ``language``: the one its macros are written in, when not English;
    ``channel``: the one its macros are sent on; ``others``: those some macros name for themselves; ``notes``:
    on the export as a whole (a CSV's columns not read), in the header comment; ``declared``: the exported pack's
    own placeholders the macros use (``pack_placeholders``); ``spelling``: the region the English macros spell
    for, and the words that say so (``spelling_region``)."""
    doc = CommentedMap()
    doc["name"] = name
    doc["version"] = native.pack.get("version", "0.1.0") if native is not None else "0.1.0"
    if native is not None and "locale" in native.pack:
        doc["locale"] = native.pack["locale"]
    elif language is not None and language != "en":
        # (the English rules then leave its macros alone, and grammar checks them in their language)
        doc["locale"] = LOCALES.get(language, language)
    elif spelling is not None and spelling[0] == "en-GB":
        # (else the pack is en-US, and grammar's spelling rule reads every "apologise" as a mistake)
        doc["locale"] = spelling[0]
    if native is None or native.description is None:
        doc["description"] = f"{count} macro(s) imported from {source} ({fmt})."
    elif native.description:  # (a version 3 export: the pack's own, or none)
        doc["description"] = _scalar(native.description)
    if native is not None:  # scriptkit's own export: its own placeholders, each channel's frame as it rendered
        if native.placeholders:
            doc["placeholders"] = CommentedMap((name, CommentedMap(spec)) for name, spec in native.placeholders.items())
        layouts = native.layouts
        channels = CommentedMap()
        for each, layout in layouts.items():
            names = {p.original: p.hint for p in (*layout.greeting, *layout.signoff) if isinstance(p, BlankPiece)}
            frame = CommentedMap()
            frame["greeting"] = _scalar(template(layout.greeting, names))
            frame["signoff"] = _scalar(template(layout.signoff, names))
            if layout.separator is not None and layout.separator != PackLayout().joiner(each):
                frame["separator"] = layout.separator
            channels[each] = frame
        doc["channels"] = channels
        if native.pack_export:
            doc["export"] = _settings(native.pack_export)
        for key, value in (("rules", native.rules), ("grammar", native.grammar)):  # (as written; version 3)
            if value:
                doc[key] = _settings(value)
        doc.yaml_set_start_comment("Read back with `scriptkit import` from scriptkit's own JSON export.\n"
                                   "Pack constants come back in the scripts as the text they rendered to."
                                   + "".join(f"\nNote: {n}." for n in notes))
        return doc
    if own:
        _declare(doc, own)
    for name in declared:  # (the export carries no description: its words until the team writes one)
        namespace, field = name.split(".", 1)
        sample = " ".join(w for w in field.split("_") if w)
        doc.setdefault("placeholders", CommentedMap())[name] = CommentedMap(description=f"{namespace} {sample}",
                                                                            sample=sample)
    frames = CommentedMap()
    for each in dict.fromkeys([channel, *others]):
        frame = frames[each] = CommentedMap()
        frame["greeting"] = ""
        frame["signoff"] = ""
        if PackLayout().joiner(each) != "\n\n":  # (each macro's paragraphs stay paragraphs, as on email)
            frame["separator"] = "\n\n"
    doc["channels"] = frames
    told = (f"\nThe macros read as {name_of(language)}, hence the locale; its region is a guess: set yours."
            if "locale" in doc and language is not None else "")
    if "locale" in doc and spelling is not None and doc["locale"] == spelling[0]:
        words = ", ".join(word for word, _n in spelling[1].most_common(4))
        told = (f"\nThe macros use British spelling ({words}...), hence locale: en-GB,\n"
                "so grammar checks keep that spelling; set en-AU, en-IE... if that is yours.")
    doc.yaml_set_start_comment(
        "Imported with `scriptkit import`. The macros carry their own greetings and sign-offs, so the\n"
        f"{channel} layout is empty: exporting reproduces each macro's text. Move greetings here to share them."
        + told + "".join(f"\nNote: {n}." for n in notes))
    return doc


def dump(doc: CommentedMap) -> str:
    try:
        return yamlout.dump(doc)  # the same bytes, without ruamel's slow emitter
    except yamlout.Unsupported:
        return _ruamel_dump(doc)


def _ruamel_dump(doc: CommentedMap) -> str:
    yaml = YAML()
    yaml.width = 4096
    yaml.indent(mapping=2, sequence=4, offset=2)
    buf = io.StringIO()
    yaml.dump(doc, buf)
    return buf.getvalue()


def destination(out: Path, force: bool, force_named: str = "--force", overwrite: bool = False,
                overwrite_named: str = "--overwrite-edits") -> Path:
    """Where a pack written to ``out`` goes (a link: the folder it names; ``pack/scripts/..``: ``pack``).

    Something already there is replaced only with ``force``, and only when it is a pack (an earlier
    import) or an empty folder, never the folder this program runs in: the Python API is as safe as
    ``import --force``. A file the earlier import wrote and that was edited since (its ``IMPORT_MARKER``
    says) stops it too, unless ``overwrite``. ``force_named`` and ``overwrite_named``: ``force`` and
    ``overwrite`` in the caller's words, the CLI's flags or ``force=True`` and ``overwrite=True``.
    """
    target = Path(os.path.normpath(out))
    if target.name in ("", ".", ".."):
        target = Path(os.path.abspath(out))
    if target.is_symlink():  # the pack it names is replaced, not the link
        target = Path(os.path.realpath(target))
    if not target.exists() or (target.is_dir() and not any(target.iterdir())):
        return target
    here = Location(str(out), 1, 1)  # (the folder as it was named: where init says its own refusal)
    if not target.is_dir():
        raise ConfigError(f"{out} is a file, not a pack: {force_named} replaces only a pack or an empty folder",
                          here, hint="Choose a new folder; nothing was changed.")
    if not force:
        raise ConfigError(f"{out} already exists and is not empty", here,
                          hint=f"Choose a new folder, or pass {force_named} to replace it; nothing was changed.")
    resolved, cwd = target.resolve(), Path.cwd().resolve()
    if resolved == cwd or resolved in cwd.parents:
        raise ConfigError(f"{out} is the folder you are in (or holds it): {force_named} would delete it",
                          here, hint="Write from another folder, or choose a new one; nothing was changed.")
    if not (target / "pack.yaml").is_file():
        raise ConfigError(f"{out} is not a pack (it has no pack.yaml): {force_named} replaces only a pack "
                          "or an empty folder", here, hint="Choose a new folder; nothing was changed.")
    written = _import_manifest(target)
    errors = [ConfigError(f"{out} holds {path}, which no import wrote: {force_named} would delete it "
                          "with the pack", Location(str(target / path.rstrip("/")), 1, 1),
                          "Move it out of the folder (the library you import among them), or choose a new "
                          "folder; nothing was changed.") for path in _not_of_a_pack(target, written)]
    if not overwrite:
        errors += [ConfigError(f"{out} holds {path}, which the last import wrote and which was edited since: "
                               f"{force_named} would replace your edits with the import's text",
                               Location(str(target / path), 1, 1),
                               f"To replace them, import again with {overwrite_named} too; to keep them, import "
                               "into a new folder and merge your edits with it; nothing was changed.")
                   for path in edited_since_import(target, written)]
    if errors:
        raise errors[0] if len(errors) == 1 else ErrorGroup(errors)
    return target


#: Written into every pack an import writes: the files it wrote, each with its SHA-256, so that the next
#: ``import --force`` into the folder stops at one edited since (as export does with its own marker)
IMPORT_MARKER = ".scriptkit-import"
_IMPORT_MARKER_HEAD = (b"This pack was written by `scriptkit import`. The files it wrote, each with its SHA-256: "
                       b"importing again into this folder stops at one changed since, unless told to overwrite "
                       b"edits.\n")


def _import_manifest(folder: Path) -> dict[str, str]:
    """The files the last import into ``folder`` wrote, with their SHA-256; none for a pack imported before
    imports listed them (its edits cannot be told: it is replaced as before)."""
    from scriptkit.exporting import read_manifest

    return read_manifest(folder / IMPORT_MARKER, (_IMPORT_MARKER_HEAD,)) or {}


def edited_since_import(folder: Path, written: dict[str, str] | None = None) -> list[str]:
    """The files the last import into ``folder`` wrote (``written``: its manifest, read if not given) that
    were changed since (or replaced by a link or a folder), by path; a file since deleted holds no edit."""
    from scriptkit.exporting import sha256_of

    edited = []
    for rel, digest in sorted((_import_manifest(folder) if written is None else written).items()):
        path = folder / rel
        if not os.path.lexists(path):
            continue
        if path.is_symlink() or not path.is_file() or sha256_of(path) != digest:
            edited.append(rel)
    return edited


#: what a file browser leaves in a folder: replaced with the pack, as no one's work
_CLUTTER = frozenset((".DS_Store", "Thumbs.db", "desktop.ini"))


def _not_of_a_pack(folder: Path, written: dict[str, str]) -> list[str]:
    """The files and folders under ``folder`` that no import wrote, by path: a library beside its pack or in
    its scripts/ folder, a notes file, a .git folder, which replacing the pack would delete. An import's
    files are those its marker lists (``written``; whether edited since is ``edited_since_import``'s to say)
    and, in a pack imported before the marker listed them, those whose first line says so (pack.yaml
    "Imported with" or "Read back with", each script "Imported by")."""
    found = []
    for entry in sorted(folder.iterdir()):
        if entry.name in _CLUTTER or entry.name == IMPORT_MARKER or entry.name in written \
                or (entry.name == "pack.yaml" and _written_by_import(entry, _PACK_HEADERS)):
            continue
        if entry.name == "scripts" and entry.is_dir() and not entry.is_symlink():
            found += [f"scripts/{e.name}" for e in sorted(entry.iterdir())
                      if e.name not in _CLUTTER and f"scripts/{e.name}" not in written
                      and not (e.suffix == ".yaml" and _written_by_import(e, _SCRIPT_HEADERS))]
            continue
        found.append(entry.name + ("/" if entry.is_dir() and not entry.is_symlink() else ""))
    return found


#: the first line of the files an import writes (pack.yaml; each script)
_PACK_HEADERS = ("# Imported with `scriptkit import`", "# Read back with `scriptkit import`")
_SCRIPT_HEADERS = ("# Imported by `scriptkit import`",)


def _written_by_import(path: Path, headers: tuple[str, ...]) -> bool:
    """Whether ``path`` is a file (not a link) an import wrote: its first line says so."""
    if path.is_symlink() or not path.is_file():
        return False
    try:
        with path.open("rb") as handle:
            first = handle.read(200)
    except OSError:
        return False
    return first.removeprefix(b"\xef\xbb\xbf").startswith(tuple(h.encode() for h in headers))  # (a BOM: Notepad's save)


def write_pack(macros: Sequence[ImportedMacro], out: Path, *, name: str, source: str, fmt: str,
               force: bool = False, channel: str = "email", own_channels: bool = True,
               notes: Sequence[str] = (), force_named: str = "--force", overwrite: bool = False,
               overwrite_named: str = "--overwrite-edits") -> Path:
    """``macros`` as a pack at ``out``, for ``channel``; with ``own_channels``, a macro the export gave a channel
    of its own keeps it (and the pack gets that channel's layout); ``notes``: on the export as a whole, in
    pack.yaml's header; ``force_named``, ``overwrite_named``: ``force`` and ``overwrite`` (replace the files
    of an earlier import edited since) in the caller's words (``destination``)."""
    from scriptkit.exporting import manifest_lines

    out = destination(out, force, force_named, overwrite, overwrite_named)
    tmp = out.with_name(f".{out.name}.importing")
    shutil.rmtree(tmp, ignore_errors=True)
    try:
        # (a file in the way, /proc/x: a ConfigError naming ``out``, not an OSError naming the temporary folder)
        make_folder(tmp / "scripts", out, "the pack")
        native = next((m.native for m in macros if m.native is not None), None)
        pack = pack_document(name, source, fmt, len(macros), native, own_placeholders(macros),
                             library_language(m.raw.body for m in macros), channel,
                             sorted({c for m in macros if m.native is None
                                     for c in (m.raw.channel, *m.raw.more_channels) if c}
                                    if own_channels else ()), notes, pack_placeholders(macros),
                             spelling_region(m.raw.body for m in macros))
        files = {"pack.yaml": dump(pack).encode("utf-8")}
        for macro in macros:  # (each names its own file: a library can be read from several)
            if not is_script_id(macro.id):  # (every reader makes ids; this one would write outside the pack)
                raise ConfigError(f"the script id {macro.id[:80]!r} cannot name a file of the pack",
                                  macro.raw.location, "Give it an id of lower-case letters, digits, '.', '_' and '-'.")
            own = Path(macro.raw.location.file).name or source
            files[f"scripts/{macro.id}.yaml"] = dump(script_document(macro, own, channel, own_channels)).encode("utf-8")
        for rel, data in files.items():
            (tmp / rel).write_bytes(data)
        (tmp / IMPORT_MARKER).write_bytes(_IMPORT_MARKER_HEAD + manifest_lines(files))
        if out.exists():
            shutil.rmtree(out) if out.is_dir() else out.unlink()
        tmp.rename(out)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return out


__all__ = ["BlankPiece", "escape_jinja", "template", "write_pack"]
