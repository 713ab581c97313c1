"""What docs/export/intercom.md and the export's README say macros.json holds is what it holds."""

from __future__ import annotations

import json
import re
from pathlib import Path

from export_fixtures import LATE, PACK_YAML, write_pack

from scriptkit.exporting import export

DOC = Path(__file__).resolve().parent.parent / "docs" / "export" / "intercom.md"


def test_macros_json_is_described_as_it_is(tmp_path: Path) -> None:
    imported = LATE.replace("tags: [orders, late delivery]", "tags: [orders]\nexport:\n  intercom: {id: '901'}")
    pack = write_pack(tmp_path / "p", {"late.yaml": imported}, PACK_YAML)
    export(pack, ["intercom"], tmp_path / "out", lint=False)
    written = json.loads((tmp_path / "out/intercom/macros.json").read_text(encoding="utf-8"))
    assert list(written) == ["macros"]  # (not GET /macros's {"type": "list", "data": [...]})
    keys = {k for m in written["macros"] for k in m}
    assert keys == {"id", "name", "body", "body_text"}
    readme = (tmp_path / "out/intercom/README.md").read_text(encoding="utf-8")
    for text in (DOC.read_text(encoding="utf-8"), readme):
        flat = " ".join(text.split())
        # no claim that the file is what the API returns; the top-level key and every field are named
        assert not re.search(r"as `?GET /macros`? returns it", flat)
        assert '{"macros": [...]}' in flat and "not a" in flat
        assert all(f"`{k}`" in flat or k in flat for k in keys)
        # the API's fields it leaves out are named, so a reader comparing does not look for them
        assert "visible_to" in flat and "available_on" in flat
