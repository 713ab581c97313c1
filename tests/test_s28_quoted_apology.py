"""An impersonal apology or a robotic opener the writer quotes (the old email, the bot's words) is not theirs."""

from __future__ import annotations

import pytest

from scriptkit import lint_text

OWN = " I can see how upsetting this has been, and I'm sorry. I've refunded the order today."


def codes(text: str) -> dict[str, str]:
    return {d.code: d.message for d in lint_text(text, grammar="off").diagnostics}


@pytest.mark.parametrize(("quoted", "code"), [
    ('Our bot told you "We apologize for any inconvenience", which wasn\'t good enough.', "SK204"),
    ('Our last email said "Mistakes were made", which wasn\'t good enough.', "SK204"),
    ('Our bot said "Your request has been received", which wasn\'t helpful.', "SK205"),
])
def test_quoted_words_are_not_the_writers(quoted: str, code: str) -> None:
    assert code not in codes(quoted + OWN)


@pytest.mark.parametrize(("said", "code"), [
    ("We apologize for any inconvenience.", "SK204"),
    ("Your request has been received.", "SK205"),
])
def test_the_same_words_said_are_still_flagged(said: str, code: str) -> None:
    assert code in codes(said + OWN)


def test_no_warm_line_does_not_cite_a_quoted_apology_as_the_replys() -> None:
    found = codes('I can see how upsetting this has been. Our bot told you "We apologize for any inconvenience", '
                  "which wasn't good enough. I have refunded the order today, and you will see it by Friday.")
    assert found["SK207"] == "the reply has no warm line: no thanks, reassurance, validation, hope or apology"
