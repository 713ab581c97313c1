"""SK004 (duplicate-script) and the audit's duplicate finder folded every number into one word, so scripts
that differ in what they promise ("refunds take 5 days" against "... 30 days", "$5" against "$50") were "the
same, but for its numbers". Only ids (order, ticket, reference numbers) are folded now, one definition for
both (``sprawl.fold_identifiers``). And SK004 read a pack constant ('{{ refund_days }}') as a placeholder
word, so two scripts using different constants were "identical" where the customer reads 5 against 30:
constants now read as their values, per-customer placeholders stay placeholders."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from scriptkit.cli import main
from scriptkit.rules.template import fingerprint, fingerprints, rows_for, shingles

ACK = "I know how hard it is to wait for money you were promised back, and I'm sorry it has dragged on."
SOL = ("I've checked {ref} with our payments team this morning: the money goes back to your card within {days} "
       "of us logging the return, and I'll write to you the moment it leaves us.")
PACK = "name: Returns desk\nconstants:\n  refund_days: 5\n  exchange_days: 30\n"


def _script(sid: str, ref: str, days: str) -> str:
    return (f"id: {sid}\ntitle: Refunds::Wait {sid}\nchannels: [email]\nacknowledgment: {ACK}\n"
            f"solution: >-\n  {SOL.format(ref=ref, days=days)}\n")


def _check(root: Path) -> list[dict[str, Any]]:
    result = CliRunner().invoke(main, ["check", str(root), "--select", "SK004", "--format", "json"])
    assert "Traceback" not in result.output, result.output
    return list(json.loads(result.output)["diagnostics"])


def _audit(root: Path) -> dict[str, Any]:
    result = CliRunner().invoke(main, ["audit", str(root), "--format", "json"])
    assert result.exit_code in (0, 1) and "Traceback" not in result.output, result.output
    return dict(json.loads(result.output))


@pytest.mark.timeout(120)
def test_scripts_apart_only_in_an_order_number_are_the_same_but_for_it(make_pack: Any) -> None:
    root = make_pack({"a.yaml": _script("a", "order 48113", "5 days"),
                      "b.yaml": _script("b", "order 9902", "5 days")}, PACK)
    (found,) = _check(root)
    assert found["script"] == "b"
    assert "is the same, but for its reference numbers, as 'a'" in found["message"], found["message"]


@pytest.mark.timeout(120)
def test_scripts_apart_in_an_amount_are_not_said_to_differ_only_in_numbers(make_pack: Any) -> None:
    root = make_pack({"a.yaml": _script("a", "order 48113", "5 days"),
                      "b.yaml": _script("b", "order 48113", "30 days"),
                      "c.yaml": _script("c", "order 48113", "$50 worth of days")}, PACK)
    found = {d["script"]: d["message"] for d in _check(root)}
    assert found.keys() == {"b", "c"}, found
    for message in found.values():
        assert "but for" not in message and "% the same as 'a'" in message, message


@pytest.mark.timeout(120)
def test_short_scripts_promising_different_times_are_no_duplicates(make_pack: Any) -> None:
    short = make_pack({f"{sid}.yaml": f"id: {sid}\ntitle: {sid}\nchannels: [email]\n"
                                      f"acknowledgment: Sorry for the wait.\nsolution: Refunds take {days} days.\n"
                       for sid, days in (("a", 5), ("b", 30))})
    assert _check(short) == []  # two short promises of different times: not one script


@pytest.mark.timeout(120)
def test_constants_read_as_their_values_and_placeholders_stay_placeholders(make_pack: Any) -> None:
    root = make_pack({"a.yaml": _script("a", "{{ ticket.id }}", "{{ refund_days }} days"),
                      "b.yaml": _script("b", "{{ ticket.id }}", "{{ exchange_days }} days"),
                      # the customer reads "5 days" in both: the same reply as a's
                      "c.yaml": _script("c", "{{ ticket.id }}", "5 days"),
                      # another per-customer value, not the pack's: one word like any placeholder
                      "d.yaml": _script("d", "{{ order.number }}", "{{ refund_days | upper }} days")}, PACK)
    found = {d["script"]: d["message"] for d in _check(root)}
    assert "identical" not in found["b"] and "% the same as 'a'" in found["b"], found
    assert "is identical to 'a'" in found["c"], found
    assert "is identical to 'a'" in found["d"], found


@pytest.mark.timeout(120)
def test_the_audit_groups_by_the_same_reading_and_still_names_the_disagreement(make_pack: Any) -> None:
    root = make_pack({"a.yaml": _script("a", "order 48113", "5 days"),
                      "b.yaml": _script("b", "order 77310", "5 days"),
                      "c.yaml": _script("c", "order 48113", "30 days")}, PACK)
    report = _audit(root)
    (group,) = report["duplicates"]
    assert group["kind"] == "near" and sorted(group["macros"]) == ["a", "b", "c"]
    assert 0.7 <= group["similarity"] < 1.0  # a and b alike but for the order; c promises another time
    (said,) = report["contradictions"]
    assert sorted(said["values"]) == ["30", "5"], said


def test_word_pairs_fold_ids_and_keep_amounts_the_same_cut_or_whole() -> None:
    assert shingles("Your order no. 4471 is late.") == shingles("Your order no. 90210 is late.")
    assert shingles("Ticket INC0012345 is closed.") == shingles("Ticket INC0099 is closed.")
    assert shingles("Call 0800 123 4567 today") == shingles("Call 0845 765 4321 today")
    for one, other in [("Refunds take 5 days.", "Refunds take 30 days."), ("A $5 fee.", "A $50 fee."),
                       ("Up to 3 items.", "Up to 10 items."), ("I opened ticket 2 days ago.",
                                                               "I opened ticket 9 days ago.")]:
        assert shingles(one) != shingles(other), (one, other)
    # a text cut in pieces (at '. ') reads its ids as the whole text does
    texts = ["Your order no. 4471 is late. 2 days more.", "Steps:\n1. Open it\n2. Close it", "It took 5. Days later"]
    for threshold in (0.85, 0.5):
        assert fingerprints(texts, threshold) == [fingerprint(t, rows_for(threshold)) for t in texts]
