"""``scriptkit review``: a fix is offered only where the file spells the replaced text as it reads."""

from __future__ import annotations

import base64
import json
from pathlib import Path
from typing import Any

from click.testing import CliRunner

from scriptkit import lint_text
from scriptkit.cli import main


def review(path: Path, *args: str) -> Any:
    run = CliRunner().invoke(main, ["review", str(path), "--grammar", "off", "--format", "json", *args],
                             env={"NO_COLOR": "1"})
    return run, json.loads(run.stdout)


def test_no_fix_across_html_markup_and_each_fix_edits_the_literal_text(tmp_path: Path) -> None:
    page = tmp_path / "h3.html"
    page.write_text("<p>Hi Dana,</p><p>Sorry. Please note that <b>we are</b> unable to refund today. "
                    "We are <i>unable to</i> wait. And we are unable to &amp; stop.</p>\n", encoding="utf-8")
    _, report = review(page)
    given = page.read_text(encoding="utf-8")
    fixes = [(d["text"], d["fix"]) for d in report["diagnostics"] if d["fix"] is not None]
    for text, fix in fixes:
        for edit in fix["edits"]:
            assert given[edit["start"]:edit["end"]] == text, fix  # (never '</b>' or '<i>' in what it replaces)
    # the third "we are unable to" is written plainly: its fix stays
    assert [f["edits"][0]["replacement"] for t, f in fixes if "unable" in t] == ["we can't"]
    assert report["summary"]["fixable"] == len(fixes)


def test_no_fix_where_the_text_is_an_entity_or_quoted_printable(tmp_path: Path) -> None:
    reply = "Hi Dana,\n\nI=E2=80=99m sorry. We a=\nre unable to refund today, but we are unable to wait.\n"
    part = tmp_path / "part.txt"
    part.write_text('Content-Type: text/plain; charset="UTF-8"\nContent-Transfer-Encoding: quoted-printable\n\n'
                    + reply, encoding="utf-8")
    _, report = review(part, "--select", "SK201")
    given = part.read_text(encoding="utf-8")
    edits = [e for d in report["diagnostics"] if d["fix"] for e in d["fix"]["edits"]]
    assert [given[e["start"]:e["end"]] for e in edits] == ["we are unable to"]  # (not "We a=\nre unable to")


def test_a_base64_part_offers_no_fix_and_says_where_its_locations_point(tmp_path: Path) -> None:
    text = "Hi Dana,\n\nI am sorry about the wait. Please be advised that we are unable to refund today.\n\nPriya\n"
    mail = tmp_path / "b64.eml"
    mail.write_text('From: Priya <p@example.com>\nTo: d@example.com\nSubject: x\nMIME-Version: 1.0\n'
                    'Content-Type: text/plain; charset="utf-8"\nContent-Transfer-Encoding: base64\n\n'
                    + base64.encodebytes(text.encode()).decode(), encoding="utf-8")
    run, report = review(mail)
    assert report["diagnostics"] and all(d["fix"] is None for d in report["diagnostics"])
    assert report["summary"]["fixable"] == 0
    # (base64 has no place for a decoded word: a finding is at the base64 that encodes it, and the note says so)
    assert all(d["line"] in (8, 9) for d in report["diagnostics"])
    assert "read as an email with its text base64-encoded (a line and column are those of the base64" in run.stderr
    result = lint_text(mail.read_text(encoding="utf-8"), file=str(mail), grammar="off")
    assert result.read_as is not None and "base64" in result.read_as
    assert result.fixes == []


def test_html_line_breaks_and_spaces_inside_the_words_keep_the_fix(tmp_path: Path) -> None:
    # (a browser reads "we are\n    unable to" as "we are unable to": the edit changes those words only)
    page = tmp_path / "hw.html"
    page.write_text("<p>Hi Dana,</p><p>Sorry. Sadly we are\n    unable to refund it today.</p>\n"
                    "<p>We  are unable to wait.</p>\n", encoding="utf-8")
    _, report = review(page, "--select", "SK201")
    given = page.read_text(encoding="utf-8")
    edits = [d["fix"]["edits"][0] for d in report["diagnostics"] if d["fix"] is not None]
    assert [(given[e["start"]:e["end"]], e["replacement"]) for e in edits] == [
        ("we are\n    unable to", "we can't"), ("We  are unable to", "We can't")]
