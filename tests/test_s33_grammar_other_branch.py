"""Grammar and spelling (SK9xx) read the text of an '{% if %}' branch the constants do not take today, as the phrase
rules do: "I'll call you tomorow" under '{% else %}' of '{% if open_today %}' went to customers unchecked the day
open_today flipped. Each such finding is at the typo in the YAML and says when that text is sent; a typo in text
every branch shares is told once; a script that tests no constant is sent to LanguageTool once, as before.
Run against the real local server, as tests/test_grammar.py does."""

from __future__ import annotations

from typing import Any

import pytest

from scriptkit.engines.languagetool import checker
from scriptkit.linting import lint_pack
from scriptkit.loading import load_pack
from tests.conftest import run_cli
from tests.test_grammar import grammar_cache, lt_url  # noqa: F401  (the session's one server)

PACK = 'name: Hours\nconstants:\n  open_today: true\nchannels: {email: {greeting: "", signoff: ""}}\n'
SCRIPT = """id: hours
title: Hours
acknowledgment: "I'm sorry you waited so long for an answer."
solution: "{% if open_today %}We are open until six, and I'll call you this afternoon.{% else %}We are closed today, \
and I'll call you tomorow morning.{% endif %}"
"""

pytestmark = pytest.mark.usefixtures("grammar_cache")


def _grammar(make_pack: Any, url: str, script: str = SCRIPT, pack: str = PACK) -> tuple[list[tuple[str, int, int, str]],
                                                                                        int]:
    """The SK9xx findings (code, line, col, message) and the texts LanguageTool checked (asked for, less those
    answered from the cache: each of the three SK9xx rules asks)."""
    root = make_pack({"a.yaml": script}, pack)
    stats = checker(url).stats
    before = stats.documents - stats.memory_hits - stats.disk_hits
    result = lint_pack(load_pack(root), grammar=url, channels=["email"], jobs=1)
    found = [(d.code, d.location.line, d.location.col, d.message) for d in result.diagnostics
             if d.code.startswith("SK9")]
    return found, stats.documents - stats.memory_hits - stats.disk_hits - before


def test_a_typo_in_the_branch_not_taken_today_is_found_at_its_place_and_says_when_it_is_sent(
        make_pack: Any, lt_url: str) -> None:  # noqa: F811
    found, _ = _grammar(make_pack, lt_url)
    col = SCRIPT.splitlines()[3].index("tomorow") + 1
    assert [(code, line, c) for code, line, c, _ in found] == [("SK901", 4, col)]
    assert found[0][3].startswith("possible spelling mistake 'tomorow'")
    assert found[0][3].endswith("(in the text sent when open_today is false)")


def test_the_same_typo_in_the_branch_taken_today_is_told_as_today(make_pack: Any, lt_url: str) -> None:  # noqa: F811
    found, _ = _grammar(make_pack, lt_url, pack=PACK.replace("open_today: true", "open_today: false"))
    assert [(code, line) for code, line, *_ in found] == [("SK901", 4)] and "(in the text sent" not in found[0][3]


def test_a_typo_every_branch_shares_is_told_once(make_pack: Any, lt_url: str) -> None:  # noqa: F811
    script = SCRIPT.replace("tomorow", "tomorrow").replace("waited so long", "waitted so long")
    found, asked = _grammar(make_pack, lt_url, script)
    assert [(code, line, message.endswith("open_today is false)")) for code, line, _, message in found] == [
        ("SK901", 3, False)]
    assert asked == 2  # (today's reply and the other branch's)


def test_a_script_that_tests_no_constant_is_sent_once(make_pack: Any, lt_url: str) -> None:  # noqa: F811
    script = SCRIPT.replace("{% if open_today %}", "").replace("{% else %}", " ").replace("{% endif %}", "")
    found, asked = _grammar(make_pack, lt_url, script)
    assert [code for code, *_ in found] == ["SK901"] and asked == 1


def test_fix_mends_the_typo_in_the_source(make_pack: Any, lt_url: str) -> None:  # noqa: F811
    root = make_pack({"a.yaml": SCRIPT}, PACK)
    run_cli("check", str(root), "--grammar", lt_url, "--fix")
    assert "and I'll call you tomorrow morning.{% endif %}" in (root / "scripts" / "a.yaml").read_text(encoding="utf-8")
