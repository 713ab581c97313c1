"""Judgements a reader disagreed with (session 29 review): concrete steps SK402 missed (a report published or
posted, a service told as back up and working again), SK404 asking for a date where the wait is tied to a named
event ("as soon as it's fixed": it now asks how long, or when the customer will next hear), and SK301 missing a
plain acknowledgment ("I know a price rise is unwelcome")."""

from __future__ import annotations

import pytest

from scriptkit.config import LintConfig, Selector
from scriptkit.diagnostics import Diagnostic
from scriptkit.linting import lint_text


def _codes(text: str, *codes: str) -> set[str]:
    config = LintConfig(select=tuple(Selector(c) for c in codes), grammar="off")
    return {d.code for d in lint_text(text, channel="email", config=config).diagnostics}


_SORRY = "Hi Ana, I can see why the outage upset you, and I'm sorry."

# ---------------------------------------------------------------- SK402: concrete steps it missed


@pytest.mark.parametrize("step", [
    "I'll post what went wrong on our status page by Friday.",
    "We will post a full account of the outage on the blog tomorrow.",
    "Our engineers will publish a full report by Friday.",
    "I've published the corrected price list on our website today.",
    "We'll deploy the fix to your account tonight.",
    "Our developers are rolling out the fix this afternoon.",
    "Everything is back up, and I've checked your account is working again.",
    "Your dashboard is back online as of this morning.",
    "The booking page is now up and running again.",
])
def test_a_deliverable_act_is_a_next_step(step: str) -> None:
    assert "SK402" not in _codes(f"{_SORRY} {step}", "SK402")


@pytest.mark.parametrize("vague", [
    "We will look into it.",
    "I'll keep you posted.",
    "Our team will investigate the matter.",
    "I've reviewed it and the charge is correct.",
    "We have read your post about the outage.",
    "Your account is not working again.",
    "The app isn't back up yet.",
    "I've checked your account.",
])
def test_vague_looks_and_states_are_still_no_step(vague: str) -> None:
    assert "SK402" in _codes(f"{_SORRY} {vague}", "SK402")


# ---------------------------------------------------------------- SK404: a wait tied to a named event


_NO_FIX = "Hi Ana, I'm sorry the export keeps failing. There's no fix yet, but I've added you to the bug report"


@pytest.mark.parametrize("when", [
    "and I'll email you as soon as it's fixed.",
    "and I'll email you the moment it's live.",
    "and we'll let you know once the courier scans it.",
    "and I'll write to you when we hear back from the bank.",
    "and I'll text you the minute our engineers release the update.",
    "and I'll refund you as soon as the parcel reaches our warehouse.",
])
def test_a_wait_for_a_named_event_asks_how_long_or_when_they_will_hear(when: str) -> None:
    """The event is named back, and the advice is an update the writer can promise, not a date for the fix nobody
    can give (it had been "Add a time frame: 'today', 'by Friday'"): the customer still cannot tell how long."""
    [found] = _sk404(f"{_NO_FIX}, {when}")
    assert found.message.startswith("the solution waits for '")
    assert "but does not say when that will be" in found.message
    assert found.suggestion is not None and "update you by Friday" in found.suggestion


def test_a_wait_for_an_event_with_an_update_promised_passes() -> None:
    assert "SK404" not in _codes(f"{_NO_FIX}, and I'll email you as soon as it's fixed, and update you by Friday "
                                 "either way.", "SK404")


def _sk404(text: str) -> list[Diagnostic]:
    config = LintConfig(select=(Selector("SK404"),), grammar="off")
    return list(lint_text(text, channel="email", config=config).diagnostics)


@pytest.mark.parametrize("vague", [
    "and I'll email you as soon as possible.",
    "and I'll email you as soon as we can.",
    "and I'll email you as soon as I'm able to.",
    "and I'll email you when we can.",
    "and I'll email you when I have an update.",
    "and I'll email you once I've had a look.",
    "and I'll email you once I've checked with the team.",
    "and I'll email you when there's news.",
    "and I'll send it when it's ready.",
    "and we don't know when it'll be fixed, but I'll email you.",
    "and I'll email you at the moment we find out.",
])
def test_capacity_own_work_or_no_event_is_still_no_time_frame(vague: str) -> None:
    assert "SK404" in _codes(f"{_NO_FIX}, {vague}", "SK404")


def test_a_crash_when_something_happens_is_no_time_frame() -> None:
    assert "SK404" in _codes("Hi Ana, sorry about this. The app crashes when you open the camera, so I've passed "
                             "it to our engineers.", "SK404")


def test_a_request_tied_to_an_event_still_asks_what_happens_then() -> None:
    # (the customer's own step, "let me know when it arrives", is their answer: the next step, with no time frame owed)
    assert "SK404" not in _codes("Hi Ana, sorry about the wait. Please let me know when the parcel arrives.", "SK404")


@pytest.mark.parametrize("first", ["Once the courier scans it, I'll email you.",
                                   "As soon as we hear back from the bank, we'll refund the fee."])
def test_the_event_may_come_first(first: str) -> None:
    [found] = _sk404(f"Hi Ana, I'm sorry the parcel is stuck. {first}")
    assert "waits for '" in found.message


def test_an_event_in_another_clause_times_nothing() -> None:
    assert "SK404" in _codes("Hi Ana, sorry about this. The app crashes when you open the camera, and I'll pass it "
                             "to our engineers.", "SK404")


# ---------------------------------------------------------------- SK301: plain acknowledgments it missed

_PRICE = "From 1 March the plan is £15 a month. Reply and I'll change or cancel it for you today."


@pytest.mark.parametrize("ack", [
    "I know a price rise is unwelcome.",
    "I know a price rise is never welcome.",
    "I know a bigger bill isn't welcome news.",
    "A higher bill is nobody's idea of good news.",
    "Paying more is no one's idea of fun, I know.",
    "Nobody likes paying more for the same thing.",
    "No one enjoys a bigger bill.",
    "A price rise is never good news.",
    "An extra charge on your statement is unwelcome, and I'm sorry.",
])
def test_a_plain_acknowledgment_of_unwelcome_news_is_heard(ack: str) -> None:
    assert "SK301" not in _codes(f"Hi Sam, {ack} {_PRICE}", "SK301")


@pytest.mark.parametrize("not_ack", [
    "Your feedback is always welcome.",
    "You're welcome to switch plans at any time.",
    "You are not welcome to share your login with others.",
    "I know the new plan is good news for most people.",
    "Nobody likes our old app, so we replaced it.",
])
def test_welcome_and_good_news_without_the_customer_in_them_are_not(not_ack: str) -> None:
    assert "SK301" in _codes(f"Hi Sam, {not_ack} {_PRICE}", "SK301")


@pytest.mark.parametrize("ack", ["I know a price rise is never welcome.",
                                 "A higher bill is nobody's idea of good news.", "No one likes paying more."])
def test_news_told_as_unwelcome_names_how_it_lands(ack: str) -> None:
    # (SK303 said these named neither a feeling nor the situation)
    assert _codes(f"Hi Sam, {ack} {_PRICE}", "SK301", "SK303") == set()


@pytest.mark.parametrize("hedged", [
    "Unfortunately we can't say when the service is up and running again.",
    "We don't know if the checkout is working again yet.",
    "Hopefully the site is back up soon.",
    "I'll let you know when it's back online.",
])
def test_a_restored_service_asked_or_hedged_is_no_step(hedged: str) -> None:
    """Told as news, "The booking page is up and running again" is a step done; the same words after "when", "if"
    or "hopefully" are no news at all, and SK402, SK403 and SK404 had all gone quiet on them."""
    assert "SK402" in _codes(f"{_SORRY} {hedged}", "SK402")


@pytest.mark.parametrize("step, quoted", [
    ("Once you reply with the photo, I'll send a replacement.", "Once you reply with the photo"),
    ("Once I have this information, I'll be glad to help.", "Once I have this information"),
])
def test_a_wait_for_the_customers_own_step_asks_how_soon_after(step: str, quoted: str) -> None:
    """The customer sets it off: the date is theirs, how soon after is ours (it had asked for an update "fixed or
    not", and quoted the event cut at its verb: 'Once you reply')."""
    [found] = _sk404(f"Hi Ana, I'm sorry the parcel arrived broken. {step}")
    assert found.message == f"the solution waits for '{quoted}' but does not say how soon after"
    assert found.suggestion is not None and "how soon after" in found.suggestion.lower()


@pytest.mark.parametrize("policy", ["Late returns are not welcome.", "Cash is not welcome at our stores."])
def test_a_policy_that_something_is_not_welcome_acknowledges_nobody(policy: str) -> None:
    assert "SK301" in _codes(f"{policy} I'll send you a payment link today.", "SK301")


@pytest.mark.parametrize("news", [
    "Good news - payments are working again, so you can place your order now.",
    "I'm pleased to tell you that the booking page is back online.",
    "Thanks for waiting. Checkout is back to normal now.",
    "Payments are back up and running.",
])
def test_a_restored_service_said_any_way_is_a_step_done(news: str) -> None:
    """A bare noun, a dash or a "that" before it: told as news all the same (e7ec557 had asked for a subject
    opening its clause, and these had become 'no concrete next step')."""
    assert not _codes(f"{_SORRY} {news}", "SK402", "SK403")


@pytest.mark.parametrize("step, quoted", [
    ("Once we have confirmed the fault with the manufacturer, we'll refund you.",
     "Once we have confirmed the fault with the manufacturer"),
    ("The moment we receive approval from the bank we'll transfer the money.",
     "The moment we receive approval from the bank"),
    ("Once the courier collects it the refund will go through.", "Once the courier collects it"),
    ("As soon as it's fixed you'll get an email from us.", "As soon as it's fixed"),
])
def test_our_or_a_third_partys_milestone_asks_when_that_will_be(step: str, quoted: str) -> None:
    [found] = _sk404(f"Hi Ana, I'm sorry about the wait. {step}")
    assert found.message == f"the solution waits for '{quoted}' but does not say when that will be"
