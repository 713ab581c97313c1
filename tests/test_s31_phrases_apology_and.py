"""SK204: a company's stock apology joined by "and" to a clause of "we" ("We understand your frustration
and apologize for any inconvenience caused") is as impersonal as "We apologize for any inconvenience"."""

from __future__ import annotations

import pytest

from scriptkit.linting import lint_text

FRAME = "Hi Sam,\n\n{} I can see the parcel is late, which is annoying. I've sent a new one today.\n\nBest,\nAlex\n"


def _found(sentence: str, *codes: str) -> list[tuple[str, str, str]]:
    return [(d.code, d.text, d.suggestion or "") for d in lint_text(FRAME.format(sentence), file="r.txt").diagnostics
            if d.code in codes]


@pytest.mark.parametrize(("sentence", "apology"), [
    ("We understand how annoying this is and apologise for any inconvenience caused.",
     "We understand how annoying this is and apologise for any inconvenience"),
    ("We've looked into it and sincerely apologize for any trouble.",
     "We've looked into it and sincerely apologize for any trouble"),
])
def test_a_company_apology_joined_to_a_we_clause_is_impersonal(sentence: str, apology: str) -> None:
    found = [d for d in lint_text(FRAME.format(sentence)).diagnostics if d.code == "SK204"]
    assert [d.text for d in found] == [apology]
    assert "nobody in it is sorry" in found[0].message


@pytest.mark.parametrize("sentence", [
    "I understand how annoying this is and apologize for the mix-up.",
    "We checked the depot, and I apologize that it took two days.",
    "We know it was late and we're sorry we let you down.",
])
def test_a_personal_apology_after_and_is_left_alone(sentence: str) -> None:
    assert _found(sentence, "SK204") == []
