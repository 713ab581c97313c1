"""SK201's safe rewrites are drop-ins where they stand, or are not made.

Each sentence below was a place where ``check --fix`` broke the grammar or the meaning: "said" the verb read
as legalese, "kindly" told of a kind act, a name or an "a"/"an" rewritten, a phrase meaning something else
("a number of at least six digits", "for your information to be updated"), British words reported, and the
customer's own quoted words rewritten.
"""

from __future__ import annotations

import textwrap
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from scriptkit import lint_text
from scriptkit.cli import main


def _rewritten(sentence: str) -> tuple[str, list[str]]:
    """The sentence with SK201's safe fixes made, and the phrases reported without a fix."""
    result = lint_text(sentence)
    found = [d for d in result.diagnostics if d.code == "SK201"]
    out = sentence
    edits = [e for d in found if d.fix is not None and d.fix.safe for e in d.fix.edits]
    for edit in sorted(edits, key=lambda e: -e.start):
        out = out[:edit.start] + edit.replacement + out[edit.end:]
    return out, [d.text for d in found if d.fix is None or not d.fix.safe]


@pytest.mark.parametrize(("fits", "fixed", "does_not_fit"), [
    ("I've refunded the said order's postage today.", "I've refunded this order's postage today.",
     "You said order 1234 arrived broken, so I've sent a new one today."),
    ("Once the said order arrives, I'll refund the postage.", "Once this order arrives, I'll refund the postage.",
     "Sam said order 1234 was lost, so I've sent a new one today."),
    ("Kindly send us a photo of the label.", "Please send us a photo of the label.",
     "Your neighbour kindly left it in the porch for you."),
    ("Kindly note I will be away on Friday.", "Please note I will be away on Friday.",
     "Kindly, I've also added a discount to your account."),
    ("Hi Sam, kindly send the label too.", "Hi Sam, please send the label too.",
     "Sam kindly let us know the parcel was damaged."),
    ("If you can, kindly reply by Friday.", "If you can, please reply by Friday.",
     "Your neighbour, Sam, kindly left it in the porch."),
    ("Thanks for the photo; kindly send the label too.", "Thanks for the photo; please send the label too.",
     "The courier kindly rang ahead to check."),
    ("If you need any assistance, just reply here.", "If you need any help, just reply here.",
     "Your guide dog counts as an assistance animal, so I've added a free seat."),
    ("If you require a new code, just reply here.", "If you need a new code, just reply here.",
     "UK law may require us to see a photo ID before I can release the funds."),
    ("We've had a number of orders delayed this week.", "We've had several orders delayed this week.",
     "Enter a number of at least six digits, and I'll check it."),
    ("A number of people have asked about this.", "Several people have asked about this.",
     "Pick a number of your choice for the new PIN."),
    ("For your information, the refund went out today.", "Just so you know, the refund went out today.",
     "We need this for your information to be updated."),
    ("I've attached the invoice for your records.", "I've attached the invoice to keep handy.",
     "Please keep this email for your records."),
])
def test_a_safe_rewrite_is_made_where_it_fits_and_only_there(fits: str, fixed: str, does_not_fit: str) -> None:
    assert _rewritten(fits)[0] == fixed
    assert _rewritten(does_not_fit)[0] == does_not_fit


@pytest.mark.parametrize("sentence", [
    # "said" the verb, after its subject
    "You said order 1234 arrived broken, so I've sent a new one today.",
    "Sam said order 1234 was lost, so I've sent a new one today.",
    # a kind act told, not a request
    "Your neighbour kindly left it in the porch for you.",
    "Sam kindly let us know the parcel was damaged.",
    "The courier kindly rang ahead to check.",
    "Kindly, I've also added a discount to your account.",
    # a thing's name
    "Your guide dog counts as an assistance animal, so I've added a free seat.",
    "Our Roadside Assistance team will call you within the hour.",
    # a number asked for, and the customer's details
    "Enter a number of at least six digits, and I'll check it.",
    "Pick a number of your choice for the new PIN.",
    "We need this for your information to be updated.",
    # everyday British English, in a reply with no pack to say its readers are American
    "I'll ring you tomorrow whilst the engineer is there.",
    "It was amongst the parcels we sent on Monday.",
    # the customer's own words, quoted
    'You asked us to "kindly refund the amount at your earliest convenience", and I\'m glad to.',
    "You wrote \u2018please be advised\u2019 in your note, and I'm sorry it came to that.",
])
def test_no_corporate_phrase_is_reported_where_the_words_are_something_else(sentence: str) -> None:
    assert [d.text for d in lint_text(sentence).diagnostics if d.code == "SK201"] == []


@pytest.mark.parametrize(("sentence", "left"), [
    ("UK law may require us to see a photo ID before I can release the funds.", "require"),
    ("We require you to sign the form before we ship.", "require"),
    ("Your neighbour, Sam, kindly left it in the porch.", "kindly"),
    ("I'd ask you to kindly send the receipt.", "kindly"),
    ("Is there an assistance fee for this?", "assistance"),
    ("Please keep this email for your records.", "for your records"),
])
def test_where_no_rewrite_fits_the_phrase_is_a_suggestion_for_a_person(sentence: str, left: str) -> None:
    out, suggested = _rewritten(sentence)
    assert out == sentence
    assert suggested == [left]


def test_shall_not_becomes_won_t_not_ll_not() -> None:
    assert _rewritten("We shall send it today.")[0] == "We'll send it today."
    assert _rewritten("It isn't ours, so we shall not refund it.")[0] == "It isn't ours, so we won't refund it."


def test_keeping_an_email_for_your_records_is_told_to_drop_the_words() -> None:
    result = lint_text("Please keep this email for your records.")
    assert [d.suggestion for d in result.diagnostics if d.code == "SK201"] == ["delete it"]


SCRIPT = textwrap.dedent("""\
    id: neighbour
    title: Neighbour
    channels: [email]
    acknowledgment: I can see how worrying it is when a parcel shows as delivered but isn't at your door.
    warm_language: Thanks for checking so quickly. You said order 1234 was marked delivered at noon.
    solution: >-
      The courier tells me your neighbour kindly left it in the porch, whilst our Roadside Assistance team
      checks the van. Your guide dog counts as an assistance animal. We offer a tailored plan too. Kindly send
      us a photo of the porch, and I'll ring you today at 4pm.
    """)
EXTRA = textwrap.dedent("""\
    name: Test pack
    rules:
      options:
        corporate-phrase:
          extra:
            - {phrase: tailored, replacement: individual, note: Plainer., safe: true}
    """)


@pytest.mark.timeout(60)
def test_fix_rewrites_only_what_it_should_and_keeps_a_or_an_right(make_pack: Any) -> None:
    root = make_pack({"a.yaml": SCRIPT}, pack_yaml=EXTRA)
    result = CliRunner().invoke(main, ["check", "--fix", "--select", "SK201", str(root)], env={"NO_COLOR": "1"})
    assert result.exit_code in (0, 1), result.output
    after = (root / "scripts" / "a.yaml").read_text(encoding="utf-8")
    for kept in ("You said order 1234", "your neighbour kindly left it", "whilst our Roadside Assistance team",
                 "an assistance animal"):
        assert kept in after, kept
    assert "We offer an individual plan too." in after
    assert "Please send\n  us a photo" in after


@pytest.mark.timeout(60)
def test_a_us_pack_hears_whilst_as_stiff(make_pack: Any, tmp_path: Path) -> None:
    script = SCRIPT.replace("tailored", "new")
    root = make_pack({"a.yaml": script}, pack_yaml="name: Test pack\nlocale: en-US\n")
    result = CliRunner().invoke(main, ["check", "--fix", "--select", "SK201", str(root)], env={"NO_COLOR": "1"})
    assert result.exit_code in (0, 1), result.output
    assert "while our Roadside Assistance team" in (root / "scripts" / "a.yaml").read_text(encoding="utf-8")
