"""One reading of "has a solution": SK401, SK105's advice and review's marks agree on a short step."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from scriptkit import lint_text
from scriptkit.cli import main
from scriptkit.linting import text_message
from scriptkit.message import Message
from scriptkit.rules.solution import short_reply_advice

SHORT_STEP = "I'm sorry about the wait, I can see how frustrating it's been. We'll check."


@pytest.mark.parametrize("reply", [
    SHORT_STEP,
    "I'm so sorry the parcel went astray, I know you needed it. Refund sent.",
])
def test_a_short_step_is_a_solution_to_sk401_and_to_sk105s_advice_alike(reply: str) -> None:
    codes = {d.code for d in lint_text(reply).diagnostics}
    assert "SK401" not in codes
    assert short_reply_advice(_message(reply)) is None  # (acknowledged, with a step: nothing for SK105 to add)


def test_a_reply_without_a_step_is_told_so_by_sk401_and_sk105_alike() -> None:
    reply = "I'm sorry about the wait, I can see how frustrating it's been. Thanks."
    codes = {d.code for d in lint_text(reply).diagnostics}
    assert "SK401" in codes
    assert short_reply_advice(_message(reply)) == "Add a concrete next step."


def test_review_does_not_tick_a_solution_it_says_is_missing() -> None:
    result = CliRunner().invoke(main, ["review", "-", "--grammar", "off"], input=SHORT_STEP + "\n")
    assert "SK401" not in result.output, result.output
    assert "already acknowledges the customer and gives the next step" not in result.output \
        or "no solution" not in result.output


def _message(text: str) -> Message:
    return text_message(text)[0]
