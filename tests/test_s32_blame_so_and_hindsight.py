"""SK305 hears blame told as cause then effect ("You picked the wrong size, so the boots pinch") and as hindsight
("if you'd read the email you wouldn't have needed to call"), not only "because you ..."; a plain account of
what the customer entered, with our fix, is left alone."""

from __future__ import annotations

import pytest

from scriptkit.config import LintConfig
from scriptkit.linting import lint_text

FIX = "I've rebooked the delivery for Tuesday."


def _sk305(reply: str) -> list[str]:
    result = lint_text(reply, file="reply.txt", config=LintConfig().override(grammar="off"))
    return [d.message for d in result.diagnostics if d.code == "SK305"]


@pytest.mark.parametrize("blame", [
    "You typed the wrong flat number at checkout, so the courier left it next door.",
    "You chose an outdated plan, which is why the charge was higher.",
    "You used an expired card so the payment bounced.",
    "If you'd restarted the router first you wouldn't have needed to call us.",
    "If you had checked the size guide, you would have ordered the medium.",
    "You wouldn't have had to wait if you had booked online.",
])
def test_blame_told_as_cause_or_hindsight_is_reported(blame: str) -> None:
    found = _sk305(f"I know this has been a hassle. {blame} {FIX}")
    assert any("blam" in m.lower() for m in found), found


@pytest.mark.parametrize("neutral", [
    "You entered 14 Mill Lane; I've corrected it to 41 Mill Lane.",
    "You entered the wrong postcode, so I've corrected it for you.",
    "You chose express delivery, so it arrives tomorrow.",
    "If you'd like a refund instead, you would have it within 3 days.",
    "If you had a delivery booked for Monday, you would have had a text from us.",
    "You wouldn't have needed to call if our email had been clearer, and I'm sorry it wasn't.",
])
def test_a_plain_account_is_left_alone(neutral: str) -> None:
    assert not any("blam" in m.lower() for m in _sk305(f"I know this has been a hassle. {neutral} {FIX}"))
