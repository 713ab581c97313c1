"""A reply's signature block (title, company, phone, the company's legal line) is the sign-off: its lines are no
sentence for SK103 and no words of the reply for SK105, and no formality for SK202. A 22-word email under a
five-line signature was 'long enough', SK103 read the signature as one 36-word sentence, and SK202 scored it."""

from __future__ import annotations

from scriptkit import lint_text
from scriptkit.config import LintConfig
from scriptkit.linting import text_message

SIGNED = ("Hi Sam,\n\nI'm so sorry your parcel is late. I've sent a new one today and it will arrive by Friday.\n\n"
          "Kind regards,\nPriya Shah\nSenior Customer Support Specialist, Northern Region\n"
          "Freshly Forked Ltd | 0800 123 4567 | help@freshlyforked.example | www.freshlyforked.example\n"
          "Registered in England and Wales, company number 01234567, 1 High Street, Leeds LS1 1AA")


def test_the_legal_line_is_part_of_the_signature() -> None:
    message, _ = text_message(SIGNED)
    [signoff] = [seg for seg in message.segments if seg.slot == "signoff"]
    assert signoff.text.startswith("Kind regards,") and signoff.text.endswith("LS1 1AA")


def test_the_signature_is_no_sentence_nor_words_of_the_reply() -> None:
    found = {d.code: d.message for d in lint_text(SIGNED, channel="email").diagnostics}
    assert "SK103" not in found and "SK202" not in found
    assert "SK105" not in found  # (short, but it acknowledges the customer and gives the next step)
    # SK105's count, read where it reports one: over a limit of 10 words
    over_10 = LintConfig(options={"email-length": {"min_words": 0, "max_words": 10}})
    counted = {d.code: d.message for d in lint_text(SIGNED, channel="email", config=over_10).diagnostics}
    # (greeting 2 + reply 19 + closing and name 4: the title, company and legal lines are not counted)
    assert counted.get("SK105") == "email is 25 words; up to 10 usually reads best"


def test_a_long_sentence_above_the_signoff_is_still_long() -> None:
    long = SIGNED.replace("I've sent a new one today and it will arrive by Friday.",
                          "I've sent a new one today by our tracked next day courier service and it will arrive at "
                          "your door by Friday afternoon at the very latest, along with a small gift from the team.")
    assert "SK103" in {d.code for d in lint_text(long, channel="email").diagnostics}
