"""SK202 on replies support teams write: a reply formal for the length of its sentences alone, one long sentence of
everyday words ("Thanks for the report but the plugin is not one of ours, so please ..."), read as a notice, with
nothing to change in it but "split it" (SK103's to say) or "write isn't". And SK204 on a stock apology that names what
went wrong ("We're sorry for any inconvenience the late delivery has caused"): it said "sorry for no one thing"."""

from __future__ import annotations

import dataclasses

import pytest

from scriptkit.config import LintConfig
from scriptkit.linting import lint_text


def found(text: str, code: str) -> list[str]:
    return [d.text for d in lint_text(text).diagnostics if d.code == code]


# ---------------------------------------------------------------- SK202: length is not formality

@pytest.mark.parametrize("text", [
    "Thanks for the report but the plugin is not one of ours, so please report the bug to the person who wrote the "
    "plugin for the shop.",
    "Hi Dana, if a member of the team thinks the person buying the wine looks under 25, they will be asked for ID to "
    "show they're old enough.",
    "To turn on dark mode in the app please log into your account and go to the display page in the menu at the top "
    "of the screen.",
])
def test_a_long_sentence_of_everyday_words_is_not_formal(text: str) -> None:
    assert found(text, "SK202") == []


@pytest.mark.parametrize("text", [
    # the same length with formal words, or a stock phrase, is still reported
    "Please be advised that the aforementioned transaction will be reimbursed subsequent to the verification.",
    "We kindly ask you to provide us with the identification documents required for the verification procedure.",
])
def test_a_sentence_with_formal_words_or_stock_phrases_is_still_formal(text: str) -> None:
    assert found(text, "SK202") == [text]


def test_a_lower_ceiling_still_reports_the_plain_long_sentence() -> None:
    # (under a team's lower ceiling the same reply is formal with sentences of any length)
    text = "Thanks for the report but the plugin is not one of ours, so please report the bug to its writer."
    low = dataclasses.replace(LintConfig(), options={"SK202": {"ceiling": 0.3}})
    assert [d.code for d in lint_text(text, config=low).diagnostics if d.code == "SK202"] == ["SK202"]


# ---------------------------------------------------------------- SK204: a stock apology that names its cause

@pytest.mark.parametrize("text", [
    "Your parcel is on the next van. We're sorry for any inconvenience the late delivery has caused.",
    "The app works again now. We're sorry for the inconvenience caused by the outage this morning.",
    "I've reset your password for you. I'm sorry for the inconvenience of the second login.",
])
def test_a_stock_apology_that_names_what_went_wrong_is_not_sorry_for_nothing(text: str) -> None:
    assert found(text, "SK204") == []


@pytest.mark.parametrize(("text", "apology"), [
    ("Your parcel is on the next van. We're sorry for any inconvenience.", "sorry for any inconvenience"),
    ("Your parcel is on the next van. We're sorry for any inconvenience this may have caused.",
     "sorry for any inconvenience"),
    # "the issue", "the situation" name nothing
    ("Your parcel is on the next van. We're sorry for any inconvenience caused by the issue.",
     "sorry for any inconvenience"),
    ("Your parcel is on the next van. I'm sorry for the inconvenience the situation has caused.",
     "sorry for the inconvenience"),
    # "we apologize" is still the company's voice, cause named or not
    ("Your parcel is on the next van. We apologize for the inconvenience caused by the late delivery.",
     "We apologize for the inconvenience"),
])
def test_a_stock_apology_for_nothing_named_is_still_reported(text: str, apology: str) -> None:
    assert found(text, "SK204") == [apology]
