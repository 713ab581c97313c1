"""Rule docs' examples are flagged by review with their rule; SK101 and SK102 show values that agree with
the threshold."""

from __future__ import annotations

import inspect
import re

import pytest

from scriptkit import lint_text
from scriptkit.config import LintConfig
from scriptkit.rules.base import Rule
from scriptkit.rules.readability import HighGradeLevel, LowReadingEase, _scores
from scriptkit.rules.solution import NoNextStep


def _example(rule: type[Rule]) -> str:
    docs = inspect.cleandoc(rule.__doc__ or "")
    found = re.search(r"^## Example\n(.*?)\n\n## ", docs, re.S | re.M)
    assert found is not None
    return " ".join(found.group(1).split()).strip('"')


@pytest.mark.parametrize("rule", [LowReadingEase, HighGradeLevel, NoNextStep])
def test_a_rules_docs_example_is_flagged_by_review_with_that_rule(rule: type[Rule]) -> None:
    example = _example(rule)
    assert rule.code in {d.code for d in lint_text(example).diagnostics}, example


TEXT = ("We acknowledge the inconvenience, and our team will investigate the circumstances thoroughly. "
        "I'll contact you tomorrow with an update on the replacement.")


def _shown(message: str) -> tuple[float, str]:
    numbers = re.findall(r"\d+(?:\.\d+)?", message)
    return float(numbers[0]), numbers[1]


@pytest.mark.parametrize("nudge", [0.004, 0.3, 0.5])
def test_sk101_never_shows_a_score_that_meets_the_minimum_it_asks_for(nudge: float) -> None:
    scores = _scores(TEXT, "en-US")
    assert scores is not None
    minimum = round(scores.reading_ease + nudge, 3)
    config = LintConfig(options={"SK101": {"min": minimum}})
    found = [d for d in lint_text(TEXT, config=config).diagnostics if d.code == "SK101"]
    assert found, "the reply scores below the minimum"
    value, threshold = _shown(found[0].message)
    assert value < minimum and float(threshold) == minimum, found[0].message


@pytest.mark.parametrize("nudge", [0.004, 0.3, 0.5])
def test_sk102_shows_the_maximum_as_configured_and_a_grade_above_it(nudge: float) -> None:
    scores = _scores(TEXT, "en-US")
    assert scores is not None
    maximum = round(scores.grade - nudge, 3)
    config = LintConfig(options={"SK102": {"max": maximum}})
    found = [d for d in lint_text(TEXT, config=config).diagnostics if d.code == "SK102"]
    assert found, "the reply reads above the maximum"
    value, threshold = _shown(found[0].message)
    assert value > maximum and float(threshold) == maximum, found[0].message


def test_sk102_at_its_default_still_reads_grade_8() -> None:
    found = [d for d in lint_text(_example(HighGradeLevel)).diagnostics if d.code == "SK102"]
    assert found and "aim for grade 8 or below" in found[0].message
