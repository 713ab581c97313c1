"""The audit names each common problem by the practice it costs points in: "SK406 no-flexibility
(solution)" beside a Flexibility score column read as a solution finding."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from scriptkit.audit import PRACTICE_LABELS, audit
from scriptkit.cli import main
from scriptkit.reporters.html import render_html
from scriptkit.rules.base import family_of, practice_of

ROWS = [
    {"title": "Refund policy", "body": "Please be advised that refunds are not possible under any circumstances. "
                                       "Per our policy, we cannot make exceptions."},
    {"title": "Late order", "body": "Hi {{ticket.requester.first_name}}, your order ships on Friday. "
                                    "Kindly check the tracking link."},
    {"title": "Password", "body": "To reset your password, click the link on the sign-in page."},
]


def _library(tmp_path: Path) -> Path:
    library = tmp_path / "library.jsonl"
    library.write_text("".join(json.dumps(row) + "\n" for row in ROWS), encoding="utf-8")
    return library


def test_each_common_problem_is_labelled_with_its_rule_s_own_practice(tmp_path: Path) -> None:
    report = audit(_library(tmp_path))
    by_code = {c.code: c for c in report.common}
    flexibility = by_code["SK406"]
    assert (flexibility.family, flexibility.practice, flexibility.label) == ("solution", "flexibility", "flexibility")
    assert by_code["SK401"].label == "solution" and by_code["SK201"].label == "warm language"
    assert by_code["SK001"].practice is None and by_code["SK001"].label == "template, not scored"
    for c in report.common:
        assert c.family == family_of(c.code) and c.practice == practice_of(c.code, c.name)
        if c.practice is None:
            continue
        assert c.label == PRACTICE_LABELS[c.practice].lower()
        # the label is the score column the finding costs points in, in every macro it is found in
        for m in report.macros:
            if any(d.code == c.code for d in m.diagnostics):
                assert (m.scores[c.practice] or 0) < 100, (c.code, m.title, m.scores)


def test_the_json_and_html_reports_name_the_practice(tmp_path: Path) -> None:
    library = _library(tmp_path)
    run = CliRunner().invoke(main, ["audit", str(library), "--format", "json"])
    assert run.exit_code == 0, run.output
    common = {c["code"]: c for c in json.loads(run.output)["common_problems"]}
    assert (common["SK406"]["family"], common["SK406"]["practice"]) == ("solution", "flexibility")
    assert common["SK001"]["practice"] is None
    html = render_html(audit(library))
    assert "<th>rule</th><th>practice</th>" in html
    assert ('<td class=code><a href="#rule=SK406">SK406</a></td><td class=rule>no-flexibility</td><td>flexibility</td>'
            in html), html


def test_the_text_report_names_the_practice(tmp_path: Path) -> None:
    run = CliRunner().invoke(main, ["audit", str(_library(tmp_path))], env={"NO_COLOR": "1", "COLUMNS": "200"})
    assert run.exit_code == 0, run.output
    assert "SK406 no-flexibility (flexibility):" in run.output
    # each listed problem is labelled with its own practice (which rules make the top of the list changes
    # as rules change: SK401 is listed and labelled "(solution)" since 556f5de, rightly)
    listed = [line.split(":")[0].split() for line in run.output.split("Most common problems\n")[1].splitlines()
              if line.startswith("  SK")]
    assert len(listed) >= 5, run.output
    labels = {c.code: c.label for c in audit(_library(tmp_path)).common}
    for code, _name, *label in listed:
        assert " ".join(label) == f"({labels[code]})", (code, label)
