"""An apology is declined ("No need to apologise", "nothing to be sorry about") only by words that say none
is owed: a "no" or "never" a few words before "sorry" in another clause ("There is no excuse and sorry again",
"You had no reply so sorry about that") left the apology uncounted, so SK304 and SK307 went quiet where the same
sentence with a comma got them."""

from __future__ import annotations

import pytest

from scriptkit.config import LintConfig
from scriptkit.linting import lint_text

THANKS = " Thanks for your message."


def _codes(text: str, *select: str) -> list[str]:
    config = LintConfig().override(grammar="off", select=list(select))
    return [d.code for d in lint_text(text, config=config).diagnostics]


@pytest.mark.parametrize("text", [
    "There is no excuse and sorry again for the wait.",
    "You had no reply so sorry about that.",
    "There was no reply from us sorry about that.",
])
def test_an_apology_after_a_no_in_another_clause_is_one(text: str) -> None:
    with_comma = text.replace(" and sorry", ", and sorry").replace(" so sorry", ", so sorry").replace(
        " us sorry", " us, sorry")
    assert _codes(text + THANKS, "SK304") == _codes(with_comma + THANKS, "SK304") == ["SK304"]


def test_such_an_apology_counts_towards_too_many() -> None:
    reply = ("I'm so sorry for the wait. I apologise that we missed your email. There is no excuse and sorry "
             "again. I've refunded your order today.")
    assert "SK307" in _codes(reply, "SK307")


@pytest.mark.parametrize("text", [
    "No need to apologise at all!", "You don't have to apologise.", "There's no apology needed.",
    "Nothing to be sorry about!", "Don't be sorry.", "No need to be sorry.", "You never have to say sorry.",
    "There's no reason to be sorry.", "No need for an apology.", "No apologies necessary.",
    "You do not need to apologise.",
])
def test_a_declined_apology_is_still_none(text: str) -> None:
    assert _codes(text + THANKS, "SK304") == []
