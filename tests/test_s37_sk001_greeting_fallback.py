"""SK001: a greeting's fallback word used mid-sentence ('I'm sorry the jacket doesn't fit, {{ customer.first_name |
fallback("there") }}.') read '...doesn't fit, there.' for a customer with no name, and nothing said so."""

from __future__ import annotations

from pathlib import Path

import pytest

from scriptkit import lint_pack, load_pack


def _sk001(tmp_path: Path, acknowledgment: str) -> list[tuple[str, str]]:
    (tmp_path / "scripts").mkdir()
    (tmp_path / "pack.yaml").write_text("name: S\n", encoding="utf-8")
    (tmp_path / "scripts" / "a.yaml").write_text(
        f"id: a\ntitle: A\nchannels: [chat]\nacknowledgment: '{acknowledgment}'\n"
        "solution: I'll send a new size today.\n", encoding="utf-8")
    return [(d.message, d.suggestion or "") for d in lint_pack(load_pack(tmp_path)).diagnostics if d.code == "SK001"]


@pytest.mark.parametrize("word", ["there", "friend", "Customer"])
def test_a_greeting_word_mid_sentence_is_flagged(tmp_path: Path, word: str) -> None:
    [(message, advice)] = _sk001(
        tmp_path, f"I''m sorry the scarf is the wrong colour, {{{{ customer.first_name | fallback(\"{word}\") }}}}.")
    assert f"reads '...the wrong colour, {word}.'" in message or f"colour, {word}.'" in message
    assert "e.g. 'I'm sorry the scarf is the wrong colour.'" in advice


@pytest.mark.parametrize("text", [
    "Hello {{ customer.first_name | fallback(\"there\") }}, I''m sorry the scarf is the wrong colour.",
    "I''m sorry the scarf is the wrong colour, {{ customer.first_name | fallback(\"Maya\") }}.",
    "I''m sorry the scarf is the wrong colour.",
])
def test_a_greeting_or_another_fallback_is_not(tmp_path: Path, text: str) -> None:
    assert _sk001(tmp_path, text) == []
