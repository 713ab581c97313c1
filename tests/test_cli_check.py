"""``scriptkit check``, ``review``, ``rules`` and ``rule`` end to end: formats, fixes, exit codes."""

from __future__ import annotations

import json
import textwrap
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from scriptkit.cli import main

VOICE = textwrap.dedent("""\
    name: Test pack
    rules:
      select: [custom]
      custom:
        - name: say-refund
          kind: substitution
          swap: {store credit: refund}
        - name: thank-them
          kind: occurrence
          terms: [thank you]
          min: 1
          severity: suggestion
    """)
GOOD = textwrap.dedent("""\
    id: refund-ask
    title: Refund
    acknowledgment: "Thank you for telling me; I can see how frustrating this is."
    solution: "I've sent your refund today."
    """)
BAD = textwrap.dedent("""\
    id: refund-ask
    title: Refund
    # keep this comment
    acknowledgment: "Thank you for telling me; I can see how frustrating this is."
    solution: "I can offer store credit today."   # and this one
    """)


def run(*args: str, input: str | None = None, env: dict[str, str] | None = None) -> Any:
    return CliRunner().invoke(main, list(args), input=input, env={"NO_COLOR": "1", **(env or {})})


def test_clean_pack_exits_0(make_pack: Any) -> None:
    root = make_pack({"a.yaml": GOOD}, pack_yaml=VOICE)
    result = run("check", str(root))
    assert result.exit_code == 0, result.output
    assert "All clear" in result.output


def test_findings_exit_1_with_located_text(make_pack: Any) -> None:
    root = make_pack({"a.yaml": BAD}, pack_yaml=VOICE)
    result = run("check", str(root))
    assert result.exit_code == 1
    assert "SK801 [say-refund] Say 'refund' instead of 'store credit'." in result.output
    assert "5:24" in result.output and "1 fixable with --fix" in result.output


def test_fail_on_and_suggestions(make_pack: Any) -> None:
    root = make_pack({"a.yaml": BAD.replace("Thank you for telling me; ", "")}, pack_yaml=VOICE)
    assert run("check", str(root)).exit_code == 1
    assert run("check", str(root), "--fail-on", "error").exit_code == 0
    assert run("check", str(root), "--select", "thank-them").exit_code == 0  # a suggestion only
    assert run("check", str(root), "--select", "thank-them", "--fail-on", "suggestion").exit_code == 1
    assert run("check", str(root), "--ignore", "SK801,thank-them").exit_code == 0


@pytest.mark.parametrize("fmt", ["json", "sarif", "github", "junit", "text"])
def test_every_format_to_a_file(make_pack: Any, tmp_path: Path, fmt: str) -> None:
    root = make_pack({"a.yaml": BAD}, pack_yaml=VOICE)
    out = tmp_path / f"report.{fmt}"
    result = run("check", str(root), "--format", fmt, "--output", str(out))
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr == f"1 finding(s) (1 warning(s)), 1 at or above fail-on (warning): the report is in {out}.\n"
    text = out.read_text(encoding="utf-8")
    if fmt == "json":
        assert json.loads(text)["diagnostics"][0]["code"] == "SK801"
    elif fmt == "sarif":
        assert json.loads(text)["runs"][0]["results"][0]["ruleId"] == "SK801"
    elif fmt == "junit":
        assert ET.fromstring(text).get("failures") == "1"
    elif fmt == "github":
        assert text.startswith("::warning file=")
    else:
        assert "SK801" in text and "\x1b[" not in text


def test_sarif_locations_are_uris(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # SARIF wants URI references: a folder named with a space gave "Support Scripts/pack/...",
    # which code-scanning uploads reject; a file outside the working folder is a file: URI
    from urllib.parse import unquote, urlsplit

    root = tmp_path / "Support Scripts" / "pack"
    (root / "scripts").mkdir(parents=True)
    (root / "pack.yaml").write_text(VOICE, encoding="utf-8")
    (root / "scripts" / "late #1.yaml").write_text(BAD, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    inside = json.loads(run("check", "Support Scripts/pack", "--format", "sarif").output)
    uri = inside["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == "Support%20Scripts/pack/scripts/late%20%231.yaml"
    (tmp_path / "elsewhere").mkdir()
    monkeypatch.chdir(tmp_path / "elsewhere")
    outside = json.loads(run("check", str(root), "--format", "sarif").output)
    uri = outside["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri.startswith("file:///") and Path(unquote(urlsplit(uri).path)) == root / "scripts" / "late #1.yaml"


def test_fix_rewrites_and_reports_what_remains(make_pack: Any) -> None:
    root = make_pack({"a.yaml": BAD}, pack_yaml=VOICE)
    result = run("check", str(root), "--fix")
    assert result.exit_code == 0, result.output
    assert "Fixed 1 problem in 1 file(s)." in result.output
    after = (root / "scripts" / "a.yaml").read_text(encoding="utf-8")
    assert after == BAD.replace("store credit", "refund")  # comments and layout kept
    assert run("check", str(root)).exit_code == 0


def test_diff_writes_nothing_and_exits_1_when_there_is_a_fix(make_pack: Any) -> None:
    root = make_pack({"a.yaml": BAD}, pack_yaml=VOICE)
    before = (root / "scripts" / "a.yaml").read_text(encoding="utf-8")
    result = run("check", str(root), "--diff")
    assert result.exit_code == 1
    assert '-solution: "I can offer store credit today."   # and this one' in result.output
    assert '+solution: "I can offer refund today."   # and this one' in result.output
    assert (root / "scripts" / "a.yaml").read_text(encoding="utf-8") == before
    clean = make_pack({"a.yaml": GOOD}, pack_yaml=VOICE)
    assert run("check", str(clean), "--diff").exit_code == 0


def test_diff_with_findings_but_no_safe_fix_says_so(make_pack: Any) -> None:
    # an empty diff read as "nothing wrong": the findings that need a writer were not mentioned
    root = make_pack({"a.yaml": GOOD.replace("Thank you for telling me; ", "")}, pack_yaml=VOICE)
    result = run("check", str(root), "--diff")
    assert result.exit_code == 0 and result.stdout == ""
    assert result.stderr == (f"No safe fixes to show: 1 finding needs rewriting by hand (`scriptkit check {root}` "
                             "lists it).\n")
    clean = run("check", str(make_pack({"a.yaml": GOOD}, pack_yaml=VOICE)), "--diff")
    assert clean.exit_code == 0 and clean.output == ""


@pytest.mark.parametrize(("bom", "newline"), [(b"\xef\xbb\xbf", b"\n"), (b"", b"\r\n"), (b"\xef\xbb\xbf", b"\r\n")])
def test_fix_keeps_a_byte_order_mark_and_windows_line_ends(make_pack: Any, bom: bytes, newline: bytes) -> None:
    # files saved by Windows editors: the fix must land on the same words, and the file keep its form
    root = make_pack({"a.yaml": GOOD}, pack_yaml=VOICE)
    path = root / "scripts" / "a.yaml"
    path.write_bytes(bom + BAD.encode("utf-8").replace(b"\n", newline))
    result = run("check", str(root), "--diff")
    assert result.exit_code == 1, result.output
    assert '+solution: "I can offer refund today."   # and this one' in result.output
    result = run("check", str(root), "--fix")
    assert result.exit_code == 0, result.output
    expected = BAD.replace("store credit", "refund").encode("utf-8").replace(b"\n", newline)
    assert path.read_bytes() == bom + expected


def test_a_long_line_is_shown_as_a_window_around_each_finding(make_pack: Any) -> None:
    # a paragraph written on one line: printed whole under each of its findings, the report grew
    # with the square of its length (a 60 kB line with 5,000 findings took minutes to print)
    long_line = " ".join(["I can offer store credit today."] * 100)
    root = make_pack({"a.yaml": GOOD.replace('"I\'ve sent your refund today."', f'"{long_line}"')}, pack_yaml=VOICE)
    result = run("check", str(root))
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert max(len(line) for line in lines) < 160
    carets = [i for i, line in enumerate(lines) if line.lstrip(" │").startswith("^")]
    assert len(carets) == 100
    for i in carets:  # every caret still sits under the words it names
        start = lines[i].index("^")
        assert lines[i - 1][start:start + len("store credit")] == "store credit"
        assert lines[i][start:].rstrip() == "^" * len("store credit")


def test_a_report_never_replaces_a_file_it_read(make_pack: Any, tmp_path: Path) -> None:
    # "review reply.txt -o reply.txt" replaced the reply with its own report, as "sort f > f" does
    reply = tmp_path / "reply.txt"
    reply.write_text("I can see how frustrating this is. I've sent the refund today.", encoding="utf-8")
    result = run("review", str(reply), "--format", "json", "-o", str(reply))
    assert result.exit_code == 2, result.output
    assert "is a file this run reads" in result.output
    assert reply.read_text(encoding="utf-8").startswith("I can see")
    root = make_pack({"a.yaml": BAD}, pack_yaml=VOICE)
    for victim in (root / "scripts" / "a.yaml", root / "pack.yaml"):
        before = victim.read_text(encoding="utf-8")
        result = run("check", str(root), "--format", "json", "-o", str(victim))
        assert result.exit_code == 2, result.output
        assert victim.read_text(encoding="utf-8") == before


def test_fix_writes_through_a_symlinked_script(make_pack: Any, tmp_path: Path) -> None:
    # a script shared by several packs through a link: --fix replaced the link with a fixed copy,
    # leaving the shared file unfixed and this pack cut off from it
    shared = tmp_path / "shared" / "a.yaml"
    shared.parent.mkdir()
    (tmp_path / ".git").mkdir()  # (the packs' repository: a link out of it is not written through)
    shared.write_text(BAD, encoding="utf-8")
    root = make_pack({}, pack_yaml=VOICE)
    link = root / "scripts" / "a.yaml"
    link.symlink_to(shared)
    result = run("check", str(root), "--fix")
    assert result.exit_code == 0, result.output
    assert link.is_symlink() and link.resolve() == shared.resolve()
    assert shared.read_text(encoding="utf-8") == BAD.replace("store credit", "refund")


def test_channel_option(make_pack: Any) -> None:
    root = make_pack({"a.yaml": BAD + "channels: [chat]\n"}, pack_yaml=VOICE)
    # (no script is written for email: nothing to judge, said as bad input, not "All clear")
    assert run("check", str(root), "--channel", "email").exit_code == 2
    assert run("check", str(root), "--channel", "chat").exit_code == 1


def test_bad_input_exits_2_without_traceback(make_pack: Any, tmp_path: Path) -> None:
    result = run("check", str(tmp_path / "missing"))
    assert result.exit_code == 2 and "Traceback" not in result.output
    broken = make_pack({"a.yaml": "id: a\ntitle: [unclosed\n"})
    result = run("check", str(broken))
    assert result.exit_code == 2 and "a.yaml:2:8: error: YAML syntax error" in result.output
    assert "Traceback" not in result.output


def test_unknown_cli_selector_is_a_usage_error(make_pack: Any) -> None:
    root = make_pack({"a.yaml": GOOD}, pack_yaml=VOICE)
    result = run("check", str(root), "--select", "warmthh")
    assert result.exit_code == 2
    assert "unknown rule selector 'warmthh' in --select" in result.output and "Did you mean 'warmth'?" in result.output


def test_unknown_config_selector_is_a_warning(make_pack: Any) -> None:
    root = make_pack({"a.yaml": GOOD}, pack_yaml=VOICE.replace("select: [custom]", "select: [custom, empathyy]"))
    result = run("check", str(root), "--format", "json")
    assert result.exit_code == 1
    (diag,) = json.loads(result.output)["diagnostics"]
    assert diag["code"] == "SK800" and diag["line"] == 3


def test_bad_custom_rule_exits_2_located(make_pack: Any) -> None:
    root = make_pack({"a.yaml": GOOD}, pack_yaml="name: T\nrules:\n  custom:\n    - {name: x, kind: nope}\n")
    result = run("check", str(root))
    assert result.exit_code == 2
    assert "pack.yaml:4:" in result.output and "unknown kind 'nope'" in result.output


def test_grammar_option_is_validated(make_pack: Any) -> None:
    root = make_pack({"a.yaml": GOOD}, pack_yaml=VOICE)
    result = run("check", str(root), "--grammar", "sometimes")
    assert result.exit_code == 2 and "not a grammar mode" in result.output


def test_output_under_a_file_exits_2(make_pack: Any, tmp_path: Path) -> None:
    root = make_pack({"a.yaml": BAD}, pack_yaml=VOICE)
    (tmp_path / "nope").write_text("", encoding="utf-8")  # (a missing folder is made: a file is in the way)
    result = run("check", str(root), "--output", str(tmp_path / "nope" / "r.json"))
    assert result.exit_code == 2 and "is a file, not a folder" in result.output


# ---------------------------------------------------------------- review

def test_review_stdin_and_file(tmp_path: Path) -> None:
    (tmp_path / "scriptkit.toml").write_text(
        'select = ["custom"]\n'
        'custom = [{name = "say-refund", kind = "substitution", swap = {"store credit" = "refund"}}]\n',
        encoding="utf-8")
    reply = tmp_path / "reply.txt"
    reply.write_text("Hi Sam,\nI can see how frustrating this is. I can offer store credit today.\n", encoding="utf-8")
    result = run("review", str(reply), "--format", "json")
    assert result.exit_code == 1
    data = json.loads(result.output)
    first = data["diagnostics"][0]
    assert (first["code"], first["line"], first["col"]) == ("SK801", 2, 48)
    assert [s["slot"] for s in data["sentences"]][:2] == ["greeting", "acknowledgment"]
    text = run("review", str(reply))
    assert "✓" in text.output and "acknowledges" in text.output and "suggestion: 'refund'" in text.output
    assert "--fix" not in text.output  # review has no --fix to offer
    piped = run("review", "-", "--select", "SK201", input="I can see how frustrating this is.\n")
    assert piped.exit_code == 0, piped.output
    assert "<stdin>" in piped.output


def test_review_places_each_finding_in_its_sentence() -> None:
    # the reporters find a sentence's findings with one search each, not a scan of all of them per
    # sentence (a 10,000-sentence reply took minutes); the result is the same as the scan
    from scriptkit.config import LintConfig
    from scriptkit.linting import lint_text
    from scriptkit.reporters import by_sentence

    text = " ".join(["We apologize for any inconvenience.", "Kindly note the delay.", "I'm sorry, I've fixed it."] * 30)
    result = lint_text(text, channel="email", config=LintConfig(), file="reply.txt")
    inside, rest = by_sentence(result)
    # (90 sentences; each "I'm sorry, I've fixed it." is two notes, its care clause and its solution)
    assert len(inside) == len(result.sentences) == 120 and any(inside)
    for sentence, found in zip(result.sentences, inside, strict=True):
        assert found == [d for d in result.diagnostics if sentence.start <= d.location.offset < sentence.end]
    assert rest == [d for d in result.diagnostics
                    if not any(s.start <= d.location.offset < s.end for s in result.sentences)]


def test_review_bad_input(tmp_path: Path) -> None:
    assert run("review", str(tmp_path / "none.txt")).exit_code == 2
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n", encoding="utf-8")
    result = run("review", str(empty))
    assert result.exit_code == 2 and "nothing to review" in result.output
    binary = tmp_path / "bin.txt"
    binary.write_bytes(b"Hi\n\xff\xfe oops")
    result = run("review", str(binary))
    assert result.exit_code == 2 and "bin.txt:2:1" in result.output
    # the same bytes piped in: whatever the terminal's encoding, a located error, not a traceback
    # or a report full of stray bytes
    result = CliRunner().invoke(main, ["review", "-", "--format", "json"], input=b"Hi\n\xff\xfe oops")
    assert result.exit_code == 2, result.output
    assert "<stdin>:2:1: error: the text is not valid UTF-8" in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    piped = run("review", "-", "--format", "json", input="\ufeffI can see how frustrating this is.\n")
    assert piped.exit_code in (0, 1) and json.loads(piped.output)["diagnostics"][0]["col"] == 1


# ---------------------------------------------------------------- rules and rule

def test_rules_lists_every_rule() -> None:
    from scriptkit.rules import all_rules

    result = run("rules", "--format", "json")
    assert result.exit_code == 0
    listed = json.loads(result.output)
    rules = [r for r in listed if r["family"] not in ("export", "input", "settings")]
    assert [r["code"] for r in rules] == sorted(r.code for r in all_rules())
    assert [r["code"] for r in listed if r["family"] == "export"] == [
        *(f"SK50{i}" for i in range(1, 10)), "SK510", "SK511", "SK512"]
    assert all(set(r) == {"code", "name", "family", "severity", "fix", "summary"} for r in listed)
    table = run("rules")
    assert table.exit_code == 0 and f"{len(rules)} rule(s), 12 export check(s) and 2 code(s)" in table.output


def test_export_checks_have_docs_in_six_sections() -> None:
    from scriptkit.rules.base import DOC_SECTIONS

    for code in [f"SK50{i}" for i in range(1, 9)]:
        result = run("rule", code)
        assert result.exit_code == 0, result.output
        assert all(section in result.output for section in DOC_SECTIONS), code
    assert run("rule", "unsupported-placeholder").output == run("rule", "SK503").output


def test_rules_with_pack_lists_custom(make_pack: Any) -> None:
    root = make_pack({"a.yaml": GOOD}, pack_yaml=VOICE)
    result = run("rules", "--pack", str(root), "--family", "custom", "--format", "json")
    assert [r["name"] for r in json.loads(result.output)] == ["say-refund", "thank-them"]


def test_junit_stays_well_formed_xml_with_control_characters(tmp_path: Path) -> None:
    # a vertical tab or a stray control byte pasted from another program: XML 1.0 cannot carry
    # them, and the report could not be parsed by the CI that asked for it
    reply = tmp_path / "reply.txt"
    reply.write_text("We apologize for any\x0b inconvenience\x01.", encoding="utf-8")
    out = tmp_path / "report.xml"
    result = run("review", str(reply), "--format", "junit", "-o", str(out))
    assert result.exit_code == 1, result.output
    texts = [f.text or "" for f in ET.fromstring(out.read_text(encoding="utf-8")).iter("failure")]
    # the control characters are told (SK012, escaped so the XML parses) and the judgement reads through them
    assert any("text: \\x0b" in t for t in texts) and any("text: \\x01" in t for t in texts)
    assert any("SK204" in t and "We apologize for any inconvenience" in t for t in texts)


def test_an_unknown_family_is_a_usage_error_not_an_empty_list() -> None:
    result = run("rules", "--family", "warmthh")
    assert result.exit_code == 2, result.output
    assert "error: unknown rule family 'warmthh'. Did you mean 'warmth'?" in result.output
    assert run("rules", "--family", "Warmth").exit_code == 0
    # and a family asked for as one rule says where to look
    result = run("rule", "warmth")
    assert result.exit_code == 2 and "'warmth' is a family: `scriptkit rules --family warmth`" in result.output
    # a misspelt family is told the family, not "Run `scriptkit rules`"
    result = run("rule", "warmthh")
    assert result.exit_code == 2 and ("error: no rule 'warmthh'. Did you mean the family 'warmth'? "
                                      "`scriptkit rules --family warmth` lists its rules.") in result.output


def test_rule_docs_by_code_and_name() -> None:
    from scriptkit.rules import all_rules

    rule = next(iter(all_rules()))
    by_code = run("rule", rule.code)
    assert by_code.exit_code == 0
    assert rule.name in by_code.output and "What it does" in by_code.output and "Fix safety" in by_code.output
    assert run("rule", rule.name).output == by_code.output
    assert "setting-not-applied" in run("rule", "SK800").output
    missing = run("rule", "SK7777")
    assert missing.exit_code == 2 and "no rule 'SK7777'" in missing.output


def test_fix_repeats_until_nothing_more_is_fixable(make_pack: Any) -> None:
    # the first swap produces text the second rule then rewrites
    voice = VOICE.replace("swap: {store credit: refund}", "swap: {store credit: refund}\n"
                          "    - {name: full-refund, kind: substitution, swap: {offer refund: offer a full refund}}")
    root = make_pack({"a.yaml": BAD}, pack_yaml=voice)
    result = run("check", str(root), "--fix")
    assert result.exit_code == 0, result.output
    assert "Fixed 2 problems in 1 file(s)." in result.output
    assert 'solution: "I can offer a full refund today."   # and this one' in (root / "scripts" / "a.yaml").read_text()


def test_statistics(make_pack: Any) -> None:
    other = BAD.replace("refund-ask", "other").replace("Thank you for", "Thanks for")
    root = make_pack({"a.yaml": BAD, "b.yaml": other}, pack_yaml=VOICE)
    result = run("check", str(root), "--statistics")
    assert result.exit_code == 1
    assert result.output.splitlines() == ["     2  SK801  say-refund  (2 fixable)", "     1  SK802  thank-them",
                                          "Found 3 problems (2 warnings, 1 suggestion). 2 fixable with --fix."]


def test_statistics_honour_output_and_refuse_another_format(make_pack: Any, tmp_path: Path) -> None:
    # -o and --format were silently ignored: a CI step asking for a file got nothing written
    root = make_pack({"a.yaml": BAD}, pack_yaml=VOICE)
    out = tmp_path / "stats.txt"
    result = run("check", str(root), "--statistics", "-o", str(out))
    assert result.exit_code == 1 and result.stdout == "" and str(out) in result.stderr
    assert out.read_text(encoding="utf-8").splitlines() == ["     1  SK801  say-refund  (1 fixable)",
                                                            "Found 1 problem (1 warning). 1 fixable with --fix."]
    result = run("check", str(root), "--statistics", "--format", "json")
    assert result.exit_code == 2 and "--statistics" in result.output and "--format json" in result.output


def test_rules_takes_the_family_as_its_argument_too() -> None:
    # `scriptkit rules warmth` was "Got unexpected extra argument (warmth)", exit 2
    named = run("rules", "warmth", "--format", "json")
    assert named.exit_code == 0, named.output
    assert named.output == run("rules", "--family", "warmth", "--format", "json").output
    assert {r["family"] for r in json.loads(named.output)} == {"warmth"}
    assert run("rules", "Warmth", "--family", "warmth").exit_code == 0
    both = run("rules", "warmth", "--family", "empathy")
    assert both.exit_code == 2 and "two families asked for: 'warmth' and --family empathy" in both.output
    # one rule asked for by its code or name: its docs are `scriptkit rule`
    for rule in ("SK201", "corporate-phrase", "SK503"):
        result = run("rules", rule)
        assert result.exit_code == 2, result.output
        assert f"'{rule}' is a rule, not a family. For its docs: `scriptkit rule {rule}`." in result.output
    assert "Did you mean 'warmth'?" in run("rules", "warmthh").output
