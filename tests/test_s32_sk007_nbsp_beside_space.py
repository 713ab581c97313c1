"""SK007's fix for '&nbsp;' wrote a space even where one was already typed beside it: 'again &nbsp;within' became
'again  within', a double space nothing reported. Beside a space (or another no-break space's code) it is deleted."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from scriptkit.cli import main
from scriptkit.linting import lint_text

SCRIPT = """id: retry
title: Sign in again
channels: [email]
acknowledgment: I'm sorry signing in failed.
solution: {solution}
"""


def _fixed(make_pack, solution: str) -> str:  # type: ignore[no-untyped-def]
    pack: Path = make_pack({"retry.yaml": SCRIPT.format(solution=solution)})
    result = CliRunner().invoke(main, ["check", str(pack), "--fix", "--grammar", "off", "--select", "SK007"])
    assert result.exit_code == 0, result.output
    return (pack / "scripts" / "retry.yaml").read_text(encoding="utf-8").splitlines()[-1]


@pytest.mark.parametrize(("typed", "fixed"), [
    ("Please try again &nbsp;within the hour.", "Please try again within the hour."),
    ("Please try again&nbsp; within the hour.", "Please try again within the hour."),
    ("Please try again&nbsp;&nbsp;within the hour.", "Please try again within the hour."),
    ("Please try again &nbsp;&nbsp;within the hour.", "Please try again within the hour."),
    ("Please try again &#160;&nbsp;within the hour.", "Please try again within the hour."),
    ("Please try again&nbsp;within the hour.", "Please try again within the hour."),  # (no space beside: one)
])
def test_a_no_break_space_beside_a_space_is_deleted(make_pack, typed: str, fixed: str) -> None:  # type: ignore[no-untyped-def]
    assert _fixed(make_pack, typed) == f"solution: {fixed}"


def test_the_suggestion_says_it_is_deleted_where_a_space_is_beside_it() -> None:
    found = [d for d in lint_text("I'm sorry. Please try again &nbsp;within the hour.", grammar="off").diagnostics
             if d.code == "SK007"]
    assert [d.text for d in found] == ["&nbsp;"]
    assert "delete" in (found[0].suggestion or "").lower()
