"""SK201's safe rewrites are applied by `check --fix` with nobody re-reading them, so each is made only where it
keeps the sentence's meaning and grammar: elsewhere the rewrite is a suggestion ("Everything is in order to ship"
is no "Everything is to ship"), and a reply written as "we" keeps its "we"."""

from __future__ import annotations

import pytest

from scriptkit import lint_text


def _rewritten(reply: str) -> tuple[str, list[str]]:
    """The reply with SK201's safe fixes made, and the phrases it reports with no fix."""
    found = [d for d in lint_text(reply).diagnostics if d.code == "SK201"]
    out = reply
    edits = [e for d in found if d.fix is not None and d.fix.safe for e in d.fix.edits]
    for edit in sorted(edits, key=lambda e: -e.start):
        out = out[:edit.start] + edit.replacement + out[edit.end:]
    return out, [d.text.lower() for d in found if d.fix is None or not d.fix.safe]


@pytest.mark.parametrize(("reply", "phrase"), [
    # "in order" meaning "as it should be"
    ("Make sure your passport is in order to board the ferry.", "in order to"),
    ("Is the paperwork in order to sign today?", "in order to"),
    ("Our forms were all in order to file.", "in order to"),
    ("Once everything's in order to go, I'll post it.", "in order to"),
    ("Please get your receipts in order to claim the refund.", "in order to"),
    # a goodwill gesture is no admission that we were at fault
    ("The storm held the van up, not us. As a goodwill gesture, I've refunded the postage.",
     "as a goodwill gesture"),
    ("As a gesture of goodwill, I've added a free month.", "as a gesture of goodwill"),
    # a count to choose, not "several"
    ("Please choose a number of seats for your table.", "a number of"),
    ("Enter a number of nights on the booking page.", "a number of"),
    ("Could you tell us a number of rooms you need?", "a number of"),
    # a phrasal verb split by a noun object
    ("I'll ascertain the cause today.", "ascertain"),
    ("I'll ascertain them both today.", "ascertain"),
    # after a noun, "about" changes what is said
    ("The charge in relation to your upgrade was £3.", "in relation to"),
    ("The rules pertaining to refunds changed in May.", "pertaining to"),
    # "just a heads-up" can only open a sentence
    ("When it arrives, please be aware that the box is heavy.", "please be aware that"),
    ("It ships today and please be aware that it needs a signature.", "please be aware that"),
    # a deadline, a "yet", an adjective after an article, security advice
    ("Please confirm receipt by Monday.", "please confirm receipt"),
    ("Please confirm receipt of the keys by noon.", "please confirm receipt of"),
    ("We have been unable to locate the file yet.", "we have been unable to locate"),
    ("There is an approximately 3-week wait for this model.", "approximately"),
    ("It is recommended that you reset your PIN after a card is lost.", "it is recommended that you"),
])
def test_rewrite_that_would_change_the_meaning_is_a_suggestion(reply: str, phrase: str) -> None:
    fixed, left = _rewritten(reply)
    assert any(said.startswith(phrase) for said in left), (fixed, left)  # ("ascertain them both": the object too)
    assert fixed == reply


@pytest.mark.parametrize(("reply", "fixed"), [
    ("I'll ring the depot in order to find it.", "I'll ring the depot to find it."),
    ("In order to reset it, open Settings.", "To reset it, open Settings."),
    ("We've had a number of orders held up.", "We've had several orders held up."),
    ("I'll ascertain whether it shipped.", "I'll find out whether it shipped."),
    ("I'll ascertain what went wrong.", "I'll find out what went wrong."),
    # (a clause of time or condition takes no "you'll": "Before you'll need to pay" is no English)
    ("If you are required to pay, I'll refund it.", "If you need to pay, I'll refund it."),
    ("Before you are required to renew, I'll email you.", "Before you need to renew, I'll email you."),
    ("Until you are required to pay, nothing is charged.", "Until you need to pay, nothing is charged."),
    ("Once you are required to sign, the form opens.", "Once you need to sign, the form opens."),
    ("After you are required to sign, the form opens.", "After you need to sign, the form opens."),
    ("You are required to sign the form.", "You'll need to sign the form."),
    ("I'm writing in relation to your refund.", "I'm writing about your refund."),
    ("Please contact us pertaining to your refund.", "Please contact us about your refund."),
    ("Please be aware that the box is heavy.", "Just a heads-up that the box is heavy."),
    ("Please confirm receipt.", "Let me know it arrived."),
    ("The parcel is lost; therefore, you'll get a refund.", "The parcel is lost; so you'll get a refund."),
    ("Therefore, I'll refund it today.", "So I'll refund it today."),
    ("There is approximately a week's wait.", "There is about a week's wait."),
    ("I'll take it upon myself to check the stock.", "I'll make sure to check the stock."),
    ("I'll send it upon request.", "I'll send it on request."),
    ("It is recommended that you restart the app.", "I'd suggest you restart the app."),
    ("We pride ourselves on quick replies.", "We care about quick replies."),
])
def test_rewrite_that_keeps_the_meaning_is_still_made(reply: str, fixed: str) -> None:
    assert _rewritten(reply)[0] == fixed


def test_take_it_upon_myself_is_never_take_it_on_myself() -> None:
    fixed, _ = _rewritten("We took it upon ourselves to check it again.")
    assert " on ourselves" not in fixed


@pytest.mark.parametrize(("reply", "fixed"), [
    ("We have been unable to locate your parcel, so we'll send another.",
     "We couldn't find your parcel, so we'll send another."),
    ("We regret to inform you that the sale has ended, but we can hold one for you.",
     "We're sorry to say that the sale has ended, but we can hold one for you."),
    ("It is recommended that you restart the app. We can call you if it fails.",
     "We'd suggest you restart the app. We can call you if it fails."),
    ("We are pleased to announce our new app. We hope you like it.",
     "We're happy to share our new app. We hope you like it."),
])
def test_a_reply_written_as_we_keeps_we(reply: str, fixed: str) -> None:
    assert _rewritten(reply)[0] == fixed


def test_a_reply_with_an_i_gets_the_i_rewrite() -> None:
    reply = "We have been unable to locate your parcel, so I'll send another."
    assert _rewritten(reply)[0] == "I couldn't find your parcel, so I'll send another."


def test_no_i_rewrite_is_made_in_a_we_reply_when_the_entry_has_no_we_form() -> None:
    # (a team's own entry with an "I" rewrite and no "we" form: in a "we" reply a person words it)
    from scriptkit.models import Pack, PackMeta, Script
    from scriptkit.rendering import render_script
    from scriptkit.rules.base import RuleContext
    from scriptkit.rules.warmth import CorporatePhrase

    extra = [{"phrase": "we shall look into it", "replacement": "I'll look into it", "safe": True}]
    script = Script(id="t", title="T", acknowledgment="We know the wait has been long.",
                    solution="We shall look into it today and we will email you.")
    pack = Pack(meta=PackMeta(name="t"), scripts=[script])
    message = render_script(pack, script, "email")
    found = [f for f in CorporatePhrase().check(message, RuleContext(pack, {**CorporatePhrase.options, "extra": extra}))
             if message.text[f.start:f.end].lower() == "we shall look into it"]
    assert found and found[0].replacement is None
