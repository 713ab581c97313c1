"""The library's overall score counts only the macros judged on every practice: a macro judged in part (another
language, an internal note) has its flexibility score alone, and averaged in it skewed the library's score. Every
report says how many were left out."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from click.testing import CliRunner

from scriptkit.audit import PRACTICES, AuditReport, MacroAudit
from scriptkit.cli import main
from scriptkit.diagnostics import Location

GOOD = ("Hi {{ticket.requester.first_name}},\n\nI can see how frustrating the wait for your parcel has been, and I'm "
        "sorry it hasn't arrived. I've chased the carrier this morning and they've promised delivery by Friday. If "
        "it hasn't come by then, reply here and I'll send a replacement the same day.\n\nThanks for your patience,"
        "\n{{current_user.first_name}}")
SPANISH = ("Hola,\n\nGracias por escribirnos. Entiendo lo molesto que es esperar un reembolso. Hoy he tramitado la "
           "devolución del pago y llegará a su tarjeta en un plazo de cinco días hábiles. Si tiene alguna pregunta, "
           "responda a este correo y le ayudaré con gusto.\n\nUn saludo")


def _macro(ident: str, value: float, *, other_language: str | None = None, internal: bool = False) -> MacroAudit:
    scores: dict[str, float | None] = dict.fromkeys(PRACTICES, value)
    if other_language or internal:
        scores = {p: (value if p == "flexibility" else None) for p in PRACTICES}
    return MacroAudit(id=ident, title=f"Macro {ident}", text="", location=Location("export.json", 1, 1),
                      script_file="f", diagnostics=[], scores=scores, other_language=other_language,
                      internal=internal)


def test_the_overall_score_leaves_out_the_macros_judged_in_part() -> None:
    report = AuditReport("export.json", "zendesk", [
        _macro("a", 40.0), _macro("b", 60.0), _macro("es", 100.0, other_language="es"),
        _macro("note", 100.0, internal=True)], [], [], [])
    assert report.overall == 50.0  # (not 75.0: two flexibility-only 100s raised it)
    assert report.judged_in_part == 2 and [m.id for m in report.judged_in_full] == ["a", "b"]
    assert ("The overall score is the mean of the 2 macro(s) judged on every practice; the 1 judged in part are "
            "left out of it, and the 1 internal note is not scored") in report.set_aside()
    summary = report.to_dict()["summary"]
    assert (summary["overall"], summary["judged_in_full"], summary["judged_in_part"]) == (50.0, 2, 2)
    assert report.falls_short(55) == ("overall score 50.0 is under --fail-under 55; 1 of 2 macro(s) (2 judged in "
                                      "part left out) score under it: 'Macro a' 40.0")


def test_a_library_with_no_macro_judged_in_full_has_no_overall_score() -> None:
    report = AuditReport("export.json", "zendesk", [_macro("es", 70.0, other_language="es")], [], [], [])
    assert report.overall is None
    # (a --fail-under gate that judged nothing fails, saying why, rather than pass in silence)
    assert report.falls_short(10) == (
        "no macro is judged on every practice (all 1 are judged in part: in another language, internal notes, or "
        "fragments of a reply), so the library has no overall score to hold to --fail-under 10; gate a library of "
        "customer replies in English, or leave out --fail-under")
    assert report.falls_short(0) is None  # (a bar of 0 holds nothing back)
    assert "No macro was judged on every practice, so the library has no overall score" in report.set_aside()
    assert report.to_dict()["summary"]["overall"] is None


def test_a_library_judged_in_full_reads_as_before() -> None:
    report = AuditReport("export.json", "zendesk", [_macro("a", 20.0), _macro("b", 80.0)], [], [], [])
    assert report.overall == 50.0 and report.judged_in_part == 0
    assert report.set_aside() == []
    assert report.falls_short(60) == "overall score 50.0 is under --fail-under 60; 1 of 2 macro(s) score under it: " \
                                     "'Macro a' 20.0"


def _zendesk(*bodies: tuple[str, str]) -> dict[str, Any]:
    return {"macros": [{"id": n, "title": title, "actions": [{"field": "comment_value", "value": body}]}
                       for n, (title, body) in enumerate(bodies, 1)]}


def test_every_report_of_the_cli_leaves_them_out(tmp_path: Path) -> None:
    export = tmp_path / "zendesk.json"
    export.write_text(json.dumps(_zendesk(("Late parcel", GOOD), ("Reembolso", SPANISH))), encoding="utf-8")
    html = tmp_path / "report.html"
    runner = CliRunner()
    as_json = runner.invoke(main, ["audit", str(export), "--from", "zendesk", "--format", "json", "--html", str(html)])
    assert as_json.exit_code == 0, as_json.output
    data = json.loads(as_json.stdout)
    english = next(m for m in data["macros"] if m["title"] == "Late parcel")
    spanish = next(m for m in data["macros"] if m["title"] == "Reembolso")
    assert spanish["judged_in_part"] and spanish["overall"] is None  # (flexibility alone is no overall score)
    # the library's score is the English macro's alone, not pulled down (or up) by the Spanish one's flexibility
    assert data["summary"]["overall"] == english["overall"]
    assert (data["summary"]["judged_in_full"], data["summary"]["judged_in_part"]) == (1, 1)
    text = runner.invoke(main, ["audit", str(export), "--from", "zendesk"]).stdout
    assert f"overall score {english['overall']:.0f}/100" in text.splitlines()[0]
    assert "the 1 judged in part are left out of it" in text
    page = html.read_text(encoding="utf-8")
    assert "the 1 judged in part are left out of it" in page
    assert '<div class="card"><b>' + f"{english['overall']:.0f}/100" + "</b><span>overall score</span>" in page
    # the score distribution counts the English macro only, and its bars list no macro judged in part
    counts = [int(n) for n in re.findall(r'data-bucket="\d" data-count="(\d+)"', page)]
    assert sum(counts) == 1
    assert 'id="m-reembolso" data-score="0.0" data-part="1"' in page  # (no flexibility: 0, s17)
