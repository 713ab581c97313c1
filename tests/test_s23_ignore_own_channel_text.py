"""A ``# scriptkit: ignore`` comment on a slot's line covers that slot's text, not a channel's own text for the same
slot under ``by_channel``: "Kindly note" in the SMS text was hidden by the comment on the email solution's line. A
comment on the channel's own key line covers the channel's block text."""

from __future__ import annotations

from typing import Any

from scriptkit import lint_pack, load_pack

HEAD = ("id: a\ntitle: A\nchannels: [email, sms]\n"
        "acknowledgment: I can see the price rise was a nasty surprise, and I understand why you're upset.\n")


def _sk201(make_pack: Any, body: str) -> list[tuple[int, str]]:
    root = make_pack({"a.yaml": HEAD + body})
    return sorted((d.location.line, d.channel or "") for d in lint_pack(load_pack(root)).diagnostics
                  if d.code == "SK201")


def test_a_comment_on_the_slot_line_leaves_the_channel_s_own_text_judged(make_pack: Any) -> None:
    body = ("solution: Kindly note I've moved you to the old price today, for a year.  # scriptkit: ignore SK201\n"
            "by_channel:\n  sms:\n    solution: Kindly note you're on the old price from today.\n")
    assert _sk201(make_pack, body) == [(8, "sms")]


def test_a_comment_on_the_channel_s_key_line_covers_its_block(make_pack: Any) -> None:
    body = ("solution: Kindly note I've moved you to the old price today, for a year.\n"
            "by_channel:\n  sms:\n    solution: >-  # scriptkit: ignore SK201\n"
            "      Kindly note you're on the old price from today.\n")
    assert _sk201(make_pack, body) == [(5, "email")]


def test_a_comment_on_the_slot_s_key_line_still_covers_its_block(make_pack: Any) -> None:
    body = ("solution: >-  # scriptkit: ignore SK201\n  Kindly note I've moved you to the old price today.\n"
            "by_channel:\n  sms:\n    solution: Kindly note you're on the old price from today.\n")
    assert _sk201(make_pack, body) == [(9, "sms")]
