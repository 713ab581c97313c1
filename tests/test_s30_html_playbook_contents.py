"""The agent playbook's HTML at library scale: a table of contents linking to each script, by category, and a
page that fits a phone's screen."""

from __future__ import annotations

import re
from pathlib import Path

from click.testing import CliRunner
from export_fixtures import LATE, write_pack

from scriptkit.cli import main


def _export(tmp_path: Path, scripts: dict[str, str]) -> Path:
    pack = write_pack(tmp_path / "pack", scripts)
    result = CliRunner().invoke(main, ["export", str(pack), "--to", "playbook,zendesk", "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    return tmp_path / "out"


def _script(n: int, category: str) -> str:
    return (LATE.replace("id: parcel-late", f"id: script-{n}")
            .replace('"Orders::Delivery::Parcel is late"', f'"{category}::Question {n}"'))


def test_a_large_playbook_has_a_table_of_contents_and_fits_a_phone(tmp_path: Path) -> None:
    scripts = {f"s{n}.yaml": _script(n, "Orders" if n % 2 else "Billing") for n in range(12)}
    page = (_export(tmp_path, scripts) / "playbook/playbook.html").read_text(encoding="utf-8")
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in page
    nav = re.search(r'<nav id="contents".*?</nav>', page, re.S)
    assert nav is not None and nav.start() < page.index("<article")
    # every script linked once, under its category, in the order of the page; every link lands on an anchor
    links = re.findall(r'<a href="#([^"]+)">', nav.group(0))
    articles = re.findall(r'<article id="([^"]+)">', page)
    sections = re.findall(r'<section id="([^"]+)"><h2>', page)
    assert sorted(articles) == sorted(f"script-{n}" for n in range(12))
    assert links == [x for s in sections for x in [s, *re.findall(
        r'<article id="([^"]+)">', page[page.index(f'<section id="{s}">'):].split("</section>")[0])]]
    assert re.search(r'<li><a href="#category-billing">Billing</a>\s*<ul>\s*<li><a href="#script-0">Question 0</a>',
                     nav.group(0))
