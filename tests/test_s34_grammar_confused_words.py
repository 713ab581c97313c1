"""Confused words ("its" for "it's", "you" for "your") are grammar (SK902) with LanguageTool's own message, never
fixed by --fix; a doubled word is the one grammar fix applied. Against the session's real LanguageTool server."""

from __future__ import annotations

from scriptkit.linting import lint_pack
from scriptkit.loading import load_pack
from tests.test_grammar import grammar_cache, lt_url  # noqa: F401  (the session's one server)


def test_a_confused_word_is_a_grammar_suggestion_with_languagetools_message(make_pack, lt_url,  # noqa: F811
                                                                             grammar_cache) -> None:  # noqa: F811
    # 'its' was SK901 "possible spelling mistake" with a safe fix to "it's", applied by --fix
    script = ("id: late\ntitle: Late\nacknowledgment: \"I'm sorry the parcel is late, and its my fault.\"\n"
              "solution: \"I've sent a replacement today, and it will arrive on Friday.\"\n")
    pack = load_pack(make_pack({"a.yaml": script}, "name: T\n"))
    found = [d for d in lint_pack(pack, grammar=lt_url, channels=["email"]).diagnostics if d.code.startswith("SK9")]
    (its,) = [d for d in found if d.text == "its"]
    assert its.code == "SK902", found
    assert "Did you mean" in its.message and "possible spelling mistake" not in its.message
    assert its.fix is None
    assert its.suggestion is not None and "it's" in its.suggestion
