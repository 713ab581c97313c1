"""``scriptkit audit NEW --compare OLD.json``: what changed in a library since the last audit. Macros are matched
by their helpdesk id (a renamed macro is the same macro), else by title; scores up and down per macro and per
practice; problems fixed and new by rule; in text, json and the HTML report. A file that is not an audit report of
this version is bad input: a located message, exit 2, nothing written."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from scriptkit.audit import AUDIT_SCHEMA_VERSION
from tests.conftest import run_cli

_GOOD = ("<p>Hi there,</p><p>I can see how frustrating it is that your parcel is late, "
         "and I'm sorry. Thanks for bearing with me. I've sent a replacement today by express post, and it "
         "arrives by Friday.</p><p>Best wishes,<br>Sam</p>")
_COLD = "<p>Your parcel is late. Wait.</p>"
_REFUND = ("<p>Hi there,</p><p>I understand how annoying a double charge is. Thank you "
           "for telling us. I've refunded the second payment today; it shows on your statement within five "
           "working days.</p><p>Kind regards,<br>Sam</p>")


def _export(path: Path, macros: list[tuple[int, str, str]]) -> Path:
    path.write_text(json.dumps({"macros": [
        {"id": ident, "title": title, "active": True, "actions": [{"field": "comment_value_html", "value": body}]}
        for ident, title, body in macros]}), encoding="utf-8")
    return path


def _run(*args: str) -> Any:
    return run_cli("audit", *args, "--grammar", "off")


@pytest.fixture
def months(tmp_path: Path) -> tuple[Path, Path]:
    """October's library and its audit report; November's library: the late-parcel macro warmed up and renamed,
    the refund macro copied cold, a macro removed and one added."""
    october = _export(tmp_path / "october.json", [
        (101, "Late parcel", _COLD), (102, "Refund", _REFUND), (103, "Old promo", _GOOD.replace("parcel", "promo")),
    ])
    report = tmp_path / "october-audit.json"
    ran = _run(str(october), "--format", "json")
    assert ran.exit_code == 0, ran.output
    report.write_text(ran.stdout, encoding="utf-8")
    november = _export(tmp_path / "november.json", [
        (101, "Parcel delayed", _GOOD), (102, "Refund", _COLD.replace("parcel", "refund")),
        (104, "Password reset", _GOOD.replace("parcel", "password")),
    ])
    return november, report


@pytest.mark.timeout(120)
def test_json_says_what_moved_matched_by_helpdesk_id(months: tuple[Path, Path]) -> None:
    november, report = months
    ran = _run(str(november), "--compare", str(report), "--format", "json")
    assert ran.exit_code == 0, ran.output
    document = json.loads(ran.stdout)
    old = json.loads(report.read_text(encoding="utf-8"))
    compare = document["compare"]
    assert compare["compared_with"] == str(report)
    assert compare["overall"] == {"old": old["summary"]["overall"], "new": document["summary"]["overall"]}
    assert compare["macros"]["added"] == ["Password reset (id 104)"]
    assert compare["macros"]["removed"] == ["Old promo (id 103)"]
    changed = {c["export_id"]: c for c in compare["changed"]}
    assert set(changed) == {"101", "102"}
    # (renamed in the helpdesk, the same macro by its id: its score rose, and the cold reply's problems are fixed)
    late = changed["101"]
    assert late["old_title"] == "Late parcel" and late["title"] == "Parcel delayed"
    assert late["overall"]["new"] > late["overall"]["old"] and late["text_changed"]
    assert late["fixed"] and not late["new"]
    refund = changed["102"]
    assert refund["overall"]["new"] < refund["overall"]["old"] and refund["new"]
    assert compare["macros"]["up"] == 1 and compare["macros"]["down"] == 1
    # (by rule: what the two macros of both audits fixed and gained, each counted once)
    rules = {r["code"]: r for r in compare["rules"]}
    assert sum(r["fixed"] for r in rules.values()) == sum(late["fixed"].values()) + sum(refund["fixed"].values())
    assert sum(r["new"] for r in rules.values()) == sum(late["new"].values()) + sum(refund["new"].values())
    # (the removed macro's problems are not counted as fixed, nor the added one's as new)
    old_promo = next(m for m in old["macros"] if m["export_id"] == "103")
    assert sum(r["removed_with_macros"] for r in rules.values()) == len(old_promo["diagnostics"])
    for practice, moved in compare["averages"].items():
        assert moved["new"] == document["summary"]["averages"][practice]


@pytest.mark.timeout(120)
def test_text_says_the_changes_after_the_report(months: tuple[Path, Path]) -> None:
    november, report = months
    ran = _run(str(november), "--compare", str(report))
    assert ran.exit_code == 0, ran.output
    changes = ran.stdout[ran.stdout.index("Changes since"):]
    assert re.search(rf"Changes since {re.escape(str(report))} \(the audit of .*october.json\): overall "
                     r"\d+\.\d -> \d+\.\d \([+-]\d+\.\d\)", changes)
    assert "Macros: 1 added, 1 removed, 2 changed, 0 unchanged" in changes
    assert "added: Password reset (id 104)" in changes and "removed: Old promo (id 103)" in changes
    assert re.search(r"Up most: Parcel delayed \(id 101\) \d+ -> \d+ \(\+\d+\)", changes)
    assert re.search(r"Down most: Refund \(id 102\) \d+ -> \d+ \(-\d+\)", changes)
    assert "Problems fixed: SK" in changes and "New problems: SK" in changes


@pytest.mark.timeout(120)
def test_the_same_library_again_has_nothing_changed(tmp_path: Path) -> None:
    library = _export(tmp_path / "lib.json", [(1, "Late parcel", _GOOD), (2, "Refund", _REFUND)])
    report = tmp_path / "before.json"
    report.write_text(_run(str(library), "--format", "json").stdout, encoding="utf-8")
    compare = json.loads(_run(str(library), "--compare", str(report), "--format", "json").stdout)["compare"]
    assert compare["macros"] == {"added": [], "removed": [], "changed": 0, "unchanged": 2, "up": 0, "down": 0}
    assert compare["rules"] == []


@pytest.mark.timeout(120)
def test_macros_without_ids_are_matched_by_title(tmp_path: Path, make_pack: Any) -> None:
    def script(ident: str, solution: str) -> str:
        return (f"id: {ident}\ntitle: Late parcel\n"
                "acknowledgment: I can see how frustrating it is that your parcel is late.\n"
                "warm_language: Thanks for bearing with me while I sort it out.\n"
                "flexibility:\n  guidance: Check the tracking page before you reply.\n"
                f"solution: {solution}\n")

    before = make_pack({"late.yaml": script("late", "Wait.")})
    report = tmp_path / "before.json"
    report.write_text(_run(str(before), "--format", "json").stdout, encoding="utf-8")
    after = make_pack({"late.yaml": script("late", "I've sent a new one today, and it arrives by Friday.")})
    compare = json.loads(_run(str(after), "--compare", str(report), "--format", "json").stdout)["compare"]
    assert compare["macros"]["added"] == compare["macros"]["removed"] == []
    assert [c["title"] for c in compare["changed"]] == ["Late parcel"]


@pytest.mark.timeout(120)
def test_html_has_a_changes_section_under_its_policy(months: tuple[Path, Path], tmp_path: Path) -> None:
    from scriptkit.csp import source_hash

    november, report = months
    page = tmp_path / "out" / "audit.html"
    ran = _run(str(november), "--compare", str(report), "--html", str(page))
    assert ran.exit_code == 0, ran.output
    html = page.read_text(encoding="utf-8")
    section = html[html.index('<section id="changes">'):]
    section = section[:section.index("</section>")]
    assert "Biggest movers up" in section and "Parcel delayed (id 101)" in section
    assert '<b class="down">' in section and "Old promo (id 103)" in section
    # (no inline style attribute, which the policy would block; the one style block is allowed by its hash)
    assert "style=" not in section
    style = re.search(r"<style>(.*?)</style>", html, re.S)
    assert style and source_hash(style.group(1)) in html and ".down{" in style.group(1)


def _refused(tmp_path: Path, name: str, content: str) -> Any:
    library = _export(tmp_path / "lib.json", [(1, "Late parcel", _GOOD)])
    old = tmp_path / name
    old.write_text(content, encoding="utf-8")
    page = tmp_path / "report.html"
    ran = _run(str(library), "--compare", str(old), "--html", str(page))
    assert ran.exit_code == 2, ran.output
    assert not page.exists() or "could not be read" in page.read_text(encoding="utf-8")
    return ran


@pytest.mark.timeout(60)
@pytest.mark.parametrize(("content", "said"), [
    ('{"version": 1, "macros": [\n  {"id": 1,,}', "old.json:2:12: error: the audit report is not valid JSON"),
    ('{"version": 1, "summary": {"total": 0}, "diagnostics": []}', "scriptkit check's report, not an audit's"),
    ('[1, 2]', "not a scriptkit audit report"),
    ('{"macros": [], "summary": {"overall": null, "averages": {}}}', "version None, not one this scriptkit reads"),
    (json.dumps({"version": 0, "macros": [], "summary": {"averages": {}}}), "written by an older scriptkit"),
    (json.dumps({"version": AUDIT_SCHEMA_VERSION, "macros": [{"title": "x", "scores": {}, "diagnostics": [{}]}],
                 "summary": {"averages": {}, "overall": None}}), "macros[0].diagnostics[0].code is None, not text"),
    (json.dumps({"version": AUDIT_SCHEMA_VERSION, "macros": [], "summary": {"averages": {}, "overall": "high"}}),
     "summary.overall is 'high', not a score"),
    (json.dumps({"version": AUDIT_SCHEMA_VERSION, "macros": [], "summary": {}, "errors": [{"code": "SK000"}]}),
     "holds no audit"),
])
def test_a_file_that_is_no_audit_report_is_refused_located(tmp_path: Path, content: str, said: str) -> None:
    ran = _refused(tmp_path, "old.json", content)
    assert said in ran.output
    assert f"{tmp_path / 'old.json'}:" in ran.output or "old.json:2:12" in ran.output


@pytest.mark.timeout(60)
def test_a_missing_report_or_a_folder_is_refused(tmp_path: Path) -> None:
    library = _export(tmp_path / "lib.json", [(1, "Late parcel", _GOOD)])
    ran = _run(str(library), "--compare", str(tmp_path / "nope.json"))
    assert ran.exit_code == 2 and "no such audit report" in ran.output
    ran = _run(str(library), "--compare", str(tmp_path))
    assert ran.exit_code == 2 and "is a folder, not an audit report" in ran.output


def test_help_names_the_option() -> None:
    ran = run_cli("audit", "--help")
    assert "--compare FILE" in ran.output


@pytest.mark.timeout(60)
def test_the_report_compared_with_is_never_replaced(tmp_path: Path) -> None:
    library = _export(tmp_path / "lib.json", [(1, "Late parcel", _GOOD)])
    old = tmp_path / "old.json"
    old.write_text("[not json", encoding="utf-8")
    for also in ([], ["--config", str(tmp_path / "missing.toml")]):
        ran = _run(str(library), "--compare", str(old), "--html", str(old), *also)
        assert ran.exit_code == 2 and "is the report compared with" in ran.output
        assert old.read_text(encoding="utf-8") == "[not json"


@pytest.mark.timeout(120)
def test_o_writes_the_report_to_compare_next_month(months: tuple[Path, Path], tmp_path: Path) -> None:
    november, october = months
    saved = tmp_path / "reports" / "november.json"
    ran = _run(str(november), "--format", "json", "-o", str(saved), "--compare", str(october))
    assert ran.exit_code == 0, ran.output
    assert ran.stdout == "" and f"Report: {saved}" in ran.stderr
    assert json.loads(saved.read_text(encoding="utf-8"))["compare"]["macros"]["changed"] == 2
    # (next month's audit compares with it; a month with nothing changed says so)
    compare = json.loads(_run(str(november), "--format", "json", "--compare", str(saved)).stdout)["compare"]
    assert compare["macros"]["changed"] == 0 and compare["macros"]["unchanged"] == 3
    text = tmp_path / "november.txt"
    assert _run(str(november), "-o", str(text)).exit_code == 0
    assert text.read_text(encoding="utf-8").startswith("Audit of ")
    # (bad input: -o's JSON says why, as stdout's does; the export audited is never replaced)
    broken = tmp_path / "broken.json"
    broken.write_text("{", encoding="utf-8")
    assert _run(str(broken), "--format", "json", "-o", str(saved)).exit_code == 2
    assert json.loads(saved.read_text(encoding="utf-8"))["errors"]
    ran = _run(str(november), "-o", str(november))
    assert ran.exit_code == 2 and "is the file being audited" in ran.output
    assert json.loads(november.read_text(encoding="utf-8"))["macros"]
