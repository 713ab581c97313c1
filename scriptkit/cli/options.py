"""Click options shared by several commands (check, review, export, audit)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, TypeAlias, TypeVar

import click

from scriptkit.message import CHANNELS
from scriptkit.reporters import FORMATS

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
                        help="Run only these rules: codes (SK201), names, families (warmth) or prefixes (SK2).")(func)
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
