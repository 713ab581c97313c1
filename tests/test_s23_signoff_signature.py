"""Everything from a closing line down is the sign-off when every line under it is a signature's: the name, a
job title, a phone, a postal address ("Brightwave Ltd, 12 High Street, London EC1A 1BB."), the company's legal
line and the email's disclaimer ("This email and any attachments are confidential..."), even when one line
holds two of them as sentences. Read as the reply, the address had made one 26-word "solution" and the
disclaimer a clean solution sentence."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from scriptkit.cli import main
from scriptkit.inference import infer_slots

BODY = ("Hi Aisha,\n\nThank you for letting us know, and I'm sorry the replacement charger stopped working too. "
        "I've arranged a brand-new one to ship today by express, and you'll have the tracking number by email "
        "within the hour.\n\n")
SIGNATURE = ("Hannah Lewis\nCustomer Care Specialist | Brightwave Ltd\nT: +44 20 7946 0958 | www.brightwave.co.uk\n")
ADDRESS = "Brightwave Ltd, 12 High Street, London EC1A 1BB."
LEGAL = " Registered in England No. 01234567."
DISCLAIMER = "\nThis email and any attachments are confidential and intended solely for the addressee."


def _review(tmp_path: Path, text: str) -> dict[str, object]:
    reply = tmp_path / "reply.txt"
    reply.write_text(text, encoding="utf-8")
    run = CliRunner().invoke(main, ["review", str(reply), "--grammar", "off", "--format", "json"],
                             env={"NO_COLOR": "1"})
    assert run.exit_code in (0, 1), run.output
    data: dict[str, object] = json.loads(run.output)
    return data


def _after_closing(text: str) -> list[str]:
    start = text.index("Best regards,")
    return [slot for a, _b, slot, _c in infer_slots(text, frames=True) if a >= start]


@pytest.mark.parametrize("closing", ["Best regards,\n", "Best regards,\n\n"])
@pytest.mark.parametrize("tail", [ADDRESS, ADDRESS + LEGAL, ADDRESS + LEGAL + DISCLAIMER, ADDRESS + DISCLAIMER,
                                  "Unit 4, 12-14 High Street, Leeds LS1 4AP, United Kingdom"])
def test_everything_under_the_closing_is_the_signoff(closing: str, tail: str) -> None:
    text = BODY + closing + SIGNATURE + tail + "\n"
    assert set(_after_closing(text)) == {"signoff"}
    slots = [slot for _a, _b, slot, _c in infer_slots(text, frames=True)]
    assert slots[:3] == ["greeting", "warm_language", "solution"]


def test_review_counts_only_the_replys_sentences(tmp_path: Path) -> None:
    data = _review(tmp_path, BODY + "Best regards,\n" + SIGNATURE + ADDRESS + LEGAL + DISCLAIMER + "\n")
    assert data["diagnostics"] == []
    sentences = data["sentences"]
    assert isinstance(sentences, list)
    assert [s["slot"] for s in sentences] == ["greeting", "warm_language", "solution", "signoff", "signoff",
                                               "signoff"]


def test_the_address_line_no_longer_makes_a_long_sentence(tmp_path: Path) -> None:
    data = _review(tmp_path, BODY + "Best regards,\n" + SIGNATURE + ADDRESS + "\n")
    codes = [d["code"] for d in data["diagnostics"]]  # type: ignore[attr-defined]
    assert "SK103" not in codes


def test_a_line_the_agent_writes_after_the_closing_keeps_it_a_reply() -> None:
    """A P.S. with words in lower case is no signature's line: the closing does not swallow it."""
    text = BODY + "Best regards,\nHannah\nP.S. Your discount code is in the next email, so keep an eye out.\n"
    assert "solution" in _after_closing(text) or "other" in _after_closing(text) \
        or "warm_language" in _after_closing(text)


def test_confidential_in_the_body_is_the_reply() -> None:
    """A sentence about confidentiality above the closing stays a sentence of the reply."""
    text = ("Hi Sam,\n\nThis message is confidential, so please don't forward the reset link to anyone.\n\n"
            "Best regards,\nHannah Lewis\n")
    slots = [slot for a, _b, slot, _c in infer_slots(text, frames=True)]
    assert slots.count("signoff") >= 1 and slots[1] != "signoff"


@pytest.mark.timeout(60)
def test_long_lines_under_a_closing_stay_fast() -> None:
    text = BODY + "Best regards,\n" + ("Brightwave Ltd, 12 High Street. " * 2000) + "\n" + ("x. " * 20000) + "\n"
    spans = infer_slots(text, frames=True)
    assert [label for _, _, label, _ in spans[:4]] == ["greeting", "warm_language", "solution", "signoff"], spans[:4]
    assert spans[3][0] == text.index("Best regards,")
