"""Reading a rule's options (from ``rules: options:`` in pack.yaml or scriptkit.toml) safely.

A wrong type is a settings mistake, not a rule bug: it raises ``ConfigError`` (exit 2) that
names the rule, the option, what was given and what is expected.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from scriptkit.errors import ConfigError
from scriptkit.rules.base import Rule, RuleContext


def _bad(rule: type[Rule], ctx: RuleContext, name: str, value: Any, expected: str) -> ConfigError:
    """The error, at the value in the settings (by name, as a name's options override a code's)."""
    where = ctx.value_locations
    location = where.get((rule.name, name)) or where.get((rule.code, name))
    default = rule.options.get(name)
    fix = f"Set it to {expected}" if location is not None else \
        f"Set it under rules: options: {rule.name}: {name}: to {expected}"
    fallback = f", or leave it out for the default ({default!r})." if default not in (None, [], {}) else "."
    return ConfigError(f"option '{name}' of rule {rule.code} [{rule.name}] must be {expected}, not {value!r}",
                       location, fix + fallback)


def number(rule: type[Rule], ctx: RuleContext, name: str, lo: float, hi: float) -> float:
    checked: float | None = ctx.checked.get((rule, name))
    if checked is not None:
        return checked
    value = ctx.option(name, rule.options.get(name))
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not lo <= value <= hi:
        raise _bad(rule, ctx, name, value, f"a number from {lo:g} to {hi:g}")
    ctx.checked[rule, name] = float(value)
    return float(value)


def integer(rule: type[Rule], ctx: RuleContext, name: str, lo: int) -> int:
    checked: int | None = ctx.checked.get((rule, name))
    if checked is not None:
        return checked
    value = ctx.option(name, rule.options.get(name))
    if isinstance(value, bool) or not isinstance(value, int) or value < lo:
        raise _bad(rule, ctx, name, value, f"a whole number of at least {lo}")
    ctx.checked[rule, name] = value
    return value


def phrases(rule: type[Rule], ctx: RuleContext, name: str) -> frozenset[str]:
    """A list of phrases, normalised (lower case, single spaces) for comparison."""
    value = ctx.option(name, rule.options.get(name)) or []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise _bad(rule, ctx, name, value, "a list of phrases")
    return frozenset(" ".join(v.lower().split()) for v in value)


def entries(rule: type[Rule], ctx: RuleContext, name: str, required: tuple[str, ...],
            optional: Mapping[str, type]) -> list[dict[str, Any]]:
    """A list of mappings such as ``{phrase: ..., replacement: ..., note: ...}``."""
    value = ctx.option(name, rule.options.get(name)) or []
    shape = "a list of {" + ", ".join([*required, *optional]) + "}"
    if not isinstance(value, list):
        raise _bad(rule, ctx, name, value, shape)
    out: list[dict[str, Any]] = []
    for item in value:
        ok = isinstance(item, Mapping) and all(isinstance(item.get(k), str) and item.get(k) for k in required) \
            and all(k in required or k in optional for k in item) \
            and all(isinstance(item[k], t) for k, t in optional.items() if k in item)
        if not ok:
            raise _bad(rule, ctx, name, item, f"an entry of {shape}")
        out.append(dict(item))
    return out
