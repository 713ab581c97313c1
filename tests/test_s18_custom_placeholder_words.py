"""A pack's own placeholder can say what it is called and what reads in its place (SK001's advice)."""

from __future__ import annotations

from typing import Any

from scriptkit import lint_pack, load_pack

PACK = ("name: Couriers\nplaceholders:\n  order.carrier:\n    description: The courier\n    sample: ParcelGo\n"
        "    called: your courier\n")


def test_sk001_suggests_the_words_a_pack_gives_its_placeholder(make_pack: Any) -> None:
    root = make_pack({"c.yaml": "id: c\ntitle: C\nacknowledgment: I can see how frustrating the wait is.\n"
                               "solution: \"I've chased them today. {{ order.carrier }} has the parcel now.\"\n"}, PACK)
    found = [d for d in lint_pack(load_pack(root), None, grammar="off").diagnostics if d.code == "SK001"]
    assert len(found) == 1
    assert "Your courier {{ order.carrier }} has the parcel now." in (found[0].suggestion or "")
    assert load_pack(root).catalogue.get("order.carrier").called == "your courier"


def test_the_words_survive_a_json_export_and_import(make_pack: Any, tmp_path: Any) -> None:
    from scriptkit import export, import_library

    root = make_pack({"c.yaml": "id: c\ntitle: C\nacknowledgment: I can see how frustrating the wait is.\n"
                               "solution: \"I've chased {{ order.carrier | fallback('them') }} today.\"\n"}, PACK)
    export(load_pack(root), ["json"], tmp_path / "out")
    library = import_library(next((tmp_path / "out" / "json").glob("*.json")))
    out = library.write(tmp_path / "again")
    assert load_pack(out).catalogue.get("order.carrier").called == "your courier"
