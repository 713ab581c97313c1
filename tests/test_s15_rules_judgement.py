"""Findings a support lead reading real replies would call wrong or doubled, each fixed in the rules or
their phrase data: sentences written for these tests, in the style of the replies that drew them."""

from __future__ import annotations

import pytest

from scriptkit.linting import lint_text


def codes(text: str) -> list[str]:
    return [d.code for d in lint_text(text).diagnostics]


def found(text: str, code: str) -> list[str]:
    return [d.text for d in lint_text(text).diagnostics if d.code == code]


# ---------------------------------------------------------------- SK203 beside SK201: one finding per phrase

STOCK = ("We are glad the card works again. We have added the new address to your account. "
         "If you need anything more, please do not hesitate to contact us.")


def test_a_stiff_form_inside_a_stock_phrase_is_left_to_the_stock_phrase() -> None:
    assert "please do not hesitate to contact us" in found(STOCK, "SK201")
    # "do not" sits inside the stock line SK201 rewrites whole: contracting it alone was a second finding
    assert found(STOCK, "SK203") == ["We are", "We have"]


def test_a_stock_phrase_still_counts_towards_min_forms() -> None:
    # one form outside the stock line, one inside: the reply is as stiff as with two outside
    text = "We are glad the card works. If you need anything more, please do not hesitate to contact us."
    assert found(text, "SK203") == ["We are"]


def test_a_stiff_form_outside_any_stock_phrase_is_still_reported() -> None:
    text = "I am sorry the card was declined. We will send a new one today, and you do not need to do anything."
    assert found(text, "SK203") == ["I am", "We will", "do not"]


# ---------------------------------------------------------------- feeling words that name no feeling

@pytest.mark.parametrize("line", [
    "Thank you for all your hard work on the migration!",
    "Take your time, and if you get stuck on a step, tell me which one and I'll walk you through it.",
    "Reopen the ticket when you have a moment, but no worries if not!",
])
def test_praise_a_hypothetical_or_no_worries_is_not_an_acknowledgment(line: str) -> None:
    # after another sentence, each was read as a late acknowledgment (SK302) of a feeling nobody has
    text = f"I've moved your files to the new server. {line}"
    assert "SK302" not in codes(text)
    assert "SK301" in codes(text)  # (nothing else acknowledges the customer either)


@pytest.mark.parametrize("text", [
    "I can see you're stuck on the last step, and that's so annoying. I've reset the form for you.",
    "I know you're worried about the charge. I've refunded it today.",
    "That must have been a hard week for you. I've refunded the order today.",
])
def test_a_feeling_named_for_the_customer_still_acknowledges(text: str) -> None:
    assert "SK301" not in codes(text)


# ---------------------------------------------------------------- SK304: a question about the problem is help

def test_sorry_with_a_question_about_the_problem_is_not_sympathy_alone() -> None:
    assert "SK304" not in codes("Sorry to hear the app keeps freezing. Does it happen on the home screen, "
                                "or only when you open your basket?")


@pytest.mark.parametrize("text", [
    "Sorry to hear the app keeps freezing.",
    "Sorry to hear the app keeps freezing. Do you have any other questions for us?",
])
def test_sorry_alone_or_with_an_offer_of_more_help_is_still_sympathy_alone(text: str) -> None:
    assert "SK304" in codes(text)
