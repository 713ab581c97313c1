"""Sentence ends and openings written outside ASCII: a Japanese or Chinese sentence ends at 。！？ (or the
full-width ．) with or without a space after it, and a Spanish sentence's opening ¡ or ¿ is read as opening
punctuation, like a quote mark."""

from __future__ import annotations

import pytest

from scriptkit.config import LintConfig
from scriptkit.linting import lint_text
from scriptkit.text import opens_sentence, sentences, words_start


@pytest.mark.parametrize("mark", ["。", "！", "？", "．"])
@pytest.mark.parametrize("space", [" ", ""])
def test_a_full_width_mark_ends_a_sentence(mark: str, space: str) -> None:
    text = f"配送が遅れています{mark}{space}We will call you today."
    assert sentences(text) == [f"配送が遅れています{mark}", "We will call you today."]


def test_two_japanese_sentences_are_two() -> None:
    assert sentences("ご不便をおかけしました。明日お届けします。") == ["ご不便をおかけしました。", "明日お届けします。"]


def test_a_full_width_point_between_digits_ends_nothing() -> None:
    assert sentences("料金は３．５ドルです。") == ["料金は３．５ドルです。"]


def test_opening_inverted_marks_are_opening_punctuation() -> None:
    text = "Lo siento. ¡Gracias! ¿Qué pasó?"
    assert words_start(text, text.index("¡")) == text.index("Gracias")
    assert opens_sentence(text, text.index("Qué"))
    assert opens_sentence("お待たせしました。 Kindly wait.", len("お待たせしました。 "))


@pytest.mark.parametrize("text", [
    "I know the wait has been long. 遅れて申し訳ありません。 Please be advised we are shut on Monday.",
    "I know the wait has been long. ¡Please be advised we are shut on Monday!",
])
def test_please_be_advised_after_them_is_found(text: str) -> None:
    result = lint_text(text, channel="email", config=LintConfig().override(grammar="off"))
    assert "SK201" in [d.code for d in result.diagnostics]
