"""The strings a list's regexes need, found in a text by one scan: the same as testing each one."""

from __future__ import annotations

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from scriptkit.rules.lexicon import _SCAN_AFTER, _SCAN_FROM, MultiMatcher, Tokens, _Needs, fold, pattern

# strings over a small alphabet overlap and are prefixes of each other ("ab", "aba", "ba"...)
_STRINGS = ["".join(p) for n in (1, 2, 3) for p in itertools.product("ab .", repeat=n)][:60]


def test_the_scan_is_built_for_many_strings_once_they_are_asked_about_often() -> None:
    assert len(_STRINGS) >= _SCAN_FROM
    many, few = _Needs(_STRINGS), _Needs(_STRINGS[:3])
    for _ in range(_SCAN_AFTER):  # (a review of one reply never builds it)
        assert set(many.found_in("ab")) == {s for s in _STRINGS if s in "ab"}
    assert many._scan is None
    many.found_in("ab")
    assert many._scan is not None
    for _ in range(_SCAN_AFTER + 1):
        few.found_in("ab")
    assert few._scan is None
    prepared = _Needs(_STRINGS)
    prepared.prepare()
    assert prepared._scan is not None


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab .\nc", max_size=40), st.booleans())
def test_the_scan_finds_every_string_the_text_holds(text: str, none: bool) -> None:
    strings = [*_STRINGS, *([""] if none else [])]  # ("": a regex that needs nothing, in every text)
    needs = _Needs(strings)
    needs.prepare()  # (the scan at once)
    found = needs.found_in(text)
    assert set(found) == {s for s in strings if s in text}


def test_a_multimatcher_runs_the_regexes_whose_strings_a_text_holds() -> None:
    names = ["acknowledgment_openers", "owned_steps", "actions", "impersonal_apologies", "feelings"]
    multi = MultiMatcher(names)
    for text in ("I completely understand how frustrating this must be, and I'm sorry.",
                 "We regret any inconvenience. I've gone ahead and refunded the order; it's been sent today.",
                 "Thanks for your patience while we looked into it - I've escalated it to our team."):
        folded = fold(text)
        got = multi.spans(Tokens(folded))
        for name in names:
            assert got[name] == pattern(name).spans(folded, folded=True), name
