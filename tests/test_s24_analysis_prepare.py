"""engines.readability.prepare: a long-running process builds the hyphenation trie up front."""

from __future__ import annotations

import pytest

from scriptkit.engines import readability as engine


def test_prepare_counts_every_new_word_through_the_trie_with_textstat_s_counts(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(engine, "_LOOKED_UP", {})
    monkeypatch.setattr(engine, "_SYLLABLES", {})

    def no_table(*_: object) -> list[int]:
        raise AssertionError("a prepared language looks no word up in the table")

    monkeypatch.setattr(engine, "_levels_by_table", no_table)
    engine.prepare("en-US")
    assert engine._LOOKED_UP["en_US"] >= engine.TRIE_AFTER_WORDS
    ts = engine._instance("en_US")
    for word in ("rhythm", "strengths", "supercalifragilisticexpialidocious", "refund", "apologise"):
        assert engine._word_syllables("en_US", ts, word) == ts.syllable_count(word), word
    found = engine.scores("I'm so sorry about the delay. I've refunded the whole order today, and it will reach you "
                          "by Friday.")
    monkeypatch.undo()
    assert found == engine.scores("I'm so sorry about the delay. I've refunded the whole order today, and it will "
                                  "reach you by Friday.")


def test_prepare_leaves_a_count_past_the_threshold_and_an_unknown_locale_alone(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(engine, "_LOOKED_UP", {"en_US": engine.TRIE_AFTER_WORDS + 5})
    engine.prepare("en-US")
    assert engine._LOOKED_UP == {"en_US": engine.TRIE_AFTER_WORDS + 5}
    engine.prepare("xx-YY")  # (no hyphenation data: nothing to build, and no error)
    assert engine._LOOKED_UP == {"en_US": engine.TRIE_AFTER_WORDS + 5}
