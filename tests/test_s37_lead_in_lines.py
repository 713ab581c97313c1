"""A lead-in line that introduces what follows ("Regarding your request of 3 May,", "Here's a quick summary of what
happened:") or a bold label alone on its line ("**Next steps:**") offers no step: review showed each as a solution,
and a reply that was only an opener and such a line was told its solution had no next step (SK402) and no owner
(SK403), not that it has none (SK401)."""

from __future__ import annotations

import pytest

from scriptkit.inference import infer_slots
from scriptkit.linting import lint_text


@pytest.mark.parametrize("line", [
    "Regarding your request of 3 May,",
    "With regard to your enquiry,",
    "Here's a quick summary of what happened:",
    "Here is a short overview of the situation:",
    "**Next steps:**",
    "**Summary:**",
])
def test_a_lead_in_line_is_no_solution(line: str) -> None:
    text = f"Hi Kim,\n\nThanks for getting in touch.\n\n{line}\n\nI'll send the new charger today.\n\nBest,\nJo\n"
    slots = {text[a:b].strip(): slot for a, b, slot, _ in infer_slots(text, frames=True)}
    assert slots[line] != "solution", slots
    assert slots["I'll send the new charger today."] == "solution", slots


def test_an_opener_that_ends_on_a_lead_in_is_told_it_has_no_solution() -> None:
    codes = {d.code for d in lint_text("Dear Ms. Lee,\n\nThank you for writing to us.\n\n"
                                       "Regarding your request of 3 May,\n").diagnostics}
    assert "SK401" in codes and not codes & {"SK402", "SK403", "SK404"}


@pytest.mark.parametrize("sentence", [
    "Regarding your request, I've refunded the fee today.",
    "Here's a quick summary: I've refunded the fee and sent a new label.",
])
def test_a_sentence_that_goes_on_to_a_step_is_still_a_solution(sentence: str) -> None:
    text = f"Hi Kim,\n\n{sentence}\n\nBest,\nJo\n"
    slots = {text[a:b].strip(): slot for a, b, slot, _ in infer_slots(text, frames=True)}
    assert "solution" in slots.values(), slots
