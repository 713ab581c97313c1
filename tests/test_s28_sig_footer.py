"""Text under a signature (office hours, a footer, a disclaimer no pattern knows) made the whole signature
sentences of the reply: read bottom-up, the sign-off gave up at the first line that was no signature's, so
"Kind regards, Lena Brandt Customer Experience Advisor ... T: +44 ..." was a solution sentence (SK102 on its
words, SK103 on its length). A closing alone on its line with a name under it (and the signature's lines under
that, up to a blank line) ends the reply: what follows is the sign-off too, except a P.S., which the agent
writes to the customer."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from scriptkit.cli import main
from scriptkit.inference import infer_slots

BODY = ("Hi Marcus,\n\nI'm really sorry the heater stopped working in this cold weather, that must be miserable. "
        "I've booked an engineer for Thursday between 8am and 12pm, and I'll call you tomorrow to confirm.\n\n")
SIGNATURE = ("Lena Brandt\nCustomer Experience Advisor, Acme Heating Ltd\n"
             "T: +44 20 7946 0958 | lena.brandt@acmeheating.co.uk\n")
FOOTERS = [
    "Our office hours are Monday to Friday, 9am to 5pm.",
    "Our office hours are Monday to Friday, 9am to 5pm. We aim to respond within 2 working days.",
    "Please consider the environment before printing this email.\nThis email and any attachments are "
    "confidential. We do not accept liability for any errors or omissions.\nOur office hours are 9am to 5pm.",
    "Follow us on Twitter and Instagram for the latest news!",
]


def _slots(text: str) -> list[tuple[str, str]]:
    return [(text[a:b], slot) for a, b, slot, _ in infer_slots(text, frames=True)]


@pytest.mark.parametrize("closing", ["Kind regards,\n", "Kind regards,\n\n", "Take care!\n"])
@pytest.mark.parametrize("footer", FOOTERS)
def test_a_footer_under_a_signature_is_the_sign_off(closing: str, footer: str) -> None:
    text = BODY + closing + SIGNATURE + "\n" + footer + "\n"
    slots = _slots(text)
    assert [slot for _, slot in slots][:3] == ["greeting", "acknowledgment", "solution"], slots
    assert {slot for _, slot in slots[3:]} == {"signoff"}, slots


@pytest.mark.parametrize("footer", FOOTERS)
def test_a_closing_and_a_name_alone_end_the_reply(footer: str) -> None:
    text = BODY + "Thanks,\nLena\n\n" + footer + "\n"
    assert {slot for _, slot in _slots(text)[3:]} == {"signoff"}, _slots(text)


@pytest.mark.parametrize("name", ["sig.txt", "sig2.txt", "sig3.txt"])
def test_review_judges_the_reply_alone(tmp_path: Path, name: str) -> None:
    body = BODY
    texts = {
        "sig.txt": body + "Kind regards,\n\n" + SIGNATURE.replace("Customer", "Senior Customer") +
        "Acme Heating Ltd, 14 Mill Lane, Leeds LS1 4AB. Registered in England No. 0123456.\n\n"
        "Please consider the environment before printing this email.\nThis email and any attachments are "
        "confidential and intended solely for the addressee. If you have received this email in error please "
        "notify the sender immediately and delete it. We do not accept liability for any errors or omissions.\n"
        "Our office hours are Monday to Friday, 9am to 5pm. We aim to respond within 2 working days.\n",
        "sig2.txt": body + "Kind regards,\n" + SIGNATURE +
        "Acme Heating Ltd, 14 Mill Lane, Leeds LS1 4AB. Registered in England No. 0123456.\n\n"
        "This email and any attachments are confidential and intended solely for the addressee.\n"
        "Our office hours are Monday to Friday, 9am to 5pm. We aim to respond within 2 working days.\n",
        "sig3.txt": body + "Kind regards,\n" + SIGNATURE + "\nOur office hours are Monday to Friday, 9am to 5pm.\n",
    }
    reply = tmp_path / name
    reply.write_text(texts[name], encoding="utf-8")
    run = CliRunner().invoke(main, ["review", str(reply), "--grammar", "off", "--format", "json"])
    assert run.exit_code == 0, run.output
    data = json.loads(run.output)
    slots = [s["slot"] for s in data["sentences"]]
    assert slots[:3] == ["greeting", "acknowledgment", "solution"] and set(slots[3:]) == {"signoff"}, slots
    assert not {d["code"] for d in data["diagnostics"]} & {"SK102", "SK103"}, data["diagnostics"]
    # (the reply's own words are counted: 48, short, not the 130 with the footer's)
    assert all("email is 48 words" in d["message"] for d in data["diagnostics"] if d["code"] == "SK105")


@pytest.mark.parametrize("ps", ["P.S. I've added a 10% discount code to your account: SORRY10.",
                                "PS: I've added a 10% discount code to your account (SORRY10)."])
def test_a_postscript_under_the_signature_is_the_reply(ps: str) -> None:
    text = BODY + "Kind regards,\n" + SIGNATURE + "\n" + ps + "\n\nOur office hours are 9am to 5pm.\n"
    slots = _slots(text)
    assert (ps, "solution") in slots, slots
    assert slots[-1] == ("Our office hours are 9am to 5pm.", "signoff"), slots


@pytest.mark.parametrize("text", [
    # a thanks, then a heading and the steps under it: no closing with a name under it
    BODY + "Thank you!\nNext Steps\n1. Restart the boiler.\n2. Check the pressure.\n",
    BODY + "Thanks!\nNext Steps\n\nRestart the boiler, then check the pressure.\n",
    # a closing with no body above it is the opening thanks
    "Hi Marcus,\n\nThanks,\nLena\n\nI've booked an engineer for Thursday.\n",
    # a closing on the line of a sentence is no closing alone on its line
    "I've booked an engineer for Thursday. Kind regards,\nLena\n\nI'll call you tomorrow to confirm.\n",
])
def test_what_is_no_signature_stays_the_reply(text: str) -> None:
    slots = _slots(text)
    assert slots[-1][1] != "signoff", slots


@pytest.mark.timeout(60)
def test_many_closings_and_names_stay_fast() -> None:
    text = BODY + "Kind regards,\nLena\nx\n" * 5_000 + "\nOur office hours are 9am to 5pm.\n"
    spans = infer_slots(text, frames=True)
    assert [label for _, _, label, _ in spans[:3]] == ["greeting", "acknowledgment", "solution"], spans[:3]
    assert spans[2][1] <= len(BODY)  # (the reply's own slots are read as ever before the closings)
