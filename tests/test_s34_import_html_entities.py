"""A plain-text body from JSON Lines or CSV that is HTML-escaped (a tweet's text: '&amp;', '&lt;') is read as the
characters it stands for, not sent to customers as '&amp;'."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from scriptkit.cli import main


def _script_text(tmp_path: Path, name: str, content: str, fmt: str) -> str:
    library = tmp_path / name
    library.write_text(content, encoding="utf-8")
    out = tmp_path / "pack"
    result = CliRunner().invoke(main, ["import", str(library), "--from", fmt, "-o", str(out)])
    assert result.exit_code == 0, result.output
    return "".join(p.read_text(encoding="utf-8") for p in sorted((out / "scripts").glob("*.yaml")))


def test_escaped_entities_in_a_jsonl_body_are_decoded(tmp_path: Path) -> None:
    body = "Sorry for the wait &amp; thanks for your patience. Orders &lt; 2 days old ship today &gt; check back."
    text = _script_text(tmp_path, "t.jsonl", json.dumps({"id": "t1", "title": "Wait", "body": body}) + "\n", "jsonl")
    assert "&amp;" not in text and "&lt;" not in text and "&gt;" not in text
    assert "wait & thanks" in text and "Orders < 2 days" in text


def test_escaped_entities_in_a_csv_body_are_decoded(tmp_path: Path) -> None:
    csv = 'title,body\nWait,"We&#39;re sorry &amp; we&#39;ll sort it today: &quot;priority&quot; shipping."\n'
    text = _script_text(tmp_path, "t.csv", csv, "csv")
    assert "&amp;" not in text and "&#39;" not in text and "&quot;" not in text
    assert "sorry & we" in text
