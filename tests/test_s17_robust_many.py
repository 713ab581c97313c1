"""Libraries of many items: replies of one title or one id name a few of the others and how many more
(each named all the others: 4,000 replies of one title made a pack of 800 MB), and a generic JSON library
of 100,000 items is read in time that grows with it, each item placed at its own title."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from scriptkit.importers import import_library
from scriptkit.importers.common import RawItem, ReadOptions
from scriptkit.importers.structured import read_json


def test_replies_of_one_title_name_five_others_and_how_many_more(tmp_path: Path) -> None:
    path = tmp_path / "lib.json"
    path.write_text(json.dumps([{"id": "r1", "title": "Refund", "body": f"I am sorry. Your refund {i} is on its way."}
                                for i in range(12)], indent=1), encoding="utf-8")
    lib = import_library(path, "json")
    # (the library's own id names its scripts, 851b48d2: repeated, it is made distinct as a title would be)
    assert [m.id for m in lib.macros] == ["r1", *(f"r1-{n}" for n in range(2, 13))]
    last = lib.macros[-1]
    (title_note,) = [n for n in last.notes if "has the title" in n]
    assert title_note.count(" at ") == 5
    assert "; and 6 more): all 12 were imported; an export asks for distinct titles (SK507)" in title_note
    (id_note,) = [n for n in last.notes if "gives id r1" in n]
    assert id_note.count(" at ") == 5 and id_note.endswith("; and 6 more): all 12 were imported")
    # each at its own item, not every one at the first
    assert len({m.raw.location.line for m in lib.macros}) == 12
    pair = tmp_path / "pair.json"
    pair.write_text(json.dumps([{"title": "Late", "body": "It ships today."}] * 2), encoding="utf-8")
    first = import_library(pair, "json").macros[0]
    assert any(n.endswith("): both were imported; an export asks for distinct titles (SK507)") for n in first.notes)


@pytest.mark.timeout(60)
def test_a_json_library_of_a_hundred_thousand_items_is_read(tmp_path: Path) -> None:
    path = tmp_path / "lib.json"
    path.write_text(json.dumps([{"title": f"Refund {i}", "body": f"Your refund {i} is on its way."}
                                for i in range(100_000)], indent=1), encoding="utf-8")
    items = [item for item in read_json(path, ReadOptions()) if isinstance(item, RawItem)]
    assert len(items) == 100_000
    assert items[-1].location.line == path.read_text(encoding="utf-8").count("\n") - 2
