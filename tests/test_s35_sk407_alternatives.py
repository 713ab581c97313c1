"""SK407 reads what a script's flexibility may send: a fill-in marker in an alternative or a condition
reaches the customer when the agent picks it, as one in the reply does. Guidance is the agent's alone."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from scriptkit.linting import lint_pack
from scriptkit.loading import load_pack

SCRIPT = """\
id: late-parcel
title: Late parcel
channels: [email]
acknowledgment: "I know waiting on a parcel that hasn't turned up is really annoying."
warm_language: "Thanks for letting me know so quickly."
solution: "I've asked the courier to trace it today, and I'll write back by Thursday."
flexibility:
  guidance: "TODO ask the team lead about [AMOUNT] limits before offering anything."
  alternatives:
    - label: Customer wants a refund [AMOUNT]
      text: "I've refunded [AMOUNT] to your card; it shows within five days."
  conditions:
    - when: they paid for next-day delivery TODO
      text: "{{ express_note }}"
"""
PACK = 'name: T\nconstants:\n  express_note: "TODO: write what we give back for express"\n'


def _line(needle: str) -> int:
    return next(n for n, line in enumerate(SCRIPT.splitlines(), 1) if needle in line)


def test_a_marker_in_an_alternative_or_a_condition_is_reported_where_it_is_written(make_pack: Any) -> None:
    found = [d for d in lint_pack(load_pack(make_pack({"late.yaml": SCRIPT}, pack_yaml=PACK))).diagnostics
             if d.code == "SK407"]
    where = sorted((Path(d.location.file).name, d.location.line, d.text) for d in found)
    # the guidance, an alternative's label and a condition's 'when' are for the agent: never sent; the constant's
    # marker is found where its value is written, as when the reply uses it
    assert where == [("late.yaml", _line("I've refunded"), "[AMOUNT]"), ("pack.yaml", 3, "TODO")], found
    reply_advice = [d for d in lint_pack(load_pack(make_pack(
        {"late.yaml": SCRIPT.replace("trace it today", "trace [AMOUNT] today")}, pack_yaml=PACK))).diagnostics
        if d.code == "SK407" and d.location.line == _line("solution:")]
    assert [d.suggestion for d in found if d.text == "[AMOUNT]"] == [reply_advice[0].suggestion]


def test_the_same_pack_without_markers_in_what_is_sent_has_no_finding(make_pack: Any) -> None:
    clean = SCRIPT.replace("[AMOUNT] to your card", "the full price to your card")
    pack = PACK.replace("TODO: write what we give back for express", "I've also refunded the express fee.")
    found = lint_pack(load_pack(make_pack({"late.yaml": clean}, pack_yaml=pack))).diagnostics
    assert [d for d in found if d.code == "SK407"] == []


def test_a_marker_in_a_branch_the_constants_do_not_choose_today_is_reported_with_when_it_is_sent(
    make_pack: Any,
) -> None:
    script = SCRIPT.replace('I\'ll write back by Thursday."',
                            'I\'ll write back by Thursday.{% if express %} {{ express_note }}{% endif %}"').replace(
        '"{{ express_note }}"', '"I\'ve refunded the express fee too."')
    pack = PACK.replace("constants:\n", "constants:\n  express: false\n")
    found = [d for d in lint_pack(load_pack(make_pack({"late.yaml": script}, pack_yaml=pack))).diagnostics
             if d.code == "SK407" and d.text == "TODO"]
    assert [(Path(d.location.file).name, d.location.line) for d in found] == [("pack.yaml", 4)], found
    assert found[0].message.endswith("(in the text sent when express is true)")
