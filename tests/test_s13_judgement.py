"""How ``review`` and the importers read real replies: Markdown hard line breaks, a line ended by an emoji,
an opening "Cheers!", a request put as "Could I ask you to ...", and a tweet's instruction after its apology
or before its initials."""

from __future__ import annotations

import pytest

from scriptkit.inference import REQUEST, cues, infer_slots
from scriptkit.linting import lint_text
from scriptkit.text import reading_spans, sentences


def slots(text: str) -> list[tuple[str, str]]:
    return [(text[a:b], slot) for a, b, slot, _ in infer_slots(text, frames=True)]


def codes(text: str, channel: str = "email") -> set[str]:
    return {d.code for d in lint_text(text, channel=channel).diagnostics}


def findings(text: str, code: str, channel: str = "email") -> list[str]:
    return [d.message for d in lint_text(text, channel=channel).diagnostics if d.code == code]


# ---------------------------------------------------------------- lines ended on purpose

@pytest.mark.parametrize("brk", ["\\\n", "  \n", "   \n", "\t\t\n"])
def test_a_markdown_hard_line_break_ends_the_sentence(brk: str) -> None:
    text = f"Thanks so much for waiting{brk}I've refunded the order today."
    wait, fix = "Thanks so much for waiting", "I've refunded the order today."
    assert [text[a:b] for a, b in reading_spans(text)] == [wait, fix]
    assert slots(text) == [(wait, "warm_language"), (fix, "solution")]


def test_a_soft_line_break_and_the_splitters_own_sentences_stay_as_they_were() -> None:
    wrapped = "I can see how annoying\nthe double charge is. I've refunded it today."
    assert [wrapped[a:b] for a, b in reading_spans(wrapped)] == sentences(wrapped)
    one_line = "I can see how annoying this is. I've refunded it today."
    assert reading_spans(one_line) == tuple((a, b) for a, b in reading_spans(one_line))
    assert [one_line[a:b] for a, b in reading_spans(one_line)] == sentences(one_line)


@pytest.mark.parametrize("brk", ["  \n", "  \r\n", "\\\n"])
def test_an_email_wrapped_with_spaces_at_the_line_ends_keeps_its_sentences_whole(brk: str) -> None:
    """Hard-wrapped email leaves spaces at the line ends: a line in lower case after one goes on."""
    text = f"I am so sorry{brk}that your parcel was lost, when{brk}you were counting on it. I've sent a new one today."
    assert [text[a:b].replace("\r", "") for a, b in reading_spans(text)] == [
        f"I am so sorry{brk}that your parcel was lost, when{brk}you were counting on it.".replace("\r", ""),
        "I've sent a new one today."]


@pytest.mark.parametrize("brk", ["  ", " \U0001f61e", ""])
def test_windows_line_ends_read_as_unix_ones(brk: str) -> None:
    lf = f"So sorry about the wait{brk}\nI've sent a new one today, and it arrives on Friday."
    crlf = lf.replace("\n", "\r\n")
    assert [crlf[a:b].replace("\r", "") for a, b in reading_spans(crlf)] == [lf[a:b] for a, b in reading_spans(lf)]
    assert [slot for _, slot in slots(crlf)] == [slot for _, slot in slots(lf)]


@pytest.mark.parametrize("brk", ["\\\n", "  \n"])
def test_a_line_that_ends_with_a_comma_goes_on(brk: str) -> None:
    text = f"I've refunded the order today.\n\nBest,{brk}Priya"
    assert slots(text)[-1][1] == "signoff"
    greeting = f"Hi Priya,{brk}I can see how annoying the double charge is."
    assert slots(greeting) == [("Hi Priya,", "greeting"),
                               ("I can see how annoying the double charge is.", "acknowledgment")]


def test_a_line_of_a_break_alone_is_no_sentence() -> None:
    text = "Thanks for the report!\\\n\\\nCould you attach the log file?\\\nThanks!"
    assert [text[a:b] for a, b in reading_spans(text)] == ["Thanks for the report!", "Could you attach the log file?",
                                                            "Thanks!"]


def test_a_line_ended_by_an_emoji_ends_the_sentence() -> None:
    assert slots("Hello! 👋\nThanks!\nI've refunded the order today.") == [
        ("Hello!", "greeting"), ("👋", "greeting"), ("Thanks!", "warm_language"),
        ("I've refunded the order today.", "solution")]
    text = "Oh no, so sorry the blender arrived cracked 😟\nI've sent a new one by courier today."
    assert slots(text)[-1] == ("I've sent a new one by courier today.", "solution")


# ---------------------------------------------------------------- "Cheers"

def test_an_opening_cheers_thanks_and_a_closing_one_signs_off() -> None:
    assert slots("Cheers! I've refunded the order today.")[0] == ("Cheers!", "warm_language")
    assert slots("Cheers for the heads-up! I've refunded the order today.")[0][1] == "warm_language"
    assert slots("I've refunded the order today.\n\nCheers,\nPriya")[-1] == ("Cheers,\nPriya", "signoff")
    assert "SK207" not in codes("Cheers! I've refunded the order today.")
    assert "SK207" in codes("Right. I've refunded the order today.")


# ---------------------------------------------------------------- requests of the customer

@pytest.mark.parametrize("ask", ["Could I ask you to", "Can I ask you to", "May I ask you to",
                                 "Could I please ask you to"])
def test_could_i_ask_you_to_is_a_request_like_could_you(ask: str) -> None:
    ack = "I can see how annoying the frozen screen is. "
    mine, plain = f"{ack}{ask} restart the app?", f"{ack}Could you restart the app?"
    assert slots(mine)[-1][1] == "solution"
    assert cues(f"{ask} restart the app.").imperative
    # (a step the customer takes and is done with: no time frame is owed, as for "Could you restart the app?")
    assert "SK404" not in codes(mine) and "SK404" not in codes(plain)
    assert "SK403" not in codes(mine)
    sent = f"{ack}{ask} send me a photo of the screen?"
    assert findings(sent, "SK404") == []  # (their answer is next)


def test_could_i_ask_for_something_hands_it_back() -> None:
    text = "I can see how annoying the torn parcel is. Could I ask for a photo of the label?"
    assert slots(text)[-1] == ("Could I ask for a photo of the label?", "solution")
    found = codes(text)
    assert "SK402" not in found and "SK403" not in found
    assert findings(text, "SK404") == []  # (their answer is next)


@pytest.mark.parametrize("sentence", ["May I ask for your patience while I check?", "Please note the new address.",
                                      "Please don't hesitate to get in touch."])
def test_a_formula_that_asks_for_nothing_is_no_request(sentence: str) -> None:
    assert not cues(sentence).imperative
    assert REQUEST.search(sentence) is None


def test_a_request_after_care_gives_the_customer_the_step() -> None:
    text = ("I can see how worrying the error is. Thanks for the report, could I ask you to forward it to the "
            "app's author.")
    assert "SK403" not in codes(text)


@pytest.mark.parametrize("sentence, instructs", [
    ("If it happens again, restart the router.", True),
    ("If not - please subscribe to the release notes.", True),
    ("If you have any questions, please contact us.", False),  # (help offered for later, no step)
    ("If anything else comes up, let us know.", False),
    ("If it's easier, we can call you.", False),
])
def test_an_instruction_after_its_condition(sentence: str, instructs: bool) -> None:
    assert cues(sentence).imperative == instructs


# ---------------------------------------------------------------- tweets

@pytest.mark.parametrize("care", ["Sorry", "Sorry to hear that", "Oh no", "Thanks"])
def test_an_instruction_after_the_apology_in_one_sentence_is_the_solution(care: str) -> None:
    text = f"{care}, DM us your order number ^JR"
    assert slots(text) == [(f"{care},", "warm_language"), ("DM us your order number ^JR", "solution")]
    assert "SK401" not in codes(text, "social")


@pytest.mark.parametrize("initials", ["^JR", "/AY", "2/2 ^JR", "^RR https://t.co/abc123XYZ"])
def test_initials_after_the_last_sentence_sign_off(initials: str) -> None:
    text = f"So sorry about the wait! Have you tried restarting the app? {initials}"
    assert slots(text)[-1] == (initials, "signoff")
    assert slots(text)[-2] == ("Have you tried restarting the app?", "solution")
    # (the initials are not a solution with no owner or time of its own)
    assert not any(initials in message for message in findings(text, "SK403", "social"))


def test_a_reply_with_only_initials_after_the_apology_has_no_solution() -> None:
    text = "I appreciate the train is late, so hopefully you'll leave soon. We're sorry for the delay. 2/2 ^JR"
    assert "SK401" in codes(text, "social")


# ---------------------------------------------------------------- SK202's most formal sentence

def test_the_most_formal_sentence_is_one_with_words_to_change() -> None:
    text = ("Hello,\n\nPlease find below the information regarding your account:  \n**{explanation}**  \n\n"
            "Should you require further clarification, do not hesitate to contact us.")
    (sk202,) = [d for d in lint_text(text).diagnostics if d.code == "SK202"]
    # (the fill-in alone on its line scores higher, and has no words to make less formal)
    assert sk202.text == "Please find below the information regarding your account:"


# ---------------------------------------------------------------- one list, written once

def test_a_lexicon_list_can_include_another_once() -> None:
    from scriptkit.rules import lexicon

    openers, waiting = lexicon.words("acknowledgment_openers"), lexicon.words("thanks_for_waiting")
    assert "@thanks_for_waiting" in lexicon.lexicon()["acknowledgment_openers"]
    assert set(waiting) <= set(openers) and not any(e.startswith("@") for e in openers)
    # (each phrase is written in one list only)
    assert not set(lexicon.lexicon()["acknowledgment_openers"]) & set(waiting)
    assert cues("Thanks for your patience.").acknowledgment


# ---------------------------------------------------------------- more of what real replies showed

@pytest.mark.parametrize("signature", ["-AD", "- Paige", "1/2", "TY - Chris", "Thanks - Lee 2/2", "Cheers - Sam"])
def test_a_social_replys_name_or_thread_count_after_its_last_sentence_signs_off(signature: str) -> None:
    text = f"I can see how annoying the delay is. Please DM us the booking reference. {signature}"
    assert slots(text)[-1] == (signature, "signoff")
    assert not any(signature in (d.text or "") for d in lint_text(text, channel="social").diagnostics
                   if d.code.startswith("SK4"))


@pytest.mark.parametrize("sentence", ["I'm updating your address now.", "We're replacing the kettle today.",
                                      "I'm shipping the new one today.", "I've cancelled the order today.",
                                      "Could you try deleting the app and reinstalling it today?"])
def test_an_action_spelt_with_a_dropped_e_or_a_doubled_letter_is_a_next_step(sentence: str) -> None:
    text = f"I can see how annoying this is, and I'm sorry. {sentence}"
    assert "SK402" not in codes(text)


@pytest.mark.parametrize("reply", [
    "You're welcome! If anything else comes up, just let us know.",
    "That's great to hear! If anything comes up, just let us know.",
])
def test_an_answer_to_the_customers_thanks_or_good_news_has_nothing_to_fix(reply: str) -> None:
    found = codes(reply, "social")
    assert not found & {"SK207", "SK301", "SK401", "SK402", "SK403", "SK404"}, found


def test_happy_to_hear_from_you_answers_nothing() -> None:
    assert not cues("We're always happy to hear from you.").praise
    assert "SK401" in codes("We're always happy to hear from you. Thanks for writing in.")
    # (an answer to good news that also apologises is judged as any reply)
    assert "SK301" in codes("Glad to hear it arrived! Sorry about the wait.")


def test_an_emoji_alone_on_its_line_is_no_part_of_the_solution() -> None:
    text = "I can see how annoying the double charge is.\n\nI've refunded it today, it'll show by Friday.\n🙏\n\nPriya"
    assert ("🙏", "other") in slots(text)


@pytest.mark.parametrize("step", ["Have you tried restarting the app?", "Try clearing the cache and reinstalling it.",
                                  "Could you try deleting the old card from your wallet?"])
def test_a_suggested_step_in_its_ing_form_is_help_after_the_apology(step: str) -> None:
    # (SK304: "says sorry but neither validates the feeling nor offers help")
    assert "SK304" not in codes(f"So sorry about that! {step}", "social")


@pytest.mark.parametrize("name", ["{agent_name}", "{{ agent }}", "[Agent Name]", "- {agent_first_name}"])
def test_the_agents_name_as_another_helpdesks_fill_in_signs_the_reply(name: str) -> None:
    text = f"I can see how annoying the delay is. I've refunded it today.\n\nThanks for bearing with us.\n\n{name}"
    assert slots(text)[-1] == (name, "signoff")
    assert slots("I can see how annoying the delay is. I've refunded it today, see the {agent_name} page.")[-1][1] \
        == "solution"


def test_an_offer_of_more_help_has_nothing_to_time() -> None:
    offer = ("I can see how annoying the double charge is. If you have any other questions, please don't hesitate to "
             "contact us. We'll be more than happy to help.")
    found = codes(offer)
    # (no next step: that is what is missing; an open offer of more help is no solution, review's "other")
    assert "SK404" not in found and "SK401" in found
    # (a step of yours before the offer still owes a when)
    assert "SK404" in codes("I can see how annoying the double charge is. I'll look into it. If you have any "
                            "other questions, let me know.")


def test_i_cant_owns_nothing_and_a_comment_asked_for_is_handed_back() -> None:
    text = ("Thanks so much for the report, I can see how annoying the crash is. I can't reproduce it with the "
            "file you attached. Could you please comment with the steps that lead to it?")
    assert findings(text, "SK404") == []  # (their answer is next)


def test_sk103_counts_the_words_of_each_line_ended_on_purpose() -> None:
    line = "Thanks so much for the detailed report and for the screenshots you sent along with it yesterday"
    text = f"{line}\\\n{line}.\n\nI've refunded the order today, and it'll show by Friday."
    assert "SK103" not in codes(text)
    assert "SK103" in codes(f"{line} {line}.\n\nI've refunded the order today, and it'll show by Friday.")


def test_we_need_your_details_is_a_request_not_a_step_of_ours() -> None:
    text = ("Thanks for writing back, I can see how annoying the locked account is. Would you mind checking the "
            "email address you gave us? We need the address linked to your account.")
    assert findings(text, "SK404") == []  # (their answer is next)
    assert "SK403" not in codes("I can see how annoying the wait is. We need more time to check your request.")


@pytest.mark.parametrize("when, vague", [
    # (an event to wait for: no vague word, but still no time the customer can hold on to)
    ("as soon as the bank confirms it", "the solution waits for 'as soon as the bank confirms it' but does not "
                                        "say when that will be"),
    ("as soon as possible", "'as soon as possible' is not a time frame"),
    ("as soon as we can", "'soon' is not a time frame"),
    ("soon", "'soon' is not a time frame"),
])
def test_as_soon_as_an_event_is_no_vague_soon(when: str, vague: str) -> None:
    text = f"I can see how worrying the missing transfer is, and I'm sorry. I'll email you {when}."
    assert findings(text, "SK404") == [vague]


def test_what_was_done_to_the_customer_is_no_step_without_an_owner() -> None:
    text = ("I can see how worrying a double charge is. If you have been charged twice, please send us the bank "
            "statement that shows both payments.")
    assert "SK403" not in codes(text)
    assert findings(text, "SK404") == []  # (their answer is next)
    # (a step of the company's with nobody in it still has no owner)
    assert "SK403" in codes("I can see how worrying a double charge is. You will be refunded by Friday.")
