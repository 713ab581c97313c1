"""A signature's lines under the name (a job title, a team, a phone number, an email or web address) are
the sign-off, not a sentence of the reply: read as one, they had made a solution with no step and hidden a
missing solution."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from scriptkit.cli import main
from scriptkit.inference import infer_slots
from scriptkit.linting import lint_text

ACK_ONLY = "Hi Ana,\n\nI'm so sorry the parcel arrived damaged. That must have been really upsetting.\n\n"
FIXED = ("Hi Ana,\n\nI'm sorry the parcel arrived damaged. I've sent a replacement today, and it'll arrive by "
         "Friday.\n\n")


def _review(tmp_path: Path, text: str) -> dict[str, object]:
    reply = tmp_path / "reply.txt"
    reply.write_text(text, encoding="utf-8")
    run = CliRunner().invoke(main, ["review", str(reply), "--grammar", "off", "--format", "json"],
                             env={"NO_COLOR": "1"})
    assert run.exit_code in (0, 1), run.output
    data: dict[str, object] = json.loads(run.output)
    return data


SIGNATURES = [
    "Kind regards,\nSam Jones\nSenior Support Specialist",
    "Kind regards,\nSam\nCustomer Care",
    "Best,\nSam Jones\nSenior Support Specialist | Acme Ltd",
    "Kind regards,\nSam\nAcme Support\n0800 123 456",
    "Yours sincerely,\nDaniel Marsh\nTechnical Support Manager",
    "With warm wishes,\nHannah\nCustomer Care",
    "Thanks,\nSam\nHead of Customer Experience\nsam@acme.example | www.acme.example",
    "Take care!\nSam Jones\nSupport Lead\nTel: +44 (0)20 7946 0958",
    "Best,  \nSam  \nSupport Lead  \n0800 123 456",
]


@pytest.mark.parametrize("signature", SIGNATURES)
def test_the_lines_under_a_closing_are_the_sign_off(tmp_path: Path, signature: str) -> None:
    data = _review(tmp_path, ACK_ONLY + signature + "\n")
    codes = {d["code"] for d in data["diagnostics"]}  # type: ignore[attr-defined]
    # the reply has no solution: SK401, not a solution made of the signature with no step, owner or time
    assert "SK401" in codes and not codes & {"SK402", "SK403", "SK404"}, codes
    slots = [s["slot"] for s in data["sentences"]]  # type: ignore[attr-defined]
    assert slots[-1] == "signoff" and "solution" not in slots, data["sentences"]


@pytest.mark.parametrize("signature", SIGNATURES)
def test_a_signed_reply_with_a_fix_is_labelled_as_before(signature: str) -> None:
    text = FIXED + signature
    slots = [(text[a:b], slot) for a, b, slot, _ in infer_slots(text, frames=True)]
    # (a closing and the name may be sentences of their own: "Take care!", then "Sam Jones" and the lines)
    assert [slot for _, slot in slots][:3] == ["greeting", "acknowledgment", "solution"], slots
    assert {slot for _, slot in slots[3:]} == {"signoff"} and "".join(t for t, _ in slots[3:])[-6:] == text[-6:]
    assert not {d.code for d in lint_text(text).diagnostics} & {"SK301", "SK401", "SK402", "SK403", "SK404"}


@pytest.mark.parametrize("tail", [
    # a last line the writer says something in, under a line that is no closing: the reply's own
    "Please reply with your order number\n0800 123 456",
    "Call our team on\n0800 123 456",
    "Here is the link\nwww.acme.example/returns",
])
def test_a_reply_s_own_last_lines_are_not_a_signature(tail: str) -> None:
    text = "I'm so sorry the parcel arrived damaged. " + tail
    assert "signoff" not in [slot for *_, slot, _ in infer_slots(text, frames=True)]


def test_an_opening_thanks_is_no_closing_of_the_lines_under_it() -> None:
    text = "Thanks!\nNew Tracking Number\nAB123456"
    assert "signoff" not in [slot for *_, slot, _ in infer_slots(text, frames=True)]


def test_a_name_and_title_sign_a_reply_that_has_no_closing() -> None:
    text = "I've sent a replacement today.\n\nSam Jones\nSupport Lead"
    assert [slot for *_, slot, _ in infer_slots(text, frames=True)] == ["solution", "signoff"]


def test_a_signature_does_not_tip_the_formality_ceiling() -> None:
    text = ("Dear Dr Ahmed,\n\nI'm sorry to hear the analyser's readings drifted during your trial; I can see how much "
            "that puts at stake for your team.\n\nOur field engineer, Karen Hughes, will visit your lab on Thursday at "
            "9am to recalibrate it and swap the sensor module. She'll bring a loan unit so your runs aren't "
            "interrupted.\n\nI'll phone you on Thursday afternoon to make sure everything is back to normal.\n\n"
            "Yours sincerely,\nDaniel Marsh\nTechnical Support Manager\n")
    assert "SK202" not in {d.code for d in lint_text(text).diagnostics}


def test_many_title_lines_are_read_quickly() -> None:
    # (thousands of lines that each look like a signature's: read back a few lines only, not each from the top)
    text = "I've sent it today.\n\n" + "Support Lead\n\n" * 5_000 + "Kind regards,\nSam\nSupport Lead"
    assert infer_slots(text, frames=True)[-1][2] == "signoff"
