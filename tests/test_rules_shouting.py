"""SK208 shouting: a reply in capitals, or with runs of exclamation marks, reads as raised voice."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from scriptkit.config import LintConfig, Selector
from scriptkit.diagnostics import Diagnostic
from scriptkit.errors import ConfigError
from scriptkit.fixing import apply, plan
from scriptkit.linting import lint_pack, lint_text
from scriptkit.loading import load_pack


def _found(text: str, **options: Any) -> list[Diagnostic]:
    config = LintConfig(select=(Selector("SK208"),), options={"shouting": options} if options else {})
    return [d for d in lint_text(text, config=config).diagnostics if d.code == "SK208"]


def _at(text: str, d: Diagnostic) -> str:
    """The text a finding points at (a one-line text: its columns give the offsets)."""
    assert d.location.line == 1 and d.extra is not None and d.extra["end_line"] == "1"
    return text[d.location.col - 1:int(d.extra["end_col"]) - 1]


def test_a_sentence_in_capitals_is_reported_at_its_capital_words() -> None:
    text = "Hi Ann, the box left our warehouse today. PLEASE CHECK THE LABEL BEFORE YOU WRITE AGAIN."
    (d,) = _found(text)
    assert d.severity.value == "warning" and d.name == "shouting"
    assert _at(text, d) == "PLEASE CHECK THE LABEL BEFORE YOU WRITE AGAIN"
    assert d.fix is None  # lower case is a person's choice: which capitals are names only they know


def test_capital_words_scattered_through_one_sentence_add_up() -> None:
    text = "Your card is on its way. You MUST activate it TODAY or it will NOT work."
    (d,) = _found(text)
    assert _at(text, d) == "MUST activate it TODAY or it will NOT"


def test_runs_of_exclamation_marks_are_collapsed_by_the_fix() -> None:
    text = "I checked with the courier and we have sent it!! It arrives Monday!!!"
    found = _found(text)
    assert [_at(text, d) for d in found] == ["!!", "!!!"]
    assert all(d.fix is not None for d in found)


def test_a_question_keeps_its_question_mark() -> None:
    text = "Did the code from the email work?!! Let me know and I'll look again."
    (d,) = _found(text)
    assert d.fix is not None and d.fix.edits[0].replacement == "?"


@pytest.mark.parametrize("text", [
    "Your IBAN, PIN and ID stay with us; the FAQ covers SMS codes and VAT in the UK and USA.",
    "Could you send the invoice ASAP? The parcel code is AB12-XY and the GPU is an RTX 4090.",
    "Please reply with your order number by [DATE] so we can refund [AMOUNT] to card XXXXXXX.",
    "I am SO sorry the parcel went to the wrong door, and I'll send another today.",
    'The button that says "PLACE MY ORDER NOW" is at the bottom of the page.',
    "Thanks so much for your patience! It's on its way now.",
    "Open https://example.com/HELP/FAQ/ORDER-STATUS to see where your parcel is right now.",
    "You have used [SPENT] of it, so [LEFT] stays open until [RENEWAL] this month.",
    "Run `UPDATE USERS SET ACTIVE = TRUE` and the page should load again.",
])
def test_acronyms_codes_placeholders_one_stressed_word_and_quotes_are_not_shouting(text: str) -> None:
    assert _found(text) == []


@pytest.mark.parametrize(("text", "shout"), [
    ("GO TO SETTINGS AND RESET IT yourself.", "GO TO SETTINGS AND RESET IT"),
    ("I AM SO SORRY about the mix-up.", "AM SO SORRY"),
    ("PLEASE HELP US by sending the photo.", "PLEASE HELP US"),
])
def test_short_words_that_read_as_acronyms_count_beside_a_shout(text: str, shout: str) -> None:
    (d,) = _found(text)
    assert _at(text, d) == shout


def test_a_heading_line_and_a_signature_in_capitals_are_left_alone() -> None:
    text = ("Hi Ann,\n\nORDER DETAILS\nYour parcel left our warehouse today and arrives on Friday.\n\n"
            "WHAT HAPPENS NEXT:\nI'll email you the tracking link tonight.\n\nBest,\nTHE SUPPORT TEAM")
    assert _found(text) == []


def test_a_whole_reply_in_capitals_is_one_finding() -> None:
    text = "HELLO. WE HAVE RECEIVED YOUR REQUEST. A REFUND WILL BE ISSUED WITHIN FIVE DAYS."
    (d,) = _found(text)
    assert _at(text, d) == "WE HAVE RECEIVED YOUR REQUEST. A REFUND WILL BE ISSUED WITHIN FIVE DAYS"


def test_options_set_how_many_capital_words_and_exclamation_marks_count() -> None:
    text = "We DO NOT ship on weekends, sorry!! Monday it is."
    assert [_at(text, d) for d in _found(text)] == ["!!"]
    assert [_at(text, d) for d in _found(text, min_words=2, min_exclamations=0)] == ["DO NOT"]
    assert _found(text, min_exclamations=3) == []


def test_words_a_team_writes_in_capitals_are_not_counted() -> None:
    text = "Your NORDIC TRAIL RUNNER boots are back in stock this week."
    assert _found(text) != []
    assert _found(text, allowed_words=["Nordic", "trail", "RUNNER"]) == []


def test_a_bad_option_is_a_located_settings_error() -> None:
    with pytest.raises(ConfigError, match="min_words"):
        _found("Hello there.", min_words="three")
    with pytest.raises(ConfigError, match="allowed_words"):
        _found("Hello there.", allowed_words="NASA")


def test_fix_collapses_the_run_in_the_yaml(tmp_path: Path) -> None:
    root = tmp_path / "pack"
    (root / "scripts").mkdir(parents=True)
    (root / "pack.yaml").write_text("name: T\n", encoding="utf-8")
    script = root / "scripts" / "a.yaml"
    script.write_text("id: a\ntitle: A\nacknowledgment: I can see the wait was long.\n"
                      "solution: I've sent the parcel today!!!\n", encoding="utf-8")
    result = lint_pack(load_pack(root), LintConfig(select=(Selector("SK208"),)))
    assert [d.code for d in result.diagnostics] == ["SK208"]
    apply(plan(result.diagnostics))
    assert "solution: I've sent the parcel today!\n" in script.read_text(encoding="utf-8")
