"""The reading formulas (SK101, SK102) end a sentence where a reader and SK103 do: at a line its writer ended with a
Markdown hard line break or a colon, and at a paragraph with no full stop; before, such lines ran into the next
sentence and a short, plain reply read at grade 10."""

from __future__ import annotations

from scriptkit.linting import lint_text
from scriptkit.rules.readability import items_ended, short_items_out


def codes(text: str) -> list[str]:
    return sorted(d.code for d in lint_text(text, channel="email", grammar="off", file="reply.txt").diagnostics)


# lines ended with two spaces (a Markdown hard line break), one of them a lead-in ending with a colon
HARD_BREAKS = ("Hi Jordan,  \nI looked at your booking this morning and here is what changed:  \n"
               "**your flight moved to Tuesday**  \n\nTell me if that day does not suit you.")


def test_a_hard_line_break_and_a_lead_in_colon_end_a_sentence_for_the_reading_formulas() -> None:
    ended = items_ended(HARD_BREAKS)
    assert "what changed:." in ended and "Tuesday**." in ended
    assert "SK102" not in codes(HARD_BREAKS) and "SK101" not in codes(HARD_BREAKS)


def test_a_paragraph_with_no_full_stop_ends_a_sentence() -> None:
    text = ("Your new card left our warehouse today\n\nIt should reach you by Thursday, and the tracking link "
            "is in the email we sent.")
    assert items_ended(text).startswith("Your new card left our warehouse today.\n\n")


def test_a_line_that_goes_on_is_not_ended() -> None:
    # (a comma, or a hard break before a word in lower case: one sentence wrapped over two lines)
    assert items_ended("Hi Jordan,  \nThanks for writing in.") == "Hi Jordan,  \nThanks for writing in."
    wrapped = "I am so sorry  \nthat the parcel was late. It is on its way now."
    assert items_ended(wrapped) == wrapped


def test_long_words_in_long_sentences_are_still_reported() -> None:
    dense = ("Please note that:  \nnotwithstanding comprehensive organisational precautions, consequential "
             "administrative verification necessitates additional documentation regarding your circumstances.  \n"
             "Consequently, remediation activities necessitate additional administrative verification.")
    assert "SK102" in codes(dense)


COUNTRIES = ["Austria", "Belgium", "Denmark", "Finland", "Germany", "Ireland", "Italy", "Norway", "Portugal", "Spain",
             "Sweden", "Switzerland", "Poland", "Greece", "United Kingdom", "New Zealand"]


def test_a_list_of_one_or_two_word_items_does_not_make_a_plain_reply_hard_to_read() -> None:
    # (the formulas count a two-word item's words but not the item as a sentence: 16 country names made the two
    # plain sentences read as one of 35 words)
    text = ("We can ship your order to these countries:\n\n" + "\n".join(f"• {c}" for c in COUNTRIES)
            + "\n\nPick one at checkout and we'll do the rest.")
    assert "SK102" not in codes(text) and "SK101" not in codes(text)


def test_a_list_of_short_items_under_long_dense_sentences_is_still_reported() -> None:
    text = ("Notwithstanding comprehensive organisational precautions, consequential administrative verification "
            "necessitates supplementary documentation:\n\n" + "\n".join(f"- {c}" for c in COUNTRIES[:6])
            + "\n\nConsequently, remediation activities necessitate additional administrative verification.")
    assert "SK102" in codes(text) and "SK101" in codes(text)


def test_only_items_of_one_or_two_words_are_left_out_of_the_score() -> None:
    steps = "Here is how:\n- Open the app\n- Tap Settings\n- Choose the payment page"
    assert short_items_out(steps) == "Here is how:\n- Open the app\n\n- Choose the payment page"
