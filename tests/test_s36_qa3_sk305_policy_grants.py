"""SK305 leaves a policy named where the writer grants the request ("Per our policy, I've issued a full refund"),
as it does the passive "Your refund has been approved in line with our policy"; one that grants nothing is reported."""

from __future__ import annotations

import pytest

from scriptkit import lint_text
from scriptkit.config import LintConfig

_CONFIG = LintConfig().override(grammar="off")


def codes(body: str, code: str) -> list[str]:
    return [d.message for d in lint_text(body, channel="email", config=_CONFIG).diagnostics if d.code == code]


@pytest.mark.parametrize("body", [
    "Sorry the lamp arrived broken. In line with our policy, we've refunded the full price to your card.",
    "Sorry the lamp arrived broken. Per our policy, I've issued a refund of the full amount.",
    "Sorry the lamp arrived broken. As per our policy, we'll send you a replacement this week.",
])
def test_policy_named_where_the_writer_grants_the_request_is_left_alone(body: str) -> None:
    assert [m for m in codes(body, "SK305") if "policy" in m.lower()] == []


@pytest.mark.parametrize("body", [
    "Sorry the lamp arrived broken. In line with our policy, we've refunded nothing as it was used.",
    "Sorry the lamp arrived broken. Per our policy, we only refund unopened items.",
])
def test_policy_named_where_nothing_is_granted_is_still_reported(body: str) -> None:
    assert [m for m in codes(body, "SK305") if "policy" in m.lower()] != []
