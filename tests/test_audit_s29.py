"""Session 29's lead audit: an export's macros are shown, named and quoted in the helpdesk's own words."""

from __future__ import annotations

import json
from pathlib import Path

from scriptkit.audit import audit

GREETING = ("{% if ticket.requester.first_name != blank %}Hey {{ticket.requester.first_name}}{% else %}Hey there"
            "{% endif %},")
SHIPPED = ("\n\nSorry the lamp is taking its time. I've asked the carrier to hurry it along, and it will reach you "
           "by Monday.\n\nCheers,\n{{current_user.first_name}}")


def _zendesk(tmp_path: Path, *macros: tuple[int, str, str]) -> Path:
    export = tmp_path / "zendesk.json"
    export.write_text(json.dumps({"macros": [
        {"id": i, "title": title, "active": True, "actions": [{"field": "comment_value", "value": body}]}
        for i, title, body in macros]}), encoding="utf-8")
    return export


def test_a_liquid_fallback_greeting_is_shown_once_as_written(tmp_path: Path) -> None:
    report = audit(_zendesk(tmp_path, (7, "Lamp late", GREETING + SHIPPED)))
    macro = report.macro("lamp-late")
    assert macro.text == GREETING + SHIPPED  # (not 'Hey {% if … %}Hey {{…}}…': the greeting's word twice)
    assert not any("Hey {%" in d.text for d in macro.diagnostics)  # (SK105 quotes the whole reply)
    for h in macro.highlights:  # each highlight still marks its finding's quote
        assert (h.code, macro.text[h.start:h.end]) in {(d.code, d.text) for d in macro.diagnostics}


KEPT = ("Dear [Client Name],\n\nI'm sorry for the wait. Your refund for order [Order Ref] will reach your card within "
        "21 days.\n\nBest,\nThe team")
QUICK = ("Hi {{ticket.requester.first_name}},\n\nSorry about the wait! I've refunded you today: it reaches your card "
         "within 7 days. {{ticket.ticket_field_777}} was charged back.\n\nBest,\n{{current_user.first_name}}")


def test_the_reports_name_each_macro_by_its_title_and_id_in_its_helpdesks_words(tmp_path: Path) -> None:
    from scriptkit.reporters.html import render_html
    from tests.conftest import run_cli

    export = _zendesk(tmp_path, (501, "Refunds::Slow one", KEPT), (502, "Refunds::Quick one", QUICK))
    text = run_cli("audit", str(export)).stdout
    contradictions = text[text.index("Contradictions"):text.index("Placeholders that can")]
    assert "Refunds::Slow one (id 501)" in contradictions and "Refunds::Quick one (id 502)" in contradictions
    assert "refunds-slow-one" not in text and "refunds-quick-one" not in text  # (the pack's names for them)
    risks = text[text.index("Placeholders that can"):text.index("Placeholders that did")]
    assert "Refunds::Quick one (id 502): {{ticket.ticket_field_777}} has no fallback" in risks
    assert "Refunds::Quick one (id 502): {{ticket.requester.first_name}} has no fallback" in risks
    unmapped = text[text.index("Placeholders that did"):]
    assert "Refunds::Slow one (id 501): [Client Name]: use {{ticket.requester.first_name}}" in unmapped
    data = json.loads(run_cli("audit", str(export), "--format", "json").stdout)
    [found] = data["contradictions"]
    slow = found["values"]["21"][0]
    assert (slow["macro"], slow["title"], slow["export_id"]) == ("refunds-slow-one", "Refunds::Slow one", "501")
    assert "order [Order Ref] will" in slow["sentence"]
    quick = next(m for m in data["macros"] if m["export_id"] == "502")
    assert "{{ticket.ticket_field_777}}" in quick["blank_risks_as_written"]
    page = render_html(audit(export))
    assert "order [Order Ref] will" in page and "[[order_ref]]" not in page
    assert "{{ticket.ticket_field_777}} can be empty" in page


TYPO = ("Hello {{ticket.requestor.first_name}},\n\nThanks for writing in! I've unlocked your account, so you can "
        "sign in again now. If it still won't let you in by tonight, reply here and I'll look again.")


def test_a_misspelt_zendesk_placeholder_is_read_empty_as_the_import_says(tmp_path: Path) -> None:
    from tests.conftest import run_cli

    export = _zendesk(tmp_path, (88, "Account unlocked", TYPO))
    [macro] = audit(export).macros
    [u] = macro.unmapped
    assert u.how_sent == "empty"
    assert macro.held_because == "it would send '{{ticket.requestor.first_name}}' empty"
    text = run_cli("audit", str(export)).stdout
    line = next(x for x in text.splitlines() if ": Account unlocked (id 88): " in x)  # (after its file:line:col)
    assert "Zendesk's Liquid sends it empty" in line and "did you mean {{ticket.requester.first_name}}?" in line
    assert "the customer reads “Hello ,”" in line
    assert "as written" not in line and "map it to a placeholder of the catalogue" not in line
    page = (tmp_path / "r.html")
    run_cli("audit", str(export), "--html", str(page))
    html = page.read_text(encoding="utf-8")
    assert "gets it as written" not in html and "did you mean {{ticket.requester.first_name}}?" in html
