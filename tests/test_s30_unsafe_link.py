"""SK013: a link whose address runs a script or holds a file (``javascript:``, ``data:``...) is reported when the
pack is checked. No export makes it a link, so the customer reads "Track it (javascript:track())"; before, nothing
said so until an export warned, and `check` said "All clear"."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from scriptkit.cli import main
from scriptkit.linting import lint_text

SCRIPT = """id: label
title: Return label
channels: [email, sms]
acknowledgment: "I can see how annoying it is to wait for a return label."
warm_language: "Thanks for sending the photos so quickly."
flexibility:
  guidance: Check the order is within the return window first.
solution: "I've made your label today: [print it here]({address}). It's valid for 14 days."
"""


@pytest.mark.parametrize("address", ["javascript:print()", "data:text/html,hi", "JavaScript:void(0)"])
def test_a_script_link_is_reported_on_every_channel(make_pack: Any, address: str) -> None:
    root: Path = make_pack({"label.yaml": SCRIPT.format(address=address)})
    result = CliRunner().invoke(main, ["check", str(root), "--grammar", "off", "--format", "json"])
    assert result.exit_code == 1, result.output
    found = [d for d in json.loads(result.stdout)["diagnostics"] if d["code"] == "SK013"]
    assert found and {d["severity"] for d in found} == {"error"}
    assert found[0]["line"] == 8 and f"({address})" in found[0]["message"]
    assert set(found[0]["channels"]) == {"email", "sms"}


def test_a_web_link_passes(make_pack: Any) -> None:
    root: Path = make_pack({"label.yaml": SCRIPT.format(address="https://example.com/label")})
    result = CliRunner().invoke(main, ["check", str(root), "--grammar", "off", "--select", "SK013"])
    assert result.exit_code == 0, result.output


def test_review_reports_it_too() -> None:
    codes = {d.code for d in lint_text("Sorry for the trouble. [Click here](javascript:alert(1)) to fix it.",
                                       grammar="off").diagnostics}
    assert "SK013" in codes
    assert "SK013" not in {d.code for d in lint_text("Sorry for the trouble. See https://example.com (our help "
                                                     "page) for more.", grammar="off").diagnostics}
