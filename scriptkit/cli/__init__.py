"""The ``scriptkit`` command: thin commands over the public API.

Every command module under ``scriptkit/cli/`` exposes ``commands`` (a list of click
commands); they are registered here. Bad input never shows a traceback: a
``ScriptkitError`` becomes located messages on stderr and exit code 2, and so does an
``OSError`` no command turned into a clearer message; any other exception (a bug) is one line
and exit code 2 too, with the traceback when ``SCRIPTKIT_DEBUG`` is set.
"""

from __future__ import annotations

import gc
import importlib
import inspect
import os
import sys
from functools import partial
from typing import Any

import click

from scriptkit import __version__, engines
from scriptkit.cli.output import printable_streams, report_error, stdout_reader_may_go
from scriptkit.diagnostics import Location
from scriptkit.errors import ScriptkitError
from scriptkit.rules import base as rule_base

COMMAND_MODULES = ("init", "render", "check", "rules", "export", "importing", "audit")

#: each command's line in `scriptkit --help` (its docstring's first sentence was cut with "..."), and a few
#: command lines that show it at work; listed in the order they are used
COMMAND_GUIDE: dict[str, tuple[str, tuple[str, ...]]] = {
    "init": ("Create a new pack folder.",
             ("scriptkit init my-pack", "scriptkit init my-pack --from starter",
              "scriptkit init de-pack --locale de-DE")),
    "check": ("Judge every script of a pack.",
              ("scriptkit check my-pack", "scriptkit check my-pack --format github", "scriptkit check my-pack --fix",
               "scriptkit check packs/billing packs/shipping")),
    "render": ("Print each script as the customer reads it.",
               ("scriptkit render my-pack --preview",
                "scriptkit render my-pack --channel chat")),
    "review": ("Judge free text, such as an agent's real reply.",
               ("scriptkit review reply.txt", "scriptkit review - < reply.txt")),
    "export": ("Export a pack to helpdesk macros.",
               ("scriptkit export my-pack --to zendesk --out build", "scriptkit export --list")),
    "import": ("Turn a helpdesk export or a library into a pack.",
               ("scriptkit import macros.json --out my-pack",
                "scriptkit import faq.csv --map title=Q,body=A -o my-pack")),
    "audit": ("Score every macro of a pack or an export.",
              ("scriptkit audit my-pack", "scriptkit audit macros.json --format json > audit.json")),
    "rules": ("List every rule, or one family's.", ("scriptkit rules", "scriptkit rules warmth")),
    "rule": ("Show one rule's documentation.", ("scriptkit rule SK201", "scriptkit rule corporate-phrase")),
}


_COMMAND_LINE = "scriptkit.command_line"  # (ctx.meta's key: the command run, and the words given it)


class _Group(click.Group):
    def main(self, *args: Any, **kwargs: Any) -> Any:
        # (first: a usage error quoting an argument is printed before any command runs)
        printable_streams()
        # A run makes its objects and keeps them to the end (a sentence's cues, its notes, the findings): the
        # collector's default, a young pass every 700 new objects and a full pass over everything as the old
        # ones grow by a quarter, was a third of `review`'s time on 100 KB of short sentences, and grew faster
        # than the text. Younger passes every 10,000 (mypy sets 200,000, for the same reason): the full ones come
        # that much later, and a cycle left behind waits a little longer to be freed.
        # (as it was after: a program or test that runs the command in its own process keeps its setting)
        before, warned = gc.get_threshold(), rule_base.on_warning
        gc.set_threshold(10_000, 30, 30)
        # (a plug-in rule's RuleWarning as the command's other messages, while it runs: a program that imports
        # this module keeps Python's warnings)
        rule_base.on_warning = partial(click.echo, err=True)
        try:
            with stdout_reader_may_go():
                return super().main(*args, **kwargs)
        finally:
            gc.set_threshold(*before)
            rule_base.on_warning = warned

    def list_commands(self, ctx: click.Context) -> list[str]:
        # (the order of use, not the alphabet's: init before check, export before import)
        return [name for name in COMMAND_GUIDE if name in self.commands] + \
            sorted(set(self.commands) - set(COMMAND_GUIDE))

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        # `scriptkit help check` as `scriptkit check --help` (git's and pip's spelling), `scriptkit help` as --help
        if args[:1] == ["help"]:
            if len(args) > 2:  # (`help check extra` read as if the last word were not there)
                raise click.UsageError(f"help takes one command's name, as `scriptkit help check`; it was given "
                                       f"{len(args) - 1} words: {' '.join(args[1:])}", ctx)
            # (the name in any case, as typed from a heading; `help help`: the main help, which lists the commands)
            named = [word.lower() if word.lower() in self.commands else word for word in args[1:]
                     if word.lower() != "help"]
            args = [*named, "--help"]
        return super().parse_args(ctx, args)

    def resolve_command(self, ctx: click.Context, args: list[str]) -> tuple[str | None, click.Command | None,
                                                                           list[str]]:
        name, command, rest = super().resolve_command(ctx, args)
        ctx.meta[_COMMAND_LINE] = (command, list(rest))  # (a copy: parsing them empties the list)
        return name, command, rest

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except click.UsageError as exc:  # (click's message and exit 2 follow, as ever)
            command, args = ctx.meta.get(_COMMAND_LINE, (None, []))
            if command is not None:
                from scriptkit.cli.refused import write_refusal

                write_refusal(command, args, exc)
            raise
        except ScriptkitError as exc:
            report_error(exc)
            sys.exit(exc.exit_code)
        except KeyboardInterrupt as exc:  # (a command may say what it had done: `check --fix`, the files fixed)
            click.echo(exc.args[0] if exc.args and isinstance(exc.args[0], str) else "interrupted", err=True)
            sys.exit(130)
        except OSError as exc:  # a file or folder the system refused: the user's to fix, not a crash
            # (located at the file it names, as every error is: an editor or CI annotation finds it)
            where = Location(os.fsdecode(exc.filename), 1, 1) if exc.filename else None
            report_error(ScriptkitError(f"{exc.strerror or exc}", where,
                                        hint="Check the path, and that you may read or write there."))
            sys.exit(2)
        except (click.ClickException, click.exceptions.Exit, click.Abort):
            raise  # click's own: usage errors (exit 2), --help, aborts
        except Exception as exc:
            # a bug met on some input: one line, and exit 2 ("could not be checked"), because the
            # exit code 1 of a traceback reads as "findings" to a CI job
            if os.environ.get("SCRIPTKIT_DEBUG"):
                raise
            report_error(ScriptkitError(
                f"unexpected {type(exc).__name__}: {exc}",
                hint="This is a bug in scriptkit (or a plug-in), not in your files; please report it with the "
                     "command and the files it read. SCRIPTKIT_DEBUG=1 shows where it happened."))
            sys.exit(2)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="scriptkit")
def main() -> None:
    """Write empathetic support scripts as tested source, and ship them to your helpdesk.

    A pack is a folder with pack.yaml and scripts/*.yaml. Start with `scriptkit init NAME`,
    see replies with `scriptkit render PACK --preview`.
    """


def _progress(message: str, once: bool) -> None:
    """A slow step of the grammar server on stderr: always when it happens once per machine (a
    CI log shows why the first run took minutes), else only at a terminal."""
    if once or sys.stderr.isatty():
        click.echo(message, err=True)


engines.on_progress = _progress

for _name in COMMAND_MODULES:
    for _command in importlib.import_module(f"scriptkit.cli.{_name}").commands:
        if _command.name in COMMAND_GUIDE:
            _command.short_help, _examples = COMMAND_GUIDE[_command.name]
            # (\b keeps click from joining the lines into one; the docstring dedented first: below its indented
            # lines, 'Examples:' at the margin left their indentation in mid-line once click joined them)
            _command.help = inspect.cleandoc(_command.help or "") + "\n\n\b\nExamples:\n" + \
                "\n".join(f"  {line}" for line in _examples)
        main.add_command(_command)
