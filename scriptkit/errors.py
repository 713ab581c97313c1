"""One error tree. Every user-facing error carries where it happened and how to fix it."""

from __future__ import annotations

import errno
import os
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:  # (only named in annotations: diagnostics imports this module)
    from pathlib import Path

    from scriptkit.diagnostics import Location


class ScriptkitError(Exception):
    """Base of every error scriptkit raises on purpose; the CLI maps it to exit code 2."""

    exit_code = 2

    def __init__(self, message: str, location: Location | None = None, hint: str | None = None):
        super().__init__(message)
        self.message = message
        self.location = location
        self.hint = hint

    def __str__(self) -> str:
        where = f"{self.location}: " if self.location else ""
        return f"{where}{two_sentences(self.message, self.hint)}"

    def __reduce__(self) -> tuple[Any, ...]:
        # Rebuilt from its attributes, not by calling __init__ with the message again (Exception's way): a
        # subclass takes other arguments (ErrorGroup its errors, ExportRefused its findings), and an error a
        # worker process raised could not be unpickled in the parent (a BrokenProcessPool in its place).
        return _rebuilt, (type(self), self.args, self.__dict__)


def _rebuilt(cls: type[ScriptkitError], args: tuple[Any, ...], state: dict[str, Any]) -> ScriptkitError:
    """A pickled ``ScriptkitError`` of ``cls`` from its ``args`` and attributes, without its ``__init__``."""
    error = cls.__new__(cls)
    error.args = args
    error.__dict__.update(state)
    return error


def two_sentences(first: str, second: str | None) -> str:
    """``first`` then ``second`` as two sentences of one line: a full stop ends ``first`` unless
    it already ends its sentence (``.``, ``!``, ``?`` or ``:``, or one of the first three inside
    a closing quote or bracket), so a message and its hint do not run together."""
    if not second:
        return first
    first = first.rstrip()
    # (a quoted ':' is a character named, "after the ':'", not the end of a sentence)
    ended = first.endswith(":") or first.rstrip("\"'”’)]").endswith((".", "!", "?"))
    return f"{first}{'' if ended else '.'} {second}"


def argument_named(value: object) -> str:
    """A caller's argument as a message names it: "the str 'x'", "None", "a dict"."""
    return ("None" if value is None else f"the {type(value).__name__} {value!r:.60}"
            if isinstance(value, str | bytes | int | float) else f"a {type(value).__name__}")


class PackError(ScriptkitError):
    """A problem in a pack's YAML or templates."""


class TemplateSecurityError(PackError):
    """A template tried to reach something the sandbox forbids."""


class ConfigError(ScriptkitError):
    """A bad setting or command-line option."""


class ImportFormatError(ScriptkitError):
    """An export file from a helpdesk that cannot be read."""


class EngineUnavailable(ScriptkitError):
    """An external engine (LanguageTool) is configured but cannot be reached."""


class ErrorGroup(ScriptkitError):
    """Several problems found in one run, reported together."""

    def __init__(self, errors: Iterable[ScriptkitError]):
        self.errors = sorted(errors, key=_error_key)
        super().__init__(f"{len(self.errors)} problem(s) found")

    def __str__(self) -> str:
        return "\n".join(str(e) for e in self.errors)


def each_error(error: ScriptkitError) -> list[ScriptkitError]:
    """The problems ``error`` stands for: a group's, or itself."""
    return list(error.errors) if isinstance(error, ErrorGroup) else [error]


def _error_key(error: ScriptkitError) -> tuple[str, int, int, str]:
    loc = error.location
    return (loc.file, loc.line, loc.col, error.message) if loc else ("", 0, 0, error.message)


class ErrorCollector:
    """Gathers errors so one run reports all of them; ``raise_if_any`` ends the run."""

    def __init__(self) -> None:
        self.errors: list[ScriptkitError] = []

    def add(self, message: str, location: Location | None = None, hint: str | None = None,
            kind: type[ScriptkitError] = PackError) -> None:
        self.errors.append(kind(message, location, hint))

    def extend(self, errors: Iterable[ScriptkitError]) -> None:
        for error in errors:
            if isinstance(error, ErrorGroup):
                self.errors.extend(error.errors)
            else:
                self.errors.append(error)

    def raise_if_any(self) -> None:
        self.errors = list({str(e): e for e in self.errors}.values())  # one report per problem
        if self.errors:
            if len(self.errors) == 1:
                raise self.errors[0]
            raise ErrorGroup(self.errors)


_Error = TypeVar("_Error", bound=ScriptkitError)


def path_error(exc: OSError, path: str | os.PathLike[str], kind: type[_Error], *, writing: bool = False) -> _Error:
    """A path's OSError (too long a name, a folder that may not be opened) as a located error of
    ``kind``: what cannot be read (or, ``writing``, written to), and why. One wording for every
    entry point that takes a path: load_pack, load_config, import_library, export, rules files."""
    from scriptkit.diagnostics import Location

    name = exc.filename if isinstance(exc.filename, str) else os.fspath(path)
    shown = name if len(name) <= 80 else f"{name[:60]}…{name[-10:]} ({len(name):,} characters)"
    if exc.errno == errno.ENAMETOOLONG:
        hint = ("Check the path: a name between two '/' may be 255 bytes long at most on most systems, "
                "a whole path a few thousand.")
    elif exc.errno in (errno.EACCES, errno.EPERM) and writing:
        hint = ("Give yourself permission to write there (chmod u+rwx on the folder and those above it), "
                "or choose a folder you may write to.")
    elif exc.errno in (errno.EACCES, errno.EPERM):
        hint = ("Give yourself permission to read it and the folders above it (chmod u+rx on the folders, "
                "u+r on the files), or copy the pack somewhere you may read.")
    else:
        hint = f"Check the path, and that you may {'write there' if writing else 'read it'}."
    verb = "write to" if writing else "read"
    return kind(f"cannot {verb} {shown}: {exc.strerror or exc}", Location(name, 1, 1), hint)


def no_file_in_the_way(folder: Path, named: str | os.PathLike[str], what: str) -> None:
    """Refuse ``named`` when a file stands where ``folder``, or one above it, would be made (a ConfigError):
    said before a long run, whose folders are made only as it writes."""
    from scriptkit.diagnostics import Location

    for step in (*reversed(folder.parents), folder):
        if step.exists() and not step.is_dir():
            raise ConfigError(f"cannot write {what} to {os.fspath(named)}: {step} is a file, not a folder",
                              Location(os.fspath(named), 1, 1),
                              "Name a path whose folders are folders, or move the file.")


def make_folder(folder: Path, named: str | os.PathLike[str], what: str) -> None:
    """Create ``folder`` and those above it, to write ``what`` ("the export") to ``named`` (the path as the
    caller gave it). A file where one of them would go, or a folder the system will not make (``/proc/x``,
    no permission), is a ConfigError located at ``named``, as the CLI's ``make_folder_for`` says it, not an
    OSError from deep inside a write."""
    no_file_in_the_way(folder, named, what)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:  # (named as the caller named it, not as the folder being made: maybe a temporary one)
        raise path_error(OSError(exc.errno, exc.strerror), named, ConfigError, writing=True) from None
