"""A placeholder a pack declares itself is named, where an export tells the agent what to fill in (Zendesk's
description, the playbook, the CSV's agent notes), by the description its writer gave it in pack.yaml, as a
built-in one is by the catalogue's (real packs written to disk, exported as `scriptkit export` does)."""

from __future__ import annotations

from pathlib import Path

from test_s21_exports_blanks import PACK_YAML, PRICE, _description, _rows, _write

from scriptkit.exporting import export


def test_a_pack_placeholder_is_named_by_its_declared_description(tmp_path: Path) -> None:
    pack = _write(tmp_path / "pack", {"price.yaml": PRICE})
    export(pack, ["zendesk", "playbook", "csv"], tmp_path / "out", lint=False)
    out = tmp_path / "out"
    lines = _description(out, "price-increase")
    assert "Replace [[order box date]]: delivery date of the box (Zendesk has no placeholder for it)" in lines
    # one declared without a description is named by its name, as before
    assert "Replace [[subscription plan]]: subscription plan (Zendesk has no placeholder for it)" in lines
    playbook = (out / "playbook" / "playbook.md").read_text(encoding="utf-8")
    assert "From *{delivery date of the box}*, *{subscription plan}* costs" in playbook
    assert "order box date" not in playbook
    page = (out / "playbook" / "playbook.html").read_text(encoding="utf-8")
    assert '<em class="ph" dir="auto">{delivery date of the box}</em>' in page


def test_the_agent_notes_name_a_pack_placeholder_by_its_description(tmp_path: Path) -> None:
    noted = PRICE.replace("I've also taken {{ blank.credit }} off your next box.",
                          "I've also taken {{ blank.credit }} off the box of {{ order.box_date }}.")
    declared = PACK_YAML.replace("The delivery date of the box", "  The delivery  date\n      of the box.  ")
    pack = _write(tmp_path / "pack", {"price.yaml": noted}, declared)
    export(pack, ["zendesk", "csv"], tmp_path / "out", lint=False)
    lines = _description(tmp_path / "out", "price-increase")
    # (the description as a phrase: its spaces and line breaks as one space each, no closing full stop)
    assert "If the box was late too: I've also taken [[credit]] off the box of {delivery date of the box}." in lines
    assert "Replace [[order box date]]: delivery date of the box (Zendesk has no placeholder for it)" in lines
    (row,) = _rows(tmp_path / "out")
    # (the CSV's conditions are written as its text is, so that scriptkit import reads them back)
    assert row["conditions"] == "If the box was late too: I've also taken [[credit]] off the box of {{order.box_date}}."
