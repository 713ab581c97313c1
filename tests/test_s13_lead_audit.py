"""A lead's audit of a helpdesk export: internal notes are not judged as replies to a customer,
macros the helpdesk keeps from the agents are marked so, and the HTML report puts what to fix
first above the list of every macro, also with 500 and more of them (in headless Chromium)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from scriptkit.cli import main
from tests import browser

NOTE = ("Escalating: the export button does nothing on Safari 17 for this customer. Repro steps are in the "
        "first comment; please check the console log attached.")
REPLY = ("Hi {{ticket.requester.first_name}},\n\nI'm sorry the export failed, I know you needed that file "
         "today. I've sent it to your inbox myself, and the fix ships on Friday.\n\nBest,\n{{current_user.first_name}}")


def _export(path: Path) -> Path:
    macros = [
        {"id": 360015, "title": "Internal::Escalate to tier 2", "active": True, "actions": [
            {"field": "comment_value", "value": NOTE}, {"field": "comment_mode_is_public", "value": "false"}]},
        {"id": 360016, "title": "Exports::Failed export (old)", "active": False, "actions": [
            {"field": "comment_value", "value": "Dear Customer,\n\nPlease be advised that your request has been "
                                                "forwarded to the relevant department."}]},
        {"id": 360017, "title": "Exports::Failed export", "active": True, "actions": [
            {"field": "comment_value", "value": REPLY}]},
    ]
    path.write_text(json.dumps({"macros": macros, "next_page": None, "count": 3}, indent=1), encoding="utf-8")
    return path


def test_an_internal_note_is_not_judged_as_a_reply_and_an_inactive_macro_is_marked(tmp_path: Path) -> None:
    """An escalation note for tier 2 was told to acknowledge the customer's feelings and add a warm
    line (SK301, SK207), its scores pulling the library down; a macro switched off in Zendesk was
    listed among the worst with nothing to say it is not in use."""
    export = _export(tmp_path / "macros.json")
    text = CliRunner().invoke(main, ["audit", str(export)])
    assert text.exit_code == 0, text.output
    assert ("Not judged as replies to a customer, so not scored: 1 internal note(s) "
            "(for the agents, never sent)") in text.stdout
    assert "Not in use in the helpdesk: 1 macro(s) (1 switched off), marked beside them" in text.stdout
    assert f"Exports::Failed export (old)  (id 360016, switched off, {export}:" in text.stdout
    assert f"Internal::Escalate to tier 2  (id 360015, internal note, {export}:" in text.stdout

    data = json.loads(CliRunner().invoke(main, ["audit", str(export), "--format", "json"]).stdout)
    assert data["summary"]["not_judged_internal_notes"] == 1 and data["summary"]["unused"] == {"switched off": 1}
    by_id = {m["export_id"]: m for m in data["macros"]}
    note = by_id["360015"]
    assert note["internal"] is True and note["unused"] is None
    assert [p for p, v in note["scores"].items() if v is not None] == []  # (no reply: no reply's practice)
    assert {d["code"] for d in note["diagnostics"]} <= {"SK001"}  # template findings only
    assert by_id["360016"]["unused"] == "switched off" and by_id["360016"]["scores"]["warm_language"] < 100
    assert by_id["360017"]["internal"] is False and by_id["360017"]["unused"] is None

    # the imported pack is audited the same way: its script keeps the settings that say so
    assert CliRunner().invoke(main, ["import", str(export), "-o", str(tmp_path / "pack")]).exit_code == 0
    pack = json.loads(CliRunner().invoke(main, ["audit", str(tmp_path / "pack"), "--format", "json"]).stdout)
    assert {m["id"]: (m["internal"], m["unused"]) for m in pack["macros"]} == \
        {m["id"]: (m["internal"], m["unused"]) for m in data["macros"]}


def test_the_html_report_leads_with_what_to_fix_first(tmp_path: Path) -> None:
    export = _export(tmp_path / "macros.json")
    out = tmp_path / "report.html"
    assert CliRunner().invoke(main, ["audit", str(export), "--html", str(out)]).exit_code == 0
    page = out.read_text(encoding="utf-8")
    order = [page.index(f'<section id="{s}">') for s in ("common", "duplicates", "contradictions", "macros")]
    assert order == sorted(order)
    assert '<nav class="toolbar" id="order">Work in this order:' in page
    assert "Not in use in the helpdesk: 1 macro(s) (1 switched off)" in page
    assert re.search(r'Exports::Failed export \(old\)</bdi> <span class="muted state">\(switched off\)</span>', page)
    assert "<b>internal note</b>, not judged as a reply" in page


@pytest.mark.chromium
def test_a_report_of_520_macros_opens_in_chromium_with_the_summary_first(tmp_path: Path) -> None:
    """In a library of hundreds, the most common problems stood below every macro's row (thousands
    of pixels down); they now come first, and the page still loads and drills into a macro."""
    openers = ["I'm sorry the {t} took this long.", "Thanks for telling me about the {t}.", "Dear Customer,",
               "We apologize for any inconvenience caused."]
    fixes = ["I've fixed it today, and you'll get an email within {n} hours.",
             "Please be advised that your request has been forwarded to the relevant department.",
             "Kindly send your order number at your earliest convenience."]
    topics = ["late parcel", "double charge", "login problem", "missing refund", "broken zip"]
    macros = [{"id": 800000 + i, "title": f"Topic {i % 9}::Reply {i:03d}", "active": i % 13 != 0, "actions": [
        {"field": "comment_value", "value": "Hi {{ticket.requester.first_name}},\n\n"
         + openers[i % 4].format(t=topics[i % 5]) + " " + fixes[i % 3].format(n=3 + i % 40)
         + f" (ref {i})\n\nBest,\n{{{{current_user.first_name}}}}"}]} for i in range(520)]
    export = tmp_path / "macros.json"
    export.write_text(json.dumps({"macros": macros, "next_page": None, "count": 520}), encoding="utf-8")
    out = tmp_path / "report.html"
    result = CliRunner().invoke(main, ["audit", str(export), "--html", str(out)])
    assert result.exit_code == 0, result.output
    dom = browser.run(out.as_uri() + "#drill=topic-4-reply-013", "--dump-dom").stdout
    assert 'data-ready="1"' in dom
    assert len(re.findall(r'<details class="macro', dom)) == 520
    assert dom.index('id="common"') < dom.index('id="macros"')
    opened = re.search(r'<details class="macro[^"]*" id="m-topic-4-reply-013"[^>]*>', dom)
    assert opened and " open" in opened.group(0)
    assert len(re.findall(r'<summary>(?:(?!</summary>).)*<span class="muted state">\(switched off\)</span>', dom)) \
        == 40  # 0, 13, ..., 507 (in each one's summary line)


def test_the_worst_macros_list_each_exact_copy_once(tmp_path: Path) -> None:
    """A library that copied its worst reply three times listed it three times among the worst ten,
    leaving less room for the other replies to fix."""
    cold = "Dear Customer,\n\nPlease be advised that your request has been forwarded to the relevant department."
    warm = ("Hi {{ticket.requester.first_name}},\n\nI'm sorry the parcel is late. I've chased the courier today "
            "and I'll email you by Friday.")
    bodies = {"Cold 1": cold, "Cold 2": cold, "Cold 3": cold, "Warm": warm,
              "Kindly": "Kindly send your order number at your earliest convenience."}
    macros = [{"id": n, "title": t, "active": True, "actions": [{"field": "comment_value", "value": b}]}
              for n, (t, b) in enumerate(bodies.items(), start=1)]
    export = tmp_path / "macros.json"
    export.write_text(json.dumps({"macros": macros, "next_page": None, "count": len(macros)}), encoding="utf-8")
    result = CliRunner().invoke(main, ["audit", str(export), "--top", "2"], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    worst = result.stdout.split("Worst 2 macros")[1].split("Most common problems")[0]
    assert worst.count("  Cold ") == 1 and "and 2 exact copies of it (under Macro sprawl)" in worst
    assert "  Kindly  (id 5" in worst
