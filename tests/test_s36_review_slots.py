"""Review's slots: JSON reports each sentence as the text report shows it, and lines that offer no step (an open
offer of more help, a flat refusal, a policy or a notice) are not read as the solution."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from scriptkit.cli import main

#: every value ``sentences[].slot`` may take (docs/reference/cli.md)
DOCUMENTED_SLOTS = {"acknowledgment", "warm_language", "solution", "asks", "other", "greeting", "signoff", None}


def _review(tmp_path: Path, text: str, fmt: str) -> str:
    reply = tmp_path / "reply.txt"
    reply.write_text(text, encoding="utf-8")
    run = CliRunner().invoke(main, ["review", str(reply), "--grammar", "off", "--format", fmt],
                             catch_exceptions=False)
    assert run.exit_code in (0, 1), run.output
    return run.output


QUESTION = "Hi Ana,\n\nI'm sorry the sync stopped. Does the app show an error code?\n\nBest,\nLee\n"


def test_json_shows_a_question_for_the_customer_as_asking_as_the_text_report_does(tmp_path: Path) -> None:
    data = json.loads(_review(tmp_path, QUESTION, "json"))
    by_text = {s["text"]: s["slot"] for s in data["sentences"]}
    assert by_text["Does the app show an error code?"] == "asks", by_text
    text = _review(tmp_path, QUESTION, "text")
    assert any("asks" in line and "error code?" in line for line in text.splitlines()), text


def test_json_slots_are_the_documented_ones(tmp_path: Path) -> None:
    data = json.loads(_review(tmp_path, QUESTION, "json"))
    assert {s["slot"] for s in data["sentences"]} <= DOCUMENTED_SLOTS
    docs = (Path(__file__).parent.parent / "docs" / "reference" / "cli.md").read_text(encoding="utf-8")
    table = docs[docs.index("### sentences[] (review)"):]
    row = next(line for line in table.splitlines() if line.startswith("| `slot` |"))
    for slot in DOCUMENTED_SLOTS - {None}:
        assert f"`{slot}`" in row, slot


def _slot_of(text: str, sentence: str) -> str:
    from scriptkit.inference import infer_slots

    found = {text[a:b]: slot for a, b, slot, _ in infer_slots(text)}
    assert sentence in found, found
    return found[sentence]


FIX = "I've reset your password this morning. "


@pytest.mark.parametrize("line", [
    # an open offer of more help, or a wait for the customer's answer: no step
    "Is there anything else we can help you with today?",
    "How else can we help?",
    "Any other questions, just hit reply!",
    "In case of further questions, please feel free to contact us.",
    "We look forward to your reply.",
    "We eagerly await your response.",
    "We can help.",
    # a policy, a notice of what is not there, a deflection, a reproach: no step either
    "Per our terms, exchanges must be requested 10 days before the event.",
    "According to our policy, each member may hold only one account.",
    "Please be advised that we cannot see any refund request on our side.",
    "It's not our fault if the courier left the parcel outside.",
    "You should have read the terms before upgrading.",
    # a refusal, with what it refuses named after its verb
    "We can't reopen cancelled orders.",
    "Unfortunately, we are unable to process your claim at this time.",
])
def test_a_line_that_offers_no_step_is_not_the_solution(line: str) -> None:
    assert _slot_of(FIX + line, line) == "other"


@pytest.mark.parametrize("line", [
    "FedEx has an option called Delivery Manager that lets you redirect the parcel to a pickup point.",
    "The courier has a service that will allow your parcel to be held at the depot.",
])
def test_a_service_that_lets_the_customer_act_is_a_solution(line: str) -> None:
    assert _slot_of(f"Hi Kim,\n\n{line}\n\nBest,\nJo\n", line) == "solution"


@pytest.mark.parametrize("step", [
    "We can't reopen cancelled orders, but I've placed a new order for you today.",
    "Refunds aren't possible after 30 days, so I've added a store credit to your account today.",
    "If you have any questions about the new plan, reply here and I'll change it today.",
])
def test_a_refusal_or_an_offer_with_a_step_beside_it_stays_the_solution(step: str) -> None:
    assert _slot_of(step, step) == "solution"


def test_a_flat_refusal_gets_no_solution_finding_not_owner_and_time(tmp_path: Path) -> None:
    data = json.loads(_review(tmp_path, "Hi Robin,\n\nWe can't reopen cancelled orders.\n\nThanks,\nAl\n", "json"))
    codes = {c for s in data["sentences"] for c in s["codes"]} | set(data["whole_reply"])
    assert "SK401" in codes and not {"SK403", "SK404"} & codes, data


def test_a_closing_offer_pasted_twice_is_still_a_repeat(tmp_path: Path) -> None:
    offer = "In case of any other questions, please feel free to get in touch with us."
    text = f"Hi Kim,\n\nI've sent the invoice to your email today.\n\n{offer}\n\n{offer}\n\nBest,\nJo\n"
    data = json.loads(_review(tmp_path, text, "json"))
    assert [s["slot"] for s in data["sentences"] if s["text"] == offer] == ["other", "other"], data["sentences"]
    assert any("SK011" in s["codes"] for s in data["sentences"] if s["text"] == offer), data["sentences"]


def _solution_codes(text: str) -> set[str]:
    from scriptkit.linting import lint_text

    return {d.code for d in lint_text(text, channel="chat", grammar="off").diagnostics if d.code.startswith("SK4")}


def test_an_offer_of_more_help_closing_a_settled_chat_is_left_alone_and_one_after_a_problem_is_no_solution() -> None:
    assert _solution_codes("Great, glad that worked! Is there anything else we can help you with today?") == set()
    assert "SK401" in _solution_codes("Sorry the app logged you out. Is there anything else we can help you with?")
