"""The audit's HTML page: the headline score reads out of 100 and says how it is made, Flexibility is defined, and
the contradictions table keeps a topic's word whole ('refund', not 'refun' / 'd')."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

import scriptkit

_FAST = ("Hi {{first_name}},\n\nSorry for the wait. I've issued your refund today, and you'll see it on your card "
         "within 5 business days.\n\nThanks,\nMo")


@pytest.mark.timeout(120)
def test_the_headline_score_is_out_of_100_and_explained(tmp_path: Path) -> None:
    path = tmp_path / "replies.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in [
        {"title": "Refund fast", "body": _FAST},
        {"title": "Refund slow", "body": _FAST.replace("5 business days", "10 business days")}]), encoding="utf-8")
    report = scriptkit.audit_library(path, grammar="off")
    assert report.contradictions
    page = report.write_html(tmp_path / "audit.html").read_text(encoding="utf-8")
    assert f"<b>{report.overall:.0f}/100</b><span>overall score</span>" in page
    headline = re.search(r'<p class="headline-how[^>]*>(.*?)</p>', page)
    assert headline is not None and "mean" in headline.group(1) and "macro" in headline.group(1)
    assert re.search(r"<dt>Flexibility</dt><dd>[^<]*agent", page)
    # (the topic and unit cells break between words only: overflow-wrap anywhere split 'refund' in a narrow column)
    assert "<tr><td class=kind>refund</td>" in page
