"""An item whose reply fields are there but empty holds no reply: skipped with its file:line:col (exit 0), as
Zendesk's and Gorgias's are, by import and audit alike; it stopped a Freshdesk, Help Scout, Front or Intercom
import with exit 2 ("has no 'content_html' or 'content'", of a field that was there). An item with none of its
reply fields stays an error: its text is elsewhere."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

import scriptkit
from scriptkit.cli import main

_GOOD = "I'm so sorry your parcel is late. I've asked the courier to trace it today, and I'll email you by Friday."

# (format, the export with one good item and one empty one, the empty one's name, the fields named empty)
CASES: list[tuple[str, Any, str, str]] = [
    ("freshdesk", [{"id": 1, "title": "Late", "content_html": f"<p>{_GOOD}</p>"},
                   {"id": 5005, "title": "Blank", "folder_id": 77, "visibility": 0, "content_html": ""}],
     "canned response 5005 'Blank'", "its 'content_html' is empty"),
    ("helpscout", {"_embedded": {"saved-replies": [
        {"id": 1, "name": "Late", "text": f"<p>{_GOOD}</p>", "chatText": _GOOD},
        {"id": 305, "name": "Empty", "text": "", "chatText": "  "}]}},
     "saved reply 305 'Empty'", "its 'text' and 'chatText' are empty"),
    ("front", {"_results": [{"id": "rsp_1a", "name": "Late", "body": f"<div>{_GOOD}</div>"},
                            {"id": "rsp_1c", "name": "Empty one", "subject": None, "body": ""}]},
     "message template rsp_1c 'Empty one'", "its 'body' is empty"),
    ("intercom", {"type": "list", "data": [
        {"type": "macro", "id": "m_1", "name": "Late", "body": f"<p>{_GOOD}</p>", "body_text": _GOOD},
        {"type": "macro", "id": "m_3", "name": "Empty", "body": "", "body_text": ""}]},
     "macro m_3 'Empty'", "its 'body_text' and 'body' are empty"),
]


def _write(tmp_path: Path, data: Any) -> Path:
    path = tmp_path / "export.json"
    path.write_text(json.dumps(data, indent=1), encoding="utf-8")
    return path


def _line_col(path: Path, title: str) -> str:
    """'line:col' of the item's title in the file (inside its quotes), where the import locates the item."""
    text = path.read_text(encoding="utf-8")
    at = text.index(json.dumps(title)) + 1
    line = text.count("\n", 0, at) + 1
    return f"{line}:{at - (text.rfind(chr(10), 0, at) + 1) + 1}"


@pytest.mark.timeout(60)
@pytest.mark.parametrize(("fmt", "data", "name", "empty"), CASES, ids=[c[0] for c in CASES])
def test_an_empty_item_is_skipped_by_import(tmp_path: Path, fmt: str, data: Any, name: str, empty: str) -> None:
    export = _write(tmp_path, data)
    out = tmp_path / "out"
    ran = CliRunner().invoke(main, ["import", str(export), "--from", fmt, "-o", str(out)])
    assert ran.exit_code == 0, ran.output
    title = name.split("'")[1]
    where = _line_col(export, title)
    said = " ".join(ran.output.split())  # (the console wraps a long line)
    assert f"skipped: {export}:{where}: {name}: {empty} (no reply text); skipped" in said
    assert "error" not in said
    assert len(list((out / "scripts").glob("*.yaml"))) == 1
    assert f"{name}: {empty} (no reply text)" in (out / "pack.yaml").read_text(encoding="utf-8")


@pytest.mark.timeout(60)
@pytest.mark.parametrize(("fmt", "data", "name", "empty"), CASES, ids=[c[0] for c in CASES])
def test_an_empty_item_is_skipped_by_the_api_and_audit(tmp_path: Path, fmt: str, data: Any, name: str,
                                                       empty: str) -> None:
    export = _write(tmp_path, data)
    library = scriptkit.import_library(export, fmt)
    assert library.problems == [] and len(library.macros) == 1
    assert [(p.item, p.message, p.skipped) for p in library.skipped] == [
        (name, f"{empty} (no reply text); skipped", True)]
    report = scriptkit.audit_library(export, fmt, grammar="off")
    assert report.unreadable == [] and [p.item for p in report.skipped] == [name]
    ran = CliRunner().invoke(main, ["audit", str(export), "--from", fmt, "--grammar", "off", "--format", "json"])
    assert ran.exit_code == 0, ran.output
    found = json.loads(ran.stdout)
    assert [s["item"] for s in found["skipped"]] == [name] and len(found["macros"]) == 1


@pytest.mark.timeout(60)
def test_an_export_of_only_empty_items_has_nothing_to_import(tmp_path: Path) -> None:
    export = _write(tmp_path, [{"id": 5005, "title": "Blank", "content_html": "", "content": None}])
    ran = CliRunner().invoke(main, ["import", str(export), "--from", "freshdesk", "-o", str(tmp_path / "out")])
    assert ran.exit_code == 2
    assert "error: nothing to import: no item holds reply text" in ran.output


@pytest.mark.timeout(60)
@pytest.mark.parametrize(("fmt", "item", "message"), [
    ("freshdesk", {"id": 1, "title": "Late", "body": "Hi"}, "canned response 1 'Late': has no 'content_html' or "
                                                             "'content'"),
    ("front", {"id": "rsp_1", "name": "Late", "text": "Hi"}, "message template rsp_1 'Late': has no 'body'"),
    # (a list export's preview: the text is in the full reply, to fetch)
    ("helpscout", {"id": 5, "name": "Listed", "preview": "Hi there", "text": ""},
     "saved reply 5 'Listed': has no 'text' or 'chatText' (a list export holds only 'preview'"),
])
def test_an_item_without_its_reply_fields_is_still_an_error(tmp_path: Path, fmt: str, item: dict[str, Any],
                                                            message: str) -> None:
    export = _write(tmp_path, [item])
    ran = CliRunner().invoke(main, ["import", str(export), "--from", fmt, "-o", str(tmp_path / "out")])
    assert ran.exit_code == 2 and message in " ".join(ran.output.split())
