"""British and chat greetings and closings, and the common ones of Spanish, French, German and Portuguese, frame
the reply: "Morning Sam!" and "Hola Lucía," greet, "Ta,\nPriya" and "Un saludo,\nPablo" sign off (they were
'other' and a solution sentence). "Morning deliveries are late." and "Evening slots, sadly, are full." are the
reply's own sentences."""

from __future__ import annotations

import pytest

from scriptkit.inference import infer_slots

BODY = "Sorry the app logged you out. I've reset your session today, so you can sign in again now."


def _slots(text: str) -> list[tuple[str, str]]:
    return [(text[a:b], slot) for a, b, slot, _c in infer_slots(text, frames=True)]


@pytest.mark.parametrize("greeting", ["Morning Sam!", "Evening all,", "Good evening Sam,", "Hiya!",
                                      "Hola Lucía,", "Buenos días Lucía,", "Bonjour Marie,", "Bonsoir,",
                                      "Hallo Jonas,", "Guten Tag Frau Weber,", "Olá Ana,", "Bom dia Ana,"])
def test_greetings_greet(greeting: str) -> None:
    slots = _slots(f"{greeting}\n\n{BODY}\n")
    assert slots[0] == (greeting, "greeting")
    assert [slot for _s, slot in slots[1:]] == ["warm_language", "solution"]


@pytest.mark.parametrize("closing", ["Ta,", "Cheers,", "Many thanks,", "Un saludo,", "Saludos,", "Atentamente,",
                                     "Cordialement,", "Bien à vous,", "Viele Grüße", "Mit freundlichen Grüßen",
                                     "Atenciosamente,", "Um abraço,"])
def test_closings_sign_off(closing: str) -> None:
    slots = _slots(f"Hi Sam,\n\n{BODY}\n\n{closing}\nPriya\n")
    assert slots[-1] == (f"{closing}\nPriya", "signoff")
    assert [slot for _s, slot in slots[1:-1]] == ["warm_language", "solution"]


def test_a_spanish_wish_before_the_closing_signs_off() -> None:
    slots = _slots(f"Hola Lucía,\n\n{BODY}\n\n¡Que tengas un buen viaje!\n\nUn saludo,\nPablo\n")
    assert [slot for _s, slot in slots] == ["greeting", "warm_language", "solution", "signoff", "signoff"]


@pytest.mark.parametrize("sentence", ["Morning deliveries are late this week.", "Evening slots, sadly, are full."])
def test_a_sentence_that_starts_with_a_time_of_day_is_no_greeting(sentence: str) -> None:
    slots = _slots(f"Hi Sam,\n\n{sentence} I've booked you in for Friday at 9am instead.\n")
    assert (sentence, "greeting") not in slots
    assert all(slot != "greeting" for text, slot in slots if text.startswith(sentence.split()[0]))


@pytest.mark.parametrize("sentence", ["Morning works!", "Evening is fine!", "Afternoon suits!", "Morning delivery!"])
def test_what_a_sentence_says_of_a_time_of_day_is_no_greeting(sentence: str) -> None:
    slots = _slots(f"Hi Sam,\n\nThanks for asking about a call slot. {sentence}\nI've booked you in for Friday.\n")
    assert (sentence, "greeting") not in slots
