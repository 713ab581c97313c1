"""scriptkit's own JSON export keeps every script's and the pack's ``export:`` blocks (to be read back), so a
Zendesk internal note or a macro withheld from some agents loses nothing there: no SK509 or SK510 for it, which
said "the json export does not carry that". A CSV export does drop them, and still says so."""

from __future__ import annotations

import json
from pathlib import Path

from export_fixtures import LATE, write_pack

from scriptkit.exporting import export

NOTE = LATE.replace("id: parcel-late", "id: parcel-note").replace("Parcel is late", "Courier escalation").replace(
    "tags: [orders, late delivery]",
    "tags: [orders]\nexport:\n  zendesk: {public: false, restriction: {type: Group, id: 7}}")


def _codes(pack: Path, target: str, out: Path) -> set[str]:
    return {d.code for d in export(pack, [target], out, lint=False).diagnostics}


def test_the_json_export_carries_the_settings_so_it_names_no_note_or_limit(tmp_path: Path) -> None:
    pack = write_pack(tmp_path / "p", {"note.yaml": NOTE, "late.yaml": LATE})
    assert not {"SK509", "SK510"} & _codes(pack, "json", tmp_path / "json")
    written = json.loads(next((tmp_path / "json").rglob("*.json")).read_text(encoding="utf-8"))
    assert '"public": false' in json.dumps(written) and '"restriction"' in json.dumps(written)


def test_the_csv_export_drops_them_and_says_so(tmp_path: Path) -> None:
    pack = write_pack(tmp_path / "p", {"note.yaml": NOTE, "late.yaml": LATE})
    assert {"SK509", "SK510"} <= _codes(pack, "csv", tmp_path / "csv")
