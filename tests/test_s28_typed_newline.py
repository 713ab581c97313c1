"""SK007: a "\\n" typed between two words is a line break meant, not a path."""

from __future__ import annotations

import pytest

from scriptkit import lint_text


def typed_newlines(text: str) -> int:
    return sum(1 for d in lint_text(text, grammar="off").diagnostics if d.code == "SK007")


@pytest.mark.parametrize("text", [
    "Thanks so much for\\nbearing with us. I'll send it today.",  # (left alone before: 'r\\nb' read as in a word)
    "I'll send it today.\\nThanks for your patience!",
])
def test_a_typed_newline_between_words_is_reported(text: str) -> None:
    assert typed_newlines(text) == 1


@pytest.mark.parametrize("text", ["Open C:\\new and I'll send it today.", "It's in docs\\new\\guide today."])
def test_a_path_is_left_alone(text: str) -> None:
    assert typed_newlines(text) == 0


def test_one_inside_a_run_of_letters_has_no_fix() -> None:
    """A stray backslash before a word's "n" ("setting\\nobody") or a line break: the customer sees it either way
    (it was left alone before), and only the writer knows which it is."""
    (found,) = [d for d in lint_text("I'll check the setting\\nobody else sees today.", grammar="off").diagnostics
                if d.code == "SK007"]
    assert found.fix is None and "Delete the backslash" in (found.suggestion or "")
