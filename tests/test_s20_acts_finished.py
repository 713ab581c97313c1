"""A step already done, told as news with nobody in it, needs no owner (SK403) and no time frame (SK404): "The
replacement shipped this morning." as "was shipped" did, "Your table's confirmed for 7pm tonight.", "Your
password's reset as of now.", "New code sent: check your texts". A short reply whose care is a sentence or two
before a whole step (owned and timed) is not out of balance (SK405)."""

from __future__ import annotations

import pytest

from scriptkit.config import LintConfig
from scriptkit.linting import lint_text

CONFIG = LintConfig().override(grammar="off")
ACK = "Thanks for bearing with us, and sorry the booking form was so confusing."


def _codes(reply: str) -> set[str]:
    return {d.code for d in lint_text(reply, config=CONFIG).diagnostics}


@pytest.mark.timeout(60)
@pytest.mark.parametrize(("solution", "owned"), [
    ("The new charger shipped this morning.", True),
    ("Your room's confirmed for Friday night.", True),
    ("All done! Your PIN's reset as of now.", True),
    ("Fresh link sent: check your inbox in a minute.", True),
    # still to happen with nobody doing it: still nobody's
    ("The new charger will be shipped today.", False),
    # (how things work, "Transfers are sent within minutes.", names no step to own since session 38:
    # test_s38_solution_owner_precision.py)
])
def test_a_step_done_told_as_news_needs_no_owner(solution: str, owned: bool) -> None:
    codes = _codes(f"Hi Jo,\n\n{ACK} {solution}\n\nPriya")
    assert ("SK403" not in codes) is owned
    if owned:
        assert "SK404" not in codes


@pytest.mark.timeout(60)
def test_a_short_reply_with_a_whole_step_is_not_out_of_balance() -> None:
    reply = ("Hi Jo,\n\nThanks for telling me about the broken lamp, I can see how disappointing that is. "
             "I've refunded the lamp today.\n\nPriya")
    assert "SK405" not in _codes(reply)
    # a long acknowledgment before the same step is still out of balance
    long_care = ("Hi Jo,\n\nThanks for telling me about the broken lamp. I can only imagine how disappointing it "
                 "was to unpack it after such a long wait. I'm so sorry you had to write to us about it on top of "
                 "a busy week, and I really appreciate your patience. I've refunded the lamp today.\n\nPriya")
    assert "SK405" in _codes(long_care)
