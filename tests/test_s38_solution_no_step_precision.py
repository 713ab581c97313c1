"""SK402/SK404 on real-reply shapes they misread (session 38, second pass): a closer sent alone, asked with an emoji
after it or said as a statement; a blank named for the step; a fragment of a reply sent alone (a link, a subject
line, an opener, a form, a list)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from scriptkit.inference import offers_more_help_only, offers_no_step
from scriptkit.rules.solution import MissingSolution, NoNextStep, NoTimeFrame
from tests.test_rules_solution import flagged, write


def _blanks(text: str) -> dict[str, list[dict[str, str]]]:
    return {"blanks": [{"name": name} for name in re.findall(r"blank\.(\w+)", text)]}


@pytest.mark.parametrize("solution", [
    "Is there anything else we can do for you today? 🙌",
    "Should you have any further queries, please don't hesitate to get in touch. We're always happy to help.",
    "If anything comes up, feel free to reply and I'll be glad to help.",
    "If anything is still unclear, just let me know and I'll walk you through it 🙂",
])
def test_a_closer_sent_alone_is_no_failed_solution(tmp_path: Path, solution: str) -> None:
    root = write(tmp_path / "p", {"s": {"acknowledgment": "", "warm_language": "Thanks for writing in.",
                                        "solution": solution}})
    assert flagged(NoNextStep, root) == set()
    assert flagged(NoTimeFrame, root) == set()
    assert flagged(MissingSolution, root) == set()


@pytest.mark.parametrize("solution", [
    "Is there anything else we can do for you today? 🙌",
    "Should you have any further queries, please don't hesitate to get in touch. We're always happy to help.",
])
def test_the_closer_alone_after_a_problem_named_still_names_no_step(tmp_path: Path, solution: str) -> None:
    # (the default acknowledgment names the customer's wait: a problem still open)
    root = write(tmp_path / "p", {"s": {"solution": solution}})
    assert flagged(NoNextStep, root) == {"s"}


@pytest.mark.parametrize(("sentence", "closes"), [
    ("Anything else I can help with? 🌟", True),
    ("Let me know if you need more help.", True),
    ("Please let me know if you have any other questions, and we will be happy to assist.", True),
    ("If you have any questions, let me know and I'll refund the fee.", False),  # (a step of ours after the offer)
    ("Let me know if you need anything else and I'll send the label.", False),
    ("Just tell me which format suits you best.", False),
])
def test_offers_more_help_only(sentence: str, closes: bool) -> None:
    assert offers_more_help_only(sentence) is closes


@pytest.mark.parametrize("solution", [
    "Here's what happens next:\n\n1. {{ blank.step_1 }}\n2. {{ blank.step_2 }}",
    "Based on what I found, here's the plan: {{ blank.next_steps }}",
    "What we've done so far: {{ blank.action_taken }}.",
])
def test_a_blank_named_for_the_step_is_the_step(tmp_path: Path, solution: str) -> None:
    root = write(tmp_path / "p", {"s": {"solution": solution, "flexibility": _blanks(solution)}})
    assert flagged(NoNextStep, root) == set()


@pytest.mark.parametrize("solution", [
    "Here's what I found: {{ blank.explanation }}.",  # (an explanation, no step)
    "Your new codes all start with {{ blank.prefix }}.",  # ("fix" inside a word names no step)
])
def test_a_blank_not_named_for_a_step_is_no_step(tmp_path: Path, solution: str) -> None:
    root = write(tmp_path / "p", {"s": {"solution": solution, "flexibility": _blanks(solution)}})
    assert flagged(NoNextStep, root) == {"s"}


@pytest.mark.parametrize("solution", [
    "https://help.example.org/articles/4417-returns",
    "Your request regarding {{ blank.topic }} from {{ blank.date }}",
    "Concerning your enquiry of {{ blank.date }},",
    "- Passport\n- Driving licence\n- US residence permit",
    "Checklist:\n- Account email:\n- Order number:\n- Store code:",
    "https://help.example.org/articles/4417-returns\n\nIf you have any other questions, just let us know.",
])
def test_a_fragment_sent_alone_is_left_to_the_reply_it_goes_into(tmp_path: Path, solution: str) -> None:
    root = write(tmp_path / "p", {"s": {"acknowledgment": "", "solution": solution, "flexibility": _blanks(solution)}})
    assert flagged(NoNextStep, root) == set()
    assert flagged(NoTimeFrame, root) == set()


@pytest.mark.parametrize(("solution", "rule"), [
    ("we're still looking into it", NoNextStep),  # (a chat's line with no mark: a sentence, judged)
    ("Your feedback has been passed on to the team.", NoTimeFrame),  # (finished: a reply, judged)
])
def test_a_sentence_or_a_step_is_still_judged(tmp_path: Path, solution: str, rule: type[NoNextStep]) -> None:
    root = write(tmp_path / "p", {"s": {"acknowledgment": "", "solution": solution}})
    assert flagged(rule, root) == {"s"}


@pytest.mark.parametrize(("sentence", "none"), [
    ("Please note that we're always here to help if you need anything else.", True),
    ("Kindly note that if you have any other questions, feel free to reply to this email.", True),
    ("Please note that we'll send the new card today.", False),
])
def test_a_notice_of_help_there_for_the_asking_offers_no_step(sentence: str, none: bool) -> None:
    assert offers_no_step(sentence) is none


def test_the_answer_left_in_a_blank_is_no_fragment(tmp_path: Path) -> None:
    # (the reply around it is whole: its answer is the blank, no step named)
    solution = "Here's what happened:\n**{{ blank.reason }}**\n\nIf anything is unclear, just let me know."
    root = write(tmp_path / "p", {"s": {"solution": solution, "flexibility": _blanks(solution)}})
    assert flagged(NoNextStep, root) == {"s"}
