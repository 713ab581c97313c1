"""A prohibition asks the customer for nothing: for "Please do not reply to this email." SK404 said "the solution
asks the customer for something but does not say what happens then". A request beside it still hands something
back."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from scriptkit.cli import main


def sk404(tmp_path: Path, body: str) -> list[str]:
    """The message of each SK404 finding of ``scriptkit review`` on a reply file holding ``body``."""
    reply = tmp_path / "reply.txt"
    reply.write_text(body + "\n", encoding="utf-8")
    run = CliRunner().invoke(main, ["review", str(reply), "--grammar", "off", "--format", "json"],
                             env={"NO_COLOR": "1"})
    assert run.exit_code in (0, 1), run.output
    return [d["message"] for d in json.loads(run.stdout)["diagnostics"] if d["code"] == "SK404"]


@pytest.mark.timeout(60)
@pytest.mark.parametrize("body", [
    "We regret to inform you that your application was unsuccessful. This decision is final and cannot be "
    "appealed. Please do not reply to this email.",
    "I'm sorry the application was unsuccessful. Please don't reply to this message.",
    "I'm sorry the application was unsuccessful. Please never respond to this automated email.",
])
def test_a_prohibition_asks_for_nothing(tmp_path: Path, body: str) -> None:
    assert not any("asks the customer for something" in m for m in sk404(tmp_path, body))


@pytest.mark.timeout(60)
@pytest.mark.parametrize("body", [
    "I'm sorry the parcel arrived damaged. Please do not throw it away: send us a photo of the label.",
    "I'm sorry the parcel arrived damaged. Please don't forget to send us a photo of the label.",
    "I'm sorry the parcel arrived damaged. Please reply with a photo of the label.",
])
def test_a_request_beside_it_still_hands_something_back(tmp_path: Path, body: str) -> None:
    assert not any("asks the customer for something" in m for m in sk404(tmp_path, body))  # (their answer is next)


def codes(tmp_path: Path, body: str) -> set[str]:
    reply = tmp_path / "reply.txt"
    reply.write_text(body + "\n", encoding="utf-8")
    run = CliRunner().invoke(main, ["review", str(reply), "--grammar", "off", "--format", "json"],
                             env={"NO_COLOR": "1"})
    return {d["code"] for d in json.loads(run.stdout)["diagnostics"]}


@pytest.mark.timeout(60)
def test_the_noun_email_is_no_step(tmp_path: Path) -> None:
    # ("this email" is what is being read, not a step: the refusal offers none)
    assert "SK402" in codes(tmp_path, "I'm sorry your application was unsuccessful. This decision is final and "
                                      "cannot be appealed. Please do not reply to this email.")


@pytest.mark.timeout(60)
@pytest.mark.parametrize("body", [
    "I'm sorry the invoice was wrong. I'll email you the corrected invoice today.",
    "I'm sorry the invoice was wrong. I've emailed the corrected invoice.",
    "I'm sorry the invoice was wrong. Please email us the receipt and I'll refund it today.",
    "I'm sorry the card was declined. Please contact your bank to approve the payment today.",
    "I'm sorry the parcel is late. I've contacted the courier and I'll update you by Friday.",
])
def test_the_verb_email_and_getting_in_touch_with_someone_who_can_act_are_steps(tmp_path: Path, body: str) -> None:
    assert "SK402" not in codes(tmp_path, body)
