"""SK800 covers a setting that is not applied (an unknown selector, a grammar server only the pack names): its
name says so, and the name it had before still selects it in a team's settings."""
from __future__ import annotations

from scriptkit.config import LintConfig
from scriptkit.linting import lint_text


def test_an_unknown_selector_is_reported_as_a_setting_not_applied() -> None:
    config = LintConfig().override(ignore=["warmthh"], grammar="off")
    found = [d for d in lint_text("I'm sorry this happened. I'll refund you today.", config=config).diagnostics
             if d.code == "SK800"]
    assert [d.name for d in found] == ["setting-not-applied"]


def test_the_old_name_still_silences_it() -> None:
    config = LintConfig().override(ignore=["warmthh", "unknown-selector"], grammar="off")
    result = lint_text("I'm sorry this happened. I'll refund you today.", config=config)
    assert not [d for d in result.diagnostics if d.code == "SK800"]
