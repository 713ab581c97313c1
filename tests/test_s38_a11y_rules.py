"""Nothing told a writer what hurts a reader using a screen reader or reading in a second language: a date in
numbers whose day and month swap ('by 03/04'), a link whose words say nothing ('[here](...)') and a row of
emoji read out name by name all passed. SK107, SK108 and SK109 now report them, and leave what reads one way."""

from __future__ import annotations

from typing import Any

import pytest

from scriptkit import lint_pack, load_pack
from scriptkit.rules import check_examples
from scriptkit.rules.readability import AmbiguousDate, EmojiRun, VagueLinkText

ACK = "I'm sorry the parcel arrived broken."


def _found(make_pack: Any, code: str, solution: str, channel: str = "email", locale: str | None = None) -> list[Any]:
    script = (f"id: broken\ntitle: Broken parcel\nchannels: [{channel}]\nacknowledgment: \"{ACK}\"\n"
              f"solution: |\n" + "".join(f"  {line}\n" for line in solution.splitlines()))
    pack_yaml = "name: Test pack\n" + (f"locale: {locale}\n" if locale else "")
    pack = load_pack(make_pack({"broken.yaml": script}, pack_yaml=pack_yaml))
    return [d for d in lint_pack(pack, grammar="off").diagnostics if d.code == code]


@pytest.mark.parametrize("rule", [AmbiguousDate, VagueLinkText, EmojiRun])
def test_examples(rule: Any) -> None:
    assert check_examples(rule) == []


@pytest.mark.parametrize("date", ["03/04", "3/4/2025", "03/04/25", "03-04-2025", "03.04.2025"])
def test_date_whose_day_and_month_swap_is_reported(make_pack: Any, date: str) -> None:
    found = _found(make_pack, "SK107", f"I'll refund you by {date}, once the parcel is back.")
    assert len(found) == 1, found
    assert "3 April" in found[0].message and "March 4" in found[0].message
    assert found[0].location.line == 6 and found[0].location.col == 22, found[0].location


@pytest.mark.parametrize("text", [
    "I'll refund you by 25/12, once the parcel is back.",  # (cannot swap)
    "I'll refund you by 05/05/2025, once the parcel is back.",  # (the same either way)
    "I've refunded 3/4 of the order, and we're here 24/7.",  # (a fraction, a phrase)
    "I'll refund you by 3/4 of the total, once it's back.",  # (a fraction after 'by')
    "I'll refund you in 3-5 days, on version 2.1.10 of the app, by 2025-03-04.",
    "I'll refund you by 3 April, once the parcel is back.",
    "Track it at https://example.com/orders/03/04/2025 today, and I'll refund you soon.",
])
def test_what_reads_one_way_passes(make_pack: Any, text: str) -> None:
    assert _found(make_pack, "SK107", text) == []


def test_suggestion_writes_the_pack_locale_reading(make_pack: Any) -> None:
    us = _found(make_pack, "SK107", "I'll refund you on 3/4/2025.", locale="en-US")
    gb = _found(make_pack, "SK107", "I'll refund you on 3/4/2025.", locale="en-GB")
    assert "'March 4, 2025'" in (us[0].suggestion or "") and "'3 April 2025'" in (gb[0].suggestion or "")


@pytest.mark.parametrize("link", ["[here](https://example.com/returns)", "[Click here.](https://example.com/r)",
                                  "[this link](https://example.com/returns)", "[Read more](https://example.com/r)"])
def test_link_whose_words_say_nothing_is_reported(make_pack: Any, link: str) -> None:
    found = _found(make_pack, "SK108", f"I'll refund you today; the steps are {link}.")
    assert len(found) == 1, found
    assert found[0].location.line == 6 and found[0].location.col == 40, found[0].location


def test_link_that_names_its_place_passes_and_phone_is_left_to_sk106(make_pack: Any) -> None:
    assert _found(make_pack, "SK108", "I'll refund you today; [start your return](https://example.com/r) now.") == []
    assert _found(make_pack, "SK108", "I'll refund you today; click [here](https://example.com/r).",
                  channel="phone") == []
    # (the word 'here' outside a link is no link's text)
    assert _found(make_pack, "SK108", "I'm here to help, and I'll refund you today.") == []


def test_emoji_run_counts_sequences_as_one(make_pack: Any) -> None:
    found = _found(make_pack, "SK109", "I'll refund you today 🙏 🙏🙏 and it's done.", channel="chat")
    assert len(found) == 1 and "3 emoji" in found[0].message, found
    assert found[0].severity.value == "suggestion"
    assert _found(make_pack, "SK109", "I'll refund you today 👩‍💻👍🏽 and it's done ❤️.", channel="chat") == []
    assert _found(make_pack, "SK109", "I'll refund you today 🙏🙏🙏", channel="phone") == []  # (SK106's)
