"""A '!' inside text ("Merci !", French typography, or "Thanks !!") is no YAML tag: such a file keeps the fast
parser (a tag opens a node only, and then the round-trip parser reads the file, as before)."""

from __future__ import annotations

from scriptkit.loading import _fast_parse
from scriptkit.sourcetext import SourceText


def _fast(text: str) -> bool:
    return _fast_parse(text, SourceText("a.yaml", text)) is not None


def test_an_exclamation_mark_in_text_keeps_the_fast_path() -> None:
    assert _fast("id: a\nsolution: Merci ! Je vous rembourse aujourd'hui.\nwarm_language: Thanks !!\n")


def test_a_tag_still_leaves_it() -> None:
    for text in ("solution: !!str 100%\n", "solution:\n  - !x I'll call\n", "tags: [a, !x b]\n", "a: 1\n!t b: 2\n"):
        assert not _fast(text), text
