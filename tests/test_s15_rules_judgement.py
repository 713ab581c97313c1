"""Findings a support lead reading real replies would call wrong or doubled, each fixed in the rules or
their phrase data: sentences written for these tests, in the style of the replies that drew them."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from scriptkit import load_pack
from scriptkit.cli import main
from scriptkit.config import LintConfig
from scriptkit.inference import infer_slots
from scriptkit.linting import lint_text


def codes(text: str) -> list[str]:
    return [d.code for d in lint_text(text).diagnostics]


def found(text: str, code: str) -> list[str]:
    return [d.text for d in lint_text(text).diagnostics if d.code == code]


# ---------------------------------------------------------------- SK203 inside a stock line SK201 rewrites

STOCK = ("We are glad the card works again. We have added the new address to your account. "
         "If you need anything more, please do not hesitate to contact us.")


def test_a_stiff_form_inside_a_stock_phrase_is_left_to_sk201() -> None:
    # (session 31: SK201 says to rewrite the whole line; "please don't hesitate" would polish what is to go, and
    # check --fix left it half fixed. Before, SK203 contracted it too.)
    assert "please do not hesitate to contact us" in found(STOCK, "SK201")
    assert found(STOCK, "SK203") == ["We are", "We have"]
    config = LintConfig().override(ignore=("SK201",))
    assert [d.text for d in lint_text(STOCK, config=config).diagnostics if d.code == "SK203"] == \
        ["We are", "We have"]


def test_check_fix_leaves_the_stiff_form_inside_a_stock_line(make_pack: Any) -> None:
    script = ("id: card\ntitle: Card\n"
              "acknowledgment: I can see the old address on the box was a worry.\n"
              "warm_language: We are glad the card works again.\n"
              "solution: We have added the new address, so the next box goes there. If you need anything\n"
              "  more, please do not hesitate to contact us.\n")
    root = make_pack({"card.yaml": script})
    result = CliRunner().invoke(main, ["check", str(root), "--fix", "--grammar", "off"], env={"NO_COLOR": "1"})
    after = (root / "scripts" / "card.yaml").read_text(encoding="utf-8")
    assert "We're glad" in after and "We've added" in after, result.output
    assert "please do not hesitate" in after, result.output


def test_a_stiff_form_outside_any_stock_phrase_is_still_reported() -> None:
    text = "I am sorry the card was declined. We will send a new one today, and you do not need to do anything."
    assert found(text, "SK203") == ["I am", "We will", "do not"]


# ---------------------------------------------------------------- feeling words that name no feeling

@pytest.mark.parametrize("line", [
    "Thank you for all your hard work on the migration!",
    "Take your time, and if you get stuck on a step, tell me which one and I'll walk you through it.",
    "Reopen the ticket when you have a moment, but no worries if not!",
])
def test_praise_a_hypothetical_or_no_worries_is_not_an_acknowledgment(line: str) -> None:
    # after another sentence, each was read as a late acknowledgment (SK302) of a feeling nobody has
    text = f"I've moved your files to the new server. {line}"
    assert "SK302" not in codes(text)
    assert "SK301" in codes(text)  # (nothing else acknowledges the customer either)


@pytest.mark.parametrize("text", [
    "I can see you're stuck on the last step, and that's so annoying. I've reset the form for you.",
    "I know you're worried about the charge. I've refunded it today.",
    "That must have been a hard week for you. I've refunded the order today.",
])
def test_a_feeling_named_for_the_customer_still_acknowledges(text: str) -> None:
    assert "SK301" not in codes(text)


# ---------------------------------------------------------------- SK304: a question about the problem is help

def test_sorry_with_a_question_about_the_problem_is_not_sympathy_alone() -> None:
    assert "SK304" not in codes("Sorry to hear the app keeps freezing. Does it happen on the home screen, "
                                "or only when you open your basket?")


@pytest.mark.parametrize("text", [
    "Sorry to hear the app keeps freezing.",
    "Sorry to hear the app keeps freezing. Do you have any other questions for us?",
])
def test_sorry_alone_or_with_an_offer_of_more_help_is_still_sympathy_alone(text: str) -> None:
    assert "SK304" in codes(text)


# ---------------------------------------------------------------- "you need to ...": the customer's own step

HOW_TO = ("The security code is the three digits printed on the back of your card. "
          "You need to type it into the CVV box when you pay.")


def test_you_need_to_is_the_customers_step_not_a_step_nobody_owns() -> None:
    # an answer telling the customer what to do owes no time frame and has its owner, the customer
    assert not {"SK403", "SK404"} & set(codes(HOW_TO))
    assert not {"SK403", "SK404"} & set(codes("You'll need to sign in again once the app has updated."))
    assert not {"SK403", "SK404"} & set(codes("Thanks for asking. You'll need to sign in and open Billing."))


@pytest.mark.parametrize("text", [
    "I'm sorry about the wait. You need to wait for the refund.",
    "I'm sorry about the wait. You need to contact your bank.",
    "I'm sorry about the wait. You will need to be patient.",
])
def test_you_need_to_wait_or_go_elsewhere_is_no_step_of_theirs(text: str) -> None:
    # a deflection, not a how-to step: still told when, and that the sorry is alone (SK403's owner is asked only where
    # a step of ours is named, session 38)
    assert {"SK304", "SK404"} <= set(codes(text)), codes(text)


def test_you_dont_need_to_asks_nothing() -> None:
    # "you don't need to" is no step: the reply still has no solution (SK401) or names none (SK402)
    text = "Thanks for checking. You don't need to worry about the old card, it no longer works anywhere at all."
    assert {"SK401", "SK402"} & set(codes(text))


# ---------------------------------------------------------------- SK105's advice asks "when" only where SK404 does

# (SK105 reports a short email only where a team sets min_words)
SHORT_ASKED = LintConfig(options={"email-length": {"min_words": 50}})


def _advice(text: str) -> str:
    return next(d.suggestion or "" for d in lint_text(text, config=SHORT_ASKED).diagnostics if d.code == "SK105")


def test_short_reply_advice_asks_no_time_of_a_step_owing_none() -> None:
    # a step the customer takes and is done with: SK404 is silent, so the advice does not ask "when" either
    text = "I can see how annoying that error is. Please clear the app's cache and open it again."
    assert "SK404" not in codes(text)
    assert "when" not in _advice(text)


def test_short_reply_advice_still_asks_when_sk404_does() -> None:
    text = "I'll reset your account and get back to you."
    assert "SK404" in codes(text)
    assert _advice(text) == ("Add an acknowledgment of how the customer feels. "
                             "Separately, say when the next step will happen. "
                             "Read as an email (the default): for a chat reply, use --channel chat.")


def test_a_finished_step_is_not_asked_for_a_when() -> None:
    # (acknowledged, and a step done: nothing for SK105 to add, and SK404 asks no time of it)
    found = codes("Thanks so much for waiting, I know it's been a worry. I've changed the email on your account.")
    assert not {"SK105", "SK404"} & set(found), found


# ---------------------------------------------------------------- a reply to the customer's thanks

def test_youre_always_welcome_answers_thanks_with_nothing_to_fix() -> None:
    text = "You're always welcome. If another question comes up, write to us again at any time."
    assert not {"SK301", "SK401", "SK402", "SK105"} & set(codes(text))  # (short, and fine so)


def test_youre_always_welcome_with_a_problem_is_judged_as_any_reply() -> None:
    assert "SK301" in codes("You're always welcome. Your card was declined again, and we will look at it.")


def test_welcome_to_do_something_is_a_policy_not_warmth() -> None:
    text = "You're always welcome to return the item within 30 days for a full refund."
    assert "SK207" in codes(text)
    assert "SK207" not in codes("You're always welcome, anytime. " + text)


# ---------------------------------------------------------------- SK105 on a template pasted as a reply

@pytest.mark.parametrize("marker", ["{explanation}", "[details of the fix]", "{step 1}", "<insert the workaround>"])
def test_a_marker_for_sentences_leaves_the_length_unknown(marker: str) -> None:
    text = f"Hi Jo, thanks for flagging this. Here is what is going on: {marker}. Let me know if it helps."
    assert "SK105" not in codes(text)


@pytest.mark.parametrize("marker", ["{customer_name}", "[DATE]", "{amount}"])
def test_a_marker_for_one_word_still_leaves_a_short_reply_short(marker: str) -> None:
    text = f"Hi {marker}, I've refunded the order today."  # (no acknowledgment: too short to leave it out)
    assert "SK105" in {d.code for d in lint_text(text, config=SHORT_ASKED).diagnostics}


def test_a_long_template_is_still_long() -> None:
    text = " ".join(["I've checked your order and the parcel is with the courier now."] * 12) + " {explanation}"
    assert next(d.message for d in lint_text(text).diagnostics if d.code == "SK105").startswith("email is 1")


# ---------------------------------------------------------------- SK302 quotes what came first, not the thanks

def test_a_late_acknowledgment_quotes_the_content_before_it_not_the_opening_thanks() -> None:
    text = ("Thanks for your reply. Refunds go back to the card they came from. "
            "I understand how annoying the wait is. I've started yours today.")
    message = next(d.message for d in lint_text(text).diagnostics if d.code == "SK302")
    assert message == 'the acknowledgment comes third in the reply, after "Refunds go back to the card they came from."'


# ---------------------------------------------------------------- SK201 finds the whole stock line

@pytest.mark.parametrize(("line", "phrase"), [
    ("If it comes up, please do not hesitate to reach out to us.", "please do not hesitate to reach out to us"),
    ("If anything else comes up, please don't hesitate to reach out.", "please don't hesitate to reach out"),
    ("If anything else comes up, do not hesitate to reach out to us.", "do not hesitate to reach out to us"),
])
def test_the_rewrite_replaces_the_whole_stock_line(line: str, phrase: str) -> None:
    # the rewrite stands in for what is found: "please just reply here to us" was what was left
    [diag] = [d for d in lint_text(line).diagnostics if d.code == "SK201"]
    assert diag.text == phrase and diag.suggestion == '"just reply here"'


def test_forms_all_inside_stock_phrases_are_still_reported() -> None:
    # every stiff form sits in a stock line: the reply never contracts, and that is still said, once, with no
    # contraction to polish the line SK201 says to rewrite
    text = "We have received your inquiry. If you need anything more, please do not hesitate to contact us."
    diags = [d for d in lint_text(text).diagnostics if d.code == "SK203"]
    assert [d.text for d in diags] == ["We have"]
    assert diags[0].fix is None and "stock phrase" in (diags[0].suggestion or "")


# ---------------------------------------------------------------- SK207: watching over it is reassurance

def test_keeping_an_eye_on_it_is_a_warm_line() -> None:
    text = ("I've reproduced the crash on my side and sent it to our engineers. "
            "I'll keep an eye on the ticket and update you by Thursday, even if nothing has moved.")
    assert "SK207" not in codes(text)
    assert "SK207" in codes("I've reproduced the crash on my side and sent it to our engineers. "
                            "The ticket will be updated by Thursday.")


def test_keeping_an_eye_on_it_is_still_the_owned_next_step() -> None:
    # the promise to watch is the reply's solution: not told it has none (SK401, an error), only that the
    # step is vague and has no when
    text = "Thanks for flagging this. I'll keep an eye on it."  # ("over the weekend" is a when: SK404 passes)
    assert {"SK402", "SK404"} <= set(codes(text)) and "SK401" not in codes(text)
    assert "SK207" not in codes(text)


def test_asking_the_customer_to_keep_an_eye_out_is_not_reassurance() -> None:
    assert "SK207" in codes("I've sent the fix to our engineers. Please keep an eye on your inbox for their note.")


def test_keeping_an_eye_on_it_is_read_into_the_solution_slot() -> None:
    # (import fills a macro's slots by this reading: read as warmth, the reply had no solution to export)
    text = "Thanks for flagging this. I'll keep an eye on it over the weekend."
    slots = {text[a:b]: slot for a, b, slot, _ in infer_slots(text)}
    assert slots["I'll keep an eye on it over the weekend."] == "solution", slots


def test_an_imported_reply_that_keeps_an_eye_on_it_keeps_its_solution(tmp_path: Path) -> None:
    library = tmp_path / "lib.json"
    library.write_text(json.dumps([{"title": "Watch", "body": "Thanks for flagging this. "
                                    "I'll keep an eye on it over the weekend."}]), encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["import", str(library), "--map", "title=title,body=body", "-o", str(out)])
    assert result.exit_code == 0, result.output
    script = load_pack(out).scripts[0]
    assert "I'll keep an eye on it over the weekend." in str(script.solution), script
