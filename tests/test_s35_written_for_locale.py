"""The rules' shared question 'are these replies written for en-GB?' is public (solution.py imported warmth.py's
private helper for it): what the writer said (pack.yaml's locale:, review --locale) answers it, and nothing else."""

from __future__ import annotations

from scriptkit.rules.base import RuleContext
from scriptkit.rules.warmth import written_for_locale


def test_the_locale_said_for_free_text_answers_in_any_case() -> None:
    said = RuleContext(None, {}, text_locale="en-GB")
    assert (written_for_locale(said, "en-gb"), written_for_locale(said, "en-US")) == (True, False)


def test_a_locale_nobody_said_is_none() -> None:
    assert not written_for_locale(RuleContext(None, {}), "en-US")
