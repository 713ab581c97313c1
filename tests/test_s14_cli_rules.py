"""`scriptkit rule` and `scriptkit rules` as the docs walkthrough met them: the examples they give
name real rules, and a pack's own rules are found where the messages say."""

from __future__ import annotations

import re
from typing import Any

from click.testing import CliRunner

from scriptkit.cli import main
from scriptkit.rules import all_rules


def run(*args: str) -> Any:
    return CliRunner().invoke(main, list(args), env={"NO_COLOR": "1"})


def test_rule_help_names_a_rule_that_exists() -> None:
    help_text = " ".join(run("rule", "--help").stdout.split())
    example = re.search(r"by code \((SK\d+)\) or name \(([a-z-]+)\)", help_text)
    assert example is not None, help_text
    code, name = example.groups()
    assert {r.code: r.name for r in all_rules()}[code] == name  # (the two examples are one rule)
    shown = run("rule", name)
    assert shown.exit_code == 0 and shown.stdout.startswith(f"# {code} {name}")
