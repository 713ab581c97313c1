"""A macro whose overall score is capped at 50 is said so in every audit report in the same words: the text
report said 'capped at 50 (it would score N) because ...' while its work order said 'held at 50', the HTML
report 'held at 50 (from N)' and the --help 'held at 50'."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import run_cli

_MARKER = ("id: marker\ntitle: Refund by date\nchannels: [email]\n"
           'acknowledgment: "I know how annoying it is to wait on money that is yours, and I\'m sorry."\n'
           'warm_language: "Thank you for bearing with us on this."\n'
           'solution: "Your refund goes back to your card on [DAY], and I\'ll write to you when it has."\n')


def _pack(tmp_path: Path) -> Path:
    pack = tmp_path / "pack"
    assert run_cli("init", str(pack)).exit_code == 0
    (pack / "scripts" / "marker.yaml").write_text(_MARKER, encoding="utf-8")
    return pack


def test_every_audit_report_says_capped_not_held(tmp_path: Path) -> None:
    pack, page = _pack(tmp_path), tmp_path / "audit.html"
    text = run_cli("audit", str(pack), "--grammar", "off", "--html", str(page)).stdout
    html = page.read_text(encoding="utf-8")
    data = json.loads(run_cli("audit", str(pack), "--grammar", "off", "--format", "json").stdout)
    help_text = run_cli("audit", "--help").stdout
    for said in (text, html, json.dumps(data), help_text):
        assert "held at" not in said
    assert "1 macro(s) broken for the customer, all capped at 50" in text and "macros capped at 50" in text, text
    assert "capped at 50 (it would score " in html and ") because it would send" in html
    assert "capped at 50" in " ".join(help_text.split())
