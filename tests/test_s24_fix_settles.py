"""A --fix of SK201 settles its finding: "Could you kindly advise if" was fixed to "Could you please advise if",
which SK201 reported again ("please advise if"), and "Could you please be aware that" to "Could you just a
heads-up that", which is no sentence. Both keep their finding and suggestion, with no fix."""

from __future__ import annotations

from scriptkit.config import LintConfig
from scriptkit.linting import lint_text

REPLY = ("I'm sorry the parcel is late. {sentence} I'll refund the shipping today, and you'll see it in 3 days.")


def _sk201(sentence: str) -> list[tuple[str, bool]]:
    result = lint_text(REPLY.format(sentence=sentence), channel="email", config=LintConfig().override(grammar="off"))
    return [(d.text, d.fix is not None) for d in result.diagnostics if d.code == "SK201"]


def test_a_fix_that_meets_another_phrase_is_left_to_a_person() -> None:
    # (with a clean rewrite of the whole, that is the fix: "Could you kindly advise if" -> "Could you let me know
    # if", tests/test_s25_compose_sk201.py; "please advise your bank" has no safe rewrite, so a person words it)
    found = _sk201("Could you kindly advise your bank that the card is blocked?")
    assert found and not any(fixed for _, fixed in found), found
    assert _sk201("Could you kindly advise if it turns up?") == [("Could you kindly advise", True)]


def test_a_sentence_opener_after_you_is_no_fix() -> None:
    assert _sk201("Could you please be aware that the courier is slow this week?") == [("please be aware that", False)]


def test_fixes_that_settle_stay() -> None:
    assert _sk201("Kindly send a photo of the label.") == [("Kindly", True)]
    assert _sk201("Please be aware that the courier is slow this week.") == [("Please be aware that", True)]
