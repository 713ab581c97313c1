"""A fragment (a bare list, a line with no finished sentence) is judged on its phrases only, yet it showed 100 for
acknowledgment, warm language, solution... that no rule judged: a list of documents read as a model of empathy.
A practice none of its phrases costs points in is not judged now: "-" in text and HTML, null with a reason in
JSON, as a macro in another language is shown; a phrase's finding still costs its practice."""

from __future__ import annotations

import json
import re
from pathlib import Path

from click.testing import CliRunner

from scriptkit.audit import PRACTICES, audit_library
from scriptkit.cli import main

WHOLE = ("Hi there,\n\nI'm so sorry the charger arrived broken, I know how annoying that is. I've sent a new one "
         "today and you'll have it by Thursday. If it doesn't turn up, reply here and I'll refund you.\n\nThanks,\nAl")
ROWS = [
    {"id": "charger", "title": "Broken charger", "body": WHOLE},
    {"id": "ids", "title": "Accepted ids", "body": "- Passport\n- Driving licence\n- Student card"},
    {"id": "sorry", "title": "Sorry opener", "body": "Apologies for any inconvenience caused"},
]


def _library(tmp_path: Path) -> Path:
    path = tmp_path / "library.jsonl"
    path.write_text("".join(json.dumps(row) + "\n" for row in ROWS), encoding="utf-8")
    return path


def test_a_fragment_is_scored_only_where_its_phrases_cost_points(tmp_path: Path) -> None:
    report = audit_library(_library(tmp_path))
    by_id = {m.export_id: m for m in report.macros}
    ids, sorry = by_id["ids"], by_id["sorry"]
    assert ids.fragment and sorry.fragment
    assert ids.scores == dict.fromkeys(PRACTICES)  # (nothing in a list of documents was judged a practice)
    assert sorry.scores["warm_language"] is not None and sorry.scores["warm_language"] < 100
    assert sorry.scores["acknowledgment"] is None and sorry.scores["solution"] is None
    # each practice left unscored says why; a scored one has no reason
    assert set(ids.not_judged_because) == set(PRACTICES)
    assert "a list with no reply around it" in ids.not_judged_because["acknowledgment"]
    assert "warm_language" not in sorry.not_judged_because
    assert by_id["charger"].not_judged_because == {}
    # the library's averages are the whole replies' alone
    assert report.averages["acknowledgment"] == by_id["charger"].scores["acknowledgment"]


def test_every_report_shows_it_as_not_judged(tmp_path: Path) -> None:
    library, runner = _library(tmp_path), CliRunner()
    data = json.loads(runner.invoke(main, ["audit", str(library), "--format", "json"]).stdout)
    macros = {m["title"]: m for m in data["macros"]}
    assert macros["Accepted ids"]["scores"]["acknowledgment"] is None
    assert "not a whole reply" in macros["Accepted ids"]["not_judged"]["acknowledgment"]
    assert macros["Broken charger"]["not_judged"] == {}
    text = runner.invoke(main, ["audit", str(library)], env={"NO_COLOR": "1"}).stdout
    ids = text.split("Accepted ids", 1)[1].split("\n")[1]
    assert "acknowledgment -, warm language -, flexibility -, solution -, readability -" in ids
    assert "acknowledgment 100" not in text.split("Not whole replies", 2)[2]
    html = tmp_path / "report.html"
    assert runner.invoke(main, ["audit", str(library), "--html", str(html)]).exit_code == 0
    block = re.search(r'<details class="macro" id="m-ids".*?</summary>', html.read_text(encoding="utf-8"),
                      re.DOTALL)
    assert block is not None and ">100<" not in block.group(0)
    assert 'title="not judged: not a whole reply (a list with no reply around it)' in block.group(0)
