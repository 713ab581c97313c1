"""Rule registry: importing a family module registers its rules.

Add a family by listing its module here; third-party rules register through the
``scriptkit.rules`` entry point group.
"""

from __future__ import annotations

import importlib
from functools import lru_cache

from scriptkit.rules.base import Example, Finding, Rule, RuleContext, register, registered

RULE_MODULES: tuple[str, ...] = ("template", "readability", "warmth", "empathy", "solution", "grammar")


@lru_cache(maxsize=1)
def all_rules() -> tuple[type[Rule], ...]:
    for name in RULE_MODULES:
        importlib.import_module(f"scriptkit.rules.{name}")
    return tuple(registered())


__all__ = ["Example", "Finding", "Rule", "RuleContext", "all_rules", "register", "registered"]
