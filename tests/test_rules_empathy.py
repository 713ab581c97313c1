"""Empathy rules (SK3xx): acknowledgment first and specific, sympathy with action, no dismissal."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from scriptkit.config import LintConfig, Selector
from scriptkit.diagnostics import Severity
from scriptkit.errors import ConfigError
from scriptkit.linting import lint_pack, lint_text
from scriptkit.loading import load_pack
from scriptkit.models import Pack, PackMeta, Script
from scriptkit.rendering import render_script
from scriptkit.rules import all_rules, lexicon
from scriptkit.rules.base import Finding, RuleContext
from scriptkit.rules.empathy import (
    ApologyThenBut,
    DismissiveLanguage,
    LateAcknowledgment,
    MissingAcknowledgment,
    OverApologising,
    SympathyWithoutAction,
    VagueAcknowledgment,
)

MakePack = Callable[..., Path]

# Our own texts: an empathetic script and a cold one for the same situation.
WARM = {
    "acknowledgment": "I can see how stressful it is to be locked out of your account right before a deadline.",
    "warm_language": "I'm really sorry, and thank you for sending the screenshot.",
    "solution": "I've reset your login, so you can sign in again now. I'll check back with you tomorrow morning.",
}
COLD = {
    "acknowledgment": "Account access is restored after identity checks. I understand.",
    "warm_language": "I'm sorry, but as I already said, you should have kept your recovery codes. "
                     "Sorry again, and apologies for the wait.",
    "solution": "Per our policy, there is nothing we can do before the checks finish. Just simply wait.",
}


def _quote(key: str, value: str) -> str:
    return f"{key}: '" + value.replace("'", "''") + "'"


def script_yaml(slots: dict[str, str]) -> str:
    head = {"id": "locked-out", "title": "Locked out before a deadline"}
    return "".join(_quote(k, v) + "\n" for k, v in {**head, **slots}.items()) + "channels: [email, chat]\n"


def lint_codes(make_pack: MakePack, slots: dict[str, str], select: str = "SK3") -> list[tuple[str, str]]:
    pack = load_pack(make_pack({"s.yaml": script_yaml(slots)}))
    result = lint_pack(pack, LintConfig(select=(Selector(select),)))
    return [(d.code, d.text) for d in result.diagnostics]


def check(rule: Any, options: dict[str, Any] | None = None, channel: str = "email",
          **slots: str) -> list[tuple[str, Finding]]:
    """Run one rule on a script built in memory; (offending text, finding) pairs."""
    script = Script(id="t", title="T", channels=[channel], **slots)
    pack = Pack(meta=PackMeta(name="t"), scripts=[script])
    message = render_script(pack, script, channel)
    opts = {**rule.options, **(options or {})}
    return [(message.text[f.start:f.end], f) for f in rule().check(message, RuleContext(pack, opts))]


# ---------------------------------------------------------------- data

def test_lexicon_and_dismissive_phrases_load() -> None:
    assert set(lexicon.lexicon()) >= {"feelings", "apologies"}
    for name in ("feelings", "situation_cues", "acknowledgment_openers", "apologies", "personal_apologies",
                 "impersonal_apologies", "validation", "ownership", "actions", "time_frames", "greetings",
                 "signoffs", "emotional_reactions"):
        assert lexicon.words(name), name
    entries = lexicon.data("dismissive.yaml")["phrases"]
    kinds = {e["kind"] for e in entries}
    assert kinds == {"dismissive", "minimising", "blaming", "condescending", "policy", "deflecting"}
    keys = [" ".join(lexicon.fold(e["phrase"]).split()) for e in entries]
    assert len(keys) == len(set(keys))
    assert all(e["advice"].strip() for e in entries)


def test_unknown_lexicon_list_names_the_known_ones() -> None:
    with pytest.raises(KeyError, match="feelings"):
        lexicon.words("no-such-list")


# ---------------------------------------------------------------- whole replies

def test_cold_reply_gets_the_findings_a_reader_expects(make_pack: MakePack) -> None:
    found = lint_codes(make_pack, COLD)
    codes = {c for c, _ in found}
    assert {"SK302", "SK303", "SK305", "SK306", "SK307"} <= codes
    dismissive = {t.lower() for c, t in found if c == "SK305"}
    assert {"as i already said", "you should have", "per our policy", "there is nothing we can do",
            "just simply"} <= dismissive
    assert ("SK306", "but") in found


def test_warm_reply_gets_no_empathy_findings(make_pack: MakePack) -> None:
    assert lint_codes(make_pack, WARM) == []


def test_review_of_an_agent_reply_flags_and_praises_by_sentence() -> None:
    text = ("Hi Dana,\n\nWe got your message. I'm sorry that happened.\n\n"
            "Best,\nLee")
    result = lint_text(text, config=LintConfig(select=(Selector("SK3"),)))
    codes = {d.code for d in result.diagnostics}
    assert {"SK301", "SK304"} <= codes
    slots = [n.slot for n in result.sentences]
    assert slots[0] == "greeting" and slots[-1] == "signoff"


# ---------------------------------------------------------------- SK301, SK302, SK303

def test_missing_acknowledgment_points_at_the_acknowledgment_slot() -> None:
    [(text, finding)] = check(MissingAcknowledgment, acknowledgment="Your order has been reshipped.",
                              solution="It will arrive on Friday.")
    assert text == "Your order has been reshipped."
    assert "acknowledg" in (finding.suggestion or "")


@pytest.mark.parametrize("ack", [
    "That sounds really stressful.",
    "I know how much you were counting on this parcel.",
    "Waiting all week for a refund must be so frustrating for you.",
    "I hear you, and I understand why you're upset.",
    "You're right, and I'd be frustrated too.",
    "That's such a hassle, especially before a trip.",
    "A cracked teapot after all that waiting is such a letdown.",
    "I'm so sorry your parcel went to the wrong address.",
    "I know moving a visit at short notice is stressful.",
    "Being locked out is unsettling.",
    "Waiting on a refund is frustrating, I know.",
    # "I know" with a contraction, or with a plain word for how it feels
    "I know that's not what you hoped to hear.",
    "I know it’s been a long wait.",
    "I know you've been chasing this since Monday.",
    "I know waiting on a repair is hard.",
    "I know the last few days have been tough.",
    "Being without a car all week is a real pain.",
    # sorry + what happened, told with "the" as well as "your"
    "I'm sorry the delivery was late.",
    "I'm sorry that the checkout kept failing on you.",
    "Oh no, I'm sorry the discount code didn't work!",
    "I'm sorry for the mix-up with your order.",
    # taking their side
    "This is not your fault at all.",
    "There's no need to apologise, you did everything right.",
    "You're not overreacting; a missed connection is a big deal.",
    "You shouldn't have to chase us for this.",
    "Two weeks for a refund is far too long.",
    "This has taken longer than it should.",
    "It was nothing you did.",
    "It's easy to miss the renewal email.",  # normalising a slip, on their side
    "That's an easy mistake to make with two logins.",
    # the feeling after a comma, or in a "which" clause
    "I'm sorry the upgrade cost more than the page said, that's really frustrating.",
    "The update broke your calendar sync, which is so annoying.",
    "Thanks for waiting!",  # as "thanks for your patience"
    "Thank you for holding, Sam.",
    "So sorry about the double charge, Jo.",  # sorry for a named mishap
    "I'm sorry for the damage to the sofa.",
    "I'm really sorry about the noise from the room next door last night.",
    "You were promised a call back and didn't get one; that's not right.",
    # sorry for a mishap named by when it happened, or for the feeling it caused
    "I'm sorry about this morning's outage on the booking site.",
    "Sorry for last night's noise from the kitchen.",
    "So sorry for all the stress this has caused.",
    "Sorry for the hassle with the courier.",
    # owning the cause
    "That pricing bug is on us, not you.",
    "This was our mistake, not yours.",
    "You were billed twice because of a sync fault, not because of anything you did.",
    "I'm sorry about the missed appointment on Monday.",
    "That's a really long time to be without hot water.",
    "Four missed calls in a week, which isn't good enough.",
    "I'm sorry it's dragged on for so long.",
    "I'm sorry it took us so long to call you back.",
    "I'm sorry it hasn't arrived yet.",  # what went wrong told of "it"
    "Sorry it still isn't working after the update.",
    "Totally understand, nobody wants a cold shower in January.",
    "Being stuck at the gate for four hours is miserable.",
    "You deserved a reply much sooner.",
    "I'm sorry we lost your suitcase on the way home.",  # owning what we did
    "I was so sorry to read about the break-in at your shop.",
    "I'm sorry it's not the news you were hoping for.",
    "I apologise for the mix-up with your booking.",
    "That wasn't the welcome we want any guest to get.",
    "It's not the experience we want you to have.",
])
def test_acknowledgments_are_recognised(ack: str) -> None:
    assert check(MissingAcknowledgment, acknowledgment=ack, solution="I'll refund you today.") == []


@pytest.mark.parametrize("ack", [
    "I know the answer is in the help centre.",  # "I know" with no feeling
    "Getting a refund is quick.",  # what happened as the subject, but no feeling
    "I know the code is in the confirmation email.",  # "I know the ..." with no feeling
    "I knew that's where it was.",  # not "I know"
    "I'm sorry this happened.",  # sorry for nothing named
    "I'm sorry it happened.",
    "Sorry it's a Sunday.",  # no verb of what went wrong
    "I'm sorry for the inconvenience caused.",
    "Sorry for the wait.",  # a courtesy, not what happened to them
    "Sorry for the late reply.",
    "Sorry for the trouble.",
    "It's a long time since the last update.",  # a long time, but not theirs
    "That's good enough for the form.",  # good enough, not falling short
    "Sorry we're closed on Sundays.",  # sorry, but for nothing that happened to them
    "We apologise for the delay.",  # a courtesy, as "sorry for the wait"
    "That's the standard we expect from every driver.",  # no shortfall named
    "The new sofa is a better fit for the room.",
    "It's easy to set up in the app.",
    "The file name is too long for the form.",  # "too long", but not the customer's wait
    "That was your fault.",
    "The new screen is less confusing than the old one.",  # a feeling word aimed at nobody
])
def test_statements_that_name_no_feeling_are_not_acknowledgments(ack: str) -> None:
    assert len(check(MissingAcknowledgment, acknowledgment=ack, solution="I'll refund you today.")) == 1


def test_late_acknowledgment_and_its_option() -> None:
    slots = {"acknowledgment": "Refunds take 5-7 days to process. I understand how stressful the wait is.",
             "solution": "I've started yours today."}
    [(text, finding)] = check(LateAcknowledgment, **slots)
    assert text == "I understand how stressful the wait is."
    assert "second" in finding.message and "Refunds take" in finding.message
    assert check(LateAcknowledgment, {"within": 2}, **slots) == []


def test_an_opening_thank_you_does_not_make_the_acknowledgment_late() -> None:
    assert check(LateAcknowledgment, acknowledgment="Thanks for sending the receipt. I'm so sorry the blender "
                 "arrived cracked.", solution="I've sent a new one today.") == []
    # a thank-you that carries the fix is content, and so is a fact after the thanks
    assert len(check(LateAcknowledgment, acknowledgment="Thanks for the photo, I've refunded the charge. I know "
                     "how annoying the double charge was.", solution="It will show within 3 days.")) == 1
    assert len(check(LateAcknowledgment, acknowledgment="Thank you. Refunds take 5 days. I understand how "
                     "stressful the wait is.", solution="I've started yours today.")) == 1


@pytest.mark.parametrize(("ack", "late"), [
    # the customer asked a yes/no question: the answer they are waiting for may come first
    ("No, the charge won't be repeated. I understand how alarming that looked on your statement.", False),
    ("Yes, your booking is still valid. I can see how worrying the email about it was.", False),
    ("No. I can see why the second email worried you.", False),
    # an answer is one short sentence; a second sentence before the acknowledgment is content
    ("No, the charge won't be repeated. Refunds take five days. I understand how alarming that looked.", True),
    ("Nobody can see your card details. I understand how alarming that looked.", True),
    ("Now, refunds take five days. I understand how stressful the wait is.", True),
])
def test_a_yes_or_no_answer_may_come_before_the_acknowledgment(ack: str, late: bool) -> None:
    found = check(LateAcknowledgment, acknowledgment=ack, solution="I've checked your account today.")
    assert bool(found) == late


def test_a_closing_thanks_for_patience_is_not_a_late_acknowledgment() -> None:
    # moving "Thanks for your patience." to the top would not help anyone: it closes the reply
    assert check(LateAcknowledgment, acknowledgment="Thanks for your reply.",
                 solution="Please open the app and send us a photo of the settings page today. Thanks for "
                          "your patience and understanding.") == []
    assert check(LateAcknowledgment, acknowledgment="I've processed your refund today.",
                 solution="Thank you for bearing with us while we sorted it.") == []
    # an opening "thanks for flagging this" is the acknowledgment, and it is first
    assert check(LateAcknowledgment, acknowledgment="Thanks for flagging this. We know some customers can't log "
                 "in.", solution="Our team is on it and I'll update you today. I know it's frustrating.") == []
    # a thank-you that names how the wait felt is an acknowledgment, and a late one
    assert len(check(LateAcknowledgment, acknowledgment="I've processed your refund today.",
                     solution="Thank you for your patience, I know how stressful the wait was.")) == 1


def test_greeting_does_not_count_as_the_first_sentence() -> None:
    # the chat layout puts "Hi {{customer.first_name}}!" in front; the acknowledgment still comes first
    assert check(LateAcknowledgment, channel="chat", acknowledgment="That sounds really stressful.",
                 solution="I've moved your booking to Friday.") == []
    assert check(LateAcknowledgment, acknowledgment="Hi there, that sounds really stressful.",
                 solution="I've moved your booking to Friday.") == []


@pytest.mark.parametrize("ack", ["I understand.", "I understand your concern.", "I hear you.",
                                 "I can see that.", "We hear you."])
def test_vague_acknowledgments(ack: str) -> None:
    [(text, _)] = check(VagueAcknowledgment, acknowledgment=ack, solution="I've refunded the charge today.")
    assert text == ack


@pytest.mark.parametrize("ack", [
    "I understand why you'd expect the warranty to cover this.",
    "I know that's not what you hoped to hear.",
    "I'm sorry the discount code didn't work.",
    "I'm sorry the sign-in link expired before you could use it.",
])
def test_what_they_expected_or_what_failed_is_their_situation(ack: str) -> None:
    assert check(VagueAcknowledgment, acknowledgment=ack, solution="I've refunded the charge today.") == []


@pytest.mark.parametrize(("ack", "vague"), [
    ("I can see why the new pricing caught you off guard.", False),
    ("I understand the change blindsided you.", False),
    ("I can see why.", True),
    ("I know how important this prescription is for you.", False),
    ("I know how much this trip means to you.", False),
    ("I know how it is.", True),
    ("Thank you for your patience, I know this has dragged on.", False),
    ("I'm sorry about the noise last night; you deserved a good night's sleep.", False),
    # a courtesy, then why the outage happened and that it was not them
    ("Thank you for your patience. The outage was caused on our side, not anything you did.", False),
    # a service that stopped, something not ready when they came for it, a missed visit
    ("So sorry about the missed collection this week.", False),
    ("I'm sorry the yoga class didn't go ahead.", False),
    ("Sorry the booking site is down this morning.", False),
    ("I'm sorry the repair wasn't ready when you called in.", False),
])
def test_a_feeling_or_what_matters_to_them_is_specific(ack: str, vague: bool) -> None:
    assert len(check(VagueAcknowledgment, acknowledgment=ack, solution="I've refunded the charge today.")) == vague


@pytest.mark.parametrize("ack", [
    "I'm sorry that's been your experience with our phone line.",
    "I'm sorry that has been so hard.",
])
def test_sorry_that_has_been_acknowledges(ack: str) -> None:
    assert check(MissingAcknowledgment, acknowledgment=ack, solution="I'll refund you today.") == []


def test_a_vague_opener_followed_by_a_specific_one_is_fine() -> None:
    assert check(VagueAcknowledgment, acknowledgment="I hear you. Three weeks without your refund is far too long.",
                 solution="I've refunded the charge today.") == []


def test_vague_acknowledgment_is_silent_when_nothing_acknowledges() -> None:
    # that is SK301's finding; one problem, one diagnostic
    assert check(VagueAcknowledgment, acknowledgment="Your order has been reshipped.",
                 solution="It arrives Friday.") == []


# ---------------------------------------------------------------- SK304 sympathy-without-action

@pytest.mark.parametrize("solution", [
    "Thanks for your message.",
    "That's correct, and the terms are attached below.",  # "correct" and "attached" name no step
    "I knew it would be, and the parcel is here.",
    "I was so moved by your message.",  # "moved", but nobody is moved anywhere
    "The incident report is on our website.",  # a report, but nothing reported
    "You can read more about the delays on our blog.",  # advice, but no step
])
def test_sympathy_with_no_step_is_flagged(solution: str) -> None:
    assert len(check(SympathyWithoutAction, acknowledgment="I'm sorry that happened.", solution=solution)) == 1


def test_sympathy_alone_is_flagged() -> None:
    [(text, _)] = check(SympathyWithoutAction, acknowledgment="I'm sorry that happened.",
                        solution="Thanks for your message.")
    assert text == "I'm sorry that happened."


@pytest.mark.parametrize("solution", [
    "I'll reset your password for you today.",
    "Click Settings, then choose Reset.",
    "That must have been so annoying.",
    "I've corrected it and attached the new invoice.",
    "I've put you on our callback list.",
    "I've reserved the next one for you.",
    "I've cleared the error from your account.",
    "I've chased the supplier this morning.",
    "I know you've been waiting on this since Monday.",  # validates what they went through
    "I know it's been a long week for you.",
    "I've moved you to a quiet room on the top floor.",
    "I've logged the leak with the repairs team.",
    "I've reported the broken streetlight to the council.",
    "The booking site should be back online by 4pm.",
    "An inspector will take a look within 5 working days.",
    "You can claim a refund for the delay on our website.",  # advice with a step in it
    "I've placed the order again with express delivery.",
    "You can pay securely on our website.",
    "You can call us on 0800 555 0100 any day.",
])
def test_sympathy_with_validation_or_help_is_fine(solution: str) -> None:
    assert check(SympathyWithoutAction, acknowledgment="I'm sorry that happened.", solution=solution) == []


# ---------------------------------------------------------------- SK305 dismissive-language

def test_dismissive_kinds_and_severity() -> None:
    found = check(DismissiveLanguage, acknowledgment="I can see the reset email hasn't arrived.",
                  solution="Calm down, all you have to do is click the link. Obviously it works.")
    by_text = {t: f for t, f in found}
    assert set(by_text) == {"Calm down", "all you have to do is", "Obviously"}
    assert by_text["Calm down"].message.startswith("dismissive")
    assert by_text["all you have to do is"].severity == Severity.SUGGESTION  # minimising only suggests
    assert by_text["Obviously"].severity is None  # the rule's default


@pytest.mark.parametrize(("solution", "flagged"), [
    ("Per our security policy, I can't reset it by phone. I'll email a link today.", ["Per our security policy"]),
    ("As per the cancellation fee policy, it costs $5. I'll waive it today.", ["per the cancellation fee policy"]),
    ("Per our policy, I can't reset it by phone. I'll email a link today.", ["Per our policy"]),  # found once
    ("I've read our security policy again, and I'll reset it by phone today.", []),  # naming a policy is fine
])
def test_policy_walls_with_the_policy_named(solution: str, flagged: list[str]) -> None:
    found = check(DismissiveLanguage, acknowledgment="I can see being locked out is stressful.", solution=solution)
    assert [t for t, _ in found] == flagged


@pytest.mark.parametrize(("solution", "flagged"), [
    ("You should have checked the size chart. I'll swap it today.", ["You should have"]),
    ("You must have entered the wrong card. I'll help you fix it today.", ["You must have"]),
    ("You shouldn’t have clicked that link. I'll reset it today.", ["You shouldn’t have"]),
    # an expectation, a feeling or taking their side: no blame
    ("You should have received an email with the link. I'll resend it today.", []),
    ("You should’ve got a text by now. I'll resend it today.", []),
    ("You must have been so worried. I'll refund you today.", []),
    ("You shouldn't have to wait this long. I'll refund you today.", []),
    ("You shouldn't have been charged twice. I'll refund you today.", []),
])
def test_blame_is_told_apart_from_expectations_and_feelings(solution: str, flagged: list[str]) -> None:
    found = check(DismissiveLanguage, acknowledgment="I can see why this is upsetting.", solution=solution)
    assert [t for t, _ in found] == flagged


@pytest.mark.parametrize(("solution", "flagged"), [
    ("Simply restart the router. I'll check the line today.", ["Simply"]),
    ("It's easy, just click the link. I'll resend it today.", ["It's easy"]),
    ("It is very easy to set up. I'll send the guide today.", ["It is very easy"]),
    # a step nobody finds hard, and "easy to miss" on the customer's side: not minimising
    ("To confirm, simply reply to this email with yes, and I'll book it today.", []),
    ("Simply let me know the new address and I'll update it today.", []),
    ("It's easy to miss the renewal email, so I've refunded it today.", []),
    ("It’s easy to get confused by the two logins. I'll merge them today.", []),
])
def test_minimising_is_told_apart_from_kind_uses_of_simply_and_easy(solution: str, flagged: list[str]) -> None:
    found = check(DismissiveLanguage, acknowledgment="I can see why this is upsetting.", solution=solution)
    assert [t for t, _ in found] == flagged


@pytest.mark.parametrize(("solution", "flagged"), [
    ("You forgot to enter your postcode. I'll add it today.", ["You forgot to"]),
    ("You clearly didn't read the setup guide. I'll send it today.", ["You clearly didn't"]),
    ("It was clearly stated on the product page. I'll refund it today.", ["was clearly stated"]),
    ("Please be patient, and I'll update you today.", ["Please be patient"]),
    ("You'll need to be patient while I check it today.", ["You'll need to be patient"]),
    ("It's not our fault the courier lost it. I'll chase them today.", ["not our fault"]),
    # the same words, kindly
    ("If you forgot to add a gift note, I'll add one today.", []),
    ("You clearly care about this garden, so I'll send the seeds today.", []),
    ("The card number should be clearly visible in the photo. I'll check it today.", []),
    ("Thank you for being patient. I'll send it today.", []),
    ("This was our fault, and I'll refund it today.", []),
])
def test_blame_deflection_and_impatience_are_found(solution: str, flagged: list[str]) -> None:
    found = check(DismissiveLanguage, acknowledgment="I can see why this is upsetting.", solution=solution)
    assert [t for t, _ in found] == flagged


@pytest.mark.parametrize(("solution", "flagged"), [
    ("You're wrong, the charge is correct. I'll send the invoice today.", ["You're wrong"]),
    ("I'm sorry if you were upset by our email. I'll call you today.", ["sorry if you were upset"]),
    ("I'm sorry you feel that way. I'll call you today.", ["sorry you feel that way"]),
    ("Apologies if our email offended you. I'll call you today.", ["Apologies if our email offended"]),
    ("As stated on our website, orders ship in 10 days. I'll check yours today.", ["As stated on our website"]),
    ("Nothing can be done to speed it up. I'll track it today.", ["Nothing can be done"]),
    ("That's just the way the system works. I'll check it today.", ["That's just the way the system works"]),
    # the same words, kindly or about a fact
    ("You're not wrong to expect better, so I'll refund it today.", []),
    ("Sorry if you've already tried this: I'll reset it today.", []),
    ("Sorry if you're still seeing the error; I'll reset it today.", []),
    ("As mentioned in the listing, it comes in blue, and I'll swap it today.", []),
])
def test_doubting_the_customer_and_shrugging_are_found(solution: str, flagged: list[str]) -> None:
    found = check(DismissiveLanguage, acknowledgment="I can see why this is upsetting.", solution=solution)
    assert [t for t, _ in found] == flagged


@pytest.mark.parametrize(("solution", "flagged"), [
    ("It's only a few days, so I'll check again tomorrow.", ["It's only"]),
    ("I don't know when it will arrive. I'll check tomorrow.", ["I don't know"]),
    ("There's no way we can refund that. I'll check tomorrow.", ["There's no way"]),
    ("I told you this twice already. I'll check tomorrow.", ["I told you"]),
    # the same words, kindly: fairness, honesty with a promise, taking their side, a promise kept
    ("It's only fair that I refund you in full today.", []),
    ("I don't know yet, but I'll find out and reply by noon.", []),
    ("I don't know why that happened, and I'm going to find out today.", []),
    ("There's no way you could have known, so I'll refund it today.", []),
    ("There's no way you should have to wait that long. I'll refund it today.", []),
    ("I told you I'd call back today, and here I am.", []),
])
def test_kind_uses_of_stock_phrases_are_not_dismissive(solution: str, flagged: list[str]) -> None:
    found = check(DismissiveLanguage, acknowledgment="I can see why this is upsetting.", solution=solution)
    assert [t for t, _ in found] == flagged


@pytest.mark.parametrize(("solution", "flagged"), [
    ("No offence, but the setting is in the menu. I'll send a guide today.", ["No offence, but"]),
    ("No offense, but the driver is out of date. I'll send a guide today.", ["No offense, but"]),
    ("Just google it and you'll find the driver.", ["google it"]),
    ("We cannot be held responsible for courier delays. I'll chase them today.", ["cannot be held responsible"]),
    ("As per the terms you accepted, the fee stands. I'll check it today.", ["per the terms"]),
    ("Per our terms of service, the plan renews yearly. I'll check it today.", ["Per our terms of service"]),
    ("I've told you twice that the item is out of stock. I'll check again today.", ["I've told you"]),
    ("There's nothing more I can do about the fee. I'll check again today.", ["nothing more I can do"]),
    ("As previously advised, the claim was declined. I'll check again today.", ["As previously advised"]),
    ("We will not be responding to further emails on this matter.", ["will not be responding to further"]),
    ("Please read the terms before you sign up again.", ["Please read the terms"]),
    ("You'll need to read the terms next time.", ["You'll need to read the terms"]),
    ("If you'd read the guide, you'd know the port is on the back.", ["If you'd read"]),
    ("You'll have to wait like everyone else.", ["like everyone else"]),
    ("I'm not sure why you think you're entitled to a refund.", ["you think you're entitled"]),
    ("We consider the matter closed. I'll keep your file today.", ["consider the matter closed"]),
    ("Rules are rules, so the fee stands.", ["Rules are rules"]),
    ("This decision is final.", ["This decision is final"]),
    ("Honestly this is a you problem.", ["a you problem"]),
    ("I get that you're upset, but the fee stands.", ["I get that you're upset, but"]),
    ("I get that you're upset, and I'll refund the fee today.", []),
    ("You'd know this if you'd checked the criteria.", ["if you'd checked"]),
    # the same words, kindly or about what the terms give them
    ("You're entitled to a full refund, so I'll send it today.", []),
    ("If you'd like a copy, I'll send it today.", []),
    ("I've told you I'd call back today, and here I am.", []),
    ("I'll read the terms of your policy with you and call you today.", []),
    ("No offence was meant by our letter, and I'll call you today.", []),
    ("Per the terms of your warranty, the repair is free, so I'll book it today.", []),
    ("The courier is held responsible for lost parcels, so I'll refund you today.", []),
])
def test_disclaimers_contracts_and_warnings_of_offence_are_found(solution: str, flagged: list[str]) -> None:
    found = check(DismissiveLanguage, acknowledgment="I can see why this is upsetting.", solution=solution)
    assert [t for t, _ in found] == flagged


def test_not_your_fault_is_kind_and_your_fault_is_not() -> None:
    assert check(DismissiveLanguage, acknowledgment="I can see why this is upsetting.",
                 solution="It's not your fault, and I'll fix it today.") == []
    assert check(DismissiveLanguage, acknowledgment="I can see why this is upsetting.",
                 solution="That was your fault, but I'll fix it today.") != []


def test_dismissive_allow_option() -> None:
    slots = {"acknowledgment": "I can see why this is upsetting.", "solution": "Simply restart the router."}
    assert [t for t, _ in check(DismissiveLanguage, **slots)] == ["Simply"]
    assert check(DismissiveLanguage, {"allow": ["simply"]}, **slots) == []


# ---------------------------------------------------------------- SK306, SK307

@pytest.mark.parametrize(("warm", "word"), [
    ("I'm sorry about the delay, but the courier is responsible.", "but"),
    ("I'm so sorry. However, refunds take ten days.", "However"),
    ("We apologise for this; however, it is out of our hands.", "however"),
    ("I'm sorry it's late, yet the courier says it left on time.", "yet"),
    ("I'm sorry, but I understand the policy on late fees is clear.", "but"),  # back to the policy
])
def test_apology_undone_by_but(warm: str, word: str) -> None:
    [(text, _)] = check(ApologyThenBut, acknowledgment="I can see the parcel is late, which is so annoying.",
                        warm_language=warm, solution="I'll chase it today.")
    assert text == word


@pytest.mark.parametrize("warm", [
    "I'm sorry it's late, but I've already booked a new courier for today.",
    "I'm sorry it's late. However, I'll make sure the new one arrives today.",
    "I'm sorry it's late, though let's get a new one to you today.",
    # "yet" the adverb ends a clause and takes nothing back
    "I'm sorry the part hasn't come yet; I know you need the car for work.",
    "I'm sorry your refund hasn't arrived yet.",
    "I'm sorry it isn't here yet, and I'll chase it today.",
    # going on to the customer, not to an excuse
    "I'm sorry I can't share the file, even though I know it would save you time.",
    "I'm sorry, but I understand why you'd want it sooner.",
])
def test_but_going_on_to_your_own_action_is_fine(warm: str) -> None:
    assert check(ApologyThenBut, acknowledgment="I can see the parcel is late, which is so annoying.",
                 warm_language=warm, solution="It will be with you by 5pm.") == []


@pytest.mark.parametrize(("warm", "sympathy_alone"), [
    ("No need to apologise at all! Thanks for your message.", False),  # declined, nobody is sorry
    ("You don't have to apologise, and thanks for your message.", False),
    ("There's no apology needed. Thanks for your message.", False),
    ("I'm so sorry. Thanks for your message.", True),
    ("I never meant for this to happen, and I'm so sorry. Thanks for your message.", True),
])
def test_a_declined_apology_is_no_apology(warm: str, sympathy_alone: bool) -> None:
    # (no step in it: "Your password is reset now." is help given, and sympathy with it is no longer alone)
    found = check(SympathyWithoutAction, acknowledgment="We got your message.", warm_language=warm,
                  solution="The link in your inbox works for an hour.")
    assert len(found) == sympathy_alone


def test_a_declined_apology_is_not_counted_as_one_too_many() -> None:
    slots = {"acknowledgment": "I'm so sorry, I can see how stressful the wait has been.",
             "warm_language": "No need to apologise for chasing, and sorry again.",
             "solution": "I've moved your order up today."}
    assert check(OverApologising, **slots) == []
    assert check(ApologyThenBut, acknowledgment="I can see the wait has been stressful.",
                 warm_language="No need to apologise, but do send the receipt.",
                 solution="I've moved your order up today.") == []


def test_over_apologising_counts_and_points_at_the_first_extra_one() -> None:
    found = check(OverApologising, acknowledgment="I'm so sorry, I can see how stressful the wait has been.",
                  warm_language="Sorry again, and apologies for the delay.",
                  solution="I've moved your order up today.")
    [(text, finding)] = found
    assert text.lower() == "apologies"
    assert finding.message.startswith("3 apologies")
    assert check(OverApologising, {"max_apologies": 3},
                 acknowledgment="I'm so sorry, I can see how stressful the wait has been.",
                 warm_language="Sorry again, and apologies for the delay.",
                 solution="I've moved your order up today.") == []


def test_rules_are_registered_with_kebab_case_names() -> None:
    mine = {r.code: r.name for r in all_rules() if r.code.startswith("SK3")}
    assert mine == {"SK301": "missing-acknowledgment", "SK302": "late-acknowledgment",
                    "SK303": "vague-acknowledgment", "SK304": "sympathy-without-action",
                    "SK305": "dismissive-language", "SK306": "apology-then-but", "SK307": "over-apologising"}


@pytest.mark.parametrize(("rule", "options"), [
    (OverApologising, {"max_apologies": -1}),
    (OverApologising, {"max_apologies": "two"}),
    (LateAcknowledgment, {"within": 0}),
    (DismissiveLanguage, {"allow": [1, 2]}),
])
def test_bad_options_are_config_errors(rule: Any, options: dict[str, Any]) -> None:
    with pytest.raises(ConfigError, match=rf"option '\w+' of rule {rule.code} \[{rule.name}\]"):
        check(rule, options, acknowledgment="Refunds take a week. I'm sorry, I can see how stressful this is.",
              solution="Simply wait, sorry.")


@pytest.mark.parametrize(("ack", "vague"), [
    ("Thanks for your patience while we looked into this!", False),  # warm thanks: nothing to be vague about
    ("Thank you for bearing with me on this one.", False),
    ("Thanks for your patience while we looked into this! I understand.", True),  # the acknowledgment after it is
])
def test_a_thank_you_for_waiting_is_not_a_vague_acknowledgment(ack: str, vague: bool) -> None:
    found = check(VagueAcknowledgment, acknowledgment=ack, solution="I've refunded the charge today.")
    assert [text for text, _ in found] == (["I understand."] if vague else [])
