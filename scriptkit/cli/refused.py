"""A command line click (or the command, before it starts) refuses, for a bad value, an unknown option or a missing
argument, still replaces the report an earlier run left at ``-o`` (``check``, ``review``) or ``--html`` (``audit``):
exit 2 left it there, and a CI job published last run's report as this run's. The new one says the command line was
refused, in the format asked for. ``render``'s ``-o`` replies, and ``audit``'s ``-o`` report (in audit's shape, which a
refused run cannot write), are removed instead (said on stderr). Where there was
no file, none is made: nothing stale, and the run did nothing. A file the run may read (named on the command line,
.yaml/.yml/.toml, any file of the pack), itself or through a link, is left as it is.

The command's options were not parsed (that is what failed), so the report's options are read from the words of the
command line as click reads them: an option's value is the word after it (or after ``=``, or in ``-oFILE``), the
last one given counts, and nothing after ``--`` is an option."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

import click

from scriptkit.diagnostics import Location
from scriptkit.errors import ConfigError, ScriptkitError
from scriptkit.reporters import display_path

# an existing file of these kinds is never replaced: a pack's script, pack.yaml or the settings (scriptkit.toml,
# pyproject.toml) may be what the run was to read, and which files those are was not learnt
_READ_SUFFIXES = (".yaml", ".yml", ".toml")
# the report format a file's name gives, where the format asked for is the bad value (a .json file is json's or
# gitlab's, so no one format)
_FORMAT_OF_SUFFIX = {".sarif": "sarif", ".sarif.json": "sarif", ".xml": "junit", ".txt": "text"}

# the commands whose -o holds the scripts' replies, not a report (removed when refused: see write_refusal)
_REPLIES = ("render",)


@dataclass
class _Words:
    """The command line's words: each option's values (by the option's parameter name) and the arguments."""

    values: dict[str, list[str | None]] = field(default_factory=dict)  # (None: the option had no value)
    arguments: list[str] = field(default_factory=list)


def _read(command: click.Command, args: list[str]) -> _Words:
    takes_value: dict[str, str | None] = {}  # option spelling -> parameter name, None for a flag
    for param in command.params:
        if isinstance(param, click.Option):
            name = None if param.is_flag or param.count else param.name
            takes_value.update(dict.fromkeys([*param.opts, *param.secondary_opts], name))
    words, rest = _Words(), list(args)
    while rest:
        word = rest.pop(0)
        if word == "--":
            words.arguments += rest
            break
        if word.startswith("--"):
            spelling, eq, attached = word.partition("=")
            name = takes_value.get(spelling)
            if name is not None:
                words.values.setdefault(name, []).append(attached if eq else rest.pop(0) if rest else None)
        elif word.startswith("-") and len(word) > 1:  # one or more short options: -j4, -oFILE, -o FILE
            for i, letter in enumerate(word[1:], 1):
                name = takes_value.get(f"-{letter}")
                if name is not None:
                    value = word[i + 1:] or (rest.pop(0) if rest else None)
                    words.values.setdefault(name, []).append(value)
                    break
        else:
            words.arguments.append(word)
    return words


def _last(words: _Words, name: str) -> str | None:
    given = words.values.get(name)
    return given[-1] if given else None


def _replaceable(path: str, words: _Words, option: str, name: str) -> str | None:
    """Why the file ``path`` (option ``name``'s value) must be left as it is (the run may read it), or None."""
    from scriptkit.cli.check import _not_an_input

    # (a link is written through, to the file it points at: that file is the one judged, 'r.txt' -> pack.yaml)
    target = Path(path).resolve()
    named = [*words.arguments, *(v for other, vs in words.values.items() if other != name for v in vs if v)]
    pack = words.arguments[0] if words.arguments and os.path.isdir(words.arguments[0]) else ""
    # any file of the pack a link points into: which of them the run reads was not learnt
    into_pack = bool(pack) and os.path.islink(path) and target.is_relative_to(Path(pack).resolve())
    if target.suffix.lower() in _READ_SUFFIXES or Path(path).suffix.lower() in _READ_SUFFIXES or into_pack:
        link = f" (a link to {display_path(str(target))})" if os.path.islink(path) else ""
        return f"{option} {path}{link} may be a file the run reads"
    try:  # (a .yaml in the scripts folder, where _not_a_script looks, is left above)
        _not_an_input(path, named, option)
    except ConfigError as reads:
        return reads.message
    return None


def write_refusal(command: click.Command, args: list[str], exc: click.UsageError) -> None:
    """Replace the report ``command`` writes (named in ``args``) with one saying the command line was refused by
    ``exc``; where its format cannot be known, remove it. Said on stderr when it is removed, or left as it is."""
    params = {p.name: p for p in command.params}
    for option, name in (("-o", "output"), ("--html", "html_path")):  # (audit writes both)
        if name in params and getattr(exc, "param", None) is not params[name]:
            _replace_report(command, args, exc, params, option, name)
        # (else no such report, or its path was the value refused: a folder, a file not to be written)


def _replace_report(command: click.Command, args: list[str], exc: click.UsageError, params: dict[str, click.Parameter],
                    option: str, name: str) -> None:
    words = _read(command, args)
    path = _last(words, name)
    if not path or not os.path.isfile(path):
        return  # (-o with no value, or none; a folder; or no report yet: nothing stale, and nothing was asked for)
    left = _replaceable(path, words, option, name)
    if left is not None:
        click.echo(f"scriptkit: {left}: it was left as it is.", err=True)
        return
    error = ScriptkitError(f"the command line was refused: {exc.format_message().rstrip('.')}",
                           _where(words.arguments),
                           hint=f"Nothing was {'audited' if option == '--html' else 'checked'}: fix the command line "
                                f"(`scriptkit {command.name} --help` lists its options), then run it again.")
    try:
        if command.name in _REPLIES:
            # replies, not a report: a page saying the command line was refused could be pasted, or imported, as
            # one; no file says this run made none
            os.remove(path)
            click.echo(f"scriptkit: removed {path}, an earlier run's replies: this run's command line was refused.",
                       err=True)
            return
        if option == "--html":
            _write_page(path, error)
            return
        # (audit's -o: a report in audit's shape, which a refused run cannot write; read as check's, its --from
        # json was taken for a report format and a check report was written)
        if "html_path" in params:
            os.remove(path)
            click.echo(f"scriptkit: removed {path}, an earlier run's report: this run's command line was refused.",
                       err=True)
            return
        fmt = _format(params["fmt"], _last(words, "fmt") if "fmt" in words.values else "text", path)
        if fmt is None:
            os.remove(path)
            click.echo(f"scriptkit: removed {path}, an earlier run's report: this run's command line was refused, "
                       "and its report format is not known.", err=True)
            return
        from scriptkit.cli.check import _emit, _load_errors

        _emit(_load_errors([error], Path(words.arguments[0] if words.arguments else ".")), fmt, path)
    except (ScriptkitError, OSError) as unwritten:  # (said; the usage error is still the run's)
        click.echo(f"scriptkit: {path} could not be replaced: {unwritten}", err=True)


def _where(arguments: list[str]) -> Location:
    """Where the refusal is put: the pack's settings, or the file given (as a bad --select is), else nowhere."""
    if not arguments or arguments[0] == "-":
        return Location("<command line>", 1, 1)
    first = Path(arguments[0])
    return Location(str(first / "pack.yaml") if first.is_dir() else arguments[0], 1, 1)


def _format(param: click.Parameter, asked: str | None, path: str) -> str | None:
    """The format asked for, else (the bad value, or none given after --format) the one the file's name says."""
    choices = tuple(getattr(param.type, "choices", ()))
    if asked in choices:
        return asked
    name = Path(path).name.lower()
    return next((fmt for suffix, fmt in _FORMAT_OF_SUFFIX.items() if name.endswith(suffix) and fmt in choices), None)


def _write_page(path: str, error: ScriptkitError) -> None:
    from html import escape

    from scriptkit.cli.output import writing
    from scriptkit.csp import policy_meta
    from scriptkit.fixing import write_atomic

    page = ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">" + policy_meta() +
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            "<title>scriptkit audit: the command line was refused</title></head>\n"
            "<body><h1>No audit: the command line was refused</h1>\n"
            f"<p>{escape(error.message)}. {escape(error.hint or '')} (exit code 2)</p></body></html>\n")
    with writing("the HTML report", path):
        write_atomic(Path(path), page)
