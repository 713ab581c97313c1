"""The audit of a Help Scout library: a placeholder with an empty fallback is said to have an empty fallback (not
"no fallback"), and a fill-in marker its chat text repeats is one problem, not two."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

import scriptkit
from scriptkit.cli import main

_REPLY = ("<p>Hi {%customer.firstName,fallback=%},</p><p>I'm sorry your refund is slow. I've chased it today and "
          "you'll see it within {X} business days.</p><p>Thanks,<br>Mo</p>")
_CHAT = "Hi {%customer.firstName,fallback=%}, sorry it's slow! I've chased it today: within {X} business days."


@pytest.mark.timeout(120)
def test_an_empty_fallback_is_worded_as_one_and_a_repeated_marker_counted_once(tmp_path: Path) -> None:
    path = tmp_path / "saved_replies.json"
    path.write_text(json.dumps([{"id": 9, "name": "Refund slow", "text": _REPLY, "chatText": _CHAT}]),
                    encoding="utf-8")
    report = scriptkit.audit_library(path, grammar="off")
    macro = report.macros[0]
    assert [d.text for d in macro.diagnostics if d.name == "unfilled-blank"] == ["{X}"]
    run = CliRunner().invoke(main, ["audit", str(path), "--grammar", "off"])
    assert run.exit_code == 0, run.output
    assert "{%customer.firstName,fallback=%} has an empty fallback" in run.output
    assert "has no fallback" not in run.output
    html = tmp_path / "report.html"
    report.write_html(html)
    page = html.read_text(encoding="utf-8")
    assert "can be empty and has an empty fallback" in page and "has no fallback" not in page
