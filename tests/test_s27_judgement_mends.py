"""Judgements mended after a review of last session's changes: a step done told as news is read only when it is
one (not someone's harm, a negation, a question, a condition or a hedge); the customer sent to "take it up with"
someone is told apart from the writer offering to; "would upset anyone" doubted is no acknowledgment; a thank-you
for praise that also understands or refuses something is still judged."""

from __future__ import annotations

import pytest

from scriptkit.config import LintConfig, Selector
from scriptkit.linting import lint_text


def _codes(text: str, *codes: str) -> set[str]:
    config = LintConfig(select=tuple(Selector(c) for c in codes), grammar="off")
    return {d.code for d in lint_text(text, channel="email", config=config).diagnostics}


# ---------------------------------------------------------------- a step done told as news

@pytest.mark.parametrize("news", ["Your order is on its way.", "Your order's on its way.",
                                  "Your new cards are already on their way to you.",
                                  "Your package left our warehouse today.",
                                  "Your parcel went out from our depot today."])
def test_the_customers_thing_sent_off_is_a_step_done(news: str) -> None:
    assert _codes(f"Hi Kim, so sorry for the wait! {news}", "SK304", "SK402", "SK403") == set()


@pytest.mark.parametrize("harm", [
    "Our app deleted your files yesterday.", "The bank blocked your payment today.",
    "Our system charged your card twice yesterday.", "The driver skipped your street yesterday.",
    "The outage locked your account this morning."])
def test_someone_elses_harm_told_as_news_is_no_step_done(harm: str) -> None:
    # (sympathy and what went wrong: no help in it, so no step of ours either; since session 38 SK403 asks for an
    # owner only where a step is named, and the missing help is SK304's to tell)
    found = _codes(f"Hi Kim, I'm so sorry. {harm}", "SK304", "SK403")
    assert found == {"SK304"}, found


@pytest.mark.parametrize("not_done", [
    "Your order is not on its way yet.", "Your order isn't on its way yet.",
    "Your package never left our warehouse today.", "Your package hasn't left our warehouse today.",
    "Your complaint is on its way to the manager.", "Your return is on its way to our warehouse.",
    "Your order is on its way, we think, but the tracking is broken.",
    "Your package left the depot today and may arrive Friday, or may not.",
])
def test_a_step_negated_hedged_or_headed_our_way_is_not_done(not_done: str) -> None:
    assert "SK304" in _codes(f"Hi Kim, so sorry for the wait! {not_done}", "SK304")


@pytest.mark.parametrize("asked", ["Is your order on its way?", "If your order is on its way, you'll get an email.",
                                   "Did your package leave our warehouse today?"])
def test_a_step_asked_about_or_supposed_is_not_done(asked: str) -> None:
    from scriptkit.rules.solution import finished
    assert not finished(asked)


@pytest.mark.parametrize("given", ["Here's 50% off your next order.", "Here is a $20 credit for the trouble.",
                                   "Here is 20% back."])
def test_an_amount_handed_over_is_help(given: str) -> None:
    assert _codes(f"Hi Kim, sorry about that. {given}", "SK304", "SK403") == set()


@pytest.mark.parametrize("not_given", ["I wish I could say here's 50% off your next order, but I can't.",
                                       "Here is a $20 refund policy explanation."])
def test_an_amount_wished_for_or_only_named_is_no_help(not_given: str) -> None:
    assert _codes(f"Hi Kim, sorry about that. {not_given}", "SK304") == {"SK304"}


# ---------------------------------------------------------------- "take it up with"

@pytest.mark.parametrize("offer", [
    "I'd be happy to take it up with the courier for you.", "I'm going to take this up with the warehouse today.",
    "I'll personally take this up with the courier today.",
    "Let me know if you'd like me to take this up with the courier.",
    "We'd be glad to raise this up with the manufacturer.", "I could take it up with them for you, if you like.",
    "Happy to take it up with them for you.", "Did you already take it up with the courier? If not, I can do it.",
    "That's not how it's meant to be used, and that's on us: the button is confusing.",
])
def test_the_writers_own_offer_to_take_it_up_is_not_deflecting(offer: str) -> None:
    assert _codes(offer, "SK305") == set()


@pytest.mark.parametrize("sent_away", ["Please take it up with your bank.", "Take it up with them.",
                                       "You'll need to take this up with the courier.",
                                       "You should take it up with the seller.",
                                       "Hi Kim, please raise this up with the courier.",
                                       "That is not how the feature is meant to be used."])
def test_the_customer_sent_away_is_deflecting(sent_away: str) -> None:
    assert _codes(sent_away, "SK305") == {"SK305"}


# ---------------------------------------------------------------- "would upset anyone"

@pytest.mark.parametrize("dismissal", ["I don't think a two-minute delay would bother anyone.",
                                       "I doubt that would upset anybody.",
                                       "It would worry anyone only if they needed it that day."])
def test_a_feeling_of_anyone_doubted_is_no_acknowledgment(dismissal: str) -> None:
    assert _codes(f"Hi Kim, {dismissal} The fee stays.", "SK301") == {"SK301"}


# ---------------------------------------------------------------- a thank-you for praise

@pytest.mark.parametrize("reply", [
    "Thanks for the kind words about Leo! I completely understand. Unfortunately we can't refund the deposit.",
    "Thanks for the kind words about Leo! I understand. The deposit is non-refundable.",
    "Thanks for the kind words about Leo! Unfortunately we can't refund the deposit.",
])
def test_a_thank_you_for_praise_that_understands_or_refuses_is_still_judged(reply: str) -> None:
    # (no step and nobody acting; a policy's refusal is read as no solution at all, SK401)
    assert _codes(reply, "SK401", "SK402", "SK403") in ({"SK402", "SK403"}, {"SK401"})


@pytest.mark.parametrize("dismissal", ["I don't think a two-minute delay would bother anyone.",
                                       "I doubt that would upset anybody.",
                                       "A one-day delay shouldn't worry anyone.",
                                       "I doubt that would frustrate anyone.",
                                       "Honestly, that would not bother anyone."])
def test_a_feeling_said_to_be_out_of_proportion_is_dismissive(dismissal: str) -> None:
    assert _codes(f"Hi Kim, {dismissal} I've refunded the fee today.", "SK305") == {"SK305"}


@pytest.mark.parametrize("reassurance", ["That would upset anyone, and I'm sorry.",
                                         "It shouldn't affect anyone else on your account.",
                                         "This won't bother anyone else in your team."])
def test_a_feeling_shared_or_a_reassurance_is_not_dismissive(reassurance: str) -> None:
    assert _codes(f"Hi Kim, {reassurance} I've refunded the fee today.", "SK305") == set()
