"""SK4xx as an empathy coach read them: the customer's own step ("Just reboot the modem.", "Please sign out and
log back in."), a fix done now ("..., and you should be good to go"), a refusal that offers nothing (with or
without an apology), the review's ticks beside a whole-reply finding, and SK105's advice on a short reply."""

from __future__ import annotations

import io

import pytest

from scriptkit import lint_text
from scriptkit.config import LintConfig
from scriptkit.reporters import get_reporter

STEPS = {"SK401", "SK402", "SK403", "SK404"}


def codes(text: str, channel: str | None = None) -> set[str]:
    return {d.code for d in lint_text(text, channel=channel, config=None, grammar="off").diagnostics}


@pytest.mark.parametrize("line", [
    "Just restart the modem.",
    "Simply reinstall the app from the store.",
    "Please reboot the modem.",
])
def test_a_customers_step_with_just_is_theirs_and_done(line: str) -> None:
    # "Just reboot the modem." was a step nobody owned (SK403) with no time frame (SK404), where "Please ..." was clean
    assert not codes(line) & STEPS


@pytest.mark.parametrize("line", [
    "Please sign out and log back in.",
    "Please log out of the app and back in.",
    "Could you refresh the page and try once more?",
])
def test_logging_out_and_in_is_a_concrete_step(line: str) -> None:
    assert "SK402" not in codes(line)


@pytest.mark.parametrize("line", [
    "I've reset the stuck voucher on my end. Give the page a reload and you should be good to go.",
    "I've reset the stuck voucher on my end, so you're good to go.",
    "I've unlocked the account. Try signing in now and it should be all set.",
])
def test_a_fix_done_now_owes_no_time_frame(line: str) -> None:
    assert "SK404" not in codes(line, "chat")


def test_good_to_go_after_an_event_still_owes_a_when() -> None:
    assert "SK404" in codes("I'll order the part, and you'll be good to go once it arrives.", "chat")


REFUSALS = [
    "Under our policy, exchanges must be requested within 30 days of purchase. There is nothing more we can do.",
    "Under our policy, exchanges must be requested within 30 days. Your request was made on day 41. "
    "There's nothing further I can do.",
    "Unfortunately we can't replace a worn pair of boots.",
]


@pytest.mark.parametrize("line", REFUSALS)
@pytest.mark.parametrize("apology", ["", "I'm sorry this has dragged on for so long. "])
def test_a_refusal_that_offers_nothing_has_no_solution_with_or_without_an_apology(line: str, apology: str) -> None:
    found = codes(apology + line)
    assert "SK401" in found and not found & {"SK402", "SK403", "SK404"}, found
    (sk401,) = [d for d in lint_text(apology + line, config=None, grammar="off").diagnostics if d.code == "SK401"]
    assert sk401.message.startswith("the reply refuses and offers no way forward"), sk401.message
    assert "SK401" in found and not found & {"SK402", "SK403", "SK404"}, found


@pytest.mark.parametrize("line", [
    "Unfortunately we can't replace a worn pair of boots, but I've sent you a 20% voucher today.",
    "There is nothing more we can do on our side, so please contact your bank about the charge.",
    "Exchanges must be requested within 30 days. There is nothing more we can do, but I'll refund the postage today.",
])
def test_a_refusal_with_a_way_forward_has_a_solution(line: str) -> None:
    assert "SK401" not in codes("I'm sorry this has dragged on for so long. " + line)


def review_text(reply: str, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("NO_COLOR", "1")
    out = io.StringIO()
    get_reporter("text")(lint_text(reply, file="reply.txt", config=None, grammar="off"), out)
    return out.getvalue()


def test_no_solution_tick_beside_a_whole_reply_no_solution_finding(monkeypatch: pytest.MonkeyPatch) -> None:
    # "We'll see." is read as the solution, and had a tick ("✓ solution") above "SK401 the reply has no solution"
    text = review_text("Sorry for the delay. We'll see.\n", monkeypatch)
    assert "SK401" in text.split("the whole reply:", 1)[1], text
    line = next(line for line in text.splitlines() if "We'll see." in line)
    assert "✓" not in line and "solution" in line, text
    assert "0 of 2 sentence(s)" in text, text


def test_a_tick_stays_where_no_whole_reply_finding_is_about_its_slot(monkeypatch: pytest.MonkeyPatch) -> None:
    text = review_text("Hi Sam,\nI can see how frustrating this is. I'll refund you today.\n", monkeypatch)
    line = next(line for line in text.splitlines() if "I'll refund you today." in line)
    assert "✓" in line, text


def sk105(text: str) -> str:
    # (SK105 reports a short email only where a team sets min_words)
    asked = LintConfig(options={"email-length": {"min_words": 50}})
    found = [d for d in lint_text(text, config=asked, grammar="off").diagnostics if d.code == "SK105"]
    assert found, text
    return found[0].message + " | " + (found[0].suggestion or "")


def test_sk105_says_the_missing_time_apart_from_the_length_advice() -> None:
    said = sk105("I'll chase the bank for you.")
    # (the length is the finding: the missing time is a point of its own, not "Add when ..." as the cure for length)
    assert "Add when the next step will happen" not in said, said
    assert "Separately" in said and "when" in said.split("Separately", 1)[1], said


def test_sk105_names_the_chat_channel_for_a_short_reply_with_no_greeting_or_sign_off() -> None:
    said = sk105("I've cleared the stuck basket on my side. Give the page a reload and you're good to go.")
    assert "--channel chat" in said, said


def test_sk105_does_not_name_chat_for_a_letter() -> None:
    said = sk105("Hi Sam,\n\nI'll refund you today.\n\nBest,\nAlex")
    assert "--channel chat" not in said, said
