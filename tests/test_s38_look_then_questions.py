"""SK404 asked "when" of a look that the questions after it are for ("Let's take a look. Could you tell me the order
number?"): the look starts with the customer's answer, so no time can be promised before it, as "DM us and we'll
take a look." promises none. A look under way ("I'll look into it."), or a step beside the questions, still owes a
when."""

from __future__ import annotations

import pytest

from scriptkit.linting import lint_text


def _codes(body: str, channel: str = "email") -> set[str]:
    text = (f"Hi Maya,\n\nI'm so sorry your order hasn't arrived yet, that's really frustrating.\n\n"
            f"{body}\n\nThanks,\nJo\n")
    return {d.code for d in lint_text(text, channel=channel).diagnostics}


@pytest.mark.parametrize("body", [
    "Let's take a look. Could you tell me the order number, and the address you used at checkout?",
    "Okay, let me check. Which email address did you order with?",
    "Let me take a look at your order. What email did you use?",
    "Let me look into this for you. Could you send me a photo of the label?",
])
@pytest.mark.parametrize("channel", ["email", "chat"])
def test_a_look_the_questions_are_for_waits_on_the_answer(body: str, channel: str) -> None:
    assert "SK404" not in _codes(body, channel)


@pytest.mark.parametrize("body", [
    "Let's take a look.",  # (an email's look alone still owes a when)
    "I'll look into it. Which browser are you using?",  # (a look under way)
    "Let me check with the warehouse. Could you send a photo of the box?",  # (a step that takes its own time)
    "Let's take a look. I've passed this to our developers. Could you send a screenshot?",  # (a step beside it)
    "Could you send me the order number? I'll send a replacement.",
])
def test_a_step_of_ours_still_owes_a_when(body: str) -> None:
    assert "SK404" in _codes(body)
