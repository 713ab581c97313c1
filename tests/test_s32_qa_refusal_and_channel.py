"""Two slips found on review of this session's changes: a refusal beside a step the writer owns ("but our team
will contact you by email tomorrow") was told there is no solution at all (SK401, an error) where SK402 and SK404
say what to sharpen; and SK105's advice told a reviewer who chose --channel email to use --channel chat."""

from __future__ import annotations

from scriptkit.config import LintConfig
from scriptkit.linting import lint_text


def _codes(text: str, channel: str | None = None) -> list[str]:
    return [d.code for d in lint_text(text, channel=channel).diagnostics]


def test_a_refusal_beside_an_owned_step_is_no_missing_solution() -> None:
    for text in ("I'm sorry, we can't change the address now, but our team will contact you by email tomorrow.",
                 "I'm sorry, we can't change the address now, but we'll be in touch."):
        assert "SK401" not in _codes(text), text
        assert "SK402" in _codes(text), text
    assert "SK401" in _codes("I'm sorry. Unfortunately we can't replace worn boots.")


def test_the_chat_hint_is_given_only_where_no_channel_was_chosen() -> None:
    text = "Sorry for the wait! I've sent a new one today, it arrives Friday."

    def advice(channel: str | None) -> str:
        # (SK105 reports a short email only where a team sets min_words)
        asked = LintConfig(options={"email-length": {"min_words": 50}})
        return next(d.suggestion or "" for d in lint_text(text, channel=channel, config=asked).diagnostics
                    if d.code == "SK105")

    assert "--channel chat" in advice(None)
    assert "--channel chat" not in advice("email")
