"""A signature read from the bottom up stops at the reply's first line (a speed-up: that line is no longer read as a
name, a signature's detail or a closing). What each reply's sentences are read as stays the same."""

import pytest

from scriptkit.inference import _cues_by_sentence, _pieces, _signed_below, infer_slots


@pytest.mark.parametrize(("text", "signed", "slots"), [
    # the whole reply a signature: no sentence of the reply above its closing
    ("Kind regards,\nSam Jones\nSupport Lead, Acme Ltd", 1, ["other"]),
    # the closing on the first line, after a sentence: the other readings sign it off
    ("I have refunded the charge today. Kind regards,\nSam Jones\nSupport Lead, Acme Ltd", 2, ["solution", "signoff"]),
    # the closing on a line of its own under a sentence: found from below
    ("I have refunded the charge today.\nKind regards,\nSam Jones\nSupport Lead, Acme Ltd", 1,
     ["solution", "signoff"]),
    ("Kind regards, Sam", 1, ["signoff"]),
    ("I have refunded the charge today, and you will see it within three days.", 1, ["solution"]),
])
def test_a_signature_is_read_up_to_the_first_line(text: str, signed: int, slots: list[str]) -> None:
    pieces = _pieces(text)
    assert _signed_below(text, pieces, _cues_by_sentence(text, pieces)) == signed
    assert [slot for _, _, slot, _ in infer_slots(text, frames=True)] == slots
