"""SK403 (no-owner) is a suggestion by default (its precision on real replies is low); a team can raise it."""

from __future__ import annotations

from scriptkit import lint_text
from scriptkit.config import LintConfig
from scriptkit.diagnostics import Severity
from scriptkit.rules.solution import NoOwner


def test_no_owner_is_a_suggestion_by_default_and_a_team_can_raise_it() -> None:
    assert NoOwner.severity is Severity.SUGGESTION
    text = "I can see how frustrating this is. A replacement will be sent today."
    [found] = [d for d in lint_text(text).diagnostics if d.code == "SK403"]
    assert found.severity is Severity.SUGGESTION
    raised = LintConfig.from_mapping({"severity": {"SK403": "warning"}})
    [found] = [d for d in lint_text(text, config=raised).diagnostics if d.code == "SK403"]
    assert found.severity is Severity.WARNING
