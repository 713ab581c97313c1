"""A capitalised word the spell checker does not know, recurring in a run, is likely a name of the team's: the
finding says where to add it. Against the session's real LanguageTool server."""

from __future__ import annotations

import scriptkit
from scriptkit.linting import lint_pack
from scriptkit.loading import load_pack
from tests.test_grammar import grammar_cache, lt_url  # noqa: F401  (the session's one server)


def _script(sid: str, ack: str) -> str:
    return (f"id: {sid}\ntitle: {sid}\nacknowledgment: \"{ack}\"\n"
            "solution: \"I've sent a replacement today, and it will arrive on Friday.\"\n")


def test_a_recurring_unknown_capitalised_word_suggests_the_dictionary(make_pack, lt_url,  # noqa: F811
                                                                     grammar_cache) -> None:  # noqa: F811
    # "Paysend" was flagged in every reply with only "Pay send, Pays end" to go on
    pack = load_pack(make_pack({"a.yaml": _script("a", "I'm sorry your Paysend transfer is late."),
                                "b.yaml": _script("b", "I'm sorry Paysend held your payment."),
                                "c.yaml": _script("c", "I'm sorry the Zorbly card was declined.")}, "name: T\n"))
    found = [d for d in lint_pack(pack, grammar=lt_url, channels=["email"]).diagnostics if d.code == "SK901"]
    recurring = [d for d in found if d.text == "Paysend"]
    assert len(recurring) == 2, found
    for d in recurring:
        assert d.suggestion is not None and "grammar: dictionary:" in d.suggestion and "pack.yaml" in d.suggestion
        assert d.fix is None
    (once,) = [d for d in found if d.text == "Zorbly"]
    assert once.suggestion is None or "dictionary" not in once.suggestion


def test_in_a_reviewed_reply_the_hint_names_scriptkit_toml(lt_url, grammar_cache) -> None:  # noqa: F811
    reply = "Hi Sam,\n\nI'm sorry your Paysend transfer is late. Paysend has it now.\n\nBest,\nJo\n"
    found = [d for d in scriptkit.lint_text(reply, grammar=lt_url).diagnostics if d.text == "Paysend"]
    assert len(found) == 2 and all(d.suggestion and "[options.spelling]" in d.suggestion for d in found), found
