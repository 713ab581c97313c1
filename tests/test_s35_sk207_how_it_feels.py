"""SK207 counts "I can only imagine how stressful that was" and "I understand how confusing the new
invoice is" as validation: the writer says how bad the thing feels, as "That's so stressful" does, only
wrapped in "I imagine / understand / know how". Knowing how something works, or how
long it is, is still no warm line, nor is "I can see how frustrating the wait is": the rule's documented
reading keeps what the writer only sees ("I can see why it worried you") an acknowledgment."""

from __future__ import annotations

import pytest

from scriptkit.config import LintConfig
from scriptkit.diagnostics import Diagnostic
from scriptkit.linting import lint_text
from scriptkit.rules.warmth import has_warm_language

FIX = "I've moved your booking to Thursday."


def _sk207(reply: str) -> list[Diagnostic]:
    result = lint_text(reply, file="reply.txt", config=LintConfig().override(grammar="off"))
    return [d for d in result.diagnostics if d.code == "SK207"]


@pytest.mark.parametrize("validation", [
    "I can only imagine how stressful the double booking was.",
    "I completely understand how confusing the new invoice layout is.",
    "I know how annoying a surprise fee can be.",
    "I can't imagine how upsetting that must have been.",
    "We totally get how frustrating it is to wait on hold.",
    "I can just imagine how disappointing the cancelled trip was.",
])
def test_saying_how_bad_it_feels_is_warm(validation: str) -> None:
    assert _sk207(f"Hi Sam,\n\n{validation} {FIX}\n") == []
    assert has_warm_language(validation)


@pytest.mark.parametrize("cold", [
    "I understand how the billing cycle works.",        # no feeling: how something works
    "I know how long the form is.",                     # no feeling: how long
    "I understand how this stressful month started.",   # a feeling word, but not how much it is felt
    "We explain how confusing menus are redesigned in our blog post.",  # no one imagining or understanding
    "I can see how frustrating the wait is.",           # seen, as "I can see why it worried you" is (the rule's doc)
])
def test_no_feeling_validated_is_still_reported(cold: str) -> None:
    assert len(_sk207(f"Hi Sam,\n\n{cold} {FIX}\n")) == 1
