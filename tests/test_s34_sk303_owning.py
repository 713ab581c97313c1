"""SK303: owning the slip ("We dropped the ball there") is a specific acknowledgment, and the suggestion's example
names no unrelated case."""

from __future__ import annotations

from scriptkit.linting import lint_text


def test_owning_the_slip_is_a_specific_acknowledgment() -> None:
    text = ("Hi Sam,\n\nThanks for the reminder about your invoice.\n\nWe dropped the ball there, and I'm sorry. "
            "I've emailed the corrected invoice just now.\n\nBest,\nMia")
    result = lint_text(text, grammar="off")
    assert not [d for d in result.diagnostics if d.code == "SK303"], [d.message for d in result.diagnostics]


def test_the_vague_acknowledgment_suggestion_names_no_unrelated_case() -> None:
    text = "Hi Sam,\n\nI understand.\n\nI've reset your password just now.\n\nBest,\nMia"
    result = lint_text(text, grammar="off")
    found = [d for d in result.diagnostics if d.code == "SK303"]
    assert found
    assert "parcel" not in (found[0].suggestion or "")
