"""``scriptkit audit`` scores a library by category ('Billing::Refunds::Issued' is in 'Billing::Refunds'): a lead
auditing 5,000 Zendesk macros could not tell which part of the library was coldest, to hand each owner theirs."""

from __future__ import annotations

import json
import re
from pathlib import Path

from scriptkit.audit import NO_CATEGORY, audit_library
from tests.conftest import run_cli

WARM = ("Hi {{ticket.requester.first_name}}, I know a late parcel is frustrating, and I'm sorry. I've asked the "
        "courier to deliver it tomorrow and I'll email you by noon. Thanks, {{current_user.first_name}}")
COLD = "Dear valued customer, per our policy this decision is final. Regards, Support"


def _export(path: Path, titles_bodies: list[tuple[str, str]]) -> Path:
    macros = [{"id": i + 1, "title": t, "active": True, "actions": [{"field": "comment_value", "value": b}]}
              for i, (t, b) in enumerate(titles_bodies)]
    path.write_text(json.dumps({"macros": macros}), encoding="utf-8")
    return path


def test_categories_are_scored_coldest_first_in_text_json_and_html(tmp_path: Path) -> None:
    export = _export(tmp_path / "macros.json", [
        ("Billing::Refunds::Denied", COLD), ("Billing::Refunds::Denied again", COLD.replace("final", "closed")),
        ("Shipping::Late::First", WARM), ("Shipping::Late::Second", WARM.replace("noon", "five")),
        ("Welcome", WARM.replace("parcel", "reply"))])
    report = audit_library(export, grammar="off")
    found = report.categories
    names = [c.name for c in found]
    assert names[:2] == ["Billing::Refunds", "Shipping::Late"] and NO_CATEGORY in names
    cold, warm = found[0], found[1]
    assert cold.macros == 2 and cold.overall is not None and warm.overall is not None and cold.overall < warm.overall
    # (the mean of its macros' overall scores, as the library's is)
    members = [m for m in report.macros if m.title.startswith("Billing::Refunds::")]
    assert cold.overall == round(sum(m.held_mean for m in members) / 2, 1)
    assert cold.coldest is not None and cold.averages[cold.coldest] == min(v for v in cold.averages.values()
                                                                            if v is not None)

    run = run_cli("audit", str(export), "--grammar", "off", "--html", str(tmp_path / "r.html"))
    assert run.exit_code == 0, run.output
    lines = run.output.splitlines()
    head = next(i for i, line in enumerate(lines) if line.startswith("Coldest categories"))
    assert "(3 of 3," in lines[head]
    assert re.match(rf"\s+{cold.overall:.0f}\s+Billing::Refunds: 2 macro\(s\)", lines[head + 1])
    assert f"lowest in {cold.coldest.replace('_', ' ')}" in lines[head + 1]

    data = json.loads(run_cli("audit", str(export), "--grammar", "off", "--format", "json").stdout)
    assert [c["name"] for c in data["categories"]] == [c.name for c in found]
    assert data["categories"][0] == {"name": "Billing::Refunds", "macros": 2, "judged_in_full": 2,
                                     "overall": cold.overall, "averages": cold.averages, "coldest": cold.coldest,
                                     "broken": cold.broken}
    page = (tmp_path / "r.html").read_text(encoding="utf-8")
    section = re.search(r'<section id="categories">.*?</section>', page, re.S)
    assert section and section.group(0).index("Billing::Refunds") < section.group(0).index("Shipping::Late")


def test_a_library_without_categories_has_no_category_section(tmp_path: Path) -> None:
    # (one category beside titles without: nothing to compare, so nothing said)
    export = _export(tmp_path / "macros.json", [("Refund denied", COLD), ("Shipping::Late", WARM), ("Hello", WARM)])
    report = audit_library(export, grammar="off")
    assert report.categories == [] and report.to_dict()["categories"] == []
    run = run_cli("audit", str(export), "--grammar", "off", "--html", str(tmp_path / "r.html"))
    assert "Coldest categories" not in run.output
    assert 'id="categories"' not in (tmp_path / "r.html").read_text(encoding="utf-8")
