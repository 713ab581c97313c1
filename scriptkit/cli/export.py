"""``scriptkit export``: a pack as ready-to-import macros for each helpdesk."""

from __future__ import annotations

import shlex
import sys
from typing import TYPE_CHECKING

import click

from scriptkit.cli.options import (
    OneValueCommand,
    channel_option,
    grammar_option,
    no_dash,
    not_a_folder_of_packs,
    written_for,
)
from scriptkit.cli.output import console, counted_by_rule, escape_markup, stages, writing
from scriptkit.reporters import display_path

if TYPE_CHECKING:
    from collections.abc import Sequence

    from scriptkit.diagnostics import Diagnostic
    from scriptkit.models import Pack
    from scriptkit.targets.base import Target


def _report(diagnostics: list[Diagnostic], pack: str, *, refused: bool = False, all_findings: bool = False) -> None:
    """The findings of an export. Of a refused one, the errors that stop it one by one and the rest counted by
    rule, so that the refusal is not buried (a pack of 6,000 scripts printed 227,251 lines of warnings before its
    431 errors' one-line refusal). Of one that wrote its files, from as many findings as make check point at
    --statistics, the errors one by one and the rest counted by rule too, unless ``all_findings``."""
    from scriptkit.cli import check
    from scriptkit.config import LintConfig
    from scriptkit.diagnostics import Severity
    from scriptkit.exporting import said_once_across_targets
    from scriptkit.linting import LintResult
    from scriptkit.reporters.text import report, summary

    told = said_once_across_targets(diagnostics)  # (a finding that is the same for several helpdesks, once)
    errors = [d for d in told if d.severity == Severity.ERROR]
    held = [d for d in told if d.severity != Severity.ERROR]
    config = LintConfig().override(fail_on="error")  # (export stops only on errors: the summary judges by that)
    counted = refused or (not all_findings and len(told) >= check.STATISTICS_HINT_FROM)
    con = console()
    if not counted:
        report(LintResult(diagnostics=told, config=config), sys.stdout, export=True)
        return
    if errors:  # (a refused export has some: the errors refuse it)
        report(LintResult(diagnostics=errors, config=config), sys.stdout, export=True)
    if refused:
        if held:
            counts = " and ".join(f"{n:,} {s.value}{'' if n == 1 else 's'}" for s in Severity if s != Severity.ERROR
                                  if (n := sum(d.severity == s for d in held)))
            con.print(f"\nNot shown, as they do not stop the export: {counts}.", markup=False)
            _print_counted(held)
            con.print(f"Fix the errors and export again to see them one by one (`scriptkit check "
                      f"{shlex.quote(pack)}` lists the linter's now).", markup=False)
        if len(errors) == 1:  # (the one just above)
            con.print("\nErrors that stop the export: 1, shown above.", style="bold", markup=False)
            return
        con.print(f"\nErrors that stop the export: {len(errors):,}", style="bold", markup=False)
        _print_counted(errors)
        return
    if held:
        above = "\n" if errors else ""  # (apart from the errors' report)
        con.print(f"{above}Not listed one by one, as there are {len(held):,}:", markup=False)
        _print_counted(held)
        con.print(summary(LintResult(diagnostics=told, config=config), export=True))
        con.print(f"To list each one, export again with --all-findings (`scriptkit check {shlex.quote(pack)}` "
                  "lists the linter's, with their fixes).", markup=False)


def _print_counted(diagnostics: Sequence[Diagnostic]) -> None:
    con = console()
    for line in counted_by_rule(diagnostics):
        con.print(line, markup=False, highlight=False)


def _complete_target(ctx: click.Context, param: click.Parameter, typed: str) -> list[str]:
    # (not a click.Choice: a plug-in target may be installed later, and a misspelt one gets "Did you mean")
    from scriptkit.targets import available

    return [name for name in [*available(), "all"] if name.startswith(typed)]


@click.command("export", cls=OneValueCommand)
@click.argument("pack", type=click.Path(), required=False)
@click.option("--to", "targets", multiple=True, metavar="TARGET", shell_complete=_complete_target,
              help="Export target (repeatable, or 'all'); "
              "default: export.targets in pack.yaml. `scriptkit export --list` shows them.")
@click.option("--out", "-o", "out", type=click.Path(file_okay=False), default=None, callback=no_dash("an export"),
              help="Output folder; replaced atomically on every export. Files in it that no export wrote "
                   "(your notes) are kept.")
@click.option("--force", is_flag=True, help="Export even when the linter or a target reports errors. (It does "
                                             "not overwrite your edits: see --overwrite-edits.)")
@click.option("--overwrite-edits", "overwrite", is_flag=True,
              help="Replace files of the last export in --out that were edited since (each is named); "
                   "without it such an export writes nothing and exits with code 2.")
@click.option("--list", "list_targets", is_flag=True, help="List the installed targets and exit.")
@click.option("--all-findings", is_flag=True, help="List every finding one by one, however many (from 200, they "
                                                    "are counted by rule, as `scriptkit check --statistics` does).")
@channel_option()
@grammar_option
def export_command(pack: str | None, targets: tuple[str, ...], out: str | None, force: bool, overwrite: bool,
                   list_targets: bool, all_findings: bool, channels: tuple[str, ...], grammar: str | None) -> None:
    """Export PACK to helpdesk macros (zendesk, freshdesk, helpscout, gorgias, front, intercom,
    salesforce), csv, json or an agent playbook.

    The linter runs first: with error-severity findings nothing is written and the exit code
    is 1, unless --force. Each target's limits and unsupported features are checked too
    (SK5xx). A setting of a helpdesk exported that has a value it does not accept (SK512), as
    `scriptkit check` says, writes nothing and exits with code 2, with --force too. Output is
    byte-identical on rerun and written atomically.

    An export into the --out of an earlier one keeps the files you added there (carried into the new
    folder with their permissions and times; one where the export writes, or inside a folder of replies
    such as zendesk/macros/, which the helpdesk guides post file by file, stops it, exit code 2). A
    file the earlier export wrote that you edited stops it too, unless --overwrite-edits.
    """
    from scriptkit.exporting import CLI_FORCE_HINT, CLI_WORDING, ExportRefused, export_worded
    from scriptkit.loading import load_pack
    from scriptkit.message import names_listed
    from scriptkit.targets import available, get

    if list_targets:
        for name in available():
            click.echo(f"{name:12} {get(name).summary}")
        return
    if pack is None or out is None:
        raise click.UsageError("PACK and --out DIR (-o DIR) are required")
    names = [name for t in targets for name in names_listed(t)]
    with stages() as tell:
        tell(f"Loading {pack}")
        not_a_folder_of_packs(pack, "export", out, " ".join(f"--to {shlex.quote(t)}" for t in targets))
        loaded = load_pack(pack)  # (read first: a failure to read the pack is not one to write the export)
    written_for(loaded, channels or (), pack, "export")
    try:
        with writing("the export", out), stages() as tell:
            tell(f"Checking and exporting {len(loaded.scripts)} script{'s' if len(loaded.scripts) != 1 else ''}")
            # (its errors name this command's flags, --out and --overwrite-edits, not export()'s arguments)
            result = export_worded(loaded, names, out, force=force, overwrite=overwrite, channels=channels or None,
                                   grammar=grammar, wording=CLI_WORDING)
    except ExportRefused as refused:
        _report(refused.diagnostics, pack, refused=True)
        console(stderr=True).print(f"[bold red]{escape_markup(refused.message)}[/bold red] {CLI_FORCE_HINT}")
        sys.exit(1)
    if result.diagnostics:
        _report(result.diagnostics, pack, all_findings=all_findings)
    con = console(stderr=True)
    for name, count in result.counts.items():
        # (in the helpdesk's own word: Zendesk macros, Freshdesk canned responses; a third party's target may not say)
        target = get(name)
        one, many = getattr(target, "units", ("reply", "replies"))
        said = result.count_notes.get(name, "")
        skipped = _skipped(loaded, target)
        con.print(f"{name}: {count} {one if count == 1 else many}{said}{_skipped_note(skipped)}"
                  f"{_not_carried(loaded, target, channels, skipped)}", markup=False)
    con.print(f"Wrote {len(result.files)} files to {display_path(str(result.out_dir))}", markup=False)
    for name, over in result.refused.items():  # (--force wrote them: said, so that what bounces is no surprise)
        shown = "; ".join(f"{path} ({why})" for path, why in over[:5])
        more = f"; and {len(over) - 5:,} more" if len(over) > 5 else ""
        con.print(f"{name} will refuse {_count([path for path, _ in over])}, over its limits: {shown}{more}",
                  markup=False)
    if result.replaced:  # (said, so that an export to another helpdesk into the same --out loses nothing unseen)
        folders = ", ".join(f"{name}/" for name in result.replaced)
        con.print(f"Replaced what an earlier export wrote there: {folders} (an export replaces all an earlier "
                  "one wrote in its --out). Export several helpdesks at once with --to, or give each its own --out.",
                  markup=False)
    if result.kept:
        con.print(f"Kept {_count(result.kept)} that no export wrote, carried into the new export: "
                  f"{_shown(result.kept)}", markup=False)
    written = set(result.files)
    edits = [rel for rel in result.overwritten if rel in written]
    gone = [rel for rel in result.overwritten if rel not in written]
    if edits:
        con.print(f"Overwrote your edits (--overwrite-edits) to {_count(edits)}: {_shown(edits)}", markup=False)
    if gone:
        con.print(f"Removed {_count(gone)} you had edited, which this export does not write (--overwrite-edits): "
                  f"{_shown(gone)}", markup=False)


def _count(paths: list[str]) -> str:
    return f"{len(paths):,} file{'' if len(paths) == 1 else 's'}"


def _shown(paths: list[str]) -> str:
    return ", ".join(paths[:20]) + (f" and {len(paths) - 20:,} more" if len(paths) > 20 else "")


def _skipped(pack: Pack, target: Target) -> list[str]:
    """The ids of the scripts ``skip: true`` leaves out of ``target``'s export (their own or pack.yaml's)."""
    from scriptkit.exporting import target_settings

    return [script.id for script in pack.scripts if target_settings(pack, script, target).get("skip") is True]


def _skipped_note(skipped: list[str]) -> str:
    """The scripts left out by their settings, said after the count: "55 macros" did not tell one was missing."""
    if not skipped:
        return ""
    scripts = "1 script" if len(skipped) == 1 else f"{len(skipped)} scripts"
    return f" ({scripts} skipped by {'its' if len(skipped) == 1 else 'their'} settings: {_shown(skipped)})"


def _not_carried(pack: Pack, target: Target, wanted: tuple[str, ...], skipped: Sequence[str] = ()) -> str:
    """The scripts left out because the target carries none of their channels (a phone script
    in a helpdesk: none has call scripts), said after its count: they were missing without a word.
    (Not those ``skipped``, which are named as such.)"""
    left: dict[str, int] = {}
    for script in pack.scripts:
        if script.id in skipped:
            continue
        mine = [c for c in script.channels if not wanted or c in wanted]
        if mine and not set(mine) & set(target.channels):
            key = " and ".join(mine)
            left[key] = left.get(key, 0) + 1
    if not left:
        return ""
    count = sum(left.values())
    scripts = "1 script" if count == 1 else f"{count} scripts"
    return (f" ({scripts} for {' or '.join(sorted(left))} only left out: {target.name} carries "
            f"{', '.join(target.channels)}; the playbook export has every channel)")


commands = [export_command]
