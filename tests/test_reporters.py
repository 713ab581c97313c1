"""Each output format, parsed back: json, sarif, junit XML, github annotations, text."""

from __future__ import annotations

import io
import json
import re
import sys
import textwrap
import xml.etree.ElementTree as ET
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from scriptkit.config import LintConfig
from scriptkit.diagnostics import Severity
from scriptkit.errors import ConfigError
from scriptkit.linting import LintResult, lint_pack, lint_text
from scriptkit.loading import load_pack
from scriptkit.reporters import FORMATS, get_reporter

PACK = textwrap.dedent("""\
    name: Test pack
    rules:
      select: [custom]
      custom:
        - name: say-refund
          kind: substitution
          swap: {store credit: refund}
        - name: no-unfortunately
          kind: existence
          terms: [unfortunately]
          severity: error
          suggestion: Say what you can do.
        - name: thank-them
          kind: occurrence
          terms: [thank you]
          min: 1
          severity: suggestion
    """)
BAD = textwrap.dedent("""\
    id: refund-ask
    title: "Refunds: ask"
    channels: [email, chat]
    acknowledgment: "I can see how frustrating this is, 100% of it."
    # a comment the reporters never touch
    solution: "Unfortunately we give store credit, not cash."
    """)
CLEAN = textwrap.dedent("""\
    id: thanks
    title: Thanks
    acknowledgment: "Thank you for waiting, I know it's been a while."
    solution: "I've sent your refund today."
    """)


@pytest.fixture
def result(make_pack: Any) -> LintResult:
    return lint_pack(load_pack(make_pack({"bad.yaml": BAD, "clean.yaml": CLEAN}, pack_yaml=PACK)))


def render(result: LintResult, fmt: str) -> str:
    out = io.StringIO()
    get_reporter(fmt)(result, out)
    return out.getvalue()


def test_registry() -> None:
    assert FORMATS == ("text", "json", "sarif", "github", "junit", "gitlab", "concise")
    with pytest.raises(ConfigError, match="unknown output format 'xml'"):
        get_reporter("xml")


def test_json(result: LintResult) -> None:
    data = json.loads(render(result, "json"))
    assert data["summary"] == {"total": 3, "error": 1, "warning": 1, "suggestion": 1, "fixable": 1,
                               "fail_on": "warning", "failed": True}
    by_code = {d["code"]: d for d in data["diagnostics"]}
    refund = by_code["SK801"]
    assert refund["file"].endswith("scripts/bad.yaml") and (refund["line"], refund["col"]) == (6, 34)
    assert refund["slot"] == "solution" and refund["channels"] == ["email", "chat"]
    assert refund["fix"]["edits"][0]["replacement"] == "refund"
    assert (refund["end_line"], refund["end_col"]) == (6, 34 + len("store credit"))
    assert by_code["SK802"]["suggestion"] == "Say what you can do."
    assert by_code["SK802"]["severity"] == "error"


def test_sarif(result: LintResult) -> None:
    data = json.loads(render(result, "sarif"))
    assert data["version"] == "2.1.0" and data["$schema"].endswith("sarif-2.1.0.json")
    (run,) = data["runs"]
    driver = run["tool"]["driver"]
    assert driver["name"] == "scriptkit"
    ids = [r["id"] for r in driver["rules"]]
    assert ids == ["SK801", "SK802", "SK803"]
    for rule in driver["rules"]:
        assert rule["shortDescription"]["text"] and rule["fullDescription"]["text"]
        assert rule["defaultConfiguration"]["level"] in ("error", "warning", "note")
        assert "## What it does" in rule["help"]["markdown"]
    assert {r["level"] for r in run["results"]} == {"error", "warning", "note"}
    for res in run["results"]:
        assert ids[res["ruleIndex"]] == res["ruleId"]
        loc = res["locations"][0]["physicalLocation"]
        assert loc["artifactLocation"]["uri"].endswith(".yaml") and "\\" not in loc["artifactLocation"]["uri"]
        assert loc["region"]["startLine"] >= 1 and loc["region"]["startColumn"] >= 1
        assert res["message"]["text"]
    fixed = next(r for r in run["results"] if r["ruleId"] == "SK801")
    region = fixed["locations"][0]["physicalLocation"]["region"]
    assert (region["startColumn"], region["endLine"], region["endColumn"]) == (34, 6, 46)
    (replacement,) = fixed["fixes"][0]["artifactChanges"][0]["replacements"]
    assert replacement["insertedContent"]["text"] == "refund"
    assert replacement["deletedRegion"]["charLength"] == len("store credit")


def test_junit(result: LintResult) -> None:
    root = ET.fromstring(render(result, "junit"))
    assert root.tag == "testsuites"
    suites = {s.get("name", ""): s for s in root.findall("testsuite")}
    bad = next(s for n, s in suites.items() if n.endswith("bad.yaml"))
    clean = next(s for n, s in suites.items() if n.endswith("clean.yaml"))
    assert bad.get("tests") == "3" and bad.get("failures") == "2"  # the suggestion does not fail
    assert clean.get("tests") == "1" and clean.get("failures") == "0"
    assert clean.find("testcase/failure") is None
    failures = bad.findall("testcase/failure")
    assert {f.get("type") for f in failures} == {"error", "warning"}
    assert root.get("failures") == "2"
    # a finding below fail-on passes, and says so: "suggestion: bad.yaml:... \n  suggestion: ..."
    # read as two suggestions, the severity and the advice under one word
    [passed] = [c for c in bad.findall("testcase") if c.find("failure") is None]
    out = passed.findtext("system-out") or ""
    assert "bad.yaml:" in out.splitlines()[0] and " SK" in out.splitlines()[0], out
    assert out.splitlines()[-1] == "  severity: suggestion, below fail-on (warning): this case passes", out


def test_github(result: LintResult) -> None:
    lines = render(result, "github").splitlines()
    assert len(lines) == 3
    # columns only for a region on one line (GitHub refuses col/endColumn where endLine is another line)
    pattern = re.compile(r"^::(error|warning|notice) file=([^,]+),line=(\d+),"
                         r"(?:col=(\d+),(?:endLine=\3,endColumn=\d+,)?|endLine=(?!\3,)\d+,)title=([^:]+)::(.+)$")
    parsed = [pattern.match(line) for line in lines]
    assert all(parsed)
    levels = {m.group(1) for m in parsed if m}
    assert levels == {"error", "warning", "notice"}
    first = next(m for m in parsed if m and m.group(1) == "error")
    assert first.group(2).endswith("bad.yaml") and first.group(3) == "6"
    assert first.group(5) == "SK802 [no-unfortunately]"
    assert "line=6,col=12,endLine=6,endColumn=25," in first.group(0)  # "Unfortunately" is 13 characters


def test_github_gives_a_region_over_several_lines_its_lines_without_columns(tmp_path: Path) -> None:
    # a finding on the whole reply (and on a paragraph of two lines) spans lines: GitHub Actions takes col and
    # endColumn only on a one-line annotation, so such a one is told by line and endLine alone
    reply = tmp_path / "reply.txt"
    reply.write_text("Hi Dana,\n\nPer our policy we cannot reship.\nUnfortunately that is final.\n\nRegards\n",
                     encoding="utf-8")
    result = lint_text(reply.read_text(encoding="utf-8"), file=str(reply))
    spans = [d for d in result.diagnostics if d.extra.get("end_line", str(d.location.line)) != str(d.location.line)]
    assert spans  # (the reply's own findings: the test is about them)
    lines = render(result, "github").splitlines()
    for d in spans:
        line = next(x for x in lines if f"title={d.code} " in x)
        assert f",line={d.location.line},endLine={d.extra['end_line']},title=" in line, line
        assert "col=" not in line and "endColumn=" not in line, line
    one_line = next(d for d in result.diagnostics if d.extra.get("end_line") == str(d.location.line))
    line = next(x for x in lines if f"title={one_line.code} " in x and f"col={one_line.location.col}," in x)
    assert (f",line={one_line.location.line},col={one_line.location.col},endLine={one_line.location.line},"
            f"endColumn={one_line.extra['end_col']},") in line


def test_sarif_and_github_end_the_message_before_the_suggestion() -> None:
    # "policy language "Per our policy" Suggestion: Explain ..." read as one run-on sentence
    result = lint_text("Hi Dana,\n\nPer our policy we cannot reship. I've refunded you today.\n", file="r.txt")
    sk305 = next(d for d in result.diagnostics if d.code == "SK305")
    assert not sk305.message.endswith(".") and sk305.suggestion
    sarif = json.loads(render(result, "sarif"))
    texts = [r["message"]["text"] for r in sarif["runs"][0]["results"] if r["ruleId"] == "SK305"]
    assert texts == [f"{sk305.message}. Suggestion: {sk305.suggestion}"]
    github = [line for line in render(result, "github").splitlines() if "SK305" in line]
    assert github and github[0].endswith(f"::{sk305.message}. Suggestion: {sk305.suggestion}")
    # a message that ends its own sentence gets no second full stop
    from scriptkit.reporters import with_suggestion

    assert with_suggestion(replace(sk305, message="Stiff in a request.")) == (
        f"Stiff in a request. Suggestion: {sk305.suggestion}")
    assert with_suggestion(replace(sk305, suggestion=None)) == sk305.message


def test_github_escapes_newlines_and_percent() -> None:
    from scriptkit.reporters.github import _data, _prop

    assert _data("50%\nnext") == "50%25%0Anext"
    assert _prop("a:b,c") == "a%3Ab%2Cc"


def test_text_groups_by_file_with_context_and_caret(result: LintResult, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    text = render(result, "text")
    assert "bad.yaml" in text and "clean.yaml" not in text
    lines = text.splitlines()
    at = next(i for i, line in enumerate(lines) if "SK801 [say-refund]" in line)
    assert lines[at].lstrip().startswith("6:34")
    assert 'solution: "Unfortunately we give store credit, not cash."' in lines[at + 1]
    caret = lines[at + 2]
    source = lines[at + 1]
    assert caret.index("^") == source.index("store credit") and caret.count("^") == len("store credit")
    assert "solution · email, chat · fixable" in text
    assert "suggestion: Say what you can do." in text
    assert lines[-1] == "Found 3 problems (1 error, 1 warning, 1 suggestion). 1 fixable with --fix."
    assert "\x1b[" not in text


COLOUR = re.compile(r"\x1b\[[0-9;]*(3[0-7]|9[0-7]|38;)")


def test_text_colour_only_without_no_color(result: LintResult, monkeypatch: pytest.MonkeyPatch,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("FORCE_COLOR", "1")
    monkeypatch.setenv("TERM", "xterm")  # (a CI job's TERM=dumb turns colour off whatever FORCE_COLOR says)
    monkeypatch.delenv("NO_COLOR", raising=False)
    get_reporter("text")(result, sys.stdout)
    assert COLOUR.search(capsys.readouterr().out)
    monkeypatch.setenv("NO_COLOR", "1")
    get_reporter("text")(result, sys.stdout)
    assert not COLOUR.search(capsys.readouterr().out)


def test_a_report_written_to_a_file_has_no_colour_codes_even_with_force_color(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # FORCE_COLOR=1 (set in many CI setups) put escape codes into `-o report.txt`: an editor or a
    # ticket attachment showed them as "[1;4m" garbage
    from click.testing import CliRunner

    from scriptkit.cli import main

    monkeypatch.delenv("NO_COLOR", raising=False)
    reply = tmp_path / "reply.txt"
    reply.write_text("Hi Dana,\n\nPer our policy we cannot reship. Kindly wait.\n", encoding="utf-8")
    report = tmp_path / "report.txt"
    run = CliRunner().invoke(main, ["review", str(reply), "-o", str(report)], env={"FORCE_COLOR": "1"})
    assert run.exit_code == 1, run.output
    written = report.read_text(encoding="utf-8")
    assert "SK305" in written and "\x1b" not in written


def test_clean_text(make_pack: Any) -> None:
    clean = lint_pack(load_pack(make_pack({"clean.yaml": CLEAN}, pack_yaml=PACK)))
    said = render(clean, "text").strip()
    # one script is named, so a writer checking one file sees which was cleared
    assert said.startswith("All clear: no problems in 1 script (") and said.endswith("scripts/clean.yaml)."), said
    assert json.loads(render(clean, "json"))["diagnostics"] == []
    assert render(clean, "github") == ""
    assert ET.fromstring(render(clean, "junit")).get("failures") == "0"


def test_text_summary_says_in_words_why_findings_below_fail_on_pass(monkeypatch: pytest.MonkeyPatch) -> None:
    # "None at or above 'error', so the check passes" asked a writer to know what the quoted word was
    from scriptkit.config import LintConfig

    monkeypatch.setenv("NO_COLOR", "1")
    reply = "Hi Dana,\n\nPer our policy we cannot reship. I've refunded you today.\n"
    # (SK105's short-email suggestion, asked for: it reports no short email by default)
    asked = LintConfig(options={"email-length": {"min_words": 50}})
    result = lint_text(reply, file="r.txt", config=asked.override(fail_on="error"))
    assert not result.has_failures and result.count(Severity.WARNING) and result.count(Severity.SUGGESTION)
    last = render(result, "text").rstrip().splitlines()[-1]
    assert last.endswith(". Warnings and suggestions do not fail the check (fail-on: error)."), last
    only_suggestions = lint_text(reply, file="r.txt", config=asked.override(select=["SK105"]))
    assert not only_suggestions.has_failures and only_suggestions.diagnostics
    last = render(only_suggestions, "text").rstrip().splitlines()[-1]
    assert last.endswith(" Suggestions do not fail the check (fail-on: warning)."), last


def test_review_text_counts_the_sentences_of_the_reply_not_its_greeting_and_sign_off(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # "2 of 5 sentence(s) ... cleanly" for a reply whose every sentence was clean: the greeting and
    # the sign-off were counted as sentences that did not acknowledge or offer a solution
    monkeypatch.setenv("NO_COLOR", "1")
    reply = ("Hi Jordan,\n\nI can see how upsetting it is to lose notes you were counting on. "
             "I've restored them from Monday's backup today.\n\nTake care,\nPriya\n")
    result = lint_text(reply, file="reply.txt")
    slots = [s.slot for s in result.sentences]
    assert slots[0] == "greeting" and slots[-1] == "signoff" and len(slots) == 4, slots
    summary = next(line for line in render(result, "text").splitlines() if "cleanly" in line)
    assert summary.strip() == ("2 of 2 sentence(s) of the reply (greeting and sign-off aside) acknowledge, "
                               "show warmth or offer a solution cleanly; 0 marked ! could improve."), summary
    plain = lint_text("I can see how upsetting this is. I've restored your notes today.", file="r.txt")
    summary = next(line for line in render(plain, "text").splitlines() if "cleanly" in line)
    assert summary.strip().startswith("2 of 2 sentence(s) acknowledge"), summary


def test_review_text_says_where_a_quoted_thread_starts_inside_a_line(monkeypatch: pytest.MonkeyPatch) -> None:
    # Gmail's HTML is one line: "the quoted thread from line 1 on is not judged" read as "nothing was"
    monkeypatch.setenv("NO_COLOR", "1")
    html = ("<div>Hi Dana,</div><div>I can see how stressful a missing parcel is. I&#39;ve sent a new one "
            "today.</div><div>Best,</div><div>Priya</div><div class=\"gmail_quote\">On Tue, Nov 24, 2026 at "
            "10:02 AM Dana &lt;dana@example.com&gt; wrote:<blockquote>Where is it?</blockquote></div>")
    result = lint_text(html, file="reply.html")
    assert result.quoted_from is not None
    col = result.quoted_from + 1
    assert html[result.quoted_from:].startswith(("<div class", "On Tue"))
    text = render(result, "text")
    assert f"the quoted thread from line 1, column {col} on is not judged" in text, text
    two_lines = lint_text("I can see how upsetting this is. I've fixed it today.\n\n"
                          "On Tue, Nov 24, 2026 at 10:02 AM Dana <dana@example.com> wrote:\n> Where is it?\n",
                          file="reply.txt")
    assert "the quoted thread from line 3 on is not judged" in render(two_lines, "text")


def test_review_text_and_json_show_sentences() -> None:
    reply = "Hi Sam,\nI can see how frustrating this is. I'll refund you today.\n"
    result = lint_text(reply, file="reply.txt")
    text = render(result, "text")
    assert "✓" in text and "acknowledges" in text and "I'll refund you today." in text
    data = json.loads(render(result, "json"))
    assert [s["slot"] for s in data["sentences"]][:2] == ["greeting", "acknowledgment"]
    assert data["sentences"][1]["line"] == 2


def test_review_text_lists_a_finding_about_the_whole_reply_under_it_not_under_its_first_sentence(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # a chat with no solution: SK401 spans the agent's whole reply. Hung on the first sentence it
    # marked the greeting "Hi Dana," as what could improve, and counted it among the flagged ones
    monkeypatch.setenv("NO_COLOR", "1")
    chat = ("Customer: my parcel hasn't come\n"
            "Agent: Hi Dana, I can see how frustrating that is.\n"
            "Customer: it was due monday\n"
            "Agent: Thanks for telling me, I can see why you're upset about it.\n")
    result = lint_text(chat, file="chat.txt")
    assert "SK401" in {d.code for d in result.diagnostics}
    text = render(result, "text")
    greeting = next(line for line in text.splitlines() if "Hi Dana," in line)
    assert not greeting.lstrip().startswith("!"), text
    whole = text.split("the whole reply:", 1)
    assert len(whole) == 2 and "SK401" in whole[1], text
    assert "0 marked ! could improve" in text, text
    # the JSON says the same: the code is the whole reply's, not the first sentence's, with its extent
    data = json.loads(render(result, "json"))
    assert data["sentences"][0]["codes"] == [] and data["whole_reply"] == ["SK401"]
    sk401 = next(d for d in data["diagnostics"] if d["code"] == "SK401")
    # (its region ends with the agent's first turn: run on to the last, it took in the customer's line 3)
    assert sk401["end_line"] == 2 and sk401["slot"] is None


def test_audit_html_names_each_score_in_a_word_with_the_practice_as_tooltip() -> None:
    from scriptkit.audit import PRACTICES, AuditReport, MacroAudit
    from scriptkit.diagnostics import Location
    from scriptkit.reporters.html import render_html

    macro = MacroAudit(id="m1", title="Refund", text="Sorry.", location=Location("export.json", 1, 1),
                       script_file="f", diagnostics=[], scores=dict.fromkeys(PRACTICES, 70.0))
    page = render_html(AuditReport("export.json", "zendesk", [macro], [], [], []))
    row = page[page.index('id="m-m1"'):]
    labels = re.findall(r'<span class="muted" title="([^"]+)"(?: aria-hidden="true")?>([^<]+)</span>', row)
    assert labels == [("Acknowledgment", "Ack"), ("Warm language", "Warmth"), ("Flexibility", "Flex"),
                      ("Solution", "Solution"), ("Readability", "Reading")]


def test_audit_html_average_per_practice_is_the_whole_number_the_terminal_prints() -> None:
    # the chart said "Warm language 78.1" where `scriptkit audit` printed "Warm language 78"
    from scriptkit.audit import PRACTICES, AuditReport, MacroAudit
    from scriptkit.diagnostics import Location
    from scriptkit.reporters.html import render_html

    macros = [MacroAudit(id=f"m{i}", title=f"Macro {i}", text="Sorry.", location=Location("lib.csv", i, 1),
                         script_file="f", diagnostics=[], scores=dict.fromkeys(PRACTICES, value))
              for i, value in enumerate((100.0, 100.0, 34.3), 1)]
    report = AuditReport("lib.csv", "csv", macros, [], [], [])
    assert report.averages["solution"] == 78.1
    chart = render_html(report)
    chart = chart[chart.index('id="chart-practices"'):]
    chart = chart[:chart.index("</svg>")]
    labels = re.findall(r"<text x=\"[\d.]+\" y=\"[\d.]+\">([^<]+)</text>", chart)
    assert labels == ["78"] * len(PRACTICES), labels


def test_audit_html_marks_a_phrase_inside_a_finding_about_the_whole_reply() -> None:
    from scriptkit.audit import PRACTICES, AuditReport, Highlight, MacroAudit
    from scriptkit.diagnostics import Location
    from scriptkit.reporters.html import render_html

    text = "Kindly note the matter is closed. Sorry."
    whole = Highlight(0, len(text), "SK101", "low-reading-ease", "hard to read", "warning", None)
    sentence = Highlight(0, 33, "SK202", "formal-tone", "too formal", "warning", None)
    phrase = Highlight(0, 6, "SK201", "corporate-phrase", "stock phrase", "warning", None)
    other = Highlight(12, 22, "SK201", "corporate-phrase", "distancing", "warning", None)
    macro = MacroAudit(id="m1", title="Closed", text=text, location=Location("export.json", 1, 1),
                       script_file="f", diagnostics=[], scores=dict.fromkeys(PRACTICES, 70.0),
                       highlights=[whole, sentence, phrase, other])
    page = render_html(AuditReport("export.json", "zendesk", [macro], [], [], []))
    body = page[page.index('<div class="body" dir="auto">'):]
    body = body[:body.index("</div>")]
    assert re.findall(r'data-code="(\w+)"[^>]*>([^<]*)</mark>', body) == [("SK201", "Kindly"), ("SK201", "the matter")]
    assert re.sub(r"<sup.*?</sup>|<[^>]+>", "", body) == "Kindly note the matter is closed. Sorry."


SPANISH_REPLY = ("Hola Marta,\n\nSiento mucho el retraso de tu pedido. Entiendo lo frustrante que es esperar. "
                 "Ya he pedido un reembolso y lo verás en tu cuenta en tres días.\n\nUn saludo,\nAna\n")


def test_review_of_a_reply_in_another_language_says_no_sentence_was_judged_in_every_format(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The English rules did not judge a Spanish reply (SK006 says so), yet the text view labelled
    # each sentence "other" and counted "0 of 5 sentence(s) acknowledge...", as if it had read them
    monkeypatch.setenv("NO_COLOR", "1")
    result = lint_text(SPANISH_REPLY, file="es.txt")
    text = render(result, "text")
    rows = [line for line in text.splitlines() if re.match(r"  [!✓ ] \d+:\d+\s", line)]
    assert len(rows) == len(result.sentences) == 5, text
    assert all("not judged" in row and " other " not in row for row in rows), text
    assert "reads as Spanish" in text and "read English only" in text, text
    assert "acknowledge, show warmth or offer a solution cleanly" not in text, text
    # SK006 is about the whole reply: no sentence (the greeting was) is marked as what could improve
    assert not any(row.lstrip().startswith("!") for row in rows), text
    assert "0 marked ! could improve" in text, text
    assert text.index("the whole reply:") < text.index("SK006 [other-language]"), text
    data = json.loads(render(result, "json"))
    assert "reads as Spanish" in data["not_judged"]
    sk006 = next(d for d in data["diagnostics"] if d["code"] == "SK006")
    assert sk006["line"] == 3 and sk006["end_line"] == 3, sk006  # the body, between "Hola Marta," and "Un saludo,"
    assert [(s["slot"], s["confidence"], s["judged"]) for s in data["sentences"]] == [(None, None, False)] * 5
    # the formats without a sentence view carry SK006, whose message says the same
    for fmt in ("sarif", "github", "junit"):
        out = render(result, fmt)
        assert "SK006" in out and "reads as Spanish" in out and "did not judge it" in out, fmt
    # ignoring SK006 hides the finding, not the fact: the sentences are still not labelled
    quiet = lint_text(SPANISH_REPLY, file="es.txt", config=LintConfig().override(ignore=["SK006"]))
    assert "SK006" not in {d.code for d in quiet.diagnostics}
    assert "not judged" in render(quiet, "text") and json.loads(render(quiet, "json"))["not_judged"]


def test_review_formats_give_a_finding_about_the_whole_reply_no_slot_nor_sentence_in_any_language() -> None:
    # SK006 (its language) and SK105 (its length) are about the whole reply. SK006 was given the
    # slot of the greeting it starts at ("other") and listed among that sentence's codes, as if
    # "Hola Marta," were what was in Spanish; SK105 the slot of the first sentence of an English reply
    spanish = lint_text("Hola Marta,\n\nSiento mucho las molestias. Te enviaremos un nuevo pedido mañana.\n\n"
                        "Saludos,\nAna\n", file="es.txt")
    english = lint_text("Hi Sam,\n\nSorry. Will do.\n\nThanks,\nAna\n", file="en.txt",  # (a short email, asked for)
                        config=LintConfig(options={"email-length": {"min_words": 50}}))
    for result, code in ((spanish, "SK006"), (english, "SK105")):
        data = json.loads(render(result, "json"))
        found = next(d for d in data["diagnostics"] if d["code"] == code)
        assert found["slot"] is None, found
        # (the English reply's SK301 and SK401, that nothing in it acknowledges or solves, are about the whole
        # reply too: SK401 was hung on "Will do.", the sentence it pointed at)
        assert data["whole_reply"] == ([code] if code == "SK006" else [code, "SK301", "SK401"]), data
        assert all(code not in s["codes"] for s in data["sentences"]), data
        suite = ET.fromstring(render(result, "junit"))
        case = next(c for c in suite.iter("testcase") if code in c.attrib["name"])
        body = "".join(case.itertext())
        assert "slot:" not in body and f"{code} [" in body, body
        sarif = json.loads(render(result, "sarif"))["runs"][0]["results"]
        assert "slot" not in next(r for r in sarif if r["ruleId"] == code)["properties"]
    # where SARIF and GitHub need a line, SK006 points at the start of the reply's body: "Hola Marta," greets and
    # "Saludos,\nAna" signs off, as an English greeting and sign-off do
    sk006 = next(d for d in spanish.diagnostics if d.code == "SK006")
    assert (sk006.location.line, sk006.location.col) == (3, 1)
    assert "file=es.txt,line=3,col=1,endLine=3,endColumn=66,title=SK006 " in render(spanish, "github")
    assert sk006.extra["end_line"] == "3"  # (the body, for the formats that show an extent)
    # a finding about the whole reply is so even where it points inside one sentence: SK401, at "Will do.", too
    # short a solution, names no slot and no sentence (it was that sentence's, with the slot "solution")
    data = json.loads(render(english, "json"))
    assert next(d for d in data["diagnostics"] if d["code"] == "SK401")["slot"] is None
    assert next(s for s in data["sentences"] if s["text"] == "Will do.")["codes"] == []


def test_review_of_an_english_reply_labels_its_sentences_and_says_nothing_of_judging() -> None:
    result = lint_text("I can see how frustrating this is. I'll refund you today.\n", file="en.txt")
    assert "not judged" not in render(result, "text")
    data = json.loads(render(result, "json"))
    assert "not_judged" not in data and all(s["judged"] for s in data["sentences"])
    assert data["sentences"][0]["slot"] == "acknowledgment"
