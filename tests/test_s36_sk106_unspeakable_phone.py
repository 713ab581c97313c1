"""Nothing checked a phone script for text an agent cannot say aloud: a long tracking link, an emoji, a bulleted list
or "<...>" markup passed with readability warnings only. SK106 now points at each on the phone channel, and leaves
a short address, a numbered list and other channels alone."""

from __future__ import annotations

from typing import Any

from scriptkit import lint_pack, load_pack

ACK = "I'm sorry the refund has taken so long."


def _sk106(make_pack: Any, solution: str, channel: str = "phone", ack: str = ACK) -> list[Any]:
    script = (f"id: slow-refund\ntitle: Slow refund\nchannels: [{channel}]\nacknowledgment: \"{ack}\"\n"
              f"solution: |\n" + "".join(f"  {line}\n" for line in solution.splitlines()))
    return [d for d in lint_pack(load_pack(make_pack({"refund.yaml": script})), grammar="off").diagnostics
            if d.code == "SK106"]


def test_long_link_is_located_with_spoken_advice(make_pack: Any) -> None:
    link = "https://shop.example.org/account/orders/refunds/status?order=8812&src=call"
    found = _sk106(make_pack, f"I've checked it today, and you can follow it at {link} from now on.")
    assert len(found) == 1, found
    assert f"{len(link)}-character link" in found[0].message
    assert found[0].location.line == 6 and found[0].location.col == 51, found[0].location
    assert "in words" in (found[0].suggestion or "") and "link" in (found[0].suggestion or "")


def test_short_address_is_sayable(make_pack: Any) -> None:
    assert _sk106(make_pack, "I've checked it today; you can follow it at https://example.org/refunds too.") == []


def test_emoji_list_and_markup_each_reported(make_pack: Any) -> None:
    found = _sk106(make_pack, "Here's the plan:\n- I refund you today\n* You see it by Friday\n"
                              "Thanks for waiting <br> with us.", ack="I'm sorry it took so long 🙁")
    messages = sorted(d.message for d in found)
    assert len(found) == 3, messages
    assert any("🙁" in m for m in messages) and any("list of 2 items" in m for m in messages)
    assert any("<br>" in m for m in messages)


def test_numbered_list_and_email_channel_are_left_alone(make_pack: Any) -> None:
    assert _sk106(make_pack, "Here's the plan:\n1. I refund you today\n2. You see it by Friday") == []
    assert _sk106(make_pack, "Here's the plan:\n- I refund you today\n- You see it by Friday 🙂",
                  channel="email") == []


def test_fill_in_marker_in_angle_brackets_is_left_to_sk407(make_pack: Any) -> None:
    script = ("id: slow-refund\ntitle: Slow refund\nchannels: [phone]\nacknowledgment: \"" + ACK + "\"\n"
              "solution: I've refunded <insert amount> today, so you'll see it by Friday.\n")
    codes = [d.code for d in lint_pack(load_pack(make_pack({"refund.yaml": script})), grammar="off").diagnostics]
    assert "SK407" in codes and "SK106" not in codes, codes


def test_list_is_a_suggestion_and_emoji_a_warning(make_pack: Any) -> None:
    found = _sk106(make_pack, "Here's the plan:\n- I refund you today\n- You see it by Friday", ack="So sorry 🙁")
    assert sorted(d.severity.value for d in found) == ["suggestion", "warning"], found
