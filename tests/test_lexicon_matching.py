"""Phrase matching: cached by sentence piece, regexes skipped or cached when provably safe, same results."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scriptkit.rules.lexicon import (
    Tokens,
    compile_phrases,
    fold,
    pattern,
    piece_local,
    required_literals,
    tokenise,
)

ENTRIES = ["please be advised", "at your earliest convenience", "e-mail", "frustrat*", "kindly", ":)",
           r"re:apologies(?<!my apologies)\s+for\b", r"re:\bthe\s+(?:company|team)\s+regrets\b",
           r"re:(?:customer\s+)?support\s+team\s*$"]
TEXTS = [
    "Please be advised that we got your e-mail. Kindly reply at your earliest convenience!",
    "Apologies for the wait :) The company regrets it.\n\nSo frustrating. Customer support team",
    "My apologies for that.  Please be\nadvised: kindly-ish words.Kindly e - mail us? The team regrets",
    "please be advised. please be advised. please be advised",
    "",
    "   ",
    "Nothing here at all.",
]


@pytest.mark.parametrize("flags", [0, re.MULTILINE])
def test_spans_are_the_same_cached_by_piece_as_read_whole(flags: int) -> None:
    warm = compile_phrases(ENTRIES, flags)
    for text in [*TEXTS, " ".join(TEXTS), "\n".join(reversed(TEXTS))]:
        warm.spans(text)  # pieces of every text are cached for the next ones
    for text in [*TEXTS, " ".join(TEXTS), "\n".join(reversed(TEXTS)), TEXTS[1] + " " + TEXTS[0],
                 TEXTS[0] + " A new one, kindly. " + TEXTS[1]]:  # (the last: cached and new pieces)
        whole = compile_phrases(ENTRIES, flags).spans(text, tokens=Tokens(fold(text)))  # one pass, no cache
        assert compile_phrases(ENTRIES, flags).spans(text) == whole  # new pieces matched together
        assert warm.spans(text) == whole  # from the cache
        assert warm.spans(fold(text), folded=True) == whole


def test_a_sentence_is_matched_the_same_wherever_it_is() -> None:
    m = compile_phrases(ENTRIES)
    sentence = "Kindly note the e-mail."
    alone = m.spans(sentence)
    assert alone == [(0, 6), (16, 22)]
    text = "Hi Sam. " + sentence + " Thanks!"
    assert m.spans(text) == [(a + 8, b + 8) for a, b in alone]


def test_required_literals_are_what_every_match_contains() -> None:
    needs = required_literals(re.compile(r"sorry\s+for\s+(?:any|the)\s+(?:inconvenience|trouble)"))
    assert frozenset({"inconvenience", "trouble"}) in needs
    assert frozenset({"sorry"}) in needs
    assert needs[0] == frozenset({"inconvenience", "trouble"})  # the most selective first
    assert required_literals(re.compile(r"(?:we\s+)?apologi[sz]e")) == (frozenset({"apologi"}), frozenset({"e"}))
    assert required_literals(re.compile(r"\d+\s*days?")) == (frozenset({"day"}),)
    assert required_literals(re.compile(r"(?:sorry)?\s+x?")) == ()
    assert required_literals(re.compile("sorry", re.IGNORECASE)) == ()  # "SORRY" matches too
    assert required_literals(re.compile(r"(?i:sorry)")) == ()


@pytest.mark.parametrize(("pattern", "local"), [
    (r"apologies(?<!my apologies)\s+for\b", True),
    (r"(?:the|our)\s+(?:team|company)\s+regrets", True),
    (r"\d+\s*(?:-|to)\s*\d+\s+days", True),
    (r"support\s+team\s*$", True),  # an end anchor is reached only where piece and text end alike
    (r"^\s*best\s+regards", False),  # a start anchor is not
    (r"thanks[.!]", False),  # takes a sentence end
    (r"thanks\.\s+bye", False),
    (r"we[^a]", False),  # a negated class can take one
    (r"\s+sorry", False),  # starts between pieces
    (r"(?<=\s)sorry", False),  # looks back past a piece
    (r"(?:the\s+)?team", True),
    (r"(?:the\s+)?\s*team", False),  # starts with whitespace when "the" is left out
])
def test_piece_local(pattern: str, local: bool) -> None:
    assert piece_local(re.compile(pattern)) is local


def test_token_offsets() -> None:
    for text in ["don't e-mail x_y it's", "a'b b", "ab_ab", "x''y", "  é\u0301x ", ""]:
        tokens = Tokens(fold(text))
        starts, ends = tokens.offsets()
        spans = [m.span() for m in re.finditer(r"[^\W_]+(?:'[^\W_]+)*", tokens.text)]
        assert list(zip(starts, ends, strict=True)) == spans
        assert tokens.words == tokenise(tokens.text)


@pytest.mark.parametrize("screened", [False, True])
@pytest.mark.parametrize("text", [
    "I AM sure We Will call you", "i am here. You Are Not alone", "İ am sure we will", "I am \u212aeen, we will",
    "We will ſend it", "It\u0131s fine, we are on it", "Thé café: we are “sure” we will", "",
])
def test_caseless_regex_finds_what_ignorecase_finds(text: str, screened: bool) -> None:
    from scriptkit.rules.lexicon import CaselessRegex

    regex = re.compile(r"\b(?:i am|we will|we are|[a-z]+(?=\s+[A-Za-z]))\b", re.IGNORECASE)
    caseless = CaselessRegex(regex, screened=screened)
    assert caseless.spans(text) == [m.span() for m in regex.finditer(text)]
    first = regex.search(text)
    assert caseless.span(text) == (first.span() if first else None)


# words of the screened regexes (a chat held, a thing handed back, the customer named) and of none, in any case,
# with the characters IGNORECASE folds to ASCII letters ("ſ", the Kelvin sign), where the screen must not be used
_SCREENED_FRAGMENTS = [
    " bear with me", " One moment", " please", " WAIT", " for a reply", " I'm looking into", " this", " Give", " us",
    " a few", " minutes", " to check", " and", " I'll be right back", " transferring you to", " billing", ".", ",",
    " mo", " Min", " ſec", " \u212aeep", " send", " a photo", " do not", " Reply", " designed to", " provide",
    " Customer", " you", " DM", " let us know", " hold on", " the order", "\n",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_SCREENED_FRAGMENTS), max_size=12))
def test_a_screened_regex_finds_what_the_regex_finds(parts: list[str]) -> None:
    from scriptkit.inference import _NAMES_THE_CUSTOMER, _NAMES_THE_CUSTOMER_FOLDED
    from scriptkit.rules.empathy import _HOLD, _HOLD_FOLDED
    from scriptkit.rules.solution import _HANDS_BACK, _HANDS_BACK_FOLDED

    text = "".join(parts)
    for regex, screened in ((_HOLD, _HOLD_FOLDED), (_HANDS_BACK, _HANDS_BACK_FOLDED),
                            (_NAMES_THE_CUSTOMER, _NAMES_THE_CUSTOMER_FOLDED)):
        assert screened.spans(text) == [m.span() for m in regex.finditer(text)]
        first = regex.search(text)
        assert screened.span(text) == (first.span() if first else None)


_CUE_FRAGMENTS = [
    "I", " you've", " your order", " your patience", " waiting", " on hold", " in 2 days", " 3-5 business days",
    " by Friday", " at 5pm", " by [[date]]", " I'm checking", " I am sending", " :)", " <3", " it's so",
    " frustrating", " I'd be upset", " sorry", " so sorry", " I'll", " refund", " today", " this is",
    " really annoying", ".", "!", "?", " ", "\n", "-", " thanks for", " bearing with me",
]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_CUE_FRAGMENTS), max_size=14).map("".join))
def test_a_multimatcher_finds_what_each_of_its_lists_finds(text: str) -> None:
    """One pass over several lists (slot inference's cues) equals matching each list on its own."""
    from scriptkit.inference import _cue_matcher

    folded = fold(text)
    found = _cue_matcher().spans(Tokens(folded))
    for name in _cue_matcher().names:
        assert found[name] == pattern(name).spans(folded, folded=True), name


def _corporate_words() -> list[str]:
    from scriptkit.rules.lexicon import table

    keys = table("corporate_phrases.yaml").matcher._keys
    # every word of a pair (the first words mark a possible start only with the right second word)
    return [*sorted({w for k in keys.pairs for w in k.split()}), *sorted(keys.singles)[:20], "x", "frust", "-", "."]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_corporate_words()), max_size=20).map(" ".join))
def test_candidates_are_the_words_where_a_single_a_prefix_or_a_pair_starts(text: str) -> None:
    from scriptkit.rules.lexicon import _candidates, table

    keys = table("corporate_phrases.yaml").matcher._keys
    words = tokenise(fold(text))
    expected = [i for i, w in enumerate(words)
                if w in keys.singles or w[:3] in keys.heads
                or (i + 1 < len(words) and f"{w} {words[i + 1]}" in keys.pairs)]
    assert _candidates(Tokens(fold(text)), keys) == expected


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["Nothing here.", "Kindly reply!", "All good?", "Please be advised, ok.", "Fine.",
                                 "So frustrating", "no match at all", "e-mail us."]), max_size=8).map(" ".join))
def test_each_cached_piece_holds_the_matches_of_the_piece_alone(text: str) -> None:
    """What a matcher remembers of new pieces (none matched, the common case, or some) is each piece's own matches."""
    from scriptkit.rules.lexicon import _pieces_of

    m = compile_phrases([e for e in ENTRIES if not e.startswith("re:")])
    m.spans(text)
    for _, piece in _pieces_of(text, False)[1]:
        assert m._piece_spans[piece] == tuple(compile_phrases([e for e in ENTRIES if not e.startswith("re:")])
                                              .spans(piece, folded=True, tokens=Tokens(piece)))


_SENTENCES = ["Nothing here.", "Kindly reply!", "All good?", "Please be advised, ok.", "Fine.", "So frustrating",
              "no match at all", "e-mail us.", "Apologies for the wait :)", "Thanks, support team"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_SENTENCES), max_size=6), st.lists(st.sampled_from(_SENTENCES), max_size=8),
       st.sampled_from([0, re.MULTILINE]))
def test_cached_and_new_pieces_together_are_matched_as_the_whole_text(seen: list[str], parts: list[str],
                                                                      flags: int) -> None:
    """Some pieces cached, the others new (with or without matches): the spans are those of the text read whole."""
    m = compile_phrases(ENTRIES, flags)
    m.spans(" ".join(seen))
    text = " ".join(parts)
    assert m.spans(text) == compile_phrases(ENTRIES, flags).spans(text, tokens=Tokens(fold(text)))
