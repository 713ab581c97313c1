"""`scriptkit rule` as a writer meets it: a code no rule has points at the nearest code of its own
family, and a plug-in rule written as docs/python/plugins.md shows ("What it does:" over an indented
body) reads like a built-in rule, not as its raw docstring."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from scriptkit.cli import main
from scriptkit.rules.base import DOC_SECTIONS
from tests.test_rule_plugins import _install, plugin_path  # noqa: F401  (a real entry point, as pip leaves it)

DOCS = Path(__file__).resolve().parent.parent / "docs" / "python" / "plugins.md"


def run(*args: str) -> Any:
    return CliRunner().invoke(main, list(args), env={"NO_COLOR": "1"})


@pytest.mark.parametrize(("asked", "meant", "family"), [
    ("SK299", "SK208", "warmth"),       # past the family's last code: its last, not SK903 (two 9s alike)
    ("SK111", "SK101", "readability"),  # one digit off
    ("SK210", "SK201", "warmth"),       # two digits swapped
    ("SK599", "SK509", "export"),       # the export checks are codes too
    ("sk019", "SK016", "template"),
])
def test_an_unknown_code_suggests_the_nearest_of_its_family(asked: str, meant: str, family: str) -> None:
    result = run("rule", asked)
    assert result.exit_code == 2
    assert f"Did you mean '{meant}'? The {family} " in result.output
    assert re.search(rf"are SK{meant[2]}\d\d-SK{meant[2]}\d\d", result.output)


def test_a_code_of_no_family_says_so() -> None:
    result = run("rule", "SK699")
    assert result.exit_code == 2 and "No family's codes are SK6xx" in result.output
    assert "Did you mean" not in result.output


def test_the_docs_plugin_rule_reads_like_a_builtin(plugin_path: Path) -> None:  # noqa: F811
    source = re.search(r"<!-- write: acme_rules.py -->\n```python\n(.*?)```", DOCS.read_text(encoding="utf-8"), re.S)
    assert source is not None
    assert "    What it does:\n" in source.group(1)  # (the plain style this test is about)
    _install(plugin_path, "acme_rules", source.group(1), "acme = acme_rules")
    result = run("rule", "ticket-jargon")
    assert result.exit_code == 0, result.output
    shown = result.output
    for section in DOC_SECTIONS:
        assert f"\n## {section}\n" in shown, section
    assert "What it does:" not in shown
    # each body starts at the margin (indented, Markdown would show it as code)
    body = shown.split("## Example\n", 1)[1].splitlines()[0]
    assert body == "I've escalated this to L2 as a P1."
    assert "\n## Options\nwords: the jargon to flag" in shown
