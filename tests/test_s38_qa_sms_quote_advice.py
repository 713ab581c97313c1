"""SK104's advice for a curly apostrophe or quote (a word processor's typography in an SMS) wrote the plain mark in
quotes of its own kind, "'’' as '''", which a writer cannot read; the straight apostrophe is now shown in double
quotes: "'’' as \"'\"". (QA of session 38's advice: tests/test_s38_sms_accents.py)"""

from __future__ import annotations

from scriptkit.linting import lint_text


def _suggestion(text: str) -> str:
    (found,) = [d for d in lint_text(text, channel="sms", grammar="off").diagnostics if d.code == "SK104"]
    return found.suggestion or ""


def test_a_curly_apostrophe_is_told_as_a_straight_one_that_can_be_read() -> None:
    said = _suggestion("I’m sorry your parcel is late. I’ve asked the courier to deliver it tomorrow morning and "
                       "I’ll text you the tracking link today.")
    assert "'’' as \"'\"" in said
    assert "'''" not in said


def test_curly_double_quotes_keep_their_single_quoted_plain_form() -> None:
    said = _suggestion("Tap “Track order” in the app: your parcel is out for delivery today and the driver will "
                       "text you an hour before they arrive.")
    assert "'“' as '\"'" in said and "'”' as '\"'" in said
