"""Cold lines a support-quality editor marks: records quoted at the customer (SK201), "We value your
business" (SK206, as "We appreciate your business"), and the customer told not to come back yet (SK305)."""

from __future__ import annotations

import pytest

from scriptkit.linting import lint_text

FRAME = "Hi Sam,\n\n{} I can see the parcel is late, which is annoying. I've sent a new one today.\n\nBest,\nAlex\n"


def _found(sentence: str, *codes: str) -> list[tuple[str, str, str]]:
    return [(d.code, d.text, d.suggestion or "") for d in lint_text(FRAME.format(sentence), file="r.txt").diagnostics
            if d.code in codes]


def test_records_quoted_at_the_customer_are_corporate() -> None:
    for sentence, said in (("As per our records, your plan renewed on the 3rd.", "As per our records"),
                           ("Your plan renewed on the 3rd, as per the system.", "as per the system")):
        # (advice, not a rewrite: "I can see that" opens a sentence, and a clause needs rewording)
        [(_, text, suggestion)] = _found(sentence, "SK201")
        assert text == said and "I can see that" in suggestion and not suggestion.startswith('"')


def test_we_value_your_business_is_a_stock_closer() -> None:
    assert _found("We value your business.", "SK206") == [
        ("SK206", "We value your business", '"Thanks for being with us"')]


@pytest.mark.parametrize("sentence", [
    "Please wait for the stated period before contacting us again.",
    "Kindly allow the full processing time before contacting us again.",
])
def test_telling_the_customer_not_to_come_back_yet_is_a_wall(sentence: str) -> None:
    assert [code for code, _, _ in _found(sentence, "SK305")] == ["SK305"]


@pytest.mark.parametrize("sentence", [
    "If it hasn't arrived by Friday, just reply here and I'll chase it.",
    "You don't need to wait before contacting us again.",
])
def test_an_open_door_is_no_wall(sentence: str) -> None:
    assert _found(sentence, "SK305") == []
