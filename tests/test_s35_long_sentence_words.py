"""SK103 counts words as a reader takes them in: a compound joined by hyphens ("pop-up", "step-by-step") and an
abbreviation written with full stops ("e.g.") are one word each, as the reading formulas count them, and a line
ended with a colon is the lead-in of the lines under it, a sentence of its own, as a list's lead-in is."""

from __future__ import annotations

from scriptkit.linting import lint_text
from scriptkit.rules.readability import word_count


def long_sentences(text: str) -> list[str]:
    found = lint_text(text, channel="email", grammar="off", file="reply.txt").diagnostics
    return [d.message for d in found if d.code == "SK103"]


def test_a_compound_joined_by_hyphens_is_one_word() -> None:
    assert word_count("Open the pop-up window and follow the step-by-step guide.") == 9
    assert word_count("Our long-time, well-known in-store team") == 5
    # 25 words as a reader counts them (each compound one): at the limit, no finding
    sentence = ("As one of our long-time members you can order a follow-up card with multi-currency support from the "
                "in-store desk or the app at any time.")
    assert word_count(sentence) == 25
    assert long_sentences(f"Hi Ravi,\n\n{sentence}\n\nBest,\nNoor\n") == []
    # a dash between spaced words joins nothing: two words and a mark
    assert word_count("The card is on its way - tracking follows") == 8


def test_an_abbreviation_with_full_stops_is_one_word() -> None:
    assert word_count("Send a receipt, e.g. a photo or a PDF, i.e. anything we can read.") == 14
    sentence = ("Tell us what the payment was for and who it went to (e.g. rent, school fees, gifts or "
                "family support) so we can release it.")
    assert word_count(sentence) == 25
    assert long_sentences(f"Hi Ravi,\n\n{sentence}\n\nBest,\nNoor\n") == []


def test_a_line_ended_with_a_colon_is_a_sentence_of_its_own() -> None:
    lead_in = ("To finish checking your account, please send us the full address you live at in the country you "
               "signed up in, written like this:")
    assert word_count(lead_in) == 24
    reply = f"Hi Ravi,\n\n{lead_in}\nHouse number, street name, town, postcode and country.\n\nBest,\nNoor\n"
    assert long_sentences(reply) == []
    # on one line the colon ends nothing: 24 + 8 words
    assert long_sentences(reply.replace(":\n", ": ")) == ["sentence has 32 words (limit 25)"]
    # and a lead-in that is itself too long is still reported
    longer = lead_in.replace("please send", "please be so kind as to send")
    assert long_sentences(reply.replace(lead_in, longer)) == ["sentence has 29 words (limit 25)"]
