"""Rule registry: importing a family module registers its rules.

Add a family by listing its module here; third-party rules register through the
``scriptkit.rules`` entry point group.
"""

from __future__ import annotations

import importlib
from functools import lru_cache
from types import ModuleType

from scriptkit.errors import ConfigError
from scriptkit.rules.base import (
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

#: Entry-point group of third-party rules: each names a module (importing it registers its
#: rules with ``@register``), a Rule class, or a callable returning Rule classes.
GROUP = "scriptkit.rules"

RULE_MODULES: tuple[str, ...] = ("template", "language", "readability", "warmth", "empathy", "solution", "grammar")


@lru_cache(maxsize=1)
def all_rules() -> tuple[type[Rule], ...]:
    for name in RULE_MODULES:
        importlib.import_module(f"scriptkit.rules.{name}")
    _load_plugins()
    return tuple(registered())


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
        except InvalidRule as exc:  # (located at the class already)
            raise ConfigError(f"{where}: {exc.message}", exc.location, exc.hint) from None
        except RuleCollision as exc:  # (register refuses a second rule under a code or name: never a replacement)
            raise ConfigError(f"{where}: {exc}",
                              hint="Give the plug-in's rule a code and a name of its own.") from None
        except Exception as exc:  # a broken third-party package must not crash the CLI
            raise ConfigError(f"{where} failed to load: {type(exc).__name__}: {exc}",
                              hint="Check that the package providing it is installed and up to date.") from None


__all__ = ["GROUP", "Example", "Finding", "InvalidRule", "Rule", "RuleContext", "RuleWarning", "all_rules", "register",
           "registered"]
