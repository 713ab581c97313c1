"""Contradictions between replies: which numbers are quantities, what they are about, copies of one reply."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from click.testing import CliRunner

from scriptkit import sprawl
from scriptkit.audit import audit
from scriptkit.cli import main
from scriptkit.reporters.html import render_html
from scriptkit.sprawl import find_contradictions, find_duplicates, jaccard, quantities

# the number is far from any topic word: the sentence is about a refund, but never says so near "14 days"
POLICY = ("Hello, and thank you for your patience while we looked at this. Once the item is back with us and "
          "checked by the team, please allow 14 days for the money to reach your card. If anything is unclear, "
          "just write back and I will help.")


def _found(text: str) -> list[tuple[str | None, str, str]]:
    return [(q.topic, q.unit, q.value) for q in quantities("m", text)]


def test_copies_that_differ_only_by_a_number_contradict() -> None:
    texts = [("email", POLICY), ("chat", POLICY.replace("14 days", "30 days")), ("other", "Thanks, all sorted.")]
    # both findings: the copies are near duplicates (not 1.0: an amount is a word like any other), and they
    # disagree on the number
    assert [(g.kind, g.members, g.similarity) for g in find_duplicates(texts)] == [("near", ["email", "chat"], 0.915)]
    [found] = find_contradictions(texts)
    assert found.copies and found.unit == "days" and found.macros == ["email", "chat"]
    assert {v: [q.macro for q in qs] for v, qs in found.values.items()} == {"14": ["email"], "30": ["chat"]}
    assert found.topic == "“team, please allow … for the money” (near-duplicate copies)"  # what the copies share


def test_copies_that_differ_only_in_numbers_are_compared_however_short() -> None:
    one, other = "We can hold the booking for 2 days.", "We can hold the booking for five days."
    # they share 5 of 9 word pairs (0.56): no duplicates, as they promise different things; and with every
    # number read alike they are copies of one reply, which disagree
    assert find_duplicates([("a", one), ("b", other)]) == []
    assert [(g.kind, g.similarity) for g in find_duplicates([("a", "We can hold booking 4471 for 2 days."),
                                                             ("b", "We can hold booking 90210 for 2 days.")])] \
        == [("near", 1.0)]  # ids alike, however short
    [found] = find_contradictions([("a", one), ("b", other)])
    assert found.copies and set(found.values) == {"2", "5"}
    unrelated = "We can hold the table for 2 hours."
    assert find_duplicates([("a", one), ("c", unrelated)]) == []


def test_copies_agreeing_on_the_number_or_differing_in_ids_do_not_contradict() -> None:
    order = ("Your order #{id} left our warehouse on {date} and is with the courier now. Call us on {phone} "
             "any time, 24 hours a day, 7 days a week, if it has not come within 3 days.")
    texts = [("a", order.format(id="55231", date="12/03", phone="0800 555 0147")),
             ("b", order.format(id="61170", date="14/03", phone="0800 555 0199")),
             ("c", POLICY), ("d", POLICY + " Have a good week.")]
    assert len(find_duplicates(texts)) == 2
    assert find_contradictions(texts) == []


@pytest.mark.parametrize(("text", "expected"), [
    ("Enjoy a 14-day free trial.", [("trial", "days", "14")]),
    ("Refunds reach you in between 3 and 5 business days.", [("refund", "business days", "3-5")]),
    ("I've added 10% off your next order.", [("discount", "percent", "10")]),
    ("Delivery costs a flat $4.99 fee.", [("fee", "dollars", "4.99")]),
    ("Orders over £1,000 ship free.", [("delivery", "pounds", "1000")]),
    ("You can cancel within fourteen (14) days.", [("cancellation", "days", "14")]),
    ("You can cancel within twenty-one days.", [("cancellation", "days", "21")]),
    # a rate, a past time, an id, a phone number, a date: no quantity
    ("Our team can answer 24 hours a day, 7 days a week.", []),
    ("We received your return 3 days ago.", []),
    ("Refund for order 4471-30 days late.", []),
    ("Call 1-800-555-0147 about delivery on 12/03/2026.", []),
    # time the customer already spent is no promise
    ("I'm sorry you have waited 5 days for a reply.", []),
    ("Your parcel has been in transit for the past 10 days.", []),
    ("Sorry for the 2-hour delay in our response.", []),
    ("The warranty will last 2 years.", [("warranty", "years", "2")]),
    ("Items bought in the last 30 days can be returned.", [("return", "days", "30")]),
    # the customer's answer is not our response time, "money-back" is a refund
    ("If we don't hear back from you within 7 days, we'll close the ticket.", [(None, "days", "7")]),
    ("Please reply within 7 days.", [(None, "days", "7")]),
    ("You'll hear back from us within 2 days.", [("response time", "days", "2")]),
    ("Our 30-day money-back guarantee covers it.", [("refund", "days", "30")]),
    # money: compared on fees, delivery and discounts only, not on limits, balances or examples
    ("You can now transfer up to 5,000 USD per day from your account.", [(None, "USD", "5000")]),
])
def test_quantities(text: str, expected: list[tuple[str | None, str, str]]) -> None:
    assert _found(text) == expected


def test_topic_is_read_from_the_quantitys_own_clause() -> None:
    both = "Returns are accepted within 30 days, and once we have the item your refund takes 5 days."
    assert _found(both) == [("return", "days", "30"), ("refund", "days", "5")]
    assert _found("You have 30 days to return it, and the refund is sent 10 days later.") == [
        ("return", "days", "30"), ("refund", "days", "10")]
    # near is the gap between the words, however long the keyword and the quantity
    assert _found("We reimbursed the charge this morning and it will show on your card in 5 working days.") == [
        ("refund", "business days", "5")]
    # a keyword the period counts from is not what the period is about
    assert _found("Within 30 days of delivery, you can ask for a refund.") == [("refund", "days", "30")]
    # so a reply with both topics agrees with one that gives the refund time alone
    assert find_contradictions([("a", both), ("b", "Your refund takes 5 days once the item is back.")]) == []


def test_same_period_in_other_words_is_no_contradiction() -> None:
    assert find_contradictions([("a", "Refunds are sent within 2 weeks."),
                                ("b", "Refunds are sent within 14 days."),
                                ("c", "Our warranty lasts 1 year."), ("d", "The warranty lasts 12 months."),
                                ("e", "We reply within 48 hours."), ("f", "We reply within 2 days.")]) == []
    [found] = find_contradictions([("a", "Refunds are sent within 3 weeks."), ("b", "Refunds take 14 days.")])
    assert found.unit == "days" and set(found.values) == {"21", "14"}  # in the smallest unit either used
    assert found.values["21"][0].sentence == "Refunds are sent within 3 weeks."


def test_fees_contradict_but_one_reply_giving_every_value_does_not() -> None:
    [fee] = find_contradictions([("a", "A $4.99 fee applies to express delivery."),
                                 ("b", "Express delivery has a $5.99 fee.")])
    assert fee.topic == "fee" and fee.unit == "dollars" and set(fee.values) == {"4.99", "5.99"}
    both = "You can return it within 14 days, or within 30 days for faulty items."
    assert find_contradictions([("a", both), ("b", both + " Thanks!")]) == []


def test_audit_reports_show_the_copies_disagreeing(tmp_path: Path) -> None:
    library = tmp_path / "library.jsonl"
    rows = [{"title": "Money back (email)", "body": POLICY},
            {"title": "Money back (chat)", "body": POLICY.replace("14 days", "30 days")}]
    library.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    report = audit(library, "jsonl")
    assert [g.kind for g in report.duplicates] == ["near"]
    assert [c.copies for c in report.contradictions] == [True]
    text = CliRunner().invoke(main, ["audit", str(library)])
    assert text.exit_code == 0, text.output
    assert "1 group(s) of near duplicates" in text.output
    assert ("“team, please allow … for the money” (near-duplicate copies): "  # in the pack's (file name) order
            "30 days in Money back (chat); 14 days in Money back (email)") in " ".join(text.output.split())
    data = json.loads(CliRunner().invoke(main, ["audit", str(library), "--format", "json"]).output)
    [entry] = data["contradictions"]
    assert entry["copies"] is True and entry["unit"] == "days" and set(entry["values"]) == {"14", "30"}
    page = render_html(report)
    assert "“team, please allow … for the money” (near-duplicate copies)" in page
    assert "please allow 30 days for the money" in page and "please allow 14 days for the money" in page


def test_copies_that_differ_only_in_numbers_group_once_with_a_reworded_one() -> None:
    """A templated library (the same reply for order 1, 2, 3...): the copies share their word pairs, so one
    of them stands for all in the comparison; the group and its weakest similarity are what pairwise gave."""
    copies = [(f"c{i}", f"I'm sorry about order {i}. I've refunded it today and you'll see it in 3 days.")
              for i in range(400)]
    reworded = ("r", "I'm so sorry about order 7. I've refunded it today and you'll see it in 3 days.")
    other = ("o", "Thanks for the photo of the cracked mug; a new one ships from our store on Monday.")
    (group,) = find_duplicates([*copies, reworded, other], 0.7)
    assert group.kind == "near" and group.members == [*(ident for ident, _ in copies), "r"]
    assert 0.7 <= group.similarity < 1.0
    (alone,) = find_duplicates(copies, 0.7)
    assert len(alone.members) == 400 and alone.similarity == 1.0


def _edited_copies(family: str, words: list[str], count: int, seed: int) -> list[tuple[str, str]]:
    """``count`` copies of one reply, each with two of its words swapped for others of the family."""
    pick = random.Random(seed)
    base = [pick.choice(words) for _ in range(40)]
    copies = []
    for i in range(count):
        text = list(base)
        for _ in range(2):
            text[pick.randrange(len(text))] = pick.choice(words)
        copies.append((f"{family}{i}", " ".join(text)))
    return copies


def test_a_library_of_many_edited_copies_groups_by_family_with_one_comparison_a_copy(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Thousands of lightly edited copies share their buckets: each copy is compared with the groups it is not
    in yet, not with every other copy (which made 3.4 million comparisons for 5,000 copies)."""
    refunds = ["refund", "card", "bank", "days", "money", "account", "charge", "return", "order", "sorry",
               "today", "week"]
    parcels = ["parcel", "courier", "label", "depot", "van", "address", "doorstep", "tracking", "box", "signed",
               "neighbour", "Friday"]
    texts = _edited_copies("r", refunds, 1500, 1) + _edited_copies("p", parcels, 1500, 2)
    compared = []

    def counted(a: set[str], b: set[str]) -> float:
        compared.append(1)
        return jaccard(a, b)

    monkeypatch.setattr(sprawl, "jaccard", counted)
    groups = find_duplicates(texts, 0.7)
    # one near group a family (copies edited alike are exact groups), every copy in a group of its own family
    assert sorted("".join({m[0] for m in g.members}) for g in groups if g.kind == "near") == ["p", "r"]
    assert all(len({m[0] for m in g.members}) == 1 for g in groups)
    assert {m for g in groups for m in g.members} == {i for i, _ in texts}
    assert all(0.7 <= g.similarity <= 1.0 for g in groups)
    assert len(compared) < 5 * len(texts)
