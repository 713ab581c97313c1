"""One saved reply or canned response as the helpdesk's API returns it alone (no list around it) is read,
as a bare Zendesk or Gorgias macro already was; a document of another shape is still refused by name."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from scriptkit.cli import main

HELPSCOUT = {"id": 4183, "name": "Password reset", "chatText": "I've sent a fresh reset link to your inbox.",
             "text": "<p>Hi {%customer.firstName,fallback=there%},</p><p>I've sent a fresh reset link to your "
                     "inbox; it works for the next hour.</p>"}
FRESHDESK = {"id": 90211, "title": "Refund on its way", "folder_id": 3, "visibility": 0,
             "content_html": "<p>Hi {{ticket.requester.firstname}},</p><p>I've refunded the order today, and "
                             "the money reaches your card within five days.</p>"}


def _run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


@pytest.mark.parametrize(("helpdesk", "item", "script", "kept"), [
    ("helpscout", HELPSCOUT, "password-reset", "it works for the next hour"),
    ("freshdesk", FRESHDESK, "refund-on-its-way", "reaches your card within five days"),
])
def test_one_item_as_the_api_returns_it_is_imported(
        tmp_path: Path, helpdesk: str, item: dict[str, Any], script: str, kept: str) -> None:
    export = tmp_path / "one.json"
    export.write_text(json.dumps(item, indent=2), encoding="utf-8")
    result = _run("import", str(export), "--from", helpdesk, "-o", str(tmp_path / "pack"))
    assert result.exit_code == 0, result.output
    written = (tmp_path / "pack" / "scripts" / f"{script}.yaml").read_text(encoding="utf-8")
    assert kept in written and 'customer.first_name' in written
    title = item["name" if helpdesk == "helpscout" else "title"]
    line = next(n for n, text in enumerate(export.read_text(encoding="utf-8").splitlines(), 1) if title in text)
    assert f"{export}:{line}:" in written  # where it came from: the item's title in the file


def test_a_freshdesk_canned_response_with_plain_content_is_one_item_too(tmp_path: Path) -> None:
    export = tmp_path / "one.json"
    plain = {"id": 5, "title": "Invoice copy", "content": "I've attached a copy of last month's invoice."}
    export.write_text(json.dumps(plain), encoding="utf-8")
    result = _run("import", str(export), "--from", "freshdesk", "-o", str(tmp_path / "pack"))
    assert result.exit_code == 0, result.output
    assert "last month's invoice" in (tmp_path / "pack" / "scripts" / "invoice-copy.yaml").read_text(encoding="utf-8")


@pytest.mark.parametrize(("helpdesk", "item"), [
    ("helpscout", FRESHDESK),  # another helpdesk's item: --from is wrong, and the error says so
    ("freshdesk", HELPSCOUT),
    ("helpscout", {"id": 1, "name": "Only a name"}),
])
def test_an_object_of_another_shape_is_still_refused(tmp_path: Path, helpdesk: str, item: dict[str, Any]) -> None:
    export = tmp_path / "other.json"
    export.write_text(json.dumps(item), encoding="utf-8")
    result = _run("import", str(export), "--from", helpdesk, "-o", str(tmp_path / "pack"))
    assert result.exit_code == 2
    assert f"{export}:1:1: error:" in result.output and "unexpected shape" in result.output
    assert "Traceback" not in result.output and not (tmp_path / "pack").exists()
