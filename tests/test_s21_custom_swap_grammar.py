"""A custom substitution's ``--fix`` is a drop-in rewrite: 'a' or 'an' as the new word is said, one determiner
not two, and the text's own capitals (a sentence's start, a name, shouting) kept, not the rule's."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from scriptkit import lint_pack, load_pack
from tests.conftest import run_cli

ACK = "acknowledgment: I can see how frustrating it is to be locked out, and I'm sorry.\n"


def _fixed(make_pack: Any, swap: str, solution: str) -> str:
    """The solution as ``check --fix`` writes it."""
    pack = f"name: Subs\nrules:\n  select: [custom]\n  custom:\n    - name: swaps\n      kind: substitution\n" \
           f"      swap: {swap}\n"
    root = make_pack({"a.yaml": f"id: a\ntitle: A\nchannels: [email]\n{ACK}solution: {solution}\n"}, pack)
    run_cli("check", str(root), "--fix")
    text = (root / "scripts" / "a.yaml").read_text(encoding="utf-8")
    return text.split("solution: ", 1)[1].rstrip("\n")


SUBS = "{account: profile, email: message, voucher: e-gift card}"


@pytest.mark.parametrize(("solution", "expected"), [
    ("I've opened an account for you and sent an email with a voucher.",
     "I've opened a profile for you and sent a message with an e-gift card."),
    ("An account is ready, and a voucher code is in an email.",
     "A profile is ready, and an e-gift card code is in a message."),
    ("Your account is ready and the email is on its way.", "Your profile is ready and the message is on its way."),
])
def test_the_article_before_a_swapped_word_is_the_one_it_needs(make_pack: Any, solution: str, expected: str) -> None:
    assert _fixed(make_pack, SUBS, solution) == expected


def test_a_replacement_with_its_own_determiner_keeps_the_texts(make_pack: Any) -> None:
    swap = "{customer service: the Kitchen Crew, voucher: a gift card}"
    assert _fixed(make_pack, swap, "Our customer service team sent the voucher.") == \
        "Our Kitchen Crew team sent the gift card."
    assert _fixed(make_pack, swap, "Please contact customer service for a voucher.") == \
        "Please contact the Kitchen Crew for a gift card."
    assert _fixed(make_pack, swap, "Customer service sent a voucher today.") == \
        "The Kitchen Crew sent a gift card today."


def test_a_replacement_with_its_own_determiner_after_a_possessive_or_a_name(make_pack: Any) -> None:
    # the noun phrase is begun already: by a possessive, or by the name the term goes on ("Paysend Customer Support")
    swap = "{customer support: the Help Crew}"
    assert _fixed(make_pack, swap, "Thanks for reaching out to Paysend Customer Support today.") == \
        "Thanks for reaching out to Paysend Help Crew today."
    assert _fixed(make_pack, swap, "Paysend's customer support team will call.") == \
        "Paysend's Help Crew team will call."
    # (not after a contraction's 's, nor after a name that only ends the clause before)
    assert _fixed(make_pack, swap, "Now it's customer support that calls.") == "Now it's the Help Crew that calls."
    assert _fixed(make_pack, swap, "I told Sam customer support would call.") == \
        "I told Sam the Help Crew would call."


def test_a_name_capitalised_mid_sentence_is_renamed_in_capitals(make_pack: Any) -> None:
    swap = "{customer service: the kitchen crew, store credit: refund}"
    assert _fixed(make_pack, swap, "Our Customer Service team will add your Store Credit today.") == \
        "Our Kitchen Crew team will add your Refund today."
    assert _fixed(make_pack, swap, "Please call Customer Service today.") == "Please call the Kitchen Crew today."


def test_a_shouted_term_is_replaced_in_capitals(make_pack: Any) -> None:
    assert _fixed(make_pack, "{meal kit: box}", "Your MEAL KIT ships today, and I'll track it.") == \
        "Your BOX ships today, and I'll track it."
    assert _fixed(make_pack, "{meal kit: e-gift card}", "I've sent A MEAL KIT today.") == \
        "I've sent AN E-GIFT CARD today."


def test_the_rules_own_capitals_say_nothing_of_the_text(make_pack: Any) -> None:
    # an acronym and a name the rule itself writes in capitals: the replacement as the rule writes it
    swap = "{ASAP: soon, Zendesk: our help centre}"
    assert _fixed(make_pack, swap, "I'll reply ASAP; visit Zendesk for more.") == \
        "I'll reply soon; visit our help centre for more."
    assert _fixed(make_pack, swap, "Zendesk has more, and I'll reply ASAP.") == \
        "Our help centre has more, and I'll reply soon."


def test_an_article_the_spelling_cannot_tell_leaves_the_swap_to_the_writer(make_pack: Any) -> None:
    # "a SMS code" or "an SMS code": said either way; the finding stays, with the swap as a suggestion
    pack = "name: Subs\nrules:\n  select: [custom]\n  custom:\n    - {name: sms, kind: substitution, " \
           "swap: {voucher: SMS code}}\n"
    root = make_pack({"a.yaml": f"id: a\ntitle: A\nchannels: [email]\n{ACK}"
                               "solution: I've sent a voucher today.\n"}, pack)
    (found,) = lint_pack(load_pack(root), None, grammar="off").diagnostics
    assert found.fix is None and "SMS code" in (found.suggestion or "")
    assert found.location.col == len("solution: I've sent a ") + 1  # (on the word, not the article)


def test_the_diff_of_the_writers_pack(make_pack: Any, tmp_path: Path) -> None:
    root = make_pack({"a.yaml": f"id: a\ntitle: A\nchannels: [email]\n{ACK}solution: >-\n"
                               "  I've opened an account for you today and sent an email with a voucher; a voucher\n"
                               "  code is also in an email I'll send by Friday.\n"},
                     f"name: Subs\nrules:\n  select: [custom]\n  custom:\n    - name: swaps\n"
                     f"      kind: substitution\n      swap: {SUBS}\n")
    out = run_cli("check", str(root), "--diff").output
    assert "+  I've opened a profile for you today and sent a message with an e-gift card; an e-gift card\n" in out
    assert "+  code is also in a message I'll send by Friday.\n" in out
