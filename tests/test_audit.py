"""scriptkit audit: scores from diagnostics, sprawl, contradictions, blank risks, outputs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from scriptkit.audit import PRACTICES, WEIGHTS, AuditReport, MacroAudit, audit, counts_against, practice_of, score
from scriptkit.cli import main
from scriptkit.diagnostics import Diagnostic, Location, Severity
from scriptkit.reporters.html import render_html
from scriptkit.sprawl import find_contradictions, find_duplicates, quantities

WARM = ("Hi {{customer.first_name}}, I can see how frustrating it is that your parcel is late, and I'm really "
        "sorry. I've asked the courier to trace it today, and I'll email you by Friday with news.")
COLD = ("Dear Customer, We apologize for any inconvenience caused. Your request has been forwarded to the relevant "
        "department. Please be advised that it will be processed in due course. Regards, Customer Service")
LIBRARY = [
    {"title": "Late parcel (warm)", "body": WARM},
    {"title": "Late parcel (copy)", "body": WARM},
    {"title": "Late parcel (edited)", "body": WARM.replace("by Friday", "by Thursday").replace("today", "now")},
    {"title": "Corporate apology", "body": COLD},
    {"title": "Refund policy short", "body": "You can return any item for a refund within 14 days of delivery. "
                                             "I've attached the label so you can send it back today."},
    {"title": "Refund policy long", "body": "Our refund window is 30 days from delivery, so there is plenty of time. "
                                            "I'll email the return label within 2 hours."},
    {"title": "Hostile <script>alert('x')</script>", "body": "Ends the page </details></section><script>"
                                                              "document.title='pwned'</script> {{ '{{' }} [[x]]"},
]


@pytest.fixture
def library(tmp_path: Path) -> Path:
    path = tmp_path / "library.jsonl"
    path.write_text("".join(json.dumps(row) + "\n" for row in LIBRARY), encoding="utf-8")
    return path


def _diag(code: str, name: str, severity: Severity) -> Diagnostic:
    return Diagnostic(code, name, "m", severity, Location("f", 1, 1))


def test_score_formula() -> None:
    assert score([]) == 100.0
    assert score([_diag("SK201", "x", Severity.WARNING)]) == 70.0
    assert score([_diag("SK201", "x", Severity.WARNING)] * 2) == 49.0
    assert score([_diag("SK201", "x", Severity.ERROR), _diag("SK201", "y", Severity.SUGGESTION)]) == 45.0
    assert WEIGHTS[Severity.ERROR] == 0.5


@pytest.mark.parametrize(("code", "name", "practice"), [
    ("SK301", "missing-acknowledgment", "acknowledgment"),
    ("SK201", "corporate-phrase", "warm_language"),
    ("SK406", "no-flexibility", "flexibility"),
    ("SK407", "unfilled-blank", "flexibility"),
    ("SK404", "no-time-frame", "solution"),
    ("SK103", "long-sentence", "readability"),
    ("SK901", "grammar", "readability"),
    ("SK001", "placeholder-without-fallback", None),
])
def test_practice_of(code: str, name: str, practice: str | None) -> None:
    assert practice_of(code, name) == practice


def test_audit_of_a_library(library: Path) -> None:
    report = audit(library, "jsonl")
    assert len(report.macros) == len(LIBRARY)
    by_title = {m.title: m for m in report.macros}
    warm, cold = by_title["Late parcel (warm)"], by_title["Corporate apology"]
    # what a reader would say: the corporate one is worse on warmth and acknowledgment
    assert cold.overall < warm.overall
    assert cold.scores["warm_language"] < warm.scores["warm_language"]  # type: ignore[operator]
    assert cold.scores["acknowledgment"] < warm.scores["acknowledgment"]  # type: ignore[operator]
    overall = [m.overall for m in report.judged_in_full]  # (the hostile one, no sentence, is a fragment: apart)
    assert overall == sorted(overall)  # worst first
    # every score follows the documented formula from the macro's own diagnostics
    for m in report.macros:
        for practice, value in m.scores.items():
            mine = [d for d in m.diagnostics if practice in counts_against(d)]
            if value is None:  # (a fragment's practice its phrases do not bear on: not judged)
                assert m.fragment and not mine
                continue
            assert value == score(mine)
    # sprawl: the copy is exact, the edited one near
    kinds = {(g.kind, tuple(sorted(report.macro(i).title for i in g.members))) for g in report.duplicates}
    assert ("exact", ("Late parcel (copy)", "Late parcel (warm)")) in kinds
    near = [g for g in report.duplicates if g.kind == "near"]
    assert len(near) == 1 and "Late parcel (edited)" in {report.macro(i).title for i in near[0].members}
    # the refund window contradicts itself across two macros
    refund = [c for c in report.contradictions if c.topic in ("refund", "return") and c.unit == "days"]
    assert refund and set(refund[0].values) == {"14", "30"}
    # {{customer.first_name}} with no fallback can render "Hi ,"
    assert ("late-parcel-warm", "customer.first_name") in report.blank_risks
    common = {c.name: c for c in report.common}
    assert common and all(c.count >= c.macros >= 1 for c in common.values())


def test_a_macro_in_another_language_gets_no_english_scores(tmp_path: Path) -> None:
    german = ("Sehr geehrte Frau Vogel, vielen Dank für Ihre Nachricht. Es tut uns sehr leid, dass die Lieferung "
              "sich verzögert. Wir haben das Paket heute neu verschickt und Sie erhalten es morgen.")
    path = tmp_path / "library.jsonl"
    path.write_text("".join(json.dumps(row) + "\n" for row in [{"title": "Verspätung", "body": german},
                                                               {"title": "Corporate apology", "body": COLD}]),
                    encoding="utf-8")
    report = audit(path, "jsonl")
    by_title = {m.title: m for m in report.macros}
    late = by_title["Verspätung"]
    assert "SK006" in {d.code for d in late.diagnostics}
    assert {p for p, v in late.scores.items() if v is not None} == {"flexibility"}
    assert not {d.code for d in late.diagnostics if d.code.startswith(("SK2", "SK3"))}
    assert all(v is not None for v in by_title["Corporate apology"].scores.values())  # English: judged
    assert report.averages["acknowledgment"] == by_title["Corporate apology"].scores["acknowledgment"]
    assert late.other_language == "de" and by_title["Corporate apology"].other_language is None
    assert report.not_judged == {"German": 1}
    assert report.to_dict()["summary"]["not_judged_other_language"] == {"German": 1}
    text = CliRunner().invoke(main, ["audit", str(path)], env={"NO_COLOR": "1", "COLUMNS": "200"}).output
    assert "Not judged by the English rules (SK006), so scored on flexibility only: 1 macro(s) in another " \
           "language (German 1)" in text


def test_json_and_text_output(library: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(main, ["audit", str(library), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["summary"]["macros"] == len(LIBRARY)
    assert data["summary"]["duplicate_groups"] >= 2 and data["summary"]["contradictions"] >= 1
    whole = [m for m in data["macros"] if not m["judged_in_part"]]  # (a fragment is ranked apart, after them)
    assert whole[0]["overall"] <= whole[-1]["overall"]
    assert set(data["macros"][0]["scores"]) == {"acknowledgment", "warm_language", "flexibility", "solution",
                                                "readability"}
    result = runner.invoke(main, ["audit", str(library), "--top", "3"])
    assert result.exit_code == 0, result.output
    assert "Worst 3 macros" in result.output and "Macro sprawl: 1 group(s) of exact duplicates" in result.output
    assert "Contradictions:" in result.output and "refund" in result.output.lower()
    assert "Placeholders that can render blank" in result.output


def test_audit_of_a_pack_folder(library: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    out = tmp_path / "pack"
    assert runner.invoke(main, ["import", str(library), "--out", str(out)]).exit_code == 0
    report = audit(out)
    assert report.format == "pack" and len(report.macros) == len(LIBRARY)
    assert report.macros[0].location.file.endswith(".yaml")


def test_html_escapes_hostile_text(library: Path, tmp_path: Path) -> None:
    report = audit(library, "jsonl")
    page = render_html(report)
    assert "<script>document.title" not in page and "<script>alert" not in page
    assert "&lt;script&gt;document.title=&#x27;pwned&#x27;&lt;/script&gt;" in page
    assert page.count("<script>") == 1  # the report's own script only
    assert "Content-Security-Policy" in page and "http://" not in page and "https://" not in page
    result = CliRunner().invoke(main, ["audit", str(library), "--html", str(tmp_path / "r.html")])
    assert result.exit_code == 0 and (tmp_path / "r.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_near_duplicates_scale_and_ignore_unrelated_text() -> None:
    base = ("thanks for waiting while I checked your order I have sent a replacement parcel by express post "
            "and it should reach you on monday morning")
    texts = [(f"m{i}", f"{base} reference {i}") for i in range(300)]
    texts += [(f"u{i}", f"completely different reply number {i} about passwords and logins and email codes "
                        f"sent to phone {i * 7} with a link") for i in range(300)]
    groups = find_duplicates(texts, threshold=0.7)
    near = [g for g in groups if g.kind == "near"]
    members = {m for g in near for m in g.members}
    assert {f"m{i}" for i in range(300)} <= members
    assert not any(m.startswith("u") and any(x.startswith("m") for x in g.members) for g in near for m in g.members)


def test_quantities_and_contradictions() -> None:
    found = list(quantities("a", "Refunds reach your card within 3-5 business days. Returns are free."))
    assert [(q.topic, q.unit, q.value) for q in found] == [("refund", "business days", "3-5")]
    same = find_contradictions([("a", "Your refund arrives in 5 days."), ("b", "Refunds take 5 days.")])
    assert same == []
    different = find_contradictions([("a", "Your refund arrives in five days."), ("b", "Refunds take 10 days.")])
    assert len(different) == 1 and set(different[0].values) == {"5", "10"}


def test_html_drill_down_shows_highlights_suggestions_and_rewrites() -> None:
    from scriptkit.audit import AuditReport, Highlight, MacroAudit
    from scriptkit.diagnostics import Edit, Fix

    text = "We regret the inconvenience. I'll fix it today."
    diag = Diagnostic("SK201", "corporate-phrase", "a stock phrase <here>", Severity.WARNING, Location("f", 1, 1),
                      text="We regret the inconvenience", suggestion="Say sorry in your own words.",
                      fix=Fix("reword", (Edit("f", 0, 27, "I'm sorry this happened & <it> hurt"),)))
    macro = MacroAudit(id="m1", title="T <1>", text=text, location=Location("export.json", 3, 5), script_file="f",
                       diagnostics=[diag], scores=dict.fromkeys(("acknowledgment", "warm_language", "flexibility",
                                                                 "solution", "readability"), 70.0),
                       highlights=[Highlight(0, 27, "SK201", "corporate-phrase", "a stock phrase <here>", "warning",
                                             diag.suggestion)])
    page = render_html(AuditReport("export.json", "zendesk", [macro], [], [], []))
    assert '<mark class="warning" data-code="SK201" title="SK201 a stock phrase &lt;here&gt;">We regret the ' \
           'inconvenience</mark><sup class="sev">SK201 warning</sup>. I&#x27;ll fix it today.' in page
    assert "Suggested: Say sorry in your own words." in page
    assert "Rewrite: &ldquo;<bdi>We regret the inconvenience</bdi>&rdquo; &rarr; &ldquo;<bdi>I&#x27;m sorry this " \
           "happened &amp; &lt;it&gt; hurt</bdi>&rdquo;" in page
    assert 'id="m-m1"' in page and "T &lt;1&gt;" in page


def test_project_settings_apply_to_an_export(library: Path, tmp_path: Path) -> None:
    # (the settings found from the export's folder upward; the working folder's are never read)
    (tmp_path / "scriptkit.toml").write_text('ignore = ["warmth"]\n', encoding="utf-8")
    report = audit(library, "jsonl")
    assert "warm_language" not in report.judged
    assert all(m.scores["warm_language"] is None for m in report.macros)
    assert not any(d.code.startswith("SK2") for m in report.macros for d in m.diagnostics)


def _scored(ident: str, value: float) -> MacroAudit:
    return MacroAudit(id=ident, title=f"Macro {ident}", text="", location=Location("export.json", 1, 1),
                      script_file="f", diagnostics=[], scores=dict.fromkeys(PRACTICES, value))


def test_fail_under_judges_the_library_mean() -> None:
    report = AuditReport("export.json", "zendesk", [_scored("a", 20.0), _scored("b", 80.0), _scored("c", 90.0)],
                         [], [], [])
    assert report.overall == 63.3
    # one weak macro does not fail a library whose mean reaches the bar
    assert report.falls_short(60) is None and report.falls_short(63.3) is None
    short = report.falls_short(70)
    assert short == ("overall score 63.3 is under --fail-under 70; 1 of 3 macro(s) score under it: "
                     "'Macro a' 20.0")
    many = AuditReport("x", "pack", [_scored(str(i), 10.0 * i) for i in range(6)], [], [], [])
    assert many.falls_short(99.5) == ("overall score 25.0 is under --fail-under 99.5; 6 of 6 macro(s) score under "
                                      "it: 'Macro 0' 0.0, 'Macro 1' 10.0, 'Macro 2' 20.0 and 3 more")
    assert AuditReport("x", "pack", [], [], [], []).falls_short(100) is None  # no macros, no score


def test_fail_under_sets_the_exit_code(library: Path, tmp_path: Path) -> None:
    overall = audit(library, "jsonl").overall
    assert overall is not None and overall < 100
    runner = CliRunner()
    passed = runner.invoke(main, ["audit", str(library), "--fail-under", f"{overall}"])
    assert passed.exit_code == 0, passed.output
    assert "audit failed" not in passed.stderr
    html = tmp_path / "r.html"
    failed = runner.invoke(main, ["audit", str(library), "--format", "json", "--html", str(html),
                                  "--fail-under", f"{overall + 0.1:.1f}"])
    assert failed.exit_code == 1
    assert f"audit failed: overall score {overall:.1f} is under --fail-under {overall + 0.1:.1f}" in failed.stderr
    assert json.loads(failed.stdout)["summary"]["overall"] == overall  # the report is still complete
    assert html.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    bad = runner.invoke(main, ["audit", str(library), "--fail-under", "101"])
    assert bad.exit_code == 2 and "--fail-under" in bad.output


def test_text_output_names_what_it_left_out_and_prints_titles_as_written(tmp_path: Path) -> None:
    """Titles in square brackets ('[/VIP] Refund') are text, not console markup (a closing tag
    crashed the report); an item without reply text is named where it is, not only counted."""
    export = tmp_path / "macros.json"
    export.write_text(json.dumps({"macros": [
        {"id": 1, "title": "[/VIP] Refund [red]", "actions": [{"field": "comment_value", "value": 7}]},
        {"id": 2, "title": "[bold]Late[/bold] parcel", "actions": [{"field": "comment_value", "value": WARM}]},
        {"id": 3, "title": "[b]Status only", "actions": [{"field": "status", "value": "solved"}]},
    ]}, indent=1), encoding="utf-8")
    result = CliRunner().invoke(main, ["audit", str(export), "--from", "zendesk", "--skip-bad"])
    assert result.exit_code == 0, result.output
    assert "macro 1 '[/VIP] Refund [red]': 'comment_value' should be text" in result.output
    assert "[bold]Late[/bold] parcel" in result.output
    assert f"skipped: {export}:" in result.output
    assert "macro 3 '[b]Status only': has no comment action" in result.output


def test_skip_bad_with_no_readable_item_names_each_item_it_left_out(tmp_path: Path) -> None:
    """'nothing to audit ... Fix the items listed above' listed none: audit does not print them first."""
    export = tmp_path / "macros.json"
    export.write_text('{"macros": [\n  "a title only",\n  {"id": 9, "actions": []}\n]}', encoding="utf-8")
    result = CliRunner().invoke(main, ["audit", str(export), "--from", "zendesk", "--skip-bad"])
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    assert "#1: each macro should be an object, found text" in result.output
    assert f"{export}:3:" in result.output and "macro 9: has no 'title'" in result.output
    assert "nothing to audit: none of the items could be read" in result.output
