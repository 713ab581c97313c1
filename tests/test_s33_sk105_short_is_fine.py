"""SK105 reports a short email only when its advice has something for it to add (an acknowledgment, a next
step): a reply to praise, or one that acknowledges the customer and gives the next step, is short and fine."""

from __future__ import annotations

import pytest

from scriptkit import lint_text
from scriptkit.config import LintConfig, Selector
from scriptkit.linting import text_message
from scriptkit.rules.solution import short_reply_advice

# (SK105 reports a short email only where a team sets min_words: these tests read what it then says)
SK105_ONLY = LintConfig(select=(Selector("SK105"),), options={"email-length": {"min_words": 50}})


def _length_findings(text: str) -> list[str]:
    return [d.suggestion or "" for d in lint_text(text, channel="email", config=SK105_ONLY).diagnostics]


@pytest.mark.parametrize("text", [
    "This made our day, thanks so much for telling us!",  # (a thank-you for praise)
    "Hi Priya,\n\nThank you for the lovely note about the new app, I'll share it with the team!\n\nBest,\nOmar",
    "I can see how worrying the double charge is. I've reversed it today.",  # (acknowledged, a step, its time)
    "I know the wait has been a worry. Please reply with your order number and I'll check it today.",
    # (a step that owes a time frame: that is SK404's point, and adding it leaves the reply as short)
    "I can see how annoying that error is. I'll reset your account and get back to you.",
])
def test_a_short_reply_with_nothing_to_add_is_not_reported(text: str) -> None:
    message, _ = text_message(text)
    assert short_reply_advice(message) is None
    assert _length_findings(text) == []


def test_the_time_frame_a_short_reply_owes_is_still_reported_by_sk404() -> None:
    text = "I can see how annoying that error is. I'll reset your account and get back to you."
    assert "SK404" in {d.code for d in lint_text(text).diagnostics}


@pytest.mark.parametrize(("text", "advice"), [
    ("Refund done.", "Add an acknowledgment of how the customer feels."),
    ("Hi Sam,\n\nI'm sorry about the wait, I can see how frustrating it's been. Thanks.\n\nBest,\nMia",
     "Add a concrete next step."),
    ("Thanks for the kind words! Sorry the parcel was late.",  # (praise, and a problem left unanswered)
     "Add a concrete next step."),
    ("I'll reverse the charge.",
     "Add an acknowledgment of how the customer feels. Separately, say when the next step will happen."),
])
def test_a_short_reply_missing_what_it_needs_is_reported_with_what_to_add(text: str, advice: str) -> None:
    assert _length_findings(text) == [advice]
