"""A reply that thanks the customer for what they said ("That's so kind of you to say", "What a lovely thing to
say") answers praise: there is nothing to acknowledge or fix."""

from __future__ import annotations

import pytest

from scriptkit.linting import lint_text


@pytest.mark.parametrize("reply", [
    "That's so kind of you to say, thank you! We'll be sure to share it with the whole kitchen team.",
    "Hi Noah, that's so kind of you to say, thank you! We'll be sure to share it with the whole kitchen team.",
    "What a lovely thing to say, thank you! I'll pass it on to the team.",
    "Thanks so much for saying so! It made the whole team smile.",
    "Such a sweet message to read, thank you!",
])
def test_a_reply_to_what_they_said_is_a_reply_to_praise(reply: str) -> None:
    codes = {d.code for d in lint_text(reply).diagnostics}
    assert not codes & {"SK301", "SK401", "SK402", "SK403", "SK404"}, codes


@pytest.mark.parametrize("reply", [
    # (a thank-you that also apologises, or something that was no praise: judged)
    "What a lovely thing to say, thank you! I'm sorry the parcel was late, though.",
    "That's kind of you to let us know. The parcel will arrive by Friday.",
])
def test_a_reply_with_more_than_thanks_is_judged(reply: str) -> None:
    codes = {d.code for d in lint_text(reply).diagnostics}
    assert codes & {"SK301", "SK304", "SK402", "SK403", "SK404"}, codes
