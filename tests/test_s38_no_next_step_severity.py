"""SK402 (no-next-step) is a suggestion by default (its precision on real replies is low); a team can raise it."""

from __future__ import annotations

from scriptkit import lint_text
from scriptkit.config import LintConfig
from scriptkit.diagnostics import Severity
from scriptkit.rules.solution import NoNextStep


def test_no_next_step_is_a_suggestion_by_default_and_a_team_can_raise_it() -> None:
    assert NoNextStep.severity is Severity.SUGGESTION
    text = "I can see how annoying the noise is. Your feedback matters to us and the matter is under review."
    [found] = [d for d in lint_text(text).diagnostics if d.code == "SK402"]
    assert found.severity is Severity.SUGGESTION
    raised = LintConfig.from_mapping({"severity": {"SK402": "warning"}})
    [found] = [d for d in lint_text(text, config=raised).diagnostics if d.code == "SK402"]
    assert found.severity is Severity.WARNING
