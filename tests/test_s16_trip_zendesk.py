"""A pack exported to Zendesk, imported and exported again gives the same macros: a placeholder Zendesk has
no field for (the reply shows it as a marker for the agent to replace, as a blank) is named in the
description as a blank is, so the import's own prompt for it no longer joins the description."""

from __future__ import annotations

import json
from pathlib import Path

from scriptkit import export, import_library

STARTER = Path(__file__).resolve().parent.parent / "templates" / "starter"


def _macros(path: Path) -> list[dict[str, object]]:
    return sorted(json.loads(path.read_text(encoding="utf-8"))["macros"], key=lambda m: str(m["title"]))


def test_zendesk_round_trip_leaves_the_descriptions_as_written(tmp_path: Path) -> None:
    export(STARTER, ["zendesk"], tmp_path / "one", lint=False)
    pack = import_library(tmp_path / "one" / "zendesk" / "macros.json", "zendesk").write(tmp_path / "pack")
    export(pack, ["zendesk"], tmp_path / "two", lint=False)
    first = _macros(tmp_path / "one" / "zendesk" / "macros.json")
    again = _macros(tmp_path / "two" / "zendesk" / "macros.json")
    assert [m.get("description") for m in again] == [m.get("description") for m in first]
    assert again == first
    late = next(m for m in first if m["title"] == "Orders::Damaged in transit")
    # the marker the reply shows is named like a blank's, with what to fill in
    assert "Replace [[order number]]: The order number, from the ticket or the shop's admin" in \
        str(late["description"]).split("\n")


def test_a_mapped_placeholder_gets_no_line(tmp_path: Path) -> None:
    export(STARTER, ["zendesk"], tmp_path / "out", lint=False)
    text = (tmp_path / "out" / "zendesk" / "macros.json").read_text(encoding="utf-8")
    assert "Replace [[customer first name]]" not in text and "Replace [[ticket id]]" not in text
