"""SK407 on single braces: a known placeholder or constant short of a brace is told to take two."""

from __future__ import annotations

from typing import Any

import pytest

from scriptkit.linting import lint_pack, lint_text
from scriptkit.loading import load_pack

SCRIPT = ('id: late\ntitle: Late\nchannels: [email]\nacknowledgment: "I can see how frustrating this is."\n'
          'solution: "I will refund you today, {marker}, and write to you by Friday."\n')


@pytest.mark.parametrize(("marker", "advice"), [
    ("{ customer.first_name }", "Write two braces on each side: {{ customer.first_name }}."),
    ("{team}", "Write two braces on each side: {{ team }}."),
    ("{ refund_code }", "Fill it in, or in a macro declare it as a blank: {{ blank.refund_code }} here, and under "
                        "flexibility: blanks: - name: refund_code with a prompt for the agent."),
])
def test_single_braces_get_advice_that_fits(make_pack: Any, marker: str, advice: str) -> None:
    root = make_pack({"a.yaml": SCRIPT.replace("{marker}", marker)}, "name: T\nconstants:\n  team: Orders\n")
    found = [d for d in lint_pack(load_pack(root)).diagnostics if d.code == "SK407"]
    assert [(d.text, d.suggestion) for d in found] == [(marker, advice)]


def test_free_text_is_told_to_fill_it_in() -> None:
    found = [d for d in lint_text("I'm sorry, { customer.first_name }. I'll refund you today.").diagnostics
             if d.code == "SK407"]
    assert [d.suggestion for d in found] == ["Write the customer's first name in before sending."]

