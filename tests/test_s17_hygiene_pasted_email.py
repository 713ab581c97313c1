"""A reply pasted from a real email (its own greeting, its own sign-off, the quoted thread under it) passed
`check` with "All clear", and the customer read "Hi Maya," twice and a stranger's email. SK008
duplicate-greeting, SK009 duplicate-signoff and SK010 quoted-thread (an error: it leaks another customer's
words and address) now say so, each at its line in the script."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from scriptkit.cli import main

PASTED = """id: late-refund
title: Refunds::Late refund
channels: [email, chat]
acknowledgment: |
  Hi {{ customer.first_name | fallback('there') }},

  I can see how frustrating it is to wait this long for your refund.
warm_language: Thank you for bearing with us.
flexibility:
  guidance: Check the bank first.
solution: |
  I've sent the refund again today, and it will reach your card within 3 days.

  Kind regards,
  Priya
  Harbour Books Support

  On Tue, 4 Nov 2025 at 09:15, Lee Park <lee.park@example.org> wrote:
  > Still nothing on my card. Order B-2201.
  > Sent from my phone
"""
CLEAN = """id: late-refund
title: Refunds::Late refund
channels: [{channel}]
acknowledgment: {ack}
warm_language: Thank you for bearing with us.
flexibility:
  guidance: Check the bank first.
solution: {solution}
"""
ACK = "I can see how frustrating it is to wait this long for your refund."
SOLUTION = "I've sent the refund again today, and it will reach your card within 3 days."


def findings(root: Path) -> list[dict[str, Any]]:
    out = CliRunner().invoke(main, ["check", str(root), "--grammar", "off", "--format", "json"])
    assert "Traceback" not in out.output
    found: list[dict[str, Any]] = json.loads(out.output)["diagnostics"]
    return [d for d in found if d["code"] in ("SK008", "SK009", "SK010")]


def clean(make_pack: Any, *, ack: str = ACK, solution: str = SOLUTION, channel: str = "email",
          pack_yaml: str = "name: Helpdesk macros\n") -> list[dict[str, Any]]:
    script = CLEAN.format(channel=channel, ack=json.dumps(ack), solution=json.dumps(solution))
    return findings(make_pack({"a.yaml": script}, pack_yaml=pack_yaml))


def test_a_reply_pasted_from_an_email_is_reported_at_each_line(make_pack: Any) -> None:
    root = make_pack({"late-refund.yaml": PASTED})
    found = {d["code"]: d for d in findings(root)}
    assert (found["SK008"]["line"], found["SK008"]["col"], found["SK008"]["severity"]) == (5, 3, "warning")
    assert sorted(found["SK008"]["channels"]) == ["chat", "email"]
    assert (found["SK009"]["line"], found["SK009"]["col"]) == (14, 3)
    assert found["SK009"]["channels"] == ["email"]  # (the default chat layout adds no sign-off)
    assert (found["SK010"]["line"], found["SK010"]["col"], found["SK010"]["severity"]) == (18, 3, "error")
    assert "email address" in found["SK010"]["message"]
    out = CliRunner().invoke(main, ["check", str(root), "--grammar", "off"])
    assert out.exit_code == 1 and "All clear" not in out.output


def test_only_where_the_layout_adds_its_own(make_pack: Any) -> None:
    greeted = "Hi {{ customer.first_name | fallback('there') }}, I can see how frustrating the wait is."
    signed = SOLUTION + "\n\nKind regards,\nPriya"
    # (SMS has no greeting or sign-off of its own: the greeting is left alone, and the letter's closing with a
    # name in it is told as one the channel does not use, bbe7b84c)
    sms = clean(make_pack, ack=greeted, solution=signed, channel="sms")
    assert [d["code"] for d in sms] == ["SK009"] and "Kind regards" in sms[0]["message"], sms
    bare = "name: Helpdesk macros\nchannels:\n  email:\n    greeting: ''\n    signoff: ''\n"
    assert not clean(make_pack, ack=greeted, solution=signed, pack_yaml=bare)
    assert [d["code"] for d in clean(make_pack, ack=greeted, solution=signed)] == ["SK008", "SK009"]


@pytest.mark.parametrize("ack", [
    "I can see how frustrating the wait is, so hi again, and sorry it took this long.",
    "Hi-res photos of the damage would help, and I can see how frustrating this is.",
    "Good news first: I can see how frustrating the wait is, and it is nearly over.",
])
def test_a_greeting_word_that_does_not_open_the_reply_is_left_alone(make_pack: Any, ack: str) -> None:
    assert not clean(make_pack, ack=ack)
    assert [d["code"] for d in clean(make_pack, ack="Hello there! " + ack)] == ["SK008"]


def test_a_letter_pasted_into_a_later_slot_opens_with_its_greeting_line(make_pack: Any) -> None:
    pasted = "Hi {{ customer.first_name | fallback('there') }},\n\n" + SOLUTION
    (found,) = clean(make_pack, solution=pasted)
    assert (found["code"], found["line"], found["col"]) == ("SK008", 8, 12)  # (after the opening quote)
    assert not clean(make_pack, solution="Hi again from me! " + SOLUTION)  # (not a letter's greeting line)


@pytest.mark.parametrize("solution", [
    SOLUTION + "\n\nThanks again for bearing with us!",
    SOLUTION + "\n\nThank you.",
    "To check it, open the app:\n> Settings > Payments > Refunds\n" + SOLUTION,
    SOLUTION + "\nYou'll find it under:\n> Settings > Payments",
    "You wrote:\n> still nothing on my card\nand " + SOLUTION[0].lower() + SOLUTION[1:],
])
def test_a_last_line_of_thanks_and_a_quote_mark_as_an_arrow_are_left_alone(make_pack: Any, solution: str) -> None:
    assert not clean(make_pack, solution=solution)
    pasted = solution + "\n\nBest,\nPriya\n\nOn Tue, 4 Nov 2025, Lee Park <lee@example.org> wrote:\n> Any news?"
    assert [d["code"] for d in clean(make_pack, solution=pasted)] == ["SK009", "SK010"]


def test_an_outlook_thread_is_reported(make_pack: Any) -> None:
    solution = SOLUTION + "\n\n-----Original Message-----\nFrom: Lee Park\nSent: Tuesday\nStill nothing on my card."
    (found,) = clean(make_pack, solution=solution)
    assert found["code"] == "SK010" and found["severity"] == "error"


def test_the_rules_are_listed_and_the_starter_pack_stays_all_clear(tmp_path: Path) -> None:
    listed = CliRunner().invoke(main, ["rules", "template"]).output
    for code, name in (("SK008", "duplicate-greeting"), ("SK009", "duplicate-signoff"), ("SK010", "quoted-thread")):
        assert f"{code}  {name}" in listed, listed
    root = tmp_path / "starter"
    made = CliRunner().invoke(main, ["init", str(root), "--from", "starter"])
    assert made.exit_code == 0, made.output
    assert not findings(root)
