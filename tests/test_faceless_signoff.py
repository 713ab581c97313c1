"""SK206 robotic-closer on a sign-off that names no person, and on one that does."""

from __future__ import annotations

import pytest

from scriptkit.linting import lint_text

BODY = ("I'm sorry your parcel is late, I know how annoying that is. "
        "I've sent a new one today, and it arrives Friday.\n\n")


def sk206(text: str) -> list[str]:
    return [d.text for d in lint_text(text, file="reply.txt").diagnostics if d.code == "SK206"]


@pytest.mark.parametrize("signature", ["The Customer Support Team", "Customer Service Department", "Customer Support",
                                       "Billing Department", "Acme Customer Care", "The Acme Team", "Support"])
def test_a_sign_off_by_a_team_or_department_is_a_robotic_closer(signature: str) -> None:
    assert sk206(f"{BODY}Best,\n{signature}\n") == [signature]


def test_a_department_under_the_closing_says_to_sign_as_a_person() -> None:
    (d,) = [d for d in lint_text(f"{BODY}Kind regards,\nCustomer Support", file="r.txt").diagnostics
            if d.code == "SK206"]
    assert "Sign as a person" in d.message and d.suggestion == '"<your first name>"'
    assert (d.location.line, d.location.col) == (4, 1)


def test_a_packs_sign_off_by_a_department_is_found_in_pack_yaml(make_pack) -> None:  # type: ignore[no-untyped-def]
    from scriptkit.linting import lint_pack
    from scriptkit.loading import load_pack

    pack_yaml = 'name: T\nchannels:\n  email:\n    signoff: "Best wishes,\\n{{ brand.name }} Support"\n'
    script = ('id: late\ntitle: Late\nacknowledgment: "I can see how annoying the wait is."\n'
              'solution: "I\'ve sent a new one today, and it arrives by Friday."\n')
    found = [d for d in lint_pack(load_pack(make_pack({"late.yaml": script}, pack_yaml=pack_yaml))).diagnostics
             if d.code == "SK206"]
    assert [(d.text, d.location.file.endswith("pack.yaml"), d.suggestion) for d in found] == [
        ("{{brand.name}} Support", True, '"{{ agent.first_name }}"')], found


@pytest.mark.parametrize("signature", ["Sam", "Sam, Customer Support", "Sam from Customer Support",
                                       "Sam\nCustomer Support", "Sam Rivera\nSupport", "Sam from Support"])
def test_a_sign_off_that_names_a_person_is_left_alone(signature: str) -> None:
    # a title under the agent's name is a person's signature, not a faceless one
    assert sk206(f"{BODY}Best,\n{signature}\n") == []


def test_support_named_inside_a_sentence_is_no_sign_off() -> None:
    assert sk206(f"{BODY}If it happens again, customer support can reach me directly.\n\nBest,\nSam\n") == []
