"""SK207's message when the reply's only apology is the formal kind: "no ... apology" contradicted
the writer, who sees "We apologize for ..." in their reply."""

from __future__ import annotations

import pytest

from scriptkit.config import LintConfig
from scriptkit.diagnostics import Diagnostic
from scriptkit.linting import lint_text

SOLUTION = "A replacement has been sent and will arrive on Friday."


def _sk207(reply: str) -> list[Diagnostic]:
    result = lint_text(reply, file="reply.txt", config=LintConfig().override(grammar="off"))
    return [d for d in result.diagnostics if d.code == "SK207"]


@pytest.mark.parametrize(("opening", "quoted"), [
    ("We apologize for the delay with your order.", "We apologize for"),
    ("Please accept our apologies for the wait.", "Please accept our apologies"),
    ("The company regrets the mix-up.", "The company regrets"),
])
def test_a_formal_apology_is_named_and_the_personal_form_offered(opening: str, quoted: str) -> None:
    plain = _sk207(SOLUTION)
    found = _sk207(f"{opening} {SOLUTION}")
    assert len(plain) == len(found) == 1, found
    d = found[0]
    assert d.message == (f'the reply has no warm line: its apology "{quoted}" is the formal kind, not a person '
                         "speaking, and there is no thanks, reassurance or hope"), d.message
    assert "no thanks, reassurance, validation, hope or apology" not in d.message
    assert '"I\'m sorry ...' in (d.suggestion or ""), d.suggestion
    # the finding itself is the same one: the whole reply, from its first sentence
    assert (d.location.line, d.location.col, d.severity) == (1, 1, plain[0].severity)


def test_a_reply_with_no_apology_keeps_the_message_and_a_personal_apology_is_warm() -> None:
    (d,) = _sk207(f"Your order number is 4411. {SOLUTION}")
    assert d.message == "the reply has no warm line: no thanks, reassurance, validation, hope or apology"
    assert (d.suggestion or "").startswith("in your own words, side with how they feel"), d.suggestion
    assert _sk207(f"I'm sorry the parcel is late. {SOLUTION}") == []


@pytest.mark.parametrize(("opening", "quoted"), [
    ("I'm sorry for any inconvenience caused.", "I'm sorry for any inconvenience"),
    ("I apologize for any inconvenience.", "I apologize for any inconvenience"),
    ("We are sorry for any inconveniences caused.", "We are sorry for any inconveniences"),
])
def test_a_person_saying_a_stock_apology_is_told_to_say_what_for(opening: str, quoted: str) -> None:
    # (not "the formal kind, not a person speaking", then "I'm sorry ..." offered: the writer wrote that)
    (d,) = _sk207(f"{opening} {SOLUTION}")
    assert d.message == (f'the reply has no warm line: its apology "{quoted}" is a stock formula, sorry for no '
                         "one thing, and there is no thanks, reassurance or hope"), d.message
    assert (d.suggestion or "").startswith('say what you\'re sorry for: "I\'m sorry your order is late"')


@pytest.mark.parametrize(("reply", "said"), [
    ("I'm sorry for any inconvenience. I've refunded your order today.",
     'stock apology "sorry for any inconvenience": sorry for no one thing'),
    ("We apologize for the inconvenience. I've refunded your order today.",
     'impersonal apology "We apologize for the inconvenience": nobody in it is sorry'),
])
def test_sk204_and_sk207_say_the_same_of_one_apology(reply: str, said: str) -> None:
    # (SK204 told a writer who wrote "I'm sorry" that nobody in it is sorry, beside SK207's "stock formula")
    found = lint_text(reply, file="reply.txt", config=LintConfig().override(grammar="off")).diagnostics
    (sk204,) = [d for d in found if d.code == "SK204"]
    (sk207,) = [d for d in found if d.code == "SK207"]
    assert sk204.message == said
    assert ("stock formula" in sk207.message) == said.startswith("stock apology")
