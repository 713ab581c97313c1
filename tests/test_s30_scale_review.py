"""review on a long reply: SK201's "after a refusal" check reads the reply once, not once per thanks, and judges
as it did on the text up to each thanks."""

from __future__ import annotations

import re
from typing import Any

import pytest

from scriptkit import inference, lint_text
from scriptkit.inference import may_refuse, refused_spans


class _CountingPattern:
    """A compiled pattern that adds up how many characters it is asked to read."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        self.read = 0

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> Any:
        self.read += (len(text) if endpos is None else endpos) - pos
        return self.pattern.finditer(text, pos, len(text) if endpos is None else endpos)

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> Any:
        self.read += (len(text) if endpos is None else endpos) - pos
        return self.pattern.search(text, pos, len(text) if endpos is None else endpos)


def test_the_refusal_before_each_thanks_is_looked_for_once_per_reply(monkeypatch: pytest.MonkeyPatch) -> None:
    counting = _CountingPattern(inference.REFUSAL)
    monkeypatch.setattr(inference, "REFUSAL", counting)
    text = "\n\n".join(f"Your parcel {n} is not lost: it is on its way. Thank you for your understanding."
                       for n in range(300))
    said = [d for d in lint_text(text, grammar="off").diagnostics if d.code == "SK201"]
    assert len(said) == 300  # (each thanks still judged)
    # (read once by each sentence's own judgement and once for the reply; before, the whole reply up to each
    # thanks was read again: 150 times the reply's length here)
    assert counting.read <= 10 * len(text), counting.read / len(text)


def _refused_before_by_definition(text: str, start: int) -> bool:
    before = text[:start].lower().replace("\u2019", "'")
    return may_refuse(before) and bool(refused_spans(before))


@pytest.mark.parametrize("text", [
    "We can't refund a used kettle. Thanks for your understanding.",
    "I can\u2019t swap the lamp, sorry. Thank you for your understanding!",
    "We will not be sending a second box 42 times. We are unable to resend it",
    "Your voucher isn't available yet, and refunds are not possible after 30 days; I'm sorry.",
    "The deposit is non-refundable, as the booking page says. The fee is nonrefundable too.",
    "Your claim was declined; the second one was not declined. It is disallowed.",
    "I've approved the refund you were denied, and we have already rejected the spam.",
    "No refunds are given on sale items. No exchange can be offered.",
    "We\u2019re never going to charge you twice. It can't be sent before Monday.",
    "Thanks for waiting! I have refunded the order today, 3 days early.",
    "\u0130stanbul office: we cannot refund it. Thank you for your understanding.",
])
def test_a_refusal_before_a_place_is_judged_as_on_the_text_up_to_it(text: str) -> None:
    refused_before = inference.refusal_before(text)
    assert [refused_before(start) for start in range(len(text) + 1)] == \
        [_refused_before_by_definition(text, start) for start in range(len(text) + 1)]
