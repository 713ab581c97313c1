"""A helpdesk title holding " / " ('Returns / Exchanges') is the team's title, kept as written; it is read as
categories ('Orders::Late') only where that is clearly scriptkit's writing of a script's categories for a helpdesk
whose titles hold none (the file is scriptkit's own export, or every title of the file is written so), and then the
import says so and the script's comment quotes the title as the export wrote it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from scriptkit.importers import import_library

REPLY = "<p>I'm sorry the size didn't fit. I've emailed you a free return label today.</p>"


def _front(titles: list[str]) -> Any:
    return {"_results": [{"id": f"rsp_{n}", "name": t, "body": REPLY} for n, t in enumerate(titles)]}


def _freshdesk(titles: list[str]) -> Any:  # (a folder's responses, as Freshdesk's API lists them)
    return [{"id": n + 1, "title": t, "content_html": REPLY} for n, t in enumerate(titles)]


def _intercom(titles: list[str]) -> Any:
    return {"type": "list", "data": [{"type": "macro", "id": str(n + 1), "name": t, "body": REPLY}
                                     for n, t in enumerate(titles)]}


def _helpscout(titles: list[str]) -> Any:
    return {"_embedded": {"saved-replies": [{"id": n + 1, "name": t, "text": REPLY} for n, t in enumerate(titles)]}}


HELPDESKS = [("front", _front), ("freshdesk", _freshdesk), ("intercom", _intercom), ("helpscout", _helpscout)]


def _scripts(tmp_path: Path, fmt: str, export: Any) -> dict[str, str]:
    """The imported scripts' files by title line, from ``export`` written to a file and imported as ``fmt``."""
    path = tmp_path / "export.json"
    path.write_text(json.dumps(export), encoding="utf-8")
    root = import_library(path, fmt).write(tmp_path / "pack")
    files = [p.read_text(encoding="utf-8") for p in sorted((root / "scripts").glob("*.yaml"))]
    return {next(line for line in text.splitlines() if line.startswith("title:")): text for text in files}


@pytest.mark.parametrize(("fmt", "make"), HELPDESKS)
def test_a_title_with_a_slash_is_kept_as_the_team_wrote_it(tmp_path: Path, fmt: str, make: Any) -> None:
    scripts = _scripts(tmp_path, fmt, make(["Returns / Exchanges", "24/7 support hours"]))
    assert sorted(scripts) == ["title: 24/7 support hours", "title: Returns / Exchanges"], sorted(scripts)
    assert "read as categories" not in "".join(scripts.values())


@pytest.mark.parametrize(("fmt", "make"), HELPDESKS)
def test_titles_all_written_as_categories_are_read_so_and_said(tmp_path: Path, fmt: str, make: Any) -> None:
    scripts = _scripts(tmp_path, fmt, make(["Orders / Late parcel", "Billing / Refunds / Double charge"]))
    assert sorted(scripts) == ["title: Billing::Refunds::Double charge", "title: Orders::Late parcel"], sorted(scripts)
    late = scripts["title: Orders::Late parcel"]
    comment = late.splitlines()[0]  # ("# Imported by ... (file:line:col, <id> '<title in the export>').")
    assert comment.endswith(" 'Orders / Late parcel').") and "Orders::" not in comment, comment
    assert "its title, 'Orders / Late parcel', is read as categories, 'Orders::Late parcel'" in late, late


#: scriptkit's own export file of each helpdesk: its list alone, under the key the export writes
OWN = [("front", "message_templates", "name", "body"), ("freshdesk", "canned_responses", "title", "content_html"),
       ("intercom", "macros", "name", "body"), ("helpscout", "saved_replies", "name", "text")]


@pytest.mark.parametrize(("fmt", "key", "title", "body"), OWN)
def test_scriptkits_own_export_file_gives_its_categories_back(tmp_path: Path, fmt: str, key: str, title: str,
                                                              body: str) -> None:
    export = {key: [{title: "Orders / Late parcel", body: REPLY}, {title: "Welcome", body: REPLY}]}
    scripts = _scripts(tmp_path, fmt, export)
    assert sorted(scripts) == ["title: Orders::Late parcel", "title: Welcome"], sorted(scripts)
    assert "read as categories, 'Orders::Late parcel' (the file is scriptkit's" in scripts["title: Orders::Late parcel"]
    assert "read as categories" not in scripts["title: Welcome"]
