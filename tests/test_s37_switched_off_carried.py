"""A macro switched off in Zendesk (active: false) exported to Salesforce became a live Quick Text, and SK510's
hint offered only skip: true, though a Quick Text has its own switch (IsInsertable). A switched-off macro now
stays switched off where the target can say so (Zendesk active, Salesforce IsInsertable, both ways), and SK510 in
such a target names its own setting."""

from __future__ import annotations

import json
from pathlib import Path

from export_fixtures import LATE, PACK_YAML, write_pack

from scriptkit.exporting import export


def _pack(tmp_path: Path, setting: str) -> Path:
    script = LATE.replace("tags: [orders, late delivery]", f"tags: [orders]\nexport:\n{setting}")
    return write_pack(tmp_path / "p", {"late.yaml": script}, PACK_YAML)


def _records(out: Path) -> list[dict[str, object]]:
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted((out / "salesforce/quick_text").glob("*.json"))]


def test_a_switched_off_zendesk_macro_stays_switched_off_in_salesforce(tmp_path: Path) -> None:
    pack = _pack(tmp_path, "  zendesk:\n    active: false\n")
    result = export(pack, ["salesforce", "helpscout"], tmp_path / "out", lint=False)
    records = _records(tmp_path / "out")
    assert records and all(r["IsInsertable"] is False for r in records)
    withheld = {d.extra["target"] for d in result.diagnostics if d.code == "SK510"}
    assert withheld == {"helpscout"}  # (Help Scout has no switch: still told, with skip)


def test_a_quick_text_left_out_stays_switched_off_in_zendesk(tmp_path: Path) -> None:
    pack = _pack(tmp_path, "  salesforce:\n    insertable: false\n")
    result = export(pack, ["zendesk"], tmp_path / "out", lint=False)
    macros = [json.loads(p.read_text(encoding="utf-8")) for p in (tmp_path / "out/zendesk").rglob("*.json")]
    actives = [m["macro"]["active"] for m in macros if "macro" in m]
    assert actives and not any(actives)
    assert not [d for d in result.diagnostics if d.code == "SK510"]


def test_the_target_s_own_setting_wins(tmp_path: Path) -> None:
    pack = _pack(tmp_path, "  zendesk:\n    active: false\n  salesforce:\n    insertable: true\n")
    result = export(pack, ["salesforce"], tmp_path / "out", lint=False)
    assert all(r["IsInsertable"] is True for r in _records(tmp_path / "out"))
    assert not [d for d in result.diagnostics if d.code == "SK510"]  # (the writer chose, for Salesforce)


def test_a_restriction_s_hint_names_the_target_s_own_switch(tmp_path: Path) -> None:
    pack = _pack(tmp_path, "  zendesk:\n    restriction: {type: Group, ids: [123]}\n")
    result = export(pack, ["salesforce"], tmp_path / "out", lint=False)
    [found] = [d for d in result.diagnostics if d.code == "SK510"]
    assert "group 123" in found.message
    assert found.suggestion == ("Leave it out with export: {salesforce: {skip: true}} in the script, switch it off "
                                "there with export: {salesforce: {insertable: false}}, or remove that setting if it "
                                "should be in use everywhere.")
    assert "IsInsertable" not in _records(tmp_path / "out")[0]  # (restricted is not switched off: not guessed)
