"""A British spelling in an en-US pack (or an American one in an en-GB pack) is the pack's locale to set, not a
typo for --fix to "correct". Against the session's real LanguageTool server, and the twin test as plain logic."""

from __future__ import annotations

import pytest

from scriptkit.english_spelling import regional_twin
from scriptkit.linting import lint_pack
from scriptkit.loading import load_pack
from tests.test_grammar import grammar_cache, lt_url  # noqa: F401  (the session's one server)


@pytest.mark.parametrize(("word", "other", "british"), [
    ("apologise", "apologize", True), ("organised", "organized", True), ("colour", "color", True),
    ("Favour", "Favor", True), ("centre", "center", True), ("cancelled", "canceled", True),
    ("realize", "realise", False), ("color", "colour", False), ("analyzing", "analysing", False)])
def test_regional_twins_are_told(word: str, other: str, british: bool) -> None:
    assert regional_twin(word, other) == ("en-GB" if british else "en-US")


@pytest.mark.parametrize(("word", "other"), [("recieved", "received"), ("advize", "advise"), ("your", "you"),
                                             ("promize", "promise"), ("colour", "colours")])
def test_other_corrections_are_no_twins(word: str, other: str) -> None:
    assert regional_twin(word, other) is None


def _spelling(make_pack, url: str, sentence: str, pack_yaml: str):  # type: ignore[no-untyped-def]
    script = (f"id: late\ntitle: Late\nacknowledgment: \"{sentence}\"\n"
              "solution: \"I've sent a replacement today, and it will arrive on Friday.\"\n")
    pack = load_pack(make_pack({"a.yaml": script}, pack_yaml))
    return [d for d in lint_pack(pack, grammar=url, channels=["email"]).diagnostics if d.code == "SK901"]


def test_a_british_spelling_in_an_en_us_pack_is_not_fixed_and_names_the_locale(make_pack, lt_url,  # noqa: F811
                                                                               grammar_cache) -> None:  # noqa: F811
    # --fix rewrote "apologise" to "apologize" and exited 0, Americanizing a British team's library
    (found,) = _spelling(make_pack, lt_url, "I apologise, I recieved your note late.", "name: T\n")[:1]
    assert found.text == "apologise" and found.fix is None
    assert found.suggestion is not None and "set locale: en-GB in pack.yaml" in found.suggestion
    typo = _spelling(make_pack, lt_url, "I apologise, I recieved your note late.", "name: T\n")[1]
    assert typo.text == "recieved" and typo.fix is not None  # a plain typo is still fixed


def test_an_american_spelling_in_an_en_gb_pack_is_not_fixed(make_pack, lt_url, grammar_cache) -> None:  # noqa: F811
    (found,) = _spelling(make_pack, lt_url, "I'm sorry the color was wrong.", "name: T\nlocale: en-GB\n")
    assert found.text == "color" and found.fix is None
    assert found.suggestion is not None and "locale: en-US" in found.suggestion
