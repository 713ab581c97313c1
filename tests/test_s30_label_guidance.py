"""SK406: a guidance of one or two words ("Refunds", as a Zendesk macro's description often holds) is a
label, not room for the agent. Before, it counted as flexibility, so an imported library of macros whose
descriptions are labels was never told it leaves agents nothing to adapt."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from scriptkit.cli import main

SCRIPT = """id: late
title: Late parcel
channels: [email]
acknowledgment: "I can see how worrying it is that your parcel is late."
warm_language: "Thanks so much for your patience with this."
flexibility:
  guidance: {guidance}
solution: "I've asked the courier to trace it, and I'll email you by Friday."
"""


def check(root: Path) -> Any:
    return CliRunner().invoke(main, ["check", str(root), "--grammar", "off", "--select", "SK406", "--format", "json"])


@pytest.mark.parametrize("guidance", ["Refunds", "Late parcels"])
def test_a_label_is_not_room(make_pack: Any, guidance: str) -> None:
    result = check(make_pack({"late.yaml": SCRIPT.format(guidance=guidance)}))
    assert result.exit_code == 1
    (found,) = json.loads(result.stdout)["diagnostics"]
    assert found["code"] == "SK406" and f"the guidance '{guidance}', a label" in found["message"]
    assert "when or how to adapt" in found["suggestion"]


@pytest.mark.parametrize("guidance", ["Offer express shipping.", "If they need it by Friday, offer express."])
def test_guidance_that_guides_is_room(make_pack: Any, guidance: str) -> None:
    assert check(make_pack({"late.yaml": SCRIPT.format(guidance=guidance)})).exit_code == 0


def test_a_label_beside_a_blank_is_room(make_pack: Any) -> None:
    script = SCRIPT.format(guidance="Refunds").replace("email you by Friday", "email you by {{ blank.day }}")
    script = script.replace("  guidance: Refunds\n", "  guidance: Refunds\n  blanks:\n    - name: day\n")
    assert check(make_pack({"late.yaml": script})).exit_code == 0


def test_an_imported_zendesk_label_is_told(tmp_path: Path) -> None:
    macro = {"id": 7, "title": "Late parcel", "description": "Shipping", "active": True, "actions": [
        {"field": "comment_value", "value": "I can see how worrying it is that your parcel is late. I've asked "
                                            "the courier to trace it, and I'll email you by Friday."}]}
    export = tmp_path / "macros.json"
    export.write_text(json.dumps({"macros": [macro]}), encoding="utf-8")
    done = CliRunner().invoke(main, ["import", str(export), "-o", str(tmp_path / "pack")])
    assert done.exit_code == 0, done.output
    result = check(tmp_path / "pack")
    assert "the guidance 'Shipping', a label" in result.stdout
