"""`scriptkit review` judges refusals, records, good news after "but" and appreciation as a writer reads them
(session 18).

Each reply is written to a file and reviewed through the command line, as an agent would paste it. The
replies marked "was wrong" were misjudged before.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from scriptkit.cli import main


def _wrap(line: str) -> str:
    return f"Hi Sam,\n\nI can see how frustrating this is.\n\n{line}\n\nBest,\nAlex\n"


def _review(tmp_path: Path, text: str, channel: str = "email") -> list[dict[str, object]]:
    path = tmp_path / "reply.txt"
    path.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(main, ["review", str(path), "--format", "json", "--channel", channel])
    assert result.exit_code in (0, 1), result.output
    found: list[dict[str, object]] = json.loads(result.output)["diagnostics"]
    return found


def _codes(tmp_path: Path, text: str, channel: str = "email") -> set[str]:
    return {str(d["code"]) for d in _review(tmp_path, text, channel)}


# ---------------------------------------------------------------- a refusal stated impersonally is no next step

@pytest.mark.timeout(60)
@pytest.mark.parametrize("line", [
    # was wrong: only SK105 and SK207, the refused refund counted as a step offered
    "Unfortunately refunds are not possible after 14 days as the item has been used.",
    "The refund was declined by our team.",
    "Sadly, a refund isn't available for orders older than a year.",
    "It is not possible to refund items that have been worn.",
    "The voucher cannot be refunded once it has been opened.",
    "You are no longer eligible for a refund on this order.",
    "We have declined your refund request.",
    # was right: the writer's own refusal
    "We cannot refund orders after 14 days.",
])
def test_a_flat_refusal_has_no_next_step(tmp_path: Path, line: str) -> None:
    # (no step: SK402, or SK401 where the refusal is read as no solution at all, as a policy's refusal is)
    assert {"SK401", "SK402"} & _codes(tmp_path, _wrap(line))


@pytest.mark.timeout(60)
@pytest.mark.parametrize("line", [
    # was wrong: the refused refund was a finished step, so nobody had to own anything
    "Unfortunately refunds are not possible after 14 days as the item has been used.",
    "The refund was declined by our team.",
    # was right
    "We cannot refund orders after 14 days.",
])
def test_a_flat_refusal_has_nobody_acting(tmp_path: Path, line: str) -> None:
    assert {"SK401", "SK403"} & _codes(tmp_path, _wrap(line))  # (SK401: read as no solution at all)


@pytest.mark.timeout(60)
def test_a_cold_refusal_is_no_solution(tmp_path: Path) -> None:
    # was wrong: "refunds" made the sentence the solution, and it passed as a next step
    text = "Hi Sam,\n\nKindly note that refunds are not possible after 14 days.\n\nBest,\nAlex\n"
    found = _review(tmp_path, text)
    assert {"SK401", "SK402"} & {str(d["code"]) for d in found}
    assert next(d for d in found if d["code"] == "SK401")["message"] == \
        "the reply refuses and offers no way forward: nothing says what happens next"


@pytest.mark.timeout(60)
@pytest.mark.parametrize("line", [
    # a refusal and a step offered in another clause
    "Refunds are not possible after 14 days, but I'll send you a replacement today.",
    "The refund was declined by your bank, so I've sent you a new payment link today.",
    "A refund isn't possible on worn shoes, and I've booked a free repair for tomorrow.",
    # no refusal at all: "not declined", "can't be right"
    "Your refund was not declined; I've refunded you in full today.",
    "That can't be right, so I'll refund you today.",
    "I've refunded the second charge today, so you won't be charged twice.",
])
def test_a_step_beside_a_refusal_still_counts(tmp_path: Path, line: str) -> None:
    assert not {"SK401", "SK402", "SK403"} & _codes(tmp_path, _wrap(line))


@pytest.mark.timeout(60)
def test_a_status_is_no_refusal(tmp_path: Path) -> None:
    # "not available yet" tells where the refund is: its step still counts
    assert "SK402" not in _codes(tmp_path, _wrap("Your refund is not available yet, but it will be by Friday."))


# ---------------------------------------------------------------- SK305: "according to our records"

@pytest.mark.timeout(60)
@pytest.mark.parametrize(("line", "phrase"), [
    # was wrong: passed, though it sets the records against the customer's word as "our records show" does
    ("The item was delivered according to our records.", "was delivered according to our records"),
    ("According to our records, the parcel was delivered on Monday.",
     "According to our records, the parcel was delivered"),
    ("The parcel was signed for on Monday according to the tracking.",
     "was signed for on Monday according to the tracking"),
    # was right
    ("Our records show it was delivered.", "Our records show it was delivered"),
])
def test_the_records_against_the_customer_are_dismissive(tmp_path: Path, line: str, phrase: str) -> None:
    found = [d for d in _review(tmp_path, _wrap(line)) if d["code"] == "SK305"]
    assert [d["message"] for d in found] == [f'dismissive language "{phrase}"']


@pytest.mark.timeout(60)
@pytest.mark.parametrize("line", [
    "According to our records, your refund went through on Monday, so it will show by Friday.",
    "According to our records, it left the warehouse on Monday, and I'll chase the courier today.",
    "Our system shows your refund went through today.",
])
def test_good_news_from_the_records_is_not_dismissive(tmp_path: Path, line: str) -> None:
    assert "SK305" not in _codes(tmp_path, _wrap(line))


def test_sk305_docs_name_the_records_phrases(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["rule", "SK305"])
    assert result.exit_code == 0
    text = " ".join(result.output.split())
    assert "according to our records, the parcel was delivered" in text
    assert "it was delivered according to our records" in text


# ---------------------------------------------------------------- SK306: good news after "but"

@pytest.mark.timeout(60)
@pytest.mark.parametrize("text", [
    # was wrong: the good news was read as the acknowledgment taken back
    "I understand how frustrating this is, but the good news is I've already refunded you today.",
    "I'm so sorry about the wait, but luckily your parcel is out for delivery today.",
    "I know how annoying the double charge is. However, the good news is it was reversed this morning.",
    # was right
    "I understand how frustrating this is, but I've already refunded you today.",
])
def test_good_news_after_but_takes_nothing_back(tmp_path: Path, text: str) -> None:
    assert "SK306" not in _codes(tmp_path, text + "\n", channel="chat")


@pytest.mark.timeout(60)
@pytest.mark.parametrize("text", [
    "I know it may be frustrating but we need to check the order first.",
    "I'm sorry, but unfortunately the courier is responsible for deliveries.",
])
def test_a_but_before_an_excuse_is_still_reported(tmp_path: Path, text: str) -> None:
    assert "SK306" in _codes(tmp_path, text + "\n", channel="chat")


# ---------------------------------------------------------------- SK207: appreciation is thanks

@pytest.mark.timeout(60)
@pytest.mark.parametrize("line", [
    # was wrong: "no thanks, reassurance, hope or apology"
    "We appreciate your patience while I look into this.",
    "We really appreciate your understanding here.",
    "We appreciate your help with the photos.",
    # was right
    "I really appreciate you taking the time to send the photos.",
    "Thank you for your patience while I look into this.",
])
def test_appreciation_is_a_warm_line(tmp_path: Path, line: str) -> None:
    text = f"Hi Sam,\n\n{line} I'll send the replacement today, and it will arrive by Friday.\n\nBest,\nAlex\n"
    assert "SK207" not in _codes(tmp_path, text)


@pytest.mark.timeout(60)
@pytest.mark.parametrize("line", [
    # was wrong: SK301 (no acknowledgment) and SK303 (a vague one), where "Thank you for your patience" is neither
    "We appreciate your patience.",
    "I appreciate your patience.",
    "I really appreciate your patience.",
    # was right
    "Thank you for your patience.",
])
def test_appreciating_patience_is_thanks_for_waiting(tmp_path: Path, line: str) -> None:
    text = f"Hi Sam,\n\n{line} I'll send the replacement today.\n\nBest,\nAlex\n"
    assert not {"SK207", "SK301", "SK302", "SK303"} & _codes(tmp_path, text)


@pytest.mark.timeout(60)
def test_appreciation_that_closes_a_reply_is_no_late_acknowledgment(tmp_path: Path) -> None:
    # was wrong: SK301 (no acknowledgment at all), where a closing "Thank you for your patience." is heard as
    # one, and not as one that came late (SK302)
    base = ("Hi Sam,\n\nI've sent your request to our returns team. They will email you by Friday.\n\n{}\n\n"
            "Best,\nAlex\n")
    assert not {"SK301", "SK302"} & _codes(tmp_path, base.format("We appreciate your patience."))
    assert not {"SK301", "SK302"} & _codes(tmp_path, base.format("Thank you for your patience."))


@pytest.mark.timeout(60)
@pytest.mark.parametrize("line", [
    "We would appreciate it if you could send a photo of the label.",
    "We appreciate your business.",
    "We don't appreciate being shouted at.",
])
def test_a_request_or_revenue_is_no_thanks(tmp_path: Path, line: str) -> None:
    text = f"Hi Sam,\n\n{line} I'll send the replacement today, and it will arrive by Friday.\n\nBest,\nAlex\n"
    assert "SK207" in _codes(tmp_path, text)
