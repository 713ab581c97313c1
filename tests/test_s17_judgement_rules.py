"""Judgement of empathy and solution rules, as a content writer reads them (session 17).

Each behaviour has a reply the rules misjudged before (marked "was wrong") and one they judged
right and still do. Packs are written to disk and linted whole, as `scriptkit check` does.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from scriptkit.config import LintConfig, Selector
from scriptkit.diagnostics import Diagnostic
from scriptkit.linting import lint_pack
from scriptkit.loading import load_pack

MakePack = Callable[..., Path]


def _quote(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def _lint(make_pack: MakePack, select: str | tuple[str, ...], *, acknowledgment: str,
          warm_language: str = "Thanks for writing in.",
          solution: str = "I've sent a replacement today, and it will reach you by Friday.",
          channels: str = "[email]") -> list[Diagnostic]:
    script = (f"id: case\ntitle: Case\nchannels: {channels}\nacknowledgment: {_quote(acknowledgment)}\n"
              f"warm_language: {_quote(warm_language)}\nflexibility:\n  guidance: x\nsolution: {_quote(solution)}\n")
    pack = load_pack(make_pack({"case.yaml": script}))
    selectors = tuple(Selector(code) for code in ((select,) if isinstance(select, str) else select))
    return list(lint_pack(pack, LintConfig(select=selectors), jobs=1).diagnostics)


# ---------------------------------------------------------------- SK306: an acknowledgment undone by "but"

@pytest.mark.timeout(60)
@pytest.mark.parametrize(("acknowledgment", "word"), [
    # was wrong: passed, though the "however" takes the understanding back
    ("I totally understand how annoying the missing refund is, however nothing more can be done here.", "however"),
    ("I can see you're fed up with the noise. However, the engineers say the fan is normal.", "However"),
    ("I hear you, but the upgrade fee stays.", "but"),
])
def test_an_acknowledgment_undone_by_but_is_reported(make_pack: MakePack, acknowledgment: str, word: str) -> None:
    found = _lint(make_pack, "SK306", acknowledgment=acknowledgment)
    assert [d.message for d in found] == [f'the acknowledgment is undone by "{word}"']
    assert found[0].text == word


@pytest.mark.timeout(60)
@pytest.mark.parametrize("acknowledgment", [
    # an acknowledgment that goes on with "and", or a "however" that goes on to what the writer did
    "I totally understand how annoying the missing refund is, and here is what I'll do about it.",
    "I can see how annoying the missing refund is; however, I've already sent it to your bank.",
    # an "I can see" that reports a fact it found: its "but" takes back no feeling
    "I can see the parcel left our warehouse on Tuesday, but the courier has not scanned it since.",
    # a thank-you with a "but" after it takes nothing back either
    "Thanks for your patience, but the part is still on its way to us.",
])
def test_an_acknowledgment_with_and_or_an_owned_however_is_left_alone(make_pack: MakePack,
                                                                        acknowledgment: str) -> None:
    assert _lint(make_pack, "SK306", acknowledgment=acknowledgment) == []


@pytest.mark.timeout(60)
def test_an_apology_undone_by_but_is_still_the_apology(make_pack: MakePack) -> None:
    found = _lint(make_pack, "SK306", acknowledgment="I'm sorry the lamp came cracked, but glass is fragile.")
    assert [d.message for d in found] == ['the apology is undone by "but"']


@pytest.mark.timeout(60)
def test_a_but_that_sk305_already_names_is_reported_once(make_pack: MakePack) -> None:
    found = _lint(make_pack, ("SK305", "SK306"), acknowledgment="I get that you're upset, but the fee stands.")
    assert [d.code for d in found] == ["SK305"]


# ---------------------------------------------------------------- SK305: cold corporate phrases

@pytest.mark.timeout(60)
@pytest.mark.parametrize(("solution", "phrase"), [
    # was wrong: each passed SK305
    ("Sadly this is our policy, and I'll close the ticket today.", "this is our policy"),
    ("The app is working as designed, so I'll close the ticket today.", "working as designed"),
    ("Our system indicates the voucher was used, so I'll close the ticket today.",
     "Our system indicates the voucher was used"),
    ("There is nothing else we are able to do, so I'll close the ticket today.", "nothing else we are able to do"),
    ("That pop-up is by design, so I'll close the ticket today.", "is by design"),
])
def test_policy_records_and_as_intended_phrases_are_dismissive(make_pack: MakePack, solution: str,
                                                               phrase: str) -> None:
    found = _lint(make_pack, "SK305", acknowledgment="I can see how annoying this has been.", solution=solution)
    assert [d.text for d in found] == [phrase]


@pytest.mark.timeout(60)
@pytest.mark.parametrize("solution", [
    # owning the fault, or closing a chat kindly, with the same words
    "Your heater is not working as designed, so I'll send an engineer tomorrow.",
    "If there's nothing else I can do for you, I'll close the chat today.",
    "Our policy on broken items is simple: I'll send a new one today.",
])
def test_the_same_words_owning_a_fault_are_not_dismissive(make_pack: MakePack, solution: str) -> None:
    assert _lint(make_pack, "SK305", acknowledgment="I can see how annoying this has been.", solution=solution) == []


# ---------------------------------------------------------------- SK301: what acknowledges

@pytest.mark.timeout(60)
@pytest.mark.parametrize(("acknowledgment", "warm_language"), [
    # was wrong: "never acknowledges" on each, whatever the warm line said
    ("What a pity the boots pinch, after all that waiting.", "Let's get them swapped."),
    # (the same acknowledgment passed only when the warm line thanked them for waiting: now whatever it says)
    ("What a pity the boots pinch, after all that waiting.", "Thanks for bearing with me."),
    ("You've had a dreadful fortnight with our billing, and that one's on us.", "Let's put it right."),
    ("You have been so patient with us through all of this.", "I'm sorry it took four calls."),
    ("Starting a new job is stressful enough without the laptop dying on day one.", "We've got you."),
    ("Three nights without heating is miserable.", "Let's get it sorted."),
])
def test_acknowledgments_without_a_stock_opener_are_recognised(make_pack: MakePack, acknowledgment: str,
                                                               warm_language: str) -> None:
    assert _lint(make_pack, "SK301", acknowledgment=acknowledgment, warm_language=warm_language) == []


@pytest.mark.timeout(60)
@pytest.mark.parametrize("acknowledgment", [
    "Your order has been reshipped.",
    # the writer's own feeling, told of themselves, hears nobody
    "I was stressed about the move for weeks too.",
    "We sell an awful lot of these boots.",
])
def test_a_reply_that_does_not_acknowledge_is_still_reported(make_pack: MakePack, acknowledgment: str) -> None:
    found = _lint(make_pack, "SK301", acknowledgment=acknowledgment, warm_language="Let's get it sorted.")
    assert [d.code for d in found] == ["SK301"]


# ---------------------------------------------------------------- SK302: telling back what happened first

@pytest.mark.timeout(60)
@pytest.mark.parametrize("acknowledgment", [
    # was wrong: "the acknowledgment comes second"
    "You booked the table for your anniversary and we gave it away. That's awful.",
    "You waited in all morning for the engineer and nobody turned up. That is infuriating.",
])
def test_an_acknowledgment_may_open_by_telling_back_what_happened(make_pack: MakePack, acknowledgment: str) -> None:
    assert _lint(make_pack, "SK302", acknowledgment=acknowledgment, channels="[email, chat]") == []


@pytest.mark.timeout(60)
@pytest.mark.parametrize("acknowledgment", [
    # a fix, a policy or reassurance first is still content before the acknowledgment
    "Your order has been reshipped. I can see how frustrating the wait was.",
    "Nobody else can read your messages. I understand how alarming that email looked.",
    "You'll get a refund in five days. I understand how stressful the wait is.",
])
def test_content_before_the_acknowledgment_is_still_late(make_pack: MakePack, acknowledgment: str) -> None:
    found = _lint(make_pack, "SK302", acknowledgment=acknowledgment)
    assert [d.code for d in found] == ["SK302"]


# ---------------------------------------------------------------- SK402: switching a card or account

@pytest.mark.timeout(60)
@pytest.mark.parametrize("solution", [
    # was wrong: "no concrete next step"
    "I've frozen your card this morning, and a new one will reach you within 3 working days.",
    "We have blocked the payment, and the money will be back within 3 working days.",
    "I've locked the account for now, and I'll ring you tomorrow at 10am.",
    "I'll suspend the direct debit today.",
    "I've unfrozen the card, so you can use it again now.",
])
def test_switching_a_card_or_account_is_a_next_step(make_pack: MakePack, solution: str) -> None:
    assert _lint(make_pack, "SK402", acknowledgment="I can see how worrying that payment was.",
                 solution=solution) == []


@pytest.mark.timeout(60)
@pytest.mark.parametrize("solution", [
    # the state the card is in is no step, and was not one before
    "Your card stays frozen for now.",
    "The account is locked at the moment.",
    "There is a block on your card at the moment.",
])
def test_the_state_of_a_card_is_not_a_next_step(make_pack: MakePack, solution: str) -> None:
    found = _lint(make_pack, "SK402", acknowledgment="I can see how worrying that payment was.", solution=solution)
    assert [d.code for d in found] == ["SK402"]


# ---------------------------------------------------------------- SK207: one finding for two channels

@pytest.mark.timeout(60)
def test_no_warm_line_is_reported_once_for_email_and_chat(make_pack: MakePack) -> None:
    # two identical lines at the same place, one per channel (their sentences are joined differently)
    found = _lint(make_pack, "SK207", acknowledgment="The card was used twice in Rome, which is alarming.",
                  warm_language="The bank flagged both payments.",
                  solution="I've frozen the card today, and a new one will reach you by Friday.",
                  channels="[email, chat]")
    assert len(found) == 1
    assert found[0].extra["channels"] == "email,chat"
    assert (found[0].location.line, found[0].location.col) == (4, 18)


@pytest.mark.timeout(60)
def test_telling_the_customer_they_did_right_is_a_warm_line(make_pack: MakePack) -> None:
    found = _lint(make_pack, "SK207", acknowledgment="The card was used twice in Rome, which is alarming.",
                  warm_language="You did exactly the right thing by calling us straight away.",
                  solution="I've frozen the card today, and a new one will reach you by Friday.",
                  channels="[email, chat]")
    assert found == []
