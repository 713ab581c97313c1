"""SK305 hears blame dressed as help ("Next time, please make sure...", "This happened because you..."), the fault
put on the customer's side, and sarcasm; it leaves feelings ("You must have felt so let down"), a slip forgiven
("No worries, these things happen!") and words quoted from someone else alone."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from scriptkit.cli import main


def review(tmp_path: Path, body: str) -> list[tuple[str, str]]:
    """(code, text) of each finding of ``scriptkit review`` on a reply file holding ``body``."""
    reply = tmp_path / "reply.txt"
    reply.write_text(f"Hi Priya,\n\n{body}\n\nTom\n", encoding="utf-8")
    run = CliRunner().invoke(main, ["review", str(reply), "--grammar", "off", "--format", "json"],
                             env={"NO_COLOR": "1"})
    assert run.exit_code in (0, 1), run.output
    return [(d["code"], d["text"]) for d in json.loads(run.stdout)["diagnostics"]]


def sk305(tmp_path: Path, body: str) -> list[str]:
    return [text for code, text in review(tmp_path, body) if code == "SK305"]


FIX = " I've posted a new one today, and it will be with you by Friday."

# each shape: sentences that blame (reported), and look-alikes that do not (left alone)
SHAPES = {
    "advice as a telling-off": (
        ["Next time, please make sure you enter the right address.",
         "In future, please ensure the house number is on the order.",
         "Next time you book, please double-check the date.",
         "Please make sure you choose the right plan next time."],
        ["Next time, you can skip the queue with the app.",
         "We'll make sure your order is checked twice next time.",
         "I want to make sure you have a smoother time next time."]),
    "their mistake as the cause": (
        ["If you had updated the app like we asked, this wouldn't have happened.",
         "This could have been avoided if you'd checked the delivery slot.",
         "This happened because you entered the wrong postcode.",
         "The card was refused since you typed an incorrect expiry date.",
         "The transfer stopped because you didn't verify your card."],
        ["If you had any trouble with the form, just reply here.",
         "If you'd like a refund instead, I can do that today.",
         "Because you chose express delivery, it arrives tomorrow.",
         "Since you received the wrong size, I've sent the right one."]),
    "what they didn't do": (
        ["You didn't confirm your email.",
         "You did not fill in the return form.",
         "You never updated the app."],
        ["You didn't need to do anything.",
         "I'll need you to confirm your address.",
         "If you didn't get the email, it may be in spam.",
         "You didn't receive the parcel, so I've sent another."]),
    "their report doubted": (
        ["No other customer has reported this.",
         "Nobody else has had this problem.",
         "We haven't had any other complaints about the heater.",
         "You're the only one who has reported it."],
        ["No one else can see your card details."]),
    "the fault on their side": (
        ["There's nothing wrong on our end.",
         "Everything looks fine on our side.",
         "The problem is on your end.",
         "The fault isn't on our side."],
        ["There's nothing wrong with your order, it's just held at the depot."]),
    "whose job it is": (
        ["That's not our responsibility.",
         "This is your responsibility.",
         "It is the customer's responsibility to check the address.",
         "We accept no responsibility for lost post."],
        ["It's not your responsibility to chase the courier.",
         "It's our responsibility to put this right."]),
    "the work handed back": (
        ["You'll need to contact the courier yourself.",
         "You will have to take it up with the seller.",
         "That's between you and the courier."],
        ["You'll need to contact your bank to lift the block.",
         "You can contact the courier yourself if you'd rather."]),
    "their feeling judged": (
        ["There's no need to get angry.",
         "There is no need to be rude to my team.",
         "Getting angry won't help."],
        ["There's no need to worry, your money is safe.",
         "There's no need to apologise!",
         "I don't get upset easily, so ask me anything."]),
    "the repetition pointed out": (
        ["As I mentioned before, refunds take 10 days.",
         "As we've already explained, the offer ended.",
         "As stated earlier, the fee is fixed.",
         "Like I mentioned, the fee is fixed."],
        ["As I mentioned on the phone, I've sent the label.",
         "As we discussed, I've sent the label.",
         "As I promised, I've sent the label."]),
    "told what is obvious": (
        ["Clearly the address on the order was wrong.",
         "Clearly, you missed the email."],
        ["I can clearly see how frustrating this is.",
         "It's clearly the wrong size, and I'm sorry.",
         "Clearly we got this one wrong."]),
    "told to go and read it": (
        ["You need to read the confirmation emails we send you.",
         "You should read our emails.",
         "Please read the instructions carefully."],
        ["You'll need to check your inbox for the reset link."]),
    "sarcasm": (
        ["Well, thanks for your patience, I guess.",
         "I'm sure it must be very hard to read an email."],
        ["Thanks for your patience, I guess that's everything sorted.",
         "I'm sure it must be hard to juggle all this with a new baby."]),
}


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_blame_dressed_as_help_is_dismissive_and_its_look_alikes_are_not(tmp_path: Path, shape: str) -> None:
    bad, fine = SHAPES[shape]
    assert [s for s in bad if not sk305(tmp_path, s + FIX)] == []
    assert [s for s in fine if sk305(tmp_path, s + FIX)] == []


def test_each_new_blame_has_its_own_advice(tmp_path: Path) -> None:
    reply = tmp_path / "reply.txt"
    reply.write_text("Hi Priya,\n\nThis happened because you entered the wrong postcode. That's not our "
                     "responsibility. You'll need to contact the courier yourself.\n\nTom\n", encoding="utf-8")
    run = CliRunner().invoke(main, ["review", str(reply), "--grammar", "off", "--format", "json"])
    found = [d for d in json.loads(run.stdout)["diagnostics"] if d["code"] == "SK305"]
    assert [d["message"].split(" language")[0] for d in found] == ["blaming", "deflecting", "deflecting"]
    assert all(d["suggestion"] and d["line"] == 3 for d in found)
    assert len({d["suggestion"] for d in found}) == 3


@pytest.mark.parametrize("sentence", [
    "You must have felt so let down when the tickets didn't arrive.",
    "You must have had a horrible week.",
    "You must have been through a lot this week.",
    "You must have booked this trip months ago.",
])
def test_you_must_have_felt_is_empathy_and_only_an_assumed_mistake_is_blame(tmp_path: Path, sentence: str) -> None:
    assert sk305(tmp_path, sentence + FIX) == []
    assert sk305(tmp_path, "You must have entered the wrong card." + FIX) == ["You must have"]
    assert sk305(tmp_path, "You must've clicked twice." + FIX) == ["You must've"]


def test_an_honest_i_dont_know_beside_the_apology_is_no_shrug(tmp_path: Path) -> None:
    assert sk305(tmp_path, "I don't know why the app did that, and I'm sorry it ate your draft. "
                           "I've restored it today.") == []
    assert sk305(tmp_path, "I don't know what to tell you, I'll check again tomorrow.") == ["I don't know"]


def test_a_slip_of_the_customers_forgiven_is_not_minimised(tmp_path: Path) -> None:
    """"No worries, these things happen!" answers a customer who apologised for their own mix-up: it reassures
    them. Said of what went wrong on our side, the same words still shrug it off."""
    assert sk305(tmp_path, "No worries at all, these things happen! Thanks for telling me about the mix-up "
                           "with your address." + FIX) == []
    assert sk305(tmp_path, "Don't worry! It's not a big deal, I've fixed the typo in your name.") == []
    assert sk305(tmp_path, "Your parcel was lost, these things happen." + FIX) == ["these things happen"]


@pytest.mark.parametrize("body", [
    'You wrote "calm down and just refund me". Fair enough! I\'ve refunded you in full today.',
    "The last agent told you it was \u201cworking as intended\u201d, and I'm sorry, it isn't, and I can see how "
    "frustrating that was. I've refunded the fee today.",
])
def test_words_quoted_from_someone_else_are_not_the_writers(tmp_path: Path, body: str) -> None:
    codes = [code for code, _ in review(tmp_path, body)]
    assert "SK305" not in codes and "SK302" not in codes
    assert sk305(tmp_path, "Please calm down, I've refunded you in full today.") == ["Please calm down"]


@pytest.mark.timeout(60)
def test_long_runs_of_near_misses_read_in_time(tmp_path: Path) -> None:
    for unit in ("next time you a b c ", "make sure your a, b, ", "if you had a, b, ", "i don't know ",
                 "as we mentioned ", "thanks a b c ", "you'll need to contact a ", '"', "clearly, ", '"sorry" ',
                 "sorry, ", "no worries, these things happen "):
        sk305(tmp_path, unit * (50_000 // len(unit)))
