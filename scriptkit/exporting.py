"""Export a pack to helpdesks: lint gate, per-target checks, deterministic atomic output.

``export(pack, ["zendesk", "front"], "out/")`` renders every script, runs the linter (refusing
on error-severity findings unless ``force``), turns each Message into each target's payload,
checks the target's limits and unsupported features (SK5xx), and writes all files into a
temporary folder beside ``out`` that replaces the previous export in one rename.
"""

from __future__ import annotations

import ctypes
import difflib
import errno
import hashlib
import os
import re
import shutil
import stat
import sys
import tempfile
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any

from scriptkit.diagnostics import Diagnostic, Location, Severity
from scriptkit.errors import ConfigError, ErrorCollector, ErrorGroup, ScriptkitError, make_folder, path_error
from scriptkit.loading import load_pack
from scriptkit.message import DEFAULT_LAYOUT_FILE, Message, Text, names_listed
from scriptkit.models import REPLY_SLOTS, Origin, Pack, Script
from scriptkit.rendering import pack_place, render_pack, wanted_channels, written_for
from scriptkit.targets import resolve
from scriptkit.targets.base import (
    SETTING_CODES,
    BaseTarget,
    MacroId,
    Problem,
    Rendered,
    Target,
    as_list,
    blank_marker,
    catalogue_of,
    human_text,
    id_is_pack_wide,
    id_owner,
    id_setting,
    own_id,
    pack_wide_id_found,
    problem,
    repeated_id_problem,
    scopes_meet,
    script_ids,
)
from scriptkit.text import joined_with_and, title_key

if TYPE_CHECKING:
    from scriptkit.config import LintConfig

#: Written into every export folder; only a folder holding it may be replaced by a new export. It lists each
#: file the export wrote, with its SHA-256: the next export carries every other file (the writer's) into the
#: new folder, and stops at a listed file the writer changed unless told to overwrite it ("nothing lost").
MARKER = ".scriptkit-export"
MARKER_TEXT = (b"This folder is written by `scriptkit export` and replaced on every export; files you add to it "
               b"are kept.\n")
_MANIFEST_HEAD = (b"The files it wrote, each with its SHA-256: the next export into this folder replaces them "
                  b"(one changed since only when told to overwrite it) and keeps every other file.\n")
#: what the marker said before (an export that refused every file it did not write): its list reads the same
_MANIFEST_HEADS = (_MANIFEST_HEAD, b"The files it wrote, each with its SHA-256: a file not listed here, or "
                                   b"changed since, stops the next export into this folder.\n")
_MANIFEST_LINE = re.compile(r"([0-9a-f]{64})  (\S.*)")
#: what a file browser writes into any folder it shows (macOS Finder, Windows Explorer's thumbnails): no
#: one's work, and replaced with the folder rather than stop every export after a look at it
_OS_CACHES = frozenset({".DS_Store", "Thumbs.db"})


#: what a caller of ``export()`` does about a refusal (the command line says ``--force`` instead)
API_FORCE_HINT = "Fix them, or pass force=True to export anyway (--force on the command line)."
CLI_FORCE_HINT = "Fix them, or export anyway with --force."


@dataclass(frozen=True)
class Wording:
    """How an export's errors name what the caller gave: a caller of ``export()`` passed arguments
    (``targets``, ``out_dir``, ``overwrite=True``), ``scriptkit export`` was given flags (``--to``, ``--out``,
    ``--overwrite-edits``)."""

    out: str  # the output folder
    no_target: str  # what to do when no target is given, nor one under export: targets:
    overwrite: str  # how to say "replace the edited files": "with overwrite=True"


#: the Python API's words (``export()``)
API_WORDING = Wording(out="out_dir", overwrite="with overwrite=True",
                      no_target="Pass targets: 'zendesk', ['zendesk', 'front'] or 'all'; or list targets under "
                                "export: targets: in pack.yaml for targets=[] to export them.")
#: the command line's words (``scriptkit export``)
CLI_WORDING = Wording(out="--out", overwrite="with --overwrite-edits",
                      no_target="Use --to TARGET (or --to all), or list targets under export: targets: in pack.yaml.")


class ExportRefused(ScriptkitError):
    """The pack has error-severity findings (lint or SK5xx) and ``force`` was not given."""

    exit_code = 1

    def __init__(self, message: str, diagnostics: Sequence[Diagnostic], hint: str | None = None):
        super().__init__(message, None, hint)
        #: every finding of the run (sorted by place, as the CLI reports them), warnings included
        self.diagnostics = list(diagnostics)

    @property
    def errors(self) -> list[Diagnostic]:
        """The error-severity findings: the ones that refused the export."""
        return [d for d in self.diagnostics if d.severity == Severity.ERROR]

    def __str__(self) -> str:
        # the refusal first, then what caused it; the warnings did not, and are only counted
        errors = self.errors
        others = len(self.diagnostics) - len(errors)
        # (each with the channels it is on: a title too long on email and on sms is two findings, alike but for them)
        lines = [self.message, *(f"  {d.format()}" + (f" ({on})" if (on := d.extra.get('channels') or d.channel)
                                                      else "") for d in errors)]
        if others:
            lines.append(f"  (and {others} warning(s) or suggestion(s) that do not stop an export: "
                         "see its .diagnostics)")
        if self.hint:
            lines.append(self.hint)
        return "\n".join(lines)


@dataclass
class ExportResult:
    """What ``export()`` wrote: ``out_dir`` (the folder), ``files`` (paths written, relative to it),
    ``diagnostics`` (the linter's and the helpdesk targets' findings, sorted; errors only when
    ``force`` let the export go ahead) and ``counts`` (macros written per helpdesk target, by target name)."""

    out_dir: Path
    files: list[str]
    diagnostics: list[Diagnostic]
    counts: dict[str, int] = field(default_factory=dict)  # target -> records exported
    #: folders an earlier export wrote into ``out_dir`` that this one replaced without writing again
    #: (another helpdesk's export, say: the folder is replaced as a whole)
    replaced: list[str] = field(default_factory=list)
    #: files in ``out_dir`` that no export wrote (the writer's notes), carried into the new export folder
    kept: list[str] = field(default_factory=list)
    #: files the earlier export wrote and the writer edited, replaced (or, if this export does not write
    #: them again, removed) because ``overwrite`` was given
    overwritten: list[str] = field(default_factory=list)
    #: what a target's count in the summary goes on to say (" (2 private, under front/teammates/)"), by target name
    count_notes: dict[str, str] = field(default_factory=dict)
    #: the files the helpdesk will refuse, over its own limits (a forced export, or a ``limits`` setting raised
    #: past them), each with why ("the title is 2 characters; it needs at least 3"), by target name
    refused: dict[str, list[tuple[str, str]]] = field(default_factory=dict)


def export(pack: Pack | str | os.PathLike[str], targets: Iterable[str] | str, out_dir: str | os.PathLike[str], *,
           force: bool = False, channels: Iterable[str] | None = None, grammar: str | None = None,
           config: LintConfig | None = None, lint: bool = True, overwrite: bool = False) -> ExportResult:
    """Export ``pack`` (a Pack, or the folder to load it from) to each of ``targets`` (names, or
    ``"all"``; an empty list: those under ``export: targets:`` in pack.yaml) under ``out_dir``.

    Raises ExportRefused (exit code 1) when the linter or a target reports an error and
    ``force`` is false; PackError for a pack that cannot be loaded, ConfigError (exit code 2) for
    bad settings or arguments, a wrong value of a target's setting too (``force`` does not pass it), at its
    place in the YAML. Nothing is written then.

    Into the folder of an earlier export, files that no export wrote are kept (carried into the new
    folder); ConfigError names one that stands where this export writes, and a file the earlier export
    wrote that was edited since, unless ``overwrite`` (then it is replaced, and listed in
    ``ExportResult.overwritten``). ``force`` does not overwrite edits: it is about the pack's errors.
    """
    try:
        return export_worded(pack, targets, out_dir, force=force, channels=channels, grammar=grammar,
                             config=config, lint=lint, overwrite=overwrite, wording=API_WORDING)
    except OSError as exc:  # (a path the system refuses: too long, a folder above it that may not be opened)
        if exc.errno not in (errno.ENAMETOOLONG, errno.EACCES, errno.EPERM):
            raise  # (a full disk, an I/O error: not the path's fault)
        raise path_error(exc, os.fsdecode(os.fspath(out_dir)), ConfigError, writing=True) from None


def export_worded(pack: Pack | str | os.PathLike[str], targets: Iterable[str] | str,
                  out_dir: str | os.PathLike[str], *, force: bool = False, channels: Iterable[str] | None = None,
                  grammar: str | None = None, config: LintConfig | None = None, lint: bool = True,
                  overwrite: bool = False, wording: Wording = API_WORDING) -> ExportResult:
    """``export()``, its errors naming what the caller gave in ``wording``'s words: ``scriptkit export`` passes
    CLI_WORDING, so that they name its flags (``--out``), not the Python arguments (``out_dir``)."""
    from scriptkit.linting import check_argument

    check_argument(out_dir, (str, os.PathLike), "export", "out_dir", "a folder (str or Path)")
    check_argument(overwrite, bool, "export", "overwrite", "True or False")
    loaded, chosen, wanted = _chosen(pack, targets, channels, force, config, lint, wording, "export")
    # each target's files go to disk as it makes them, and are let go before the next target is built: held until
    # every target was done, a pack of 20,000 scripts took 2 GB
    staged = _Staged(Path(out_dir))
    try:
        built = _built(loaded, chosen, wanted, force, config, lint, grammar, staged.add)
        out = Path(out_dir)
        known = _older_exports(out, loaded, built.messages, [t.name for t in chosen])
        replaced = _not_written_again(out, staged.digests, known)
        done = staged.commit(overwrite=overwrite, known=known, wording=wording)
    finally:
        staged.discard()  # (a refused or failed export: its files are removed, the earlier export stays)
    return ExportResult(out, sorted(staged.digests), built.diagnostics, built.counts, replaced, done.kept,
                        done.overwritten, built.count_notes, built.refused)


@dataclass
class ExportFiles:
    """What ``export_files()`` made, in memory: ``files``, each file's text by its path relative to an export
    folder ('zendesk/macros.json'), the very bytes ``export()`` writes there (decoded as UTF-8); ``diagnostics``,
    ``counts``, ``count_notes`` and ``refused`` as ``ExportResult``'s."""

    files: dict[str, str]
    diagnostics: list[Diagnostic]
    counts: dict[str, int] = field(default_factory=dict)
    count_notes: dict[str, str] = field(default_factory=dict)
    refused: dict[str, list[tuple[str, str]]] = field(default_factory=dict)


def export_files(pack: Pack | str | os.PathLike[str], targets: Iterable[str] | str, *, force: bool = False,
                 channels: Iterable[str] | None = None, grammar: str | None = None, config: LintConfig | None = None,
                 lint: bool = True) -> ExportFiles:
    """``export()`` kept in memory, for a service that sends the files on rather than writing a folder: the same
    targets, checks and refusal (ExportRefused, nothing made), and each file's text by its path relative to the
    export folder, byte for byte what ``export()`` writes there."""
    loaded, chosen, wanted = _chosen(pack, targets, channels, force, config, lint, API_WORDING, "export_files")
    files: dict[str, str] = {}

    def keep(made: Mapping[str, bytes], *, keep: bool = True) -> None:
        if keep:
            files.update((path, data.decode("utf-8")) for path, data in made.items())

    built = _built(loaded, chosen, wanted, force, config, lint, grammar, keep)
    return ExportFiles(dict(sorted(files.items())), built.diagnostics, built.counts, built.count_notes, built.refused)


def _chosen(pack: Pack | str | os.PathLike[str], targets: Iterable[str] | str, channels: Iterable[str] | None,
            force: bool, config: LintConfig | None, lint: bool, wording: Wording, caller: str,
            ) -> tuple[Pack, list[Target], list[str] | None]:
    """The pack loaded, the targets asked for and the channels (None: every one), each argument checked, for
    ``export()`` and ``export_files()`` alike."""
    from scriptkit.config import LintConfig
    from scriptkit.linting import check_argument

    check_argument(pack, (Pack, str, os.PathLike), caller, "the pack", "a Pack or a folder")
    check_argument(force, bool, caller, "force", "True or False")  # ("no" is truthy: it would force)
    check_argument(lint, bool, caller, "lint", "True or False")
    check_argument(config, (LintConfig, type(None)), caller, "config", "a LintConfig or None",
                   "Read the pack's settings with scriptkit.load_config(pack), then .override(...) them.")
    # (a name, or names with commas as the CLI's --to takes them: 'zendesk,helpscout')
    names = names_listed(targets) if isinstance(targets, str) \
        else list(targets) if isinstance(targets, Iterable) else None
    if names is None or not all(isinstance(name, str) for name in names):
        raise ConfigError(f"{caller}() takes targets as a name or a list of names, not {targets!r:.60}",
                          hint="Pass 'zendesk', ['zendesk', 'front'] or 'all'; [] for those under export: targets:.")
    loaded = pack if isinstance(pack, Pack) else load_pack(os.fspath(pack))
    if not names:
        names = _configured_targets(loaded)
    if not names:
        raise ConfigError("no export target given", hint=wording.no_target)
    chosen = resolve(names)
    # a wrong setting value is bad input, as ``scriptkit check`` says (exit 2, at its line), not a finding that
    # --force passes: it was SK506, exit 1, and a forced export wrote a status the helpdesk refuses
    check_settings(loaded, [t.name for t in chosen])
    asked = wanted_channels(channels, "export")
    written_for(loaded.scripts, asked, pack_place(loaded), "export")  # (before the output folder is replaced)
    return loaded, chosen, sorted(set(asked)) if asked else None  # (each channel asked for once; None: every one)


@dataclass
class _Built:
    """What ``_built`` made besides the files: the messages rendered, every finding, the counts."""

    messages: list[Message]
    diagnostics: list[Diagnostic]
    counts: dict[str, int]
    count_notes: dict[str, str]
    refused: dict[str, list[tuple[str, str]]]


def _built(loaded: Pack, chosen: Sequence[Target], wanted: list[str] | None, force: bool, config: LintConfig | None,
           lint: bool, grammar: str | None, keep: Callable[..., None]) -> _Built:
    """Each target's files built and handed to ``keep`` (``keep=False``: an export the errors so far refuse), then
    the findings sorted; ExportRefused for errors without ``force``. The one path of ``export()`` and
    ``export_files()``, so the files are the same bytes."""
    diagnostics: list[Diagnostic] = _unknown_target_settings(loaded)
    if lint:
        diagnostics.extend(_lint(loaded, config, grammar, wanted))
    messages = render_pack(loaded, wanted, all_variants=True)
    own_packs = _own_packs(loaded, chosen)
    counts: dict[str, int] = {}
    count_notes: dict[str, str] = {}
    refused: dict[str, list[tuple[str, str]]] = {}
    for target in chosen:
        own = own_packs[target.name]
        rendered, found = build(own, target, messages if own is loaded
                                else render_pack(own, wanted, all_variants=True))
        diagnostics.extend(found)
        written = target.files(rendered)
        files = {_safe_relpath(path, target.name): data for path, data in written.items()}
        # (an export the errors found so far refuse keeps nothing: its files are not staged)
        keep(files, keep=force or not any(d.severity == Severity.ERROR for d in diagnostics))
        if over := _over_own_limits(target, rendered, written):
            refused[target.name] = over
        # what the target writes, where it says (BaseTarget.records: a Salesforce Quick Text for email and chat
        # with one text is one record); a plug-in's target that does not say, one per message
        records = getattr(target, "records", None)
        counts[target.name] = int(records(rendered)) if callable(records) else len(rendered)
        if callable(note := getattr(target, "records_note", None)) and (said := str(note(rendered))):
            count_notes[target.name] = said
        del rendered, written, files
    from scriptkit.linting import merge_diagnostic

    # one per place, message and target, with every channel that met it (it named only the last)
    unique: dict[tuple[object, ...], Diagnostic] = {}
    for d in diagnostics:
        merge_diagnostic(unique, d, (d.code, d.location, d.message, d.extra.get("target", "")))
    diagnostics = sorted(said_once_per_group(list(unique.values())),
                         key=lambda d: (*d.sort_key(), d.extra.get("target", ""), d.message))
    # (a plug-in's target that judges its values in check() alone: a wrong one is still bad input, as check_settings
    # tells the others', and --force does not pass it)
    invalid = [ConfigError(d.message, d.location, d.suggestion or None) for d in diagnostics if d.code == "SK512"]
    if invalid:
        raise invalid[0] if len(invalid) == 1 else ErrorGroup(invalid)
    errors = [d for d in diagnostics if d.severity == Severity.ERROR]
    if errors and not force:
        raise ExportRefused(f"export refused: {len(errors)} error(s) found; nothing was written.",
                            diagnostics, API_FORCE_HINT)
    return _Built(messages, diagnostics, counts, count_notes, refused)


def said_once_across_targets(diagnostics: Sequence[Diagnostic]) -> list[Diagnostic]:
    """``diagnostics`` (an export's, in order) with the findings that are the same for several targets said once,
    in the first target's words and "(the same for helpscout and salesforce)", its ``target`` naming them all
    ('freshdesk,helpscout,salesforce'): the same code at the same place in the same words but for the helpdesk's
    name and its word for a reply ('canned response', 'saved reply'). Exported to four helpdesks, a pack's every
    script with notes said SK508 three times over and hid the findings of one. (For the report read by people:
    ``export()`` keeps one finding a target, which a program reading them picks by target.)"""
    from scriptkit.targets import get

    def neutral(text: str, name: str) -> str:  # (the words with the target's own taken out)
        text = re.sub(rf"\b{re.escape(name)}\b", "\x00", text)
        units: Sequence[str] = getattr(get(name), "units", ())  # (``get`` loads each target once)
        for n, unit in enumerate(sorted(units, key=len, reverse=True)):  # (the plural first: it holds the one)
            text = text.replace(unit, f"\x01{n}")
        return text

    def key(d: Diagnostic) -> tuple[object, ...] | None:
        name = d.extra.get("target", "")
        if not name or "," in name:
            return None
        return (d.code, d.severity, d.location, d.script_id, d.extra.get("channels", d.channel),
                neutral(d.message, name), neutral(d.suggestion or "", name))

    def told(first: Diagnostic, rest: Sequence[Diagnostic]) -> Diagnostic:
        others = joined_with_and([d.extra["target"] for d in rest])
        hint = first.suggestion
        if hint and re.search(rf"\b{re.escape(first.extra['target'])}\b", hint):
            hint += f" Likewise for {others}."
        return replace(first, message=f"{first.message} (the same for {others})", suggestion=hint,
                       extra={**first.extra, "target": ",".join(d.extra["target"] for d in (first, *rest))})

    return _said_once(diagnostics, key, told)


#: a diagnostic's ``extra`` key naming the group of scripts it is the same for (``Problem.said_once_for``)
_SAID_ONCE_FOR = "said_once_for"


def said_once_per_group(diagnostics: Sequence[Diagnostic]) -> list[Diagnostic]:
    """``diagnostics`` with a finding a target tells alike for a group of scripts (``Problem.said_once_for``: no
    Freshdesk folder id for folder 'Account') said once, at its first script, with how many scripts it is for:
    a pack of 6,000 scripts in 8 folders said it 6,000 times."""
    def key(d: Diagnostic) -> tuple[object, ...] | None:
        group = d.extra.get(_SAID_ONCE_FOR)
        return None if group is None else (d.code, d.severity, d.extra.get("target", ""), group, d.message,
                                           d.suggestion)

    def told(first: Diagnostic, rest: Sequence[Diagnostic]) -> Diagnostic:
        scripts = len({d.script_id for d in (first, *rest)})
        return replace(first, message=f"{first.message} (said once for the {scripts} scripts in "
                                      f"{first.extra[_SAID_ONCE_FOR]})")

    kept = _said_once(sorted(diagnostics, key=lambda d: d.sort_key()), key, told)
    for d in kept:
        d.extra.pop(_SAID_ONCE_FOR, None)  # (told: a reader of the findings has no use for it)
    return kept


def _said_once(diagnostics: Sequence[Diagnostic], key: Callable[[Diagnostic], tuple[object, ...] | None],
               told: Callable[[Diagnostic, Sequence[Diagnostic]], Diagnostic]) -> list[Diagnostic]:
    """``diagnostics`` in order, those with the same ``key`` (None: none other is the same) said once where the
    first of them is, as ``told`` words the first with the rest."""
    groups: dict[tuple[object, ...], list[Diagnostic]] = {}
    order: list[Diagnostic | tuple[object, ...]] = []
    for d in diagnostics:
        if (same := key(d)) is None:
            order.append(d)
            continue
        if same not in groups:
            order.append(same)
        groups.setdefault(same, []).append(d)
    out: list[Diagnostic] = []
    for each in order:
        if isinstance(each, Diagnostic):
            out.append(each)
            continue
        first, *rest = groups[each]
        out.append(told(first, rest) if rest else first)
    return out


def _own_packs(pack: Pack, targets: Sequence[Target]) -> dict[str, Pack]:
    """Each target's pack: with its own channel layouts (``export: {<target>: {layouts: ...}}``), else ``pack``
    itself (its messages are then the pack's; another's are rendered when the target is built). Every target's
    setting is checked before any is rendered (all its problems in one run, nothing written)."""
    from scriptkit.targets import layouts

    errors = ErrorCollector()
    packs: dict[str, Pack] = {}
    for target in targets:
        try:
            packs[target.name] = layouts.for_target(pack, target.name)
        except ScriptkitError as exc:
            errors.extend([exc])
    errors.raise_if_any()
    return packs


def _over_own_limits(target: Target, rendered: Sequence[Rendered], written: Mapping[str, bytes],
                     ) -> list[tuple[str, str]]:
    """Each record's file that breaks the helpdesk's own limits (not a ``limits`` setting: the helpdesk does not
    read it), with why: what a forced export wrote that the helpdesk will refuse."""
    if target.variants != "first":  # (a file of the writer's own, CSV, JSON, the playbook: no helpdesk to refuse it)
        return []
    limits = target.limits
    found: list[tuple[str, str]] = []
    # each record's own file (the first in path order of that name), not the bundle beside its folder; none where
    # the record was joined to another. Built once, when first needed: a look through every path for each record
    # made an export of thousands of scripts quadratic
    own_file: dict[str, str] | None = None
    for r in rendered:
        title, body = target.measure(r.payload)
        why: list[str] = []
        title_length, body_length = limits.length(title), limits.length(body)
        if limits.title_max is not None and title_length > limits.title_max:
            why.append(f"the title is {title_length} characters{limits.how_counted(title)}; the limit is "
                       f"{limits.title_max}")
        if title_length < limits.title_min:
            why.append(f"the title is {title_length} characters; it needs at least {limits.title_min}")
        if limits.body_max is not None and body_length > limits.body_max:
            why.append(f"the reply is {body_length:,} characters{limits.how_counted(body)}; the limit is "
                       f"{limits.body_max:,}")
        if not why:
            continue
        if own_file is None:
            own_file = {}
            for each in sorted(written):
                if len((path := PurePosixPath(each)).parts) > 2:
                    own_file.setdefault(path.stem, each)
        if (found_path := own_file.get(r.stem)) is not None:
            found.append((found_path, "; ".join(why)))
    return found


def check_settings(pack: Pack, targets: Iterable[str] | None = None) -> None:
    """Raise ConfigError for an ``export:`` setting an export would refuse (ErrorGroup for several): a
    target listed under ``targets:`` that is not installed, an unknown setting of an installed one (the
    first), a wrong value (each: a run reports them all).

    ``scriptkit check`` asks this of every target, so a pack that checks clean does not then fail its export;
    an export of the ``targets`` it writes (a typo in the zendesk block does not stop the csv export).
    (Settings for a target that is not installed stay export's warning: a plug-in may be
    missing only where the check runs.)"""
    from scriptkit.targets import available, get, layouts

    _configured_targets(pack)
    layouts.check(pack)
    installed = set(available())
    named = {str(key) for conf in (pack.meta.export, *(s.export for s in pack.scripts)) for key in conf}
    wrong: dict[tuple[str, Location | None], ConfigError] = {}
    for name in sorted(named & installed & (set(targets) if targets is not None else installed)):
        target = get(name)
        # (a plug-in target written before setting_problems existed reports its values at export only)
        wrong_values = getattr(target, "setting_problems", None)
        # every script's settings as export merges them: the pack's block holds for a script only where
        # the script's own block does not override it (the first script's override hid the pack's value);
        # the scripts without a block of their own all have the pack's alone, read once
        # (their problems are the same; where one is about a setting neither block holds, each script lacks
        # it, and each is named at its own place)
        pack_alone: list[Problem] | None = None
        given: dict[tuple[str, ...], bool] = {}  # (a setting some script gives: see _pack_wide)
        for script in pack.scripts:
            own = name in script.export
            if own or pack_alone is None:
                merged = target_settings(pack, script, target)
                if merged.get("skip") is True:  # (left out of this target's export: its values are never read)
                    continue
                found = list(wrong_values(merged)) if wrong_values is not None else []
                if not own:
                    pack_alone = found
            else:
                found = pack_alone
            for p in found:
                wide = None if own else _pack_wide(p, pack, name, given)
                where = wide or _setting_location(p, script, pack, name)
                if p.severity == Severity.ERROR and (p.message, where) not in wrong:
                    hint = _pack_wide_hint(p, name) if wide else p.hint
                    wrong[p.message, where] = ConfigError(p.message, where, hint)
        if getattr(target, "macro_ids", False):
            for p, where in _id_problems(pack, target):
                wrong.setdefault((p.message, where), ConfigError(p.message, where, p.hint))
    if len(wrong) == 1:
        raise next(iter(wrong.values()))
    if wrong:
        raise ErrorGroup(wrong.values())


def _id_problems(pack: Pack, target: Target) -> list[tuple[Problem, Location | None]]:
    """What export's ``build`` finds of the ``id`` settings of a target that keeps the helpdesk's macro ids, each
    where it is told: an id in pack.yaml's block that a script exports with (at pack.yaml's id), and an id an
    earlier script already gives (at the later script's id)."""
    found: list[tuple[Problem, Location | None]] = []
    ids: dict[MacroId, str] = {}  # id -> the record first given it, as id_owner names it
    kind = getattr(target, "id_kind", "number")
    pack_wide: list[str] = []
    for script in pack.scripts:
        if target_settings(pack, script, target).get("skip") is True:
            continue
        own = script.export.get(target.name)
        for key in ("id", "variant_ids"):
            if id_is_pack_wide(pack.meta.export, script.export, target.name, key):
                pack_wide += [key] if key not in pack_wide else []
        if not isinstance(own, Mapping):
            continue
        for ident, setting in script_ids(own, kind):
            if ident in ids:
                found.append((repeated_id_problem(target.name, ident, ids[ident], setting),
                              script.origin.location(("export", target.name, *setting)) if script.origin else None))
            ids.setdefault(ident, id_owner(script.id, setting))
    for key in reversed(pack_wide):
        where = pack.origin.location(("export", target.name, key)) if pack.origin else None
        found.insert(0, (pack_wide_id_found(target.name, key), where))
    return found


def _not_written_again(out: Path, files: Iterable[str], known: Mapping[str, str] | None = None) -> list[str]:
    """The folders of an earlier export in ``out`` that ``files`` does not write again (a folder of the
    writer's own, which no export wrote, is kept, not replaced). For a marker that lists no files, the
    helpdesk folders whose files ``known`` (``_older_exports``) shows to be an export's."""
    if not (out / MARKER).is_file():
        return []
    written = {rel.split("/", 1)[0] for rel in files}
    manifest = _manifest(out)
    earlier = {rel.split("/", 1)[0] for rel in (manifest if manifest is not None else known or {}) if "/" in rel}
    return sorted(name for name in earlier - written if (out / name).is_dir() and not (out / name).is_symlink())


def _older_exports(out: Path, pack: Pack, messages: Sequence[Message], exported: Sequence[str]) -> dict[str, str]:
    """For an ``out`` whose marker lists no files (an older scriptkit wrote it): the SHA-256 of each file the
    installed targets that are not exported now would write at their place for ``pack``, one per path. A
    file there that reads the same is one an export wrote; any other is not known to be (``_plan``)."""
    from scriptkit.targets import available, get, layouts

    if not (out / MARKER).is_file() or _manifest(out) is not None:
        return {}
    known: dict[str, str] = {}
    for name in available():
        if name in exported or not (out / name).is_dir():
            continue
        try:
            target = get(name)
            own = layouts.for_target(pack, name)
            rendered, _ = build(own, target, messages if own is pack else render_pack(own, all_variants=True))
            written = target.files(rendered)
        except Exception:  # (a target that fails here: none of its files is known to be one, each is named)
            continue
        for path, data in written.items():
            if PurePosixPath(path).parts[:1] == (name,):
                known[PurePosixPath(path).as_posix()] = hashlib.sha256(data).hexdigest()
    return known


def _configured_targets(pack: Pack) -> list[str]:
    """``export: targets:`` of pack.yaml (a list, or one name or several with commas), each checked
    where it is written: an unknown one is an error at its place in the file."""
    from scriptkit.targets import get

    value = pack.meta.export.get("targets") or []  # (an empty 'targets:' is null)
    items: list[tuple[str, tuple[int, ...]]]  # each name, and its index in a YAML list
    if isinstance(value, str):
        items = [(name, ()) for name in names_listed(value)]
    elif isinstance(value, list):
        items = [(str(t), (i,)) for i, t in enumerate(value)]
    else:
        items = [(str(value), ())]
    for name, index in items:
        if name != "all":
            try:
                get(name)
            except ConfigError as exc:
                where = pack.origin.location(("export", "targets", *index)) if pack.origin else None
                raise ConfigError(exc.message, where, exc.hint) from None
    return [name for name, _ in items]


def _lint(pack: Pack, config: LintConfig | None, grammar: str | None,
          channels: Iterable[str] | None) -> list[Diagnostic]:
    from scriptkit.linting import lint_pack

    # (the setting values were checked first: _chosen)
    return list(lint_pack(pack, config=config, grammar=grammar, channels=channels,
                          export_settings=False).diagnostics)


# ---------------------------------------------------------------- per target

def build(pack: Pack, target: Target, messages: Sequence[Message]) -> tuple[list[Rendered], list[Diagnostic]]:
    """Every message this target carries, rendered, with the SK5xx diagnostics they raise.

    A helpdesk macro holds one reply, so a one-body target (``variants == "first"``) exports a
    script's first variant, its other phrasings in the agent notes where the target keeps them
    (else SK508 names them); with the setting ``variants: each``, every variant is a macro of its own.
    """
    from scriptkit.linting import internal_note

    scripts = {s.id: s for s in pack.scripts}
    one_body = target.variants == "first"
    confs: dict[str, dict[str, Any]] = {}
    given: dict[tuple[str, ...], bool] = {}  # (a setting some script gives: see _pack_wide)

    def conf_of(script_id: str) -> dict[str, Any]:
        if script_id not in confs:
            confs[script_id] = target_settings(pack, scripts[script_id], target)
        return confs[script_id]

    carried = [m for m in messages if m.channel in target.channels]
    kept = getattr(target, "keeps_export_settings", False)  # (scriptkit's JSON: each export: block as written)
    logic: dict[str, dict[str, str]] = {}  # script -> its blanks of template logic renamed (_logic_blank_names)
    if not kept:  # (the JSON export keeps each blank as the pack has it)
        logic = {sid: names for sid in {m.script_id for m in carried}
                 if (names := _logic_blank_names(scripts[sid], conf_of(sid).get("blank_markers")))}
        carried = [_blanks_renamed(m, logic[m.script_id]) if m.script_id in logic else m for m in carried]
    selected = [m for m in carried
                if not one_body or m.variant == 0 or conf_of(m.script_id).get("variants") == "each"]
    per_script: dict[str, list[str]] = {}
    for m in selected:
        chans = per_script.setdefault(m.script_id, [])
        if m.channel not in chans:
            chans.append(m.channel)
    others: dict[tuple[str, str], list[Message]] = {}
    leading: dict[str, Message] = {}  # script -> its first channel's first variant
    if one_body:
        for m in carried:
            if m.variant:
                others.setdefault((m.script_id, m.channel), []).append(m)
            elif m.script_id in per_script and per_script[m.script_id][0] == m.channel:
                leading.setdefault(m.script_id, m)
    rendered: list[Rendered] = []
    found: list[Diagnostic] = []
    # title as an agent reads it (title_key) -> whose picker shows it (None: everyone's) -> first script, its title
    titles: dict[str, dict[str | None, tuple[str, str]]] = {}
    ids: dict[MacroId, str] = {}  # helpdesk id -> the first record giving it (SK512 at another that does)
    bodies: dict[tuple[str, int], str] = {}  # (script, variant) -> its first channel's reply as the target writes it
    declared = {name: {k: v for k, v in spec.model_dump().items() if v != "" or k not in ("fallback", "called")}
                for name, spec in pack.meta.placeholders.items()}  # (json keeps them; SK001's words where given)
    carried_actions: dict[str, tuple[dict[str, Any], list[Problem]]] = {}  # script -> (settings added, SK511)
    for m in selected:
        script = scripts[m.script_id]
        conf = conf_of(m.script_id)
        if conf.get("skip") is True:
            continue
        if not kept:  # (the JSON export keeps every block as written)
            if m.script_id not in carried_actions:  # (once a script, not once a channel or variant)
                added, lost = _carried_actions(pack, script, target.name, conf)
                # (a macro switched off in another helpdesk stays off in one that can say so, unless its own
                # setting says)
                if (switch := _SWITCH_OFF.get(target.name)) is not None and switch[0] not in {**conf, **added} \
                        and _switched_off(pack, script, target.name):
                    added = {**added, switch[0]: switch[1]}
                carried_actions[m.script_id] = (added, lost)
            conf = {**conf, **carried_actions[m.script_id][0]}
        first = per_script[m.script_id][0] == m.channel
        each = one_body and conf.get("variants") == "each"
        stem = _slug(m.script_id) + ("" if first else f"-{m.channel}")
        record = "" if first else f":{m.channel}"  # how a record names itself besides the script id
        named = [] if first else [m.channel]  # what the title adds: "Parcel late (chat, variant 2)"
        if m.variant and (each or not one_body):
            stem += f"-v{m.variant + 1}"
            record += f":v{m.variant + 1}"
            named += [f"variant {m.variant + 1}"] if each else []
        suffix = f" ({', '.join(named)})" if named else ""
        title = m.title
        if named == [f"variant {m.variant + 1}"] and (own := _CHANNEL_TITLE.search(title)) is not None:
            # a script imported from a channel's own macro ("Parcel late (chat)"): its variant is titled as the
            # export first titled it, "Parcel late (chat, variant 2)", which an import merges back into it (not
            # "(chat) (variant 2)", which an update by its id would rename the helpdesk's macro to)
            title, suffix = title[:own.start()], f" ({own[1]}, {named[0]})"
        dropped = [] if each else others.get((m.script_id, m.channel), [])
        leads = [] if each or first or (lead := leading.get(m.script_id)) is None \
            else [lead, *others.get((m.script_id, lead.channel), [])]
        phrasings = _phrasings(m, dropped, leads)
        meta = {**m.meta, "export": conf, "title_suffix": suffix, "record_suffix": record, "phrasings": phrasings,
                # (what the title adds, "chat, variant 2": the record's key in the variant_ids setting)
                "record_label": ", ".join(named),
                "pack_name": pack.name, "pack_version": pack.meta.version, "locale": pack.meta.locale,
                "pack_root": pack.root, "pack_placeholders": declared,
                # (the export blocks as written, the script's and the pack's: the JSON export carries them to read back)
                "script_export": script.export, "pack_export": pack.meta.export}
        message = replace(m, title=title, meta=meta)
        repeated: Problem | None = None
        if getattr(target, "macro_ids", False) and \
                (ident := own_id(message, target.name, getattr(target, "id_kind", "number"))) is not None:
            setting = id_setting(message)
            if ident in ids:  # (a copied script file: both would update one macro, the second over the first)
                repeated = repeated_id_problem(target.name, ident, ids[ident], setting)
                # (forced, the copy goes without it: a new macro, as the hint says, not one sent over the first)
                message = replace(message, meta={**meta, "id_given_to": ids[ident]})
            ids.setdefault(ident, id_owner(m.script_id, setting))
        problems = list(target.check(message)) + ([repeated] if repeated else [])
        if phrasings and not getattr(target, "keeps_phrasings", False):
            problems.append(_dropped_variants(target, phrasings, dropped))
        if one_body and first and not m.variant and (chat := _chat_version(script, target)) is not None:
            problems.append(chat)
        # (a plug-in's target that does not subclass BaseTarget may lack the attribute: BaseTarget's default then)
        if first and not m.variant and not getattr(target, "keeps_notes", BaseTarget.keeps_notes):
            # (once a script, not once a macro)
            problems.extend(_dropped_notes(target, script, one_body, logic.get(m.script_id, {})))
        note = internal_note(pack, script) if target.name != "zendesk" and not kept else None
        if note is not None:
            problems.append(problem("SK509", f"this is an internal note in zendesk (public: false); in {target.name} "
                                             "nothing marks it as one, and an agent may send it to the customer",
                                    f"Leave it out with export: {{{target.name}: {{skip: true}}}} in the script, or "
                                    "title it as a note once its text is safe to read.", location=note))
        if first and not m.variant and not kept:
            problems.extend(carried_actions[m.script_id][1])  # (once a script, not once a macro)
        for where, state in [] if kept else _withheld(pack, script, target.name):
            off_hint = f"switch it off there with export: {{{target.name}: {{{switch[0]}: false}}}}, " \
                if (switch := _SWITCH_OFF.get(target.name)) is not None else ""
            problems.append(problem("SK510", f"{state}; the {target.name} export does not carry that, so every "
                                             "agent there can insert it as a reply like any other",
                                    f"Leave it out with export: {{{target.name}: {{skip: true}}}} in the script, "
                                    f"{off_hint}or remove that setting if it should be in use everywhere.",
                                    location=where))
        payload = target.render(message)
        if one_body:
            title, body = target.measure(payload)
            if first:
                bodies[(m.script_id, m.variant)] = body
            elif bodies.get((m.script_id, m.variant)) == body \
                    and own_id(message, target.name, getattr(target, "id_kind", "number")) is None \
                    and not getattr(target, "joins_channels", False):
                # the script's first channel's macro says the same words (an imported reply kept for email and
                # chat alike): one macro serves both, where a copy titled '(chat)' was clutter in the agents' list.
                # (Not one with an id of its own, which updates a macro of the helpdesk's; a target that writes
                # the channels it is for, as Salesforce's Channel, joins them itself)
                continue
            problems.extend(_limit_problems(target, conf, title, body, _limits_set_in(pack, script, target.name)))
            # (one agent's own reply is in their picker beside the shared ones, and in nobody else's)
            scope = title_scope(message) if (title_scope := getattr(target, "title_scope", None)) else None
            # (BaseTarget's, or Front's teams and teammates; a plug-in's target without BaseTarget: the same rule)
            meet = getattr(target, "title_scopes_meet", scopes_meet)
            # ('Café', 'Cafe' with a combining accent and 'CAFÉ' read as one title in the agents' list)
            seen = titles.setdefault(title_key(title), {})
            if (first_use := next((first for other, first in seen.items() if meet(scope, other)), None)) is not None:
                used_by, as_written = first_use
                written = "" if as_written == title else f" (as '{as_written}')"
                problems.append(problem("SK507", f"{target.name} title '{title}' is also used by '{used_by}'{written}",
                                        "Give one of the scripts a distinct title."))
            seen.setdefault(scope, (m.script_id, title))
        found.extend(_diagnostic(p, target, message, script, pack, given) for p in problems)
        rendered.append(Rendered(message, payload, stem))
    return rendered, found


def _carried_actions(pack: Pack, script: Script, target: str, own: Mapping[str, Any],
                     ) -> tuple[dict[str, Any], list[Problem]]:
    """What another helpdesk's macro does to the ticket besides its reply (its status, priority, subject, tags and
    other actions, as ``scriptkit import`` writes them under ``export:``), in ``target``'s own settings where it
    has the same action (added to ``own``, the target's settings), and SK511 at the first it cannot carry, naming
    each: an agent who inserts the reply there would otherwise never learn the ticket is left as it was."""
    from scriptkit.targets.actions import SOURCES, carry, ticket_actions

    added: dict[str, Any] = {}
    lost: list[tuple[Location, str]] = []
    told: list[str] = []  # what each helpdesk's macro does that is lost, one clause a helpdesk
    on_ticket = False  # (whether any of it acts on the ticket: a Gorgias intent alone files the macro)
    for helpdesk in SOURCES:
        if helpdesk == target:
            continue
        written = ((script, script.export.get(helpdesk)), (pack, pack.meta.export.get(helpdesk)))
        blocks = [(owner, conf) for owner, conf in written if isinstance(conf, Mapping)]
        if not blocks:
            continue
        merged = {k: v for _, conf in reversed(blocks) for k, v in conf.items()}  # (the script's own over the pack's)
        # (the tags are a macro's action where the script came from one, or is set for it: a pack-wide block alone
        # would make every tagged script of a pack written by hand one)
        tags = [t.strip() for t in script.tags if t.strip()] if isinstance(script.export.get(helpdesk), Mapping) \
            or merged.get("replace_tags") is True else []
        actions = ticket_actions(helpdesk, merged, tags)
        more, gone, differ = carry(target, actions, {**own, **added})
        added.update(more)
        said: list[str] = []
        for action, what in [(a, a.said) for a in gone] + differ:
            key = action.path[0]
            owner = next((o for o, conf in blocks if key in conf), script)
            path = ("tags",) if key == "tags" else ("export", helpdesk, *action.path)
            where = owner.origin.location(path, key=True) if owner.origin else Location(script.file, 1, 1)
            lost.append((where, what))
            said.append(what)
            on_ticket = on_ticket or action.kind != "intent"
        if said:
            told.append(f"in {helpdesk} this macro also {joined_with_and(said)}")
    if not lost:
        return added, []
    skip = f"leave the script out with export: {{{target}: {{skip: true}}}} if it should not be used without it."
    if not on_ticket:
        return added, [problem("SK511", f"{'; '.join(told)}: {target} macros have no intent, so the export files it "
                                        "under none", "Keep the grouping with the intent's name in the script's title "
                                        f"(Shipping::...) or tags; {skip}", location=lost[0][0])]
    return added, [problem("SK511", f"{'; '.join(told)}: the {target} export does not do that, so agents who "
                                    "insert it there leave the ticket as it was",
                           f"Set it up as a rule or automation in {target}, or tell agents to do it by hand after "
                           f"sending; {skip}", location=lost[0][0])]


#: the settings by which a helpdesk keeps a macro from some agents, as ``scriptkit import`` writes them
_WITHHOLDING: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("zendesk", ("active", "restriction")), ("freshdesk", ("visibility",)), ("front", ("inbox_ids", "teammate_id")),
    ("intercom", ("visible_to",)), ("salesforce", ("insertable",)))


#: each helpdesk's own switch for a macro, as its export setting and the value that switches it off: Zendesk's
#: ``active``, a Quick Text's ``IsInsertable`` ("include in selected channels")
_SWITCH_OFF: dict[str, tuple[str, bool]] = {"zendesk": ("active", False), "salesforce": ("insertable", False)}


def _switched_off(pack: Pack, script: Script, target: str) -> bool:
    """Whether another helpdesk with a switch of its own has ``script`` switched off (the script's own setting over
    the pack's), so ``target``, which has one too, writes it switched off."""
    for helpdesk, (key, off) in _SWITCH_OFF.items():
        if helpdesk == target:
            continue
        blocks = [conf for conf in (script.export.get(helpdesk), pack.meta.export.get(helpdesk))
                  if isinstance(conf, Mapping) and key in conf]
        if blocks and blocks[0][key] is off:
            return True
    return False


def _withheld(pack: Pack, script: Script, target: str) -> list[tuple[Location, str]]:
    """Where and how another helpdesk keeps ``script`` from some agents (Zendesk ``active: false`` or a
    ``restriction``, Freshdesk ``visibility`` personal or groups, Front ``inbox_ids`` or ``teammate_id``,
    Intercom ``visible_to: specific_teams``, as ``scriptkit import`` writes them), each setting read as export
    reads it (the script's own over the pack's): for SK510 in a target without it."""
    found: list[tuple[Location, str]] = []
    for helpdesk, keys in _WITHHOLDING:
        if helpdesk == target:
            continue
        written = ((script, script.export.get(helpdesk)), (pack, pack.meta.export.get(helpdesk)))
        blocks = [(owner, conf) for owner, conf in written if isinstance(conf, Mapping)]
        # (the group or team ids beside a visibility are read as export reads them too: the script's over the pack's)
        merged = {k: v for _, conf in reversed(blocks) for k, v in conf.items()}
        for key in keys:
            if key == _SWITCH_OFF.get(helpdesk, ("",))[0] and target in _SWITCH_OFF:
                continue  # (the target has a switch of its own: build writes it switched off, or as its setting says)
            for owner, conf in blocks:
                if key not in conf:
                    continue
                state = _withheld_state(key, conf[key], merged)
                if state:
                    # (at the key: a list of inboxes or teams written one a line starts on the line after it)
                    where = owner.origin.location(("export", helpdesk, key), key=True) if owner.origin \
                        else Location(script.file, 1, 1)
                    found.append((where, f"in {helpdesk} this is {state}"))
                break  # (the script's own setting over the pack's, even one that shares it)
    return found


def _withheld_state(key: str, value: Any, conf: Mapping[str, Any]) -> str:
    """How ``key: value`` keeps the macro from agents ("switched off (active: false)"), or ""; ``conf`` holds
    the helpdesk's other settings (the groups or teams a visibility names)."""
    if key == "active":
        return "switched off (active: false)" if value is False else ""
    if key == "insertable":  # (a Quick Text's IsInsertable)
        return "left out of its channels (insertable: false)" if value is False else ""
    if key == "restriction":
        if not isinstance(value, Mapping):
            return ""
        kind = str(value.get("type", "")).lower() or "group"
        listed = value.get("ids")
        ids = [i for i in (listed if isinstance(listed, list) else [value.get("id")]) if i is not None]
        return f"restricted to {_named(kind, ids)} (restriction)" if ids else "restricted to some agents (restriction)"
    if key == "teammate_id":  # (an empty one, a script's own, makes the pack's private template shared again)
        private = isinstance(value, str) and value.strip()
        return f"a private template of teammate {value} (teammate_id)" if private else ""
    if key == "inbox_ids":  # (null, or no list at all, is every inbox: Front's own default)
        inboxes = [i for i in (value if isinstance(value, list) else [value]) if i is not None and str(i).strip()]
        return f"limited to {_named('inbox', inboxes)} (inbox_ids)" if inboxes else ""
    if key == "visible_to":
        if value != "specific_teams":
            return ""
        teams = [t for t in as_list(conf.get("visible_to_team_ids")) if t.strip()]
        return f"visible to {_named('team', teams)} only (visible_to: specific_teams)" if teams \
            else "visible to some teams only (visible_to: specific_teams)"
    if value == "personal":
        return "a personal response, for its author only (visibility: personal)"
    if value == "groups":
        groups = conf.get("group_ids")
        named = ", ".join(str(g) for g in groups) if isinstance(groups, list) and groups else ""
        return f"shared with groups {named} only (visibility: groups)" if named \
            else "shared with some groups only (visibility: groups)"
    return ""


def _named(kind: str, ids: Sequence[object]) -> str:
    """'group 123', 'inboxes inb_5, inb_7': the ids a limit names, after their kind."""
    plural = "es" if kind.endswith("x") else "s"
    return f"{kind}{plural if len(ids) > 1 else ''} {', '.join(str(i) for i in ids)}"


#: a title ending in a channel's name, as the export titles a script's macro for its second channel
_CHANNEL_TITLE = re.compile(r" \((email|chat|social|sms)\)$")


def _dropped_variants(target: Target, phrasings: Sequence[tuple[str, str]], dropped: Sequence[Message]) -> Problem:
    """SK508 at the first phrasing a one-body helpdesk without agent notes leaves out."""
    slot = phrasings[0][0]
    # (each segment spelled as _phrasings spelled it: a placeholder by its pack's description)
    where = next((seg.source.start for m in dropped for seg in m.segments if seg.slot == slot
                  and seg.source is not None and human_text([seg], catalogue_of(m)) in phrasings[0][1]), None)
    slots = ", ".join(dict.fromkeys(s.replace("_", " ") for s, _ in phrasings))
    count = "1 other phrasing" if len(phrasings) == 1 else f"{len(phrasings)} other phrasings"
    verb = "is" if len(phrasings) == 1 else "are"
    unit = getattr(target, "units", ("macro", "macros"))[0]  # (the helpdesk's own word: a canned response...)
    return problem("SK508", f"{target.name} keeps one phrasing per {unit}: {count} of the {slots} {verb} not exported",
                   f"Set export: {{{target.name}: {{variants: each}}}} to export every variant as a {unit} of its "
                   "own, or give agents the playbook export.", location=where)


#: the prompt ``scriptkit import`` gives a blank it kept a piece of a helpdesk's template logic in
_LOGIC_PROMPT = re.compile(r"Was (?P<logic>.+) in the original \((?P<helpdesk>[^()]*) template logic\)", re.S)
_LOGIC_TAG = re.compile(r"\{%-?\s*(?P<tag>\w+)(?P<expr>.*?)-?%\}", re.S)
_DOTTED = re.compile(r"[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)+")
#: a variable's last field that names nothing alone: its field before it is named too (brand.name: brand name)
_GENERIC_FIELDS = frozenset({"name", "first_name", "last_name", "id", "email", "value", "title", "number"})


def _logic_of(prompt: str) -> tuple[str, str] | None:
    """The template logic a blank stands for and its helpdesk (``{% case ticket.brand.name %}...``, ``Zendesk``),
    where its prompt is the one ``scriptkit import`` writes for a piece of logic it kept whole; else None."""
    found = _LOGIC_PROMPT.match(prompt.strip())
    return (found["logic"], found["helpdesk"]) if found else None


def _logic_blank_names(script: Script, markers: object) -> dict[str, str]:
    """A new name for each of ``script``'s blanks that an import named after a tag of the template logic it kept
    ('case', 'for'), from the variable that logic reads (``{% case ticket.brand.name %}``: brand_name): the marker
    an agent sees in a helpdesk, ``[[case]]``, said nothing. Not a blank the ``blank_markers`` setting (``markers``)
    writes as the helpdesk's own marker, nor one whose logic reads no variable; never the name of another blank."""
    blanks = script.flexibility.blanks if script.flexibility else []
    taken = {b.name for b in blanks}
    named: dict[str, str] = {}
    for blank in blanks:
        logic = _logic_of(blank.prompt)
        tag = _LOGIC_TAG.search(logic[0]) if logic else None
        if tag is None or blank.name != tag["tag"].lower() or (isinstance(markers, Mapping) and blank.name in markers):
            continue
        expr = tag["expr"].split(" in ", 1)[-1] if tag["tag"] == "for" else tag["expr"]  # (the list a loop reads)
        if (variable := _DOTTED.search(expr)) is None:
            continue
        fields = [f.lower() for f in variable.group().split(".")]
        name = "_".join(fields[-2:] if fields[-1] in _GENERIC_FIELDS or fields[0] == "ticket" else fields[-1:])
        number, base = 1, name
        while name in taken:
            number += 1
            name = f"{base}_{number}"
        taken.add(name)
        named[blank.name] = name
    return named


def _blanks_renamed(message: Message, names: Mapping[str, str]) -> Message:
    """``message`` with each blank of ``names`` under its new name, in the reply, the agent notes and the blanks
    it declares (the notes' 'Replace [[...]]' lines)."""
    from scriptkit.message import Blank

    def renamed(segments: Sequence[Any]) -> tuple[Any, ...]:
        return tuple(replace(seg, name=names[seg.name]) if isinstance(seg, Blank) and seg.name in names else seg
                     for seg in segments)

    declared = message.meta.get("blanks")
    meta = message.meta if not isinstance(declared, Sequence) else {
        **message.meta, "blanks": tuple(b.model_copy(update={"name": names[b.name]}) if b.name in names else b
                                        for b in declared)}
    return replace(message, segments=renamed(message.segments), meta=meta,
                   notes=tuple(replace(note, segments=renamed(note.segments)) for note in message.notes))


def _dropped_notes(target: Target, script: Script, one_body: bool, renamed: Mapping[str, str] | None = None,
                   ) -> list[Problem]:
    """SK508 for the agent notes of ``script`` (its guidance, each alternative and condition, and the prompt of each
    blank an import kept template logic in, which holds that logic) that ``target`` has no place for, at the first
    of them: the agent would never see them there. Not at a "Chat version" alternative a one-body helpdesk's own
    SK508 names (``_chat_version``) or Help Scout keeps as its chat text. ``renamed``: the blanks' names in the
    export (``_logic_blank_names``)."""
    from scriptkit.targets.helpscout import CHAT_VERSION

    flex = script.flexibility
    if flex is None:
        return []
    unit = getattr(target, "units", ("macro", "macros"))[0]

    def where(*path: str | int) -> Location | None:
        return script.origin.location(("flexibility", *path)) if script.origin else None

    dropped: list[tuple[str, Location | None]] = []
    if flex.guidance and flex.guidance.strip():
        dropped.append(("the agent guidance", where("guidance")))
    for i, alt in enumerate(flex.alternatives):
        chat_version = alt.label.strip() == CHAT_VERSION
        if not (chat_version and (one_body or getattr(target, "keeps_chat_version", False))):
            dropped.append((f"the alternative '{alt.label.strip()}'", where("alternatives", i, "label")))
    dropped += [(f"the condition '{cond.when.strip()}'", where("conditions", i, "when"))
                for i, cond in enumerate(flex.conditions)]
    # (the marker alone says what to fill in, not what the macro did: the prompt holds the logic it stands for)
    dropped += [(f"what {blank_marker((renamed or {}).get(blank.name, blank.name))} stands for (the {logic[1]} "
                 f"template logic '{logic[0]}')", where("blanks", i, "prompt"))
                for i, blank in enumerate(flex.blanks) if (logic := _logic_of(blank.prompt)) is not None]
    if not dropped:
        return []
    # (one finding for the script's notes, at the first: one a note made every script of a pack with guidance warn
    # three times a helpdesk)
    names = [what for what, _ in dropped]
    listed = joined_with_and(names)
    one = len(names) == 1
    it = "it" if one else "them"
    return [problem("SK508", f"{target.name} has no place for agent notes in a {unit}: {listed} "
                             f"{'is' if one else 'are'} not exported, so agents there never see {it}",
                    f"Give agents the playbook export, which lists {it} beside the reply (the "
                    "Zendesk export keeps them in the macro's description), or write what they must not miss into "
                    "the reply itself.",
                    location=dropped[0][1])]


def _chat_version(script: Script, target: Target) -> Problem | None:
    """SK508 at a script's "Chat version" alternative (a Help Scout saved reply's chat text, as ``scriptkit
    import`` keeps it) for a one-body helpdesk that exports neither it nor agent notes: a reply is lost."""
    from scriptkit.targets.helpscout import CHAT_VERSION

    if getattr(target, "keeps_phrasings", False) or getattr(target, "keeps_chat_version", False):
        return None  # (in the notes with the other alternatives, or as the helpdesk's own chat text)
    alternatives = script.flexibility.alternatives if script.flexibility else []
    index = next((i for i, alt in enumerate(alternatives) if alt.label.strip() == CHAT_VERSION), None)
    if index is None:
        return None
    unit = getattr(target, "units", ("macro", "macros"))[0]
    where = script.origin.location(("flexibility", "alternatives", index, "label")) if script.origin else None
    return problem("SK508", f"{target.name} keeps one phrasing per {unit}: the script's chat version (its "
                            f"'{CHAT_VERSION}' alternative, as Help Scout's chat text is imported) is not exported",
                   f"To use it in {target.name}, copy it into a script of its own with channels: [chat]; or give "
                   "agents the playbook export.", location=where)


def _unknown_target_settings(pack: Pack) -> list[Diagnostic]:
    """Settings under ``export:`` for a target that is not installed (a typo, or a missing plug-in)."""
    from scriptkit.targets import available

    known = available()
    found: list[Diagnostic] = []
    owners: list[tuple[Any, Mapping[str, Any], str | None]] = [(pack, pack.meta.export, None)]
    owners += [(s, s.export, s.id) for s in pack.scripts]
    for owner, conf, script_id in owners:
        for key in conf:
            if (key == "targets" and script_id is None) or key in known:
                continue
            close = difflib.get_close_matches(str(key), known, n=1)
            where = owner.origin.location(("export", key), key=True) if owner.origin else Location(pack.root, 1, 1)
            found.append(Diagnostic(
                code="SK506", name="missing-setting", severity=Severity.WARNING, location=where, script_id=script_id,
                message=f"export settings for '{key}', which is not an installed target, are ignored",
                suggestion=f"Did you mean '{close[0]}'?" if close else "Install the package providing it."))
    return found


def _phrasings(message: Message, others: Sequence[Message], leads: Sequence[Message] = ()
               ) -> tuple[tuple[str, str], ...]:
    """Other variants' wording of each slot, for the agent notes of a one-body helpdesk: a placeholder the pack
    declares named by its description (``catalogue_of``), as the rest of the notes name it.

    ``leads`` are the script's first channel's variants, its first first, for another channel's macro: where
    that channel's slot is empty but its reply says the first channel's wording of it (an imported chat copy,
    one paragraph, all of it in the solution), the first channel's other wordings of the slot are listed, as
    the export of the script that chat copy came from listed them."""
    found: list[tuple[str, str]] = []
    catalogue = catalogue_of(message)
    reply = " ".join(human_text(message.segments, catalogue).split())

    def slot_text(of: Message, slot: str) -> str:
        return human_text((s for s in of.segments if s.slot == slot), catalogue)

    for slot in ("acknowledgment", "warm_language", "solution"):
        own = slot_text(message, slot)
        seen = {own}
        options = [_unshared(slot_text(other, slot), own) for other in others]
        if not own.strip() and leads:
            lead = slot_text(leads[0], slot)
            for other in leads[1:]:
                theirs = slot_text(other, slot)
                said = " ".join(_unshared(lead, theirs).split())  # (the first channel's wording, its greeting off)
                if said and theirs != lead and said in reply:
                    options.append(_unshared(theirs, lead))
        for text in options:
            if text and text not in seen:
                seen.add(text)
                found.append((slot, text))
    return tuple(found)


def _unshared(text: str, own: str) -> str:
    """``text`` without the paragraphs at its start and end that ``own`` starts and ends with (an imported pack's
    greeting, which its import placed in the acknowledgment and reads back around the other phrasing)."""
    paras, mine = text.split("\n\n"), own.split("\n\n")
    start = next((i for i, (a, b) in enumerate(zip(paras, mine, strict=False)) if a != b), min(len(paras), len(mine)))
    end = next((i for i, (a, b) in enumerate(zip(paras[::-1], mine[::-1], strict=False)) if a != b),
               min(len(paras), len(mine)))
    kept = paras[start:len(paras) - end]
    return "\n\n".join(kept).strip() or text


def target_settings(pack: Pack, script: Script, target: Target) -> dict[str, Any]:
    """Pack-level ``export: {<target>: ...}`` overlaid by the script's own (its ``placeholders`` and ``limits``
    entry by entry); unknown keys are errors."""
    from scriptkit.targets import layouts

    known = {**target.settings_keys(), layouts.SETTING: layouts.DESCRIPTION}  # (the export's own, for any target)
    merged: dict[str, Any] = {}
    for owner, conf in ((pack, pack.meta.export.get(target.name)), (script, script.export.get(target.name))):
        if conf is None:
            continue
        origin = owner.origin
        where = origin.location(("export", target.name)) if origin else None
        if not isinstance(conf, Mapping):
            raise ConfigError(f"export settings for {target.name} must be a mapping", where,
                              f"Write export: {{{target.name}: {{key: value}}}}.")
        if owner is script and (misplaced := layouts.in_script({target.name: conf}, origin, script.file)):
            raise misplaced[0]
        for key, value in conf.items():
            if key not in known:
                loc = origin.location(("export", target.name, key), key=True) if origin else None
                close = difflib.get_close_matches(str(key), list(known), n=1)
                if key == "channels":  # (as pack.yaml's layouts are written: this helpdesk's own is 'layouts')
                    close = [layouts.SETTING]
                raise ConfigError(f"unknown {target.name} export setting '{key}'", loc,
                                  (f"Did you mean '{close[0]}'? " if close else "")
                                  + f"Known: {', '.join(sorted(known))}.")
            problem_text = _common_setting_problem(str(key), value)
            if problem_text:
                loc = origin.location(("export", target.name, key)) if origin else None
                raise ConfigError(f"{target.name} export setting '{key}' {problem_text}", loc)
            if key == "placeholders":
                _check_mapped_names(pack, target, value, origin)
            if key in ("placeholders", "limits") and isinstance(merged.get(key), Mapping):
                value = {**merged[key], **value}  # the script's entries over the pack's, not instead of them
            merged[str(key)] = value
    return merged


def _check_mapped_names(pack: Pack, target: Target, mapping: Mapping[str, Any], origin: Origin | None) -> None:
    """Each name a ``placeholders`` setting maps is one the scripts can use: a misspelt one
    ('order.numbr') mapped nothing, and SK503 went on asking for the mapping the writer had made."""
    for name in mapping:
        if str(name) in pack.catalogue:
            continue
        close = difflib.get_close_matches(str(name), pack.catalogue.names, n=1)
        loc = origin.location(("export", target.name, "placeholders", name), key=True) if origin else None
        raise ConfigError(f"{target.name} export setting 'placeholders' maps '{name}', which is not a placeholder",
                          loc, (f"Did you mean '{close[0]}'? " if close else "")
                          + "Map a name the scripts write, e.g. order.number, or declare it under 'placeholders:' "
                            "in pack.yaml.")


def _common_setting_problem(key: str, value: object) -> str | None:
    """Why a value of a setting every target shares is wrong, or None."""
    if key == "skip" and not isinstance(value, bool):
        return "must be true or false"
    if key == "variants" and value not in ("first", "each"):
        return "must be 'first' (one macro, the first variant) or 'each' (a macro per variant)"
    if key == "placeholders" and not isinstance(value, Mapping):
        return "must map canonical names to this helpdesk's, e.g. {order.number: ticket.order_id}"
    if key == "limits":
        if not isinstance(value, Mapping) or set(value) - {"title", "body"}:
            return "must be {title: N, body: N}"
        if not all(isinstance(v, int) and not isinstance(v, bool) and v > 0 for v in value.values()):
            return "needs positive whole numbers"
    return None


def _limits_set_in(pack: Pack, script: Script, target: str) -> dict[str, str]:
    """Which file sets each ``limits`` entry of ``target`` (the script's over pack.yaml's), by entry: a limit
    the writer set is told as theirs, not as the helpdesk's."""
    found: dict[str, str] = {}
    for conf, name in ((pack.meta.export.get(target), "pack.yaml"),
                       (script.export.get(target), os.path.basename(script.file))):
        limits = conf.get("limits") if isinstance(conf, Mapping) else None
        if isinstance(limits, Mapping):
            found.update((str(key), name) for key in limits)
    return found


def _limit_problems(target: Target, conf: Mapping[str, Any], title: str, body: str,
                    set_in: Mapping[str, str] | None = None) -> list[Problem]:
    limits = target.limits
    override = conf.get("limits")
    override = override if isinstance(override, Mapping) else {}
    title_max = override.get("title", limits.title_max)
    body_max = override.get("body", limits.body_max)
    found: list[Problem] = []
    source = f" ({limits.source})" if limits.source else ""

    def whose(key: str) -> str:  # (a limit the writer set is theirs: the helpdesk's source would mislead)
        if key in override:
            return f" (set under export: {target.name}: limits in {(set_in or {}).get(key, 'pack.yaml')})"
        return source

    title_length, body_length = limits.length(title), limits.length(body)  # (as the helpdesk counts: Salesforce's)
    if title_max is not None and title_length > title_max:
        found.append(problem("SK501", f"{target.name} title is {title_length} characters{limits.how_counted(title)}"
                                      f"; the limit is {title_max}{whose('title')}",
                             "Shorten the title or its categories."))
    if title_length < limits.title_min:
        found.append(problem("SK501", f"{target.name} title is {title_length} characters; it needs at least "
                                      f"{limits.title_min}{source}", "Lengthen the title."))
    if body_max is not None and body_length > body_max:
        found.append(problem("SK502", f"{target.name} reply is {body_length:,} characters once exported"
                                      f"{limits.how_counted(body)}; the limit is {body_max:,}{whose('body')}",
                             "Shorten the script or split it."))
    return found


def _diagnostic(p: Problem, target: Target, message: Message, script: Script, pack: Pack,
                given: dict[tuple[str, ...], bool]) -> Diagnostic:
    location, wide = _where(p, message, script, pack, target.name, given)
    # (told at pack.yaml for every script without a block of its own: the hint says so, as check's does,
    # not "add it to this script")
    text, hint = p.message, (_pack_wide_hint(p, target.name) if wide else p.hint) or None
    layout = DEFAULT_LAYOUT_FILE.fullmatch(location.file)
    if layout is not None:
        text, hint, location = _in_default_layout(p, layout.group(1), target.name, pack, location)
    extra = {"target": target.name, **({_SAID_ONCE_FOR: p.said_once_for} if p.said_once_for else {})}
    return Diagnostic(code=p.code, name=p.name, message=text, severity=p.severity, location=location,
                      suggestion=hint, script_id=message.script_id, channel=message.channel,
                      variant=message.variant, extra=extra)


def _in_default_layout(p: Problem, channel: str, target: str, pack: Pack,
                       where: Location) -> tuple[str, str | None, Location]:
    """A problem of the greeting or sign-off scriptkit adds for a channel pack.yaml gives none (a pack made
    by hand, with only a name): said as that, at pack.yaml, with what to write there. (It was placed at
    "<default email layout> 1:1" and asked the writer to "pick a target with fallbacks", of a greeting
    the writer never wrote.)"""
    from scriptkit.models import DEFAULT_LAYOUTS

    layout = DEFAULT_LAYOUTS.get(channel)
    names = re.findall(r"'([\w.]+)'", p.message)
    slots = [(slot, text) for slot in ("greeting", "signoff")
             if layout is not None and (text := getattr(layout, slot))
             and (not names or any(name in text for name in names))]
    slot, written = slots[0] if len(slots) == 1 else ("greeting", None)
    said = {"greeting": "greeting", "signoff": "sign-off"}[slot]
    shown = f' "{written}",' if written and "\n" not in written else ""  # (quoted: its own comma ends it)
    text = f"{p.message} (in scriptkit's default {channel} {said}{shown} as pack.yaml sets none)"
    if p.code == "SK504":
        from scriptkit.targets.layouts import example, own_words

        words = own_words(channel, slot, pack.meta.locale)
        hint = (f"Write your own {said} in pack.yaml, one that reads well without the name on {target}: "
                f"{example(target, channel, slot, pack.meta.locale)} for {target} alone, or channels: "
                f"{{{channel}: {{{slot}: \"{words}\"}}}} for every helpdesk.")
    else:
        hint = ((p.hint + " ") if p.hint else "") + f"Or write your own {said} under channels: {channel}: in pack.yaml."
    if pack.origin is not None:
        where = pack.origin.location(("channels", channel), key=True)
    elif pack.root:
        where = Location(os.path.join(pack.root, "pack.yaml"), 1, 1)
    return text, hint, where


def _where(p: Problem, message: Message, script: Script, pack: Pack, target: str,
           given: dict[tuple[str, ...], bool]) -> tuple[Location, bool]:
    """Where an export problem is told, and whether that is pack.yaml's block for every script without
    one of its own (``_pack_wide``)."""
    if p.code in SETTING_CODES and p.location is None and not (p.script_key and script.origin is not None) \
            and target not in script.export and (wide := _pack_wide(p, pack, target, given)) is not None:
        return wide, True
    return _where_in_script(p, message, script, pack, target), False


def _where_in_script(p: Problem, message: Message, script: Script, pack: Pack, target: str) -> Location:
    origin = script.origin
    if p.location is not None:
        return p.location
    if p.script_key and origin is not None:
        return origin.location(p.script_key)
    # (a problem of the text that names no setting, such as a folder name made of the title, is placed at
    # the title below, not at whatever the first export block holds)
    if p.code in SETTING_CODES and (setting := _setting_location(p, script, pack, target, any_block=False)) is not None:
        return setting
    if p.code == "SK502" and (longest := _longest_slot(message)) is not None:
        return longest  # (the slot to shorten: a 3,000-word warm_language, not the solution after it)
    if p.code == "SK502" and origin is not None:
        return origin.location(("solution",))
    if origin is not None:
        return origin.location(("title",))
    return Location(message.file or script.file, 1, 1)


def _longest_slot(message: Message) -> Location | None:
    """Where the reply's longest slot text is written (a channel's own text, where it has one)."""
    sizes: dict[str, int] = {}
    starts: dict[str, Location] = {}
    for seg in message.segments:
        if isinstance(seg, Text) and seg.source is not None and seg.slot in REPLY_SLOTS:
            sizes[seg.slot] = sizes.get(seg.slot, 0) + len(seg.text)
            starts.setdefault(seg.slot, seg.source.start)
    return starts[max(sizes, key=lambda slot: sizes[slot])] if sizes else None


def _setting_location(p: Problem, script: Script, pack: Pack, target: str, *,
                      any_block: bool = True) -> Location | None:
    """Where the setting an SK506 or SK512 problem is about is written, in the script's ``export: {<target>: ...}``
    or else the pack's: the keys it names (``p.setting``: the value of a placeholder mapping, in the
    block that maps that name), else a key its message names; else (``any_block``) the first of those
    blocks there is."""
    owners = [(owner.origin, conf) for owner, conf in ((script, script.export.get(target)),
                                                       (pack, pack.meta.export.get(target)))
              if owner.origin is not None and isinstance(conf, Mapping) and conf]
    if p.setting:
        for depth in range(len(p.setting), 0, -1):  # (the whole path where one block holds it, else its key)
            for origin, conf in owners:
                if _holds(conf, p.setting[:depth]):
                    return origin.location(("export", target, *p.setting[:depth]))
        # a setting no block holds: this script lacks it (group_ids for visibility: groups), so name the
        # script, at its own block where it has one
        if script.origin is not None:
            own = script.export.get(target)
            return script.origin.location(("export", target) if isinstance(own, Mapping) and own else ("id",))
    for origin, conf in owners:
        key = next((k for k in conf if f"'{k}'" in p.message or f" {k} " in f" {p.message} "), None)
        if key is not None:
            return origin.location(("export", target, key))
    return owners[0][0].location(("export", target)) if owners and any_block else None


def _pack_wide(p: Problem, pack: Pack, target: str, given: dict[tuple[str, ...], bool]) -> Location | None:
    """Where pack.yaml's block sets what makes a setting needed that no block of the pack holds ('visibility:
    groups' and no group_ids anywhere): a script with no block of its own has the pack's alone, so the problem
    is the pack's, told once there, not at each such script (24 scripts, 24 errors alike). ``given``: whether
    a script gives a setting, asked once per setting of a run (each script's problem asks it)."""
    conf = pack.meta.export.get(target)
    if not p.setting or pack.origin is None or not isinstance(conf, Mapping) or _holds(conf, p.setting):
        return None
    if p.setting not in given:
        given[p.setting] = any(isinstance(own := s.export.get(target), Mapping) and _holds(own, p.setting)
                               for s in pack.scripts)
    if given[p.setting]:
        return None  # (some scripts give it: each that does not is named, as one that forgot it)
    key = next((k for k in conf if f"({k}:" in p.message or f"'{k}'" in p.message), None)
    return pack.origin.location(("export", target, key) if key is not None else ("export", target))


def _pack_wide_hint(p: Problem, target: str) -> str:
    return (f"Add {p.setting[-1]} here, for every script without an export: {{{target}: ...}} block of its own, "
            "or to each script's own block.")


def _holds(conf: Mapping[str, Any], keys: tuple[str, ...]) -> bool:
    for key in keys:
        if not isinstance(conf, Mapping) or key not in conf:
            return False
        conf = conf[key]
    return True


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9._-]+", "-", text.lower()).strip("-") or "script"


def _safe_relpath(path: str, target: str) -> str:
    rel = PurePosixPath(path)
    if rel.is_absolute() or ".." in rel.parts or not rel.parts or rel.parts[0] != target:
        raise ConfigError(f"export target '{target}' tried to write '{path}' outside its own folder",
                          hint="A target writes only under <out>/<target name>/.")
    return rel.as_posix()


# ---------------------------------------------------------------- atomic write

def _exchange(a: Path, b: Path) -> bool:
    """Swap two folders atomically with Linux's renameat2(RENAME_EXCHANGE); False where unavailable."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):  # no such call in this C library
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    at_fdcwd, rename_exchange = -100, 2
    if renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.ENOSYS, errno.EINVAL, errno.EOPNOTSUPP):  # old kernel or file system without it
        return False
    raise OSError(err, os.strerror(err), str(b))


def marker_bytes(digests: Mapping[str, str]) -> bytes:
    """The marker an export writes: what the folder is, and the manifest of the files it wrote (``digests``: path
    relative to the folder -> the file's SHA-256)."""
    return MARKER_TEXT + _MANIFEST_HEAD + _manifest_text(digests)


def manifest_lines(files: Mapping[str, bytes]) -> bytes:
    """A line per file of ``files`` (path relative to the folder -> its bytes), ``SHA-256  path``, sorted: what
    a folder's marker lists so that the next run into it knows which of them were edited since
    (``read_manifest``; export's marker, and import's)."""
    return _manifest_text({rel: hashlib.sha256(data).hexdigest() for rel, data in files.items()})


def _manifest_text(digests: Mapping[str, str]) -> bytes:
    return b"".join(f"{digests[rel]}  {rel}\n".encode() for rel in sorted(digests))


def read_manifest(marker: Path, heads: Iterable[bytes]) -> dict[str, str] | None:
    """The files ``marker`` lists (``manifest_lines``), each with its SHA-256, by path; None when it cannot be
    read or holds none of ``heads`` (the line above the list: a marker from before it listed its files)."""
    try:
        text = marker.read_bytes().decode("utf-8", "replace")
    except OSError:
        return None
    if not any(head.decode() in text for head in heads):
        return None
    found = (_MANIFEST_LINE.fullmatch(line) for line in text.splitlines())
    return {m.group(2): m.group(1) for m in found if m}


def _manifest(folder: Path) -> dict[str, str] | None:
    """The files an earlier export in ``folder`` wrote, with their SHA-256; None for a marker written
    before the marker listed them."""
    return read_manifest(folder / MARKER, _MANIFEST_HEADS)


@dataclass(frozen=True)
class _Entry:
    """One thing found in an export folder: a file (``digest`` its SHA-256), a link (where it leads, never
    followed), an empty folder, or something else (a pipe, a socket)."""

    kind: str  # "file", "link", "dir" or "other"
    digest: str = ""


def _raise(error: OSError) -> None:
    raise error  # (a folder that cannot be read is not one to replace: what it holds is unknown)


def _survey(folder: Path) -> dict[str, _Entry]:
    """Every file, link and empty folder under ``folder`` (paths relative to it), but the marker and what a
    file browser leaves in any folder it shows."""
    found: dict[str, _Entry] = {}
    for root, dirs, names in os.walk(folder, onerror=_raise):
        here = Path(root)
        links = [d for d in dirs if (here / d).is_symlink()]
        dirs[:] = sorted(d for d in dirs if d not in links)
        if not dirs and not names and not links and here != folder:
            found[here.relative_to(folder).as_posix()] = _Entry("dir")
        for name in sorted([*names, *links]):
            path = here / name
            rel = path.relative_to(folder).as_posix()
            if rel == MARKER or (name in _OS_CACHES and path.is_file() and not path.is_symlink()):
                continue
            if path.is_symlink():
                found[rel] = _Entry("link", os.readlink(path))
            elif path.is_file():
                found[rel] = _Entry("file", sha256_of(path))
            else:
                found[rel] = _Entry("other")
    return found


def sha256_of(path: Path) -> str:
    """The SHA-256 of the file at ``path`` (read in blocks: a large file is not held whole)."""
    digest = hashlib.sha256()
    with path.open("rb") as file:
        for block in iter(lambda: file.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


@dataclass
class _Plan:
    """What replacing an earlier export's folder with ``files`` does to what is in it."""

    before: dict[str, _Entry]  # everything in the folder, as it was read
    keep: dict[str, _Entry] = field(default_factory=dict)  # the writer's own: carried into the new export
    edited: list[str] = field(default_factory=list)  # written by the last export, changed since
    clashes: list[str] = field(default_factory=list)  # the writer's own, at a path the new export writes
    odd: list[str] = field(default_factory=list)  # neither file, folder nor link (a pipe): cannot be carried
    #: the writer's own, inside a folder the new export fills with one file per reply (zendesk/macros/), whose
    #: files the export guides post to the helpdesk one by one
    inside: list[str] = field(default_factory=list)
    #: in a folder whose marker lists no files: a file inside a helpdesk folder that this export does not
    #: write and that is not what an export writes there now (the writer's, or an older export's)
    unknown: list[str] = field(default_factory=list)


def _record_folders(files: Iterable[str]) -> set[str]:
    """The folders below a helpdesk's own that an export fills with one file per reply (``zendesk/macros``):
    the export guides post each file in them to the helpdesk, so nothing else belongs there."""
    return {PurePosixPath(rel).parent.as_posix() for rel in files if len(PurePosixPath(rel).parts) > 2}


def _plan(folder: Path, files: Collection[str], known: Mapping[str, str] | None = None) -> _Plan:
    """Sort what ``folder`` (an earlier export) holds: the files that export wrote (replaced), those of
    them edited since, and everything else, which is the writer's and kept, unless it stands where the new
    export writes a file or inside a folder it fills with replies (``_record_folders``).

    A marker from before the marker listed its files: the files beside the helpdesk folders are the
    writer's (an export writes every file inside one); a file inside one is the export's where this export
    writes it again, or where it reads as what an export to that helpdesk writes there now (``known``:
    SHA-256 by path); any other may be the writer's or an older export's, and is named (``unknown``)."""
    manifest = _manifest(folder)
    plan = _Plan(_survey(folder))
    folders = {parent.as_posix() for rel in files for parent in PurePosixPath(rel).parents}
    records = _record_folders(files)
    for rel, entry in plan.before.items():
        if manifest is not None:
            own = rel in manifest
        elif "/" not in rel or entry.kind in ("link", "dir"):  # (an export writes files, each in a folder)
            own = False
        elif rel in files or (entry.kind == "file" and (known or {}).get(rel) == entry.digest):
            own = True
        else:
            plan.unknown.append(rel)
            continue
        if own:
            if manifest is not None and (entry.kind != "file" or entry.digest != manifest[rel]):
                plan.edited.append(rel)
            continue
        above = {parent.as_posix() for parent in PurePosixPath(rel).parents}
        if entry.kind == "other":
            plan.odd.append(rel)
        elif rel in files or (rel in folders and entry.kind != "dir") or above & set(files):
            plan.clashes.append(rel)
        elif entry.kind != "dir" and above & records:
            plan.inside.append(rel)
        elif not (entry.kind == "dir" and rel in folders):  # (an empty folder the export fills: nothing to keep)
            plan.keep[rel] = entry
    return plan


def _names(paths: Sequence[str]) -> str:
    return ", ".join(paths[:10]) + (f" and {len(paths) - 10:,} more" if len(paths) > 10 else "")


def _files(paths: Sequence[str]) -> str:
    return f"{len(paths):,} file{'s' if len(paths) > 1 else ''}"


def overwrite_hint(count: int, wording: Wording = API_WORDING) -> str:
    """What to do about edited files of the last export (``count`` of them) that stopped an export."""
    them = "them" if count > 1 else "it"
    return (f"To replace {them} with this export, export again {wording.overwrite}; to keep your edits, copy "
            f"{them} out of the folder first.")


def _refuse(given: Path, plan: _Plan, overwrite: bool, wording: Wording) -> None:
    """ConfigError (exit code 2) when replacing the folder would lose an edit (unless ``overwrite``) or a
    file of the writer's that stands where the new export writes."""
    edited = [] if overwrite else plan.edited
    if not edited and not plan.clashes and not plan.odd and not plan.inside and not plan.unknown:
        return
    parts, hints = [], []
    if edited:
        parts.append(f"{_files(edited)} that the last export wrote and that {'were' if len(edited) > 1 else 'was'} "
                     f"edited since: {_names(edited)}")
        hints.append(overwrite_hint(len(edited), wording))
    if plan.clashes:
        parts.append(f"{_files(plan.clashes)} that no export wrote, where this export writes: {_names(plan.clashes)}")
        hints.append("Move or rename the files of yours in its way (your other files there are kept), or "
                     f"export to another {wording.out}.")
    if plan.odd:
        many = len(plan.odd) > 1
        parts.append(f"{len(plan.odd):,} item{'s' if many else ''} that {'are' if many else 'is'} neither a file, a "
                     f"folder nor a link, which an export cannot carry into its new folder: {_names(plan.odd)}")
        hints.append(f"Move {'them' if many else 'it'} out of the folder.")
    if plan.inside:
        many = len(plan.inside) > 1
        home = PurePosixPath(plan.inside[0]).parts[0]
        parts.append(f"{_files(plan.inside)} that no export wrote, inside a folder this export fills with its "
                     f"replies, one file each: {_names(plan.inside)}")
        hints.append(f"The helpdesk's export guide posts each file of such a folder, so it holds only "
                     f"what the export writes: move {'them' if many else 'it'} up into {home}/ (beside the folder; "
                     f"your files there are kept) or out of {wording.out}.")
    if plan.unknown:
        many = len(plan.unknown) > 1
        parts.append(f"{_files(plan.unknown)} inside its helpdesk folders that this export does not write and "
                     f"that an older scriptkit's export may have written or you may have added (its {MARKER} "
                     f"lists no files, so they cannot be told apart): {_names(plan.unknown)}")
        hints.append(f"Move the files of yours among them to the top of {wording.out} (kept there) or out of it, and "
                     "delete the others (replies of an earlier export, such as one since removed from the pack); "
                     "this export lists the files it writes, so the next one tells them apart.")
    lost = [*edited, *plan.clashes, *plan.odd, *plan.unknown]
    named = [*lost, *plan.inside]
    them = "them" if len(named) > 1 else "it"
    # (a file inside a folder of replies would be kept, but posted to the helpdesk with them)
    why = f"lose {them}" if lost else f"leave {them} where {'they' if len(named) > 1 else 'it'} would be posted"
    raise ConfigError(f"{wording.out} {given} holds {'; and '.join(parts)}; nothing was written, rather than {why}",
                      Location(str(given / named[0]), 1, 1), " ".join(hints))


def _refuse_late(given: Path, late: Sequence[str], wording: Wording) -> None:
    raise ConfigError(f"{wording.out} {given} changed while the export ran: {_names(late)} "
                      f"{'were' if len(late) > 1 else 'was'} added or changed there; nothing was written, rather "
                      f"than lose {'them' if len(late) > 1 else 'it'}", Location(str(given / late[0]), 1, 1),
                      "Export again: the files of yours in the folder are kept, carried into the new export.")


def _late(previous: Path, plan: _Plan) -> list[str]:
    """What was added to the folder, or changed, after ``plan`` read it (while the export ran)."""
    return [rel for rel, entry in _survey(previous).items() if entry.kind != "dir" and plan.before.get(rel) != entry]


def _carry(source: Path, target: Path, keep: Mapping[str, _Entry], written: Iterable[str] = ()) -> None:
    """Copy the writer's own files (links as links, empty folders) from the earlier export into the new one,
    each with its permissions and times, as are the writer's folders that hold them (those the export does
    not write into: ``written`` lists its files)."""
    exported = {parent.as_posix() for rel in written for parent in PurePosixPath(rel).parents}
    folders: set[str] = set()
    for rel, entry in sorted(keep.items()):
        src, dst = source / rel, target / rel
        dst.parent.mkdir(parents=True, exist_ok=True)
        folders.update(p.as_posix() for p in PurePosixPath(rel).parents if p.as_posix() not in exported)
        if entry.kind == "dir":
            dst.mkdir(exist_ok=True)
            folders.add(rel)
        elif entry.kind == "link":
            os.symlink(os.readlink(src), dst)
            shutil.copystat(src, dst, follow_symlinks=False)  # (its times; a link's mode is not its own)
        else:
            shutil.copy2(src, dst, follow_symlinks=False)
    # the deepest first, once all they hold is in place (what is written into a folder changes its time)
    for rel in sorted(folders, key=lambda r: (-len(PurePosixPath(r).parts), r)):
        shutil.copystat(source / rel, target / rel)


@dataclass
class Written:
    """What ``write_atomically`` did besides writing the export: the writer's files it kept (carried into
    the new folder) and the edited files of the last export it replaced (``overwrite``)."""

    kept: list[str] = field(default_factory=list)
    overwritten: list[str] = field(default_factory=list)


def write_atomically(out: Path, files: Mapping[str, bytes], *, overwrite: bool = False,
                     known: Mapping[str, str] | None = None, wording: Wording = API_WORDING) -> Written:
    """Write ``files`` into a temporary folder beside ``out``, then swap it in by renaming (``_Staged.commit``)."""
    staged = _Staged(out)
    try:
        staged.add(files)
        return staged.commit(overwrite=overwrite, known=known, wording=wording)
    finally:
        staged.discard()


class _Staged:
    """An export's files, written into a temporary folder beside ``out`` as each target makes them (``add``), and
    swapped in for ``out`` once all are (``commit``): a large pack's files are never all held at once. What is
    kept of each is its SHA-256, for the marker's manifest. Where no temporary folder can be made before the
    export is checked (the system refuses one), the files are held until ``commit``, which then names the error."""

    def __init__(self, out: Path) -> None:
        self.given = Path(out)
        #: the files staged, by path relative to ``out``: their SHA-256
        self.digests: dict[str, str] = {}
        self.folder: Path | None = None  # the temporary folder, once made
        self.held: dict[str, bytes] = {}  # the files when none could be made
        self._tried = False

    def _staging(self) -> Path | None:
        if not self._tried:
            self._tried = True
            real = Path(os.path.realpath(self.given))
            try:  # (beside ``out``; where its folder is still to be made, in the nearest one above, moved at commit)
                near = next((above for above in real.parents if above.is_dir()), None)
                self.folder = Path(tempfile.mkdtemp(prefix=f".{real.name}.tmp-", dir=near))
            except OSError:
                self.folder = None
        return self.folder

    def add(self, files: Mapping[str, bytes], *, keep: bool = True) -> None:
        """Stage ``files`` (paths relative to ``out``); ``keep=False`` for an export that will be refused: nothing
        of it is written, and what was staged is removed."""
        if not keep:
            self.discard()
            self._tried = True  # (no folder made again)
            return
        folder = self._staging()
        for rel in sorted(files):
            data = files[rel]
            self.digests[rel] = hashlib.sha256(data).hexdigest()
            if folder is None:
                self.held[rel] = data
                continue
            path = folder / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)

    def discard(self) -> None:
        """Remove what was staged and not swapped in (a refused or failed export)."""
        if self.folder is not None:
            shutil.rmtree(self.folder, ignore_errors=True)
            self.folder = None
        self.held.clear()

    def commit(self, *, overwrite: bool = False, known: Mapping[str, str] | None = None,
               wording: Wording = API_WORDING) -> Written:
        """Replace ``out`` with the staged files.

        On any failure the temporary folder is removed and a previous export stays as it was.
        A folder that exists, is not empty and was not written by scriptkit is never replaced. In one that an
        earlier export wrote, the files that export did not write (the writer's notes) are copied into the new
        folder, unless one stands where the new export writes (ConfigError naming it); a file the export wrote
        and the writer edited since stops it too, unless ``overwrite``, as does one inside a folder the export
        fills with replies (``_record_folders``). In a folder whose marker lists no files (an older scriptkit's),
        a file inside a helpdesk folder that the export does not write, and that ``known`` (SHA-256 by path) does
        not show to be an export's, stops it. What is added or changed there while the export runs is swapped
        back, never deleted. The writer's files keep their permissions and times, and the folder its permissions.
        Errors name the folder in ``wording``'s words (``out_dir``, or ``--out`` for the command line).
        """
        given = self.given
        # through a symlink to the folder it names (a team's shared folder): swapping folders at the
        # link itself replaced the link with a local folder and left the shared one as it was
        out = Path(os.path.realpath(given))
        files = self.digests
        plan = _Plan({})
        if out.exists():
            if not out.is_dir():
                raise ConfigError(f"{wording.out} {out} is a file, not a folder", Location(str(given), 1, 1),
                                  "Name a folder for the export, a new one or one an earlier export wrote.")
            if any(out.iterdir()) and not (out / MARKER).is_file():
                raise ConfigError(f"{wording.out} {out} is a non-empty folder that scriptkit did not write",
                                  Location(str(given), 1, 1),
                                  "Choose an empty or new folder: an export replaces the whole folder.")
            plan = _plan(out, files, known)
            _refuse(given, plan, overwrite, wording)
        done = Written(sorted(plan.keep), sorted(plan.edited))
        make_folder(out.parent, given, "the export")  # (a file in the way, /proc/x: a ConfigError, not an OSError)
        staged = self.folder
        if staged is not None and staged.parent == out.parent:
            tmp = staged
        else:
            try:
                tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}.tmp-", dir=out.parent))
            except OSError as exc:  # (a folder that takes no new ones: /proc)
                raise path_error(OSError(exc.errno, exc.strerror), given, ConfigError, writing=True) from None
        old: Path | None = None
        try:
            if staged is not None and tmp != staged:  # (staged further up, the folder of ``out`` being new)
                for entry in sorted(staged.iterdir()):
                    shutil.move(entry, tmp / entry.name)
            for rel in sorted(self.held):
                path = tmp / rel
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(self.held[rel])
            self.held.clear()
            _carry(out, tmp, plan.keep, files)
            (tmp / MARKER).write_bytes(marker_bytes(files))
            # mkdtemp creates it private: as the folder it replaces was, else readable by all
            os.chmod(tmp, stat.S_IMODE(out.stat().st_mode) if out.exists() else 0o755)
            if out.exists() and _exchange(tmp, out):  # one step: `out` is never missing
                # (a file added or changed while this export ran: swapped back, not deleted)
                if late := _late(tmp, plan):
                    _exchange(tmp, out)
                    _refuse_late(given, late, wording)
                shutil.rmtree(tmp, ignore_errors=True)  # now the previous export
                self.discard()
                return done
            if out.exists():
                old = Path(tempfile.mkdtemp(prefix=f".{out.name}.old-", dir=out.parent))
                os.rename(out, old / "previous")
                if late := _late(old / "previous", plan):
                    os.rename(old / "previous", out)
                    _refuse_late(given, late, wording)
            try:
                os.rename(tmp, out)
            except BaseException:
                if old is not None:
                    os.rename(old / "previous", out)
                raise
        except BaseException:
            shutil.rmtree(tmp, ignore_errors=True)
            if old is not None and not (old / "previous").exists():
                shutil.rmtree(old, ignore_errors=True)
            raise
        if tmp == staged:
            self.folder = None  # (it is ``out`` now)
        else:
            self.discard()
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
        return done
