"""An emoji, symbol or bullet before a sentence's first word is no word of it: the sentence still opens there, as
after opening punctuation, so a capitalised corporate phrase there is no name ("👋 Kindly refer to ...")."""

from __future__ import annotations

import pytest

from scriptkit.linting import lint_text
from scriptkit.text import opens_sentence


def codes(text: str) -> list[str]:
    return sorted(d.code for d in lint_text(text, channel="email", grammar="off", file="reply.txt").diagnostics)


LEADS = ["👋 ", "🙏 ", "✅ ", "👨\u200d👩\u200d👧 ", "👋🏽 ", "❤️ ", "★ ", "→ ", "• ", "▪ ", "1️⃣ ", "✔ ", "🇬🇧 "]


@pytest.mark.parametrize("lead", LEADS)
def test_a_sentence_opens_after_emoji_symbols_and_bullets(lead: str) -> None:
    for text in (f"{lead}Kindly send it.", f"Thanks. {lead}Kindly send it.", f"Hi,\n\n{lead}Kindly send it."):
        assert opens_sentence(text, text.index("Kindly")), text


def test_an_emoji_before_a_capital_ends_the_sentence_before_it_as_the_splitter_reads_it() -> None:
    text = "So sorry about the wait 😔 Kindly send a photo."
    assert opens_sentence(text, text.index("Kindly"))
    for inside in ("I ❤️ kindly sent parcels", "the Billing ★ Kindly Refer team", "our Kindly Refer team"):
        assert not opens_sentence(inside, inside.index("indly") - 1), inside


@pytest.mark.parametrize("lead", ["👋 ", "🙏 ", "✅ ", "👨\u200d👩\u200d👧 ", "★ ", "→ "])
def test_a_corporate_phrase_after_an_emoji_is_found_as_without_it(lead: str) -> None:
    plain = "Hi,\n\nKindly refer to the FAQ. I will refund you today.\n"
    assert "SK201" in codes(plain)
    # (a warm emoji, "🙏", in the body is warm language: SK207 finds none missing)
    warm = {"SK207"} if lead == "🙏 " else set()
    assert codes(plain.replace("Kindly", lead + "Kindly")) == [c for c in codes(plain) if c not in warm]
    advised = "Hi,\n\nPlease be advised that your refund is on its way today.\n"
    assert "SK201" in codes(advised)
    assert codes(advised.replace("Please", lead + "Please")) == [c for c in codes(advised) if c not in warm]


REPLY = "Hi Sam,\n\n{}\n\nBest,\nJo\n"


@pytest.mark.parametrize("lead", ["→ ", "• ", "1️⃣ "])
@pytest.mark.parametrize(("sentences", "led"), [
    # (a short answer first is no content before the acknowledgment: SK302 stays silent)
    (["No, the charge won't be repeated", "I'm so sorry this worried you, and I've refunded the fee today."], 0),
    # (an apology taken back by the next sentence's "But": SK306)
    (["I'm so sorry it arrived broken", "But we can't replace it", "I've sent a voucher today."], 1),
    (["I'm so sorry it arrived broken", "However, we can't replace it", "I've sent a voucher today."], 1),
    # (a closing thanks for their patience is no late acknowledgment)
    (["I've sent a new one today", "Thank you for your patience."], 1),
])
def test_an_emoji_or_bullet_before_a_sentence_leaves_how_it_opens_read_as_without_it(
        lead: str, sentences: list[str], led: int) -> None:
    plain = REPLY.format(". ".join(sentences))
    marked = REPLY.format(". ".join(lead + s if i == led else s for i, s in enumerate(sentences)))
    assert codes(marked) == codes(plain)


@pytest.mark.parametrize("lead", ["👋 ", "✉️ "])
def test_a_letter_to_a_named_person_may_close_yours_sincerely_after_an_emoji_greeting(lead: str) -> None:
    letter = ("Dear Mrs Patel,\n\nI'm so sorry the parcel arrived damaged. I've sent a new one today.\n\n"
              "Yours sincerely,\nJo\n")
    assert "SK201" not in codes(letter)
    assert "SK201" not in codes(lead + letter)
