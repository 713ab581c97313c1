"""Export targets: one module per helpdesk or output format, found through entry points.

Built-in targets are registered in pyproject.toml under the ``scriptkit.targets`` entry-point
group, the same group a third-party package uses to add its own::

    [project.entry-points."scriptkit.targets"]
    mydesk = "mydesk_scriptkit:target"      # a zero-argument callable returning a Target
"""

from __future__ import annotations

import difflib
from functools import cache, lru_cache
from importlib.metadata import EntryPoint, entry_points

from scriptkit.errors import ConfigError
from scriptkit.targets.base import (
    EXPORT_CODES,
    BaseTarget,
    Dialect,
    Limits,
    Payload,
    Problem,
    Rendered,
    Target,
    blank_marker,
)

GROUP = "scriptkit.targets"


@lru_cache(maxsize=1)
def _entry_points() -> dict[str, EntryPoint]:
    found: dict[str, EntryPoint] = {}
    for ep in sorted(entry_points(group=GROUP), key=lambda e: (e.name, e.value)):
        found.setdefault(ep.name, ep)  # the same distribution seen twice (editable + site) is one target
    return found


def available() -> list[str]:
    """Names of every installed target, sorted."""
    return sorted(_entry_points())


@cache
def get(name: str) -> Target:
    """Load the target called ``name``; an unknown or broken target is a ConfigError."""
    eps = _entry_points()
    if name not in eps:
        close = difflib.get_close_matches(name, list(eps), n=1)
        hint = f"Did you mean '{close[0]}'? " if close else ""
        if not eps:
            hint += "No targets are registered: reinstall scriptkit so its entry points exist."
        else:
            hint += f"Available: {', '.join(sorted(eps))}, or 'all'."
        raise ConfigError(f"unknown export target '{name}'", hint=hint)
    ep = eps[name]
    try:
        factory = ep.load()
        made = factory()
    except Exception as exc:  # a third-party plug-in failing to import must not crash the CLI
        raise ConfigError(f"export target '{name}' ({ep.value}) failed to load: {type(exc).__name__}: {exc}",
                          hint="Check that the package providing it is installed and up to date.") from None
    if not isinstance(made, Target):
        raise ConfigError(f"export target '{name}' ({ep.value}) does not provide the Target interface",
                          hint="It needs name, summary, channels, variants, limits, settings_keys, render, "
                               "check, measure and files.")
    if made.name != name:
        raise ConfigError(f"export target registered as '{name}' calls itself '{made.name}'")
    return made


def resolve(names: list[str] | tuple[str, ...]) -> list[Target]:
    """``["all"]`` or a list of names -> targets, in the order given, without repeats."""
    wanted: list[str] = []
    for name in names:
        for n in (available() if name == "all" else [name]):
            if n not in wanted:
                wanted.append(n)
    return [get(n) for n in wanted]


__all__ = [
    "EXPORT_CODES",
    "GROUP",
    "BaseTarget",
    "Dialect",
    "Limits",
    "Payload",
    "Problem",
    "Rendered",
    "Target",
    "available",
    "blank_marker",
    "get",
    "resolve",
]
