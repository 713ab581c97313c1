"""Session 37: lint_text(max_chars=N), a service's own cap on one reply's size, refused as the built-in cap is."""

from __future__ import annotations

import pytest

import scriptkit
from scriptkit.errors import ConfigError


def test_max_chars_caps_a_reply_with_the_located_refusal() -> None:
    reply = "Kindly wait.\n" * 100
    with pytest.raises(ConfigError) as caught:
        scriptkit.lint_text(reply, max_chars=1000, file="ticket-7")
    error = caught.value
    assert "1,300 characters" in str(error) and "1,000" in str(error)
    assert str(error.location) == "ticket-7:1:1"
    assert scriptkit.lint_text(reply, max_chars=1300).diagnostics  # (at the cap: judged)


@pytest.mark.parametrize("bad", [0, -5, 2.5, "100", True])
def test_max_chars_must_be_a_positive_count(bad: object) -> None:
    with pytest.raises(ConfigError, match="max_chars"):
        scriptkit.lint_text("Thanks for waiting.", max_chars=bad)  # type: ignore[arg-type]
