"""Importers: helpdesk exports and generic files -> imported macros -> a pack folder.

``import_library(path, fmt)`` reads a file into a ``Library`` (macros plus every item that
could not be read, by name), ``import_libraries(paths)`` several files into one; ``Library.write(out)``
writes the pack. One module per source
format; each exposes ``read(path, options)`` and a ``LABEL``.
"""

from __future__ import annotations

import codecs
import difflib
import importlib
import json
import os
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from scriptkit.diagnostics import Location
from scriptkit.errors import ConfigError, ErrorGroup, ImportFormatError, ScriptkitError, argument_named, path_error
from scriptkit.importers.channels import CHANNEL_OF, merge_channels
from scriptkit.importers.common import (
    API_WORDING,
    BODIES,
    CLI_WORDING,
    MAX_FILE_BYTES,
    ItemProblem,
    RawItem,
    ReadOptions,
    UnexpectedShape,
    Wording,
    decode_export,
    half_character,
    lone_item,
    refuse_archive,
    refuse_not_a_file,
    take_out_terminal_escapes,
)
from scriptkit.importers.convert import HELPDESKS, ImportedMacro, convert, reply_too_long, slugify
from scriptkit.importers.exported_ids import ExportedIds, exported_id, exported_ids
from scriptkit.importers.html import html_images
from scriptkit.importers.tabular import DEFAULTS, FileNote
from scriptkit.importers.variants import merge_variants
from scriptkit.message import known_channels
from scriptkit.sourcetext import read_capped
from scriptkit.targets.front import FrontTarget, team, teammate
from scriptkit.text import title_key

if TYPE_CHECKING:
    from scriptkit.models import Pack

#: format name -> (module, reader function, label constant)
FORMATS: dict[str, tuple[str, str, str]] = {
    "zendesk": ("zendesk", "read", "LABEL"),
    "freshdesk": ("freshdesk", "read", "LABEL"),
    "helpscout": ("helpscout", "read", "LABEL"),
    "intercom": ("intercom", "read", "LABEL"),
    "gorgias": ("gorgias", "read", "LABEL"),
    "front": ("front", "read", "LABEL"),
    "csv": ("csv", "read", "LABEL"),
    "jsonl": ("jsonl", "read", "LABEL"),
    "json": ("structured", "read_json", "LABEL_JSON"),
    "yaml": ("structured", "read_yaml", "LABEL_YAML"),
    "js": ("structured", "read_js", "LABEL_JS"),
    "markdown": ("markdown", "read", "LABEL"),
    "salesforce": ("salesforce", "read", "LABEL"),
    "scriptkit": ("native", "read_path", "LABEL"),
}
_SUFFIXES = {".csv": "csv", ".tsv": "csv", ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json", ".yml": "yaml",
             ".yaml": "yaml", ".js": "js", ".mjs": "js", ".md": "markdown", ".markdown": "markdown"}


#: the formats with columns (or fields) that --map renames and --where filters rows by
_COLUMNS = frozenset({"csv", "jsonl", "json", "yaml", "js"})
FORMAT_NAMES = {"zendesk": "a Zendesk", "freshdesk": "a Freshdesk", "helpscout": "a Help Scout",
                 "intercom": "an Intercom", "gorgias": "a Gorgias", "front": "a Front", "markdown": "a Markdown",
                 "salesforce": "a Salesforce Quick Text", "scriptkit": "scriptkit's own"}


def describe_formats() -> dict[str, str]:
    out = {}
    for name, (module, _, label) in FORMATS.items():
        out[name] = str(getattr(importlib.import_module(f"scriptkit.importers.{module}"), label))
    return out


def guess_format(path: Path) -> str | None:
    """The format a file's suffix names; a .txt that starts with UTF-16's byte order mark is what
    Excel's "Unicode Text" writes, a tab-separated sheet."""
    suffix = path.suffix.lower()
    if suffix == ".txt" and path.is_file():
        with path.open("rb") as file:
            return "csv" if file.read(2) in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE) else None
    return _SUFFIXES.get(suffix)


#: the files of scriptkit's export that hold every script of the pack alone, where no bundle does
_WHOLE_EXPORTS = ("json/pack.json", "csv/scripts.csv")
#: a bundle of a helpdesk's export, ``front/message_templates.json`` (or a batch of it, ``...-002.json``), which
#: lists what the record folder of the same name beside it holds file by file
_BUNDLE = re.compile(r"(?P<base>.+/[^/]+?)(?:-\d{3})?\.json")


def exported_files(folder: Path, fmt: str | None = None, *, command_line: bool = True,
                   action: str = "import") -> list[Path] | None:
    """What an import reads of ``folder`` where it is (in) a folder ``scriptkit export`` wrote, told by its marker
    there or in a folder above: each bundle of the one target's export it holds (``front/message_templates.json``,
    every teammate's too; not the record files beside them, which hold the same templates once more), or the
    JSON or CSV export; None where it is no export's. An export to several targets (``fmt`` picks one) would
    bring every script back once per target: a ConfigError names the folder of each to import."""
    if (exported := _export_targets(folder)) is None:
        return None
    root, found = exported
    if fmt in found:
        found = {fmt: found[fmt]}
    if len(found) > 1:  # (several targets: the folder is the export's own, root)
        first = "json" if "json" in found else next(iter(found))
        others = ", ".join(str(folder / target) for target in found if target != first)
        exact = " (scriptkit's own JSON export: every script read back exactly)" if first == "json" else ""
        out, function = (" -o PACK", "import_library") if action == "import" else ("", "audit_library")
        named = [str(folder / name) for name in found[first]]  # (files: a folder is no pack to audit)
        given = named[0] if len(named) == 1 else named
        hint = (f"{action.capitalize()} one of them: scriptkit {action} {' '.join(named)}{out}{exact}; or {others} "
                f"(or pick one with --from {first})." if command_line else
                f"Pass one of them: {function}({given!r}){exact}; or {others}.")
        raise ConfigError(f"{folder} is scriptkit's export to {len(found)} targets ({', '.join(found)}): read "
                          "together, every script would come back once for each", Location(str(folder), 1, 1), hint)
    # (named from the folder as given: the import's messages name them)
    here = folder.absolute()
    return [Path(os.path.normpath(folder / os.path.relpath(root / name, here))) for names in found.values()
            for name in names]


def _export_targets(folder: Path) -> tuple[Path, dict[str, list[str]]] | None:
    """The export folder ``folder`` is (in), and by target the files of it that hold what ``folder`` holds
    (``exported_files``); None where it is no export's, or holds none of its files an import reads."""
    from scriptkit.exporting import MARKER, _manifest

    here = folder.absolute()
    root = next((p for p in (here, *here.parents) if (p / MARKER).is_file()), None)
    listed = _manifest(root) if root is not None else None
    if root is None or listed is None:  # (a marker from before it listed the files: the folder as any other)
        return None
    within = here.relative_to(root).as_posix()
    prefix = "" if within == "." else f"{within}/"
    found: dict[str, list[str]] = {}
    folders = {name.rsplit("/", 1)[0] for name in listed}  # (each folder that holds a file of the export)
    for name in sorted(listed):
        bundle = _BUNDLE.fullmatch(name)
        if bundle is not None and bundle["base"] in folders:
            wanted = name.startswith(prefix) or prefix.startswith(f"{bundle['base']}/")  # (or its record folder)
        else:
            wanted = name in _WHOLE_EXPORTS and name.startswith(prefix)
        if wanted and (root / name).is_file():
            found.setdefault(name.split("/", 1)[0], []).append(name)
    return (root, found) if found else None


def refuse_folder(folder: Path, action: str, *, command_line: bool = True) -> None:
    """A folder given as an export: when it holds export files, the error names them and how to read them
    as one library, in the command line's words or (``command_line=False``) ``audit_library``'s. (audit
    reads a folder with a pack.yaml as a pack, and leaves one with no export file in it to the pack
    loader's error.) A folder of scriptkit's own export is read back (``exported_files``): no error."""
    if _export_targets(folder) is not None:
        if action == "import":  # (read back; which of its targets, the import says: it knows --from)
            return
        # (audit reads a folder as a pack: the export's own files, named, are audited as one library)
        files = [str(f) for f in exported_files(folder, command_line=command_line, action=action) or []]
        hint = (f"Audit the export's file(s) as one library: scriptkit audit {' '.join(files)}" if command_line else
                f"Pass the export's file(s) in a list: audit_library({files!r}).")
        raise ConfigError(f"{folder} is a folder of scriptkit's export, not a pack", Location(str(folder), 1, 1),
                          hint)
    # (a README beside the exports describes them: it is no macro library)
    exports = sorted(p.name for p in folder.iterdir()
                     if p.is_file() and guess_format(p) and not p.name.lower().startswith("readme"))
    if not exports and action == "audit":
        return
    what = f"{folder} is a folder, not {'a pack' if action == 'audit' else 'an export file'}"
    more = f" and {len(exports) - 3} more" if len(exports) > 3 else ""
    if not exports:
        raise ConfigError(f"{what}; it holds no file scriptkit reads", Location(str(folder), 1, 1),
                          "Pass the export file itself.")
    if command_line:
        suffixes = {Path(name).suffix for name in exports}
        pattern = folder / f"*{suffixes.pop()}" if len(suffixes) == 1 else " ".join(str(folder / n) for n in exports)
        out = " -o PACK" if action == "import" else ""
        hint = f"Name the export files, to {action} them as one library: scriptkit {action} {pattern}{out}"
    else:  # (audit_library's or import_library's words: a list of the files)
        function = "audit_library" if action == "audit" else "import_library"
        hint = (f"Pass the export files in a list, to {action} them as one library: "
                f"{function}(sorted(Path({str(folder)!r}).glob('*{Path(exports[0]).suffix}'))).")
    raise ConfigError(f"{what}; it holds {len(exports)} export file(s): {', '.join(exports[:3])}{more}",
                      Location(str(folder), 1, 1), hint)


#: the helpdesk exports that a JSON file's shape alone tells apart, as the import's output names them
DETECTED = {"zendesk": "a Zendesk macros export", "gorgias": "a Gorgias macros export",
            "freshdesk": "a Freshdesk canned responses export", "helpscout": "a Help Scout saved replies export",
            "intercom": "an Intercom macros export", "front": "a Front message templates export",
            "salesforce": "a Salesforce Quick Text export"}
#: where each helpdesk's API list puts its items, besides a bare list (Help Scout's inside "_embedded")
_LISTED = {"freshdesk": ("canned_responses",), "helpscout": ("saved-replies", "savedReplies", "saved_replies"),
           "intercom": ("data", "macros"), "front": ("_results", "message_templates", "results")}


def detect_format(path: Path) -> str | None:
    """The helpdesk whose macros export ``path`` is, where its shape says so unambiguously, else None.

    A list of macros (the document itself, or under ``macros``, ``data`` or ``results``; or one
    macro, the document or under ``macro``), each with an ``actions`` list: Zendesk's where every action is a ``{field,
    value}`` and one sets ``comment_value`` or ``comment_value_html``; Gorgias's where every action
    is a ``{name, arguments}`` and one is ``setResponseText``. None where an item also has a field
    the generic JSON reader takes for the reply (``body``, ``text``...): the file is read as JSON,
    as it is when it does not parse (where the JSON reader says why). Freshdesk, Help Scout, Intercom
    and Front exports are told by fields only their items have (``_own_fields``), one Front template alone by
    its fields (``front.is_template``).
    """
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            return None
        data = json.loads(decode_export(read_capped(path, MAX_FILE_BYTES)))
    except (OSError, ValueError, RecursionError):
        return None
    if (fields := _fielded(data)) is not None:
        return fields
    from scriptkit.importers.front import is_template

    if is_template(data):  # (one Front template alone: a file of scriptkit's export, GET /message_templates/{id})
        return "front"
    if isinstance(data, dict):
        found = next((data[k] for k in ("macros", "data", "results") if isinstance(data.get(k), list)), None)
        one = data["macro"] if isinstance(data.get("macro"), dict) else data if "actions" in data else None
        data = found if found is not None else [one] if one is not None else None
    # (a malformed item (a stray 123, 'actions': 'x' or an 'x' among them) does not hide whose export the
    # well-formed ones are: read as that helpdesk's, it is named at its line; with none well-formed, no guess)
    data = [item for item in data if isinstance(item, dict)] if isinstance(data, list) else None
    generic = {name for field in ("body", "html") for name in DEFAULTS[field]}
    if not data or any("actions" not in item or generic & {str(key).lower() for key in item} for item in data):
        return None
    kinds: set[str] = set()
    replies = False
    for item in data:
        if not isinstance(item["actions"], list) or not all(isinstance(a, dict) for a in item["actions"]):
            continue
        for action in item["actions"]:
            if isinstance(action.get("field"), str) and "arguments" not in action:
                kinds.add("zendesk")
                replies = replies or action["field"] in ("comment_value", "comment_value_html")
            elif isinstance(action.get("name"), str) and isinstance(action.get("arguments"), dict) \
                    and "field" not in action:
                kinds.add("gorgias")
                replies = replies or action["name"] == "setResponseText"
            else:
                return None
    return kinds.pop() if len(kinds) == 1 and replies else None


def _fielded(data: Any) -> str | None:
    """Freshdesk, Help Scout, Intercom or Front, where every item of the list has fields only that
    helpdesk's items have (read generic, their folders, visibility, subjects and placeholders were lost)."""
    for helpdesk, keys in _LISTED.items():
        items, embedded, wrapper = data, isinstance(data, dict) and isinstance(data.get("_embedded"), dict), None
        if isinstance(data, dict):
            inner = data["_embedded"] if helpdesk == "helpscout" and embedded else data
            wrapper = next((k for k in keys if isinstance(inner.get(k), list)), None)
            items = inner[wrapper] if wrapper is not None else None
        # (Help Scout's list wraps its saved replies in "_embedded": its items need only their name;
        # scriptkit's own Front and Intercom files are named by their wrapper, their items by the fields
        # the import API takes, without the ids and types a helpdesk adds)
        ours = wrapper is not None and _OWN_EXPORT.get(helpdesk, ("",))[0] == wrapper
        objects = [i for i in items if isinstance(i, dict)] if isinstance(items, list) else []  # (as detect_format)
        if objects and all(_own_fields(i) == helpdesk or (embedded and helpdesk == "helpscout" and "name" in i)
                           or (ours and "actions" not in i and set(_OWN_EXPORT[helpdesk][1]) <= set(i))
                           for i in objects):
            return helpdesk
        # (Help Scout's chatText is optional: a list of name-and-text replies of which some have one is its)
        if helpdesk == "helpscout" and objects and all("name" in i and "text" in i for i in objects) \
                and any(_own_fields(i) == helpdesk for i in objects):
            return helpdesk
    return None


#: scriptkit's own export files that carry no id or type of the helpdesk's: their wrapper, their fields
_OWN_EXPORT = {"front": ("message_templates", ("name", "body")), "intercom": ("macros", ("name", "body_text"))}


def _own_fields(item: Mapping[str, Any]) -> str | None:
    """The helpdesk whose API gives an item these fields, where no other export or sheet has them."""
    if "content_html" in item and ("folder_id" in item or "visibility" in item):
        return "freshdesk"
    if item.get("type") == "macro" and ("body_text" in item or "body" in item):
        return "intercom"
    if "chatText" in item and "name" in item:
        return "helpscout"
    if "body" in item and "name" in item and ("is_available_for_all_inboxes" in item
                                              or str(item.get("id", "")).startswith("rsp_")):
        return "front"
    return None


def _reader(fmt: str) -> Callable[[Path, ReadOptions], Any]:
    if fmt not in FORMATS:
        close = difflib.get_close_matches(fmt, list(FORMATS), n=1)
        hint = f"Did you mean '{close[0]}'? " if close else ""
        raise ConfigError(f"unknown import format '{fmt}'", hint=hint + f"Formats: {', '.join(FORMATS)}.")
    module, func, _ = FORMATS[fmt]
    return getattr(importlib.import_module(f"scriptkit.importers.{module}"), func)  # type: ignore[no-any-return]


@dataclass
class Library:
    """What an export holds: the macros scriptkit could read, and the items it could not."""

    source: str
    format: str
    #: for every unreadable item: the helpdesk whose export the file looks like, else None (the wording's skip_bad)
    hint: str | None = None
    macros: list[ImportedMacro] = field(default_factory=list)
    problems: list[ItemProblem] = field(default_factory=list)  # unreadable items
    skipped: list[ItemProblem] = field(default_factory=list)  # items without reply text
    #: the library of each file, when several were read as one (``import_libraries``)
    parts: list[Library] = field(default_factory=list)
    #: notes on an export file as a whole, not on one macro (a CSV's columns not read): in pack.yaml's header
    notes: list[str] = field(default_factory=list)
    #: how many scripts took an id made from their macro's title (the export holds none): said in the summary
    titled_ids: int = 0
    #: whose words its errors and notes speak in: the Python API's (``fmt``) or the command line's (``--from``)
    wording: Wording = API_WORDING

    @property
    def label(self) -> str:
        """How reports name where the library came from: its file, or its first file and how many more."""
        if len(self.parts) < 2:
            return self.source
        return f"{self.parts[0].source} and {len(self.parts) - 1} more file(s)"

    @property
    def read_as(self) -> str:
        """What the file was read as, for the note that says so and the audit's report: its format, or
        "salesforce" for a JSON or CSV file of Quick Text records (read as such, but through the generic reader);
        for several files, each one's ('csv+salesforce'), as ``format`` joins them."""
        if self.parts:
            return "+".join(sorted({part.read_as for part in self.parts}))
        if self.format in ("json", "csv") and self.macros and all(m.raw.dialect == "salesforce" for m in self.macros):
            return "salesforce"
        return self.format

    @property
    def blank_count(self) -> int:
        return sum(len(m.blanks) for m in self.macros)

    def raise_if_unreadable(self) -> None:
        """Every unreadable item as one located error (exit code 2)."""
        errors = [ImportFormatError(f"{p.item}: {p.message}", p.location, part.hint or part.wording.skip_bad)
                  for part in self.parts or [self] for p in part.problems]
        if errors:
            raise errors[0] if len(errors) == 1 else ErrorGroup(errors)

    def hold_back_too_long(self) -> None:
        """Move the macros whose text, as the pack's templates, is longer than check reads to ``problems``
        (each located, naming the limit): an import never writes a pack its own check refuses."""
        from scriptkit.importers.writer import too_long

        for part in self.parts or [self]:
            held = [(macro, problem) for macro in part.macros if (problem := too_long(macro)) is not None]
            if held:
                gone = {id(macro) for macro, _ in held}
                part.macros = [m for m in part.macros if id(m) not in gone]
                part.problems += [problem for _, problem in held]
                if part is not self:
                    self.macros = [m for m in self.macros if id(m) not in gone]
                    self.problems += [problem for _, problem in held]

    def raise_if_empty(self, action: str, where: Mapping[str, str] | None = None, *, listed: bool = True) -> None:
        """No macro to ``action`` (import, audit) is an error (exit code 2) that says why; ``listed``: the
        caller has shown the unreadable items (--skip-bad), else they are named in the error too."""
        if self.macros:
            return
        for part in self.parts:  # (none has a macro: the first says why)
            part.raise_if_empty(action, where, listed=listed)
        if where:
            wanted = " and ".join(f"{column}={value}" for column, value in where.items())
            raise ImportFormatError(f"nothing to {action}: no item has {wanted}", Location(self.source, 1, 1),
                                    f"{self.wording.where} matches the whole value of the column, exactly (case too).")
        if self.problems:  # --skip-bad left out every item
            # (named: the errors are shown by place, and this one, at the file's start, comes before the items')
            named = ", ".join(p.item for p in self.problems[:3])
            more = len(self.problems) - 3
            nothing = ImportFormatError(f"nothing to {action}: none of the items could be read",
                                        Location(self.source, 1, 1),
                                        f"Fix {named}{f' and {more} more' if more > 0 else ''}"
                                        f"{', each' if len(self.problems) > 1 else ','} listed with its own error.")
            if listed:
                raise nothing
            hint = self.hint or "Fix the item."  # (or the helpdesk it looks like)
            raise ErrorGroup([*(ImportFormatError(f"{p.item}: {p.message}", p.location, hint) for p in self.problems),
                              nothing])
        if not self.skipped:
            raise ImportFormatError(f"nothing to {action}: the file holds no items", Location(self.source, 1, 1),
                                    "Is it the right file? An export made before any macro existed is empty.")
        raise self._no_reply_text(action)

    def _no_reply_text(self, action: str) -> ImportFormatError:
        """The error of a library whose every item was skipped for holding no reply text: the items named,
        each where it is and why (a few, then how many more), since none is imported to say so after it."""
        skipped = [str(p).removesuffix("; skipped") for p in self.skipped[:_SKIPPED_SAID]]
        more = len(self.skipped) - len(skipped)
        listed = "; ".join(skipped) + (f"; and {more:,} more" if more else "")
        return ImportFormatError(f"nothing to {action}: no item holds reply text" + (f" ({listed})" if listed else ""),
                                 Location(self.source, 1, 1))

    def write(self, out: str | Path, *, name: str | None = None, force: bool = False,
              channel: str | None = None, overwrite: bool = False) -> Path:
        """The library as a pack at ``out``; its scripts are for ``channel`` (default: the channel the export
        names for every macro, else the one the source helpdesk sends its macros on, ``CHANNEL_OF``); a macro
        the export gives a channel of its own keeps it, unless ``channel`` is given: then every script is for it,
        and a macro the export gave another channel says so in its notes. ``force`` replaces a pack an earlier
        import wrote at ``out``, but not its files edited since, unless ``overwrite``."""
        from scriptkit.importers.writer import too_long, write_pack
        from scriptkit.linting import check_argument

        check_argument(out, (str, os.PathLike), "Library.write", "out", "the new pack's folder (a str or Path)")
        check_argument(name, (str, type(None)), "Library.write", "name", "the pack's name (a str), or None")
        check_argument(force, bool, "Library.write", "force", "True or False")
        check_argument(overwrite, bool, "Library.write", "overwrite", "True or False")
        check_argument(channel, (str, type(None)), "Library.write", "channel", "a name such as 'email', or None")
        if channel is not None:
            channel = known_channels([channel])[0]  # (one scriptkit does not know: a ConfigError naming those it does)
        target = Path(out)
        if not self.macros:
            raise self._no_reply_text("import")
        long = [problem for macro in self.macros if (problem := too_long(macro)) is not None]
        if long:  # (more than check reads: the pack would be refused)
            errors = [ImportFormatError(f"{p.item}: {p.message}", p.location,
                                        "Shorten it, or leave it out of the library; nothing was written.")
                      for p in long]
            raise errors[0] if len(errors) == 1 else ErrorGroup(errors)
        if channel is not None:  # (the writer asked for one channel: a macro the export named another says so)
            for macro in self.macros:
                if macro.native is None and macro.raw.channel and macro.raw.channel != channel:
                    note = (f"its channel in the export is {macro.raw.channel}; imported for {channel}, "
                            "as --channel asked")
                    if note not in macro.notes:
                        macro.about.append(note)
                        macro.notes.append(note)
        own_channels = channel is None
        # the channel the export names for every macro (a sheet of SMS replies), where --channel names none
        named = {m.raw.channel for m in self.macros if m.native is None}
        channel = channel or (named.pop() if len(named) == 1 and "" not in named else None)
        channel = channel or CHANNEL_OF.get(self.format, "email")
        exported = next((m.native.pack.get("name") for m in self.macros if m.native is not None), None)
        display = name or exported or " ".join(re.split(r"[-_\s]+", target.name)).strip().title() or "Imported"
        source = Path(self.source).name if len(self.parts) < 2 else f"{len(self.parts)} files"
        # (an item with no reply text is skipped, not refused: pack.yaml's header keeps where each stands, as the
        # import's output said)
        not_imported = [f"not imported, as it holds no reply text: {p}".removesuffix("; skipped")
                   for p in self.skipped[:_SKIPPED_NOTED]]
        if len(self.skipped) > _SKIPPED_NOTED:
            not_imported.append(f"and {len(self.skipped) - _SKIPPED_NOTED} more item(s) with no reply text, "
                                "not imported")
        # (an unreadable item left out, --skip-bad's: named there too, so none is lost with only the terminal's trace)
        left_out = " (--skip-bad)" if self.wording.command_line else ""
        not_imported += [f"not imported, as it could not be read{left_out}: {p}"
                         for p in self.problems[:_SKIPPED_NOTED]]
        if len(self.problems) > _SKIPPED_NOTED:
            not_imported.append(f"and {len(self.problems) - _SKIPPED_NOTED} more item(s) that could not be read, "
                                "not imported")
        return write_pack(self.macros, target, name=display, source=source, fmt=self.read_as, force=force,
                          channel=channel, own_channels=own_channels, notes=[*self.notes, *not_imported],
                          force_named="--force" if self.wording.command_line else "force=True", overwrite=overwrite,
                          overwrite_named="--overwrite-edits" if self.wording.command_line else "overwrite=True")

    def load_written(self, root: Path) -> Pack:
        """The pack ``write`` wrote at ``root``, loaded; an error in it (the import wrote a script the loader
        refuses: a bug to fix here) is told where its macro stands in the export, not in ``root``, a folder
        the caller may never see (the audit's temporary one)."""
        from scriptkit.loading import load_pack

        try:
            return load_pack(root)
        except ErrorGroup as group:
            raise ErrorGroup([self._in_export(error, root) for error in group.errors]) from None
        except ScriptkitError as error:
            raise self._in_export(error, root) from None

    def _in_export(self, error: ScriptkitError, root: Path) -> ScriptkitError:
        if error.location is None or not Path(error.location.file).is_relative_to(root):
            return error
        stem = Path(error.location.file).stem
        macro = next((m for m in self.macros if m.id == stem), None)
        quoted = re.search(r"'([^']+)'", error.message)
        location = (macro.raw.where(quoted[1]) if macro is not None and quoted else
                    macro.raw.location if macro is not None else Location(self.source, 1, 1))
        item = f"{macro.raw.label or repr(macro.raw.title)}: " if macro is not None else ""
        return type(error)(f"{item}imported, it reads as a script no pack can hold: {error.message}", location,
                           "Reword it in the helpdesk, or leave it out of the library.")


#: the items with no reply text pack.yaml's header names one by one (the rest are counted)
_SKIPPED_NOTED = 20
#: the items with no reply text the error of a library of none else names (the rest are counted)
_SKIPPED_SAID = 3


def import_libraries(paths: Sequence[str | Path], fmt: str | None = None, *,
                     mapping: Mapping[str, str] | None = None, where: Mapping[str, str] | None = None,
                     bodies: str | None = None, progress: Callable[[int], None] | None = None,
                     wording: Wording = CLI_WORDING) -> Library:
    """Several exports read as one library: a folder of Markdown files, an export per language or per
    brand. Each file is read as ``import_library`` reads it (its own format, told by its shape or
    suffix, or ``fmt``); script ids stay distinct across the files, and macros of one title in
    different files name each other, as they do within one. One path is ``import_library``.

    ``wording``: whose words the errors speak in. This is what the commands read through (``scriptkit import``,
    and ``audit`` of export files, whose ``scriptkit.audit.audit`` speaks in flags too), so the command
    line's by default (``--from zendesk``); ``import_library``, the public API, speaks in its keywords
    (``fmt='zendesk'``), and so does this given ``API_WORDING``.
    """
    # (a folder of scriptkit's own export: the files of it that hold its scripts)
    paths = [file for path in paths for file in (_exported(path, fmt, wording) or [path])]
    if len(paths) == 1:
        return _read_library(paths[0], fmt, mapping=mapping, where=where, bodies=bodies, progress=progress,
                             wording=wording)
    seen: dict[Path, str | Path] = {}
    for path in paths:  # (a glob and a name of the same file: every macro of it would be there twice)
        if (first := seen.get(Path(path).resolve())) is not None:
            also = f" (as {first} too)" if str(first) != str(path) else ""
            raise ConfigError(f"{path} is given twice{also}", Location(str(path), 1, 1),
                              "Name each file once.")
        seen[Path(path).resolve()] = path
    taken: set[str] = set()
    parts = [_read_library(path, fmt, mapping=mapping, where=where, bodies=bodies, progress=progress, taken=taken,
                           titles_named=False, wording=wording) for path in paths]
    formats = sorted({part.format for part in parts})
    library = Library(parts[0].source, formats[0] if len(formats) == 1 else "+".join(formats), parts=parts,
                      wording=wording)
    for part in parts:
        library.macros += part.macros
        library.problems += part.problems
        library.skipped += part.skipped
        library.notes += part.notes
        library.titled_ids += part.titled_ids
    # (a helpdesk export of a file per macro, as scriptkit's own macros/ folder: a channel's or a variant's macro is
    # in a file of its own, merged into its script only here, where they meet)
    library.macros = merge_channels(merge_variants(library.macros))
    _name_repeated_titles(library.macros)
    return library


def _exported(path: Any, fmt: Any, wording: Wording) -> list[str | Path] | None:
    """``exported_files`` of ``path`` where it is a folder, else None."""
    folder = Path(path) if isinstance(path, (str, os.PathLike)) else None
    try:
        if folder is None or not folder.is_dir():
            return None
    except OSError:  # (a path the system refuses, too long: the reader says so, located)
        return None
    files = exported_files(folder, fmt if isinstance(fmt, str) else None, command_line=wording.command_line)
    return None if files is None else list(files)


def _id_of(item: RawItem, own_ids: ExportedIds | None, titled: set[int]) -> str:
    """The item's script id: the one its export gives (Gorgias's external_id, a sheet's column), else the one the
    file of scriptkit's own export that holds its title is named by (``exported_ids``), else one made from its
    title, the item then in ``titled`` (by ``id``)."""
    if item.script_id:
        return item.script_id
    if own_ids:  # (the title its export file writes, else its own)
        ident = item.settings.get("id")
        if own := (item.export_title and exported_id(own_ids, item.export_title, ident)) or exported_id(
                own_ids, item.title, ident):
            return own
    titled.add(id(item))
    return _script_id(item)


def _script_id(item: RawItem) -> str:
    """A script id from the macro's title; where the title has no letters an id can hold ('配送の遅れ'), from its
    helpdesk id ('macro-78'), so each such macro's files are told apart by more than 'macro-2'."""
    return slugify(item.title, slugify(f"macro {item.export_id}") if item.export_id else "macro")


def refuse_content(source: object, function: str) -> None:
    """A ConfigError for an export's content passed where its path goes (a JSON string, a sheet's lines, bytes),
    which was read as a file's name ("no such file: {...the whole export...}") or as a list of numbers; in a list
    of paths too, the item named."""
    if isinstance(source, list | tuple):
        for i, item in enumerate(source):
            _refuse_content(item, function, f"item {i}: ")
    else:
        _refuse_content(source, function, "")


def _refuse_content(source: object, function: str, item: str) -> None:
    if isinstance(source, str) and (source.lstrip()[:1] in ("{", "[") or "\n" in source):
        try:
            if os.path.exists(source):  # (a file named "[team] macros.csv" is a path)
                return
        except (OSError, ValueError):  # (too long to be a path, or holding a NUL)
            pass
    elif not isinstance(source, bytes | bytearray | memoryview):
        return
    unit = "characters" if isinstance(source, str) else "bytes"
    suffix = _content_suffix(source)
    raise ConfigError(f"{function}() takes the path to the export file, not its content ({item}{len(source):,} "
                      f"{unit} starting {bytes(source[:20]) if isinstance(source, memoryview) else source[:20]!r})",
                      hint=f"Write the content to a file (tempfile.NamedTemporaryFile(suffix={suffix!r})) and pass "
                           "its path.")


def _content_suffix(content: str | bytes | bytearray | memoryview) -> str:
    """The file suffix an export's content reads as, for the advice to write it to a file: a JSON document, JSON
    lines (an object on each line), else a sheet (CSV content was told '.json')."""
    text = content if isinstance(content, str) else bytes(content[:4000]).decode("utf-8", "replace")
    lines = [line.strip() for line in text.strip()[:4000].splitlines() if line.strip()]
    if len(lines) > 1 and all(line.startswith("{") for line in lines[:-1]) and lines[0].endswith("}"):
        return ".jsonl"
    return ".json" if text.lstrip()[:1] in ("{", "[") else ".csv"


def import_library(path: str | Path | Sequence[str | Path], fmt: str | None = None, *,
                   mapping: Mapping[str, str] | None = None, where: Mapping[str, str] | None = None,
                   dialect: str | None = None, bodies: str | None = None,
                   progress: Callable[[int], None] | None = None, taken: set[str] | None = None,
                   titles_named: bool = True, wording: Wording = API_WORDING) -> Library:
    """Read an export into a Library; a list of export files is read as one library, as ``scriptkit import`` and
    ``audit_library`` read several (``import_libraries``; ``dialect``, ``taken`` and ``titles_named`` are for one
    file). A folder scriptkit's own export wrote is read back (its helpdesk's files); any other folder is a
    ``ConfigError`` naming the export files in it. An export that holds no item to import (an empty list, or items
    none of which holds reply text) is an ``ImportFormatError`` (located), as the command refuses it; items that
    cannot be read are in ``Library.problems``, as below.

    ``fmt``, when omitted, is the helpdesk whose export a JSON file's shape says it is (``detect_format``), else
    guessed from the suffix. ``taken``:
    script ids other files of the library took (this one's are added); ``titles_named``: macros that
    share a title are named here (else the caller names them, across its files).

    ``mapping``: ``{field: column}`` (``{"title": "Name", "body": "Text"}``, what ``--map title=Name,body=Text``
    says); ``where``: ``{column: value}``, the rows to read; ``dialect``: the helpdesk whose placeholders a
    generic file's text holds (``"zendesk"``...); ``bodies``: how a generic file's (CSV, JSON lines, JSON, YAML,
    JavaScript) plain bodies are read, ``"plain"`` word for word (the default) or ``"markdown"`` as a Markdown
    library's replies are (``[text](address)`` a link, ``**twice**`` the word); ``progress``: called with the
    count of items read so far; ``wording``: whose words the errors speak in, the Python API's by default
    (``fmt='zendesk'``; ``scriptkit import`` passes ``CLI_WORDING``, its flags, ``--from zendesk``).

    Raises ``ImportFormatError`` (located) when the file as a whole cannot be read; single
    unreadable items are collected in ``Library.problems`` by name. An argument of the wrong type
    (``mapping="title=Name"``, a list for ``taken``) is a ConfigError saying what to pass.
    """
    refuse_content(path, "import_library")
    if isinstance(path, (str, os.PathLike)) and (files := _exported(path, fmt, wording)) is not None:
        path = files[0] if len(files) == 1 else files  # (a folder of scriptkit's own export: its files)
    if isinstance(path, Sequence) and not isinstance(path, str):
        # (by position: a None in the list is as wrong as a number)
        odd = next((i for i, p in enumerate(path) if not isinstance(p, (str, os.PathLike))), None)
        if not path or odd is not None:
            wrong = "an empty list" if odd is None else f"a list holding {argument_named(path[odd])}"
            raise ConfigError("import_library() takes a file's path (a str or Path), or a list of export files' "
                              f"paths, not {wrong}",
                              hint="Pass an export file, or several export files in a list.")
        for name, value in (("dialect", dialect), ("taken", taken)):
            if value is not None:
                raise ConfigError(f"import_library() takes {name} for one file, not for a list of files",
                                  hint=f"Read each file with its own import_library(path, {name}=...).")
        paths = list(path)
        library = import_libraries(paths, fmt, mapping=mapping, where=where, bodies=bodies, progress=progress,
                                   wording=wording) if len(paths) > 1 else \
            _read_library(paths[0], fmt, mapping=mapping, where=where, bodies=bodies, progress=progress,
                          titles_named=titles_named, wording=wording)
    else:
        try:
            library = _read_library(path, fmt, mapping=mapping, where=where, dialect=dialect, bodies=bodies,
                                    progress=progress, taken=taken, titles_named=titles_named, wording=wording)
        except OSError as exc:  # (a path the system refuses: too long, a folder above it that may not be opened)
            raise path_error(exc, os.fsdecode(os.fspath(path)), ImportFormatError) from None
    if not library.problems:  # (else Library.problems says why no macro could be read)
        library.raise_if_empty("import")
    return library


def _read_library(path: str | Path, fmt: str | None = None, *, mapping: Mapping[str, str] | None = None,
                  where: Mapping[str, str] | None = None, dialect: str | None = None, bodies: str | None = None,
                  progress: Callable[[int], None] | None = None, taken: set[str] | None = None,
                  titles_named: bool = True, wording: Wording = API_WORDING) -> Library:
    """One file read into a Library, as ``import_library`` reads it (an empty one is the caller's to refuse:
    several files are one library, and an audit says 'nothing to audit').
    """
    _check_import_arguments(path, fmt, mapping, where, dialect, bodies, progress, taken, titles_named, wording)
    w = wording
    file = Path(path)
    if not file.exists():
        raise ImportFormatError(f"no such file: {file}", Location(str(file), 1, 1))
    refuse_not_a_file(file)  # (before anything opens it: a pipe's open() waits for a writer)
    if file.is_dir():  # (the files in it, and how to read them as one library, as the command says)
        refuse_folder(file, "import", command_line=w.command_line)
    if fmt is None and file.is_file():
        refuse_archive(file)  # its suffix names no format: say what it is instead
    if fmt is None and guess_format(file) in ("json", None) and file.is_file() and not mapping and not where:
        fmt = detect_format(file)  # (--map and --where are for the generic reader: the user chose it)
    fmt = fmt or guess_format(file)
    if fmt is None:
        raise ConfigError(f"cannot tell the format of {file.name} from its name", Location(str(file), 1, 1),
                          f"Pass {w.fmt} one of: {', '.join(FORMATS)}." if w.command_line else
                          f"Pass fmt, one of: {', '.join(map(repr, FORMATS))}.")
    reader = _reader(fmt)
    if (mapping or where) and fmt not in _COLUMNS:
        # a helpdesk's export has fixed fields its reader knows: ignoring the option read every macro
        option, does = (w.mapping, "renames the columns") if mapping else (w.where, "picks the rows")
        raise ConfigError(f"{option} {does} of a CSV, JSON, JSON lines, YAML or JavaScript file; "
                          f"{FORMAT_NAMES.get(fmt, fmt)} export has fixed fields, and every item in it is read",
                          hint=f"Leave out {option}.")
    _check_bodies(bodies, fmt, file, w)
    options = ReadOptions(dict(mapping or {}), dict(where or {}), dialect, bodies or "plain", w)
    library = Library(str(file), fmt, wording=w)
    taken = set() if taken is None else taken
    tried: dict[str, int] = {}
    own_ids = exported_ids(file) if file.is_file() else None  # (scriptkit's own export folder: ids by file name)
    titled: set[int] = set()  # (the items whose id was made from their title)
    try:
        for n, item in enumerate(_read(reader, file, options, fmt), start=1):
            # (half a character in an id, a title or a text, of any format's item, scriptkit's own export's too)
            if isinstance(item, (RawItem, ImportedMacro)) and (half := half_character(
                    item if isinstance(item, RawItem) else item.raw)) is not None:
                item = half
            if isinstance(item, RawItem):  # (before its id is made from its title)
                take_out_terminal_escapes(item)
            if isinstance(item, FileNote):  # (about the file, not an item: in pack.yaml, no script's)
                library.notes.append(item.message)
            elif isinstance(item, ItemProblem):
                (library.skipped if item.skipped else library.problems).append(item)
            elif isinstance(item, ImportedMacro):  # scriptkit's own export: read back, not converted
                item.id = _unique(item.id, taken, tried)
                library.macros.append(item)
                library.format = "scriptkit"
            elif (long := reply_too_long(item)) is not None:  # (its text, measured once read)
                library.problems.append(long)
            elif (macro := convert(item, _unique(_id_of(item, own_ids, titled), taken, tried))).pieces:
                library.macros.append(macro)
            else:  # only markup: an image, an empty paragraph
                images = ", ".join(html_images(item.body)) if item.html else ""
                library.skipped.append(ItemProblem(
                    item.location, item.label or item.name,
                    "its reply holds no text" + (f", only an image ({images})" if images else "") + "; skipped",
                    skipped=True))
            if progress is not None:
                progress(n)
    except ScriptkitError:
        raise
    except RecursionError:
        raise ImportFormatError("the file is nested too deeply to read", Location(str(file), 1, 1)) from None
    library.macros = merge_channels(merge_variants(library.macros))  # (a channel's variants into its macro first)
    library.titled_ids = sum(id(macro.raw) in titled for macro in library.macros)
    _name_repeated_ids(library.macros)
    if titles_named:
        _name_repeated_titles(library.macros)
    if library.problems and not library.macros and (other := _other_helpdesk(file, fmt, w)):
        library.hint = other  # no item could be read: the wrong --from, most likely
    return library


def _check_import_arguments(path: Any, fmt: Any, mapping: Any, where: Any, dialect: Any, bodies: Any,
                            progress: Any, taken: Any, titles_named: Any, wording: Any) -> None:
    """A ConfigError for an argument of ``import_library`` of the wrong type, saying what to pass."""
    from scriptkit.linting import check_argument

    function = "import_library"
    check_argument(path, (str, os.PathLike), function, "the path", "a file's path (a str or Path)")
    check_argument(fmt, (str, type(None)), function, "fmt", "a format's name, or None to tell it from the file",
                   f"Formats: {', '.join(FORMATS)}.")
    for name, value, example, cli in (("mapping", mapping, "{'title': 'Name', 'body': 'Text'}", "--map"),
                                      ("where", where, "{'inbound': 'False'}", "--where")):
        hint = f"Pass a dict of {'field to column' if name == 'mapping' else 'column to value'}: {name}={example}."
        if isinstance(value, str) and "=" in value:  # (the command line's spelling)
            pairs = dict(part.partition("=")[::2] for part in value.split(",") if "=" in part)
            hint = f"Pass a dict: {name}={pairs!r} ({cli} {value} on the command line)."
        check_argument(value, (Mapping, type(None)), function, name, "a dict of str, or None", hint)
        for key, item in (value or {}).items():
            if not isinstance(key, str) or not isinstance(item, str):
                raise ConfigError(f"{function}() takes {name} as a dict of str, not one holding "
                                  f"{argument_named(key if not isinstance(key, str) else item)}", hint=hint)
    if mapping:
        unknown = [key for key in mapping if key not in DEFAULTS]
        if unknown:
            close = difflib.get_close_matches(unknown[0], list(DEFAULTS), n=1)
            raise ConfigError(f"{function}() takes mapping's keys as the fields {', '.join(DEFAULTS)}; "
                              f"'{unknown[0]}' is none of them",
                              hint=(f"Did you mean '{close[0]}'? " if close else "")
                              + "Each key is a field; its value, the file's column that holds it.")
    dialects = sorted(HELPDESKS)
    check_argument(dialect, (str, type(None)), function, "dialect", "a helpdesk's name, or None",
                   f"Dialects: {', '.join(dialects)}.")
    if dialect is not None and dialect not in dialects:
        close = difflib.get_close_matches(dialect, dialects, n=1)
        raise ConfigError(f"{function}() has no dialect '{dialect}'",
                          hint=(f"Did you mean '{close[0]}'? " if close else "") + f"Dialects: {', '.join(dialects)}.")
    if progress is not None and not callable(progress):
        raise ConfigError(f"{function}() takes progress as a function called with a count, or None, "
                          f"not {argument_named(progress)}")
    check_argument(taken, (set, type(None)), function, "taken",
                   "a set of script ids (this file's ids are added to it), or None",
                   f"Pass a set: taken=set({taken!r})." if isinstance(taken, list | tuple | frozenset) else None)
    check_argument(titles_named, bool, function, "titles_named", "True or False")
    check_argument(wording, Wording, function, "wording", "API_WORDING or CLI_WORDING (scriptkit.importers)")
    check_argument(bodies, (str, type(None)), function, "bodies",
                   "how a generic file's bodies are read: 'plain' or 'markdown', or None",
                   "Pass bodies='markdown' to read them as Markdown.")
    if bodies is not None and bodies not in BODIES:
        close = difflib.get_close_matches(bodies.casefold(), list(BODIES), n=1)
        raise ConfigError(f"{function}() has no bodies={bodies!r}",
                          hint=(f"Did you mean '{close[0]}'? " if close else "")
                          + "Pass bodies='markdown' to read a generic file's bodies as Markdown, 'plain' (the "
                            "default) to keep them word for word.")


def _check_bodies(bodies: str | None, fmt: str, file: Path, wording: Wording) -> None:
    """A ConfigError (at the file) for ``bodies`` given with a format whose bodies are what its format says: a
    helpdesk's export (HTML, or its own plain text), a Markdown library given 'plain'. Ignoring the option would
    read every reply otherwise than the caller asked, unsaid. (scriptkit's own export, in the pack's notation,
    reads back exactly either way, as it does when a JSON file given ``bodies`` turns out to be one.)"""
    if bodies is None or fmt in _COLUMNS or fmt == "scriptkit" or (fmt, bodies) == ("markdown", "markdown"):
        return
    given = wording.given(wording.bodies, bodies)
    generic = "a CSV, JSON, JSON lines, YAML or JavaScript file"
    if fmt == "markdown":
        raise ConfigError(f"{given} is for the bodies of {generic}; a Markdown library's replies are Markdown, "
                          "and read as such", Location(str(file), 1, 1),
                          f"Leave out {wording.bodies}, or pass {wording.given(wording.fmt, 'yaml')} (or csv, json...) "
                          "if the file is a generic library.")
    what = FORMAT_NAMES.get(fmt, fmt)
    generic_fmt = suffix if (suffix := guess_format(file)) in _COLUMNS else "json"  # (a Data Loader sheet: csv)
    holds = ("plain text with its merge fields, read as such" if fmt == "salesforce" else
             "HTML (or its plain-text version), read as such: its links and lists are read from the HTML")
    raise ConfigError(f"{given} is for the bodies of {generic}; {what} export's replies are {holds}",
                      Location(str(file), 1, 1), f"Leave out {wording.bodies}, or pass "
                      f"{wording.given(wording.fmt, generic_fmt)} if the file is a generic library of Markdown "
                      "replies.")


def _name_repeated_ids(macros: list[ImportedMacro]) -> None:
    """Items that share an id (pages joined with an overlap, a hand-edited export) are all kept; each
    names the others, so merging them is a choice."""
    by_id: dict[str, list[ImportedMacro]] = {}
    for macro in macros:
        if macro.native is None and not macro.raw.key.startswith("#"):  # (#n: a position, not an id)
            by_id.setdefault(macro.raw.key, []).append(macro)
    for same in (group for group in by_id.values() if len(group) > 1):
        for macro in same:
            others = _others(same, macro, lambda m: f"{m.title!r} at {m.raw.location}")
            note = f"the export gives id {macro.raw.key} to another item too ({others}): {_all(same)} imported"
            macro.about.append(note)
            macro.notes.append(note)


_NAMED_OTHERS = 5  # items of the same title or id a macro's note names (then: how many more)


def _others(same: list[ImportedMacro], macro: ImportedMacro, name: Callable[[ImportedMacro], str]) -> str:
    """The first few of ``same`` but ``macro``, named, and how many more: 4,000 replies of one title each
    named the 3,999 others (a pack of 800 MB, written in minutes)."""
    named = [m for m in same[:_NAMED_OTHERS + 1] if m is not macro][:_NAMED_OTHERS]
    more = len(same) - 1 - len(named)
    return "; ".join(map(name, named)) + (f"; and {more:,} more" if more else "")


def _all(same: list[ImportedMacro]) -> str:
    return "both were" if len(same) == 2 else f"all {len(same):,} were"


def _name_repeated_titles(macros: list[ImportedMacro]) -> None:
    """Macros of one title (a helpdesk may allow it) are all kept; each names the others, since an export
    of the pack refuses two macros of one title (SK507) and the lead should hear it now, not then."""
    by_title: dict[str, list[ImportedMacro]] = {}
    for macro in macros:
        if macro.native is None:
            by_title.setdefault(title_key(macro.title), []).append(macro)  # (as SK507 compares them)
    for group in (group for group in by_title.values() if len(group) > 1):
        for macro in group:
            # (as SK507 judges them: a private reply is in its owner's picker alone, beside the shared ones; a
            # Freshdesk response clashes only in its own folder)
            same = [m for m in group if m is macro or _meet(m, macro)]
            if len(same) == 1:
                continue
            others = _others(same, macro, lambda m: f"{m.raw.name} at {m.raw.location}")
            note = (f"another item has the title {macro.title!r} too ({others}): {_all(same)} imported; an export "
                    "asks for distinct titles (SK507)")
            macro.about.append(note)
            macro.notes.append(note)


def _title_scope(macro: ImportedMacro) -> str | None:
    """Where alone ``macro``'s title must differ, as the export's SK507 judges it (``title_scope``): a Front
    teammate's private templates, a Front team's workspace, a Freshdesk folder's shared responses; None where across
    every reply."""
    found = macro.raw.settings
    if macro.raw.dialect == "front" and (owner := found.get("teammate_id")) is not None:
        return f"teammate {teammate(owner) or owner}"  # (named as the Front target's title_scope names them)
    if macro.raw.dialect == "front" and (workspace := found.get("team_id")) is not None:
        return f"team {team(workspace) or workspace}"
    if macro.raw.dialect == "freshdesk" and found.get("visibility", "all") == "personal":
        return f"personal {id(macro)}"  # (exempt: Freshdesk refuses no personal response's title, see its target)
    if macro.raw.dialect == "freshdesk" and found.get("folder_id") is not None:
        return f"folder {found['folder_id']}"
    return None


def _meet(one: ImportedMacro, other: ImportedMacro) -> bool:
    """Whether their titles must differ: either's must differ from every reply's, or both are in one scope."""
    mine, theirs = _title_scope(one), _title_scope(other)
    if one.raw.dialect == other.raw.dialect == "front":  # (as the export judges them: two teams' never meet)
        return FrontTarget().title_scopes_meet(mine, theirs)
    return mine is None or theirs is None or mine == theirs


def _read(reader: Callable[[Path, ReadOptions], Any], file: Path, options: ReadOptions, fmt: str) -> Any:
    """The reader's items; a document of the wrong shape names the helpdesk it looks like."""
    try:
        yield from reader(file, options)
    except UnexpectedShape as exc:
        if other := _other_helpdesk(file, fmt, options.wording):
            exc.hint = other
        raise


def _other_helpdesk(file: Path, fmt: str, wording: Wording) -> str | None:
    """'This looks like a Freshdesk export: ...' when the file's items look like another helpdesk's."""
    if fmt not in HELPDESKS:
        return None
    try:
        data = json.loads(decode_export(read_capped(file, MAX_FILE_BYTES)))
    except (OSError, ValueError, RecursionError):
        return None
    if isinstance(data, dict):
        inner: dict[str, Any] = data["_embedded"] if isinstance(data.get("_embedded"), dict) else data
        data = next((v for v in inner.values() if isinstance(v, list)), [inner.get("macro", inner)])
    for item in data[:20] if isinstance(data, list) else []:
        found = _helpdesk_of(item) if isinstance(item, dict) else None
        if found == "salesforce" and fmt != "salesforce":  # (read as JSON: a Quick Text record says what it is)
            return (f"This looks like a Salesforce Quick Text export: leave out {wording.fmt}, or pass "
                    f"{wording.given(wording.fmt, 'salesforce')}.")
        if found:
            name = HELPDESKS[found]
            return None if found == fmt else (f"This looks like {'an' if name[0] in 'AEIOU' else 'a'} {name} export: "
                                              f"pass {wording.given(wording.fmt, found)}.")
    return None


def lone_item_hint(data: Mapping[str, Any], wording: Wording = API_WORDING) -> str | None:
    """'This looks like one Help Scout saved reply...' for a JSON document that is one item as a helpdesk's
    API gives it alone (GET .../saved-replies/{id}), which that helpdesk's reader takes: read as a generic
    library it was an unexpected shape, or a {title: text} of its field names."""
    helpdesk = _helpdesk_of(data)
    if helpdesk not in FORMATS:  # (None, or a Salesforce record: the JSON reader's own)
        return None
    module = importlib.import_module(f"scriptkit.importers.{helpdesk}")
    if not (lone_item(data, module.EXPORT.keys) or (helpdesk == "front" and module.is_template(data))):
        return None
    export = module.EXPORT
    name = HELPDESKS[str(helpdesk)]
    return (f"This looks like one {name} {export.noun} on its own, not a list: "
            f"pass {wording.given(wording.fmt, helpdesk)}.")


def _helpdesk_of(item: Mapping[str, Any]) -> str | None:
    """The helpdesk whose export has an item like this: the fields only its items have."""
    typed = item.get("attributes")
    if isinstance(typed, Mapping) and typed.get("type") == "QuickText":
        return "salesforce"
    actions = item.get("actions")
    first = actions[0] if isinstance(actions, list) and actions and isinstance(actions[0], dict) else {}
    if "field" in first:
        return "zendesk"
    if "arguments" in first:
        return "gorgias"
    if "content_html" in item:
        return "freshdesk"
    if item.get("type") == "macro" or "body_text" in item:
        return "intercom"
    if "chatText" in item or "text" in item or "preview" in item:
        return "helpscout"
    if "body" in item and "name" in item:
        return "front"
    return None


def _unique(slug: str, taken: set[str], tried: dict[str, int] | None = None) -> str:
    """``slug``, else ``slug-2``, ``slug-3``..., the first not ``taken``; ``tried``: the number each slug's
    last search reached (taken only grows), so that the 4,000th reply of one title is not 4,000 tries."""
    candidate, n = slug, (tried or {}).get(slug, 2)
    if n > 2:
        candidate = f"{slug}-{n - 1}"
    while candidate in taken:
        candidate, n = f"{slug}-{n}", n + 1
    taken.add(candidate)
    if tried is not None:
        tried[slug] = n
    return candidate


__all__ = ["API_WORDING", "CLI_WORDING", "DETECTED", "FORMATS", "ImportedMacro", "ItemProblem", "Library", "RawItem",
           "Wording", "describe_formats", "detect_format", "import_libraries", "import_library", "refuse_folder"]
