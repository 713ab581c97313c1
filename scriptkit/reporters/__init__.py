"""Reporters: one module per output format, each exposing ``report(result, stream)``.

``text`` is for people (grouped by file, with context); ``json`` for scripts; ``sarif`` for
code-scanning dashboards; ``github`` for workflow annotations; ``junit`` for CI test views.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from scriptkit.errors import ConfigError

if TYPE_CHECKING:
    from scriptkit.linting import LintResult

FORMATS: tuple[str, ...] = ("text", "json", "sarif", "github", "junit")

Reporter = Callable[["LintResult", TextIO], None]


def get_reporter(name: str) -> Reporter:
    if name not in FORMATS:
        raise ConfigError(f"unknown output format '{name}'", hint=f"Use one of: {', '.join(FORMATS)}.")
    module = importlib.import_module(f"scriptkit.reporters.{name}")
    report: Reporter = module.report
    return report


def display_path(file: str) -> str:
    """``file`` relative to the working folder when it is inside it, with forward slashes."""
    if file.startswith("<"):
        return file
    try:
        rel = os.path.relpath(file)
    except ValueError:  # another drive on Windows
        return Path(file).as_posix()
    return Path(file).as_posix() if rel.startswith("..") else Path(rel).as_posix()


def rule_lookup(result: LintResult) -> dict[str, type]:
    """Code -> rule class for every rule that ran (plus any other code a diagnostic names)."""
    from scriptkit.rules import all_rules

    table: dict[str, type] = {r.code: r for r in result.rules}
    known = {r.code: r for r in (*all_rules(), *result.config.custom)}
    for d in result.diagnostics:
        if d.code not in table and d.code in known:
            table[d.code] = known[d.code]
    return table
