"""linting.warm() / lexicon.prepare(): one-off costs paid up front, findings unchanged."""

from __future__ import annotations

import re

from scriptkit.config import LintConfig
from scriptkit.linting import lint_text, warm
from scriptkit.rules import lexicon
from scriptkit.rules.lexicon import PhraseTable, pattern, prepare, table

REPLY = ("Hi Ana,\n\nWe apologize for any inconvenience caused. Please be advised that your refund "
         "has been processed. Per our policy, it takes 5-7 business days.\n\nKind regards,\nSupport")


def _findings(text: str) -> list[tuple[str, int, int, str]]:
    result = lint_text(text, config=LintConfig().override(grammar="off"))
    return [(d.code, d.location.line, d.location.col, d.message) for d in result.diagnostics]


def test_prepare_compiles_every_lexicon_list_and_table() -> None:
    robotic = table("robotic.yaml", "closers", re.MULTILINE)
    prepare()
    for name in lexicon.lexicon():
        matcher = pattern(name)
        assert all(rx._compiled is not None for rx in matcher._regexes), name
        assert matcher._local is not None, name
    assert robotic.matcher._regexes and all(rx._compiled is not None for rx in robotic.matcher._regexes)
    # each entry that is no literal phrase has its own matcher, compiled (entry_for asks it)
    assert len(robotic._own) == len(robotic._others)
    assert all(rx._compiled is not None for own in robotic._own.values() for rx in own._regexes)


def test_prepare_reaches_a_table_made_after_the_lexicon() -> None:
    made = PhraseTable([{"phrase": "re:as per (?:our|my) (?:policy|email)"}, {"phrase": "kindly"}])
    assert made.matcher._regexes[0]._compiled is None  # (lazy: compiled when a text first needs it)
    prepare()
    assert made.matcher._regexes[0]._compiled is not None
    assert [e["phrase"] for _, _, e in made.finditer("As per our policy, kindly wait.")] == [
        "re:as per (?:our|my) (?:policy|email)", "kindly"]


def test_warm_leaves_findings_unchanged() -> None:
    before = _findings(REPLY)
    assert before  # (a reply with findings: the comparison below says something)
    warm()
    assert _findings(REPLY) == before
