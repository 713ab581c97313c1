"""``check --fix`` applies only rewrites that are drop-ins where they stand (SK201's safe entries).

Each entry's phrase was put in a few typical sentences and the fixed sentence read: these are the
places where a safe rewrite broke the grammar or the meaning, and what it does there now.
"""

from __future__ import annotations

import textwrap
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from scriptkit import lint_text
from scriptkit.cli import main
from scriptkit.rules.lexicon import table

SCRIPT = textwrap.dedent("""\
    id: late-refund
    title: Late refund
    channels: [email]
    acknowledgment: I can see how annoying the wait is, especially after you kindly sent us the receipts.
    warm_language: Thank you for kindly waiting, and for being so complimentary about Priya.
    solution: >-
      I've closed your old plan, and the closure is effective immediately.
      The payment was thus held up by the card issuer, so I'll enquire with our payments team now.
      The majority of the payments land within 2 days, and a number of the older ones take 3.
      Please advise your card issuer that the money is coming.
    """)


def _fixed(make_pack: Any, text: str) -> str:
    root = make_pack({"a.yaml": text})
    result = CliRunner().invoke(main, ["check", "--fix", str(root)], env={"NO_COLOR": "1"})
    assert result.exit_code in (0, 1), result.output
    return (root / "scripts" / "a.yaml").read_text(encoding="utf-8")


@pytest.mark.timeout(60)
def test_fix_keeps_grammar_and_meaning_of_the_reply(make_pack: Any) -> None:
    after = _fixed(make_pack, SCRIPT)
    # what the customer kindly did, and praise, are not flagged, let alone rewritten
    assert "you kindly sent us the receipts" in after
    assert "Thank you for kindly waiting" in after
    assert "so complimentary about Priya" in after
    # a drop-in where there is one
    assert "the closure takes effect straight away" in after
    assert "I'll check with our payments team" in after
    assert "Most of the payments land" in after
    assert "some of the older ones" in after
    # none where there is none: left for a person
    assert "was thus held up" in after
    assert "Please advise your card issuer" in after
    for broken in ("please sent", "please waiting", "so free", "is from now on", "so held up", "ask with",
                   "Most the", "some the", "Let me know your"):
        assert broken not in after, broken


@pytest.mark.parametrize(("sentence", "fixed"), [
    ("Kindly send a photo of the label.", "Please send a photo of the label."),
    ("Could you kindly confirm the address?", "Could you please confirm the address?"),
    ("We kindly ask you to send a photo of the card.", "Please send a photo of the card."),
    ("You'll get a complimentary upgrade next time.", "You'll get a free upgrade next time."),
    ("Thus, I've refunded the fee.", "So, I've refunded the fee."),
    ("Thus far the courier hasn't replied.", "So far the courier hasn't replied."),
    ("The majority of customers get it next day.", "Most customers get it next day."),
    ("Please advise if the parcel turns up.", "Let me know if the parcel turns up."),
    ("Please advise.", "Let me know."),
    ("I'll revert back to you tomorrow.", "I'll get back to you tomorrow."),
    ("Please confirm receipt of this email.", "Please let me know you got this email."),
    ("It takes approximately 3 days.", "It takes about 3 days."),
    ("You are required to send a photo of your ID.", "You'll need to send a photo of your ID."),
    ("If you are required to send ID, we'll email you.", "If you need to send ID, we'll email you."),
    ("The parcel nevertheless arrived late.", "The parcel still arrived late."),
    # left as written: no drop-in here
    ("The refund is therefore delayed.", None),
    ("How many do you approximately have?", None),
    ("You need a sufficient amount of credit.", None),
    ("In addition to this refund, you'll get a voucher.", None),
    ("Can you please revert my edit?", None),
    ("You can revert back to the old plan.", None),
    ("We terminated the contract on Monday.", None),
    ("The law requires that we keep the record.", None),
])
def test_each_safe_rewrite_reads_right_in_its_sentence(sentence: str, fixed: str | None) -> None:
    result = lint_text(sentence)
    edits = [d.fix for d in result.diagnostics if d.code == "SK201" and d.fix is not None]
    out = sentence
    for fix in edits:
        for edit in sorted(fix.edits, key=lambda e: -e.start):
            out = out[:edit.start] + edit.replacement + out[edit.end:]
    assert out == (fixed if fixed is not None else sentence)


@pytest.mark.parametrize("sentence", [
    "Thank you for kindly waiting.",
    "Sam kindly agreed to wait.",
    "You were very complimentary about the team.",
    "Thank you for your information, it helped.",
])
def test_no_corporate_phrase_is_seen_where_the_words_mean_something_else(sentence: str) -> None:
    assert [d for d in lint_text(sentence).diagnostics if d.code == "SK201"] == []


def test_a_regex_entry_is_chosen_by_the_words_around_it(tmp_path: Path) -> None:
    tbl = table("corporate_phrases.yaml")
    text = "The majority of the refunds and the majority of orders."
    found = [(text[a:b], e["replacement"]) for a, b, e in tbl.finditer(text)]
    assert found == [("The majority of", "most of"), ("the majority of", "most")]
