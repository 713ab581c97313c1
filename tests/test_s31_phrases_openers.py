"""SK205: "Thank you for reaching out to Acme Customer Support" is the auto-reply opening "Thank you for
contacting us" is, and neither is answered with another stock line ("Thanks for getting in touch")."""

from __future__ import annotations

import pytest

from scriptkit.linting import lint_text

FRAME = "Hi Sam,\n\n{} I can see the parcel is late, which is annoying. I've sent a new one today.\n\nBest,\nAlex\n"


def _found(sentence: str, *codes: str) -> list[tuple[str, str, str]]:
    return [(d.code, d.text, d.suggestion or "") for d in lint_text(FRAME.format(sentence), file="r.txt").diagnostics
            if d.code in codes]


@pytest.mark.parametrize(("sentence", "opener"), [
    ("Thank you for reaching out to Acme Customer Support.", "Thank you for reaching out to Acme Customer Support"),
    ("Thank you for reaching out to our Support Team.", "Thank you for reaching out to our Support Team"),
    ("Thank you for reaching out to the help desk.", "Thank you for reaching out to the help desk"),
])
def test_thanks_for_reaching_a_department_is_a_robotic_opener(sentence: str, opener: str) -> None:
    assert [(code, text) for code, text, _ in _found(sentence, "SK205")] == [("SK205", opener)]


def test_a_plain_thanks_for_reaching_out_stays_fine() -> None:
    assert _found("Thanks for reaching out.", "SK205") == []


@pytest.mark.parametrize("sentence", ["Thank you for contacting us.", "Thank you for contacting Acme Support.",
                                      "Thanks for contacting the billing team."])
def test_a_stock_opener_is_not_answered_with_another(sentence: str) -> None:
    [(_, _, suggestion)] = _found(sentence, "SK205")
    assert "getting in touch" not in suggestion.lower()
