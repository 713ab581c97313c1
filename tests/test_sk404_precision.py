"""SK404 on replies whose next step is the customer's answer (session 34 review): a diagnostic question
("Which browser are you using?") or a request for details ("Could you send me a screenshot of the error?") was read
as handing the problem back and asked for a time frame, and a background sentence naming "we" ("We updated the
app last week.") stood in the way of reading the customer's step as the next one."""

from __future__ import annotations

import pytest

from scriptkit.config import LintConfig, Selector
from scriptkit.linting import lint_text


def _codes(text: str) -> set[str]:
    config = LintConfig(select=(Selector("SK404"),), grammar="off")
    return {d.code for d in lint_text(text, channel="email", config=config).diagnostics}


_SORRY = "I'm sorry the app keeps freezing on you."


@pytest.mark.timeout(60)
@pytest.mark.parametrize("step", [
    "Which browser are you using?",
    "Could you send me a screenshot of the error?",
    "Please reply with the email address on your account.",
    "What phone model are you on? We'll go from there.",
    "Pop us a DM with your username and we'll take a look.",
    "Please message us privately so we can look into this.",
    "Can you DM me the order number? I'd be happy to look into it further.",
    "To reset it, we will need the email on your account. Once we have it, we'll be glad to help.",
    "We rolled out a new version of the app last week. Could you tell me which version you have?",
])
def test_a_reply_waiting_on_the_customers_answer_owes_no_time_frame(step: str) -> None:
    assert "SK404" not in _codes(f"{_SORRY} {step}")


@pytest.mark.timeout(60)
@pytest.mark.parametrize("step", [
    "We'll look into it.",
    "I'll look into it. If you have any other questions, let me know.",
    "I'll look into it. Which browser are you using?",
    "I'll send it on the first available van.",
    "I've passed this to our developers. Could you send me a screenshot of the error?",
    "Please send a photo of the screen and I'll send a replacement phone.",
    "DM us your username and we'll get back to you soon.",
])
def test_a_step_of_ours_still_owes_a_when(step: str) -> None:
    assert "SK404" in _codes(f"{_SORRY} {step}")


@pytest.mark.timeout(60)
def test_a_return_still_asks_what_happens_then() -> None:
    # (goods sent back are no answer: the customer then waits for the refund or the replacement)
    assert "SK404" in _codes("I'm sorry the kettle arrived cracked. Please return it to us in its box.")
