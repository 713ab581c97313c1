"""SK205 and SK303 say one thing and suggest it: "Thank you for your email" is no longer told to acknowledge
what the message says and then offered the just-as-generic "Thanks for writing in"; SK303 asks to name a feeling or
the situation (ideally both), as its message says neither is named; "real hassle" names how it landed."""

from __future__ import annotations

import pytest

from scriptkit.config import LintConfig
from scriptkit.diagnostics import Diagnostic
from scriptkit.linting import lint_text

FIX = "I've reset your password today."


def _found(reply: str, code: str) -> list[Diagnostic]:
    result = lint_text(reply, file="reply.txt", config=LintConfig().override(grammar="off"))
    return [d for d in result.diagnostics if d.code == code]


@pytest.mark.parametrize("opening", ["Thank you for your email.", "Thank you for your message.",
                                     "Thank you for your recent email."])
def test_a_thanks_for_the_message_is_not_offered_another_generic_thanks(opening: str) -> None:
    (d,) = _found(f"{opening} I can see the lockout is frustrating. {FIX}", "SK205")
    assert "writing in" not in (d.suggestion or "").lower(), d.suggestion
    assert "what they wrote about" in d.message, d.message


def test_sk303_asks_for_one_and_ideally_both() -> None:
    (d,) = _found(f"I understand. {FIX}", "SK303")
    assert "neither a feeling nor" in d.message
    assert (d.suggestion or "").startswith("name one, ideally both"), d.suggestion


def test_real_hassle_is_named() -> None:
    assert _found(f"I can see this has caused you real hassle. {FIX}", "SK303") == []
