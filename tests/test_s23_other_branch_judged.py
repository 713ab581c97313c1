"""The text of an '{% if %}' branch a yes-or-no constant does not take today is judged by the phrase rules too: the
'{% else %}' of '{% if closed_for_holidays %}' ships the day the constant flips, and its "Kindly note that" went
unchecked ("All clear"). Each such finding says when that text is sent."""

from __future__ import annotations

from typing import Any

from scriptkit import lint_pack, load_pack
from tests.conftest import run_cli

PACK = "name: T\nconstants:\n  closed_for_holidays: true\n  holiday_reopen: Monday 5 January\n"
SCRIPT = """id: closure
title: Closure
acknowledgment: I know it's annoying to wait for an answer over the holidays.
solution: >-
  {% if closed_for_holidays %}We're closed until {{ holiday_reopen }}, and I'll reset your password that
  morning.{% else %}Kindly reply to this email, and I'll reset your password today.{% endif %}
"""


def _found(make_pack: Any, script: str = SCRIPT, pack: str = PACK) -> list[tuple[str, int, int, str]]:
    root = make_pack({"a.yaml": script}, pack)
    return [(d.code, d.location.line, d.location.col, d.message) for d in lint_pack(load_pack(root)).diagnostics
            if d.code == "SK201"]


def test_a_phrase_in_the_branch_not_taken_today_is_found_and_says_when_it_is_sent(make_pack: Any) -> None:
    assert _found(make_pack) == [("SK201", 6, 21, "corporate phrase \"Kindly\": \"Kindly\" reads as stiff or "
                                  "passive-aggressive in a request. "
                                  "(in the text sent when closed_for_holidays is false)")]


def test_the_same_phrase_in_the_branch_taken_today_is_said_once_as_today(make_pack: Any) -> None:
    taken = _found(make_pack, pack=PACK.replace("closed_for_holidays: true", "closed_for_holidays: false"))
    assert [(line, col) for _, line, col, _ in taken] == [(6, 21)] and "(in the text sent" not in taken[0][3]


def test_the_writer_s_ignore_comment_covers_it(make_pack: Any) -> None:
    assert _found(make_pack, SCRIPT.replace("solution: >-", "solution: >-  # scriptkit: ignore SK201")) == []


def test_fix_rewrites_it_in_the_source(make_pack: Any) -> None:
    root = make_pack({"a.yaml": SCRIPT}, PACK)
    run_cli("check", str(root), "--fix")
    assert "{% else %}Please reply to this email, and I'll reset your password today.{% endif %}" in \
        (root / "scripts" / "a.yaml").read_text(encoding="utf-8")


def test_a_constant_that_is_no_yes_or_no_flips_nothing(make_pack: Any) -> None:
    script = SCRIPT.replace("{% if closed_for_holidays %}", "{% if holiday_reopen == 'never' %}")
    assert [message for *_, message in _found(make_pack, script)] == [
        "corporate phrase \"Kindly\": \"Kindly\" reads as stiff or passive-aggressive in a request."]  # (today's)


def test_an_elif_two_constants_choose_is_judged_too(make_pack: Any) -> None:
    pack = "name: T\nconstants:\n  closed: true\n  vip: false\n"
    script = ("id: closure\ntitle: Closure\n"
              "acknowledgment: I know it's annoying to wait for an answer over the holidays.\n"
              "solution: \"{% if closed %}We're closed till Monday, and I'll reset it then.{% elif vip %}Kindly call "
              "your account manager, and I'll reset it today.{% else %}I'll reset it today.{% endif %}\"\n")
    assert [message for *_, message in _found(make_pack, script, pack)] == [
        "corporate phrase \"Kindly\": \"Kindly\" reads as stiff or passive-aggressive in a request. "
        "(in the text sent when closed is false and vip is true)"]


def test_an_inline_choice_is_judged_too(make_pack: Any) -> None:
    script = ("id: closure\ntitle: Closure\n"
              "acknowledgment: I know it's annoying to wait for an answer over the holidays.\n"
              "solution: \"{{ 'We are closed till Monday, and I will reset it then.' if closed_for_holidays else "
              "'Kindly reply, and I will reset it today.' }}\"\n")
    assert [message[-52:] for *_, message in _found(make_pack, script)] == [
        "request. (in the text sent when closed_for_holidays is false)"[-52:]]
