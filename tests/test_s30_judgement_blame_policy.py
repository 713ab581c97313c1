"""SK305: a named policy or the terms cited as the reason ("According to our exchange policy, ...") is a wall."""

from __future__ import annotations

import pytest

from scriptkit import lint_text


def found(text: str, code: str = "SK305") -> list[str]:
    return [d.text for d in lint_text(text, grammar="off").diagnostics if d.code == code]


# a named policy or the terms, cited as the reason

@pytest.mark.parametrize(("text", "words"), [
    ("According to our exchange policy, the fee stands.", "According to our exchange policy"),
    ("In accordance with our data retention policy, the files are gone.",
     "In accordance with our data retention policy"),
    ("In line with our shipping policy, we can't reship.", "In line with our shipping policy"),
    ("Our cancellation policy states that the deposit is kept.", "Our cancellation policy states"),
    ("According to our Terms & Conditions, the deposit is kept.", "According to our Terms & Conditions"),
    ("Under our Terms of Use, the account stays closed.", "Under our Terms of Use"),
    ("In accordance with the terms you accepted, the fee stands.", "In accordance with the terms"),
])
def test_named_policies_cited_as_the_reason_are_walls(text: str, words: str) -> None:
    assert found(text) == [words]


@pytest.mark.parametrize("text", [
    "Under the terms of your guarantee, the repair is free, so I'll book it today.",
    "According to our exchange policy, you're entitled to a free swap, so I've sent the label.",
    "I've reread our exchange policy and I'll swap it today.",
])
def test_a_policy_that_gives_them_something_or_is_only_named_is_not(text: str) -> None:
    assert found(text) == []
