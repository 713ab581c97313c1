"""Warmth counts sentence ends from a run's first mark: the same count as before, and a long run of
'!' followed by a letter is read once (a 100 KB run took two minutes to review)."""

from __future__ import annotations

import re

import pytest

from scriptkit.rules.warmth import _SENTENCE_END

FORMER = re.compile(r"[.!?]+(?:\s|$)")


@pytest.mark.parametrize("text", ["Hi!! there. Sorry?", "Wow!!x. Hi", "a.. b...", "Done!", "no end", "?!? x!",
                                  "One. Two! Three?\nFour...\tFive"])
def test_sentence_ends_are_counted_as_before(text: str) -> None:
    assert len(_SENTENCE_END.findall(text)) == len(FORMER.findall(text))
