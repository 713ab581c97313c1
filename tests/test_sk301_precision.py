"""SK301 on replies where asking for an acknowledgment misreads them: a chat's holding line. Cold replies to a
problem still get it."""
import pytest

from scriptkit.linting import lint_text


def codes(text: str) -> set[str]:
    return {d.code for d in lint_text(text, grammar="off").diagnostics}


# a holding line only pauses the chat: the acknowledgment belongs in the answer that follows it
@pytest.mark.parametrize("text", [
    "Thanks for your message.\n\nPlease give me a couple of minutes to look into it.",
    "Bear with me a moment while I check your booking.",
    "Hi there!\n\nThanks for getting in touch. One moment please, I'm checking this for you.",
    "Thanks for waiting. Allow me a few minutes to review your account.",
    "Thank you for the details. I'm looking into this now and will be right back with you.",
    "Hello! I'm transferring this chat to our billing specialist. Please wait for their reply.",
])
def test_a_reply_that_only_holds_gets_no_sk301(text: str) -> None:
    assert "SK301" not in codes(text)


@pytest.mark.parametrize("text", [
    # (a hold beside an answer is judged as the answer: it says something to the customer)
    "Please give me a moment to check. Your card was declined because the address does not match.",
    "Bear with me while I check. Unfortunately we can't refund this order.",
    # (a hold after a bare apology: the apology names nothing)
    "We apologise for the inconvenience. Please give me a few moments to check.",
    # (a hold that is only an aside in the news)
    "Your parcel was lost in transit, so bear with me.",
])
def test_a_hold_beside_content_or_a_bare_apology_still_gets_sk301(text: str) -> None:
    assert "SK301" in codes(text)

