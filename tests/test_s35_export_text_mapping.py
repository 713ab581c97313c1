"""A placeholder mapping to fixed text ('brand.name: Acme Co') is no field: the advice says how to write fixed
text in that helpdesk's export (a constant), and a forced export never writes the text as a variable."""

from __future__ import annotations

import json
from pathlib import Path

from export_fixtures import write_pack

from scriptkit.exporting import ExportRefused, export

PACK = ("name: Text mapping\nversion: 1.0.0\nchannels:\n  email:\n    greeting: ''\n    signoff: ''\n"
        "export:\n  front:\n    placeholders:\n      brand.name: Lantern Goods\n")
SCRIPT = ("id: thanks\ntitle: Thanks for waiting\nchannels: [email]\n"
          "acknowledgment: I'm sorry the parcel took so long.\n"
          "solution: \"Thanks for shopping with {{ brand.name }}.\"\n")


def test_text_mapped_to_a_placeholder_is_advised_as_a_constant_and_never_written_as_a_variable(tmp_path: Path
                                                                                                ) -> None:
    pack = write_pack(tmp_path / "p", {"thanks.yaml": SCRIPT}, PACK)
    try:
        export(pack, ["front"], tmp_path / "refused", lint=False)
        raise AssertionError("the export went ahead")
    except ExportRefused as refused:
        [sk506] = [d for d in refused.errors if d.code == "SK506"]
    advice = sk506.suggestion or ""
    assert "constants" in advice and "brand_name: Lantern Goods" in advice and "{{ brand_name }}" in advice
    assert "ticket.custom_fields" not in advice  # (a Zendesk field is no example for Front)
    assert "recipient." in advice  # (one of Front's own)
    export(pack, ["front"], tmp_path / "out", lint=False, force=True)
    body = json.loads(next((tmp_path / "out" / "front").rglob("thanks.json")).read_text(encoding="utf-8"))["body"]
    assert "{{Lantern Goods}}" not in body and "Lantern Goods}}" not in body
    assert "[[brand name]]" in body  # (the agent fills it in, as with no mapping)
