"""``scriptkit review``: greetings and sign-offs labelled as the judging reads them, a reply to praise, and
the time frame owed when the solution is the customer's own step."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from scriptkit.cli import main
from scriptkit.inference import analyse_message
from scriptkit.linting import lint_text, text_message

# ---------------------------------------------------------------- labels of review's sentences

WAVE_AND_NAME = ("Hello! 👋\n\nThanks! I can see how annoying the double charge is. I've refunded you today.\n\n"
                 "Mia\n")
# (a sentence line of the text report: its mark, where it starts, its label, the sentence)
_SENTENCE_LINE = re.compile(r"^\s*[✓!]?\s*\d+:\d+\s+(?P<label>\S+)\s+(?P<text>.+?)\s*$")


def _review(tmp_path: Path, text: str, fmt: str) -> str:
    reply = tmp_path / "reply.txt"
    reply.write_text(text, encoding="utf-8")
    run = CliRunner().invoke(main, ["review", str(reply), "--grammar", "off", "--format", fmt],
                             env={"NO_COLOR": "1"})
    assert run.exit_code in (0, 1), run.output
    return run.output


def _labels(report: str) -> dict[str, str]:
    return {m["text"]: m["label"] for line in report.splitlines() if (m := _SENTENCE_LINE.match(line))}


def test_review_labels_a_wave_a_bare_name_and_an_opening_thanks_as_the_judging_reads_them(tmp_path: Path) -> None:
    data = json.loads(_review(tmp_path, WAVE_AND_NAME, "json"))
    assert [(s["text"], s["slot"]) for s in data["sentences"]] == [
        ("Hello!", "greeting"), ("👋", "greeting"), ("Thanks!", "warm_language"),
        ("I can see how annoying the double charge is.", "acknowledgment"),
        ("I've refunded you today.", "solution"), ("Mia", "signoff")]
    labels = _labels(_review(tmp_path, WAVE_AND_NAME, "text"))
    assert (labels["👋"], labels["Thanks!"], labels["Mia"]) == ("greeting", "warm", "sign-off"), labels
    # the thanks after the wave opens the reply: a courtesy, not a sign-off, so the acknowledgment is not late
    assert "SK302" not in {d["code"] for d in data["diagnostics"]}


def test_a_thanks_glued_to_the_wave_on_its_line_is_an_opening_courtesy() -> None:
    found = lint_text("Hello! 👋\nThanks! I can see how annoying the double charge is. I've refunded you today.")
    assert "SK302" not in {d.code for d in found.diagnostics}, [d.format() for d in found.diagnostics]


@pytest.mark.parametrize("text", [
    WAVE_AND_NAME,
    "Cheers! I've refunded the double charge today.",
    "Hi Sam,\n\nThanks!\n\nI've refunded you today.\n\nThanks!\nMia",
    "Hi Sam! 👋\n\nMany thanks. I've refunded you today.\n\nBest,\nMia",
    "I can see how annoying it is. I've refunded it today.\n\nFred Jones\n",
    "I've refunded it today.\n\nDone\n",
])
def test_every_label_of_a_frame_is_a_frame_to_the_rules_and_no_other(text: str) -> None:
    message, notes = text_message(text)
    shown = [n.text for n in notes if n.slot in ("greeting", "signoff")]
    judged = [s.text for s in analyse_message(message) if s.is_frame]
    assert shown == judged


# ---------------------------------------------------------------- a reply to praise

PRAISE = "Thank you so much for the kind words about Mia, I'll pass them on!"
PRAISE_EMAIL = f"Hi Dana,\n\n{PRAISE} She started in March.\n\nBest,\nSam\n"
SOLUTION_RULES = {"SK301", "SK401", "SK402", "SK403", "SK404", "SK405"}


@pytest.mark.parametrize("text", [PRAISE, PRAISE_EMAIL, "Thanks for the lovely review of your stay! 😊",
                                  "We're so glad you're enjoying the new blender. Thanks for the shout-out!"])
def test_a_reply_to_praise_is_not_asked_to_acknowledge_or_fix_a_problem(text: str) -> None:
    found = lint_text(text).diagnostics
    assert not SOLUTION_RULES & {d.code for d in found}, [d.format() for d in found]
    advice = [d.suggestion for d in found if d.code == "SK105"]
    assert all(a is not None and "reply to praise" in a for a in advice), advice


def test_a_reply_to_praise_reads_as_warm_and_a_line_without_cues_in_it_is_not_a_fix() -> None:
    notes = lint_text(PRAISE_EMAIL).sentences
    assert [(n.slot, n.confidence >= 0.5) for n in notes[1:3]] == [("warm_language", True), ("other", False)]
    assert lint_text("Aww, that made our day!").sentences[0].slot == "warm_language"


# a reply to praise of 147 words, most of its sentences with no cue
LONG_PRAISE_EMAIL = PRAISE_EMAIL.replace("She started in March.", (
    "She started in March. She came to us from a bakery in town, where she ran the counter for six years. Most "
    "mornings she is the first one in, and she reads every note that comes through the shop. The team meets on "
    "Fridays to go over the week, and your note will be the first thing we read out this time. Mia trained two "
    "of our newer staff over the summer, and both of them now run the Saturday shift on their own. We also keep "
    "a board in the back room with notes like yours pinned to it, and yours will go up there next to the one "
    "from the school fair. The board has been there since the shop opened in the spring of last year."))


def test_review_lists_the_length_of_a_reply_to_praise_under_the_whole_reply(tmp_path: Path) -> None:
    # (short is fine for a reply to praise: nothing to add, so SK105 says nothing)
    assert " SK105 " not in _review(tmp_path, PRAISE_EMAIL, "text")
    # (a long one is reported, and its lines with no cue are the reply's as much as the thanks is)
    report = _review(tmp_path, LONG_PRAISE_EMAIL, "text")
    assert re.search(r"the whole reply:\n\s+\d+:\d+\s+\w+\s+SK105 \[email-length\] email is 147 words", report), report


@pytest.mark.parametrize(("text", "expected"), [
    ("Thanks for the feedback, sorry the parcel was late.", {"SK401"}),  # ("the feedback" is no praise)
    ("Thanks for the kind words! Sorry the parcel was late.", {"SK401"}),
    ("Thanks for the lovely review! I can see the lid cracked, which is annoying.", {"SK401"}),
    # a fix in it: the customer had a problem, which the reply should acknowledge
    ("Thanks for the kind words about Mia! I'll refund the late parcel today.", {"SK301"}),
])
def test_a_thank_you_that_also_answers_a_problem_is_judged(text: str, expected: set[str]) -> None:
    found = {d.code for d in lint_text(text).diagnostics}
    assert expected <= found, found


# ---------------------------------------------------------------- SK404 on the customer's own step

ACK = "I can see how frustrating the broken lid is. "
AFTER_IT = "the solution asks the customer for something but does not say what happens then, or when"


def _time_frame_findings(text: str) -> list[str]:
    return [d.message for d in lint_text(text).diagnostics if d.code == "SK404"]


@pytest.mark.parametrize("step", [
    "Please send a photo of the label.",
    "Can you DM us the order number?",
    "What model of kettle are you using?",
    "Please reply with the order number.",
])
def test_a_step_that_hands_something_back_asks_what_happens_then(step: str) -> None:
    assert _time_frame_findings(ACK + step) == []  # (their answer is next)


@pytest.mark.parametrize("step", [
    "Please restart the app and try again.",
    "Could you clear the app's cache and sign in again?",
    "Hi there, could you try reinstalling the app?",  # (a request put as a question, after a greeting)
    "You can download the invoice under My Orders.",
])
def test_a_step_the_customer_takes_and_is_done_with_owes_no_time_frame(step: str) -> None:
    assert _time_frame_findings(ACK + step) == []


@pytest.mark.parametrize("solution", [
    "Please send a photo of the label and I'll replace it.",  # our step after theirs: when?
    "Your case will be escalated. Please reply with the order number.",  # a step of ours with nobody in it
])
def test_a_step_of_the_company_still_owes_its_time(solution: str) -> None:
    assert _time_frame_findings(ACK + solution) == ["the solution does not say when"]


def test_a_step_that_hands_something_back_with_its_time_passes() -> None:
    assert _time_frame_findings(ACK + "Please send a photo of the label, and I'll send the replacement the "
                                      "same day.") == []
