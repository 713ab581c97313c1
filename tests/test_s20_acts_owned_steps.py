"""An owned step is the writer (I, we, let me) and a verb done, to be done or offered, with what it is done to or
when, whatever the verb: "I've emailed the invoice", "I'll ring you", "I can hold the item for you", "I've re-run
it". It was a closed list of verbs: "I've emailed the invoice to you today" after an acknowledgment was read as no
solution at all (SK401), "I'll ring you" was no step where "I'll call you" was (SK402), and "I've reissued your
ticket" left "I'm sorry" without help (SK304)."""

from __future__ import annotations

import pytest

from scriptkit.config import LintConfig
from scriptkit.linting import lint_text
from scriptkit.rules.lexicon import pattern

CONFIG = LintConfig().override(grammar="off")


def _codes(reply: str) -> set[str]:
    return {d.code for d in lint_text(reply, config=CONFIG).diagnostics}


@pytest.mark.timeout(60)
@pytest.mark.parametrize("step", [
    "I've emailed the statement to you this morning.",
    "I've reissued your boarding pass today.",
    "I'll phone you at 10am tomorrow.",
    "I'll ring you back after lunch today.",
    "I've extended your free month to the 30th.",
])
def test_an_acknowledgment_and_an_owned_step_in_one_sentence_has_a_solution(step: str) -> None:
    reply = f"Hi Jo,\n\nI can see how annoying this has been, and {step[0].lower()}{step[1:]}\n\nPriya"
    assert "SK401" not in _codes(reply)


@pytest.mark.timeout(60)
@pytest.mark.parametrize("step", [
    "I'll ring you tomorrow at 9am.",
    "I'll post the spare key first class today.",
    "I've resent the voucher today.",
    "I've closed your old account today.",
    "I've re-run the import for you now, and it finished at 2pm.",
    "I can hold the blue sofa for you until Saturday.",
    "Let me phone the depot this afternoon.",
])
def test_an_owned_step_is_a_next_step_whatever_its_verb(step: str) -> None:
    reply = f"Hi Jo,\n\nI'm sorry the order went wrong. {step}\n\nPriya"
    assert not {"SK402", "SK304"} & _codes(reply)


@pytest.mark.timeout(60)
@pytest.mark.parametrize("sentence", [
    "I can see how tiring this is.",  # seeing, feeling, knowing: no step
    "I'll be honest with you.",
    "I wanted you to know we care.",
    "Is there anything else I can help you with?",  # an offer of more help
    "We're working through them and will be in touch.",
    "We can't refund the fee today.",  # a refusal
    "We have staff on site every day.",
    "Customers resent the new rule.",  # no writer
    "We gave your table away.",  # what went wrong, no step
])
def test_what_is_no_owned_step(sentence: str) -> None:
    assert pattern("owned_steps").spans(sentence) == []
