"""``scriptkit rules`` (every rule in a table) and ``scriptkit rule SK201`` (one rule's docs)."""

from __future__ import annotations

import difflib
import json
import os
import re
import shlex
import textwrap
from pathlib import Path
from typing import TYPE_CHECKING

import click

from scriptkit.cli.output import console
from scriptkit.config import CONFIG_CODE, CONFIG_NAME, CONFIG_OLD_NAME, names_setting_warning
from scriptkit.errors import ConfigError
from scriptkit.rules import all_rules
from scriptkit.rules.base import FAMILIES

if TYPE_CHECKING:
    from rich.console import Console
    from rich.table import Table

    from scriptkit.models import Pack
    from scriptkit.rules.base import Rule

CONFIG_DOCS = f"""{CONFIG_CODE} [{CONFIG_NAME}]: a setting is not applied: a rule selector or option names no rule, or
a grammar server is named by the pack alone.

## What it does
Warns about entries under `select`, `ignore`, `severity`, `options` or a script's `ignore`
that match no rule code, name, family or prefix, pointing at the setting's line. It also warns
at pack.yaml's grammar setting when that names a LanguageTool server nobody running the command
confirmed: the server is not contacted and grammar checks are off for the run (see the grammar
guide, "Which servers a run contacts").

## Why it matters
A typo in a selector silently turns a rule on or off; this says so instead. A pack can come
from anyone, and a server it names would receive every reply.

## Example
`ignore: [warmthh]`

## Use instead
`ignore: [warmth]` (run `scriptkit rules` for every code, name and family)

## Options
None. It was named `{CONFIG_OLD_NAME}` before it covered grammar servers too; that name still
selects it. A `select` none of whose entries is known (`select: [warmthh]`) is an error (exit 2), not
this warning: it would run no rule, and a check that runs none passes. On the command line an
unknown `--select`/`--ignore` is an error (exit 2).

## Fix safety
No automatic fix.
"""


#: the code and name check gives input it cannot read (``cli.check``'s LOAD_ERROR_CODE): no rule's, but shown in its
#: output, so `scriptkit rule SK000` explains it
LOAD_ERROR_DOCS = """SK000 [load-error]: a file of the pack (or the file given) could not be read, so nothing in it was
judged.

## What it means
scriptkit stopped at this place in the file: a YAML slip (indentation, an unclosed quote), a key it
does not know, a missing `acknowledgment` or `solution`, text that is not UTF-8, or a setting it
cannot use. The command exits 2. The other files are still read and checked; this one is checked
once it can be read.

## What to do
Open the file at the `file:line:col` the message gives and follow its hint, then run the command
again. In a CI report (json, sarif, github, gitlab, junit) the same problem is a finding with this
code, so the job shows it where the file is.

## Options
None: it cannot be switched off or given another severity, as there is nothing to judge until the
file can be read.
"""

#: the codes that are no rule's but appear in findings, listed after the rules and export checks: (code, name, family,
#: severity, summary)
OTHER_CODES = (
    ("SK000", "load-error", "input", "error", "A file could not be read, so nothing in it was judged."),
    (CONFIG_CODE, CONFIG_NAME, "settings", "warning",
     "A setting is not applied: it names no rule, or a grammar server only the pack names."),
)


def _pool(pack: str | None) -> list[type[Rule]]:
    rules = list(all_rules())
    if pack:
        from scriptkit.config import load_config

        rules.extend(load_config(_settings(pack)).custom)
    return sorted(rules, key=lambda r: r.code)


def _settings(pack: str) -> Pack:
    """The pack's settings without its scripts: its own rules are there, so a pack with rules and no
    scripts yet lists them ("no scripts found" before), and a slip in a script does not hide them.
    A path with no pack.yaml is loaded as a pack, to be told what is wrong with it as check tells."""
    from scriptkit.errors import ErrorCollector
    from scriptkit.loading import PACK_FILE, _read_meta, load_pack, pack_of
    from scriptkit.models import Pack

    path = Path(pack)
    root = path.parent if path.name == PACK_FILE else pack_of(path) if path.is_file() else path
    if root is None or not (root / PACK_FILE).is_file():
        return load_pack(pack)
    errors = ErrorCollector()
    meta, origin, _unread = _read_meta(root, errors)
    errors.raise_if_any()
    settings = Pack(meta=meta, scripts=[], root=str(root))
    settings._origin = origin  # (where each setting is: a bad custom rule's error points at its line)
    return settings


@click.command(name="rules")
@click.argument("family_named", metavar="[FAMILY]", required=False)
@click.option("--pack", type=click.Path(), help="Also list the custom rules this pack declares.")
@click.option("--family", metavar="FAMILY", shell_complete=lambda ctx, param, typed: [
                  name for name in FAMILIES.values() if name.startswith(typed.lower())],
              help="Only this family (template, readability, warmth, empathy, solution, custom, grammar, "
                                "export). Also given as the argument: `scriptkit rules warmth`.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="text, a table for people; or json, for a program.")
def rules_command(family_named: str | None, pack: str | None, family: str | None, fmt: str) -> None:
    """List every rule: code, name, family, default severity and what it checks; with FAMILY, that
    family's rules only.

    The export checks (SK5xx, run by `scriptkit export`) are listed after the rules."""
    from scriptkit.targets.checks import export_checks
    from scriptkit.targets.checks import find as find_export_check

    if family_named and family and family_named.lower() != family.lower():
        raise ConfigError(f"two families asked for: '{family_named}' and --family {family}",
                          hint="Give one: `scriptkit rules warmth` or `scriptkit rules --family warmth`.")
    family = family or family_named
    wanted = family.lower() if family else None
    if wanted is not None and family_named and wanted not in FAMILIES.values():
        # (`scriptkit rules SK201` or `scriptkit rules corporate-phrase`: one rule's docs were meant)
        one = next((r for r in all_rules() if wanted in (r.code.lower(), r.name)), None) or \
            find_export_check(family_named)
        if one is not None:
            raise ConfigError(f"'{family_named}' is a rule, not a family",
                              hint=f"For its docs: `scriptkit rule {family_named}`.")
    families = [*FAMILIES.values(), *(fam for _, _, fam, _, _ in OTHER_CODES)]
    if wanted is not None and wanted not in families:  # a typo must not list nothing and pass
        close = difflib.get_close_matches(wanted, families, n=1)
        raise ConfigError(f"unknown rule family '{family}'",
                          hint=f"Did you mean '{close[0]}'?" if close else
                          f"Families: {', '.join(sorted(families))}.")
    rows = [(r.code, r.name, r.family(), r.severity.value, bool(r.fix_safe), r.summary())
            for r in _pool(pack) if wanted is None or r.family() == wanted]
    rule_count = len(rows)
    rows += [(c.code, c.name, c.family, c.severity.value, False, _as_sentence(c.summary))
             for c in export_checks() if wanted in (None, c.family)]
    checks = len(rows) - rule_count
    # (SK000 and SK800 are in findings too: a code the output shows and `scriptkit rule` explains is listed)
    rows += [(code, name, fam, severity, False, summary)
             for code, name, fam, severity, summary in OTHER_CODES if wanted in (None, fam)]
    if fmt == "json":
        click.echo(json.dumps([{"code": code, "name": name, "family": fam, "severity": severity, "fix": fix,
                                "summary": summary} for code, name, fam, severity, fix, summary in rows], indent=2))
        return
    con = console()
    if con.is_terminal and con.width < STACKED_BELOW:
        _print_stacked(con, rows)
    else:
        from rich.table import Table

        table = Table(show_lines=False, box=None, pad_edge=False)
        for col in ("code", "name", "family", "severity", "fix", "summary"):
            # (the code whole, always: it is what `scriptkit rule CODE` and a selector take)
            table.add_column(col, overflow="fold" if col == "summary" else "ellipsis", no_wrap=col != "summary",
                             min_width=max((len(row[0]) for row in rows), default=4) if col == "code" else None)
        for code, name, fam, severity, fix, summary in rows:
            table.add_row(code, name, fam, severity, "yes" if fix else "", summary)
        _print_table(con, table)
    others = len(rows) - rule_count - checks
    counts = [f"{rule_count} rule(s)"] + [f"{checks} export check(s)"] * bool(checks) + \
        [f"{others} code(s) of no rule ({', '.join(r[0] for r in rows[-others:])})"] * bool(others)
    con.print((" and ".join(counts) if len(counts) < 3 else f"{counts[0]}, {counts[1]} and {counts[2]}")
              + ". Details: scriptkit rule CODE" + (f" --pack {shlex.quote(pack)}" if pack else ""), markup=False,
              soft_wrap=not con.is_terminal)


#: a terminal narrower than this lists each rule as a few lines, not as a table's row: six columns in 40 or 60 cut
#: the code ('SK0…') and the name, and left the summary a word a line
STACKED_BELOW = 80


def _print_stacked(con: Console, rows: list[tuple[str, str, str, str, bool, str]]) -> None:
    """Each rule as its code and name, then its family, severity and fix, then its summary, wrapped to the
    terminal's width (and a line between rules)."""
    from rich.text import Text

    from scriptkit.reporters.text import ascii_stand_ins

    def indented(text: str) -> str:  # (not rich's Padding: it pads every line with spaces to the width)
        return "\n".join(textwrap.wrap(ascii_stand_ins(text, con.file), con.width - 2, initial_indent="  ",
                                        subsequent_indent="  ", break_long_words=False, break_on_hyphens=False))

    for code, name, fam, severity, fix, summary in rows:
        con.print(Text.assemble((code, "bold"), " ", name), soft_wrap=False)
        con.print(indented(f"{fam} · {severity}" + (" · fix: yes" if fix else "")), markup=False)
        con.print(indented(summary), markup=False)
        con.print()


def _print_table(con: Console, table: Table) -> None:
    if con.is_terminal:
        con.print(table)
    else:  # piped or captured: one line per rule, never folded at 80 columns, with no padding after its summary
        con.width = max(con.width, 240)
        with con.capture() as captured:
            con.print(table)
        con.out("\n".join(line.rstrip() for line in captured.get().splitlines()), highlight=False)


def _show(con: Console, markdown: str) -> None:
    """A rule's docs: laid out for a terminal; piped or saved, the Markdown itself (rich pads each
    line of its layout to the terminal's width, and a saved page is better as its source)."""
    if con.is_terminal:
        from rich.markdown import Markdown

        con.print(Markdown(markdown))
    else:
        click.echo(markdown.rstrip() + "\n")


def _pack_rule_hint(selector: str) -> str:
    """Where a name no built-in rule has may be a team's rule (custom, in a pack's settings): say to
    name the pack, the one in the working folder if there is one."""
    from scriptkit.sourcetext import PACK_FILE

    here = os.path.isfile(PACK_FILE)
    return (f"If it is a rule of {'the pack here' if here else 'your pack'}, name the pack: "
            f"`scriptkit rule {shlex.quote(selector)} --pack {'.' if here else 'PACK'}`. "
            "`scriptkit rules` lists the built-in rules.")


def _here_has_rule(selector: str) -> bool:
    """Whether the pack in the working folder has a rule of its own by this code or name (a pack that does not
    load has none to name: the other hints stand)."""
    from scriptkit.errors import ScriptkitError
    from scriptkit.sourcetext import PACK_FILE

    if not os.path.isfile(PACK_FILE):
        return False
    try:
        own = _pool(".")
    except ScriptkitError:
        return False
    return any(selector.upper() == r.code or selector.lower() == r.name for r in own)


@click.command(name="rule")
@click.argument("selector")
@click.option("--pack", type=click.Path(), help="Also look among this pack's custom rules.")
def rule_command(selector: str, pack: str | None) -> None:
    """Show one rule's documentation: by code (SK201) or name (corporate-phrase)."""
    from scriptkit.targets.checks import export_checks
    from scriptkit.targets.checks import find as find_export_check

    con = console()
    # docs wrap to the terminal: the console's soft wrap, right for one-line findings, cut the
    # examples off at its edge
    con.soft_wrap = False
    if names_setting_warning(selector):
        _show(con, CONFIG_DOCS)
        return
    if selector.upper() == OTHER_CODES[0][0] or selector.lower() == OTHER_CODES[0][1]:
        _show(con, LOAD_ERROR_DOCS)
        return
    check = find_export_check(selector)
    if check is not None:
        head = (f"# {check.code} {check.name}\n\nFamily: **export** (checked by `scriptkit export`, per helpdesk) "
                f"· default severity: **{check.severity.value}** · fix: **none**")
        _show(con, f"{head}\n\n{_as_sentence(check.summary)}\n\n{check.docs}")
        return
    pool = _pool(pack)
    found = next((r for r in pool if selector.upper() == r.code or selector.lower() == r.name), None)
    if found is None:
        families = list(FAMILIES.values())
        names = [r.code for r in pool] + [r.name for r in pool] + [c.code for c in export_checks()] + families
        close = difflib.get_close_matches(selector, names, n=1, cutoff=0.5)
        if close and close[0] in families and difflib.SequenceMatcher(None, selector.lower(), close[0]).ratio() < 0.75:
            close = []  # (a family is named for a slip of its own word: 'say-subscription' is no 'solution')
        if re.fullmatch(r"SK\d\d\d", selector.upper()):  # a code: the nearest of its own family, not a look-alike
            close = _nearest_code(selector.upper(), [r.code for r in pool] + [c.code for c in export_checks()])
        prefixed = (sorted(c for c in names if c.startswith(selector.upper()) and re.fullmatch(r"SK\d\d\d", c))
                    if re.fullmatch(r"SK\d\d?", selector.upper()) else [])
        if pack is None and _here_has_rule(selector):
            hint = f"It is a rule of the pack here: `scriptkit rule {shlex.quote(selector)} --pack .` shows it."
        elif selector.lower() in families:
            hint = f"'{selector}' is a family: `scriptkit rules --family {selector.lower()}` lists its rules."
        elif prefixed:  # (a prefix, as --select takes it: name what it selects, not one look-alike)
            hint = (f"'{selector}' is a prefix of {len(prefixed)} code{'s' if len(prefixed) > 1 else ''}: "
                    f"{', '.join(prefixed) if len(prefixed) <= 8 else prefixed[0] + '-' + prefixed[-1]}. "
                    f"Run `scriptkit rule` with one of them.")
        elif close and close[0] in families:
            hint = f"Did you mean the family '{close[0]}'? `scriptkit rules --family {close[0]}` lists its rules."
        elif pack is None and (re.fullmatch(r"SK8\d\d", selector.upper())  # (the custom rules' codes)
                               or (not close and not re.fullmatch(r"SK\d\d\d", selector.upper()))):
            hint = _pack_rule_hint(selector)
        elif close and re.fullmatch(r"SK\d\d\d", selector.upper()):
            family = FAMILIES.get(close[0][2], "")
            same = sorted(c for c in names if re.fullmatch(rf"SK{close[0][2]}\d\d", c))
            hint = (f"Did you mean '{close[0]}'? The {family} {'checks' if family == 'export' else 'rules'} are "
                    f"{same[0]}-{same[-1]}; `scriptkit rules` lists every code.")
        elif re.fullmatch(r"SK8\d\d", selector.upper()):  # (a pack's own rules: this pack has none so numbered)
            hint = f"The pack has no rule {selector.upper()}; `scriptkit rules --pack PACK` lists its rules."
        elif re.fullmatch(r"SK\d\d\d", selector.upper()):
            hint = f"No family's codes are SK{selector[2]}xx; `scriptkit rules` lists every code."
        else:
            hint = f"Did you mean '{close[0]}'?" if close else "Run `scriptkit rules` to list them."
        raise ConfigError(f"no rule '{selector}'", hint=hint)
    head = (f"# {found.code} {found.name}\n\nFamily: **{found.family()}** · default severity: "
            f"**{found.severity.value}** · fix: **{'safe' if found.fix_safe else 'none'}**"
            + (" · also reads: **the script's alternatives and conditions**" if found.reads_alternatives else ""))
    options = ", ".join(f"`{k}` = `{v!r}`" for k, v in found.options.items())
    docs = found.docs()
    body = docs.split("\n", 1)[1].strip() if "\n" in docs else ""
    _show(con, (f"{head}\n\n{found.summary()}\n\n{body}" + (f"\n\nDefaults: {options}" if options else "")))


def _nearest_code(code: str, codes: list[str]) -> list[str]:
    """The code meant by ``code`` (SK299), which no rule has: one of its own family (the hundreds'
    digit, SK2xx), first one a slip away (a digit changed or two swapped: SK210 for SK201), else the
    nearest by number (SK207). None when no rule is in that family (SK6xx)."""
    same = [c for c in codes if c[:3] == code[:3]]

    def slip(other: str) -> bool:
        diff = [i for i in range(len(code)) if code[i] != other[i]]
        return len(diff) == 1 or (len(diff) == 2 and sorted(code[d] for d in diff) == sorted(other[d] for d in diff))

    if not same:
        return []
    return [min(same, key=lambda c: (not slip(c), abs(int(c[2:]) - int(code[2:])), c))]


commands = [rules_command, rule_command]


def _as_sentence(summary: str) -> str:
    """An export check's summary ('the reply is longer than ...') as a rule's reads: a sentence."""
    return f"{summary[:1].upper()}{summary[1:]}."
