"""SK301 on replies where asking for an acknowledgment misreads them: a chat's holding line, and news of the
customer's request done told as "I'm happy to inform you that ..." or "This is to confirm that ...". Cold replies
to a problem still get it."""
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


# news of the customer's request done, told as news: it is what they waited for, as "Great news! ..." is
@pytest.mark.parametrize("text", [
    "I'm happy to let you know that your account has been reopened. You can log in as before.",
    "Thanks for your reply.\n\nWe are pleased to inform you that your address has been updated.",
    "This is to confirm that you have been removed from our newsletter list.",
    "We can confirm that we have now removed the old card from your profile, as you asked.",
])
def test_news_of_a_request_done_gets_no_sk301(text: str) -> None:
    assert "SK301" not in codes(text)


@pytest.mark.parametrize("text", [
    # (the news that follows is bad, or not yet done, or only a receipt)
    "We regret to inform you that your account has been closed.",
    "I'm happy to inform you that we will look at your account next week.",
    "We are pleased to confirm that your complaint has been received.",
    "This is to confirm that your card has not been replaced yet.",
    # (a courtesy that tells nothing)
    "We are happy to inform you about our new opening hours.",
])
def test_informing_of_what_is_not_done_news_still_gets_sk301(text: str) -> None:
    assert "SK301" in codes(text)


# a note about the customer, for colleagues (never sent to them), has no one to acknowledge
@pytest.mark.parametrize("text", [
    "Customer would like their delivery address changed before dispatch. Please action, thanks!",
    "Hi team,\n\nThe client called twice about order 5521 and asked for a callback. Can someone pick this up?",
    "**Issue:** Customer charged twice for the May invoice.\n**Next step:** Refund the second charge.",
])
def test_a_note_about_the_customer_gets_no_sk301(text: str) -> None:
    assert "SK301" not in codes(text)


@pytest.mark.parametrize("text", [
    # (said to the customer: "you" is there)
    "Your delivery address cannot be changed after dispatch. Customer service can tell you more.",
    "Our customer team has received your request and you will hear back within 5 days.",
])
def test_a_reply_to_the_customer_that_names_customers_still_gets_sk301(text: str) -> None:
    assert "SK301" in codes(text)


@pytest.mark.parametrize("text", [
    # (the customer named inside a sentence, or as a greeting, is no note's subject)
    "Sadly, refunds cannot be reversed by the customer or by us once they are sent.",
    "Dear Customer,\n\nThank you for contacting the support team.",
    "Customers are advised to read the help centre before ordering.",
])
def test_a_reply_that_mentions_customers_in_passing_still_gets_sk301(text: str) -> None:
    assert "SK301" in codes(text)


# "sorry that you ..." names what happened to them, as "sorry you're ..." does
@pytest.mark.parametrize("text", [
    "We are very sorry that you are not able to sign in to the portal. Please reset your password here: example.com.",
    "I'm sorry that you've had to wait so long for the engineer. He will call you tomorrow morning.",
    "We're sorry that you can't see your invoices. I've reset the page for you.",
])
def test_sorry_that_you_acknowledges(text: str) -> None:
    assert "SK301" not in codes(text)


def test_sorry_that_happened_still_names_nothing() -> None:
    assert "SK301" in codes("We are sorry that this happened. Please reset your password here: example.com.")

