"""Every machine-readable report locates a finding at the file's own text: the region covers what the
finding is about (a whole placeholder, not its first brace), and SARIF's snippet is the file's text in
that region, not the reply as rendered."""

from __future__ import annotations

import io
import json
import re
import textwrap
from pathlib import Path
from typing import Any

import pytest

from scriptkit import load_pack
from scriptkit.config import LintConfig
from scriptkit.linting import LintResult, lint_pack, lint_text
from scriptkit.reporters.github import annotation
from scriptkit.sourcetext import SourceText, expression_end, extent_of

WAIT = textwrap.dedent("""\
    id: wait
    title: "Orders::Wait"
    channels: [email, chat]
    acknowledgment: I can see how worrying the wait is, {{ customer.first_name }}.
    warm_language: >
      Thanks so much for bearing with us,
      it really means a lot.
    solution: |
      I have chased the courier and I'll email you by {{ blank.day }} with news.
    flexibility:
      blanks:
        - name: day
          prompt: The day the courier promised
    """)

COLD = textwrap.dedent("""\
    id: late
    title: "Shipping::Late"
    channels: [email, sms]
    acknowledgment: 'We have received your inquiry regarding order {{ order.number | fallback(''it'') }}.'
    warm_language: "We regret any inconvenience caused. Please be advised that delays are occasionally unavoidable."
    solution: "Per our policy, the matter is being processed. Do not hesitate to contact us should you \\
      require further assistance within {{ support_hours }}."
    """)

PACK = textwrap.dedent("""\
    name: Regions
    constants:
      support_hours: "9 to 5"
      never_used: "nothing"
    channels:
      email:
        greeting: "Hello {{ customer.first_name }},"
        signoff: "Take care"
    """)


def _report(result: LintResult, fmt: str) -> str:
    out = io.StringIO()
    result.report(out, fmt)
    return out.getvalue()


@pytest.fixture
def linted(make_pack: Any) -> LintResult:
    root = make_pack({"wait.yaml": WAIT, "late.yaml": COLD}, pack_yaml=PACK)
    pack = load_pack(root)
    # (SK105's short email, asked for: a finding on the whole reply, which it reports by default only when long)
    asked = LintConfig(options={"email-length": {"min_words": 50}})
    return lint_pack(pack, asked.override(grammar="off"), jobs=1)


def _file_text(path: str, start: tuple[int, int], end: tuple[int, int]) -> str:
    source = SourceText(path, Path(path).read_text(encoding="utf-8"))
    return source.text[source.offset(start[0] - 1, start[1] - 1):source.offset(end[0] - 1, end[1] - 1)]


def _sarif(result: LintResult) -> list[dict[str, Any]]:
    results: list[dict[str, Any]] = json.loads(_report(result, "sarif"))["runs"][0]["results"]
    return results


@pytest.mark.timeout(60)
def test_a_placeholder_without_a_fallback_is_located_at_the_whole_placeholder(linted: LintResult) -> None:
    found = [d for d in linted.diagnostics if d.code == "SK001"]
    assert {Path(d.location.file).name for d in found} == {"wait.yaml", "pack.yaml"}
    for d in found:
        end = (int(d.extra["end_line"]), int(d.extra["end_col"]))
        assert _file_text(d.location.file, (d.location.line, d.location.col), end) == "{{ customer.first_name }}"
    sarif = [r for r in _sarif(linted) if r["ruleId"] == "SK001"]
    assert [r["locations"][0]["physicalLocation"]["region"]["snippet"]["text"] for r in sarif] \
        == ["{{ customer.first_name }}"] * 2
    annotations = [annotation(d) for d in found]  # (the report: at most 10 of a kind, test_s32_ci_integration)
    assert len(annotations) == 2
    for line, d in zip(annotations, found, strict=True):
        assert f"line={d.location.line},col={d.location.col},endLine={d.location.line}," \
               f"endColumn={d.location.col + len('{{ customer.first_name }}')}," in line


@pytest.mark.timeout(60)
def test_sarif_snippets_are_the_files_text_in_the_region_and_the_formats_agree(linted: LintResult) -> None:
    sarif = _sarif(linted)
    data = json.loads(_report(linted, "json"))["diagnostics"]
    github = [annotation(d) for d in linted.diagnostics]
    junit = _report(linted, "junit")
    assert len(sarif) == len(data) == len(github) == len(linted.diagnostics) > 10
    snippets = 0
    for d, res, js, gh in zip(linted.diagnostics, sarif, data, github, strict=True):
        region = res["locations"][0]["physicalLocation"]["region"]
        where = (region["startLine"], region["startColumn"], region.get("endLine"), region.get("endColumn"))
        assert where == (js["line"], js["col"], js["end_line"], js["end_col"]), d.format()
        if js["end_line"] is None or js["end_line"] == js["line"]:
            assert f"line={js['line']},col={js['col']}," in gh
            if js["end_line"] is not None:
                assert f"endLine={js['end_line']},endColumn={js['end_col']}," in gh
        else:  # (GitHub takes columns only on one line)
            assert f"line={js['line']},endLine={js['end_line']},title=" in gh
        assert f"{js['line']}:{js['col']} {d.code}" in junit
        if d.text:  # the reply's own words stay in the report
            assert res["properties"]["text"] == d.text == js["text"]
        if "snippet" in region:
            snippets += 1
            file = str(Path(d.location.file))
            assert region["snippet"]["text"] == _file_text(file, where[:2], (where[2], where[3])), d.format()
    assert snippets >= 8
    by_code = {r["ruleId"]: r["locations"][0]["physicalLocation"]["region"] for r in sarif}
    # a corporate phrase over a line escaped in a double-quoted scalar: the file's text, backslash and all
    folded = next(r["locations"][0]["physicalLocation"]["region"] for r in sarif
                  if r["ruleId"] == "SK201" and "should you" in r["properties"]["text"])
    assert folded["snippet"]["text"].startswith("should you \\\n  require")
    # single quotes doubled in the file are as the file has them; the placeholder as written
    assert "{{ order.number | fallback(''it'') }}" in by_code["SK301"]["snippet"]["text"]
    # a finding on the whole reply covers its slots, and quotes no file text: their keys lie between them
    assert "snippet" not in by_code["SK105"] and "endLine" in by_code["SK105"]
    # a script with no room for the agent is told at its start: a point, no snippet, the title as its text
    assert "snippet" not in by_code["SK406"] and "endLine" not in by_code["SK406"]


@pytest.mark.timeout(60)
def test_a_finding_a_rule_locates_itself_is_given_its_extent(linted: LintResult) -> None:
    unused = next(d for d in linted.diagnostics if d.code == "SK002")
    end = (int(unused.extra["end_line"]), int(unused.extra["end_col"]))
    assert _file_text(unused.location.file, (unused.location.line, unused.location.col), end) == "never_used"


@pytest.mark.timeout(60)
def test_a_reviewed_html_reply_quotes_the_html_as_given() -> None:
    html = "<p>We regret <b>any inconvenience</b> caused.</p><p>Please be advised that delays happen.</p>"
    result = lint_text(html, config=LintConfig().override(grammar="off"), file="reply.html")
    regret = next(r for r in _sarif(result) if r["ruleId"] == "SK201")
    assert regret["locations"][0]["physicalLocation"]["region"]["snippet"]["text"] \
        == "We regret <b>any inconvenience</b> caused"
    assert regret["properties"]["text"] == "We regret any inconvenience caused"


def test_an_expression_ends_at_its_own_braces() -> None:
    text = "a {{ x | fallback('}}') }} b {{ y }}"
    assert text[2:expression_end(text, 2)] == "{{ x | fallback('}}') }}"
    assert expression_end(text, 0) is None
    assert expression_end("{{ x ", 0) is None
    doubled = "'{{ x | fallback(''there'') }} ok'"
    assert doubled[1:expression_end(doubled, 1)] == "{{ x | fallback(''there'') }}"
    assert extent_of("Hi {{ a.b }}, [[c]] {{ blank.c }}!", 0, "Hi {{a.b}}, [[c]] [[c]]!") is None
    assert extent_of("Hi {{ a.b }}, {{ blank.c }}!", 0, "Hi {{a.b}}, [[c]]!") == len("Hi {{ a.b }}, {{ blank.c }}!")
    assert extent_of("Hi there", 0, "Hi {{a.b}}") is None


@pytest.mark.timeout(60)
def test_long_hostile_text_is_read_back_in_linear_time() -> None:
    for text, rendered in (("{{" + "'" * 50_000, "{{a}}"), ("{{a{{a" * 10_000, "{{a" * 10_000),
                           ("{" * 50_000, "{{" * 25_000), ("[[" * 25_000, "[[" + "a" * 50_000)):
        extent_of(text, 0, rendered)
        expression_end(text, 0)
    assert re.fullmatch(r"\{\{'+", "{{'''")
