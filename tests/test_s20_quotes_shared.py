"""One reading of quotations for every rule (scriptkit.text.quoted_spans): the customer's words told back are not
judged as the writer's, an inch mark quotes nothing, and quotes around a whole reply are no quotation."""

import pytest

from scriptkit.linting import lint_text
from scriptkit.text import in_quotation, opens_sentence, quoted_spans


def _codes(text: str) -> set[str]:
    return {d.code for d in lint_text(text).diagnostics}


def test_quotations_of_every_kind() -> None:
    text = ('You wrote "calm down", then \u201cjust refund me\u201d, \u00abvite\u00bb, and \u2018kindly\u2019; '
            "it's fine.")
    found = [text[a:b] for a, b in quoted_spans(text)]
    assert found == ['"calm down"', "\u201cjust refund me\u201d", "\u00abvite\u00bb", "\u2018kindly\u2019"]
    spans = quoted_spans(text)
    at = text.index("calm")
    assert in_quotation(spans, at, at + 9) and not in_quotation(spans, 0, 9)


def test_an_inch_mark_quotes_nothing() -> None:
    text = 'Our 12" screens are fine; this is your responsibility. The 15" model too.'
    assert quoted_spans(text) == []
    assert "SK305" in _codes(f"Hi Sam,\n\n{text} I've checked it today.\n\nKara")


def test_quotes_around_the_whole_reply_are_no_quotation() -> None:
    assert quoted_spans('"There is no need to get angry."') == []
    assert "SK305" in _codes('"There is no need to get angry. This is your responsibility."')


def test_sympathy_for_what_they_go_through_is_no_goodbye() -> None:
    codes = _codes("Hi Sam,\n\nI'm so sorry to see you go through this, but the order can't be changed.\n\nKara")
    assert {"SK304", "SK306"} <= codes
    assert "SK304" not in _codes("Hi Sam,\n\nWe're sorry to see you go! I've closed your account today.\n\nKara")


@pytest.mark.parametrize(("text", "at", "opens"), [
    ("Clearly it was wrong.", 0, True), ("Yes. Clearly it was.", 5, True), ("it's clearly wrong", 5, False),
    ('- "Clearly', 3, True), ("done; clearly", 6, True)])
def test_a_sentence_opens(text: str, at: int, opens: bool) -> None:
    assert opens_sentence(text, at) is opens
