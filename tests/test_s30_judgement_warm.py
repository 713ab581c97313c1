"""SK201's thanks-for-understanding and assist rewrites, SK404's time frames, SK207's message on validation."""

from __future__ import annotations

import pytest

from scriptkit import lint_text
from scriptkit.diagnostics import Diagnostic


def findings(text: str, code: str) -> list[Diagnostic]:
    return [d for d in lint_text(text, grammar="off").diagnostics if d.code == code]


def rewrites(text: str) -> list[tuple[str, str | None, str | None]]:
    """SK201's findings: the words found, the suggestion, and what --fix would write (None: no fix)."""
    return [(d.text, d.suggestion, None if d.fix is None or not d.fix.safe else d.fix.edits[0].replacement)
            for d in findings(text, "SK201")]


# --- SK201: thanks for understanding ---

def test_a_coordinated_noun_after_understanding_is_not_left_dangling() -> None:
    [(words, suggestion, fix)] = rewrites("Thank you for your understanding and cooperation. "
                                          "I've fixed the bill today.")
    assert fix is None
    assert suggestion is not None and "bearing with me and" not in suggestion
    assert words == "Thank you for your understanding and cooperation"


@pytest.mark.parametrize(("text", "said"), [
    ("We've fixed the bill today. Thank you for your understanding.", "bearing with us"),
    ("We've fixed the bill today. We appreciate your understanding.", "bearing with us"),
    ("I've fixed the bill today. Thank you for your understanding.", "bearing with me"),
    ("I've asked our team to fix the bill today. Thank you for your understanding.", "bearing with me"),
])
def test_the_rewrite_keeps_the_replys_person(text: str, said: str) -> None:
    [(_, suggestion, _)] = rewrites(text)
    assert suggestion is not None and said in suggestion


def test_a_safe_fix_keeps_a_we_reply_as_we() -> None:
    [(_, _, fix)] = rewrites("Our courier is running late. We thank you for your patience.")
    assert fix == "Thanks for bearing with us"


def test_after_a_refusal_thanks_for_understanding_is_not_swapped_for_patience() -> None:
    [(_, suggestion, fix)] = rewrites("We can't refund a used blender. Thank you for your understanding.")
    assert fix is None
    assert suggestion is not None and "bearing with" not in suggestion


@pytest.mark.parametrize("text", [
    "Thank you for your patience and understanding. I've fixed the bill today.",
    "Thank you in advance for your patience and understanding. I've fixed the bill today.",
    "Thanks in advance for your understanding. I've fixed the bill today.",
])
def test_patience_and_understanding_is_judged_alike_with_or_without_in_advance(text: str) -> None:
    assert len(rewrites(text)) == 1


def test_our_earliest_convenience_is_a_non_commitment() -> None:
    [(words, suggestion, fix)] = rewrites("We'll try to sort out the refund at our earliest convenience.")
    assert words == "at our earliest convenience"
    assert fix is None
    assert suggestion is not None and "by Friday" in suggestion


# --- SK201: assist / assistance fixes read as English ---

def test_assist_you_in_doing_is_no_help_you_in_doing() -> None:
    [(_, suggestion, fix)] = rewrites("We are glad to assist you in finding a blender that fits.")
    assert fix is None
    assert suggestion is not None and '"help you find"' in suggestion


def test_assist_you_in_a_way_still_fixes() -> None:
    [(_, _, fix)] = rewrites("This lets us assist you in the quickest way.")
    assert fix == "help you"


@pytest.mark.parametrize("text", [
    "We'd like to provide some assistance with the router.",
    "We're happy to provide assistance with the router.",
    "I can offer further assistance with the router.",
])
def test_providing_assistance_is_helping_not_providing_help(text: str) -> None:
    [(_, suggestion, fix)] = rewrites(text)
    assert fix is None
    assert suggestion is not None and "provide some help" not in suggestion and "help" in suggestion


# --- SK404: time frames named ---

@pytest.mark.parametrize("text", [
    "I've reset the router and I'll stay online for the next hour in case it drops.",
    "I'll post the spare part over the weekend.",
    "I'll ring you after lunch about the spare part.",
    "I'll email the label before my shift ends at 6.",
    "I'll email the label this weekend.",
])
def test_a_named_time_is_a_time_frame(text: str) -> None:
    assert findings(text, "SK404") == []


@pytest.mark.parametrize("text", [
    "I'll post the spare part soon.",
    "I'll post the spare part shortly.",
    "I'll post the spare part as soon as possible.",
    "I'll post the spare part in due course.",
    "I'll stay at 6 Elm Street and post it.",
])
def test_vague_times_are_still_no_time_frame(text: str) -> None:
    assert len(findings(text, "SK404")) == 1


# --- SK207: validation is warm ---

@pytest.mark.parametrize("text", [
    "Your annoyance makes complete sense. I've passed the fault to our head of support, Dev, and he'll call you "
    "by 3pm tomorrow.",
    "I hear you, and you're right that the wait was too long. I've refunded the fee today.",
    "That sounds really upsetting, and you're right to be cross. I've refunded the fee today.",
    "I know that's not the news you wanted. We can't swap a used kettle.",
])
def test_validating_the_customer_is_warm_language(text: str) -> None:
    assert findings(text, "SK207") == []


def test_the_rules_summary_does_not_overstate() -> None:
    from scriptkit.rules.warmth import NoWarmLanguage

    summary = (NoWarmLanguage.__doc__ or "").splitlines()[0]
    assert "at all" not in summary
