"""Click options shared by several commands (check, review, export, audit)."""

from __future__ import annotations

import os
import shlex
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeAlias, TypeVar

import click

from scriptkit.message import CHANNELS
from scriptkit.reporters import FORMATS
from scriptkit.sourcetext import PACK_FILE

F = TypeVar("F", bound=Callable[..., Any])


if TYPE_CHECKING:
    from scriptkit.models import Pack

    _Choice: TypeAlias = click.Choice[str]
else:  # (click.Choice is generic from click 8.2 on; 8.1, which the package accepts, cannot be subscripted)
    _Choice = click.Choice


class LazyChoice(_Choice):
    """A ``click.Choice`` whose choices are read at first use (the option given, or ``--help``), from
    the module that owns them: the command's start-up does not import that module (``--from``'s
    formats are the importers', which load every reader)."""

    def __init__(self, load: Callable[[], Iterable[str]], case_sensitive: bool = True) -> None:
        # (not super().__init__: it would read the choices now)
        self._load = load
        self.case_sensitive = case_sensitive

    def __getattr__(self, name: str) -> Any:  # (only attributes not set yet reach here)
        if name != "choices" or "_load" not in self.__dict__:
            raise AttributeError(name)
        self.choices = tuple(self._load())
        return self.choices


def _grammar(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    from scriptkit.config import parse_grammar
    from scriptkit.errors import ConfigError

    try:
        return parse_grammar(value, None)
    except ConfigError as exc:
        raise click.BadParameter(f"{exc.message}. {exc.hint or ''}") from None


def grammar_option(func: F) -> F:
    """``--grammar off|local|URL``: LanguageTool for the SK9xx rules (default: the config, else off)."""
    return click.option(
        "--grammar", "grammar", metavar="off|local|URL", default=None, callback=_grammar,
        help="Grammar checks with LanguageTool: 'off', 'local' (a server started here, needs Java) "
             "or the URL of a LanguageTool server. Default: the 'grammar' setting (scriptkit.toml or "
             "[tool.scriptkit]; for a pack, its pack.yaml too), else off.",
    )(func)


def one_line(what: str) -> Callable[[click.Context, click.Parameter, str | None], str | None]:
    """A callback refusing a control character (a line break, a tab, an ESC) in ``what``: a pack's
    name with one was written, and then refused by every `check` (pack.yaml:2:7); a folder's
    broke the "Next:" line printed to paste."""
    import unicodedata

    def check(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
        found = next((c for c in value or "" if unicodedata.category(c) == "Cc"), None)
        if found is not None:  # (the value shown escaped: a raw ESC would act on the terminal)
            raise click.BadParameter(f"{value!r} holds a control character, U+{ord(found):04X}: {what} is one line "
                                     "of visible text. Nothing was changed.")
        return value

    return check


def _split(ctx: click.Context, param: click.Parameter, value: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(part.strip() for item in value for part in item.split(",") if part.strip())


def selection_options(func: F) -> F:
    """``--select`` (replaces the configured selection), ``--ignore`` (adds) and ``--fail-on``."""
    func = click.option("--fail-on", type=click.Choice(["error", "warning", "suggestion"]), default=None,
                        help="Lowest severity that fails the run (exit 1). Default: the config, else warning.")(func)
    func = click.option("--ignore", multiple=True, callback=_split, metavar="RULES",
                        help="Skip these rules: codes, names, families or prefixes, comma-separated.")(func)
    func = click.option("--select", multiple=True, callback=_split, metavar="RULES",
                        help="Run only these rules: codes (SK201), names, families (warmth) or prefixes (SK2), "
                             "comma-separated.")(func)
    return func


def dash_is_standard_output(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """``-o -`` as standard output (as ``review -`` reads standard input): a file named '-' was written."""
    return None if value == "-" else value


def no_dash(what: str) -> Callable[[click.Context, click.Parameter, str | None], str | None]:
    """A callback refusing '-' for ``what``, a folder of files: standard output cannot hold one, and a folder named
    '-' was made."""
    def check(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
        if value == "-":
            raise click.BadParameter(f"'-' is standard output, and {what} is a folder of files. Name a folder "
                                     "(e.g. -o out). Nothing was written.")
        return value

    return check


def report_options(func: F) -> F:
    """``--format`` and ``--output``."""
    func = click.option("--output", "-o", type=click.Path(dir_okay=False, writable=True), default=None,
                        callback=dash_is_standard_output,
                        help="Write the report to this file instead of standard output ('-': standard "
                             "output).")(func)
    func = click.option("--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True,
                        help="Report format: text for people; concise, one line per finding (path:line:col: "
                             "severity CODE [name] message, for grep and editors); json for your own tools; sarif "
                             "(code scanning), github (workflow annotations), junit (test reports) or gitlab (Code "
                             "Quality) for CI.")(func)
    return func


#: how deep below a folder with no pack.yaml the packs it holds are looked for (packs/a, teams/eu/support)
PACKS_BELOW_DEPTH = 3
#: the folders never looked into for packs: a checkout's tools and caches, thousands of folders each
NOT_LOOKED_INTO = frozenset({"node_modules", "__pycache__", "site-packages"})


def packs_below(folder: Path) -> list[Path]:
    """The pack folders (each with its pack.yaml) under ``folder``, in path order, down to PACKS_BELOW_DEPTH; a
    pack's own folders, and hidden ones (.git, .venv), are not looked into."""
    found: list[Path] = []
    for here, subfolders, files in os.walk(folder):
        depth = len(Path(here).relative_to(folder).parts)
        if PACK_FILE in files and depth > 0:
            found.append(Path(here))
            subfolders.clear()
        elif depth >= PACKS_BELOW_DEPTH:
            subfolders.clear()
        else:
            subfolders[:] = sorted(d for d in subfolders if not d.startswith(".") and d not in NOT_LOOKED_INTO)
    return sorted(found)


def each_pack(over: str, command: str, first: str = "") -> str:
    """A shell loop running ``command`` ``for`` each of ``over``, that exits with the worst exit code (2 over 1),
    as docs/guides/ci.md's: a bare loop ends with the last pack's code, so in CI a failing pack passed. (In
    parentheses: pasted into a terminal, its ``exit`` ends a subshell, not the user's shell.)"""
    return (f'(worst=0; for {over}; do {first}code=0; {command} || code=$?; '
            f'if [ "$code" -gt "$worst" ]; then worst=$code; fi; done; exit "$worst")')


def not_a_folder_of_packs(given: str, command: str, out: str | None = None, options: str = "") -> None:
    """Refuse a folder with no pack.yaml that holds packs (a repository's packs/), saying which and how to run
    ``command`` (check, export, audit) on each: told to create packs/pack.yaml, a CI engineer would have made the
    folder of packs a pack of none of their scripts. Export's loop gives each pack a folder of ``out`` of its own;
    ``options`` (export's --to) are given to each run.
    (A folder in a pack, and one holding no pack, are left to the loader's own advice.)"""
    from scriptkit.diagnostics import Location
    from scriptkit.errors import PackError
    from scriptkit.reporters import display_path

    folder = Path(given)
    if not folder.is_dir() or (folder / PACK_FILE).exists():
        return
    packs = packs_below(folder)
    if not packs:
        return
    shown = [display_path(str(p)) for p in packs]
    # (a glob per depth the packs are at, over their pack.yaml: a folder beside them that is no pack is left out)
    globs = " ".join(f"{shlex.quote(display_path(str(parent)))}/*/{PACK_FILE}"
                     for parent in sorted({p.parent for p in packs}))
    count = f"{len(packs)} pack{'s' if len(packs) != 1 else ''}"
    one, each = f"scriptkit {command} {shlex.quote(shown[0])}", f'scriptkit {command} "$d"'
    if out is not None:  # (packs/a's export in out/a: one --out for all, each export replacing the last, kept one)
        prefix = shlex.quote(display_path(given).rstrip("/") + "/")
        one += f" -o {shlex.quote(os.path.join(out, os.path.relpath(packs[0], folder)))}"
        each += f' -o {shlex.quote(out)}/"${{d#{prefix}}}"'
    if options:
        one, each = f"{one} {options}", f"{each} {options}"
    loop = each_pack(f"f in {globs}", each, 'd=$(dirname "$f"); ')
    raise PackError(f"{display_path(given)} holds {count} ({', '.join(shown[:3])}{', ...' if len(shown) > 3 else ''}) "
                    f"and no {PACK_FILE} of its own: {command} reads one pack folder at a time",
                    Location(str(folder / PACK_FILE), 1, 1),
                    f"{command.capitalize()} each pack: `{one}`; or all of them, one after another, keeping the "
                    f"worst exit code: `{loop}`.")


def channel_option(multiple: bool = True, help: str = "Only these channels (repeatable).") -> Callable[[F], F]:
    def deco(func: F) -> F:
        return click.option("--channel", "channels", type=click.Choice(CHANNELS), multiple=multiple,
                            default=None, help=help)(func)
    return deco


def written_for(loaded: Pack, channels: Iterable[str], pack: str, doing: str) -> None:
    """A ConfigError where ``--channel`` names only channels no script of the pack is written for: a check or an
    export of nothing said "All clear", which a CI gate on that channel took for a pass."""
    from scriptkit.diagnostics import Location
    from scriptkit.rendering import written_for as _written_for

    _written_for(loaded.scripts, list(channels), Location(pack, 1, 1), doing)  # (located at the pack as typed)


class OneValueCommand(click.Command):
    """A command refusing an option that takes one value given twice: click keeps the last one silently, and
    `--format sarif --format github` printed only github, `-o a.sarif -o b.sarif` wrote only b.sarif, for a CI
    step to upload a report that was never written."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        # (parsed once more to see each option as it was given: the parse that follows keeps only the last value)
        _, _, order = self.make_parser(ctx).parse_args(args=list(args))
        seen: set[str | None] = set()
        for param in order:
            if isinstance(param, click.Option) and not (param.multiple or param.is_flag or param.count):
                if param.name in seen:
                    raise click.UsageError(_given_twice(param), ctx)
                seen.add(param.name)
        return super().parse_args(ctx, args)


def _given_twice(param: click.Option) -> str:
    name = max(param.opts, key=len)  # (--output, not -o)
    if param.name in ("fmt", "out_format", "output"):
        return (f"{name} was given twice: a run writes one report. For two, run the command once per report "
                "(e.g. `--format sarif -o report.sarif`, then `--format github`).")
    return f"{name} was given twice: it takes one value. Give it once."
