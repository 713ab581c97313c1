"""What ``check --fix`` writes stays English: a rewrite ending in a noun keeps the words that noun takes ("due to
high volumes of orders"), contractions keep a line's capitals and a writer's stress, "I shall" at a clause's end
is no "I'll", and quoted words (a screen's label, a notice's name) are left as written."""

from __future__ import annotations

import textwrap
from typing import Any

import pytest
from click.testing import CliRunner

from scriptkit import lint_text
from scriptkit.cli import main


def _fixed(text: str, code: str) -> str:
    """``text`` with the fixes of rule ``code`` applied."""
    edits = [e for d in lint_text(text).diagnostics if d.code == code and d.fix is not None for e in d.fix.edits]
    for edit in sorted(edits, key=lambda e: -e.start):
        text = text[:edit.start] + edit.replacement + text[edit.end:]
    return text


# ---------------------------------------------------------------- 1. a stock noun and the words it takes

@pytest.mark.parametrize(("sentence", "fixed"), [
    ("Delays are happening due to high volumes of orders this week, and I'll update you tomorrow.",
     "Delays are happening because we're getting a lot of orders this week, and I'll update you tomorrow."),
    ("Thank you for your continued patience with us, and I'll ship it today.",
     "Thanks for bearing with us, and I'll ship it today."),
    ("We thank you for your patience with the delay, and I'll ship it today.",
     "Thanks for bearing with the delay, and I'll ship it today."),
    ("Thank you for your continued support of our little shop; I'll ship it today.",
     "Thanks for continuing to support our little shop; I'll ship it today."),
    ("I'll refund it within the stipulated timeframe of 5 days.", "I'll refund it within 5 days."),
    ("I'll refund it within the specified timeframe of 5 days.", "I'll refund it within 5 days."),
    ("I'll resolve the matter of the missing parcel today.", "I'll sort out the missing parcel today."),
    # (without the noun's words after it, the rewrite is as before)
    ("Delays are happening due to high volumes, and I'll update you tomorrow.",
     "Delays are happening because we're very busy, and I'll update you tomorrow."),
    ("Thank you for your continued patience, and I'll ship it today.",
     "Thanks for sticking with me, and I'll ship it today."),
])
def test_a_stock_noun_keeps_the_words_it_takes(sentence: str, fixed: str) -> None:
    assert _fixed(sentence, "SK201") == fixed


@pytest.mark.parametrize("sentence", [
    "As per your request of 3 May, I'll send the refund today.",
    "Per your request of 3 May, I'll send the refund today.",
    "As per our conversation of this morning, I'll send the refund today.",
])
def test_a_request_dated_with_of_is_reported_without_a_fix(sentence: str) -> None:
    found = [d for d in lint_text(sentence).diagnostics if d.code == "SK201" and "per" in d.text.lower()]
    assert found and all(d.fix is None for d in found), found


# ---------------------------------------------------------------- 2. contractions keep capitals and stress

@pytest.mark.parametrize(("sentence", "fixed"), [
    ("I AM SO SORRY. I WILL SHIP IT TODAY. WE ARE ON IT.", "I'M SO SORRY. I'LL SHIP IT TODAY. WE'RE ON IT."),
    ("I will reset it today. Please DO NOT share your password. I am here.",
     "I'll reset it today. Please DON'T share your password. I'm here."),
    ("WE WILL NOT CHARGE YOU TWICE. I AM SURE.", "WE WON'T CHARGE YOU TWICE. I'M SURE."),
    # one word in capitals stresses it: the writer's stress stays, the reply's other forms contract
    ("I will reset it today. You do NOT need to pay again. I am here.",
     "I'll reset it today. You do NOT need to pay again. I'm here."),
    ("I will reset it today. We ARE sorry. I am here.", "I'll reset it today. We ARE sorry. I'm here."),
    ("I will reset it today. You DO not need to pay. I am here.",
     "I'll reset it today. You DO not need to pay. I'm here."),
])
def test_contractions_keep_capitals_and_stress(sentence: str, fixed: str) -> None:
    assert _fixed(sentence, "SK203") == fixed


def test_a_reply_whose_only_forms_are_stressed_is_reported_without_a_fix() -> None:
    text = "You do NOT need to pay again, and we will NOT charge you twice."
    found = [d for d in lint_text(text).diagnostics if d.code == "SK203"]
    assert found, "the reply has no contraction: still reported"
    assert all(d.fix is None for d in found), found
    assert _fixed(text, "SK203") == text


# ---------------------------------------------------------------- 3. "I shall" at a clause's end

@pytest.mark.parametrize(("sentence", "fixed"), [
    ("Shall I call you tomorrow? Yes, I shall.", "Shall I call you tomorrow? Yes, I will."),
    ("I'll refund you today, as we shall.", "I'll refund you today, as we will."),
    ("If you ask, I shall too.", "If you ask, I will too."),
    ("YES, WE SHALL.", "YES, WE WILL."),
    # a verb after it: contracted as before
    ("I shall call you tomorrow.", "I'll call you tomorrow."),
    ("Yes, we shall send it today.", "Yes, we'll send it today."),
])
def test_a_contracting_rewrite_at_a_clause_end_is_written_out(sentence: str, fixed: str) -> None:
    assert _fixed(sentence, "SK201") == fixed


def test_a_team_rewrite_ending_in_an_unclear_contraction_is_not_fixed_at_a_clause_end(make_pack: Any) -> None:
    """A team's "we had" -> "we'd": "'d" written out is "had" or "would", so at a clause's end there is no fix."""
    pack_yaml = textwrap.dedent("""\
        name: Test pack
        rules:
          options:
            corporate-phrase:
              extra:
                - {phrase: "we would", replacement: "we'd", note: Warmer., safe: true}
        """)
    script = textwrap.dedent("""\
        id: s
        title: Shall
        channels: [email]
        acknowledgment: "I'm so sorry the parcel is late, and I can see why it worried you."
        solution: "I'll send a new one today. If we could refund it now, we would."
        """)
    root = make_pack({"s.yaml": script}, pack_yaml=pack_yaml)
    result = CliRunner().invoke(main, ["check", "--fix", "--select", "SK201", "--grammar", "off", str(root)],
                                env={"NO_COLOR": "1"})
    assert result.exit_code in (0, 1), result.output
    assert "we would." in (root / "scripts" / "s.yaml").read_text(encoding="utf-8")


# ---------------------------------------------------------------- 4. quoted words stay as written

@pytest.mark.parametrize(("sentence", "fixed"), [
    ('I will send a "do not reply" notice today. I am here, and we are sorry.',
     "I'll send a \"do not reply\" notice today. I'm here, and we're sorry."),
    ("I will send it today. The button says \u201cI am done\u201d. We are sorry.",
     "I'll send it today. The button says \u201cI am done\u201d. We're sorry."),
])
def test_contractions_leave_quoted_words_alone(sentence: str, fixed: str) -> None:
    assert _fixed(sentence, "SK203") == fixed


SWAP_PACK = textwrap.dedent("""\
    name: Test pack
    rules:
      custom:
        - name: our-words
          kind: substitution
          message: "Say '{replacement}', not '{match}'."
          swap:
            account: profile
    """)


def _swapped(make_pack: Any, solution: str) -> str:
    script = textwrap.dedent(f"""\
        id: s
        title: Swap
        channels: [email]
        acknowledgment: "I'm so sorry the change didn't save, and I can see why it worried you."
        solution: {solution}
        """)
    root = make_pack({"s.yaml": script}, pack_yaml=SWAP_PACK)
    result = CliRunner().invoke(main, ["check", "--fix", "--grammar", "off", str(root)], env={"NO_COLOR": "1"})
    assert result.exit_code in (0, 1), result.output
    return (root / "scripts" / "s.yaml").read_text(encoding="utf-8")


def test_a_swap_leaves_a_quoted_label_alone(make_pack: Any) -> None:
    after = _swapped(make_pack, """'I''ll fix your account today: the setting is in "My account", at the top.'""")
    assert 'the setting is in "My account"' in after, after
    assert "fix your profile today" in after, after


def test_a_swap_still_changes_a_slot_wrapped_whole_in_quotes(make_pack: Any) -> None:
    after = _swapped(make_pack, """'"I''ll fix your account today."'""")
    assert "your profile today" in after, after
