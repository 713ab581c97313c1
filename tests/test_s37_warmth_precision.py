"""Session 37: warm lines SK207 missed, one stock phrase reported twice (SK201 and SK202), and a thanks for
"understanding" rewritten as thanks for a wait nobody had."""

from __future__ import annotations

import pytest

from scriptkit.diagnostics import Diagnostic
from scriptkit.linting import lint_text


def _found(text: str, code: str) -> list[Diagnostic]:
    return [d for d in lint_text(text, grammar="off").diagnostics if d.code == code]


@pytest.mark.parametrize("warm", [
    "That's exactly what we're here for, Priya!",
    "We're here to help you with anything else on your plan.",
    "I am always here to support you with the migration.",
    "We'd like to help you get this working, Leo.",
    "We would love to help you set this up.",
    "We always love hearing suggestions like yours, though this form is for bug reports.",
])
def test_reassurance_and_willingness_count_as_warm(warm: str) -> None:
    cold = "The export runs every night. Use the Reports tab to download it."
    assert _found(cold, "SK207")  # (the rule still reports a reply with no warm line)
    assert not _found(f"{warm} {cold}", "SK207")


@pytest.mark.parametrize("cold", [
    "We are here at the office until 5pm.",
    "We would like to inform you that the plan has changed.",
    "We love our new dashboard design.",
])
def test_presence_or_a_notice_is_not_warm(cold: str) -> None:
    assert _found(f"{cold} Use the Reports tab to download the export.", "SK207")


def test_one_stock_phrase_gives_one_finding() -> None:
    # one sentence, formal for its stock phrases alone: SK201 names each, SK202 would only repeat them
    text = "We kindly ask you to provide us with a copy of the signed lease as well."
    assert {d.text for d in _found(text, "SK201")} >= {"We kindly ask you to"}
    assert not _found(text, "SK202")
    # formal without any stock phrase: SK202 still speaks
    formal = ("The aforementioned documentation necessitates verification prior to the subsequent "
              "authorisation of the reimbursement.")
    assert _found(formal, "SK202")


@pytest.mark.parametrize("ask", ["Could you be kind enough to", "Would you be kind enough to",
                                 "Would you be so kind as to"])
def test_asking_to_ask_politely_is_reported_like_kindly(ask: str) -> None:
    found = _found(f"{ask} send the receipt again?", "SK201")
    assert [d.text for d in found] == [ask]
    assert found[0].suggestion is not None and "please" in found[0].suggestion.lower()


def test_understanding_without_a_wait_is_not_rewritten_as_bearing_with_us() -> None:
    text = ("Each household can hold a single membership. Please use the membership you already have.\n\n"
            "Thank you for your understanding.")
    [found] = _found(text, "SK201")
    # (no rewrite offered as the thing to write: it says what to write instead, and where the rewrite fits)
    assert found.suggestion is not None and not found.suggestion.startswith('"')
    assert "only after a wait" in found.suggestion and found.fix is None
    waited = "Your parcel was delayed by the storm and will arrive on Monday.\n\nThank you for your understanding."
    [after_a_wait] = _found(waited, "SK201")
    assert after_a_wait.suggestion == '"Thank you for bearing with me"'
