"""Reading a rule's options (from ``rules: options:`` in pack.yaml or scriptkit.toml) safely.

Each reader takes the rule's class, the ``RuleContext`` its ``check`` was given and the option's
name, and returns the value set for it, or the rule's default (``Rule.options``), checked::

    limit = options.number(type(self), ctx, "max_amount", 0, 1_000_000)

A wrong value is a settings mistake, not a rule bug: it raises ``ConfigError`` (exit 2) located
at the value in the settings, naming the rule, the option, what was given and what is expected.
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


def _written(number: float) -> str:
    """``number`` as a writer writes it: 1,000,000 and 0.5 (``:g`` said 1e+06)."""
    return f"{int(number):,}" if float(number).is_integer() else f"{number:,}"


def number(rule: type[Rule], ctx: RuleContext, name: str, lo: float, hi: float) -> float:
    """Option ``name`` as a number from ``lo`` to ``hi`` (both included; a whole number or not), as a float.

    ``options.number(type(self), ctx, "max_amount", 0, 1_000_000)``. Raises ``ConfigError`` for anything
    else ("must be a number from 0 to 1,000,000"). A whole-number default (``1000``) takes ``2.5`` here.
    """
    checked: float | None = ctx.checked.get((rule, name))
    if checked is not None:
        return checked
    value = ctx.option(name, rule.options.get(name))
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not lo <= value <= hi:
        raise _bad(rule, ctx, name, value, f"a number from {_written(lo)} to {_written(hi)}")
    ctx.checked[rule, name] = float(value)
    return float(value)


def integer(rule: type[Rule], ctx: RuleContext, name: str, lo: int) -> int:
    """Option ``name`` as a whole number of at least ``lo``.

    ``options.integer(type(self), ctx, "max_words", 1)``. Raises ``ConfigError`` for anything else
    (``2.5``, ``"ten"``, ``0``: "must be a whole number of at least 1").
    """
    checked: int | None = ctx.checked.get((rule, name))
    if checked is not None:
        return checked
    value = ctx.option(name, rule.options.get(name))
    if isinstance(value, bool) or not isinstance(value, int) or value < lo:
        raise _bad(rule, ctx, name, value, f"a whole number of at least {_written(lo)}")
    ctx.checked[rule, name] = value
    return value


def text(rule: type[Rule], ctx: RuleContext, name: str) -> str:
    """Option ``name`` as text, stripped: ``options.text(type(self), ctx, "currency")``.

    Raises ``ConfigError`` for anything else (a number, a list, nothing) or blank text ("must be text").
    """
    checked: str | None = ctx.checked.get((rule, name))
    if checked is not None:
        return checked
    value = ctx.option(name, rule.options.get(name))
    if not isinstance(value, str) or not value.strip():
        raise _bad(rule, ctx, name, value, "text")
    ctx.checked[rule, name] = value.strip()
    return value.strip()


def phrases(rule: type[Rule], ctx: RuleContext, name: str) -> frozenset[str]:
    """Option ``name`` as a list of phrases, normalised (lower case, single spaces) for comparison.

    ``options.phrases(type(self), ctx, "allow")`` for ``allow: [kindly, at your earliest convenience]``;
    none set is the empty set. Raises ``ConfigError`` for anything but a list of text ("must be a list of
    phrases").
    """
    value = ctx.option(name, rule.options.get(name)) or []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise _bad(rule, ctx, name, value, "a list of phrases")
    return frozenset(" ".join(v.lower().split()) for v in value)


def entries(rule: type[Rule], ctx: RuleContext, name: str, required: tuple[str, ...],
            optional: Mapping[str, type]) -> list[dict[str, Any]]:
    """Option ``name`` as a list of mappings, each with every ``required`` key (non-blank text) and any of
    ``optional``'s (of its type), no other.

    ``options.entries(type(self), ctx, "swaps", ("phrase", "replacement"), {"note": str})`` for
    ``swaps: [{phrase: asap, replacement: by Friday}]``. Raises ``ConfigError`` at the first entry that
    does not fit ("must be an entry of a list of {phrase, replacement, note}").
    """
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
