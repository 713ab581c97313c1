"""The faster first reading of a sentence finds what the plain reading finds (session 15)."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

import scriptkit
from scriptkit.engines import readability as engine
from scriptkit.rules.lexicon import Tokens, _candidates, compile_phrases, fold, tokenise

# singles, pairs keying longer phrases, and prefix entries whose heads other words share ("fru" of "fruit")
_ENTRIES = ["kindly", "please be advised", "please note", "at your earliest convenience", "frustrat*", "annoy*",
            "e-mail", "sorry", "so sorry", "we regret to inform you"]
_WORDS = ["kindly", "please", "be", "advised", "note", "at", "your", "earliest", "convenience", "frustrating",
          "frustrated", "fruit", "annoyed", "ann", "e", "mail", "sorry", "so", "we", "regret", "to", "inform",
          "you", "x", "-", ".", "Please"]


def _reference_candidates(words: list[str], entries_matcher: object) -> list[int]:
    """The definition: a word that is a phrase of its own, that a prefix entry's head starts, or that
    starts a pair keying longer phrases followed by the pair's second word."""
    keys = entries_matcher._keys  # type: ignore[attr-defined]
    return [i for i, w in enumerate(words)
            if w in keys.singles or w[:3] in keys.heads
            or (i + 1 < len(words) and f"{w} {words[i + 1]}" in keys.pairs)]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), max_size=24).map(" ".join))
def test_candidates_from_the_text_s_vocabulary_are_the_words_where_a_phrase_may_start(text: str) -> None:
    matcher = compile_phrases(_ENTRIES)
    folded = fold(text)
    tokens = Tokens(folded)
    assert _candidates(tokens, matcher._keys) == _reference_candidates(tokenise(folded), matcher)
    # the vocabulary is shared by lists asked one after the other: the second answer is the same
    assert _candidates(tokens, matcher._keys) == _reference_candidates(tokenise(folded), matcher)


def test_a_word_both_a_phrase_and_under_a_prefix_is_one_candidate_in_order() -> None:
    matcher = compile_phrases(["frustrating", "frustrat*", "so"])
    tokens = Tokens("so frustrating, so frustrated and so on")
    assert _candidates(tokens, matcher._keys) == [0, 1, 2, 3, 5]
    assert matcher.spans("So frustrating, so frustrated and so on") == [
        (0, 2), (3, 14), (16, 18), (19, 29), (34, 36)]


def test_hyphenation_levels_bounded_by_the_longest_pattern_of_each_start_are_pyphen_s() -> None:
    """Looking up only the substrings as long as the longest pattern with the same first two characters
    finds every pattern pyphen's bound (its longest pattern, 28 characters) finds."""
    ts = engine._instance("en_US")
    reach = engine._pattern_reach("en_US")
    longest = max(map(len, ts.pyphen.hd.patterns))
    assert max(reach.values()) == longest > 20 and reach.get("x") is None
    words = {"a", "i", "rhythm", "strengths", "supercalifragilisticexpialidocious", "x" * 40, "antidisestablishment",
             "counterrevolutionaries", "incomprehensibilities", "q", "zz"}
    for path in Path(scriptkit.__file__).parent.rglob("*.yaml"):
        words.update(w for w in engine._without_punctuation(path.read_text(encoding="utf-8")).lower().split()
                     if w.isascii())
    assert len(words) > 1000
    for word in sorted(words):
        pointed = f".{word}."
        assert engine._levels_by_table(ts, pointed, reach) == engine._levels_by_table(ts, pointed), word


_OPENERS = ["hi", "hello", "hi there", "good morning", "good morning team", "thanks", "thank you", "thank you so much",
            "best", "best regards", "kind regards", "cheers", "frustrat*", "so"]
_OPENER_WORDS = ["hi", "there", "hello", "good", "morning", "team", "thanks", "thank", "you", "so", "much", "best",
                 "regards", "kind", "cheers", "frustrated", "x", ",", "-", "!"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_OPENER_WORDS), max_size=8).map(" ".join))
def test_the_longest_phrase_at_the_start_is_the_first_of_all_the_word_matches(text: str) -> None:
    """``match`` reads only the phrases at the first word: the same as finding every match and keeping one at 0."""
    matcher = compile_phrases(_OPENERS)
    folded = fold(text)
    every = [b for a, b in matcher._word_spans(Tokens(folded)) if a == 0]
    assert matcher.match(folded, folded=True) == ((0, every[0]) if every else None)
