"""The text of a branch a comparison of a constant chooses ('{% if delivery_fee > 4 %}', '{% if region == "EU" %}',
'{% if plan in ["pro", "team"] %}') is judged by the phrase rules for every way the comparison can come out, not only
as today's value chooses it; each finding says the value that sends it ("(in the text sent when delivery_fee is 4)")."""

from __future__ import annotations

import json
from typing import Any

import pytest

from scriptkit import lint_pack, load_pack

PACK = "name: T\nconstants:\n  delivery_fee: 4.50\n  region: US\n  plan: free\n  closed: false\n"


def _sk201(make_pack: Any, solution: str, pack: str = PACK) -> list[str]:
    script = ("id: fee\ntitle: Delivery fee\nacknowledgment: I know it's annoying to pay for delivery.\n"
              f"solution: {json.dumps(solution)}\n")
    root = make_pack({"a.yaml": script}, pack)
    return [d.message for d in lint_pack(load_pack(root)).diagnostics if d.code == "SK201"]


KINDLY = "corporate phrase \"Kindly\": \"Kindly\" reads as stiff or passive-aggressive in a request."


@pytest.mark.parametrize(("test", "when"), [
    ("delivery_fee <= 4", "delivery_fee is 4"),
    ("delivery_fee < 2", "delivery_fee is 1"),
    ('region == "EU"', 'region is "EU"'),
    ('region != "US"', 'region is not "US"'),
    ('plan in ["pro", "team"]', 'plan is "pro"'),
    ('"free" != plan', 'plan is not "free"'),
])
def test_the_branch_a_comparison_does_not_choose_today_is_judged(make_pack: Any, test: str, when: str) -> None:
    solution = (f"{{% if {test} %}}Kindly reply with the receipt, and I'll refund the fee today.{{% else %}}"
                "I've refunded the fee today.{% endif %}")
    assert _sk201(make_pack, solution) == [f"{KINDLY} (in the text sent when {when})"]


def test_today_s_branch_is_said_as_today(make_pack: Any) -> None:
    solution = ("{% if delivery_fee > 4 %}Kindly reply with the receipt, and I'll refund it today.{% else %}"
                "I've refunded the fee today.{% endif %}")
    assert _sk201(make_pack, solution) == [KINDLY]


def test_a_comparison_and_a_yes_or_no_are_said_together(make_pack: Any) -> None:
    solution = ("{% if closed %}We're closed, and I'll refund it Monday.{% elif delivery_fee < 4 %}Kindly reply with "
                "the receipt, and I'll refund it today.{% else %}I've refunded the fee today.{% endif %}")
    assert _sk201(make_pack, solution) == [f"{KINDLY} (in the text sent when delivery_fee is 3)"]
    solution = solution.replace("{% elif delivery_fee < 4 %}", "{% elif not closed and delivery_fee < 4 %}")
    closed = PACK.replace("closed: false", "closed: true")
    assert _sk201(make_pack, solution, closed) == [
        f"{KINDLY} (in the text sent when closed is false and delivery_fee is 3)"]


def test_an_inline_choice_on_a_comparison_is_judged(make_pack: Any) -> None:
    solution = ("{{ 'Kindly reply with the receipt, and I will refund it today.' if region == 'EU' else "
                "'I have refunded the fee today.' }}")
    assert _sk201(make_pack, solution) == [f'{KINDLY} (in the text sent when region is "EU")']
