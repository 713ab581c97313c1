"""SK206 robotic-closer on a sign-off that names no person, and on one that does."""

from __future__ import annotations

import pytest

from scriptkit.linting import lint_text

BODY = ("I'm sorry your parcel is late, I know how annoying that is. "
        "I've sent a new one today, and it arrives Friday.\n\n")


def sk206(text: str) -> list[str]:
    return [d.text for d in lint_text(text, file="reply.txt").diagnostics if d.code == "SK206"]


@pytest.mark.parametrize("signature", ["The Customer Support Team", "Customer Service Department"])
def test_a_sign_off_by_a_team_or_department_is_a_robotic_closer(signature: str) -> None:
    # (a department alone, "Best,\nCustomer Support", is not flagged yet: its line-start check made
    # the closers table match whole texts instead of cached sentences, see tests/test_lexicon_data.py)
    assert sk206(f"{BODY}Best,\n{signature}\n") == [signature]


@pytest.mark.parametrize("signature", ["Sam", "Sam, Customer Support", "Sam from Customer Support",
                                       "Sam\nCustomer Support", "Sam Rivera\nSupport"])
def test_a_sign_off_that_names_a_person_is_left_alone(signature: str) -> None:
    # a title under the agent's name is a person's signature, not a faceless one
    assert sk206(f"{BODY}Best,\n{signature}\n") == []


def test_support_named_inside_a_sentence_is_no_sign_off() -> None:
    assert sk206(f"{BODY}If it happens again, customer support can reach me directly.\n\nBest,\nSam\n") == []
