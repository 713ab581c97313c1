"""Session 37: a C0 or C1 control character (a NUL from a pasted log) was judged silently; SK012 now tells it, as it
tells a zero-width space."""

from __future__ import annotations

import pytest

import scriptkit


@pytest.mark.parametrize("control", ["\x00", "\x07", "\x1b", "\x7f", "\x9f"])
def test_a_control_character_is_told(control: str) -> None:
    clean = "Thanks for waiting. I refunded it today."
    assert scriptkit.lint_text(clean).diagnostics == []
    found = scriptkit.lint_text(clean.replace("Thanks", "Thanks" + control))
    (d,) = [d for d in found.diagnostics if d.code == "SK012"]
    assert d.location.col == 7 and f"U+{ord(control):04X}" in d.message


def test_tab_newline_and_carriage_return_are_no_hidden_characters() -> None:
    found = scriptkit.lint_text("Thanks for waiting.\r\nI refunded it\ttoday.")
    assert "SK012" not in [d.code for d in found.diagnostics]
