"""The numbers that contradict each other are found by English words (a refund, "5 business days"): a library in
Spanish said "Contradictions: 0" of two macros promising a refund in 5 and in 10 días hábiles, as if checked. The
report says which macros the check did not read, in the text, the JSON and the HTML."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from scriptkit.audit import audit
from scriptkit.cli import main
from scriptkit.reporters.html import render_html

ROWS = [
    ("Reembolso rápido", "Hola, siento mucho la demora. Tu reembolso llegará a tu cuenta en 4 días hábiles. "
                         "Te escribo yo si algo cambia."),
    ("Reembolso lento", "Hola, gracias por esperar. El reembolso tarda 12 días hábiles en llegar a tu banco. "
                        "Te aviso en cuanto salga."),
    ("Late parcel", "I'm sorry your parcel is late. I've asked the courier to bring it tomorrow, and I'll send "
                    "you the tracking link tonight."),
]


def _library(tmp_path: Path) -> Path:
    path = tmp_path / "library.jsonl"
    path.write_text("".join(json.dumps({"title": t, "body": b}, ensure_ascii=False) + "\n" for t, b in ROWS),
                    encoding="utf-8")
    return path


def test_the_report_says_contradictions_were_not_checked_in_another_language(tmp_path: Path) -> None:
    path = _library(tmp_path)
    report = audit(path, "jsonl")
    assert report.contradictions_not_checked == {"Spanish": 2}
    summary = report.to_dict()["summary"]
    assert summary["contradictions"] == 0 and summary["contradictions_not_checked"] == {"Spanish": 2}
    text = CliRunner().invoke(main, ["audit", str(path)], env={"NO_COLOR": "1", "COLUMNS": "200"}).output
    said = ("Contradictions not checked in 2 macro(s) in another language (Spanish 2): the check reads "
            "English words only")
    assert said in text
    assert said in render_html(report)


def test_an_english_library_says_nothing_of_it(tmp_path: Path) -> None:
    path = tmp_path / "library.jsonl"
    path.write_text(json.dumps({"title": ROWS[2][0], "body": ROWS[2][1]}) + "\n", encoding="utf-8")
    report = audit(path, "jsonl")
    assert report.contradictions_not_checked == {}
    assert not any("Contradictions not checked" in line for line in report.set_aside())
