"""Gorgias: a link whose address is a placeholder is no difference between the HTML and the plain text; a macro's
tags keep their order and a macro with no language is exported back with none (null), not the pack's locale's."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from scriptkit import export, import_library
from tests.conftest import run_cli

_URL = "{{ticket.customer.integrations.shopify.orders[0].fulfillments[0].tracking_url}}"


def _macro(ident: int, html: str, text: str, **more: object) -> dict[str, object]:
    return {"id": ident, "name": f"Parcel {ident}", **more, "actions": [
        {"name": "setResponseText", "type": "user", "arguments": {"body_html": html, "body_text": text}}]}


@pytest.mark.timeout(60)
def test_a_placeholder_address_is_no_difference(tmp_path: Path) -> None:
    source = tmp_path / "macros.json"
    same = _macro(1, f'<p>I\'m sorry for the wait. You can <a href="{_URL}">follow the parcel here</a> today.</p>',
                  f"I'm sorry for the wait. You can follow the parcel here ({_URL}) today.")
    other = _macro(2, f'<p>I\'m sorry for the wait. You can <a href="{_URL}">follow the parcel here</a> today.</p>',
                   f"I'm sorry for the wait. You can see the parcel there ({_URL}) today.")
    source.write_text(json.dumps([same, other]), encoding="utf-8")
    first, second = import_library(source, "gorgias").macros
    assert not [n for n in first.notes if "say different things" in n]
    # (words that differ beside such a link are still told)
    assert [n for n in second.notes if "say different things" in n]


@pytest.mark.timeout(60)
def test_scriptkits_own_gorgias_export_reads_back_as_it_was(tmp_path: Path) -> None:
    source = tmp_path / "macros.json"
    macro = _macro(7, f'<p>I\'m sorry the parcel is taking so long. I\'ve checked it today: you can '
                      f'<a href="{_URL}">follow it here</a>.</p>',
                   f"I'm sorry the parcel is taking so long. I've checked it today: you can follow it here ({_URL}).")
    macro["actions"].append({"name": "addTags", "arguments": {"tags": "orders,damaged"}})  # type: ignore[attr-defined]
    source.write_text(json.dumps([macro]), encoding="utf-8")
    pack, out, back = tmp_path / "pack", tmp_path / "out", tmp_path / "back"
    assert run_cli("import", str(source), "--from", "gorgias", "-o", str(pack)).exit_code == 0
    export(pack, "gorgias", out)
    written = out / "gorgias" / "macros.json"
    data = json.loads(written.read_text(encoding="utf-8"))
    [exported] = data if isinstance(data, list) else data.get("data") or data.get("macros")
    assert exported["language"] is None  # (it had none: not the pack's locale's, which would set one in Gorgias)
    assert _tags(exported) == ["orders", "damaged"]  # (the writer's order)
    result = run_cli("import", str(written), "--from", "gorgias", "-o", str(back))
    assert result.exit_code == 0, result.output
    assert "say different things" not in result.output
    [script] = (back / "scripts").glob("*.yaml")
    text = script.read_text(encoding="utf-8")
    assert "language: en" not in text and "tags: [orders, damaged]" in text


def _tags(macro: dict[str, object]) -> list[object]:
    for action in macro["actions"]:  # type: ignore[attr-defined]
        if action["name"] == "addTags":
            tags = action["arguments"]["tags"]
            return [t.strip() for t in tags.split(",")] if isinstance(tags, str) else [t["name"] for t in tags]
    return []
