"""Rule registry: importing a family module registers its rules.

Add a family by listing its module here; third-party rules register through the
``scriptkit.rules`` entry point group.
"""

from __future__ import annotations

import importlib
import traceback
from functools import lru_cache
from types import ModuleType
from typing import TYPE_CHECKING

from scriptkit.diagnostics import Location
from scriptkit.errors import ConfigError
from scriptkit.rules.base import (
    _ON_REGISTER,
    Example,
    Finding,
    InvalidRule,
    Rule,
    RuleCollision,
    RuleContext,
    RuleWarning,
    register,
    registered,
)
from scriptkit.rules.examples import check_examples

if TYPE_CHECKING:
    from importlib.metadata import EntryPoint

#: Entry-point group of third-party rules: each names a module (importing it registers its
#: rules with ``@register``), a Rule class, or a callable returning Rule classes.
GROUP = "scriptkit.rules"

RULE_MODULES: tuple[str, ...] = ("template", "language", "readability", "warmth", "empathy", "solution", "grammar")


_loading = False  # the built-ins and plug-ins being loaded: what they register is listed at the end
_registered_since = False  # the list forgotten for a rule registered since: nothing to load again


@lru_cache(maxsize=1)
def all_rules() -> tuple[type[Rule], ...]:
    """Every rule: the built-in families' and the plug-ins' (loaded the first time), and any registered since."""
    global _loading, _registered_since
    if not _registered_since:  # (loaded once: a plug-in's function making its classes would make a second of each)
        _loading = True
        try:
            for name in RULE_MODULES:
                importlib.import_module(f"scriptkit.rules.{name}")
            _load_plugins()
        finally:
            _loading = False
    _registered_since = False
    return tuple(registered())


def _forget_rules() -> None:
    """A rule registered after the rules were listed runs from the next lint on: it used to be left out of
    every lint, and unknown to a ``select``, for the rest of the process."""
    global _registered_since
    if not _loading and all_rules.cache_info().currsize:
        _registered_since = True
        all_rules.cache_clear()


_ON_REGISTER.append(_forget_rules)


def _load_plugins() -> None:
    from importlib.metadata import entry_points  # (its import is a tenth of `scriptkit --help`)

    for ep in sorted(entry_points(group=GROUP), key=lambda e: (e.name, e.value)):
        where = f"rule plugin '{ep.name}' ({ep.value})"
        try:
            loaded = ep.load()
            if isinstance(loaded, type) and issubclass(loaded, Rule):
                register(loaded)
            elif not isinstance(loaded, ModuleType) and callable(loaded):
                for rule in loaded():
                    register(rule)
        except (InvalidRule, RuleCollision) as exc:  # (located at the class already; a collision: never a replacement)
            raise ConfigError(f"{where}: {exc.message}", exc.location, exc.hint) from None
        except Exception as exc:  # a broken third-party package must not crash the CLI
            raise _load_failed(where, ep, exc) from None


def _load_failed(where: str, ep: EntryPoint, exc: Exception) -> ConfigError:
    """A plug-in that failed to import, located where Python says it failed in the plug-in's own code (a
    syntax error at its line and column, anything else at the innermost line of the plug-in's package), with a
    hint for its cause: the plug-in's own code, an import of it, or the package not installed."""
    installed = "the package providing it is installed and up to date."
    if isinstance(exc, SyntaxError):
        location = Location(exc.filename, exc.lineno or 1, exc.offset or 1) if exc.filename else None
        return ConfigError(f"{where} failed to load: SyntaxError: {exc.msg}", location,
                           "This is a mistake in the plug-in's code: fix it there.")
    package = ep.module.partition(".")[0]
    location = innermost_line_in(package, exc)
    if location is None:  # (it failed before its code ran: not there, or the entry point names what it lacks)
        named = f"Check that the entry point '{ep.value}' names what the module defines, and that " \
            if isinstance(exc, AttributeError) and ep.attr else "Check that "
        return ConfigError(f"{where} failed to load: {type(exc).__name__}: {exc}", None, named + installed)
    if isinstance(exc, ModuleNotFoundError) and exc.name and exc.name.partition(".")[0] != package:
        hint = (f"The plug-in's code imports '{exc.name}', which Python cannot find: install it, or fix the "
                "import there.")
    elif isinstance(exc, ImportError):  # (a part of its own package missing: an incomplete install)
        hint = f"Check that {installed}"
    else:
        hint = "This is a bug in the plug-in's code, not in your files: fix it there, or tell its authors."
    return ConfigError(f"{where} failed to load: {type(exc).__name__}: {exc}", location, hint)


def innermost_line_in(package: str, exc: BaseException) -> Location | None:
    """The last line of ``exc``'s traceback that is in ``package``'s own code (its modules' frames)."""
    found = None
    for frame, line in traceback.walk_tb(exc.__traceback__):
        module = frame.f_globals.get("__name__", "")
        if isinstance(module, str) and (module == package or module.startswith(package + ".")):
            found = Location(frame.f_code.co_filename, line, 1)
    return found


__all__ = ["GROUP", "Example", "Finding", "InvalidRule", "Rule", "RuleContext", "RuleWarning", "all_rules",
           "check_examples", "register", "registered"]
