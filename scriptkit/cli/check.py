"""``scriptkit check`` (a pack) and ``scriptkit review`` (free text): the empathy linter."""

from __future__ import annotations

import io
import os
import shlex
import sys
from collections import Counter
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

import click

from scriptkit.cli.options import (
    OneValueCommand,
    channel_option,
    grammar_option,
    not_a_folder_of_packs,
    packs_below,
    report_options,
    selection_options,
    written_for,
)
from scriptkit.cli.output import console, counted_by_rule, make_folder_for, stages, writing
from scriptkit.diagnostics import Location
from scriptkit.errors import ConfigError, ErrorGroup, ScriptkitError, each_error
from scriptkit.reporters import Reporter, display_path, get_reporter
from scriptkit.sourcetext import MAX_FILE_BYTES, PACK_FILE, SourceText

if TYPE_CHECKING:
    from scriptkit.config import LintConfig
    from scriptkit.diagnostics import Diagnostic, Edit
    from scriptkit.fixing import FileFix, FixesNotWritten
    from scriptkit.linting import Judged, LintResult
    from scriptkit.models import Pack

# (the linter, the pack loader and the rest are imported by the command that runs: `review` of one
# reply is waited for, and loading a pack's models and templates is most of a start-up)

MAX_FIX_ROUNDS = 10


def _configure(config: LintConfig, select: tuple[str, ...], ignore: tuple[str, ...], fail_on: str | None,
               grammar: str | None) -> LintConfig:
    from scriptkit.config import check_selectors
    from scriptkit.rules import all_rules

    rules = [*all_rules(), *config.custom]
    check_selectors(select, rules, "--select")
    check_selectors(ignore, rules, "--ignore")
    return config.override(select=select, ignore=ignore, fail_on=fail_on, grammar=grammar)


#: within ``_check_packs``, where each pack's report is gathered, to be written as one (``reporters.several``)
_GATHERED: ContextVar[list[LintResult] | None] = ContextVar("_GATHERED", default=None)


def _emit(result: LintResult, fmt: str, output: str | None, reporter: Reporter | None = None) -> None:
    gathered = _GATHERED.get()
    if gathered is not None:
        gathered.append(result)
        return
    _write_report(partial(reporter or get_reporter(fmt), result), output)


def _write_report(write: Callable[[TextIO], None], output: str | None) -> None:
    """A report on standard output, or in ``output`` (its folder made, the file replaced whole once written)."""
    if output is None:
        write(sys.stdout)
        return
    from scriptkit.fixing import write_atomic

    buffer = io.StringIO()
    write(buffer)
    make_folder_for("the report", output)
    with writing("the report", output):
        write_atomic(Path(output), buffer.getvalue())


# the code and name a load error is reported under in the machine-readable formats (no rule's: the
# rules are SK001 up, and a plug-in cannot claim it)
LOAD_ERROR_CODE, LOAD_ERROR_NAME = "SK000", "load-error"


@contextmanager
def _reported(fmt: str, output: str | None, pack: str) -> Iterator[None]:
    """A pack that cannot be read (exit 2) is reported in the chosen format too, besides the messages
    on stderr: ``github`` as error annotations, ``json``, ``sarif``, ``junit`` and ``gitlab`` as results, all
    of the code SK000 (load-error). Without them a CI job uploading the report found no file, or an empty
    one, and the pull request showed nothing. ``concise`` holds them as ``path:line:col: error SK000`` lines (a
    grep of its output found none). ``text`` on standard output stays as it was (stderr says it all); into an
    ``-o`` file, it is the SK000 findings too: the last run's report was left there, and a reused workspace
    archived it as this run's."""
    try:
        yield
    except ScriptkitError as exc:
        if _errors_said_on_stderr(fmt, output):
            raise
        errors = each_error(exc)
        given = Path(pack)
        inputs = [pack, str(given / PACK_FILE), *(e.location.file for e in errors if e.location)]
        target = Path(output).resolve() if output else None  # (a link is written through: its file is judged)
        if output and target and target.suffix.lower() in (".yaml", ".yml") and given.is_dir() \
                and target.is_relative_to(given.resolve()):
            inputs.append(output)  # (any script of the pack: which ones it has was not learnt)
        try:
            _not_an_input(output, inputs)  # (a pack that cannot be read is still not overwritten)
            # (github too: titled SK000 [load-error], as when only some scripts cannot be read)
            _emit(_load_errors(errors, given), fmt, output)
        except ScriptkitError as unwritten:  # (no folder for -o...): said too, after the errors it would hold
            if any(str(unwritten) == str(e) for e in errors):
                raise exc from None  # (-o naming the input: that was the error, said once)
            raise ErrorGroup([*errors, unwritten]) from None
        if _sk000_lines_on_screen(fmt, output):
            sys.exit(exc.exit_code)
        raise


def _sk000_lines_on_screen(fmt: str, output: str | None) -> bool:
    """Whether concise's SK000 lines are on the terminal stderr is on too: there stderr's copy of each error, just
    beneath, said it twice (piped, stdout's lines are for grep and editors, and stderr's for the person)."""
    if fmt != "concise" or output is not None:
        return False
    try:
        return sys.stdout.isatty() and sys.stderr.isatty() and \
            os.path.samestat(os.fstat(sys.stdout.fileno()), os.fstat(sys.stderr.fileno()))
    except (OSError, ValueError):  # (a stream with no file behind it: a test's, an embedding program's)
        return False


def _errors_said_on_stderr(fmt: str, output: str | None) -> bool:
    """Whether a load error is said on stderr alone: text on standard output is read with stderr, so an SK000
    finding there too said each error twice. (Concise's lines are for grep and editors, which read stdout.)"""
    return fmt == "text" and output is None


def _load_errors(errors: list[ScriptkitError], pack: Path) -> LintResult:
    """The errors as findings of a result the reporters write: severity error, located where each
    is (one without a place, e.g. a bad --select, at the pack's settings), the hint as suggestion."""
    from scriptkit.diagnostics import Diagnostic, Severity
    from scriptkit.linting import LintResult

    somewhere = Location(str(pack / PACK_FILE) if pack.is_dir() else str(pack), 1, 1)
    return LintResult([Diagnostic(LOAD_ERROR_CODE, LOAD_ERROR_NAME, e.message, Severity.ERROR,
                                  e.location or somewhere, suggestion=e.hint, extra={"family": "input"})
                       for e in errors])


def _not_an_input(output: str | None, inputs: list[str], option: str = "-o", what: str = "the report") -> None:
    """Refuse ``-o`` naming a file this run reads: the report would replace it (as ``sort f > f`` does)."""
    if output is None or not os.path.exists(output):  # (False for a name the system refuses, too)
        return
    target = Path(output).resolve()
    # (a path resolves to the target only under its name, or through a link: the others need no
    # resolve, one system call each, 0.6 s for a 10,000-script pack)
    if any(Path(f).resolve() == target for f in inputs if f and not f.startswith("<")
           and (os.path.basename(f) == target.name or os.path.islink(f))):
        raise ConfigError(f"{option} {output} is a file this run reads: {what} would replace it",
                          Location(output, 1, 1), f"Write {what} to a new file.")


def _not_a_script(output: str | None, root: str, option: str = "-o", what: str = "the report") -> None:
    """Refuse ``-o`` naming a new YAML file in the pack's scripts folder: every later run would
    read the report as a script, and the pack no longer loads ("unknown key 'All clear'")."""
    from scriptkit.loading import SCRIPTS_DIR

    if output is None or not root:
        return
    # (resolved first: a link, 'report.txt' to scripts/new.yaml, is written through, to the file it names)
    target = Path(output).resolve()
    scripts = Path(root, SCRIPTS_DIR)
    if target.suffix.lower() in (".yaml", ".yml") and target.is_relative_to(scripts.resolve()):
        raise ConfigError(f"{option} {output} is in the pack's {SCRIPTS_DIR} folder: the next run would read "
                          f"{what} as a script", Location(output, 1, 1),
                          f"Write {what} outside {display_path(str(scripts))}, or under another extension.")


def _written(fix: FileFix) -> bool:
    """Whether ``fix``'s file holds its fixed text (written before an interrupt)."""
    try:
        return Path(fix.path).read_bytes() == (fix.bom + fix.after).encode("utf-8")
    except OSError:
        return False


def _packs_given(paths: tuple[str, ...]) -> tuple[list[str], bool]:
    """The packs (or the one script) of the command line, and whether they are several. A folder holding packs and
    no pack.yaml of its own (a repository's packs/) stands for each pack below it, as ruff reads a folder's files;
    a pack given twice is checked once. Several files of one folder ('scriptkit check scripts/*.yaml', as a shell
    expands it) are refused with the pack's folder to give: each script alone would miss what compares them."""
    if not paths:
        raise click.UsageError("give the pack's folder to check, e.g. `scriptkit check my-pack`")
    folders = {os.path.dirname(os.path.abspath(p)) for p in paths}
    if len(paths) > 1 and len(folders) == 1 and all(os.path.isfile(p) for p in paths):
        scripts_dir = next(iter(folders))
        whole = (f" To check every script, give the pack's folder: `scriptkit check "
                 f"{shlex.quote(os.path.relpath(os.path.dirname(scripts_dir)))}`."
                 if os.path.basename(scripts_dir) == "scripts" else "")
        raise click.UsageError(f"check reads pack folders, or one script of a pack; it was given {len(paths)} "
                               f"files of one folder ({', '.join(paths[:3])}{', ...' if len(paths) > 3 else ''})."
                               f"{whole}")
    given: dict[str, str] = {}  # by real path: the path as given
    expanded = False
    for path in paths:
        folder = Path(path)
        below = packs_below(folder) if folder.is_dir() and not (folder / PACK_FILE).exists() else []
        expanded = expanded or bool(below)
        for pack in [str(p) for p in below] or [path]:
            given.setdefault(os.path.realpath(pack), pack)
    return list(given.values()), expanded or len(given) > 1


@click.command(cls=OneValueCommand)
@click.argument("packs", nargs=-1, metavar="PACK...", type=click.Path())
@selection_options
@report_options
@channel_option()
@grammar_option
@click.option("--fix", is_flag=True, help="Apply safe fixes to the YAML files (comments and formatting are kept).")
@click.option("--diff", is_flag=True, help="Show the safe fixes as a unified diff; change nothing. "
              "Exit 1 when there is a diff, 0 when there is none (whatever the findings), as other linters' --diff.")
@click.option("--statistics", is_flag=True, help="Print how often each rule fired instead of every finding.")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
              help="Worker processes for a large pack (default: one per CPU; 1: no workers).")
@click.option("--baseline", "baseline_file", metavar="FILE", default=None,
              help="Hide the findings recorded in FILE by --write-baseline: report, and fail on, new ones only.")
@click.option("--write-baseline", "write_baseline_file", metavar="FILE", default=None,
              help="Record this run's findings in FILE (the ones the team accepts for now) and exit 0.")
def check(packs: tuple[str, ...], select: tuple[str, ...], ignore: tuple[str, ...], fail_on: str | None, fmt: str,
          output: str | None, channels: tuple[str, ...], grammar: str | None, fix: bool, diff: bool,
          statistics: bool, jobs: int | None, baseline_file: str | None, write_baseline_file: str | None) -> None:
    """Judge every script of PACK: acknowledgment, warmth, room for the agent, a clear solution, readability.

    PACK may also be one script file of a pack (my-pack/scripts/refund.yaml): it is judged alone,
    with the pack's settings. Several packs (packs/a packs/b, or packs, a folder holding them) are each
    judged with their own settings, in one report; the exit code is the worst pack's.

    Exit code 0 when clean, 1 when a finding is at or above the fail level (with --diff: when there is a
    diff), 2 for bad input.
    """
    given, several = _packs_given(packs)
    if statistics and fmt != "text":
        raise click.UsageError(f"--statistics prints a table of counts; it has no --format {fmt} "
                               "(the JSON report's diagnostics can be counted instead)")
    if write_baseline_file and (fix or diff):
        raise click.UsageError("--write-baseline records the findings as they are: run --fix first, then record")
    # (refused, not ignored: `--diff --format sarif > x.sarif` uploaded a diff as SARIF, and --write-baseline with
    # -o exited 0 and wrote no report, which a later step then missed)
    if diff and fmt != "text":
        raise click.UsageError(f"--diff prints the safe fixes as a unified diff; it has no --format {fmt} "
                               f"(the report without --diff has the fixes: `--format {fmt}`)")
    if diff and output:
        raise click.UsageError(f"--diff prints the safe fixes on standard output; it writes no -o file "
                               f"(redirect it instead: `scriptkit check {' '.join(map(shlex.quote, given))} --diff "
                               "> fixes.patch`)")
    if diff and statistics:
        raise click.UsageError("--diff prints the safe fixes; --statistics a table of counts: run them one at a time")
    if write_baseline_file and (fmt != "text" or output):
        raise click.UsageError("--write-baseline records the findings and writes no report: run the check with "
                               f"--baseline {shlex.quote(write_baseline_file)} for one")
    if several and (baseline_file or write_baseline_file):
        # (a baseline names each finding's file relative to its pack: packs/a's scripts/refund.yaml and packs/b's
        # are the same entry, and one pack's accepted findings would hide the other's)
        option, file = ("--baseline", baseline_file) if baseline_file else ("--write-baseline", write_baseline_file)
        raise click.UsageError(f"{option} {file} records one pack's findings, and this run checks {len(given)} "
                               f"packs: give each pack its own baseline, one run each (`scriptkit check "
                               f"{shlex.quote(given[0])} {option} "
                               f"{shlex.quote(str(Path(given[0], 'baseline.json')))}`)")
    run = partial(_check_pack, select=select, ignore=ignore, fail_on=fail_on, fmt=fmt, output=output,
                  channels=channels, grammar=grammar, fix=fix, diff=diff, statistics=statistics, jobs=jobs,
                  baseline_file=baseline_file, write_baseline_file=write_baseline_file)
    if not several:
        run(given[0])
    sys.exit(_check_packs(given, run, fmt, output, statistics, diff))


def _check_pack(pack: str, *, select: tuple[str, ...], ignore: tuple[str, ...], fail_on: str | None, fmt: str,
                output: str | None, channels: tuple[str, ...], grammar: str | None, fix: bool, diff: bool,
                statistics: bool, jobs: int | None, baseline_file: str | None,
                write_baseline_file: str | None) -> None:
    """Check one pack (or one script of it) and exit with its code; within ``_check_packs``, its report is
    gathered (``_emit``) and its exit caught."""
    from scriptkit import fixing
    from scriptkit.baseline import apply_baseline, read_baseline, write_baseline
    from scriptkit.config import load_config
    from scriptkit.exporting import check_settings
    from scriptkit.linting import lint_pack, lint_pack_again
    from scriptkit.loading import load_pack, load_readable_part
    # A report (a machine format, or -o) of a pack some of whose scripts cannot be read holds the others'
    # findings beside the SK000s: code scanning closed every other alert when it held the SK000s alone.
    # (--fix, --diff and --write-baseline still wait for the whole pack, as text on a terminal does.)
    all_or_none = _errors_said_on_stderr(fmt, output) or fix or diff or bool(write_baseline_file)
    with _reported(fmt, output, pack):
        with stages() as tell:
            tell(f"Loading {pack}")
            not_a_folder_of_packs(pack, "check")
            loaded, unreadable = ((load_pack(pack, jobs=jobs), None) if all_or_none
                                  else load_readable_part(pack, jobs=jobs))
        try:
            check_settings(loaded)  # (bad input as export would find it: a clean check then exports)
            written_for(loaded, channels or (), pack, "check")
            config = _configure(load_config(loaded), select, ignore, fail_on, grammar)
            # (a bad file: said before the work, and reported as the other bad input is: outside, a truncated one
            # exited 2 and left the last run's -o report in place, which a reused workspace then published)
            accepted = read_baseline(Path(baseline_file)) if baseline_file else None
            # (what a partial run's --write-baseline keeps of the file it rewrites)
            previous = read_baseline(Path(write_baseline_file)) if write_baseline_file and _partial(
                loaded, pack, channels, select, ignore) and Path(write_baseline_file).is_file() else None
        except ScriptkitError as exc:
            raise exc if unreadable is None else ErrorGroup([*each_error(unreadable), *each_error(exc)]) from None
    inputs = [*_texts(loaded), *config.sources,
              *(e.location.file for e in (each_error(unreadable) if unreadable else []) if e.location)]
    _not_an_input(output, inputs)
    _not_an_input(write_baseline_file, inputs, "--write-baseline", "the baseline")
    _not_a_script(output, loaded.root)
    _not_a_script(write_baseline_file, loaded.root, "--write-baseline", "the baseline")
    with _reported(fmt, output, pack), stages() as tell:  # (a template that fails only as it renders is found here)
        checking = f"Checking {len(loaded.scripts)} script{'s' if len(loaded.scripts) != 1 else ''}"
        tell(checking)
        # (a count as each batch comes back from the workers, as audit's: a big pack's was minutes of one line)
        judged = None
        if fix:  # (what the per-message rules found, kept: each round of fixes judges again only what it changed)
            result, judged = lint_pack_again(loaded, config, channels=channels or None, jobs=jobs,
                                             progress=lambda n: tell(f"{checking}: {n} done"))
        else:
            result = lint_pack(loaded, config, channels=channels or None, jobs=jobs, export_settings=False,  # (read
                               progress=lambda n: tell(f"{checking}: {n} done"))  # above)
    coverage = _Coverage.of(result, loaded, pack, channels, partial_rules=bool(select or ignore),
                            unreadable=unreadable)
    if write_baseline_file:
        make_folder_for("the baseline", write_baseline_file)  # (as -o's: a fresh checkout has no baselines/ yet)
        # (a partial run keeps the entries it did not check: rewritten from one script's run, the baseline lost
        # the others' and the next full run failed on them as new)
        kept: Counter[tuple[str, ...]] = Counter()
        if previous:
            kept = Counter({k: n for k, n in apply_baseline(list(result.diagnostics), previous,
                                                            Path(loaded.root))[1].left.items()
                            if not coverage.checked(k)})
        count = write_baseline(result.diagnostics, Path(write_baseline_file), Path(loaded.root), kept)
        also = (f", and kept {sum(kept.values())} entry(ies) of what this run did not check ({coverage.reasons()}; "
                "delete the file first to start afresh)" if kept else
                f" ({coverage.reasons()}: a run of the rest reports its findings as new)" if coverage.partial else "")
        console(stderr=True).print(
            f"Recorded {count - sum(kept.values())} finding(s) in {write_baseline_file}{also}: `scriptkit check "
            f"{shlex.quote(pack)} --baseline {shlex.quote(write_baseline_file)}` reports only new ones.",
            markup=False, highlight=False)
        sys.exit(0)
    if fix or diff:
        err = console(stderr=True)
        if diff:  # (what --fix writes, made by the same rounds in a copy)
            if fix:  # (--diff wins: said, as a run that wrote nothing looked like one that fixed everything)
                err.print("--fix with --diff: the diff shows the fixes and nothing is written (run --fix alone to "
                          "write them).", markup=False, highlight=False)
            with stages() as tell:  # (its fix rounds take as long as --fix's: told as --fix tells them)
                plans = _fixed_in_a_copy(pack, loaded, result, config, channels or None, jobs, tell)
            # (located in the files as they are on disk, not in the text the diff's fixes leave)
            for line in fixing.refused_messages(plans, _texts(loaded)):
                err.print(line, markup=False, highlight=False)
            changed = [p for p in plans if p.changed]
            # (the files' own bytes, as UTF-8, and a name as it is on disk: a patch to apply; click and a C locale
            # wrote 'caf?' for 'café', which no patch finds, and the console shows a tab or a CR as a picture)
            sys.stdout.flush()
            out = getattr(sys.stdout, "buffer", None)
            for p in changed:
                text = p.diff(display_path(p.path))
                if out is None:
                    sys.stdout.write(text)
                else:
                    out.write(text.encode("utf-8", "surrogateescape"))
            if out is not None:
                out.flush()
            if changed:  # (a 2,000-file diff ended on a hunk: how much it is, and what writes it)
                err.print(f"{len(changed)} file{'s' if len(changed) != 1 else ''} would change: "
                          f"`scriptkit check {shlex.quote(pack)} --fix` writes the fixes.",
                          markup=False, highlight=False)
            elif result.diagnostics:  # (an empty diff alone reads as "nothing wrong")
                n = len(result.diagnostics)
                err.print(f"No safe fixes to show: {n} finding{'s need' if n != 1 else ' needs'} rewriting by hand "
                          f"(`scriptkit check {shlex.quote(pack)}` lists {'them' if n != 1 else 'it'}).",
                          markup=False, highlight=False)
            sys.exit(1 if changed else 0)
        rounds = _Rounds(result, judged=judged)
        try:
            with stages() as tell:  # (minutes on a large pack: said as the other stages are)
                _fix_rounds(rounds, loaded, lambda: _lint_again(pack, config, channels or None, jobs, rounds),
                            tell=tell, jobs=jobs)
        except KeyboardInterrupt:  # (Ctrl-C: what is fixed so far is said; each file is written whole, or not)
            whole = rounds.files | {p.path for p in rounds.plans if p.changed and _written(p)}
            raise KeyboardInterrupt(f"interrupted: {len(whole)} file(s) already fixed (each whole, the others as they "
                                    f"were); run `scriptkit check {shlex.quote(pack)} --fix` again to finish") from None
        result = rounds.result
        for line in fixing.refused_messages(rounds.plans):  # what still cannot be applied, once
            err.print(line, markup=False, highlight=False)
        summary = f"Fixed {rounds.count} problem{'s' if rounds.count != 1 else ''} in {len(rounds.files)} file(s)" \
            if rounds.count else ""
        if result.diagnostics and accepted is None:  # (what --fix left is told, not only listed: SK208's capitals)
            left = _left_by_fix(result.diagnostics)
            summary = f"{summary}. {left[0].upper()}{left[1:]}" if summary else f"Nothing to fix safely; {left}"
        if summary:
            # (one run of several packs: each pack's line says which it is, as its report's heading does)
            of_pack = f"{pack}: " if _GATHERED.get() is not None else ""
            err.print(f"{of_pack}{summary}.", markup=False, highlight=False)
        if rounds.unwritten is not None:
            errors = rounds.unwritten.errors
            raise ErrorGroup(errors) if len(errors) > 1 else errors[0]
        fixing.not_fixable(result.diagnostics, fixing.refused_edits(rounds.plans))  # (not counted as fixable)
    else:  # (what --fix would refuse is not counted as fixable: an anchor's text, reused by an alias)
        fixing.not_fixable(result.diagnostics, fixing.refused_by_anchors(result.diagnostics, _texts(loaded)))
    if accepted is not None:
        # (the entries of what this run did not check, other scripts, rules or channels, are not gone: a rewrite as
        # advised dropped findings nobody fixed, and the next full run failed on them)
        result.diagnostics, applied = apply_baseline(result.diagnostics, accepted, Path(loaded.root))
        result.accepted, result.baseline = applied.accepted, baseline_file or ""
        unchecked = sum(n for k, n in applied.left.items() if not coverage.checked(k))
        fixed = applied.fixed - unchecked
        gone = f"; {fixed} of its finding(s) are gone (rewrite it with --write-baseline to drop them)" if fixed else ""
        if unchecked:
            gone += f"; {unchecked} of its finding(s) were not checked ({coverage.reasons()})"
        console(stderr=True).print(f"{baseline_file}: {applied.hidden} finding(s) in the baseline not shown{gone}.",
                                   markup=False, highlight=False)
    if unreadable is not None:
        from scriptkit.linting import sorted_diagnostics

        result.diagnostics = sorted_diagnostics([*_load_errors(each_error(unreadable), Path(pack)).diagnostics,
                                                 *result.diagnostics])
        _emit(result, fmt, output)
        if _sk000_lines_on_screen(fmt, output):
            sys.exit(unreadable.exit_code)
        raise unreadable  # (said on stderr too; exit 2)
    _emit(result, fmt, output, _statistics if statistics else None)
    _statistics_hint([result], [pack], fmt, output, statistics)
    _summary([result], output)
    sys.exit(result.exit_code)


def _check_packs(packs: list[str], check_one: Callable[[str], None], fmt: str, output: str | None,
                 statistics: bool, diff: bool) -> int:
    """Check each of ``packs`` as ``check_one`` checks it alone (its own settings, its findings, its fixes), and
    write one report of them all (``reporters.several``); the worst exit code. A pack that cannot be read is said
    as when alone (on stderr, and in a machine format's report) and the others are still checked."""
    from scriptkit.cli.output import report_error
    from scriptkit.reporters import several

    done: list[several.PackReport] = []
    for pack in packs:
        gathered: list[LintResult] = []
        token = _GATHERED.set(gathered)
        try:
            check_one(pack)
            code = 0  # (it exits: never reached)
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 0 if exc.code is None else 2
        except ScriptkitError as exc:
            report_error(exc)
            code = exc.exit_code
        finally:
            _GATHERED.reset(token)
        done.append(several.PackReport(pack, gathered[-1] if gathered else None, code))
    worst = max(p.exit_code for p in done)
    if diff:  # (each pack's patch is written as it is made)
        return worst
    _write_report(partial(several.report, done, fmt, text_reporter=_statistics if statistics else None), output)
    results = [p.result for p in done if p.result is not None]
    _statistics_hint(results, packs, fmt, output, statistics)
    _summary(results, output)
    return worst


def _partial(loaded: Pack, pack: str, channels: tuple[str, ...], select: tuple[str, ...],
             ignore: tuple[str, ...]) -> bool:
    """Whether the run checks part of the pack: one script of it, some rules or some channels."""
    return Path(pack).is_file() or bool(select or ignore) or _some_channels(loaded, channels)


def _some_channels(loaded: Pack, channels: tuple[str, ...]) -> bool:
    return bool(channels) and not {c for s in loaded.scripts for c in s.channels} <= set(channels)


@dataclass(frozen=True)
class _Coverage:
    """What a run checked, by a baseline entry's key (code, file, script, ...): the scripts it read, the rules
    that ran, all channels or some. An entry outside it that no finding matches was not checked, not fixed."""

    scripts: frozenset[str] | None  # the scripts read; None: all of the pack's
    files: frozenset[str]  # the files read, as baseline entries name them (when some scripts were not)
    codes: frozenset[str]  # the rules that ran
    across: frozenset[str]  # those comparing scripts with each other (one not read was not compared)
    some_channels: bool  # a channel's findings are not told apart in an entry: then none is known gone
    why: tuple[str, ...]

    @classmethod
    def of(cls, result: LintResult, loaded: Pack, pack: str, channels: tuple[str, ...], *, partial_rules: bool,
           unreadable: ScriptkitError | None) -> _Coverage:
        from scriptkit.baseline import rule_key
        from scriptkit.rules.base import Rule

        one = Path(pack).is_file()
        why = [*(["only one script was checked"] if one else []),
               *(["some scripts could not be read"] if unreadable is not None else []),
               *(["--select or --ignore left rules out"] if partial_rules else []),
               *([f"only --channel {', '.join(channels)} was checked"] if _some_channels(loaded, channels) else [])]
        some_scripts = one or unreadable is not None
        return cls(frozenset(s.id for s in loaded.scripts) if some_scripts else None,
                   frozenset(_baseline_name(f, loaded.root) for f in _texts(loaded)) if some_scripts else frozenset(),
                   frozenset(rule_key(r.code, r.name) for r in result.rules),  # (as entries name them)
                   frozenset(rule_key(r.code, r.name) for r in result.rules if r.check_pack is not Rule.check_pack),
                   _some_channels(loaded, channels), tuple(why))

    @property
    def partial(self) -> bool:
        return bool(self.why)

    def checked(self, key: tuple[str, ...]) -> bool:
        code, file, script = key[:3]
        if self.some_channels or code not in self.codes:
            return False
        if self.scripts is None:
            return True
        read = script in self.scripts if script else file in self.files or file.startswith("<")
        return read and code not in self.across

    def reasons(self) -> str:
        return "; ".join(self.why) or "their rules did not run"


def _baseline_name(file: str, root: str) -> str:
    """``file`` as a baseline entry names it (``baseline.key_of``): relative to the pack, with forward slashes."""
    try:
        return Path(os.path.relpath(file, root)).as_posix()
    except ValueError:  # (another drive on Windows: as given, as key_of keeps it)
        return file


# From this many findings a text report ends by pointing at --statistics (6,000 macros: 35,000 findings, 183,000 lines)
STATISTICS_HINT_FROM = 200


def _statistics_hint(results: list[LintResult], packs: list[str], fmt: str, output: str | None,
                     statistics: bool) -> None:
    """After a long text report on the screen or a pipe, one line: the count by rule is one command away."""
    n = sum(len(result.diagnostics) for result in results)
    if fmt != "text" or output is not None or statistics or n < STATISTICS_HINT_FROM or _GATHERED.get() is not None:
        return
    console().print(f"{n} findings: `scriptkit check {' '.join(map(shlex.quote, packs))} --statistics` counts them "
                    "by rule.",
                    style="dim", markup=False, highlight=False)


def _summary(results: list[LintResult], output: str | None) -> None:
    """With ``-o``, one line on stderr: the counts, and where the report is. A CI log of a run that failed (exit 1)
    said nothing, and why it failed was only in a file the job might not show. (Of all packs, when several.)"""
    n = sum(len(result.diagnostics) for result in results)
    if output is None or not n or _GATHERED.get() is not None:
        return
    from scriptkit.diagnostics import Severity

    counts = ", ".join(f"{k} {s.value}(s)" for s in Severity if (k := sum(r.count(s) for r in results)))
    failing = sum(1 for r in results for d in r.diagnostics if r.config.fails(d.severity))
    levels = {r.config.fail_on.value for r in results}
    fail_on = levels.pop() if len(levels) == 1 else "each pack's own"
    console(stderr=True).print(f"{n} finding(s) ({counts}), {failing} at or above fail-on "
                               f"({fail_on}): the report is in {output}.",
                               markup=False, highlight=False)


def _texts(loaded: Pack) -> dict[str, str]:
    """Each file of the pack, by path, with the text it was read with."""
    return {origin.source.path: origin.source.text for origin in [loaded.origin, *(s.origin for s in loaded.scripts)]
            if origin}


def _left_by_fix(diagnostics: list[Diagnostic]) -> str:
    """What ``--fix`` left for a person, by rule, the most frequent first: '3 findings are left to rewrite by hand
    (listed below): SK404 (2), SK208 (1)'."""
    by_code = Counter(d.code for d in diagnostics).most_common()
    shown = ", ".join(f"{code} ({n})" for code, n in by_code[:5]) + \
        (f" and {len(by_code) - 5} more rules" if len(by_code) > 5 else "")
    n = len(diagnostics)
    return f"{n} finding{'s are' if n != 1 else ' is'} left to rewrite by hand (listed below): {shown}"


@dataclass
class _Rounds:
    """What the rounds of ``--fix`` made so far (or of ``--diff``, in a copy)."""

    result: LintResult  # the findings in the text the rounds leave
    plans: list[FileFix] = field(default_factory=list)  # the last round's: what it refused, in the text it read
    count: int = 0  # edits written that the files keep (``_kept``: not one a later round's undid)
    files: set[str] = field(default_factory=set)  # the files written (by their own names, not the copy's)
    unwritten: FixesNotWritten | None = None  # the files a round could not write: the rounds stopped there
    judged: Judged | None = None  # what the last check's per-message rules found (``linting.lint_pack_again``)


def _kept(first: str, rounds: list[list[Edit]], last: str) -> int:
    """How many of the edits of ``rounds`` (each round's in the text the one before left, from ``first``) the
    text they leave, ``last``, still holds: two rules' fixes of different spans that undo each other (a team's
    swap of 'Before that', then SK201's of 'Prior to' in the words it wrote) left the words as they were, and
    counting their edits said 'Fixed 3' of a file that kept one. Edits over or beside each other's words are one
    place; a place whose words ``last`` has as ``first`` had them counts none of its edits."""
    if len(rounds) < 2:  # (one round's edits never meet)
        return sum(len(edits) for edits in rounds)
    # each place: [start, end] in the text of the round, [start, end] in ``first``, the edits made there
    places: list[list[int]] = []
    for edits in rounds:
        for e in sorted(edits, key=lambda e: (e.start, e.end), reverse=True):  # (from the end: the start holds)
            meets = [k for k, p in enumerate(places) if p[0] <= e.end and e.start <= p[1]]
            # (the text before the edit as ``first`` had it: shifted by the places before it)
            shift = sum((p[1] - p[0]) - (p[3] - p[2]) for p in places[:meets[0] if meets else len(places)]
                        if p[1] <= e.start)
            lo = min([e.start, *(places[k][0] for k in meets)])
            hi = max([e.end, *(places[k][1] for k in meets)])
            head = places[meets[0]] if meets and places[meets[0]][0] <= e.start else None
            tail = places[meets[-1]] if meets and places[meets[-1]][1] >= e.end else None
            inner = sum((places[k][1] - places[k][0]) - (places[k][3] - places[k][2]) for k in meets)
            moved = len(e.replacement) - (e.end - e.start)
            place = [lo, hi + moved, head[2] if head else e.start - shift,
                     tail[3] if tail else e.end - shift - inner, 1 + sum(places[k][4] for k in meets)]
            at = meets[0] if meets else next((k for k, p in enumerate(places) if p[0] > e.start), len(places))
            places[at:at + len(meets)] = [place]
            for p in places[at + 1:]:
                p[0], p[1] = p[0] + moved, p[1] + moved
    return sum(p[4] for p in places if last[p[0]:p[1]] != first[p[2]:p[3]])


def _lint_again(pack: str | Path, config: LintConfig, channels: tuple[str, ...] | None,
                jobs: int | None, done: _Rounds) -> tuple[Pack, LintResult]:
    """The pack as the last round wrote it, and its findings (a fix never touches export settings: read once). The
    scripts whose files are as the last check read them keep what it found in them (``done.judged``): a round that
    fixed 106 files of 2,000 judged all 2,000 again, as long as the first check."""
    from scriptkit.linting import lint_pack_again
    from scriptkit.loading import load_pack

    loaded = load_pack(pack, jobs=jobs)
    result, done.judged = lint_pack_again(loaded, config, channels=channels, jobs=jobs, before=done.judged)
    return loaded, result


def _fix_rounds(done: _Rounds, loaded: Pack, lint_again: Callable[[], tuple[Pack, LintResult]],
                into: Mapping[str, str] | None = None, tell: Callable[[str], None] = lambda label: None,
                jobs: int | None = 1) -> None:
    """Fix ``loaded`` round after round, as ruff does (one fix can reveal another: 'we will' becomes "we'll", then
    "we'll endeavour" is found), until a round fixes nothing, into ``done``: ``--fix`` and ``--diff`` both make them
    here, so that the diff is what --fix writes. A file a round would give back a text an earlier round left in it
    gets none of that round's edits, refused as undoing: two rules' fixes undo each other (a team's swap of
    'parcel' for 'package' and another's back), and each further round would only flip the words again.
    ``into``: the file each one is written to instead (``--diff``'s copy); the copy's names map back to the
    files' own in ``done.files`` and the history of texts. ``tell``: names each round's stage (``stages``); ``jobs``:
    worker processes for its files' fixes."""
    from scriptkit import fixing

    into = into or {}
    own = {copy: f for f, copy in into.items()}
    had: dict[str, list[str]] = {}  # each file's texts, round after round
    made: dict[str, list[set[str]]] = {}  # the rules whose fixes turned each of them into the next
    swapped: dict[str, dict[tuple[str, str], set[str]]] = {}  # each file's (text, replacement) made, and by whom
    edited: dict[str, list[list[Edit]]] = {}  # each file's edits, round after round (counted as the file keeps them)
    for round_number in range(1, MAX_FIX_ROUNDS + 1):
        texts_now = _texts(loaded)
        rules = _rules_of(done.result.diagnostics)
        # (an edit putting back the text an earlier round replaced, where it replaced it or elsewhere: the rule
        # that made the first one would make it again, round after round; refused before it is made)
        back: dict[Edit, str] = {}
        for edit, by in rules.items():
            name, text = own.get(edit.file, edit.file), texts_now.get(edit.file, "")
            earlier = swapped.get(name, {}).get((edit.replacement, text[edit.start:edit.end]))
            if earlier is not None:
                back[edit] = fixing.undoing_reason(earlier | by, min(by).split(" ")[0], done.result.config.custom)
        fixing.not_fixable(done.result.diagnostics, back)
        # (each file's text as the findings were made in it; one saved since, during the run, is not written)
        plans = fixing.plan(done.result.diagnostics, texts_now, partial(_tell_planned, tell, round_number), jobs)
        for p in plans:
            if not p.changed:
                continue
            texts = had.setdefault(own.get(p.path, p.path), [p.before])
            if p.after in texts:  # (a text an earlier round had: this round would undo one)
                since = set().union(*made[own.get(p.path, p.path)][texts.index(p.after):])
                now = {rule for edit in p.applied for rule in rules.get(edit, ())}
                reason = fixing.undoing_reason(since | now, min(now or since or {""}).split(" ")[0],
                                                done.result.config.custom)
                p.refused = sorted([*p.refused, *((edit, reason) for edit in p.applied)],
                                   key=lambda r: (r[0].start, r[0].end), reverse=True)
                p.applied, p.after = [], p.before
        done.plans = [replace(p, path=into.get(p.path, p.path)) for p in plans]
        try:
            applied = fixing.apply(done.plans)
        except fixing.FixesNotWritten as exc:  # (the other files are written: said, then the error)
            done.unwritten, applied = exc, exc.written
            refused = {e.location.file for e in exc.errors if e.location}
            done.files.update(own.get(p.path, p.path) for p in done.plans if p.changed and p.path not in refused)
            done.count = _count(had, edited) + applied
            return
        if not applied:
            done.count = _count(had, edited)
            return
        for p in plans:
            if p.changed:
                name = own.get(p.path, p.path)
                done.files.add(name)
                had[name].append(p.after)
                edited.setdefault(name, []).append(p.applied)
                made.setdefault(name, []).append({rule for edit in p.applied for rule in rules.get(edit, ())})
                for edit in p.applied:
                    swapped.setdefault(name, {}).setdefault((p.before[edit.start:edit.end], edit.replacement),
                                                            set()).update(rules.get(edit, ()))
        tell(f"Fixing: round {round_number}, checking {len(loaded.scripts)} scripts again")
        loaded, done.result = lint_again()  # what remains, from the files as now written
    done.count = _count(had, edited)


def _count(had: Mapping[str, list[str]], edited: Mapping[str, list[list[Edit]]]) -> int:
    """The edits the rounds made that the files they wrote keep (``_kept``)."""
    return sum(_kept(had[name][0], rounds, had[name][-1]) for name, rounds in edited.items())


def _tell_planned(tell: Callable[[str], None], round_number: int, planned: int, files: int) -> None:
    tell(f"Fixing: round {round_number}, {planned} of {files} files")


def _rules_of(diagnostics: list[Diagnostic]) -> dict[Edit, set[str]]:
    """The rules ("SK801 (house-style)") whose safe fixes make each edit."""
    out: dict[Edit, set[str]] = {}
    for d in diagnostics:
        if d.fix is not None and d.fix.safe:
            for edit in d.fix.edits:
                out.setdefault(edit, set()).add(f"{d.code} ({d.name})")
    return out


def _fixed_in_a_copy(pack: str, loaded: Pack, result: LintResult, config: LintConfig,
                     channels: tuple[str, ...] | None, jobs: int | None,
                     tell: Callable[[str], None] = lambda label: None) -> list[FileFix]:
    """What ``--fix`` would write, made by its rounds (``_fix_rounds``) in a copy of the pack's files: each changed
    file with its text before and after, and the fixes it would still refuse, in the text the diff leaves (its
    ``before``: ``refused_messages`` locates them on disk). ``tell``: names each round's stage, as for --fix.
    Where no copy can stand for the pack (a file outside its folder), or one no longer loads, the first round's."""
    import tempfile

    from scriptkit import fixing

    plans = fixing.plan(result.diagnostics)
    if not any(p.changed for p in plans):
        return plans  # (no first round: no other)
    base = Path(loaded.root) if Path(loaded.root).is_dir() else Path(loaded.root).parent
    files = list(_texts(loaded))
    where = {f: os.path.relpath(os.path.abspath(f), os.path.abspath(base)) for f in files}
    given = os.path.relpath(os.path.abspath(pack), os.path.abspath(base))
    if any(rel.startswith("..") or os.path.isabs(rel) for rel in [*where.values(), given]):
        return plans
    with tempfile.TemporaryDirectory(prefix="scriptkit-diff-") as tmp:
        copies = {f: str(Path(tmp, rel)) for f, rel in where.items()}
        for f, copy in copies.items():
            Path(copy).parent.mkdir(parents=True, exist_ok=True)
            Path(copy).write_bytes(Path(f).read_bytes())
        done = _Rounds(result)
        try:
            _fix_rounds(done, loaded, lambda: _lint_again(Path(tmp, given), config, channels, jobs, done), copies, tell,
                        jobs=jobs)
        except ScriptkitError:  # (fixes are verified as they are made: a copy that no longer loads is unlooked for)
            return plans
        if done.unwritten is not None:  # (a file changed during the run: said as --fix would)
            errors = done.unwritten.errors
            raise ErrorGroup(errors) if len(errors) > 1 else errors[0]
        out: list[FileFix] = []
        for f, copy in copies.items():
            before = Path(f).read_bytes().decode("utf-8-sig")
            after = Path(copy).read_bytes().decode("utf-8-sig")
            if after != before:
                out.append(fixing.FileFix(f, before, after))
        back = {copy: f for f, copy in copies.items()}
        # (what is still refused, located in the text the last round read: the one the diff leaves)
        out += [fixing.FileFix(back[p.path], p.before, p.before, refused=p.refused)
                for p in done.plans if p.refused and p.path in back]
        return out


def _statistics(result: LintResult, stream: TextIO) -> None:
    """One line per rule, most frequent first: where a team starts on an imported library."""
    from scriptkit.reporters.text import summary  # (rich, only when text is printed)

    for line in counted_by_rule(result.diagnostics):
        stream.write(line + "\n")
    stream.write(summary(result).plain + "\n")  # (the report's own last line: "Found 35 problems (...)")
    if result.internal_notes:  # (as the full report says it: why a cold note adds no warmth findings)
        from scriptkit.linting import notes_told  # (how they were told: by a setting or by their wording)

        told = notes_told(len(result.internal_notes), len(result.notes_by_wording))
        stream.write(f"{len(result.internal_notes)} of them internal note(s), for the agents and never sent: "
                     f"checked by the template, export and custom rules only{f' ({told[2:]})' if told else ''}.\n")


@click.command(cls=OneValueCommand)
@click.argument("file", type=click.Path(allow_dash=True))
@selection_options
@report_options
@channel_option(multiple=False, help="The channel the text is for (default: chat for a transcript, else email).")
@click.option("--agent", metavar="NAME", default=None,
              help="In a transcript, the agent's speaker label (default: the speaker labelled Agent, "
                   "Support, Rep, Me...; needed where the labels are only names).")
@click.option("--locale", metavar="LOCALE", default=None,
              help="The locale the reply is written in: en-GB, en-AU... (a British reply's 'whilst' is no stiff "
                   "word, and suggestions say 'apologise' and 'working days'), or another language's (es-ES, "
                   "pt-BR: judged as check judges a pack of that locale). Default: the settings' locale.")
@grammar_option
def review(file: str, select: tuple[str, ...], ignore: tuple[str, ...], fail_on: str | None, fmt: str,
           output: str | None, channels: str | None, agent: str | None, locale: str | None,
           grammar: str | None) -> None:
    """Judge free text (an agent's real reply) sentence by sentence; FILE or - for standard input.

    Shows which sentences acknowledge the customer, sound warm or offer a solution, and what
    could improve, with suggestions. Same formats and exit codes as `check`. In a chat or call
    transcript (lines starting 'Agent: ', 'Customer: '...) only the agent's turns are judged;
    under an email, the quoted thread ('On Tue, ... wrote:', '> ...') is not.
    """
    from scriptkit.config import load_config
    from scriptkit.linting import lint_text

    # (text it cannot read, exit 2, is a report in json, sarif, junit, gitlab and github too: a CI step uploads one)
    with _reported(fmt, output, file):
        if file == "-":
            if sys.stdin.isatty():  # (else it waited without a word, as if hung)
                end = "Ctrl-Z, then Enter" if os.name == "nt" else "Ctrl-D"
                click.echo(f"Paste the reply, then press {end} on a line of its own.", err=True)
            # bytes, decoded here: the terminal's encoding must not decide (a traceback, or stray bytes in the report)
            raw, name, start = sys.stdin.buffer.read(MAX_FILE_BYTES + 1), STDIN_NAME, Path.cwd()
        else:
            path = Path(file)
            if path.is_dir() and (path / PACK_FILE).is_file():
                raise ConfigError(f"{file} is a pack folder, and review judges free text (an agent's reply)",
                                  Location(file, 1, 1), f"To check a pack, run `scriptkit check {file}`.")
            if not path.is_file():
                what = f"{file} is a folder" if path.is_dir() else \
                    f"{file} is a device, a pipe or a socket, not a file" if path.exists() else f"no such file: {file}"
                raise ConfigError(what, Location(file, 1, 1), "Pass a text file, or - to read stdin.")
            if path.suffix.lower() in (".yaml", ".yml"):  # a pack's script or pack.yaml: its YAML is no reply
                raise ConfigError(f"{file} is a YAML file, and review judges free text (an agent's reply)",
                                  Location(file, 1, 1), f"To check a pack's scripts, run `scriptkit check {file}`.")
            with path.open("rb") as handle:
                raw, name, start = handle.read(MAX_FILE_BYTES + 1), file, path.parent
        if len(raw) > MAX_FILE_BYTES:  # (a whole export passed by mistake: minutes and gigabytes to judge)
            raise ConfigError(f"the text is over {MAX_FILE_BYTES:,} bytes; review judges one reply or conversation",
                              Location(name, 1, 1), "Pass one reply, or one transcript, at a time.")
        text = _decode(raw, name)
        if not text.strip():
            raise ConfigError("nothing to review: the text is empty", Location(name, 1, 1),
                              "Pass the reply's text in the file or on standard input.")
        config = _configure(load_config(None, start), select, ignore, fail_on, grammar)
        if locale is not None:
            config = config.override(locale=locale)
        _not_an_input(output, [name, *config.sources])
        # (lint_text reads HTML copied from a helpdesk's HTML view, or an email's source, as their text;
        # a 1 MB transcript takes a while, and said nothing meanwhile: the stage, as check says its own)
        with stages() as tell:
            tell(f"Reviewing {'standard input' if file == '-' else name}")
            result = lint_text(text, channel=channels, config=config, file=name, agent=agent)
        if result.read_as is not None:
            given = "standard input" if file == "-" else "the file"
            console(stderr=True).print(f"{Location(name, 1, 1)}: note: read as {result.read_as}: only its text was "
                                       f"judged; lines and columns point into {given}.", markup=False, highlight=False)
        if result.events:  # (never silently: a line left out is words the judgement did not read)
            source, (lo, hi) = SourceText(name, result.sources[name]), result.events[0]
            line = result.sources[name][lo:hi]
            shown = line if len(line) <= 60 else line[:57] + "..."
            more = f" and {len(result.events) - 1} more line(s) like it" if len(result.events) > 1 else ""
            console(stderr=True).print(f"{source.location(lo)}: note: {shown!r}{more} read as a chat event (no one's "
                                       "words), not judged.", markup=False, highlight=False)
    _emit(result, fmt, output)  # (outside: a report it cannot write is said once, not again as a load error)
    _summary([result], output)
    sys.exit(result.exit_code)


STDIN_NAME = "<stdin>"  # (the name review gives text read from standard input)


def _decode(raw: bytes, name: str) -> str:
    """The text: UTF-8 (a byte order mark dropped), or UTF-16 or UTF-32 with or without its mark (Notepad's and
    Excel's "Unicode", ``wide_encoding``), or an error where it stops being text."""
    from scriptkit.sourcetext import NOTEPAD_UTF8, byte_location, not_utf8_hint
    from scriptkit.text import wide_encoding

    wide = wide_encoding(raw)
    if wide is not None:
        try:
            return raw.decode(wide).removeprefix("\ufeff")
        except UnicodeDecodeError as exc:
            raise ConfigError(f"the text starts as {wide[:6].upper()} but is cut or damaged at byte {exc.start}",
                              Location(name, 1, 1), "Save it again, as UTF-8.") from None
    nul = raw.find(b"\0")
    if nul >= 0:  # (UTF-16 without its mark, or a binary file: judged, it would be every other letter)
        raise ConfigError("the text has a NUL character: it is not text, or in an encoding other than UTF-8, "
                          "UTF-16 or UTF-32",
                          byte_location(name, raw, nul), "Save it as UTF-8.")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        # (as check says of a script: likely Windows-1252, and how to save or convert it; 'Save it as UTF-8.' alone
        # left a Windows user asking how)
        hint = not_utf8_hint(name, exc.object, exc.start, exc.end, save_as=NOTEPAD_UTF8,
                             piped_into="scriptkit review -" if name == STDIN_NAME else "")
        raise ConfigError("the text is not valid UTF-8", byte_location(name, exc.object, exc.start), hint) from None


commands = [check, review]
