"""SK305's "all you need to do is" shrinks the customer's problem when it hands the work back ("All you need to do is
read the FAQ"), but after help the writer has given ("I've emailed you a return label. All you need to do is...")
it tells them how little is left, and is left alone."""

from __future__ import annotations

import pytest

from scriptkit import lint_text
from scriptkit.config import LintConfig

_CONFIG = LintConfig().override(grammar="off")


def minimising(body: str) -> list[str]:
    return [d.message for d in lint_text(body, channel="email", config=_CONFIG).diagnostics
            if d.code == "SK305" and "all you" in d.message.lower()]


@pytest.mark.parametrize("body", [
    "I can see the kettle arrived cracked. I've emailed you a prepaid return label, so all you need to do is "
    "hand the box in at any post office.",
    "I can see the kettle arrived cracked. I've emailed you a prepaid return label. All you need to do is hand "
    "the box in at any post office.",
    "I can see the kettle arrived cracked. Here's your return label: all you have to do is print it and drop the "
    "box at a locker.",
    "I can see the kettle arrived cracked. I'll book a courier for Friday, and all you need to do is leave the box "
    "by the door.",
])
def test_after_help_given_it_tells_how_little_is_left(body: str) -> None:
    assert minimising(body) == []


@pytest.mark.parametrize("body", [
    "I can see the kettle arrived cracked. All you need to do is read our returns page.",
    "I understand the setup is confusing. All you have to do is follow the guide on our website.",
    "Sorry the app keeps crashing. All you need to do is reinstall it.",
    # (help of the writer's a paragraph above does not make this step small)
    "I've refunded the delivery fee.\n\nAs for the crashes, all you need to do is reinstall the app.",
])
def test_handing_the_work_back_is_still_minimising(body: str) -> None:
    assert len(minimising(body)) == 1


def policy(body: str) -> list[str]:
    return [d.message for d in lint_text(body, channel="email", config=_CONFIG).diagnostics
            if d.code == "SK305" and d.message.startswith("policy language")]


@pytest.mark.parametrize("body", [
    "Your refund of $30 has been approved in line with our policy. It will reach your card within 5 days.",
    "As per our policy, your refund has been approved and will reach your card within 5 days.",
])
def test_policy_named_in_a_request_granted_hides_nothing(body: str) -> None:
    # (the policy is on their side: nothing is refused behind it)
    assert policy(body) == []


@pytest.mark.parametrize("body", [
    "In line with our policy, we cannot refund opened items.",
    "Per our policy, your refund has not been approved.",
    "Your refund has been approved. Per our policy, the delivery fee is not refunded.",
])
def test_policy_behind_a_refusal_is_still_reported(body: str) -> None:
    assert len(policy(body)) == 1
