"""Literal braces a Liquid macro escapes with {% raw %}...{% endraw %}: imported as text (not as a
placeholder or a blank), kept literal in the pack, and written back in {% raw %} by the Liquid exports,
so the helpdesk's Liquid shows the braces again (rendered here by a real Liquid engine)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from liquid import Environment

from scriptkit import import_library, load_pack, render_pack
from scriptkit.cli import main
from scriptkit.importers.dialects import BlankPiece, PlaceholderPiece

# a help-centre macro that teaches customers the template syntax of the product they bought
ZENDESK_BODY = ("Hi {{ticket.requester.first_name}},\n\nI'm sorry the invoice template printed the wrong "
                "name.\n\nIn the template editor, type {% raw %}{{ client.name }}{% endraw %} where the name "
                "goes, and {% raw %}{{ticket.id}}{% endraw %} for the order number. I've reset your template "
                "today, so it prints correctly from now on.\n\nBest,\n{{current_user.first_name}}")


def _run(*args: str) -> Any:
    return CliRunner().invoke(main, list(args), env={"NO_COLOR": "1"})


def _zendesk_export(path: Path, body: str, field: str = "comment_value") -> Path:
    path.write_text(json.dumps({"macros": [{"id": 7, "title": "Invoice template name", "active": True,
                                            "actions": [{"field": field, "value": body}]}]}, indent=1),
                    encoding="utf-8")
    return path


@pytest.mark.timeout(60)
def test_zendesk_raw_block_is_literal_text_not_a_placeholder(tmp_path: Path) -> None:
    lib = import_library(_zendesk_export(tmp_path / "macros.json", ZENDESK_BODY), "zendesk")
    (macro,) = lib.macros
    assert "type {{ client.name }} where the name goes, and {{ticket.id}} for the order number" in macro.text
    placeholders = [p.name for p in macro.pieces if isinstance(p, PlaceholderPiece)]
    assert placeholders == ["customer.first_name", "agent.first_name"]  # (not ticket.id, not zendesk.client_name)
    assert not macro.blanks
    assert any("'{{ client.name }}', '{{ticket.id}}' stood in {% raw %} in Zendesk" in n for n in macro.notes)
    pack = lib.write(tmp_path / "pack")
    (message,) = render_pack(load_pack(pack))
    assert message.text == macro.text
    script = (pack / "scripts" / "invoice-template-name.yaml").read_text(encoding="utf-8")
    assert "type {{ '{{' }} client.name }} where" in script


@pytest.mark.timeout(60)
def test_round_trip_on_disk_zendesk_liquid_shows_the_braces(tmp_path: Path) -> None:
    source = _zendesk_export(tmp_path / "macros.json", "<p>" + ZENDESK_BODY.replace("\n\n", "</p><p>") + "</p>",
                             "comment_value_html")
    pack = tmp_path / "pack"
    imported = _run("import", str(source), "--from", "zendesk", "-o", str(pack))
    assert imported.exit_code == 0, imported.output
    checked = _run("check", str(pack), "--fail-on", "error", "--grammar", "off")
    assert checked.exit_code == 0, checked.output  # (the literal braces are no leftover fill-in marker)
    out = tmp_path / "out"
    exported = _run("export", str(pack), "--to", "zendesk", "-o", str(out), "--grammar", "off")
    assert exported.exit_code == 0, exported.output
    payload = json.loads((out / "zendesk" / "macros" / "invoice-template-name.json").read_text(encoding="utf-8"))
    body = next(a["value"] for a in payload["macro"]["actions"] if a["field"] == "comment_value_html")
    assert "{% raw %}{{{% endraw %}" in body
    shown = Environment().from_string(body).render(
        ticket={"id": 48213, "requester": {"first_name": "Maya"}}, current_user={"first_name": "Sam"})
    assert shown.startswith("<p>Hi Maya,</p>") and shown.endswith("Best, Sam</p>")
    assert "type {{ client.name }} where the name goes, and {{ticket.id}} for the order number" in shown
    # imported again, the export reads as the original did
    again = import_library(out / "zendesk" / "macros.json", "zendesk")
    assert "type {{ client.name }} where the name goes, and {{ticket.id}} for" in again.macros[0].text


@pytest.mark.timeout(60)
def test_freshdesk_raw_block_of_a_field_stays_literal(tmp_path: Path) -> None:
    data = tmp_path / "canned.json"
    data.write_text(json.dumps([{"id": 3, "title": "Template help", "content_html":
                                 "<p>Hello {{ticket.requester.firstname}},</p><p>Write "
                                 "{% raw %}{{ticket.requester.firstname}}{% endraw %} in your own template and "
                                 "I'll check it for you today.</p>"}]), encoding="utf-8")
    (macro,) = import_library(data, "freshdesk").macros
    assert macro.text == ("Hello {{customer.first_name}},\n\nWrite {{ticket.requester.firstname}} in your own "
                          "template and I'll check it for you today.")
    assert [p.name for p in macro.pieces if isinstance(p, PlaceholderPiece)] == ["customer.first_name"]


def test_raw_inside_template_logic_stays_in_the_blank_as_written(tmp_path: Path) -> None:
    logic = "{% if ticket.status == 'open' %}Type {% raw %}{{x}}{% endraw %} now.{% endif %}"
    body = f"I've fixed it today: type {{% raw %}}{{{{y}}}}{{% endraw %}} there. {logic}"
    lib = import_library(_zendesk_export(tmp_path / "m.json", body), "zendesk")
    (blank,) = lib.macros[0].blanks.values()  # (the logic; the raw {{y}} outside it is text)
    assert isinstance(blank, BlankPiece) and blank.original == logic
    assert lib.macros[0].text.startswith("I've fixed it today: type {{y}} there. [[if]]")


def test_raw_text_as_a_fallback_is_the_fallback(tmp_path: Path) -> None:
    body = ("Hi {% if ticket.requester.first_name %}{{ticket.requester.first_name}}{% else %}"
            "{% raw %}{{friend}}{% endraw %}{% endif %}, I've fixed it today.")
    (macro,) = import_library(_zendesk_export(tmp_path / "m.json", body), "zendesk").macros
    (name,) = [p for p in macro.pieces if isinstance(p, PlaceholderPiece)]
    assert name.name == "customer.first_name" and name.fallback == "{{friend}}"
    assert "{% raw %}" in name.original and "\ue000" not in name.original

