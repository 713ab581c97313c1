"""The HTML audit report never shows a shortened quote or list as if it were whole.

A finding quoting 174 characters showed its first 160, ending "...refund the order in full
right away", with no mark that the rest (a sign-off) was left out; the duplicate groups past
100 and the contradictions past 50 were left out without a word.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest

from scriptkit.audit import AuditReport, CommonProblem, audit
from scriptkit.config import LintConfig
from scriptkit.reporters.html import render_html
from scriptkit.sprawl import Contradiction, DuplicateGroup, Quantity

# (no acknowledgment: the email is too short to leave it out, so SK105 and SK301 quote the whole reply)
LONG = ("Your parcel is late. I've sent a replacement today and it arrives within 3 days. If it doesn't, "
        "reply here and I'll refund the order in full right away.\nSupport Team")


def _quotes(page: str) -> list[str]:
    return [html.unescape(q) for q in re.findall(r"&ldquo;<bdi>(.*?)</bdi>&rdquo;", page, re.S)]


@pytest.mark.timeout(120)
def test_a_shortened_quote_ends_with_an_ellipsis(tmp_path: Path) -> None:
    source = tmp_path / "macros.json"
    source.write_text(json.dumps({"macros": [{"id": 1, "title": "Late", "active": True, "actions": [
        {"field": "comment_value", "value": LONG}]}]}), encoding="utf-8")
    # (SK105's short email, asked for: by default it reports none, and its finding quotes the whole reply)
    report = audit(source, config=LintConfig(options={"email-length": {"min_words": 50}}))
    whole = {d.text for m in report.macros for d in m.diagnostics if d.text}
    assert LONG in whole  # (the finding quotes the whole reply: JSON has all of it)
    quotes = _quotes(render_html(report))
    assert LONG not in quotes
    cut = [q for q in quotes if q.startswith("Your parcel") and q != LONG]
    assert cut, quotes
    for q in cut:
        assert q.endswith("…") and LONG.startswith(q[:-1])
    for q in quotes:  # every quote is either whole or says it is not
        assert q in whole or q.endswith("…") or q == "Late"


def test_a_quote_at_the_limit_is_whole_and_a_longer_one_is_cut_at_a_word() -> None:
    from scriptkit.reporters.html import _quote

    exactly = "x" * 160
    assert html.unescape(_quote(exactly, 160)) == f"“<bdi>{exactly}</bdi>”"
    longer = "word " * 40
    shown = html.unescape(_quote(longer, 120))
    assert shown.endswith("…</bdi>”") and len(shown) <= 134 and not shown.endswith(" …</bdi>”")


def _group(i: int) -> DuplicateGroup:
    return DuplicateGroup("exact", [f"a{i}", f"b{i}"], 1.0)


def _contradiction(i: int) -> Contradiction:
    quantity = Quantity(f"m{i}", f"topic {i}", "days", "3", "It takes 3 days.")
    other = Quantity(f"n{i}", f"topic {i}", "days", "5", "It takes 5 days.")
    return Contradiction(f"topic {i}", "days", {"3": [quantity], "5": [other]})


def test_tables_say_how_many_rows_were_left_out() -> None:
    common = [CommonProblem(f"SK{100 + i}", f"rule-{i}", "readability", 1, 1) for i in range(17)]
    report = AuditReport("lib.json", "zendesk", [], common, [_group(i) for i in range(103)],
                         [_contradiction(i) for i in range(52)])
    page = render_html(report)
    assert "and 2 more kind(s) of problem" in page
    assert "and 3 more group(s)" in page
    assert "and 2 more contradiction(s)" in page
    few = render_html(AuditReport("lib.json", "zendesk", [], common[:15], [_group(0)], [_contradiction(0)]))
    assert " more kind(s)" not in few and " more group(s)" not in few and " more contradiction(s)" not in few
