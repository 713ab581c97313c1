"""Judgements of a reviewed reply that a support writer would dispute, fixed one by one."""

from __future__ import annotations

import pytest

from scriptkit.inference import body_sentences
from scriptkit.linting import lint_text, text_message
from scriptkit.transcript import turns

REPLY = "I can see how annoying the double charge is. I've refunded you today."


def _body(text: str) -> list[str]:
    return [s.text for s in body_sentences(text_message(text)[0])]


# ---------------------------------------------------------------- a name signing a reply with no closing

@pytest.mark.parametrize("name", ["Mia", "Mia Chen", "- Mia C.", "Fred Jones"])
@pytest.mark.parametrize("gap", ["\n\n", "\n"])
def test_a_name_alone_under_a_finished_sentence_signs_the_reply(name: str, gap: str) -> None:
    assert _body(f"{REPLY}{gap}{name}\n") == ["I can see how annoying the double charge is.",
                                              "I've refunded you today."]


@pytest.mark.parametrize("last", ["Refunded", "Approved", "Done", "Cancelled"])
def test_a_one_word_solution_on_the_last_line_stays_in_the_body(last: str) -> None:
    assert _body(f"{REPLY}\n\n{last}\n")[-1] == last


def test_a_name_under_an_unfinished_line_is_not_split_off() -> None:
    # no full stop above it: the line may run on into the name ("...for you today\nMia" in a chat)
    assert _body("I can see how annoying it is. I've refunded it for you today\nMia\n")[-1].endswith("Mia")


def test_the_name_is_judged_as_no_part_of_the_solution() -> None:
    # (a cue-less last sentence of the body is read as detail of the fix, and SK403 asked who acts in "Mia")
    found = lint_text(f"Hi Sam,\n\n{REPLY}\n\nMia\n").diagnostics
    assert not any(d.text == "Mia" or d.text.endswith("\nMia") for d in found), [d.format() for d in found]


# ---------------------------------------------------------------- SK207: solidarity is a warm line

@pytest.mark.parametrize("warm", [
    "I'd feel the same way in your shoes.",
    "I would be just as fed up too.",
    "I’d feel exactly the same.",
])
def test_a_line_of_solidarity_is_warm_language(warm: str) -> None:
    text = f"I can see why the missing parcel worried you. {warm} I've sent a replacement, and it arrives Friday."
    assert "SK207" not in {d.code for d in lint_text(text).diagnostics}


@pytest.mark.parametrize("cold", [
    "Anyone would be frustrated by that.",  # validation with nobody in it: an acknowledgment, not warmth
    "I'd be happy to send it too.",  # an offer, not a shared feeling
])
def test_validation_and_offers_are_not_solidarity(cold: str) -> None:
    text = f"I can see why the missing parcel worried you. {cold} A replacement arrives Friday."
    assert "SK207" in {d.code for d in lint_text(text).diagnostics}


# ---------------------------------------------------------------- an order's fields with long values

@pytest.mark.parametrize("fields", [
    "Product: Lightweight rain jacket\nSize: Large\nProduct: Insulated winter boots\nSize: Medium\n",
    "Item: Blue ceramic coffee mug\nColour: Deep sea blue\nItem: Cast iron teapot\nColour: Matte black\n",
])
def test_an_orders_fields_with_long_values_are_not_a_conversation(fields: str) -> None:
    text = (f"Hi Sam,\n\nHere is what I've put on the new order:\n\n{fields}\n"
            "I've shipped it today, and it'll be with you by Friday.\n\nMia\n")
    assert turns(text) is None
    assert not any("conversation" in d.message for d in lint_text(text).diagnostics)


@pytest.mark.parametrize("lines", [
    [("Dana", "my parcel never came"), ("Sam", "sorry to hear that"), ("Dana", "still nothing today"),
     ("Sam", "I've sent a new one")],
    [("Dana", "Where is my parcel?"), ("Sam", "Checking the courier now"), ("Dana", "Any news yet?"),
     ("Sam", "Out for delivery today")],
])
def test_names_that_talk_without_full_stops_are_still_speakers(lines: list[tuple[str, str]]) -> None:
    found = turns("".join(f"{who}: {said}\n" for who, said in lines))
    assert found is not None and [t.speaker for t in found] == ["Dana", "Sam", "Dana", "Sam"]


# ---------------------------------------------------------------- SK403: a step the customer is told to take

ACK = "I can see how annoying the lockout is."


def _codes(text: str) -> set[str]:
    return {d.code for d in lint_text(text).diagnostics}


@pytest.mark.parametrize("solution", [
    "Please reset your password from the sign-in page today.",
    "You can reset your password from the sign-in page today.",
    "You should use the new code to pair your phone today.",
    "We recommend that you call your bank today.",
    "Can you DM us the order number so we can look?",
    "If the refund has not arrived by Friday, please send us your bank statement.",
])
def test_a_step_the_customer_is_told_to_take_has_an_owner(solution: str) -> None:
    assert "SK403" not in _codes(f"{ACK} {solution}")


@pytest.mark.parametrize("text", [
    "Thanks for the report, but the plugin is not ours, please report the bug to its author.",  # after care
    "Thanks for the report, but it would help if you attached the file that shows it.",  # a request
])
def test_a_request_after_thanks_is_the_customers_step(text: str) -> None:
    assert not _codes(text) & {"SK401", "SK403"}



@pytest.mark.parametrize("solution", [
    "Your case will be escalated today. Please reply with the order number.",  # the escalation is nobody's
    "Your case will be reviewed by the end of the week. Don't hesitate to contact us.",  # no step asked
    "The form is checked by the end of the week. If you have questions, please do not hesitate to ask.",
    "A replacement will be sent today.",
])
def test_a_step_nobody_owns_is_still_reported(solution: str) -> None:
    assert "SK403" in _codes(f"{ACK} {solution}")


# ---------------------------------------------------------------- stock lines and patience

@pytest.mark.parametrize("text, code", [
    ("Thank you in advance for your patience and understanding.", "SK201"),
    ("Thanks in advance for your understanding.", "SK201"),
    ("We regret the inconvenience caused.", "SK201"),
    ("We are sorry for any inconveniences caused.", "SK204"),  # as for one inconvenience
])
def test_stock_lines_in_their_other_forms_are_reported(text: str, code: str) -> None:
    assert code in _codes(f"{ACK} {text} I'll send the new card today.")


@pytest.mark.parametrize("patience", ["Take your time with the steps.", "There's no rush at all."])
def test_patience_offered_is_a_warm_line(patience: str) -> None:
    assert "SK207" in _codes(f"{ACK} I'll send the reset link today.")
    assert "SK207" not in _codes(f"{ACK} I'll send the reset link today. {patience}")


@pytest.mark.parametrize("closing", ["Kind regards ^JR", "Cheers /AY", "Thanks again ~Mo"])
def test_a_closing_with_a_social_replys_initials_is_the_sign_off(closing: str) -> None:
    body = _body(f"{ACK} I'll send the reset link today. {closing}")
    assert body == [ACK, "I'll send the reset link today."]


@pytest.mark.parametrize("wave", ["\U0001F44B", "\U0001F44B\U0001F60A"])
def test_an_emoji_after_the_greeting_greets_too(wave: str) -> None:
    text = f"Hello! {wave}\n\n{ACK} I'll send the reset link today."
    assert _body(text) == [ACK, "I'll send the reset link today."]


@pytest.mark.parametrize("thanks", ["Thanks.", "Thanks!", "Many thanks!"])
@pytest.mark.parametrize("greeting", ["", "Hi Sam,\n\n"])
def test_thanks_that_opens_the_reply_is_no_sign_off(greeting: str, thanks: str) -> None:
    text = f"{greeting}{thanks} The new card is on its way and arrives by Friday.\n\nBest,\nMia"
    assert _body(text) == [thanks, "The new card is on its way and arrives by Friday."]
    assert "SK207" not in _codes(text)  # the thanks is the reply's warm line


@pytest.mark.parametrize("step", ["\U0001F50D Send us the order number in a DM.", "- Send us the order number.",
                                  "DM us the order number."])
def test_an_instruction_after_an_emoji_or_a_bullet_or_by_dm_is_the_customers_step(step: str) -> None:
    assert "SK403" not in _codes(f"{ACK}\n\n{step}")
