"""A Help Scout saved reply's chat version, imported as the "Chat version" alternative, exported to a
helpdesk that keeps neither it nor agent notes: SK508 says it is not exported."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner
from export_fixtures import PACK_YAML, write_pack

from scriptkit.cli import main
from scriptkit.exporting import export

SAVED = {
    "saved_replies": [{
        "id": 501, "name": "Billing - Card declined",
        "text": "<p>Hi {%customer.firstName,fallback=there%},</p><p>I'm sorry your card was declined. Could you "
                "try a different card, or pay by invoice instead? Either works on our side.</p>",
        "chatText": "Hi {%customer.firstName,fallback=there%}! Sorry your card was declined. Could you try "
                    "another card, or pay by invoice instead?",
    }],
}

CARD = """\
id: card-declined
title: Card declined
channels: [email]
acknowledgment: "I'm sorry your card was declined."
flexibility:
  alternatives:
    - label: Chat version
      text: Sorry your card was declined! Could you try another card?
solution: Could you try a different card, or pay by invoice instead?
"""


def test_an_imported_chat_version_is_named_where_it_is_dropped(tmp_path: Path) -> None:
    source = tmp_path / "hs.json"
    source.write_text(json.dumps(SAVED), encoding="utf-8")
    runner = CliRunner()
    assert runner.invoke(main, ["import", str(source), "-o", str(tmp_path / "pack")]).exit_code == 0
    result = runner.invoke(main, ["export", str(tmp_path / "pack"), "--to", "gorgias", "--to", "intercom",
                                  "-o", str(tmp_path / "out")])
    assert "Traceback" not in result.output
    flat = " ".join(result.output.split())
    # (the same for both helpdesks: said once, naming the other)
    assert flat.count("SK508") == 1 and "chat version" in flat.lower() and "not exported" in flat
    assert "(the same for intercom)" in flat


def test_it_is_located_at_its_label_and_not_named_where_it_is_kept(tmp_path: Path) -> None:
    pack = write_pack(tmp_path / "p", {"card.yaml": CARD}, PACK_YAML)
    found = export(pack, ["front", "gorgias", "intercom", "freshdesk", "salesforce", "helpscout", "zendesk", "json"],
                   tmp_path / "out", lint=False).diagnostics
    dropped = [d for d in found if d.code == "SK508"]
    assert {d.extra["target"] for d in dropped} == {"front", "gorgias", "intercom", "freshdesk", "salesforce"}
    assert all(d.location.line == 7 and "playbook" in (d.suggestion or "") for d in dropped)
    # (an alternative of another label is the agent's choice, not a reply's chat version: named as an agent note)
    other = write_pack(tmp_path / "q", {"card.yaml": CARD.replace("Chat version", "Offer a refund")}, PACK_YAML)
    found = [d.message for d in export(other, ["gorgias"], tmp_path / "o2", lint=False).diagnostics
             if d.code == "SK508"]
    assert found == ["gorgias has no place for agent notes in a macro: the alternative 'Offer a refund' is not "
                     "exported, so agents there never see it"]
