"""A British pack's '-ise' spellings are correct British English: LanguageTool's Oxford-spelling rule
(OXFORD_SPELLING_Z_NOT_S) is off for en-GB unless the team turns it on. Real server, no mock."""

from __future__ import annotations

from scriptkit.linting import lint_pack
from scriptkit.loading import load_pack
from tests.test_grammar import grammar_cache, lt_url  # noqa: F401  (the session's one server)

_REPLY = ("id: reply\ntitle: Reply\n"
          "acknowledgment: 'I realise the parcel was late, and I apologise for the wait.'\n"
          "solution: 'I have organised a replacement, and it will arrive on Friday.'\n")


def _oxford(make_pack, url: str, grammar: str = "") -> list[str]:  # type: ignore[no-untyped-def]
    pack = load_pack(make_pack({"a.yaml": _REPLY}, f"name: Tea shop\nlocale: en-GB\n{grammar}"))
    found = lint_pack(pack, grammar=url, channels=["email"]).diagnostics
    return [d.format() for d in found if "OXFORD_SPELLING" in d.message]


def test_british_ise_spellings_are_not_flagged(make_pack, lt_url, grammar_cache) -> None:  # noqa: F811
    assert _oxford(make_pack, lt_url) == []


def test_the_team_can_turn_oxford_spelling_back_on(make_pack, lt_url, grammar_cache) -> None:  # noqa: F811
    found = _oxford(make_pack, lt_url, "grammar:\n  enabled_rules: [OXFORD_SPELLING_Z_NOT_S]\n")
    assert len(found) == 3 and any("(suggestion: apologize)" in f for f in found), found
