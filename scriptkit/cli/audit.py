"""``scriptkit audit``: score a whole macro library and find its sprawl and contradictions."""

from __future__ import annotations

import importlib
import io
import json
import math
import sys
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

import click

from scriptkit.cli.importing import bodies_option, say_detected, source_options
from scriptkit.cli.options import OneValueCommand, grammar_option, not_a_folder_of_packs
from scriptkit.cli.output import console, escape_markup, make_folder_for, stages, writing
from scriptkit.diagnostics import Location
from scriptkit.errors import ConfigError, ErrorGroup, ScriptkitError, each_error, no_file_in_the_way

if TYPE_CHECKING:
    from rich.console import Console

    from scriptkit.audit import AuditReport, MacroAudit


if TYPE_CHECKING:  # (click's ParamType takes its value's type from 8.2 on; 8.1, which pyproject allows, does not)
    _FloatParam = click.ParamType[float]
else:
    _FloatParam = click.ParamType


class _Bounded(_FloatParam):
    """A number from ``low`` to ``high``: click's FloatRange lets "nan" through (no comparison with it holds),
    and a --fail-under of nan failed every library, saying its score was under nan."""

    name = "float"

    def __init__(self, low: float, high: float, what: str) -> None:
        self.low, self.high, self.what = low, high, what

    def convert(self, value: object, param: click.Parameter | None, ctx: click.Context | None) -> float:
        if isinstance(value, float) and math.isfinite(value):
            number = value
        else:
            try:
                number = float(str(value).strip())
            except ValueError:
                self.fail(f"{value!r} is not a number: give {self.what} from {self.low:g} to {self.high:g}",
                          param, ctx)
        if not math.isfinite(number) or not self.low <= number <= self.high:
            self.fail(f"{value} is not {self.what} from {self.low:g} to {self.high:g}", param, ctx)
        return number


def _not_an_option(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """``--html``'s file, refused where it is an option: '--html -o a.html' wrote the report to a file named '-o'."""
    if value is not None and value.startswith("-") and len(value) > 1:
        raise click.BadParameter(f"{value!r} is an option, not a file name: --html takes the file to write the report "
                                 f"to (e.g. --html report.html; a file whose name starts with '-': ./{value}). "
                                 "Nothing was written.")
    return value


@click.command("audit", cls=OneValueCommand)
@click.argument("sources", metavar="SOURCE...", nargs=-1, required=True, type=click.Path())
@source_options
@bodies_option
@grammar_option
@click.option("--format", "out_format", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="text, a summary for people; or json, every macro's scores and findings, for a program.")
@click.option("--html", "html_path", type=click.Path(dir_okay=False), default=None, callback=_not_an_option,
              help="Also write a self-contained HTML report (charts, drill-down) to this file.")
# (its default is scriptkit.audit's HTML_DETAILED, said here as a number: that module is imported only to run)
@click.option("--html-details", "html_details", default=None, type=click.IntRange(min=0), metavar="N",
              help="How many macros, worst first, the --html report shows in full (text, highlights, every "
                   "problem); each of the others is a row of its score, title and top problem, so a library of "
                   "thousands opens in a browser in seconds. --format json holds every macro.  [default: 1000]")
@click.option("--top", default=10, show_default=True, type=click.IntRange(min=0),
              help="How many of the worst macros to list in text output.")
@click.option("--near", "near", default=0.7, show_default=True, type=_Bounded(0.3, 1.0, "a similarity"),
              help="Similarity (Jaccard of word pairs), from 0.3 to 1, from which two macros count as near "
                   "duplicates.")
@click.option("--config", "settings", type=click.Path(), default=None, metavar="PATH",
              help="The settings to judge the library by: a scriptkit.toml (or pyproject.toml with "
                   "[tool.scriptkit]), or a folder to find them from (--config . for this folder's). Default: an "
                   "export's are those found from its folder upward, a pack's its own.")
@click.option("--fail-under", "fail_under", default=None, type=_Bounded(0, 100, "a score"), metavar="SCORE",
              help="Exit 1 when the library's overall score (the mean of the overall scores of the macros "
                   "judged on every practice, 0-100) is under SCORE, for a CI gate. The report is still written; "
                   "the reason, with the macros under SCORE, goes to stderr.")
@click.option("--output", "-o", "output", type=click.Path(dir_okay=False), default=None, callback=_not_an_option,
              metavar="FILE", help="Write the text or json report to FILE instead of stdout (keep this month's "
                                   "--format json report to --compare next month's with).")
@click.option("--compare", "compare_file", metavar="FILE", default=None,
              help="Say what changed since the audit whose --format json report is FILE (`scriptkit audit OLD "
                   "--format json > old.json`): macros added, removed and changed (matched by helpdesk id, else "
                   "title), scores up and down per macro and per practice, problems fixed and new ones by rule. "
                   "In each output: text, json (its compare) and --html.")
def audit_command(sources: tuple[str, ...], fmt: str | None, mapping: str | None, where: tuple[str, ...],
                  skip_bad: bool, channel: str | None, grammar: str | None, out_format: str, html_path: str | None,
                  top: int, near: float, fail_under: float | None, bodies: str | None = None,
                  settings: str | None = None, html_details: int | None = None,
                  compare_file: str | None = None, output: str | None = None) -> None:
    """Score every macro of SOURCE (a pack folder or an export file) and report on the library.

    Several export files (a folder's Markdown files, named: replies/*.md; an export per language) are
    audited as one library; a folder is read as a pack.

    Scores (0-100) per practice and readability come from the diagnostics: a practice the
    reply lacks altogether (no acknowledgment, no warm line, no room for the agent, no solution)
    scores 0; otherwise each error costs half of what is left, a warning 30%, a suggestion 10%.
    A macro's overall score is the mean, capped at 50 when it would send a marker as written (a
    placeholder that did not map, such as [Customer Name]), has no solution or only a blank for its
    answer ("Here's what happened: {explanation}"), or repeats over a third of its text (a paste gone
    wrong). Where the helpdesk's macros have no field for agent notes (Freshdesk, Help Scout, Front...),
    flexibility is not scored and SK406 not reported; a Help Scout reply's chat text is judged as its
    chat reply. The library's overall score is the mean of its macros' overall scores. Also lists the
    most common problems, duplicate and near-duplicate macros, macros that contradict each other on a number, and
    placeholders that can render blank or did not map.

    Exit codes: 0 done; 1 the overall score is under --fail-under; 2 the input, or the --compare report,
    cannot be read.
    """
    from scriptkit.audit import HTML_DETAILED, audit, settings_at
    from scriptkit.audit_compare import compare_audits, read_audit_report
    from scriptkit.importers.tabular import parse_mapping, parse_where

    # (the reporters the chosen output needs, before the long part: one that could not be imported, the JSON
    # reporter while it was being edited, threw a 17-minute audit away at the end)
    needed = {"scriptkit.reporters.json": out_format == "json", "scriptkit.reporters.html": bool(html_path)}
    for module in (name for name, wanted in needed.items() if wanted):
        importlib.import_module(module)

    # (the --html file, once it is known to be none of the input: input that cannot be read replaces a report
    # left there by an earlier run, which a CI job would otherwise publish as this run's)
    replaceable: str | None = None
    try:
        if html_path and any(Path(s).is_file() and Path(html_path).resolve() == Path(s).resolve() for s in sources):
            raise ConfigError(f"--html {html_path} is the file being audited: the report would replace it",
                              Location(html_path, 1, 1), "Write the HTML report to a new file.")
        if html_path and (inside := _file_of_a_folder(html_path, sources)):
            raise ConfigError(f"--html {html_path} is a file of {inside}, which is being audited: the report would "
                              "replace it", Location(html_path, 1, 1),
                              "Write the HTML report outside that folder, or to a new .html file.")
        for option, written in (("-o", output), ("--html", html_path)):
            if written and any(Path(s).is_file() and Path(written).resolve() == Path(s).resolve() for s in sources):
                raise ConfigError(f"{option} {written} is the file being audited: the report would replace it",
                                  Location(written, 1, 1), "Write the report to a new file.")
        if html_path and output and Path(html_path).resolve() == Path(output).resolve():
            raise ConfigError(f"-o {output} is the --html file too: one report would replace the other",
                              Location(output, 1, 1), "Write them to two files.")
        if output:
            no_file_in_the_way(Path(output).parent, output, "the report")
        if html_path and compare_file and Path(html_path).resolve() == Path(compare_file).resolve():
            raise ConfigError(f"--html {html_path} is the report compared with (--compare): the new report would "
                              "replace it", Location(html_path, 1, 1), "Write the HTML report to a new file.")
        if len(sources) > 1 and (folder := next((s for s in sources if Path(s).is_dir()), None)):
            raise ConfigError(f"{folder} is a folder: a pack is audited alone, and several sources are export files",
                              hint="Audit the pack by itself, or name the export files in the folder.")
        if html_path:  # (before the long part, not after; its folders are made as it is written, as check -o's are)
            no_file_in_the_way(Path(html_path).parent, html_path, "the HTML report")
            replaceable = html_path
        if len(sources) == 1 and fmt is None:  # (a folder is read as a pack: one of packs is told to audit each)
            not_a_folder_of_packs(sources[0], "audit")
        config = settings_at(settings) if settings is not None else None
        # (read before the long part: a wrong file said after a 17-minute audit threw the audit away)
        earlier = read_audit_report(compare_file) if compare_file is not None else None
        with stages() as tell:
            report = audit(sources, fmt, mapping=parse_mapping(mapping), where=parse_where(where),
                           skip_bad=skip_bad, grammar=grammar, near_threshold=near, stage=tell, channel=channel,
                           bodies=bodies, config=config)
        for file, read_as in report.read_as.items():
            say_detected(file, fmt, read_as)
        comparison = compare_audits(earlier, report, compare_file) if earlier and compare_file else None
        if html_path:
            from scriptkit.reporters.html import write_html

            replaceable = None  # (a report it cannot write is said as it is, not tried again)
            make_folder_for("the HTML report", html_path)
            with writing("the HTML report", html_path):
                write_html(report, Path(html_path), HTML_DETAILED if html_details is None else html_details,
                           comparison)
    except ScriptkitError as exc:
        _report_bad_input(exc, sources, fmt, out_format, replaceable, [f for f in (settings, compare_file) if f],
                          output)
        raise
    with _report_to(output) as out:
        if out_format == "json":
            document = report.to_dict()
            if comparison is not None:
                document["compare"] = comparison.to_dict()
            _print_json(document, out)
        else:
            con = console(file=out)
            print_text(report, con, top)
            if comparison is not None:
                for line in comparison.lines():
                    con.print(line, markup=False, highlight=False)
    if output:
        click.echo(f"Report: {output}", err=True)
    if html_path:
        click.echo(f"HTML report: {html_path}", err=True)
    short = report.falls_short(fail_under) if fail_under is not None else None
    if short:
        click.echo(f"audit failed: {short}", err=True)
        sys.exit(1)


@contextmanager
def _report_to(output: str | None) -> Iterator[TextIO | None]:
    """-o's file (None: stdout), written whole or not at all: a full disk half-way left half a report, which the
    next month's --compare refused."""
    if output is None:
        yield None
        return
    from scriptkit.fixing import write_atomic

    make_folder_for("the report", output)
    text = io.StringIO()
    yield text
    with writing("the report", output):
        write_atomic(Path(output), text.getvalue())


def _print_json(document: dict[str, Any], out: TextIO | None = None) -> None:
    from scriptkit.reporters.json import writes_utf8  # (elsewhere: escapes, so the bytes are still JSON)

    # written as it is made: a library of 100,000 macros is a report of hundreds of MB
    stream = sys.stdout if out is None else out
    json.dump(document, stream, indent=2, ensure_ascii=out is None and not writes_utf8(sys.stdout))
    stream.write("\n")


def _report_bad_input(exc: ScriptkitError, sources: tuple[str, ...], fmt: str | None, out_format: str,
                      html_path: str | None, also_read: list[str], output: str | None = None) -> None:
    """Input that cannot be read (exit 2) is reported as check's is: ``--format json`` prints a report of no
    macros whose ``errors`` say why (it printed nothing, and a CI step reading it failed on empty JSON), and
    ``--html`` replaces the page an earlier run left with one that says so. The errors still go to stderr."""
    errors = each_error(exc)
    if out_format == "json" and output is None:
        _print_json(_bad_input_document(errors, sources, fmt))
    elif out_format == "json" and output and not _read_here(output, [*sources, *also_read]):
        # (-o's file says so too, as stdout would: a CI step read last month's report as this run's)
        with suppress(ScriptkitError), _report_to(output) as out:  # (not written: the errors are said on stderr)
            _print_json(_bad_input_document(errors, sources, fmt), out)
    if html_path is None:
        return
    # (also_read: the settings, --compare's report)
    inputs = [*sources, *(e.location.file for e in errors if e.location), *also_read]
    target = Path(html_path).resolve()
    if any(not f.startswith("<") and Path(f).resolve() == target for f in inputs):
        return  # (a file the run reads is never replaced)
    from scriptkit.fixing import write_atomic

    try:
        make_folder_for("the HTML report", html_path)
        with writing("the HTML report", html_path):
            write_atomic(Path(html_path), _bad_input_page(errors, sources))
    except ScriptkitError as unwritten:  # (said too, after the errors it would have held)
        raise ErrorGroup([*errors, unwritten]) from None


def _read_here(path: str, inputs: list[str]) -> bool:
    target = Path(path).resolve()
    return any(not f.startswith("<") and Path(f).resolve() == target for f in inputs)


def _somewhere(sources: tuple[str, ...]) -> Location:
    """Where an error that names no place is put: the pack's settings, else the (first) file audited."""
    first = Path(sources[0])
    return Location(str(first / "pack.yaml") if first.is_dir() else sources[0], 1, 1)


def _bad_input_document(errors: list[ScriptkitError], sources: tuple[str, ...], fmt: str | None) -> dict[str, Any]:
    """``--format json``'s report when the input cannot be read: the audit's shape with no macro, and each error in
    ``errors`` as check's JSON gives a load error (SK000 load-error, located, its hint as the suggestion)."""
    from scriptkit.audit import AuditReport
    from scriptkit.cli.check import LOAD_ERROR_CODE, LOAD_ERROR_NAME
    from scriptkit.diagnostics import Diagnostic, Severity
    from scriptkit.reporters.json import diagnostic_dict

    source = sources[0] if len(sources) == 1 else f"{sources[0]} and {len(sources) - 1} more file(s)"
    document = AuditReport(source, fmt or "", [], [], [], []).to_dict()
    # (what it was read as is not known: null, unless --from said it or it is a pack's folder)
    document["format"] = fmt or ("pack" if len(sources) == 1 and Path(sources[0]).is_dir() else None)
    somewhere = _somewhere(sources)
    document["errors"] = [diagnostic_dict(Diagnostic(LOAD_ERROR_CODE, LOAD_ERROR_NAME, e.message, Severity.ERROR,
                                                     e.location or somewhere, suggestion=e.hint,
                                                     extra={"family": "input"}))
                          for e in errors]
    return document


def _bad_input_page(errors: list[ScriptkitError], sources: tuple[str, ...]) -> str:
    """A self-contained page saying the audit could not be made, and why, each error where it is."""
    from html import escape

    from scriptkit.csp import policy_meta

    somewhere = _somewhere(sources)
    items = "".join(f"<li><code>{escape(str(e.location or somewhere))}</code>: {escape(e.message)}"
                    + (f". {escape(e.hint)}" if e.hint else "") + "</li>" for e in errors)
    named = escape(", ".join(sources))
    return ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">" + policy_meta() +
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            f"<title>scriptkit audit: the input could not be read</title></head>\n"
            f"<body><h1>No audit: the input could not be read</h1>\n<p>{named} could not be read, so nothing was "
            f"scored (exit code 2). Fix these, then run the audit again:</p>\n<ul>{items}</ul></body></html>\n")


def _worst(macros: list[MacroAudit], copies: dict[str, list[str]], top: int) -> list[MacroAudit]:
    """The first ``top`` macros, worst first, each exact duplicate group by its first member only."""
    shown: list[MacroAudit] = []
    seen: set[str] = set()
    for m in macros:
        if len(shown) >= top:
            break
        if m.id not in seen:
            shown.append(m)
            seen.update(copies.get(m.id, [m.id]))
    return shown


def _fmt(value: float | None) -> str:
    return "-" if value is None else f"{value:.0f}"


def _exact(value: float | None) -> str:
    """A score as exact as ``--fail-under`` compares it (one decimal, '53.1'; '100' for a whole number): the
    header's rounded 53 passed for a 53.1 that a gate of 53.5 failed."""
    return "-" if value is None else f"{value:.1f}".removesuffix(".0")


#: how many duplicate groups of each kind (exact, near) and contradictions the text report lists
_GROUPS_SHOWN = 5
_CONTRADICTIONS_SHOWN = 10
_STEPS_SHOWN = 6
_CATEGORIES_SHOWN = 5
_ALL_LISTED = "--format json and --html list them all"


def _told_apart(members: list[MacroAudit]) -> list[str]:
    """Each macro by its title, and where two share one, by its helpdesk id too, else its place."""
    seen = Counter(m.title for m in members)
    return [m.title if seen[m.title] == 1 else m.named if m.export_id else f"{m.title} ({m.location})"
            for m in members]


def _amount(value: str, unit: str) -> str:
    """'1 year', '2 years': a unit said in the plural is singular after exactly one."""
    return f"{value} {unit.removesuffix('s') if value == '1' and unit.endswith('s') else unit}"


def _some(names: list[str], shown: int = 5) -> str:
    """A few of ``names`` and how many more: a templated library's copies share a number by the thousand."""
    more = f" and {len(names) - shown} more" if len(names) > shown else ""
    return ", ".join(names[:shown]) + more


def _print_macros(shown: list[MacroAudit], copies: dict[str, list[str]], con: Console) -> None:
    from scriptkit.audit import CAP, PRACTICE_LABELS
    from scriptkit.language import name_of

    for m in shown:
        names = ", ".join(dict.fromkeys(d.name for d in m.diagnostics)) or "no problems"
        # (named: "scores 0 0 0 0 90" left the reader to count the columns of a heading far above)
        per = ", ".join(f"{PRACTICE_LABELS[p].lower()} {_fmt(m.scores[p])}" for p in m.shown_practices)
        where = ", ".join(filter(None, (f"id {m.export_id}" if m.export_id else "", m.unused,
                                        "internal note" if m.internal else "", m.fragment or "",
                                        name_of(m.other_language) if m.other_language else "", str(m.location))))
        con.print(f"  {_fmt(m.overall):>3}  {m.title}  ({where})", markup=False, highlight=False)
        con.print(f"       scores: {per} · {names}", markup=False, highlight=False)
        if m.capped:  # ("held at 50" beside a macro's own 18 read as a score fixed by someone)
            con.print(f"       overall capped at {CAP:g} (it would score {m.mean:.0f}) because {m.held_because}",
                      markup=False, highlight=False)
        elif m.held_because is not None:  # (broken as much where its own score is no more than the cap)
            con.print(f"       broken for the customer (at most {CAP:g} overall) because {m.held_because}",
                      markup=False, highlight=False)
        if m.flexibility_note:
            con.print(f"       flexibility 0: {m.flexibility_note}", markup=False, highlight=False)
        if len(copies.get(m.id, ())) > 1:
            con.print(f"       and {len(copies[m.id]) - 1} exact cop{'y' if len(copies[m.id]) == 2 else 'ies'}"
                      " of it (under Macro sprawl)", markup=False, highlight=False)


def _print_categories(report: AuditReport, con: Console) -> None:
    """The coldest categories of a library whose titles hold them ('Billing::Refunds::...'): where to start."""
    from scriptkit.audit import PRACTICE_LABELS

    found = report.categories
    if not found:
        return
    shown = found[:_CATEGORIES_SHOWN]
    con.print(f"[bold]Coldest categories[/bold] ({len(shown)} of {len(found)}, by the overall score of their macros "
              f"judged on every practice{f'; {_ALL_LISTED}' if len(found) > len(shown) else ''})")
    for c in shown:
        lowest = f", lowest in {PRACTICE_LABELS[c.coldest].lower()} {_fmt(c.averages[c.coldest])}" if c.coldest else ""
        broken = f", {c.broken} broken for the customer" if c.broken else ""
        con.print(f"  {_fmt(c.overall):>3}  {c.name}: {c.macros} macro(s){broken}{lowest}", markup=False,
                  highlight=False)


def print_text(report: AuditReport, con: Console, top: int = 10) -> None:
    from scriptkit.audit import CAP, PRACTICE_LABELS, PRACTICES, reword_advice, unmapped_advice

    n = len(report.macros)
    # (titles and paths are the export's text: '[/VIP] Refund' is not console markup)
    con.print(f"[bold]Audit of {escape_markup(report.source)}[/bold] ({report.format_name}): {n} macro(s), "
              f"{sum(len(m.diagnostics) for m in report.macros)} problem(s), "
              f"overall score {_exact(report.overall)}/100")
    for item in report.unreadable:
        con.print(f"[red]unreadable:[/red] {escape_markup(str(item))}", highlight=False)
    if report.skipped:
        con.print(f"{len(report.skipped)} item(s) without reply text were skipped:")
        for skipped in report.skipped:
            con.print(f"  skipped: {skipped}", markup=False, highlight=False)
    for note in report.import_notes:  # (on the file as a whole, as `scriptkit import` says them)
        con.print(f"note: {note}", markup=False, highlight=False)
    averages = report.averages
    # (over the macros the overall score is the mean of: an internal note's flexibility 0 is left out of both)
    of = f" (of the {len(report.judged_in_full)} macro(s) judged on every practice)" if report.judged_in_part else ""
    con.print(f"Average scores{of}: " + ", ".join(f"{PRACTICE_LABELS[p]} {_fmt(averages[p])}" for p in PRACTICES
                                                  if p in report.judged))
    for line in report.set_aside():
        con.print(line, markup=False, highlight=False)
    steps = report.work_order()
    if steps:
        from scriptkit.audit import WORK_ORDER_RULE

        con.print(f"[bold]Work in this order[/bold]: {WORK_ORDER_RULE}")
        for number, step in enumerate(steps[:_STEPS_SHOWN], 1):
            con.print(f"  {number}. {step.text}", markup=False, highlight=False)
        if len(steps) > _STEPS_SHOWN:
            con.print(f"  and {len(steps) - _STEPS_SHOWN} more ({_ALL_LISTED})", markup=False, highlight=False)
    if report.no_room_note:
        con.print(f"  {report.no_room_note}", markup=False, highlight=False)
    if report.macros:
        # exact copies of a listed macro score as it does: one line says how many there are, so the
        # list shows ten different replies (a templated library's worst ten were one reply ten times)
        copies = {i: g.members for g in report.duplicates if g.kind == "exact" for i in g.members}
        # (a macro scored on flexibility only has that one score as its overall: ranked among the others, a
        # Spanish macro without alternatives came first among the worst, for what was never judged)
        whole = [m for m in report.macros if not m.judged_in_part]
        # (a fragment, a list or a building block of a reply, is judged on its phrases: a list of documents led
        # the worst macros for its "no owner" and "no time frame")
        fragments = [m for m in report.macros if m.fragment]
        # (an internal note has no score at all: among those judged in part it was counted as "scored on flexibility
        # only", every score a -; it is listed under its own heading, so a lead sees which macros were read so)
        part = [m for m in report.macros if m.judged_in_part and not m.fragment and not m.internal]
        notes = [m for m in report.macros if m.internal]
        columns = ", ".join(PRACTICE_LABELS[p].lower() for p in PRACTICES if p in report.judged)

        def apart(group: list[MacroAudit]) -> list[MacroAudit]:
            """The macros of a group ranked apart that are listed: five beside a list of the worst; none at --top 0."""
            return _worst(group, copies, top if not whole else min(top, 5)) if top > 0 else []

        # (a macro at 100 needs no work: a perfect library's "Worst 10 macros" were ten 100s)
        needing_work = [m for m in whole if m.overall is None or m.overall < 100]
        # (but at 100 a macro's findings are ones no score counts, template and custom rules, which the work order
        # lists: "none needs work" above an SK001 'Hi ,' to fix read as a contradiction)
        unscored = [m for m in whole if m.diagnostics]
        if whole and top > 0 and not needing_work and unscored:
            con.print(f"No macro scores below 100, but {len(unscored)} macro(s) have findings no score counts "
                      "(template and custom rules are listed, not scored): fix them as the work order lists them.")
        elif whole and top > 0 and not needing_work:
            con.print("No macro scores below 100: none needs work.")
        elif needing_work and top > 0:  # (--top 0: no list, and no "Worst 0 macros" heading)
            shown = _worst(needing_work, copies, top)
            con.print(f"[bold]Worst {len(shown)} macros[/bold] (overall, then {columns})")
            _print_macros(shown, copies, con)
        if part:
            shown = apart(part)
            some = f"; the worst {len(shown)}" if 0 < len(shown) < len(part) else ""
            # (--top 0 lists no worst macros to be ranked apart from: say none is listed, not where they rank)
            how = ("; --top 0 lists none" if not shown else ", so ranked apart from the worst macros" + some if whole
                   else f", the worst {len(shown)} first (by flexibility, then {columns})")
            scored = "scored on flexibility only" if "flexibility" in report.judged else "not scored"
            con.print(f"[bold]Judged in part[/bold]: {len(part)} macro(s) {scored}{how}")
            _print_macros(shown, copies, con)
        if fragments:
            shown = apart(fragments)
            some = f"; the worst {len(shown)}" if 0 < len(shown) < len(fragments) else ""
            how = ("; --top 0 lists none" if not shown else ", so ranked apart from the worst macros" + some if whole
                   else f", the worst {len(shown)} first")
            con.print(f"[bold]Not whole replies[/bold]: {len(fragments)} fragment(s) judged on their phrases "
                      f"only (a practice none of them bears on is not judged: -){how}")
            _print_macros(shown, copies, con)
        if notes:
            shown = apart(notes)
            how = ("; --top 0 lists none" if not shown
                   else f"; the first {len(shown)}" if len(shown) < len(notes) else "")
            con.print(f"[bold]Internal notes[/bold]: {len(notes)} not scored (for the agents, never sent){how}")
            _print_macros(shown, copies, con)
    _print_categories(report, con)
    if report.common:
        con.print("[bold]Most common problems[/bold]")
        for c in report.common[:10]:
            often = ", ".join(f"“{' '.join(text.split())}” {k}" for text, k in c.phrases)
            con.print(f"  {c.code} {c.name} ({c.label}): {c.macros} macro(s), {c.count} time(s)"
                      + (f": {often}" if often else ""), markup=False, highlight=False)
    exact = [g for g in report.duplicates if g.kind == "exact"]
    near = [g for g in report.duplicates if g.kind == "near"]
    con.print(f"[bold]Macro sprawl[/bold]: {len(exact)} group(s) of exact duplicates, "
              f"{len(near)} group(s) of near duplicates")
    # (some of each kind: the first ten groups were all exact, and the near ones and the rest went unsaid)
    for g in exact[:_GROUPS_SHOWN] + near[:_GROUPS_SHOWN]:
        titles = "; ".join(_told_apart([report.macro(i) for i in g.members[:5]]))
        more = f" and {len(g.members) - 5} more" if len(g.members) > 5 else ""
        sim = "" if g.kind == "exact" else f" (similarity >= {g.similarity:.2f}{f'; {g.note}' if g.note else ''})"
        con.print(f"  {g.kind}{sim}: {titles}{more}", markup=False, highlight=False)
    unshown = [f"{len(groups) - _GROUPS_SHOWN} more {kind} group(s)" for kind, groups in (("exact", exact),
                                                                                          ("near", near))
               if len(groups) > _GROUPS_SHOWN]
    if unshown:
        con.print(f"  and {' and '.join(unshown)}: {_ALL_LISTED}", markup=False, highlight=False)
    unchecked = report.contradictions_not_checked  # ("0" alone read as checked everywhere)
    con.print(f"[bold]Contradictions[/bold]: {len(report.contradictions)}"
              + (f" (not checked in {sum(unchecked.values())} macro(s) in another language: "
                 + ", ".join(f"{language} {count}" for language, count in unchecked.items()) + ")"
                 if unchecked else ""))
    for found in report.contradictions[:_CONTRADICTIONS_SHOWN]:
        # the amounts most macros give first: the odd ones out are the ones to settle
        # (each macro by its title and helpdesk id, as the lead finds it there: not the pack's name for it)
        said = sorted(((v, list(dict.fromkeys(report.macro(q.macro).named for q in qs)))
                       for v, qs in found.values.items()),
                      key=lambda amount: -len(amount[1]))
        values = "; ".join(f"{_amount(v, found.unit)} in {_some(macros)}" for v, macros in said[:4])
        others = f"; and {len(said) - 4} other amount(s)" if len(said) > 4 else ""
        con.print(f"  {found.topic}: {values}{others}", markup=False, highlight=False)
    if len(report.contradictions) > _CONTRADICTIONS_SHOWN:
        con.print(f"  and {len(report.contradictions) - _CONTRADICTIONS_SHOWN} more: {_ALL_LISTED}", markup=False,
                  highlight=False)
    risks = report.blank_risks
    con.print(f"[bold]Placeholders that can render blank[/bold]: {len(risks)}")
    # (Front, Salesforce...: a fallback cannot be added there, so the advice is to reword; said once per helpdesk)
    fallbackless = {ident: helpdesk for ident, _ in risks if (helpdesk := report.macro(ident).no_fallbacks)}
    for helpdesk in dict.fromkeys(fallbackless.values()):
        con.print(f"  {reword_advice(helpdesk)}", markup=False, highlight=False)
    for ident, name in risks[:10]:
        where = f" (in {fallbackless[ident].capitalize()}: reword)" if ident in fallbackless else ""
        macro = report.macro(ident)
        place = _near(macro.placeholder_location(name))
        con.print(f"  {place}: {macro.named}: {macro.placeholder_as_written(name)} "
                  f"{macro.lacks_fallback(name)}{where}",
                  markup=False, highlight=False)
    if len(risks) > 10:  # (742 of them read as the ten listed, where every other list says how many more)
        con.print(f"  and {len(risks) - 10} more ({_ALL_LISTED})", markup=False, highlight=False)
    unmapped = report.unmapped
    # (a misspelt Zendesk field is sent empty, as the import says: "Hi ,", not the marker)
    empty = " (or empty, where said)" if any(u.how_sent != "as written" for _, u in unmapped) else ""
    con.print(f"[bold]Placeholders that did not map[/bold]: {len(unmapped)}"
              + (f" (sent as written{empty} unless the agent replaces them: each macro's overall is capped at "
                 f"{CAP:g})" if unmapped else ""))
    for ident, u in unmapped[:10]:
        macro = report.macro(ident)
        reads = f"the customer reads “{read}”: " if u.how_sent != "as written" and (read := macro.read_without(u)) \
            else ""
        con.print(f"  {_near(macro.location)}: {macro.named}: {u.text}: {reads}{unmapped_advice(u)}", markup=False,
                  highlight=False)
    if len(unmapped) > 10:
        con.print(f"  and {len(unmapped) - 10} more (--format json lists them all)", markup=False, highlight=False)
    # (no macro's score holds them, so they are listed whole)
    for heading, problems in (("Problems of the pack as a whole", report.pack_problems),
                              ("Problems of the settings", report.settings_problems)):
        if problems:
            con.print(f"[bold]{heading}[/bold]: {len(problems)}")
            for d in problems:
                con.print(f"  {_near(d.location)} {d.code} {d.name}: {d.message}", markup=False, highlight=False)


commands = [audit_command]


def _near(location: Location) -> Location:
    """A place as the working folder reaches it: the settings file found above an export ('scriptkit.toml:5:1',
    as `scriptkit check` names it), not its whole path, when it is under the working folder."""
    from scriptkit.reporters import display_path

    return replace(location, file=display_path(location.file))


def _file_of_a_folder(html_path: str, sources: tuple[str, ...]) -> str | None:
    """The source folder that holds ``html_path`` as one of its files (pack.yaml, a script, an
    export file), if any: only an .html file there (an earlier report) may be replaced."""
    target = Path(html_path)
    resolved = target.resolve()  # (a link named report.html that leads to a script is the script)
    if not target.is_file() or resolved.suffix.lower() in (".html", ".htm"):
        return None
    return next((s for s in sources if Path(s).is_dir() and Path(s).resolve() in resolved.parents), None)
