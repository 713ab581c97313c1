"""A macro judged in part (another language, an internal note) has no overall score: its flexibility alone is none.
It showed 0 in text, 0.0 in JSON and a red 0 in HTML for a French macro with no room for the agent, which read as the
worst macro of the library."""

from __future__ import annotations

import json
import re
from pathlib import Path

from click.testing import CliRunner

from scriptkit.cli import main

GOOD = ("Hi {{ticket.requester.first_name}},\n\nI can see how frustrating the wait for your parcel has been, and I'm "
        "sorry it hasn't arrived. I've chased the carrier this morning and they've promised delivery by Friday. If "
        "it hasn't come by then, reply here and I'll send a replacement the same day.\n\nThanks,\n"
        "{{current_user.first_name}}")
FRENCH = ("Bonjour,\n\nJe comprends tout à fait votre frustration concernant ce retard de livraison. J'ai relancé le "
          "transporteur ce matin et votre colis arrivera vendredi. Merci de votre patience et à bientôt.\n\n"
          "Cordialement")


def test_its_overall_is_not_judged_in_every_report(tmp_path: Path) -> None:
    export = tmp_path / "zendesk.json"
    export.write_text(json.dumps({"macros": [
        {"id": 1, "title": "Late parcel", "actions": [{"field": "comment_value", "value": GOOD}]},
        {"id": 2, "title": "Colis en retard", "actions": [{"field": "comment_value", "value": FRENCH}]}]}),
        encoding="utf-8")
    runner = CliRunner()
    data = json.loads(runner.invoke(main, ["audit", str(export), "--format", "json"]).stdout)
    french = next(m for m in data["macros"] if m["title"] == "Colis en retard")
    assert french["judged_in_part"] and french["overall"] is None
    assert french["scores"]["flexibility"] == 0  # (no room for the agent: the score it has, shown as such)
    text = runner.invoke(main, ["audit", str(export)], env={"NO_COLOR": "1"}).stdout
    assert re.search(r"^\s+-\s+Colis en retard\s+\(id 2, French", text, re.MULTILINE), text
    html = tmp_path / "report.html"
    assert runner.invoke(main, ["audit", str(export), "--html", str(html)]).exit_code == 0
    page = html.read_text(encoding="utf-8")
    summary = re.search(r'<details class="macro" id="m-colis-en-retard"[^>]*><summary>(.*?)</summary>', page)
    assert summary is not None, page[:2000]
    assert summary.group(1).startswith('<span class="visually-hidden">overall score </span><span aria-hidden="true">'
                                       '<span class="score s-none" title="not judged">-</span></span>'
                                       '<span class="visually-hidden">not judged</span>')
    assert "s-bad" not in summary.group(1).split("</span>")[0]


def test_a_pack_folder_named_pack_is_said_once(tmp_path: Path) -> None:
    export = tmp_path / "zendesk.json"
    export.write_text(json.dumps({"macros": [
        {"id": 1, "title": "Late parcel", "actions": [{"field": "comment_value", "value": GOOD}]}]}), encoding="utf-8")
    runner = CliRunner()
    assert runner.invoke(main, ["import", str(export), "-o", str(tmp_path / "pack")]).exit_code == 0
    html = tmp_path / "report.html"
    text = runner.invoke(main, ["audit", str(tmp_path / "pack"), "--html", str(html)], env={"NO_COLOR": "1"}).stdout
    assert f"Audit of {tmp_path / 'pack'} (scriptkit pack): 1 macro(s)" in " ".join(text.split())
    assert "· scriptkit pack · 1 macro(s)</p></header>" in html.read_text(encoding="utf-8")
