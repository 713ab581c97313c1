"""SK407 reports a bracket only when its words name a value to fill in, and a capitals word only where it is no
part of a screen: buttons, menus and fields named in a reply are text, and packs with them export."""

from __future__ import annotations

import pytest

from scriptkit import lint_text
from scriptkit.rules.solution import fill_in_markers as found


def _markers(text: str) -> list[str]:
    return [d.text for d in lint_text(text).diagnostics if d.code == "SK407"]


@pytest.mark.parametrize("sentence", [
    "Press [Continue] and then [Save changes] to keep it.",
    "That was [our mistake], and I'm sorry.",
    "The form is [attached] for you.",
    "Well [sigh], the courier let us down again.",
    "[Important] Your card will not be charged twice.",
    "The new view is still in [beta] for now.",
    "Open [the gear icon] in the app.",
    "Go to [Security] and turn it on.",
    "The switch sits at the [top right] of the screen.",
    "We answer calls [Mon-Fri] from nine.",
    "Could you try it [again] for me?",
    "The fee is listed in [Schedule A] of the terms.",
    "Open [Refunds] in the menu to see it.",
    "Please send us a [Form W-9] when you can.",
    "You checked out as [Guest] last time.",
    "I've passed it to [alex.p] on our team.",
    "Open [Account settings] to change it.",
    "That was <our mistake> and I'm sorry.",
    "Enter the date in the DATE field, and your name in the NAME field.",
    "Please choose COUNTRY from the list.",
    "Press the TIME button to start.",
    "The field REASON can stay empty.",
    "Set the column to NUMBER and save.",
])
def test_no_false_alarm(sentence: str) -> None:
    assert _markers(sentence) == []


@pytest.mark.parametrize(("sentence", "marker"), [
    ("Your refund of [amount] is on its way.", "[amount]"),
    ("Your refund of [Amount] is on its way.", "[Amount]"),
    ("We've sent [refund amount] back to your card.", "[refund amount]"),
    ("Ring us on [phone number] whenever you like.", "[phone number]"),
    ("Thanks so much, [name]!", "[name]"),
    ("We'll post it to [address] this week.", "[address]"),
    ("It arrives on [insert date].", "[insert date]"),
    ("Your refund of [AMOUNT] is on its way.", "[AMOUNT]"),
    ("Your parcel [tracking link] is with the courier.", "[tracking link]"),
    ("Thanks for writing in, [customer first name].", "[customer first name]"),
    ("Thanks for writing in, <first name>.", "<first name>"),
    ("The engineer visits on DATE between 9 and 5.", "DATE"),
    ("It will be with you by DATE at the latest.", "DATE"),
    ("Hi NAME, thanks for your patience.", "NAME"),
    ("Dear NAME, thanks for your patience.", "NAME"),
    ("We've refunded you, ref AMOUNT, today.", "AMOUNT"),
])
def test_a_fill_in_is_still_reported(sentence: str, marker: str) -> None:
    assert _markers(sentence) == [marker]


@pytest.mark.timeout(60)
def test_the_ui_checks_stay_linear_on_long_input() -> None:
    texts = ("the field " * 5_000 + "DATE", "[a b" * 12_000 + "]", "to DATE " * 6_000, "<ab cd" * 8_000)
    assert [len(found(text)) for text in texts] == [0, 0, 6_000, 0]  # (only "to DATE" is a blank, each time)
