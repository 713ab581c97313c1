"""'at your convenience' is the customer's time where the customer acts, whoever's the thing they act on
("Please visit our help centre at your convenience"): 'our' names the speaker only where it opens the clause."""

from __future__ import annotations

import pytest

from scriptkit import lint_text


def fixed(line: str) -> bool:
    result = lint_text("I can see how frustrating this is. I've credited your account today. " + line, config=None)
    found = [d for d in result.diagnostics if d.code == "SK201" and "convenience" in d.text]
    assert found, line
    return found[0].fix is not None and found[0].fix.safe


@pytest.mark.parametrize("line", [
    "Please visit our help centre at your convenience.",
    "Feel free to call our team at your earliest convenience.",
    "You can read our guide at your convenience.",
])
def test_the_customers_action_on_our_things_is_fixed(line: str) -> None:
    assert fixed(line)


@pytest.mark.parametrize("line", [
    "Our team will process it at your convenience.",
    "We will send it at your earliest convenience.",
    "Your refund will be processed at your earliest convenience.",
    "Because our team will process the refund at your convenience, I've sent a label today.",
])
def test_our_own_action_gets_no_fix(line: str) -> None:
    assert not fixed(line)
