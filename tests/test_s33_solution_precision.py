"""Precision of the solution rules and SK105 on real-looking replies: a step after a purpose clause, good news
told inside an acknowledgment, a wait for an event beside "for now", and a
long solution after a real acknowledgment."""
from __future__ import annotations

from scriptkit.linting import lint_text


def _codes(text: str) -> set[str]:
    return {d.code for d in lint_text(text).diagnostics}


def _found(text: str, code: str) -> list[str]:
    return [f"{d.message} | {d.suggestion}" for d in lint_text(text).diagnostics if d.code == code]


# ---------------------------------------------------------------- 1. a purpose clause before the steps

def test_steps_after_a_purpose_clause_are_the_customers_own() -> None:
    for text in ("Thanks for asking. To change your delivery address, open Orders, choose the parcel and tap Edit.",
                 "Thanks for asking. If you'd like to change the address, open Orders and tap Edit.",
                 "Thanks for asking. Once the app has updated, open Settings and switch on dark mode."):
        assert not _codes(text) & {"SK403", "SK404"}, text


def test_a_purpose_clause_before_a_statement_is_not_a_step() -> None:
    # (no instruction after the clause: nobody owns the step, as before)
    assert "SK403" in _codes("Sorry about the wait. To fix this, the card will be replaced.")


# ---------------------------------------------------------------- 2. good news inside an acknowledgment

def test_good_news_after_so_counts_as_the_solution() -> None:
    text = ("I know the last week has been stressful, so I'm glad to say your refund is approved. "
            "You'll have the money by Thursday.")
    assert not _codes(text) & {"SK402", "SK405"}


def test_good_news_alone_in_an_acknowledgment_is_a_solution() -> None:
    text = "I know the wait has been a worry, and I'm pleased to say your refund is approved."
    assert "SK401" not in _codes(text)


def test_care_alone_after_so_stays_care() -> None:
    assert "SK401" in _codes("I know this has been upsetting, so I'm really sorry.")


# ---------------------------------------------------------------- 4. a wait for an event, whatever "now" says

def test_for_now_does_not_time_a_wait_for_an_event() -> None:
    with_now = ("The tracking page is down. For now, please use the app. We'll email you as soon as the page "
                "is back.")
    without = "The tracking page is down. Please use the app. We'll email you as soon as the page is back."
    assert _found(with_now, "SK404") == _found(without, "SK404") != []


def test_right_now_describing_the_problem_does_not_time_the_step() -> None:
    text = "Some card payments are failing right now and the team is on it. We'll post updates as soon as we have them."
    assert "SK404" in _codes(text)


def test_right_now_with_a_step_is_still_a_time() -> None:
    assert "SK404" not in _codes("Sorry for the trouble. I'm resending the code right now.")


# ---------------------------------------------------------------- 5. SK405 after a real acknowledgment

_STEPS = (" Please send us a photo of the front of your ID card, a photo of the back, a recent bank statement"
          " showing your name and home address, a utility bill from the last three months, and a selfie holding"
          " the ID card next to your face. Each photo must be sharp, in colour and show all four corners."
          " Screenshots and scans of copies cannot be accepted. Files must be under ten megabytes each."
          " Reply to this email with everything attached and our team will review it. While we check, your"
          " account stays open, and you can still log in, see your balance and download past statements from"
          " the Documents page. Payments you set up before today will go out as normal, but new transfers to"
          " people you have not paid before will wait until the check is complete.")


def test_a_long_solution_after_a_real_acknowledgment_is_not_out_of_balance() -> None:
    text = "I know this may be frustrating, but we need to check a few things with you." + _STEPS
    assert "SK405" not in _codes(text)


def test_a_long_solution_after_a_thank_you_alone_is_sk301s_missing_acknowledgment() -> None:
    # (no acknowledgment to weigh: "after only 4 of acknowledgment" repeated SK301, and miscounted the thanks)
    assert "SK405" not in _codes("Thanks for your email." + _STEPS)
    assert "SK301" in _codes("Thanks for your email." + _STEPS)
    [finding] = _found("Sorry to hear that." + _STEPS, "SK405")  # (a token acknowledgment still is)
    assert "Acknowledge how the customer feels" in finding
