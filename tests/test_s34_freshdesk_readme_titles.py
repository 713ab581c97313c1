"""Session 34 (dialects): Freshdesk's export, its README and SK507, as the reference says Freshdesk reads them."""

from __future__ import annotations

import json
from pathlib import Path

from scriptkit import export


def _orders_pack(root: Path, pack_yaml: str = "name: Shop\n") -> Path:
    (root / "scripts").mkdir(parents=True)
    (root / "pack.yaml").write_text(pack_yaml, encoding="utf-8")
    for ident in ("late-one", "late-two"):
        (root / "scripts" / f"{ident}.yaml").write_text(
            f"id: {ident}\ntitle: \"Orders::Late parcel\"\n"
            "acknowledgment: \"I know a late parcel is a worry.\"\n"
            "solution: \"I've sent a replacement today.\"\n", encoding="utf-8")
    return root


def test_freshdesk_readme_says_what_folders_json_lists(tmp_path: Path) -> None:
    """A response exported personal for want of a folder id ("visibility": 1 in its file) has its folder listed to
    create; the README says so, and names the field as the file writes it."""
    pack = _orders_pack(tmp_path / "pack")
    (pack / "scripts" / "late-two.yaml").write_text(
        (pack / "scripts" / "late-two.yaml").read_text(encoding="utf-8").replace("Late parcel", "Lost parcel"),
        encoding="utf-8")
    export(pack, ["freshdesk"], tmp_path / "out", force=True, lint=False)
    out = tmp_path / "out" / "freshdesk"
    bundle = json.loads((out / "canned_responses.json").read_text(encoding="utf-8"))["canned_responses"]
    assert {r["visibility"] for r in bundle} == {1}
    folders = json.loads((out / "folders.json").read_text(encoding="utf-8"))["canned_response_folders"]
    assert folders == [{"name": "Orders"}]
    readme = " ".join((out / "README.md").read_text(encoding="utf-8").split())
    assert '"visibility": 1' in readme
    # (the pack's setting is 'personal', the field 1: the prose names the setting only as the pack writes it)
    assert readme.count("visibility: personal") == readme.count("{visibility: personal}")
    assert "listed in `folders.json` to create" in readme


def test_freshdesk_two_responses_exported_personal_share_a_title(tmp_path: Path) -> None:
    """Without a folder id both go as personal responses, whose titles Freshdesk does not refuse twice: no SK507;
    once the folder's id is set they share that folder, and SK507 says so."""
    pack = _orders_pack(tmp_path / "pack")
    result = export(pack, ["freshdesk"], tmp_path / "out", force=True, lint=False)
    assert [d.message for d in result.diagnostics if d.code == "SK507"] == []
    foldered = _orders_pack(tmp_path / "foldered", "name: Shop\nexport:\n  freshdesk:\n    folders: {Orders: 12}\n")
    result = export(foldered, ["freshdesk"], tmp_path / "out2", force=True, lint=False)
    assert len([d for d in result.diagnostics if d.code == "SK507"]) == 1
