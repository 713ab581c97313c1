"""A pack's settings give its placeholder catalogue (``PackMeta.catalogue``): the one the pack, the linter and
the exports' agent notes use, built in one place."""

from __future__ import annotations

from pathlib import Path

from scriptkit import load_pack


def test_pack_settings_give_the_catalogue_the_pack_gives(tmp_path: Path) -> None:
    (tmp_path / "scripts").mkdir()
    (tmp_path / "pack.yaml").write_text("name: P\nplaceholders:\n  order.box_date:\n    description: The delivery "
                                        "date of the box\n    sample: Friday 12 June\n", encoding="utf-8")
    (tmp_path / "scripts" / "late.yaml").write_text("id: late\ntitle: Late\nacknowledgment: Sorry.\n"
                                                    "solution: It arrives {{ order.box_date }}.\n", encoding="utf-8")
    pack = load_pack(tmp_path)
    spec = pack.meta.catalogue.get("order.box_date")
    assert spec is not None and (spec.description, spec.sample) == ("The delivery date of the box", "Friday 12 June")
    assert pack.meta.catalogue.get("customer.first_name") is not None  # (the built-in ones beside it)
    names = ("order.box_date", "customer.first_name")
    assert [pack.catalogue.get(n) for n in names] == [pack.meta.catalogue.get(n) for n in names]
