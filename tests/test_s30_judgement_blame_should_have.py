"""SK305: "you should have" and what the customer will get ("You should have it by Friday") is a promise, not blame."""

from __future__ import annotations

import pytest

from scriptkit import lint_text


def found(text: str, code: str = "SK305") -> list[str]:
    return [d.text for d in lint_text(text, grammar="off").diagnostics if d.code == code]


# "you should have" + what they will get is a promise, not blame

@pytest.mark.parametrize("text", [
    "You should have it by Friday.",
    "You should have them both by the weekend.",
    "You should have access to the dashboard again within the hour.",
    "You should have an invoice from me with the corrected total.",
    "You should have a text with the pickup code shortly.",
    "You should have the spare charger by Tuesday.",
    "You should have your voucher in your inbox now.",
    "You should have everything you need for the install now.",
    "You should have no problem logging in from now on.",
    "You should have one in your inbox in a few minutes.",
])
def test_should_have_what_they_will_get_is_a_promise(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize("text", [
    "You should have phoned us before sending it back.",
    "you should have read the sizing guide first.",
    "You should have checked.",
    "You should have the sense to keep the receipt.",
])
def test_should_have_done_is_still_blame(text: str) -> None:
    assert [w.lower() for w in found(text)] == ["you should have"]
